"""Two processes on one catalogue: no lost writes, no corruption, waits end clearly.

One process imports through the real ``catena import`` command; this one edits
metadata and adds tags meanwhile. SQLite's write lock serialises them (``BEGIN
IMMEDIATE`` plus a busy timeout), so every write of both must be there afterwards. A
writer holding the lock makes the other wait and then succeed; if the wait runs out,
the user gets one clear line and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.documents import update_metadata
from db.models import DateTag, Document, Keyword
from db.tags import add_tag
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.launch.entry import main
from tests.reliability.helpers import (
    article,
    assert_healthy,
    assert_one_line_message,
    run_cli,
    start_cli,
)


def _documents(catalogue: Catalogue) -> dict[str, Document]:
    with catalogue.reading() as session:
        return {d.ref: d for d in session.execute(select(Document)).scalars()}


def test_cli_import_and_in_process_edits_lose_no_write(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    seed = write_texts({f"seed-{n}.txt": article(n, "-seed") for n in range(6)}, "seed")
    assert import_paths(catalogue, [seed], options=ImportOptions(suggest=False)).imported == 6
    refs = sorted(_documents(catalogue))
    incoming = write_texts({f"in-{n:03d}.txt": article(n, "-in") for n in range(40)})

    importer = start_cli("import", str(incoming), "--json", "-c", str(catalogue.path))
    notes: dict[str, str] = {}
    rounds = overlapped = 0
    while importer.running() or rounds < 12:
        running = importer.running()
        ref = refs[rounds % len(refs)]
        with catalogue.writing() as session:
            update_metadata(session, ref=ref, changes={"notes": f"edit {rounds}"}, actor="editor")
            document = session.execute(select(Document).where(Document.ref == ref)).scalar_one()
            add_tag(
                session,
                kind="date",
                document=document,
                start=0,
                end=5,
                values={"edtf": "2021-03-01", "what": f"edit {rounds}"},
                actor="editor",
            )
        notes[ref] = f"edit {rounds}"
        overlapped += running and importer.running()
        rounds += 1
        time.sleep(0.02)  # a person editing, not a tight loop
    code, out, err = importer.finish()
    assert code == 0, err
    report = json.loads(out)
    assert (report["imported"], report["failed"]) == (40, 0)
    assert overlapped >= 3, "the two writers never ran at the same time"

    documents = _documents(catalogue)
    assert len(documents) == 46
    for ref, note in notes.items():
        assert documents[ref].notes == note
    imported = {f["sha256"]: f["ref"] for f in report["files"]}
    assert {documents[ref].original_sha256: ref for ref in imported.values()} == imported
    with catalogue.reading() as session:
        whats = set(
            session.execute(select(DateTag.what).where(DateTag.what.like("edit %"))).scalars()
        )
        assert whats == {f"edit {n}" for n in range(rounds)}
    assert_healthy(catalogue)


def _hold_write_lock(database: Path) -> sqlite3.Connection:
    """Another writer in the middle of a long transaction (it has written, not committed)."""
    holder = sqlite3.connect(database, isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO keywords (name) VALUES ('written by the other process')")
    return holder


def test_a_long_writer_makes_cli_import_wait_then_succeed(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    folder = write_texts({f"w-{n}.txt": article(n, "-wait") for n in range(3)})
    holder = _hold_write_lock(catalogue.database)
    try:
        importer = start_cli("import", str(folder), "--json", "-c", str(catalogue.path))
        time.sleep(2.5)  # the importer starts (about a second) and then waits on the lock
        assert importer.running(), "the import did not wait for the other writer"
        released = time.time()
        holder.execute("COMMIT")
    finally:
        holder.close()
    code, out, err = importer.finish()
    assert code == 0, err
    assert json.loads(out)["imported"] == 3
    with catalogue.reading() as session:
        assert session.execute(select(Keyword.name)).scalars().all() == [
            "written by the other process"
        ]
        stamps = session.execute(select(Document.imported_at)).scalars().all()
    assert len(stamps) == 3
    from datetime import datetime

    assert all(datetime.fromisoformat(s).timestamp() >= released - 0.05 for s in stamps)
    assert_healthy(catalogue)


def test_readers_are_not_blocked_by_a_writer(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    folder = write_texts({"r.txt": article(1)})
    import_paths(catalogue, [folder])
    holder = _hold_write_lock(catalogue.database)
    try:
        started = time.monotonic()
        result = run_cli("list", "--json", "-c", str(catalogue.path), busy_timeout_ms=300)
        assert result.returncode == 0, result.stderr
        assert [d["reference"] for d in json.loads(result.stdout)] == ["CAT-000001"]
        assert time.monotonic() - started < 30
    finally:
        holder.close()


def test_busy_catalogue_cli_import_says_so_in_one_line(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    """The import's wait for the lock runs out (busy timeout lowered to 300 ms)."""
    folder = write_texts({"busy.txt": article(2)})
    holder = _hold_write_lock(catalogue.database)
    try:
        result = run_cli("import", str(folder), "-c", str(catalogue.path), busy_timeout_ms=300)
    finally:
        holder.close()
    assert result.returncode == 2, result.stderr
    line = assert_one_line_message(result.stderr, "import")
    assert any(word in line.lower() for word in ("busy", "in use", "locked")), line
    assert len(_documents(catalogue)) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ("import", "{folder}"),
        ("suggest", "--all", "--accept"),
        ("verify",),
        ("backup",),
        ("dossier", "--refs", "CAT-000001", "-o", "{out}"),
    ],
    ids=lambda argv: argv[0],
)
def test_busy_catalogue_every_writing_command_says_so_in_one_line(
    argv: tuple[str, ...],
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_paths(catalogue, [write_texts({"one.txt": article(3)}, "first")])
    folder = write_texts({"two.txt": article(4)}, "second")
    before = _counts(catalogue)
    monkeypatch.setattr("db.dialects.sqlite.BUSY_TIMEOUT_MS", 200)
    out = tmp_path / "busy.pdf"
    args = [a.format(folder=folder, out=out) for a in argv]
    holder = _hold_write_lock(catalogue.database)
    try:
        code = main([*args, "-c", str(catalogue.path)])
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert code == 2, err
    line = assert_one_line_message(err, argv[0])
    assert any(word in line.lower() for word in ("busy", "in use", "locked")), line
    assert _counts(catalogue) == before
    assert not out.exists() and not out.with_name(out.name + ".part").exists()


def _counts(catalogue: Catalogue) -> tuple[int, int]:
    from db.models import Event

    with catalogue.reading() as session:
        return (
            session.execute(select(func.count(Document.id))).scalar_one(),
            session.execute(select(func.count(Event.id))).scalar_one(),
        )
