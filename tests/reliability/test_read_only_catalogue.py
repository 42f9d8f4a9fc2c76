"""A catalogue on read-only media opens read-only: reading works, writing is refused.

The media are made really read-only, as the kernel sees it: permission bits for an
ordinary user, and — because root ignores those and these tests often run as root —
the immutable attribute (``chattr +i``), which stops root too. Where the file system
has no such attribute (overlayfs, tmpfs), detection is simulated instead and the test
says so in its output; the assertions stay the same. Nothing may change: every file of
the catalogue is compared byte for byte before and after.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.audit_head import HEAD_FILE_NAME
from db.catalogue import Catalogue, ReadOnlyCatalogue
from db.documents import NewDocument, add_document
from db.models import Event
from desktop.launch.entry import main
from tests.reliability.helpers import assert_one_line_message

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@contextmanager
def read_only_media(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """*folder* and everything in it unwritable; yields how that was done."""
    paths = [folder, *folder.rglob("*")]
    if not AS_ROOT:
        modes = {p: stat.S_IMODE(p.stat().st_mode) for p in paths}
        for path, mode in modes.items():
            path.chmod(mode & ~0o222)
        try:
            yield "permission bits"
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    marked = subprocess.run(
        ["chattr", "-R", "+i", str(folder)], capture_output=True, text=True, check=False
    )
    if marked.returncode == 0:
        try:
            yield "immutable attribute"
        finally:
            subprocess.run(["chattr", "-R", "-i", str(folder)], check=True)
        return
    import db.catalogue

    print(f"chattr unavailable here ({marked.stderr.strip()}): read-only is simulated")
    monkeypatch.setattr(db.catalogue, "catalogue_writable", lambda _folder: False)
    yield "simulated"


@pytest.fixture
def evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A catalogue with the four samples, handed over with no backup newer than a day
    (so a writable one would take its daily backup on open)."""
    folder = tmp_path / "Handed over.catena"
    assert run(capsys, "init", str(folder))[0] == 0
    assert run(capsys, "import", "--sample", "-c", str(folder))[0] == 0
    for backup in (folder / "backups").iterdir():
        backup.unlink()
    return folder


READING = {
    "list": ("list",),
    "show": ("show", "CAT-000001"),
    "search": ("search", "dam"),
    "compare": ("compare",),
    "chronology": ("chronology",),
    "verify": ("verify",),
    "log": ("log", "--verify"),
    "export": ("export", "--format", "csv", "-o", "{elsewhere}/export"),
    "dossier": ("dossier", "--suggested", "-o", "{elsewhere}/dossier.pdf"),
}


@pytest.mark.parametrize("command", list(READING))
def test_reading_commands_work_with_a_one_line_notice_and_change_nothing(
    command: str,
    evidence: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    elsewhere = tmp_path / "out"
    elsewhere.mkdir()
    argv = [a.format(elsewhere=elsewhere) for a in READING[command]]
    before = _snapshot(evidence)
    with read_only_media(evidence, monkeypatch):
        code, out, err = run(capsys, *argv, "-c", str(evidence))
    assert code == 0, err
    notices = [line for line in err.splitlines() if line.strip()]
    assert len(notices) == 1 and notices[0].startswith("read-only: "), err
    assert "changes are disabled" in notices[0]
    assert _snapshot(evidence) == before  # no backup, no head file, no -shm, no event
    if command == "verify":
        assert "4 objects checked: 0 problems." in out
        assert "Not recorded in the audit trail: the catalogue is read-only." in out
    if command == "log":
        assert "intact" in out
    if command in ("export", "dossier"):
        assert any(elsewhere.rglob("*"))


WRITING = {
    "import": ("import", "--sample"),
    "suggest": ("suggest", "--all"),
    "backup": ("backup",),
    "dossier --save": ("dossier", "--save", "mine", "-o", "{elsewhere}/d.pdf"),
    "restore": ("restore", "{backup}"),
}


@pytest.mark.parametrize("command", list(WRITING))
def test_writing_commands_say_read_only_in_one_line_and_change_nothing(
    command: str,
    evidence: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = tmp_path / "kept.sqlite"
    assert run(capsys, "backup", "--to", str(backup), "-c", str(evidence))[0] == 0
    argv = [a.format(elsewhere=tmp_path, backup=backup) for a in WRITING[command]]
    before = _snapshot(evidence)
    with read_only_media(evidence, monkeypatch):
        code, _, err = run(capsys, *argv, "-c", str(evidence))
    assert code == 2, err
    line = assert_one_line_message(err, argv[0])
    assert "read-only" in line, line
    assert _snapshot(evidence) == before
    assert not (tmp_path / "d.pdf").exists()


def _open_with_changes_in_the_log(source: Path, copy: Path) -> None:
    """Copy *source* while a connection holds a committed change in its WAL: the copy
    has ``-wal`` (with that change) and ``-shm``, as media pulled from a running
    Catena would."""
    catalogue = Catalogue.open(source)
    try:
        with catalogue.writing() as session:
            data = b"added just before the stick was pulled"
            sha = catalogue.objects.put(data)
            add_document(
                session,
                new=NewDocument(
                    text=data.decode(),
                    media_type="text/plain",
                    original_sha256=sha,
                    original_size=len(data),
                    original_filename="late.txt",
                ),
                actor="tester",
            )
        shutil.copytree(source, copy)
    finally:
        catalogue.close()


def test_changes_still_in_the_write_ahead_log_are_read(
    evidence: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "Stick.catena"
    _open_with_changes_in_the_log(evidence, stick)
    assert (stick / "catalogue.sqlite-wal").stat().st_size > 0
    assert (stick / "catalogue.sqlite-shm").exists()
    before = _snapshot(stick)
    with read_only_media(stick, monkeypatch):
        code, out, err = run(capsys, "list", "-c", str(stick))
    assert code == 0, err
    assert "CAT-000005" in out and "5 documents" in out
    assert _snapshot(stick) == before


def test_a_log_that_cannot_be_read_without_writing_is_named_in_one_line(
    evidence: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "Stick.catena"
    _open_with_changes_in_the_log(evidence, stick)
    (stick / "catalogue.sqlite-shm").unlink()
    with read_only_media(stick, monkeypatch) as how:
        code, _, err = run(capsys, "list", "-c", str(stick))
    if how == "simulated":  # root can still create -shm: the log is read after all
        assert code == 0, err
        return
    assert code == 2
    line = assert_one_line_message(err, "list")
    assert "catalogue.sqlite-wal" in line and "copy the folder" in line, line


# --- read-only by request (what detection leads to; runs the same everywhere) --------


def test_opened_read_only_nothing_is_written_and_writes_are_refused(
    evidence: Path,
) -> None:
    (evidence / HEAD_FILE_NAME).unlink()  # an older catalogue would make one on open
    before = _snapshot(evidence)
    with Catalogue.open(evidence, read_only=True) as catalogue:
        assert catalogue.read_only and catalogue.report.read_only
        assert catalogue.backup_if_due() is None  # none due-checked, none taken
        with catalogue.reading() as session:
            events = session.execute(select(func.count(Event.id))).scalar_one()
            assert events > 0
        with pytest.raises(ReadOnlyCatalogue, match="read-only"), catalogue.writing():
            pass
    assert not (evidence / HEAD_FILE_NAME).exists()
    after = _snapshot(evidence)
    assert {k: v for k, v in after.items() if not k.endswith(("-shm", "-wal"))} == before


def test_detection_makes_the_cli_open_read_only(
    evidence: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import db.catalogue

    monkeypatch.setattr(db.catalogue, "catalogue_writable", lambda _folder: False)
    code, _, err = run(capsys, "backup", "-c", str(evidence))
    assert code == 2 and "read-only" in assert_one_line_message(err, "backup")
    code, out, err = run(capsys, "list", "-c", str(evidence))
    assert code == 0 and err.startswith("read-only: ") and "4 documents" in out
    assert not list((evidence / "backups").iterdir())  # the due daily backup not tried
