"""The audit trail's head, recorded outside the database: a trail cut short is found.

Editing an event breaks the hash chain; deleting the newest events does not. The head
file (``audit-head.json``) and each backup's sidecar remember where the trail ended.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event as sa_event

from db import audit
from db.audit_head import HEAD_FILE_NAME, read_head, sidecar_of
from db.backup import rotate_backup, verify_backup
from db.catalogue import Catalogue
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.launch.entry import main

pytestmark = pytest.mark.sqlite_only(
    "the head file beside catalogue.sqlite; on PostgreSQL a row: test_postgresql_catalogue"
)

REPO_ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _record(catalogue: Catalogue, *actions: str) -> None:
    for action in actions:
        with catalogue.writing() as session:
            audit.record(session, action=action, actor="tester")


def _delete_events_from(database: Path, first_id: int) -> None:
    """What someone with the file and a SQLite shell can do."""
    conn = sqlite3.connect(database)
    conn.execute("DELETE FROM events WHERE id >= ?", (first_id,))
    conn.commit()
    conn.close()


def test_each_commit_records_the_head_and_chain_head_matches_it(catalogue: Catalogue) -> None:
    _record(catalogue, "one", "two", "three")
    with catalogue.reading() as session:
        head = audit.chain_head(session)
        report = audit.verify_chain(session)
    assert (head.events, head.last_id) == (3, 3)
    assert read_head(catalogue.head_file) == head
    assert report.ok and report.recorded == head


def test_deleting_the_newest_events_is_reported_by_log_verify(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    _record(catalogue, "one", "two", "three", "four")
    catalogue.close()
    _delete_events_from(catalogue.database, 3)
    code, out, _ = run(capsys, "log", "--verify", "-c", str(catalogue.path))
    assert code == 1
    last = out.strip().splitlines()[-1]
    assert "ends at event #2" in last and "recorded at event #4" in last, last
    code, out, _ = run(capsys, "log", "--verify", "--json", "-c", str(catalogue.path))
    report = json.loads(out)
    assert code == 1 and report["chain"]["ok"] is False
    assert report["head"]["recorded"]["last_id"] == 4
    assert report["head"]["current"]["last_id"] == 2
    code, out, _ = run(capsys, "verify", "-c", str(catalogue.path))
    assert code == 1
    assert "CUT OFF" in out and "recorded at event #4" in out


def test_later_commits_do_not_paper_over_the_cut(catalogue_path: Path) -> None:
    with Catalogue.open(catalogue_path) as catalogue:
        _record(catalogue, "one", "two", "three")
        recorded = read_head(catalogue.head_file)
    _delete_events_from(catalogue_path / "catalogue.sqlite", 2)
    with Catalogue.open(catalogue_path) as catalogue:
        # New events take the deleted ones' ids and chain validly onto event #1...
        _record(catalogue, "new two", "new three", "four")
        with catalogue.reading() as session:
            report = audit.verify_chain(session)
        # ...but the head file still holds the old head, and the hash at #3 differs.
        assert read_head(catalogue.head_file) == recorded
        assert report.broken_at is None and not report.ok
        assert report.head_problem is not None
        assert "event #3 has hash" in report.head_problem


def test_a_crash_between_commit_and_head_write_leaves_the_head_behind_not_broken(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    _record(catalogue, "one", "two")
    before = read_head(catalogue.head_file)
    catalogue.close()
    # A real process, killed the moment the commit is through and the head is due.
    script = textwrap.dedent(
        """
        import os, sys
        import db.audit
        from db.catalogue import Catalogue
        db.audit.write_head = lambda *args: os._exit(9)
        with Catalogue.open(sys.argv[1], daily_backup=False) as catalogue:
            with catalogue.writing() as session:
                db.audit.record(session, action="three", actor="tester")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    crashed = subprocess.run(
        [sys.executable, "-c", script, str(catalogue.path)], env=env, check=False
    )
    assert crashed.returncode == 9
    assert read_head(catalogue.head_file) == before  # behind the database by one event
    code, out, _ = run(capsys, "log", "--verify", "-c", str(catalogue.path))
    assert code == 0, out
    assert "Hash chain of 3 events: intact" in out
    with Catalogue.open(catalogue.path) as reopened:
        _record(reopened, "four")
        head = read_head(reopened.head_file)
    assert head is not None and (head.events, head.last_id) == (4, 4)


def test_an_import_writes_the_head_once_per_commit_not_per_event(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = write_texts({f"n{n:02d}.txt": f"Note {n} about the dam.\n" for n in range(12)})
    writes: list[int | None] = []
    real_write = audit.write_head

    def counting(path: Path, head: audit.ChainHead) -> None:
        writes.append(head.last_id)
        real_write(path, head)

    commits: list[int] = []
    sa_event.listen(catalogue.engine, "commit", lambda _conn: commits.append(1))
    monkeypatch.setattr(audit, "write_head", counting)
    report = import_paths(catalogue, [folder], options=ImportOptions(batch_size=5))
    assert report.imported == 12
    with catalogue.reading() as session:
        head = audit.chain_head(session)
    assert head.events >= 12  # an import event per document, at least
    assert len(writes) == 3  # batches of 5, 5 and 2
    assert len(commits) >= 3
    assert writes[-1] == head.last_id
    assert read_head(catalogue.head_file) == head


def test_an_older_catalogue_without_a_head_file_gets_one_and_is_told_once(
    catalogue_path: Path,
) -> None:
    with Catalogue.open(catalogue_path) as catalogue:
        _record(catalogue, "one", "two")
    (catalogue_path / HEAD_FILE_NAME).unlink()
    with Catalogue.open(catalogue_path) as catalogue:
        told = [w for w in catalogue.report.warnings if HEAD_FILE_NAME in w]
        assert len(told) == 1 and "2 events, last #2" in told[0]
        with catalogue.reading() as session:
            assert audit.verify_chain(session).ok
    with Catalogue.open(catalogue_path) as catalogue:
        assert not [w for w in catalogue.report.warnings if HEAD_FILE_NAME in w]


def test_backups_record_their_head_and_a_cut_backup_is_not_verified(
    catalogue: Catalogue,
) -> None:
    _record(catalogue, "one", "two", "three")
    backup = rotate_backup(catalogue.database, catalogue.backups)
    sidecar = read_head(sidecar_of(backup))
    with catalogue.reading() as session:
        assert sidecar == audit.chain_head(session)
    assert verify_backup(backup) is None
    _delete_events_from(backup, 3)
    problem = verify_backup(backup)
    assert problem is not None and "cut short" in problem


def test_restore_sets_the_head_to_the_restored_trail(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _record(catalogue, "one")
    backup_to = tmp_path / "kept.sqlite"
    assert run(capsys, "backup", "--to", str(backup_to), "-c", str(catalogue.path))[0] == 0
    _record(catalogue, "two", "three", "four")
    catalogue.close()
    code, _, err = run(capsys, "restore", str(backup_to), "-c", str(catalogue.path))
    assert code == 0, err
    code, out, _ = run(capsys, "log", "--verify", "--json", "-c", str(catalogue.path))
    log = json.loads(out)
    assert code == 0 and log["chain"]["ok"]
    # The backup holds the trail up to "one"; its own "backup" event came after it.
    assert [e["action"] for e in log["events"]] == ["one", "restore catalogue"]
    assert log["head"]["recorded"] == log["head"]["current"]
    restore = log["events"][-1]["detail"]
    assert restore["replaced_chain_events"] == 5 and restore["replaced_database"] == "ok"
