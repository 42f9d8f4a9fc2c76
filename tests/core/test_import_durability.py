"""An import fsyncs each object folder once per batch, before the batch commits, and a
batch whose folders cannot be synced is not acknowledged (issue 23).

The originals' data are fsynced before they are renamed into place (any file under a
final name is whole); what is batched is making the renames durable.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import threading
from pathlib import Path

import pytest

import db.filesystem_sync
import db.objects
from db.catalogue import Catalogue
from db.documents import count_documents
from db.objects import FolderObjectStore
from desktop.ingest.pipeline import ImportOptions, import_paths


def _files_in_one_folder(folder: Path, how_many: int) -> list[Path]:
    """Text files whose hashes share their first two hex digits (one object folder)."""
    found: dict[str, list[bytes]] = {}
    number = 0
    while True:
        data = f"Clipping {number}: the council met on 3 May 1994.\n".encode()
        found.setdefault(hashlib.sha256(data).hexdigest()[:2], []).append(data)
        number += 1
        for group in found.values():
            if len(group) == how_many:
                folder.mkdir()
                paths = [folder / f"clip-{i}.txt" for i in range(how_many)]
                for path, data in zip(paths, group, strict=True):
                    path.write_bytes(data)
                return paths


@pytest.fixture
def file_by_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stores that fsync each original and folder, as where one syncfs may not stand
    for them (another system, a network share, a Linux before 5.8)."""
    monkeypatch.setattr(db.filesystem_sync, "can_sync_whole_filesystem", lambda _path: False)


@pytest.fixture
def whole_filesystem(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Stores that sync their filesystem once per batch, as on a local Linux disk; the
    folders each syncfs was asked for (the call itself made where the system has it)."""
    monkeypatch.setattr(db.filesystem_sync, "can_sync_whole_filesystem", lambda _path: True)
    asked: list[Path] = []
    real = db.filesystem_sync.sync_filesystem
    available = db.filesystem_sync._syncfs() is not None

    def recording(path: Path) -> None:
        asked.append(Path(path))
        if available:
            real(path)

    monkeypatch.setattr(db.filesystem_sync, "sync_filesystem", recording)
    return asked


def _clippings(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"clip-{number}.txt").write_text(f"Clipping {number}: 3 May 1994.\n")
    return folder


def _recording_fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path, int]]:
    synced: list[tuple[str, Path, int]] = []
    real = db.objects._fsync_path

    def recording(kind: str) -> object:
        def fsync(path: Path) -> None:
            synced.append((kind, Path(path), threading.get_ident()))
            real(path)

        return fsync

    monkeypatch.setattr(db.objects, "_fsync_file", recording("file"))
    monkeypatch.setattr(db.objects, "_fsync_dir", recording("folder"))
    return synced


def _recording_folder_fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every folder fsynced from now on, in order (each still fsynced)."""
    synced: list[Path] = []
    real = db.objects._fsync_dir

    def recording(directory: Path) -> None:
        synced.append(Path(directory))
        real(directory)

    monkeypatch.setattr(db.objects, "_fsync_dir", recording)
    return synced


@pytest.mark.usefixtures("file_by_file")
def test_each_object_folder_is_synced_once_per_batch(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _files_in_one_folder(tmp_path / "in", 4)
    folder = catalogue.objects.path(hashlib.sha256(paths[0].read_bytes()).hexdigest()).parent
    synced = _recording_folder_fsyncs(monkeypatch)
    report = import_paths(catalogue, [tmp_path / "in"], options=ImportOptions(workers=1))
    assert [o.status for o in report.outcomes] == ["imported"] * 4
    assert synced.count(folder) == 1  # was once per original: 4


def test_a_batch_whose_folders_cannot_be_synced_is_not_acknowledged(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _files_in_one_folder(tmp_path / "in", 3)

    def failing(_store: FolderObjectStore, _hashes: object) -> None:
        raise OSError(5, os.strerror(5))

    monkeypatch.setattr(FolderObjectStore, "sync_directories", failing)
    report = import_paths(catalogue, paths, options=ImportOptions(workers=1))
    assert [o.status for o in report.outcomes] == ["failed"] * 3
    assert all(
        o.reason == f"could not store the original: {os.strerror(5)}" for o in report.outcomes
    )
    with catalogue.reading() as session:
        assert count_documents(session, include_deleted=True) == 0
    monkeypatch.undo()  # the same files import once the folders can be synced
    again = import_paths(catalogue, paths, options=ImportOptions(workers=1))
    assert [o.status for o in again.outcomes] == ["imported"] * 3


@pytest.mark.usefixtures("file_by_file")
def test_a_batch_syncs_every_original_then_every_folder_from_threads_kept_between_batches(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _clippings(tmp_path / "in", 120)  # three batches of 50, 50 and 20
    synced = _recording_fsyncs(monkeypatch)
    options = ImportOptions(workers=1, batch_size=50)
    report = import_paths(catalogue, [folder], options=options)
    assert report.count("imported") == 120
    originals = {catalogue.objects.path(outcome.sha256) for outcome in report.outcomes}
    assert {path for kind, path, _thread in synced if kind == "file"} == originals
    assert {path for kind, path, _thread in synced if kind == "folder"} >= {
        path.parent for path in originals
    }
    # Per batch, every original's bytes and then the folders (names after bytes), the
    # store's own folder among them: it holds the fan-out folders the batch made.
    kinds = "".join("F" if kind == "file" else "D" for kind, _path, _thread in synced)
    assert re.fullmatch(r"(F+D+){3}", kinds)
    assert [len(run) for run in re.findall("F+", kinds)] == [50, 50, 20]
    assert [path for _kind, path, _thread in synced].count(catalogue.objects.root) == 3
    threads = {thread for _kind, _path, thread in synced}
    assert len(threads) <= db.objects.SYNC_THREADS  # the same threads for the three batches
    assert not threads & {thread.ident for thread in threading.enumerate()}  # ended after


def test_a_store_sent_to_a_worker_takes_no_threads_with_it(tmp_path: Path) -> None:
    store = FolderObjectStore(tmp_path / "objects")
    with store.syncing():
        copy = pickle.loads(pickle.dumps(store))
    assert copy.root == store.root
    assert copy._sync_threads is None


@pytest.mark.usefixtures("file_by_file")
def test_new_object_folders_are_made_durable_with_the_batch_not_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new store's first import makes most of its 256 fan-out folders: each made
    durable by the batch's sync, not by an fsync of the store's folder per folder."""
    store = FolderObjectStore(tmp_path / "objects")
    synced = _recording_folder_fsyncs(monkeypatch)
    hashes = [store.put(f"Clipping {n}".encode(), sync_directory=False) for n in range(40)]
    folders = {store.path(sha256).parent for sha256 in hashes}
    assert len(folders) > 30 and synced == []
    store.sync_directories(hashes)
    assert sorted(synced) == sorted([*folders, store.root])
    synced.clear()
    alone = next(  # bytes whose folder is new: one object stored on its own
        data
        for data in (f"Clipping {n}".encode() for n in range(40, 400))
        if store.path(hashlib.sha256(data).hexdigest()).parent not in folders
    )
    store.put(alone, sync_directory=True)
    assert synced == [store.root]  # its new folder durable before put returns


def test_on_a_local_linux_disk_each_batch_is_made_durable_by_one_syncfs(
    catalogue: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    whole_filesystem: list[Path],
) -> None:
    synced = _recording_fsyncs(monkeypatch)
    folder = _clippings(tmp_path / "in", 120)
    report = import_paths(catalogue, [folder], options=ImportOptions(batch_size=50))
    assert report.count("imported") == 120
    assert whole_filesystem == [catalogue.objects.root] * 3  # one per batch of 50, 50, 20
    assert synced == []  # no original or folder fsynced on its own


def test_a_batch_whose_syncfs_fails_is_not_acknowledged(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db.filesystem_sync, "can_sync_whole_filesystem", lambda _path: True)

    def failing(_path: Path) -> None:
        raise OSError(5, os.strerror(5))

    monkeypatch.setattr(db.filesystem_sync, "sync_filesystem", failing)
    folder = _clippings(tmp_path / "in", 3)
    report = import_paths(catalogue, [folder], options=ImportOptions(workers=1))
    assert [o.status for o in report.outcomes] == ["failed"] * 3
    assert {o.reason for o in report.outcomes} == {
        f"could not store the original: {os.strerror(5)}"
    }
    with catalogue.reading() as session:
        assert count_documents(session, include_deleted=True) == 0
    monkeypatch.undo()
    assert import_paths(catalogue, [folder]).count("imported") == 3


def test_a_slow_syncfs_sends_the_store_back_to_fsyncing_each_file(
    catalogue: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    whole_filesystem: list[Path],
) -> None:
    """A syncfs that waited (another program's large copy on the same disk) is not
    asked again: the later batches fsync their own files only."""
    monkeypatch.setattr(db.filesystem_sync, "SLOW_SECONDS", -1.0)  # every syncfs is slow
    synced = _recording_fsyncs(monkeypatch)
    folder = _clippings(tmp_path / "in", 120)
    report = import_paths(catalogue, [folder], options=ImportOptions(batch_size=50))
    assert report.count("imported") == 120
    assert whole_filesystem == [catalogue.objects.root]  # the first batch only
    assert len([path for kind, path, _thread in synced if kind == "file"]) == 70
