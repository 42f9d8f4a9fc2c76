"""Originals on S3-compatible storage (AWS S3, MinIO, Ceph…), for a team catalogue.

The bucket holds the same layout as a folder store — ``prefix/ab/cdef…`` named by
SHA-256, ``prefix/quarantine/…`` for objects moved aside — so a folder store can be
copied into a bucket with any sync tool and back. Put-once is the server's job: every
upload is conditional (``If-None-Match: *``), so an object already stored is never
overwritten and two people storing the same bytes at once both succeed. Each upload
carries its SHA-256 (``x-amz-checksum-sha256``), so a server that checks it refuses
bytes changed on the way. Reads are streamed and re-hashed; a file a caller needs
(``local_file``) is downloaded once per process into a private temporary folder and
only kept if its bytes hash to its name.

Credentials come from the standard AWS environment or profile, never from the
location string or the catalogue. Every failure of the service becomes an
``ObjectStoreError`` whose one line names the store and what was wrong.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import os
import re
import shutil
import stat
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionError,
    CredentialRetrievalError,
    NoCredentialsError,
    PartialCredentialsError,
    ProfileNotFound,
)

from db.objects import (
    CHUNK,
    ObjectMissing,
    ObjectStoreError,
    check_sha256,
    sha256_bytes,
    verified,
)

log = logging.getLogger(__name__)

PARAMETERS = ("endpoint_url", "region", "profile")
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_OBJECT_KEY = re.compile(r"([0-9a-f]{2})/([0-9a-f]{62})")
_DENIED = {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "403"}
_MISSING = {"NoSuchKey", "404", "NotFound"}


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str = ""  # without leading or trailing slash
    endpoint_url: str | None = None
    region: str | None = None
    profile: str | None = None

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}".rstrip("/")

    @property
    def root(self) -> str:
        """The key prefix every object key starts with."""
        return f"{self.prefix}/" if self.prefix else ""


def parse_s3_location(text: str) -> S3Location:
    """``s3://bucket/prefix?endpoint_url=…&region=…&profile=…`` as an S3Location;
    ObjectStoreError naming the part that is wrong."""
    parts = urlsplit(text.strip())
    shown = f"object store location {parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    if "@" in parts.netloc:
        raise ObjectStoreError(
            f"{shown}: credentials do not belong in the location; set them in the AWS "
            "environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or a profile"
        )
    if not _BUCKET.fullmatch(parts.netloc):
        raise ObjectStoreError(f"{shown}: {parts.netloc!r} is not a bucket name")
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise ObjectStoreError(f"{shown}: cannot read the parameters {parts.query!r}") from None
    for name, values in query.items():
        if name not in PARAMETERS:
            raise ObjectStoreError(
                f"{shown}: unknown parameter {name!r} (known: {', '.join(PARAMETERS)})"
            )
        if len(values) != 1 or not values[0]:
            raise ObjectStoreError(f"{shown}: parameter {name!r} needs exactly one value")
    endpoint = query.get("endpoint_url", [None])[0]
    if endpoint is not None and urlsplit(endpoint).scheme not in ("http", "https"):
        raise ObjectStoreError(f"{shown}: endpoint_url {endpoint!r} is not an http(s) URL")
    return S3Location(
        bucket=parts.netloc,
        prefix=parts.path.strip("/"),
        endpoint_url=endpoint,
        region=query.get("region", [None])[0],
        profile=query.get("profile", [None])[0],
    )


class S3ObjectStore:
    """The ObjectStore interface over one bucket and key prefix."""

    def __init__(self, spec: S3Location) -> None:
        self.spec = spec
        self._client: Any = None
        self._cache: Path | None = None
        # Import threads and the window's workers share one store: the client and the
        # cache folder are made once (a boto3 session must not be shared while made).
        self._making = threading.Lock()

    # A store is pickled to import workers: each process makes its own client and cache.
    def __getstate__(self) -> dict[str, Any]:
        return {"spec": self.spec}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["spec"])  # type: ignore[misc]

    @property
    def location(self) -> str:
        return self.spec.url

    # --- plumbing -----------------------------------------------------------------
    @property
    def client(self) -> Any:
        with self._making:
            if self._client is None:
                self._client = self._make_client()
        return self._client

    def _make_client(self) -> Any:
        with self._errors("connecting"):
            session = boto3.session.Session(
                profile_name=self.spec.profile, region_name=self.spec.region
            )
            return session.client(
                "s3",
                endpoint_url=self.spec.endpoint_url,
                config=Config(
                    connect_timeout=5,
                    read_timeout=60,
                    retries={"max_attempts": 2, "mode": "standard"},
                    # MinIO and most self-hosted servers want path-style addresses.
                    s3={"addressing_style": "path" if self.spec.endpoint_url else "auto"},
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                ),
            )

    def key(self, sha256: str) -> str:
        check_sha256(sha256)
        return f"{self.spec.root}{sha256[:2]}/{sha256[2:]}"

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Turn whatever boto3 raises into one ObjectStoreError line."""
        try:
            yield
        except ObjectStoreError:
            raise
        except ClientError as exc:
            raise ObjectStoreError(self._explain(exc, doing)) from None
        except (NoCredentialsError, PartialCredentialsError, CredentialRetrievalError):
            raise ObjectStoreError(
                f"object store {self.location}: no AWS credentials found while {doing} "
                "(set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE; the "
                "catalogue never stores them)"
            ) from None
        except ProfileNotFound:
            raise ObjectStoreError(
                f"object store {self.location}: the AWS profile {self.spec.profile!r} "
                "is not in the AWS configuration files"
            ) from None
        except ConnectionError as exc:
            endpoint = self.spec.endpoint_url or "the AWS S3 endpoint"
            raise ObjectStoreError(
                f"object store {self.location}: cannot reach {endpoint} while {doing} "
                f"({type(exc).__name__})"
            ) from None
        except BotoCoreError as exc:
            raise ObjectStoreError(
                f"object store {self.location}: {doing} failed ({exc})"
            ) from None

    def _explain(self, exc: ClientError, doing: str) -> str:
        error = exc.response.get("Error", {})
        code = str(error.get("Code", ""))
        where = f"object store {self.location}"
        if code == "NoSuchBucket" or (doing == "checking the bucket" and code in _MISSING):
            return f"{where}: the bucket {self.spec.bucket!r} does not exist"
        if code in _DENIED:
            return (
                f"{where}: access denied while {doing} ({code}): check the AWS "
                "credentials and the bucket's policy"
            )
        return f"{where}: {doing} failed ({code}: {error.get('Message', '')})"

    @staticmethod
    def _code(exc: ClientError) -> str:
        return str(exc.response.get("Error", {}).get("Code", ""))

    def _head(self, sha256: str) -> dict[str, Any] | None:
        with self._errors(f"looking up object {sha256}"):
            try:
                head: dict[str, Any] = self.client.head_object(
                    Bucket=self.spec.bucket, Key=self.key(sha256)
                )
            except ClientError as exc:
                if self._code(exc) in _MISSING:
                    return None
                raise
        return head

    def _body(self, sha256: str) -> Any | None:
        """The object's streaming body; None when it is not stored."""
        try:
            return self.client.get_object(Bucket=self.spec.bucket, Key=self.key(sha256))["Body"]
        except ClientError as exc:
            if self._code(exc) in _MISSING:
                return None
            raise

    def check_reachable(self) -> None:
        """ObjectStoreError unless the bucket exists and these credentials may use it."""
        with self._errors("checking the bucket"):
            self.client.head_bucket(Bucket=self.spec.bucket)

    # --- writing ------------------------------------------------------------------
    def put(self, data: bytes, *, sync_directory: bool = True) -> str:
        """Store *data* once. *sync_directory* is for folders: an S3 PUT that returned
        is already durable."""
        sha256 = sha256_bytes(data)
        if not self._holds(sha256, len(data)):
            self._upload(sha256, data, len(data))
        return sha256

    def put_file(self, source: Path) -> str:
        """Hash the file a chunk at a time, then stream it up in one PUT (no multipart:
        objects here are documents and scans, far below S3's 5 GB single-PUT limit)."""
        digest = hashlib.sha256()
        with source.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        sha256, size = digest.hexdigest(), source.stat().st_size
        if not self._holds(sha256, size):
            with source.open("rb") as handle:
                self._upload(sha256, handle, size)
        return sha256

    def _holds(self, sha256: str, size: int) -> bool:
        """True if the object is stored at its size; one of another size is damaged and
        moved to quarantine, so storing the right bytes again repairs it."""
        head = self._head(sha256)
        if head is None:
            return False
        if int(head.get("ContentLength", -1)) == size:
            return True
        log.warning("object %s in %s has the wrong size: quarantined", sha256, self.location)
        self.quarantine(sha256)
        return False

    def _upload(self, sha256: str, body: Any, size: int) -> None:
        checksum = base64.b64encode(bytes.fromhex(sha256)).decode("ascii")
        with self._errors(f"storing object {sha256}"):
            try:
                self.client.put_object(
                    Bucket=self.spec.bucket,
                    Key=self.key(sha256),
                    Body=body,
                    ContentLength=size,
                    ChecksumSHA256=checksum,
                    IfNoneMatch="*",
                )
            except ClientError as exc:
                if self._code(exc) not in ("PreconditionFailed", "412"):
                    raise
                # Another writer stored these very bytes first: put-once holds.

    def sync_directories(self, hashes: Iterable[str]) -> None:
        """Nothing to do: an S3 PUT is durable once it has returned."""

    def syncing(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def check_writable(self) -> None:
        probe = f"{self.spec.root}tmp/probe-{uuid.uuid4().hex}"
        with self._errors("writing a test object"):
            self.client.put_object(Bucket=self.spec.bucket, Key=probe, Body=b"")
            self.client.delete_object(Bucket=self.spec.bucket, Key=probe)

    # --- reading ------------------------------------------------------------------
    def read(self, sha256: str) -> bytes:
        with self._errors(f"reading object {sha256}"):
            body = self._body(sha256)
            if body is None:
                raise ObjectMissing(f"object {sha256} is not in {self.location}")
            data: bytes = body.read()
        return verified(self.location, sha256, data)

    def hash_of(self, sha256: str) -> str | None:
        digest = hashlib.sha256()
        with self._errors(f"reading object {sha256}"):
            body = self._body(sha256)
            if body is None:
                return None
            for chunk in body.iter_chunks(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def local_file(self, sha256: str) -> Path:
        """A verified copy in this process's cache, downloaded a chunk at a time."""
        cache = self._cache_folder()
        target = cache / sha256
        if target.is_file():
            return target
        absent = cache / "absent" / sha256  # never created: callers see no file
        partial = cache / f"{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        try:
            with self._errors(f"reading object {sha256}"):
                body = self._body(sha256)
                if body is None:
                    return absent
                with partial.open("wb") as handle:
                    for chunk in body.iter_chunks(CHUNK):
                        digest.update(chunk)
                        handle.write(chunk)
            if digest.hexdigest() != sha256:
                log.warning("object %s in %s is damaged: not handed out", sha256, self.location)
                return absent
            os.chmod(partial, stat.S_IRUSR | stat.S_IRGRP)
            os.replace(partial, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
        return target

    def _cache_folder(self) -> Path:
        with self._making:
            if self._cache is None:
                self._cache = Path(tempfile.mkdtemp(prefix="catena-objects-"))
                weakref.finalize(self, shutil.rmtree, self._cache, True)
            return self._cache

    def exists(self, sha256: str) -> bool:
        return self._head(sha256) is not None

    def __iter__(self) -> Iterator[str]:
        """Object keys under the prefix, in key order; quarantine/ and tmp/ and any
        other key that is not ``ab/cdef…`` are passed over."""
        root = self.spec.root
        with self._errors("listing the objects"):
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.spec.bucket, Prefix=root
            )
            for page in pages:
                for item in page.get("Contents", []):
                    found = _OBJECT_KEY.fullmatch(str(item["Key"])[len(root) :])
                    if found:
                        yield found.group(1) + found.group(2)

    def age_seconds(self, sha256: str) -> float:
        head = self._head(sha256)
        if head is None:
            raise ObjectMissing(f"object {sha256} is not in {self.location}")
        return time.time() - float(head["LastModified"].timestamp())

    # --- removing -----------------------------------------------------------------
    def _forget(self, sha256: str) -> None:
        """Drop this process's cached copy of an object no longer in the store."""
        if self._cache is not None:
            with contextlib.suppress(FileNotFoundError):
                (self._cache / sha256).unlink()

    def delete(self, sha256: str) -> None:
        self._forget(sha256)
        with self._errors(f"deleting object {sha256}"):
            self.client.delete_object(Bucket=self.spec.bucket, Key=self.key(sha256))

    def quarantine(self, sha256: str) -> str:
        """Copy the object to ``prefix/quarantine/`` (a suffix when one of that name is
        already there), then delete it from the store; return the new key's URL."""
        moved = f"{self.spec.root}quarantine/{sha256}"
        with self._errors(f"quarantining object {sha256}"):
            try:
                self.client.head_object(Bucket=self.spec.bucket, Key=moved)
                moved = f"{moved}-{uuid.uuid4().hex[:8]}"
            except ClientError as exc:
                if self._code(exc) not in _MISSING:
                    raise
            self.client.copy_object(
                Bucket=self.spec.bucket,
                Key=moved,
                CopySource={"Bucket": self.spec.bucket, "Key": self.key(sha256)},
            )
            self.client.delete_object(Bucket=self.spec.bucket, Key=self.key(sha256))
        self._forget(sha256)
        return f"s3://{self.spec.bucket}/{moved}"
