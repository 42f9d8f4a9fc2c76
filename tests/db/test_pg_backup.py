"""``pg_dump`` backups of a PostgreSQL catalogue (``db.pg_backup``): made from one
snapshot, verified by ``pg_restore`` into a scratch database, rotated, and every
failure said in one line."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from db import audit, pg_backup
from db.backup import AUTO_PREFIX, SAFETY_PREFIX, BackupError
from db.dialects import postgresql
from db.models import Document, Event
from db.pg_backup import (
    list_pg_backups,
    make_pg_backup,
    manifest_of,
    read_manifest,
    rotate_pg_backup,
    verify_pg_backup,
)
from db.pg_roles import add_person, install_team_rights
from db.pg_tools import find_tool, libpq_target, run_tool
from tests.db.pg_admin_scratch import connected, scratch_database

pytestmark = pytest.mark.own_database

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _add_work(url: URL, documents: int) -> None:
    with connected(url) as conn, Session(bind=conn) as session:
        start = session.execute(select(func.count()).select_from(Document)).scalar_one()
        for number in range(start + 1, start + documents + 1):
            session.add(Document(ref=f"CAT-{number:06d}", text=f"text {number}", media_type="t"))
            audit.record(session, action="import", actor="admin", target=f"CAT-{number:06d}")
        session.commit()


@pytest.fixture
def catalogue_url() -> Iterator[URL]:
    """A scratch catalogue with rights installed, an editor ``<db>_eve``, 3 documents
    and 3 audit events."""
    with scratch_database() as url:
        with connected(url) as conn:
            install_team_rights(conn)
            add_person(conn, login=f"{url.database}_eve", right="editor")
            conn.commit()
        _add_work(url, 3)
        yield url


def _as_role(url: URL, role: str) -> URL:
    """*url* connecting as its user, then acting as *role* (``SET ROLE`` at start)."""
    return url.update_query_dict({"options": f"-c role={role}"})


def test_a_backup_restores_with_the_same_rows_and_audit_head(
    catalogue_url: URL, tmp_path: Path
) -> None:
    backup = make_pg_backup(catalogue_url, tmp_path, now=T0)
    assert backup.name == "auto-20261203T090000000000Z.dump"
    facts = read_manifest(backup)
    assert facts.tables["documents"] == 3
    assert facts.tables["events"] == 3
    assert facts.head is not None and facts.head.events == 3
    with connected(catalogue_url) as conn:
        assert (
            facts.head.last_hash
            == conn.execute(select(Event.hash).order_by(Event.id.desc()).limit(1)).scalar_one()
        )
    # Checked again later, after the catalogue moved on: the dump still matches itself.
    _add_work(catalogue_url, 2)
    assert verify_pg_backup(backup, catalogue_url) is None
    assert set(tmp_path.iterdir()) == {backup, manifest_of(backup)}


def test_the_recorded_counts_are_those_of_the_dump_while_others_write(
    catalogue_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_run = pg_backup.run_tool

    def someone_imports_first(*args: Any, **kwargs: Any) -> None:
        # Between counting and dumping another person commits two documents.
        _add_work(catalogue_url, 2)
        real_run(*args, **kwargs)

    monkeypatch.setattr(pg_backup, "run_tool", someone_imports_first)
    backup = tmp_path / "x.dump"
    facts = pg_backup.dump_catalogue(catalogue_url, backup)
    monkeypatch.setattr(pg_backup, "run_tool", real_run)
    assert facts.tables["documents"] == read_manifest(backup).tables["documents"] == 3
    assert verify_pg_backup(backup, catalogue_url) is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda m: m["tables"].update(documents=4), "table documents has 3 rows restored, 4 when"),
        (
            lambda m: m["head"].update(last_hash="f" * 64),
            "the restored audit trail ends at 3 events",
        ),
    ],
)
def test_a_backup_that_differs_from_its_record_fails_its_check(
    catalogue_url: URL, tmp_path: Path, change: Any, expected: str
) -> None:
    backup = make_pg_backup(catalogue_url, tmp_path, now=T0)
    manifest = json.loads(manifest_of(backup).read_text())
    change(manifest)
    manifest_of(backup).write_text(json.dumps(manifest))
    problem = verify_pg_backup(backup, catalogue_url)
    assert problem is not None and expected in problem


def test_a_damaged_dump_does_not_restore(catalogue_url: URL, tmp_path: Path) -> None:
    backup = make_pg_backup(catalogue_url, tmp_path, now=T0)
    data = bytearray(backup.read_bytes())
    backup.write_bytes(bytes(data[: len(data) // 2]))
    problem = verify_pg_backup(backup, catalogue_url)
    assert problem is not None and problem.startswith("it does not restore: pg_restore")
    assert "\n" not in problem


def test_rotation_keeps_the_newest_daily_dumps_and_every_safety_dump(
    catalogue_url: URL, tmp_path: Path
) -> None:
    safety = make_pg_backup(catalogue_url, tmp_path, prefix=SAFETY_PREFIX, now=T0)
    for day in range(3):
        rotate_pg_backup(catalogue_url, tmp_path, keep=2, now=T0 + timedelta(days=day + 1))
    kept = [info.created for info in list_pg_backups(tmp_path, prefix=AUTO_PREFIX)]
    assert kept == [T0 + timedelta(days=2), T0 + timedelta(days=3)]
    assert safety.is_file() and manifest_of(safety).is_file()
    assert len(list(tmp_path.glob("*.json"))) == 3  # no manifest left without its dump


def test_an_editor_backs_up_and_checks_on_a_server_that_allows_scratch_databases(
    catalogue_url: URL, tmp_path: Path
) -> None:
    eve = _as_role(catalogue_url, f"{catalogue_url.database}_eve")
    with pytest.raises(BackupError) as raised:
        make_pg_backup(eve, tmp_path, now=T0)
    assert "may not create a scratch database" in str(raised.value)
    assert "CREATEDB" in str(raised.value)
    assert list(tmp_path.iterdir()) == []  # the unchecked dump was not kept
    backup = make_pg_backup(eve, tmp_path, now=T0, scratch=catalogue_url)
    assert read_manifest(backup).tables["documents"] == 3


def test_a_role_without_rights_gets_one_line_from_catena_and_from_pg_dump(
    catalogue_url: URL, tmp_path: Path
) -> None:
    nobody = f"{catalogue_url.database}_nobody"
    with connected(catalogue_url) as conn:
        conn.execute(text(f'CREATE ROLE "{nobody}" LOGIN'))
        conn.commit()
    url = _as_role(catalogue_url, nobody)
    with pytest.raises(BackupError) as raised:
        make_pg_backup(url, tmp_path, now=T0)
    assert "may not read everything a backup needs (permission denied for table" in str(
        raised.value
    )
    assert list(tmp_path.iterdir()) == []
    # pg_dump's own refusal, read from its stderr.
    with pytest.raises(BackupError) as raised:
        run_tool(
            find_tool("pg_dump", server_major=15),
            ["--format=custom", f"--file={tmp_path / 'x.dump'}"],
            location=url,
            role=nobody,
        )
    message = str(raised.value)
    assert message.startswith(f"pg_dump: the role '{nobody}' may not read everything")
    assert "permission denied" in message and "\n" not in message


def test_pg_dump_missing_is_one_line(catalogue_url: URL, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    with pytest.raises(BackupError) as raised:
        make_pg_backup(catalogue_url, tmp_path / "backups", now=T0, pg_bin=empty)
    assert str(raised.value).startswith(f"pg_dump was not found in {empty}: install PostgreSQL")
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_pg_dump_older_than_the_server_is_refused_in_one_line(
    catalogue_url: URL, tmp_path: Path
) -> None:
    old = tmp_path / "bin"
    old.mkdir()
    fake = old / "pg_dump"
    fake.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 12.22'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    with connected(catalogue_url) as conn:
        server = int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    with pytest.raises(BackupError) as raised:
        make_pg_backup(catalogue_url, tmp_path / "backups", now=T0, pg_bin=old)
    message = str(raised.value)
    assert f"is version 12 but the server runs PostgreSQL {server}" in message
    assert f"postgresql-client-{server}" in message


def test_the_password_goes_to_the_environment_not_the_command_line() -> None:
    conninfo, env = libpq_target(
        "postgresql+psycopg://anna:s%27cret@db.example:5433/khojaly?sslmode=require"
    )
    assert "cret" not in conninfo
    assert env == {"PGPASSWORD": "s'cret"}
    assert (
        conninfo == "host='db.example' port='5433' user='anna' dbname='khojaly' sslmode='require'"
    )
    assert postgresql.engine_url("postgresql://a@/b").drivername == "postgresql+psycopg"


def test_unix_socket_urls_reach_the_tools(catalogue_url: URL, tmp_path: Path) -> None:
    # The test server's URL names its socket folder in the query (?host=/var/run/…).
    assert "host=" in libpq_target(catalogue_url)[0]
    run_tool(
        find_tool("pg_dump", server_major=15),
        ["--format=custom", f"--file={tmp_path / 'plain.dump'}"],
        location=catalogue_url,
        role=None,
    )
    assert (tmp_path / "plain.dump").stat().st_size > 0
