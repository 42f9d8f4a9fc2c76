"""A full disk, a read-only catalogue, an unwritable dossier path.

Each must end in one clear line for the user and leave nothing half-written: no
temporary object files, no rows for a file that failed, no torn PDF. Where the tests
run as root (containers, CI), permission bits do not stop writes, so read-only is
simulated at the level the code meets it — SQLite opened read-only, and ``EACCES``
from the calls that create files — instead of being skipped.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import stat
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from db import filesystem_sync
from db.backup import rotate_backup
from db.catalogue import Catalogue
from db.models import Blob, Document, Event
from db.objects import sha256_bytes
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.launch.entry import main
from tests.reliability.helpers import (
    article,
    assert_healthy,
    assert_one_line_message,
    collect_garbage_now,
    run_cli,
)

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
VICTIM = b"VICTIM-OF-A-FULL-DISK"


# --- the object store meets a full disk -----------------------------------------------


class _FullDisk:
    """Make object writes of the victim's bytes fail with ENOSPC at one chosen step."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, objects: Path, step: str) -> None:
        self.objects = objects
        self.step = step
        self.triggered = 0
        real_open, real_fsync, real_mkdir = Path.open, os.fsync, Path.mkdir
        disk = self

        class Handle(io.RawIOBase):
            def __init__(self, inner: Any) -> None:
                self.inner = inner

            def write(self, data: Any) -> int:
                if VICTIM in bytes(data) and disk.step == "write":
                    self.inner.write(bytes(data)[: len(data) // 2])  # half, then no space
                    self.inner.flush()
                    disk.triggered += 1
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return int(self.inner.write(data))

            def __getattr__(self, name: str) -> Any:
                return getattr(self.inner, name)

            def fileno(self) -> int:
                return int(self.inner.fileno())

            def flush(self) -> None:
                self.inner.flush()

            def close(self) -> None:
                self.inner.close()

            def __exit__(self, *exc: object) -> None:
                self.inner.close()

        def open_(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_open(path, mode, *args, **kwargs)
            if "w" in mode and path.parent == disk.objects / "tmp":
                return Handle(handle)
            return handle

        def fsync(fd: int) -> None:
            # The store's folder, once the victim's new fan-out folder is in it: synced
            # with the rest of the batch, when its originals are made durable.
            synced = os.fstat(fd)
            if disk.step == "fsync" and disk.fan_made and synced.st_ino == disk.objects_inode:
                disk.fan_made = False
                disk.triggered += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_fsync(fd)

        def mkdir(path: Path, *args: Any, **kwargs: Any) -> None:
            if disk.step == "mkdir" and path.parent == disk.objects and path.name == disk.fan:
                disk.triggered += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            real_mkdir(path, *args, **kwargs)
            if path.parent == disk.objects and path.name == disk.fan:
                disk.fan_made = True
                disk.objects_inode = os.stat(disk.objects).st_ino

        real_write = os.write

        def write(fd: int, data: Any) -> int:
            # A nameless object file is written with os.write (files only: not pipes).
            if (
                disk.step == "write"
                and VICTIM in bytes(data)
                and stat.S_ISREG(os.fstat(fd).st_mode)
            ):
                real_write(fd, bytes(data)[: len(data) // 2])  # half, then no space
                disk.triggered += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)

        self.fan = ""
        self.fan_made = False
        self.objects_inode = -1
        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(Path, "open", open_)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(Path, "mkdir", mkdir)


def _letter_with_victim_attachment() -> bytes:
    message = EmailMessage()
    message["From"] = "Anna Petrova <anna@example.org>"
    message["Subject"] = "The list of boats"
    message["Date"] = "Tue, 02 Mar 2021 10:00:00 +0000"
    message.set_content("On 2 March 2021 about 30 boats left, wrote Anna Petrova.\n")
    message.add_attachment(
        VICTIM + b"\nthe attached list\n",
        maintype="text",
        subtype="plain",
        filename="list.txt",
        cte="base64",
    )
    return message.as_bytes()


@pytest.mark.parametrize("step", ["write", "mkdir", "attachment"])
def test_disk_full_while_storing_an_original_fails_that_file_only(
    step: str,
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    victim_name = "letter.eml" if step == "attachment" else "b-victim.txt"
    victim = (
        _letter_with_victim_attachment()
        if step == "attachment"
        else VICTIM + b"\n" + article(99).encode()
    )
    folder = write_texts({"a-first.txt": article(1), victim_name: victim, "c-last.txt": article(2)})
    disk = _FullDisk(monkeypatch, catalogue.objects.root, "write" if step == "attachment" else step)
    disk.fan = sha256_bytes(victim)[:2]
    report = import_paths(catalogue, [folder])
    monkeypatch.undo()  # space is free again

    assert disk.triggered >= 1
    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert by_name["a-first.txt"].status in ("imported", "possible duplicate")
    assert by_name["c-last.txt"].status in ("imported", "possible duplicate")
    failed = by_name[victim_name]
    assert failed.status == "failed"
    assert failed.reason == "could not store the original: No space left on device"
    # Nothing half-written: no temporary files, no object under the victim's name, no
    # rows (document, blob, attachment or audit event) for it.
    tmp = catalogue.objects.root / "tmp"
    assert not tmp.exists() or list(tmp.iterdir()) == []
    with catalogue.writing() as session:
        names = set(session.execute(select(Document.original_filename)).scalars())
        assert names == {"a-first.txt", "c-last.txt"}
        blobs = set(session.execute(select(Blob.sha256)).scalars())
        assert sha256_bytes(victim) not in blobs
        events = session.execute(select(func.count(Event.id))).scalar_one()
        assert events == 4  # import and suggestions of the two good files
        # An interrupted store may leave a whole, unreferenced object (the letter's own
        # bytes when its attachment failed): garbage collection removes exactly those.
        orphans = set(catalogue.objects) - blobs
        assert set(collect_garbage_now(session, catalogue.objects)) == orphans
    assert sorted(catalogue.objects) == sorted(blobs)
    assert_healthy(catalogue)
    # Importing again once there is space completes the job; the rest are duplicates.
    again = import_paths(catalogue, [folder])
    assert (again.imported, again.duplicates, again.failed) == (1, 2, 0)
    assert_healthy(catalogue)


def test_disk_full_while_a_batch_is_made_durable_keeps_nothing_of_it(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Originals are fsynced a batch at a time, the store's folder among them once a
    file of the batch made a fan-out folder in it: a full disk then fails the whole
    batch, none of whose files is acknowledged or recorded, and importing again once
    there is space imports them all."""
    # Each original and folder fsynced, as where one syncfs cannot stand for them
    # (tests/core/test_import_durability.py fails a batch's syncfs).
    monkeypatch.setattr(filesystem_sync, "can_sync_whole_filesystem", lambda _path: False)
    victim = VICTIM + b"\n" + article(99).encode()
    names = {"a-first.txt", "b-victim.txt", "c-last.txt"}
    folder = write_texts(
        {"a-first.txt": article(1), "b-victim.txt": victim, "c-last.txt": article(2)}
    )
    disk = _FullDisk(monkeypatch, catalogue.objects.root, "fsync")
    disk.fan = sha256_bytes(victim)[:2]
    report = import_paths(catalogue, [folder])
    monkeypatch.undo()  # space is free again

    assert disk.triggered == 1
    assert sorted(Path(o.path).name for o in report.outcomes if o.status == "failed") == sorted(
        names
    )
    assert {o.reason for o in report.outcomes} == {
        "could not store the original: No space left on device"
    }
    with catalogue.writing() as session:
        assert session.execute(select(func.count(Document.id))).scalar_one() == 0
        assert session.execute(select(func.count(Blob.sha256))).scalar_one() == 0
        assert session.execute(select(func.count(Event.id))).scalar_one() == 0
        # The batch's originals were stored whole and are referenced by nothing.
        assert sorted(collect_garbage_now(session, catalogue.objects)) == sorted(
            sha256_bytes((folder / name).read_bytes()) for name in names
        )
    assert list(catalogue.objects) == []
    assert_healthy(catalogue)
    again = import_paths(catalogue, [folder])
    assert again.failed == 0
    with catalogue.reading() as session:
        assert set(session.execute(select(Document.original_filename)).scalars()) == names
    assert_healthy(catalogue)


# --- the database meets a full disk ---------------------------------------------------


def _cap_database_size(catalogue: Catalogue, spare_pages: int) -> None:
    """SQLite's max_page_count makes the database "full" a few pages from now — the
    same SQLITE_FULL error a full disk gives."""

    def cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + spare_pages}")

    event.listen(catalogue.engine, "connect", cap)
    catalogue.engine.dispose()


def test_disk_full_in_the_database_gives_one_line_and_keeps_the_catalogue_sound(
    catalogue_path: Path,
    write_texts,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    filler = " ".join(f"word{n}" for n in range(4000))
    folder = write_texts({f"big-{n:02d}.txt": article(n) + filler + "\n" for n in range(12)})
    real_open = Catalogue.open

    def open_small(*args: Any, **kwargs: Any) -> Catalogue:
        opened = real_open(*args, **kwargs)
        _cap_database_size(opened, spare_pages=40)
        return opened

    monkeypatch.setattr(Catalogue, "open", open_small)
    code = main(["import", str(folder), "-c", str(catalogue_path)])
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert code == 2, err
    line = assert_one_line_message(err, "import")
    assert "full" in line.lower() or "space" in line.lower(), line
    with Catalogue.open(catalogue_path) as catalogue:
        assert_healthy(catalogue)
        with catalogue.reading() as session:
            for document in session.execute(select(Document)).scalars():
                assert document.original is not None
        again = import_paths(catalogue, [folder])
        assert again.failed == 0
        assert again.imported + again.duplicates == 12
        assert_healthy(catalogue)


# --- a read-only catalogue ------------------------------------------------------------


@pytest.fixture
def read_only_catalogue(
    catalogue_path: Path, monkeypatch: pytest.MonkeyPatch, write_texts: Any
) -> Iterator[Path]:
    """A catalogue with one document, then made read-only: by permission bits, and —
    as root, whom those do not stop — by reporting it unwritable (what the permission
    bits make ``os.access`` say to anyone else) and refusing file creation inside the
    folder with EACCES. (tests/reliability/test_read_only_catalogue.py makes media
    really read-only for root too, with the immutable attribute.)"""
    with Catalogue.open(catalogue_path) as catalogue:
        import_paths(catalogue, [write_texts({"kept.txt": article(5)}, "kept")])
        rotate_backup(catalogue.database, catalogue.backups)  # no daily backup due
    modes = {p: p.stat().st_mode for p in [catalogue_path, *catalogue_path.rglob("*")]}
    for path in modes:
        os.chmod(path, stat.S_IMODE(modes[path]) & ~0o222)
    if AS_ROOT:
        _simulate_read_only(catalogue_path, monkeypatch)
    yield catalogue_path
    monkeypatch.undo()
    for path, mode in modes.items():
        os.chmod(path, stat.S_IMODE(mode))


def _simulate_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import db.catalogue
    import db.restore

    for module in (db.catalogue, db.restore):
        monkeypatch.setattr(module, "catalogue_writable", lambda _folder: False)
    inside = str(folder.resolve())
    denied = errno.EACCES

    def refuse(path: Any) -> None:
        raise PermissionError(denied, os.strerror(denied), str(path))

    real_os_open, real_io_open = os.open, io.open

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and str(Path(path).resolve()).startswith(inside):
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    def io_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if (
            isinstance(path, str | Path)
            and any(c in mode for c in "wax+")
            and str(Path(path).resolve()).startswith(inside)
        ):
            refuse(path)
        return real_io_open(path, mode, *args, **kwargs)

    real_mkdir = Path.mkdir

    def mkdir(path: Path, *args: Any, **kwargs: Any) -> None:
        if str(path.resolve()).startswith(inside) and not path.is_dir():
            refuse(path)
        real_mkdir(path, *args, **kwargs)

    import sqlite3

    real_connect = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> Any:
        # A new database file (a backup) cannot be created in a read-only folder.
        path = Path(database)
        if not kwargs.get("uri") and str(path.resolve()).startswith(inside) and not path.exists():
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(io, "open", io_open)
    monkeypatch.setattr(builtins, "open", io_open)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    monkeypatch.setattr(sqlite3, "connect", connect)


READ_ONLY_WORDS = (
    "read-only",
    "readonly",
    "read only",
    "permission",
    "not writable",
    "cannot write",
)


@pytest.mark.parametrize(
    "argv",
    [("import", "{folder}"), ("backup",), ("suggest", "--all", "--accept"), ("restore",)],
    ids=lambda argv: argv[0],
)
def test_read_only_catalogue_refuses_writes_in_one_line(
    argv: tuple[str, ...],
    read_only_catalogue: Path,
    write_texts,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_texts({"new.txt": article(6)}, "new")
    before = _snapshot(read_only_catalogue)
    code = main([*(a.format(folder=folder) for a in argv), "-c", str(read_only_catalogue)])
    err = capsys.readouterr().err
    assert code == 2, err
    line = assert_one_line_message(err, argv[0])
    assert any(word in line.lower() for word in READ_ONLY_WORDS), line
    assert _snapshot(read_only_catalogue) == before


@pytest.mark.parametrize(
    "argv", [("list", "--json"), ("verify",), ("log", "--verify")], ids=lambda argv: argv[0]
)
def test_read_only_catalogue_can_still_be_read(
    argv: tuple[str, ...], read_only_catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(read_only_catalogue)
    code = main([*argv, "-c", str(read_only_catalogue)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err.startswith("read-only: ") and len(err.splitlines()) == 1, err
    if argv[0] == "list":
        assert '"CAT-000001"' in out
    assert _snapshot(read_only_catalogue) == before


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the catalogue by content, except SQLite's shared-memory index and
    an empty write-ahead log (a reader may create both; neither holds records)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
    }


# --- a dossier written where it cannot be ----------------------------------------------


class _UnwritableFolder:
    """File creation in *folder* fails (EACCES), or writes stop half-way (ENOSPC)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path, error: int) -> None:
        inside = str(folder.resolve())
        real_os_open, real_io_open, real_write = os.open, io.open, os.write
        self.fds: set[int] = set()
        unwritable = self

        def targets(path: Any) -> bool:
            return isinstance(path, str | Path) and str(Path(path).resolve()).startswith(inside)

        def fail(path: Any = None) -> None:
            raise OSError(error, os.strerror(error), *([str(path)] if path else []))

        class HalfWriter(io.RawIOBase):
            def __init__(self, inner: Any) -> None:
                self.inner = inner

            def write(self, data: Any) -> int:
                self.inner.write(bytes(data)[: max(1, len(data) // 2)])
                self.inner.flush()
                fail()
                return 0

            def __getattr__(self, name: str) -> Any:
                return getattr(self.inner, name)

            def close(self) -> None:
                self.inner.close()

            def __exit__(self, *exc: object) -> None:
                self.inner.close()

        def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and targets(path):
                if error == errno.EACCES:
                    fail(path)
                fd = real_os_open(path, flags, *args, **kwargs)
                unwritable.fds.add(fd)
                return fd
            return real_os_open(path, flags, *args, **kwargs)

        def io_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if any(c in mode for c in "wax+") and targets(path):
                if error == errno.EACCES:
                    fail(path)
                return HalfWriter(real_io_open(path, mode, *args, **kwargs))
            return real_io_open(path, mode, *args, **kwargs)

        def write(fd: int, data: Any) -> int:
            if fd in unwritable.fds:
                real_write(fd, bytes(data)[: max(1, len(data) // 2)])
                fail()
            return real_write(fd, data)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(io, "open", io_open)
        monkeypatch.setattr(builtins, "open", io_open)


@pytest.mark.parametrize("problem", ["no such folder", "permission denied", "disk full"])
def test_dossier_to_an_unwritable_path_is_a_clear_error_and_leaves_no_file(
    problem: str,
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import_paths(catalogue, [write_texts({"d.txt": article(7)})], options=ImportOptions())
    folder = tmp_path / "out"
    if problem == "no such folder":
        output = folder / "missing" / "dossier.pdf"
    else:
        folder.mkdir()
        output = folder / "dossier.pdf"
        if problem == "permission denied" and not AS_ROOT:
            os.chmod(folder, 0o555)
        else:
            error = errno.EACCES if problem == "permission denied" else errno.ENOSPC
            _UnwritableFolder(monkeypatch, folder, error)
    code = main(["dossier", "--suggested", "-o", str(output), "-c", str(catalogue.path)])
    err = capsys.readouterr().err
    monkeypatch.undo()
    if folder.exists():
        os.chmod(folder, 0o755)
    assert code == 2, err
    line = assert_one_line_message(err, "dossier")
    assert str(output) in line or output.name in line, line
    leftovers = sorted(p.name for p in folder.rglob("*")) if folder.exists() else []
    assert leftovers == [], leftovers


def test_a_dossier_that_could_not_be_written_is_not_logged_as_printed(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import_paths(catalogue, [write_texts({"d.txt": article(8)})])
    output = tmp_path / "no" / "such" / "folder" / "dossier.pdf"
    code = main(["dossier", "--suggested", "-o", str(output), "-c", str(catalogue.path)])
    capsys.readouterr()
    assert code == 2
    with catalogue.reading() as session:
        printed = session.execute(
            select(func.count(Event.id)).where(Event.action == "dossier printed")
        ).scalar_one()
    assert printed == 0


def test_a_file_given_as_the_catalogue_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    stray = tmp_path / "Clippings.catena"
    stray.write_text("not a catalogue\n")
    result = run_cli("--catalogue", str(stray), "list")
    assert result.returncode != 0
    line = assert_one_line_message(result.stderr, "list")
    assert "is a file, not a Catena catalogue" in line, line
