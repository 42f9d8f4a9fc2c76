"""The folder store's own cases: where a location string points, a share that is not
mounted, filesystems without hard links, and damage a same-sized copy would hide."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from db.objects import FolderObjectStore, ObjectStoreError, sha256_bytes
from db.objects_open import open_object_store
from tests.db.object_store_checks import no_temporary_files


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
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    store = FolderObjectStore(tmp_path / "objects")
    sha = store.put(b"on a FAT-formatted stick")
    assert store.read(sha) == b"on a FAT-formatted stick"
    assert no_temporary_files(store)


def test_a_failing_link_is_not_mistaken_for_missing_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", disk_full)
    store = FolderObjectStore(tmp_path / "objects")
    with pytest.raises(OSError, match="No space left"):
        store.put(b"nowhere to go")
    assert list(store) == []
    assert no_temporary_files(store)


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
    tmp.mkdir(exist_ok=True)  # (a put may not need it: see _install_unnamed)
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


def test_put_writes_a_nameless_file_and_names_it_when_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No temporary name in a folder every writer shares, and nothing left by a writer
    killed mid-write (the file goes with its descriptor): Linux's O_TMPFILE."""
    store = FolderObjectStore(tmp_path / "objects")
    store.check_writable()  # tmp/ made
    if not hasattr(os, "O_TMPFILE"):  # other systems: the named path, as before
        assert store.read(store.put(b"a letter")) == b"a letter"
        return

    def no_named_path(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("the named temporary path was taken")

    monkeypatch.setattr(store, "_install", no_named_path)
    sha = store.put(b"a letter of 3 May 1994")
    assert store.read(sha) == b"a letter of 3 May 1994"
    assert not store.path(sha).stat().st_mode & 0o222
    assert list(store) == [sha]
    assert no_temporary_files(store)


@pytest.mark.parametrize("where", ["open", "link"])
def test_without_nameless_files_the_named_path_stores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A share that refuses O_TMPFILE, or no /proc to link it through: stored the old
    way, and the store does not try again."""
    real_open, real_link = os.open, os.link
    tried: list[str] = []

    def refusing_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if where == "open" and flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1):
            tried.append("open")
            raise OSError(errno.EOPNOTSUPP, "Operation not supported")
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    def refusing_link(source: object, *args: object, **kwargs: object) -> None:
        if where == "link" and str(source).startswith("/proc/"):
            tried.append("link")
            raise OSError(errno.ENOENT, "No such file or directory")
        real_link(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
    monkeypatch.setattr(os, "link", refusing_link)
    store = FolderObjectStore(tmp_path / "objects")
    first, second = store.put(b"first page"), store.put(b"second page")
    assert (store.read(first), store.read(second)) == (b"first page", b"second page")
    assert tried == ([where] if hasattr(os, "O_TMPFILE") else [])
    assert no_temporary_files(store)


def test_an_original_is_read_only_for_all_whatever_the_umask(tmp_path: Path) -> None:
    """A folder store may be shared by a team's group: every stored original is
    readable by all and writable by none, as the named path's chmod makes it."""
    store = FolderObjectStore(tmp_path / "objects")
    before = os.umask(0o077)
    try:
        sha = store.put(b"a page for the whole team")
    finally:
        os.umask(before)
    assert store.path(sha).stat().st_mode & 0o777 == 0o444
