"""The object store contract, held by the shared-folder store and the S3 store alike.

The S3 store runs against moto's S3 server, started here on 127.0.0.1 (a random port):
sockets are allowed for this module, to that address only. Every test gets its own
bucket (versioned, so an overwrite would leave a second version behind).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer
from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document
from db.integrity import FIXITY_FLAG, collect_garbage, verify_fixity
from db.models import Document
from db.objects import CHUNK, FolderObjectStore, ObjectDamaged, ObjectMissing, ObjectStore
from db.objects_open import open_object_store
from db.objects_s3 import S3ObjectStore
from tests.db.object_store_checks import no_temporary_files

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])

REGION = "us-east-1"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Test credentials in the environment, and nothing else AWS could look at."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "catena-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "catena-test-secret")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def raw_client(endpoint: str) -> Any:
    return boto3.client("s3", endpoint_url=endpoint, region_name=REGION)


def new_bucket(endpoint: str) -> str:
    bucket = f"catena-{uuid.uuid4().hex[:12]}"
    client = raw_client(endpoint)
    client.create_bucket(Bucket=bucket)
    client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    return bucket


@pytest.fixture(params=["folder", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "folder":
        return open_object_store("objects", base=tmp_path)
    request.getfixturevalue("aws_env")
    endpoint = request.getfixturevalue("s3_endpoint")
    bucket = new_bucket(endpoint)
    return open_object_store(f"s3://{bucket}/team/objects?endpoint_url={endpoint}&region={REGION}")


def overwrite_behind_its_back(store: ObjectStore, sha: str, data: bytes) -> None:
    """What bit rot, a careless admin or a sync tool might do to a stored object."""
    if isinstance(store, FolderObjectStore):
        target = store.path(sha)
        os.chmod(target, 0o644)
        target.write_bytes(data)
    else:
        assert isinstance(store, S3ObjectStore)
        raw_client(store.spec.endpoint_url or "").put_object(
            Bucket=store.spec.bucket, Key=store.key(sha), Body=data
        )


def writes_of(store: ObjectStore, sha: str) -> list[str]:
    """What each write of the object's name left: an inode for a folder (a rename over it
    would change it), the versions of the key in a versioned bucket."""
    if isinstance(store, FolderObjectStore):
        return [str(store.path(sha).stat().st_ino)]
    assert isinstance(store, S3ObjectStore)
    listed = raw_client(store.spec.endpoint_url or "").list_object_versions(
        Bucket=store.spec.bucket, Prefix=store.key(sha)
    )
    return [str(v["VersionId"]) for v in listed.get("Versions", [])]


def quarantined(store: ObjectStore) -> dict[str, bytes]:
    """Name → bytes of everything in the store's quarantine."""
    if isinstance(store, FolderObjectStore):
        folder = store.root / "quarantine"
        return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}
    assert isinstance(store, S3ObjectStore)
    client = raw_client(store.spec.endpoint_url or "")
    prefix = f"{store.spec.root}quarantine/"
    listed = client.list_objects_v2(Bucket=store.spec.bucket, Prefix=prefix)
    return {
        item["Key"][len(prefix) :]: client.get_object(Bucket=store.spec.bucket, Key=item["Key"])[
            "Body"
        ].read()
        for item in listed.get("Contents", [])
    }


def test_put_is_content_addressed_and_reads_back_checked(store: ObjectStore) -> None:
    data = "Şəkibə — 613\r\n".encode()
    sha = store.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.put(data) == sha
    assert store.exists(sha)
    assert store.read(sha) == data
    assert store.hash_of(sha) == sha
    assert store.local_file(sha).read_bytes() == data
    assert list(store) == [sha]
    assert 0 <= store.age_seconds(sha) < 3600
    store.sync_directories([sha])
    store.check_writable()
    assert list(store) == [sha]  # the write probe left nothing behind


def test_a_large_file_is_stored_and_fetched_in_chunks(store: ObjectStore, tmp_path: Path) -> None:
    data = os.urandom(3 * CHUNK + 7)
    source = tmp_path / "scan.tiff"
    source.write_bytes(data)
    sha = store.put_file(source)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.put_file(source) == sha
    assert store.hash_of(sha) == sha
    assert store.local_file(sha).read_bytes() == data
    assert len(writes_of(store, sha)) == 1


def test_an_existing_object_is_never_overwritten(
    store: ObjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that did not see the object (it raced another) still leaves it alone."""
    data = b"the register of births, 1911"
    sha = store.put(data)
    before = writes_of(store, sha)
    blind = "_holds_intact" if isinstance(store, FolderObjectStore) else "_holds"
    original = getattr(store, blind)
    calls: list[str] = []

    def first_call_misses(*args: Any) -> bool:
        calls.append(args[0])
        return len(calls) > 1 and bool(original(*args))

    monkeypatch.setattr(store, blind, first_call_misses)
    assert store.put(data) == sha
    assert calls[0] == sha  # the writer went ahead believing the object absent
    assert writes_of(store, sha) == before
    assert store.read(sha) == data


def test_concurrent_puts_of_the_same_bytes_leave_one_whole_object(store: ObjectStore) -> None:
    data = os.urandom(CHUNK + 1)
    with ThreadPoolExecutor(max_workers=8) as pool:
        hashes = set(pool.map(lambda _: store.put(data), range(16)))
    assert hashes == {hashlib.sha256(data).hexdigest()}
    (sha,) = hashes
    assert list(store) == [sha]
    assert store.read(sha) == data
    if isinstance(store, FolderObjectStore):
        assert no_temporary_files(store)


def test_a_damaged_object_is_refused_on_read_and_never_handed_out(store: ObjectStore) -> None:
    data = b"minutes of the council, page 4"
    sha = store.put(data)
    overwrite_behind_its_back(store, sha, b"minutes of the council, page 5")
    with pytest.raises(ObjectDamaged, match=f"object {sha} in .* is damaged"):
        store.read(sha)
    assert not store.local_file(sha).is_file()
    assert store.hash_of(sha) not in (None, sha)


def test_a_missing_object_is_reported_as_missing(store: ObjectStore) -> None:
    sha = store.put(b"here a moment")
    store.delete(sha)
    with pytest.raises(ObjectMissing, match=f"object {sha} is not in"):
        store.read(sha)
    with pytest.raises(FileNotFoundError):
        store.read(sha)
    assert not store.exists(sha)
    assert store.hash_of(sha) is None
    assert not store.local_file(sha).is_file()
    assert list(store) == []


def test_storing_the_right_bytes_again_quarantines_a_damaged_object(store: ObjectStore) -> None:
    data = b"a photograph of the bridge"
    sha = store.put(data)
    overwrite_behind_its_back(store, sha, data + b" (truncated by a bad copy)")
    assert store.put(data) == sha
    assert store.read(sha) == data
    assert quarantined(store) == {sha: data + b" (truncated by a bad copy)"}


def test_quarantine_keeps_the_object_out_of_the_store(store: ObjectStore) -> None:
    first = store.put(b"orphan")
    store.local_file(first)  # a copy handed out earlier is not handed out again
    store.quarantine(first)
    store.put(b"orphan")
    store.quarantine(first)  # a second copy of one name does not replace the first
    assert list(store) == []
    assert not store.local_file(first).is_file()
    assert sorted(quarantined(store).values()) == [b"orphan", b"orphan"]


def test_only_object_names_are_listed(store: ObjectStore) -> None:
    sha = store.put(b"kept")
    if isinstance(store, FolderObjectStore):
        (store.path(sha).parent / ".DS_Store").write_bytes(b"finder")
        (store.root / "README.txt").write_text("notes")
    else:
        assert isinstance(store, S3ObjectStore)
        client = raw_client(store.spec.endpoint_url or "")
        for key in (f"{store.spec.root}README.txt", f"other/{sha[:2]}/{sha[2:]}"):
            client.put_object(Bucket=store.spec.bucket, Key=key, Body=b"x")
    store.quarantine(store.put(b"quarantined"))
    assert list(store) == [sha]


def test_names_that_are_not_hashes_never_reach_the_store(store: ObjectStore) -> None:
    for name in ("../../etc/passwd", "AB" * 32, "ab" * 31):
        with pytest.raises(ValueError, match="not a SHA-256"):
            store.read(name)


def _catalogue_objects(catalogue: Catalogue, store: ObjectStore, count: int) -> list[str]:
    shas = []
    with catalogue.writing() as session:
        for n in range(count):
            data = f"original number {n}\n".encode()
            sha = store.put(data)
            add_document(
                session,
                new=NewDocument(
                    text=data.decode(),
                    media_type="text/plain",
                    original_sha256=sha,
                    original_size=len(data),
                    original_filename=f"file{n}.txt",
                ),
                actor="t",
            )
            shas.append(sha)
    return shas


def test_fixity_check_and_garbage_collection_through_the_interface(
    store: ObjectStore, catalogue: Catalogue
) -> None:
    shas = _catalogue_objects(catalogue, store, 5)
    overwrite_behind_its_back(store, shas[1], b"original number 9\n")
    store.delete(shas[3])
    orphan = store.put(b"left by an interrupted import")
    backed_up = store.put(b"referenced only by an older backup")
    with catalogue.writing() as session:
        report = verify_fixity(session, store, actor="auditor")
        assert collect_garbage(session, store) == []  # all minutes old: spared
        moved = collect_garbage(session, store, keep={backed_up}, grace_seconds=0)
    assert report.checked == 5
    assert {(p.problem, p.sha256, tuple(p.used_by)) for p in report.problems} == {
        ("altered", shas[1], ("CAT-000002",)),
        ("missing", shas[3], ("CAT-000004",)),
    }
    with catalogue.reading() as session:
        flagged = [d.ref for d in session.scalars(select(Document)) if FIXITY_FLAG in d.flags]
    assert sorted(flagged) == ["CAT-000002", "CAT-000004"]
    assert moved == [orphan]
    assert quarantined(store) == {orphan: b"left by an interrupted import"}
    assert sorted(store) == sorted([shas[0], shas[1], shas[2], shas[4], backed_up])


def test_a_catalogue_imports_and_exports_with_its_originals_on_s3(
    catalogue: Catalogue, aws_env: None, s3_endpoint: str, tmp_path: Path
) -> None:
    """The callers that need a file (a BagIt export here) get one from S3 too."""
    from desktop.exchange.bag import export_bag
    from desktop.ingest.pipeline import ImportOptions, import_paths

    bucket = new_bucket(s3_endpoint)
    own_store = catalogue.objects  # the folder it would keep originals in otherwise
    catalogue.objects = open_object_store(  # type: ignore[assignment]
        f"s3://{bucket}?endpoint_url={s3_endpoint}&region={REGION}"
    )
    letter = tmp_path / "letter.txt"
    letter.write_bytes(b"From the river wardens,\r\nabout the flood of 3 May 1911.\r\n")
    report = import_paths(catalogue, [letter], options=ImportOptions(workers=1, ocr_languages=None))
    assert [o.status for o in report.outcomes] == ["imported"]
    sha = hashlib.sha256(letter.read_bytes()).hexdigest()
    assert list(catalogue.objects) == [sha]
    assert not own_store.exists(sha)
    with catalogue.reading() as session:
        documents = list(session.scalars(select(Document)))
        export_bag(
            catalogue,
            session,
            documents,
            tmp_path / "bag",
            statuses=["accepted"],
            description="test",
        )
    (copied,) = (tmp_path / "bag" / "data" / "originals").iterdir()
    assert copied.read_bytes() == letter.read_bytes()
