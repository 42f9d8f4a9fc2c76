"""The S3 store's own cases: what a person is told when the bucket, the credentials or
the endpoint is wrong, and a store that survives being sent to an import worker."""

from __future__ import annotations

import pickle
import socket
import sys
from pathlib import Path

import pytest

from db.objects import ObjectStoreError
from db.objects_open import open_object_store
from db.objects_s3 import S3ObjectStore, parse_s3_location
from tests.db import test_object_store_contract as contract
from tests.db.test_object_store_contract import REGION, new_bucket, raw_client

# The contract module's fixtures, registered here too (a moto server per module).
aws_env = contract.aws_env
s3_endpoint = contract.s3_endpoint

pytestmark = [pytest.mark.allow_hosts(["127.0.0.1"]), pytest.mark.usefixtures("aws_env")]


def one_line(exc: pytest.ExceptionInfo[ObjectStoreError]) -> str:
    text = str(exc.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_a_missing_bucket_is_named(s3_endpoint: str) -> None:
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store(f"s3://no-such-bucket/x?endpoint_url={s3_endpoint}")
    assert one_line(exc) == (
        "object store s3://no-such-bucket/x: the bucket 'no-such-bucket' does not exist"
    )


def test_a_bucket_removed_after_opening_is_named_by_the_operation(s3_endpoint: str) -> None:
    bucket = new_bucket(s3_endpoint)
    store = open_object_store(f"s3://{bucket}?endpoint_url={s3_endpoint}&region={REGION}")
    raw_client(s3_endpoint).delete_bucket(Bucket=bucket)
    with pytest.raises(ObjectStoreError) as exc:
        store.put(b"evidence")
    assert one_line(exc).endswith(f"the bucket {bucket!r} does not exist")
    with pytest.raises(OSError, match="does not exist"):  # an import refuses at once
        store.check_writable()


def test_missing_credentials_are_named(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store(f"s3://evidence?endpoint_url={s3_endpoint}")
    assert one_line(exc).startswith("object store s3://evidence: no AWS credentials found")
    assert "AWS_ACCESS_KEY_ID" in str(exc.value)


def test_an_unknown_profile_is_named(s3_endpoint: str) -> None:
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store(f"s3://evidence?endpoint_url={s3_endpoint}&profile=archive-team")
    assert one_line(exc) == (
        "object store s3://evidence: the AWS profile 'archive-team' is not in the AWS "
        "configuration files"
    )


def test_an_unreachable_endpoint_is_named() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store(f"s3://evidence?endpoint_url=http://127.0.0.1:{port}")
    assert one_line(exc) == (
        f"object store s3://evidence: cannot reach http://127.0.0.1:{port} while checking "
        "the bucket (EndpointConnectionError)"
    )


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (
            "s3://AKIA:secret@evidence/x",
            "object store location s3://evidence: credentials do not belong in the location;",
        ),
        ("s3://Evidence_Bucket", "'Evidence_Bucket' is not a bucket name"),
        ("s3://evidence?region=eu-west-1&colour=red", "unknown parameter 'colour'"),
        ("s3://evidence?region=", "parameter 'region' needs exactly one value"),
        ("s3://evidence?endpoint_url=ftp://host", "'ftp://host' is not an http(s) URL"),
    ],
)
def test_a_malformed_location_is_refused_without_contacting_anything(
    location: str, expected: str
) -> None:
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store(location)
    assert expected in one_line(exc)
    assert "secret" not in str(exc.value)


def test_the_location_is_parsed_into_its_parts() -> None:
    spec = parse_s3_location(
        "s3://evidence/team/originals/?endpoint_url=https://minio.example:9000"
        "&region=eu-central-1&profile=archive"
    )
    assert (spec.bucket, spec.prefix, spec.endpoint_url, spec.region, spec.profile) == (
        "evidence",
        "team/originals",
        "https://minio.example:9000",
        "eu-central-1",
        "archive",
    )
    assert spec.url == "s3://evidence/team/originals"
    assert S3ObjectStore(spec).key("ab" * 32) == "team/originals/ab/" + "ab" * 31


def test_without_boto3_the_person_is_told_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "db.objects_s3", None)
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store("s3://evidence/x?region=eu-west-1")
    assert one_line(exc).startswith(
        "object store s3://evidence/x: S3 storage needs the boto3 package "
        "(pip install 'catena[team]')"
    )


def test_a_store_sent_to_a_worker_process_works_there(s3_endpoint: str) -> None:
    bucket = new_bucket(s3_endpoint)
    store = open_object_store(f"s3://{bucket}/p?endpoint_url={s3_endpoint}&region={REGION}")
    sha = store.put(b"prepared by a worker")
    store.local_file(sha)
    copy = pickle.loads(pickle.dumps(store))
    assert copy.read(sha) == b"prepared by a worker"
    assert copy.local_file(sha).read_bytes() == b"prepared by a worker"
    assert copy.local_file(sha) != store.local_file(sha)  # each process its own cache


def test_the_download_cache_goes_with_the_store(s3_endpoint: str) -> None:
    bucket = new_bucket(s3_endpoint)
    store = open_object_store(f"s3://{bucket}?endpoint_url={s3_endpoint}&region={REGION}")
    cached = store.local_file(store.put(b"viewed once"))
    folder = cached.parent
    assert folder.is_dir()
    del store
    assert not Path(folder).exists()
