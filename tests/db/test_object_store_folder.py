"""The folder store's own cases: where a location string points, a share that is not
mounted, filesystems without hard links, and damage a same-sized copy would hide."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from db.objects import FolderObjectStore, ObjectStoreError, sha256_bytes
from db.objects_open import open_object_store


def test_a_relative_location_is_taken_from_the_catalogue_folder(tmp_path: Path) -> None:
    (tmp_path / "Team.catena").mkdir()
    store = open_object_store("objects", base=tmp_path / "Team.catena")
    assert isinstance(store, FolderObjectStore)
    assert store.root == tmp_path / "Team.catena" / "objects"
    assert store.location == str(tmp_path / "Team.catena" / "objects")


@pytest.mark.parametrize("form", ["{path}", "file://{path}", "  {path}  "])
def test_an_absolute_location_or_file_url_is_that_folder(tmp_path: Path, form: str) -> None:
    shared = tmp_path / "share" / "catena objects"
    shared.parent.mkdir()
    store = open_object_store(form.format(path=shared), base=tmp_path / "elsewhere")
    assert isinstance(store, FolderObjectStore)
    assert store.root == shared


def test_a_share_that_is_not_mounted_is_refused_not_filled_locally(tmp_path: Path) -> None:
    missing = tmp_path / "mnt" / "archive" / "objects"
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store(str(missing))
    assert str(exc.value) == (
        f"object store {missing}: the folder {missing.parent} does not exist "
        "(is the shared folder mounted?)"
    )
    assert not missing.parent.exists()


def test_a_file_is_not_an_object_folder(tmp_path: Path) -> None:
    (tmp_path / "objects").write_text("not a folder")
    with pytest.raises(ObjectStoreError, match="this is a file, not a folder"):
        open_object_store("objects", base=tmp_path)


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("", "no object store location given (a folder or s3://bucket/prefix)"),
        (
            "gs://bucket/x",
            "object store location 'gs://bucket/x': unsupported scheme 'gs' "
            "(a folder or s3://bucket/prefix)",
        ),
    ],
)
def test_other_locations_are_refused_in_one_line(location: str, expected: str) -> None:
    with pytest.raises(ObjectStoreError) as exc:
        open_object_store(location)
    assert str(exc.value) == expected


def test_without_hard_links_an_object_is_still_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    store = FolderObjectStore(tmp_path / "objects")
    sha = store.put(b"on a FAT-formatted stick")
    assert store.read(sha) == b"on a FAT-formatted stick"
    assert not any((store.root / "tmp").iterdir())


def test_a_failing_link_is_not_mistaken_for_missing_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", disk_full)
    store = FolderObjectStore(tmp_path / "objects")
    with pytest.raises(OSError, match="No space left"):
        store.put(b"nowhere to go")
    assert list(store) == []
    assert not any((store.root / "tmp").iterdir())


def test_a_same_sized_damaged_copy_is_found_and_replaced_by_a_new_put(tmp_path: Path) -> None:
    store = FolderObjectStore(tmp_path / "objects")
    data = b"ledger page 12"
    sha = store.put(data)
    target = store.path(sha)
    os.chmod(target, 0o644)
    target.write_bytes(b"ledger page 13")
    assert store.put(data) == sha
    assert target.read_bytes() == data
    assert not target.stat().st_mode & 0o222
    assert (store.root / "quarantine" / sha).read_bytes() == b"ledger page 13"


def test_put_file_hashes_what_it_stored(tmp_path: Path) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.7 ..." * 100_000)
    store = FolderObjectStore(tmp_path / "objects")
    sha = store.put_file(source)
    assert sha == sha256_bytes(source.read_bytes())
    assert store.path(sha).read_bytes() == source.read_bytes()
    assert not store.path(sha).stat().st_mode & 0o222


def test_an_import_start_removes_only_old_temporary_files(tmp_path: Path) -> None:
    """A writer killed mid-write leaves ``tmp/NAME.part``; the next import's start
    removes those older than an hour, and leaves a fresh one (another process may be
    writing it) and anything else in tmp/ alone."""
    from db.objects import STALE_PART_SECONDS

    store = FolderObjectStore(tmp_path / "objects")
    kept = store.put(b"kept original")
    tmp = tmp_path / "objects" / "tmp"
    old, fresh, other = tmp / "old.part", tmp / "fresh.part", tmp / "notes.txt"
    for path in (old, fresh, other):
        path.write_bytes(b"half an original")
    long_ago = old.stat().st_mtime - STALE_PART_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))

    store.check_writable()

    assert not old.exists()
    assert fresh.exists() and other.exists()
    assert store.read(kept) == b"kept original"
