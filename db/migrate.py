"""Schema migrations, applied automatically when a catalogue opens.

The Alembic scripts ship inside ``db/migrations`` so an installed Catena can upgrade a
catalogue made by an older version. Before upgrading an existing database, a copy is
kept with the backup API; the user's data never depends on a migration going right.

The history is shared by both engines; a migration branches on the dialect only where
SQLite and PostgreSQL need different SQL. On PostgreSQL there is no file to copy: the
whole upgrade runs in one transaction (PostgreSQL's DDL is transactional), so a failed
migration leaves the schema as it was, and server backups are ``pg_dump``'s job.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from db.backup import backup_database, read_only_uri
from db.dialects import is_postgresql
from db.dialects.postgresql import WRITE_LOCK_KEY

if TYPE_CHECKING:  # Alembic costs ~0.2 s to import; it loads only when an upgrade is due
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest revision in ``db/migrations/versions``, kept here so that opening an
#: up-to-date catalogue (every ``catena list``/``show``/``search``) compares one row
#: with this string instead of importing Alembic to walk the scripts.
#: tests/db/test_migrations.py fails when it disagrees with the scripts' real head.
RECORDED_HEAD = "0018"
#: Revisions that leave much free space inside the file (rows rewritten smaller, a
#: table rebuilt): an upgrade across one ends with a VACUUM, so an upgraded catalogue
#: is as small as one made new (SQLite never gives free pages back by itself). The
#: backup of the old file is taken before; VACUUM is itself all-or-nothing.
COMPACTING_REVISIONS = ("0016", "0017")


class MigrationError(RuntimeError):
    """The schema cannot be brought up to date; the message says why, nothing changed."""


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config  # lazily: see the TYPE_CHECKING import above

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_pending(database: Path) -> bool:
    """Whether opening *database* will migrate it (an existing catalogue made by an
    older Catena), read without changing anything. The window says so before the
    wait: a migration that recomputes derived data takes minutes at 100,000 documents.
    Unreadable or new files say False; opening them reports the real problem.
    """
    if not database.is_file():
        return False
    try:
        conn = sqlite3.connect(read_only_uri(database), uri=True, timeout=5)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] != RECORDED_HEAD and _known(str(row[0]))


def _at_recorded_head(engine: Engine) -> bool:
    """Whether the database's one alembic_version row is ``RECORDED_HEAD``, read with
    plain SQL so the common case (nothing to migrate) never imports Alembic. Anything
    else (no table, no row, several rows) says False and takes Alembic's full path."""
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT to_regclass('alembic_version')"
            if is_postgresql(engine)
            else "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).scalar()
        if has_table is None:
            return False
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    return len(rows) == 1 and rows[0][0] == RECORDED_HEAD


def upgrade(
    engine: Engine, *, database: Path | None, backups: Path | None, target: str = "head"
) -> MigrationResult:
    """Bring the database to *target*, keeping a backup first if it already held data
    and is a file (*database* and *backups* None: a server database, see above)."""
    if target == "head" and _at_recorded_head(engine):
        return MigrationResult(RECORDED_HEAD, RECORDED_HEAD, None)
    before = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    backup_path: Path | None = None
    if before == wanted:
        return MigrationResult(before, wanted, None)
    if before is not None and not _known(before):
        raise MigrationError(
            f"this catalogue was made by a newer version of Catena (schema {before}); "
            "update Catena to open it. Nothing was changed."
        )
    if before is not None and database is not None and backups is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup_path = backup_database(
            database, backups / f"before-migration-{before}-{stamp}.sqlite"
        )
    _run(engine, "upgrade", wanted)
    if before is not None and any(before < r <= wanted for r in COMPACTING_REVISIONS):
        _compact(engine)
    return MigrationResult(before, wanted, backup_path)


def _compact(engine: Engine) -> None:
    """VACUUM outside any transaction (the raw connection is in autocommit mode, see
    ``db.engine``); other databases reclaim space on their own. VACUUM writes a copy
    of the file first: on a disk without room for it, or with another program
    reading, it fails and changes nothing, and the upgraded catalogue, whole but not
    yet smaller, opens all the same (``VACUUM`` in any SQLite shell compacts it
    later)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        try:
            # Free pages can be released at each close from now on (see
            # db.dialects.sqlite.release_free_pages); the VACUUM makes that take effect.
            raw.execute("PRAGMA auto_vacuum = INCREMENTAL")
            raw.execute("VACUUM")
        except sqlite3.Error:
            return


def require_current(engine: Engine) -> MigrationResult:
    """For a catalogue that cannot be written (read-only media): nothing can be
    upgraded, so its schema must already be this version's."""
    if _at_recorded_head(engine):
        return MigrationResult(RECORDED_HEAD, RECORDED_HEAD, None)
    before = current_revision(engine)
    wanted = head_revision()
    if before == wanted:
        return MigrationResult(before, wanted, None)
    if before is not None and not _known(before):
        raise MigrationError(
            f"this catalogue was made by a newer version of Catena (schema {before}); "
            "update Catena to open it. Nothing was changed."
        )
    raise MigrationError(
        f"this catalogue was made by an older version of Catena (schema {before}) and is "
        "read-only, so it cannot be upgraded here; copy the folder to a writable disk and "
        "open the copy. Nothing was changed."
    )


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several types for an unknown id; all mean "no"
        return False


def downgrade(engine: Engine, *, target: str) -> None:
    """Step the schema back to *target* (tests and developers; never run on open)."""
    _run(engine, "downgrade", target)


def _run(engine: Engine, direction: str, target: str) -> None:
    """Run Alembic with foreign keys off, then check them before committing.

    Batch mode rebuilds a table by copying it and dropping the old one; with foreign
    keys on, SQLite treats that drop as deleting every row, and ON DELETE CASCADE
    would silently empty the child tables (mentions, dates, figures). The pragma only
    takes effect outside a transaction, so it is set on the raw connection first.
    """
    from alembic import command

    config = alembic_config()
    if is_postgresql(engine):  # foreign keys are checked as always; nothing to switch
        with engine.connect() as conn, conn.begin():
            # Two windows opening an old catalogue at once: the second waits, then
            # Alembic finds the schema current and does nothing.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            config.attributes["connection"] = conn
            if direction == "upgrade":
                command.upgrade(config, target)
            else:
                command.downgrade(config, target)
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                if direction == "upgrade":
                    command.upgrade(config, target)
                else:
                    command.downgrade(config, target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationError(
                        f"migration to {target} would leave {len(problems)} broken references"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
