"""Backups of a PostgreSQL catalogue: ``pg_dump`` (custom format), verified by restoring.

The same promises as the SQLite backups (``db.backup``), kept with the server's tools:

* **Consistent while people work.** The backup's transaction exports its snapshot
  (``pg_export_snapshot``) and ``pg_dump --snapshot`` dumps exactly that snapshot, so
  the table counts and audit head recorded beside the dump are those of the dump, even
  with writers at work.
* **Verified before it counts.** Each dump is restored with ``pg_restore`` into a
  scratch database (``catena_verify_<8 hex>``, dropped afterwards) and every table's row
  count and the audit trail's head (events, last id, last hash) are compared with what
  was recorded at dump time. A dump that fails is removed; older backups are kept.
* **Rotated like the daily SQLite backups**: ``auto-<UTC stamp>.dump`` in a folder,
  the oldest beyond *keep* removed only after a new one verified; ``pre-restore-`` and
  ``before-migration-`` backups are never rotated away.

Beside each ``NAME.dump`` lies ``NAME.dump.json``: the counts and head recorded when it
was made, which later checks (``verify_pg_backup``) compare against.

The scratch database is made on the catalogue's server by the backing-up role, which
therefore needs CREATEDB — or pass ``scratch=`` the URL of a role and server that may.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from db.audit_head import EMPTY, ChainHead
from db.backup import (
    AUTO_PREFIX,
    DEFAULT_KEEP,
    BackupError,
    BackupInfo,
    all_backups,
    list_backups,
)
from db.dialects.postgresql import engine_url
from db.pg_tools import find_tool, run_tool
from db.sanitize import for_terminal

SUFFIX = ".dump"
MANIFEST_SUFFIX = ".json"
SCRATCH_PREFIX = "catena_verify_"
_FORMAT = 1
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class DumpFacts:
    """What a backup held when it was made: rows per table and the audit head."""

    tables: dict[str, int]
    head: ChainHead | None  # None: no audit trail (not a catalogue database)
    server_major: int

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "server_major": self.server_major,
            "tables": self.tables,
            "head": None if self.head is None else self.head.to_json(),
        }


def manifest_of(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def _problem(exc: DBAPIError) -> str:
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    message = getattr(diag, "message_primary", None) or str(orig).strip().splitlines()[0]
    return for_terminal(str(message), one_line=True)


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def facts_of(conn: Connection) -> DumpFacts:
    """Row counts of every table in the current schema and the audit head, as this
    connection's transaction sees them."""
    names = conn.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1"
        )
    ).scalars()
    tables = {
        str(name): int(
            conn.execute(text(f"SELECT count(*) FROM {_quote(conn, str(name))}")).scalar_one()  # noqa: S608 - a quoted catalogue table name
        )
        for name in list(names)
    }
    head: ChainHead | None = None
    if "events" in tables:
        row = conn.execute(text("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1")).first()
        head = EMPTY if row is None else ChainHead(tables["events"], int(row[0]), str(row[1]))
    major = int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    return DumpFacts(tables, head, major)


def _write_manifest(path: Path, facts: DumpFacts) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(facts.to_json(), handle, indent=1, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_manifest(backup: Path) -> DumpFacts:
    path = manifest_of(backup)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        head = data["head"]
        return DumpFacts(
            {str(k): int(v) for k, v in data["tables"].items()},
            None if head is None else ChainHead(head["events"], head["last_id"], head["last_hash"]),
            int(data["server_major"]),
        )
    except FileNotFoundError as exc:
        raise BackupError(f"{path.name} is missing: what the backup held is unknown") from exc
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise BackupError(f"{path.name} cannot be read: {exc}") from exc


def dump_catalogue(
    location: str | URL, destination: Path, *, pg_bin: Path | None = None
) -> DumpFacts:
    """``pg_dump`` the catalogue at *location* to *destination* (custom format) and
    record its counts and audit head beside it; returns them. Not yet verified."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"cannot create {destination.parent}: {exc.strerror or exc}") from exc
    partial = destination.with_name(destination.name + ".part")
    url = engine_url(location)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
            snapshot = str(conn.execute(text("SELECT pg_export_snapshot()")).scalar_one())
            facts = facts_of(conn)
            role = str(conn.execute(text("SELECT session_user")).scalar_one())
            tool = find_tool("pg_dump", server_major=facts.server_major, pg_bin=pg_bin)
            # The snapshot lives as long as this transaction: dump while it is open.
            run_tool(
                tool,
                [
                    "--format=custom",
                    f"--file={partial}",
                    f"--snapshot={snapshot}",
                    # Dump under the row policies rather than fail on them: a role
                    # that may read every row (all but the owner) cannot bypass them.
                    "--enable-row-security",
                ],
                location=url,
                role=role,
            )
            conn.rollback()
        _write_manifest(manifest_of(destination), facts)
    except DBAPIError as exc:
        partial.unlink(missing_ok=True)
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise BackupError(
                f"this role may not read everything a backup needs ({_problem(exc)}); back "
                "up as the catalogue's owner or a member of its reader, tagger or editor role"
            ) from exc
        raise BackupError(f"could not back up the catalogue: {_problem(exc)}") from exc
    except (BackupError, OSError):
        partial.unlink(missing_ok=True)
        raise
    finally:
        engine.dispose()
    partial.replace(destination)
    return facts


def _differences(expected: DumpFacts, found: DumpFacts) -> str | None:
    if found.tables != expected.tables:
        names = sorted(set(found.tables) | set(expected.tables))
        wrong = [n for n in names if found.tables.get(n) != expected.tables.get(n)]
        first = wrong[0]
        return (
            f"table {first} has {found.tables.get(first, 'no')} rows restored, "
            f"{expected.tables.get(first, 'no')} when backed up"
            + (f" (and {len(wrong) - 1} more tables differ)" if len(wrong) > 1 else "")
        )
    if found.head != expected.head:
        said = "none" if found.head is None else found.head.describe()
        wanted = "none" if expected.head is None else expected.head.describe()
        return f"the restored audit trail ends at {said}, the backup's at {wanted}"
    return None


def verify_pg_backup(
    backup: Path,
    location: str | URL,
    *,
    scratch: str | URL | None = None,
    pg_bin: Path | None = None,
) -> str | None:
    """Restore *backup* into a scratch database on the server of *scratch* (default:
    *location*, the catalogue it came from) and compare it with its manifest. None
    when it matches, else what is wrong. Raises ``BackupError`` when the check itself
    cannot be made (no CREATEDB, pg_restore missing)."""
    if not backup.is_file():
        return "file not found"
    expected = read_manifest(backup)
    server = engine_url(scratch if scratch is not None else location)
    name = f"{SCRATCH_PREFIX}{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            major = int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
            role = str(conn.execute(text("SELECT session_user")).scalar_one())
            tool = find_tool(
                "pg_restore", server_major=max(major, expected.server_major), pg_bin=pg_bin
            )
            try:
                conn.execute(text(f"CREATE DATABASE {_quote(conn, name)}"))
            except DBAPIError as exc:
                raise BackupError(
                    f"cannot check the backup: the role {role!r} may not create a scratch "
                    f"database ({_problem(exc)}); grant it CREATEDB or name another server "
                    "to check on"
                ) from exc
            try:
                return _restore_and_compare(backup, tool, server.set(database=name), role, expected)
            finally:
                conn.execute(text(f"DROP DATABASE IF EXISTS {_quote(conn, name)} WITH (FORCE)"))
    except DBAPIError as exc:
        raise BackupError(f"cannot check the backup: {_problem(exc)}") from exc
    finally:
        admin.dispose()


def _restore_and_compare(
    backup: Path, tool: Path, target: URL, role: str, expected: DumpFacts
) -> str | None:
    try:
        run_tool(
            tool,
            [
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                str(backup),
            ],
            location=target,
            role=role,
        )
    except BackupError as exc:
        return f"it does not restore: {exc}"
    engine = create_engine(target)
    try:
        with engine.connect() as conn:
            found = facts_of(conn)
    finally:
        engine.dispose()
    return _differences(expected, found)


def list_pg_backups(folder: Path, *, prefix: str = AUTO_PREFIX) -> list[BackupInfo]:
    """Dumps in *folder* whose names start with *prefix*, oldest first."""
    return list_backups(folder, prefix=prefix, suffix=SUFFIX)


def all_pg_backups(folder: Path) -> list[BackupInfo]:
    """Every kind (daily, before a migration, before a restore), oldest first."""
    return all_backups(folder, suffix=SUFFIX)


def _remove(backup: Path) -> None:
    backup.unlink(missing_ok=True)
    manifest_of(backup).unlink(missing_ok=True)


def make_pg_backup(
    location: str | URL,
    folder: Path,
    *,
    prefix: str = AUTO_PREFIX,
    now: datetime | None = None,
    scratch: str | URL | None = None,
    pg_bin: Path | None = None,
) -> Path:
    """A verified dump ``PREFIX<UTC stamp>.dump`` of the catalogue at *location*."""
    moment = now or datetime.now(UTC)
    target = folder / f"{prefix}{moment.strftime(_STAMP)}{SUFFIX}"
    dump_catalogue(location, target, pg_bin=pg_bin)
    try:
        problem = verify_pg_backup(target, location, scratch=scratch, pg_bin=pg_bin)
    except BackupError:
        _remove(target)
        raise
    if problem is not None:
        _remove(target)
        raise BackupError(f"the new backup failed its check ({problem}); older backups kept")
    return target


def rotate_pg_backup(
    location: str | URL,
    folder: Path,
    *,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
    scratch: str | URL | None = None,
    pg_bin: Path | None = None,
) -> Path:
    """Make and verify a new daily dump, then remove the oldest daily ones beyond
    *keep*; dumps taken before migrations and restores are never rotated away."""
    target = make_pg_backup(location, folder, now=now, scratch=scratch, pg_bin=pg_bin)
    existing = list_pg_backups(folder)
    for old in existing[: max(0, len(existing) - keep)]:
        _remove(old.path)
    return target


def pg_backup_due(
    folder: Path, *, every: timedelta = timedelta(days=1), now: datetime | None = None
) -> bool:
    existing = list_pg_backups(folder)
    if not existing:
        return True
    return (now or datetime.now(UTC)) - existing[-1].created >= every
