"""One place that turns a catalogue's object store location into a store.

A location is a folder (the catalogue's own ``objects`` folder, or a shared folder a
team mounts on every machine) or ``s3://bucket/prefix?endpoint_url=…&region=…`` for
S3-compatible storage. Kept apart from db/objects.py so the folder store does not
import boto3, which only a team installation needs.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from db.objects import FolderObjectStore, ObjectStore, ObjectStoreError


def open_object_store(location: str, *, base: Path | None = None) -> ObjectStore:
    """The object store at *location*: a folder (relative to *base*, e.g. the catalogue's
    folder; a ``file://`` URL is a folder too) or ``s3://bucket/prefix?endpoint_url=…&
    region=…&profile=…`` (credentials from the standard AWS environment or profile,
    never from the catalogue). An S3 store is checked at once, so a missing bucket,
    missing credentials or an unreachable endpoint is one ObjectStoreError line here
    rather than a failure in the middle of an import."""
    text = location.strip()
    if not text:
        raise ObjectStoreError("no object store location given (a folder or s3://bucket/prefix)")
    scheme = urlsplit(text).scheme.lower() if "://" in text else ""
    if scheme == "s3":
        try:
            from db.objects_s3 import S3ObjectStore, parse_s3_location
        except ImportError as exc:  # boto3 comes with the "team" extra only
            raise ObjectStoreError(
                f"object store {text.partition('?')[0]}: S3 storage needs the boto3 "
                f"package (pip install 'catena[team]'): {exc}"
            ) from None
        store = S3ObjectStore(parse_s3_location(text))
        store.check_reachable()
        return store
    if scheme == "file":
        folder = Path(unquote(urlsplit(text).path))
    elif scheme:
        raise ObjectStoreError(
            f"object store location {text!r}: unsupported scheme {scheme!r} "
            "(a folder or s3://bucket/prefix)"
        )
    else:
        folder = Path(text).expanduser()
    if not folder.is_absolute():
        folder = (base if base is not None else Path.cwd()) / folder
    return FolderObjectStore.at_location(folder)
