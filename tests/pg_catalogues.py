"""The test catalogues on PostgreSQL: ``CATENA_TEST_ENGINE=postgresql``.

With ``CATENA_TEST_ENGINE=postgresql`` the ``catalogue``/``sample_catalogue`` fixtures
(tests/conftest.py) open catalogues on the server named by ``CATENA_TEST_POSTGRES`` (an
admin URL) instead of folders, so the db and core suites run on both engines.

Creating and dropping a database per test costs ~1.5 s on a busy server (the drop
waits for a checkpoint), so each test session makes ONE scratch database, migrates it
once, and keeps copies of its tables in side schemas (``snap_empty``, ``snap_samples``);
each test then gets its catalogue back to one of them in one transaction: every table
emptied and refilled from the copy (triggers and foreign keys off for that, as
``session_replication_role = replica`` does), sequences set past the copied ids, and
the object-store setting pointed at the test's own folder. The database is dropped
at the end of the session. Tests that make their own databases use
``scratch_database``; every name starts ``catena_test_`` so a leftover is recognisable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ENGINE_ENV = "CATENA_TEST_ENGINE"
ADMIN_ENV = "CATENA_TEST_POSTGRES"
EXAMPLE = "postgresql+psycopg://root@/postgres?host=/var/run/postgresql"


def test_engine() -> str:
    """``sqlite`` (the default) or ``postgresql``: what the catalogue fixtures open."""
    chosen = os.environ.get(ENGINE_ENV, "sqlite").strip().lower() or "sqlite"
    if chosen not in ("sqlite", "postgresql"):
        pytest.fail(f"{ENGINE_ENV}={chosen!r}: use sqlite or postgresql", pytrace=False)
    return chosen


def admin_url() -> str:
    """The admin URL from ``CATENA_TEST_POSTGRES``; a missing or unreadable one fails
    the test in one line naming the variable (CI once captured a server message into
    it, and every PostgreSQL test then failed deep inside SQLAlchemy)."""
    url = os.environ.get(ADMIN_ENV, "").strip()
    if not url:
        pytest.fail(
            f"set {ADMIN_ENV} to a PostgreSQL admin URL (e.g. {EXAMPLE}) to run the "
            "PostgreSQL tests; `make test` and .ci/run set it",
            pytrace=False,
        )
    try:
        make_url(url)
    except ArgumentError:
        pytest.fail(
            f"{ADMIN_ENV} is not a database URL: {url!r} (expected e.g. {EXAMPLE})",
            pytrace=False,
        )
    return url


def database_url(name: str) -> str:
    """The admin URL pointed at database *name* (psycopg 3 driver)."""
    url = make_url(admin_url()).set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False)


def _admin_engine() -> Engine:
    return create_engine(database_url("postgres"), isolation_level="AUTOCOMMIT")


@contextmanager
def scratch_database(prefix: str) -> Iterator[str]:
    """A new empty database named ``catena_test_<prefix>_<8 hex>``; its URL. Dropped
    afterwards (connections still open to it are ended)."""
    name = f"catena_test_{prefix}_{uuid.uuid4().hex[:8]}"
    admin = _admin_engine()
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield database_url(name)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                # `catena init` made the team's group roles, which belong to the server
                for right in ("reader", "tagger", "editor"):
                    conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}_{right}"')
    finally:
        admin.dispose()


def _tables(conn: Connection) -> list[str]:
    rows = conn.execute(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version' ORDER BY tablename"
        )
    )
    return [str(row[0]) for row in rows]


def _all_copyable_columns(conn: Connection) -> dict[str, str]:
    """Every table of ``public`` but ``alembic_version`` (in name order), with its
    columns that are not generated, quoted and in order: one query on the system
    catalogue per restore (``information_schema``, asked table by table, took most of
    a restore's time)."""
    rows = conn.execute(
        text(
            "SELECT c.relname, string_agg('\"' || a.attname || '\"', ', ' ORDER BY a.attnum) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') "
            "AND c.relname <> 'alembic_version' AND a.attnum > 0 AND NOT a.attisdropped "
            "AND a.attgenerated = '' GROUP BY c.relname ORDER BY c.relname"
        )
    )
    return {str(row[0]): str(row[1]) for row in rows}


class SessionDatabase:
    """The session's scratch catalogue database and its saved states."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine = create_engine(url)
        self.saved: set[str] = set()

    def save(self, state: str) -> None:
        """Copy every table into schema ``snap_<state>``."""
        with self._engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS snap_{state} CASCADE")
            conn.exec_driver_sql(f"CREATE SCHEMA snap_{state}")
            for table in _tables(conn):
                conn.exec_driver_sql(
                    f'CREATE TABLE snap_{state}."{table}" AS TABLE public."{table}"'
                )
        self.saved.add(state)

    def restore(self, state: str, objects: str) -> None:
        """Put every table back as saved in *state*; originals now in *objects*."""
        statements = ["SET LOCAL session_replication_role = replica"]
        with self._engine.begin() as conn:
            for table, columns in _all_copyable_columns(conn).items():
                statements.append(f'DELETE FROM public."{table}"')
                statements.append(
                    f'INSERT INTO public."{table}" ({columns}) '
                    f'SELECT {columns} FROM snap_{state}."{table}"'
                )
                statements.append(
                    f'SELECT setval(s, coalesce((SELECT max(id) FROM public."{table}"), 0) + 1, '
                    f"false) FROM pg_get_serial_sequence('public.\"{table}\"', 'id') AS s "
                    "WHERE s IS NOT NULL"
                    if '"id"' in columns.split(", ")
                    else "SELECT 1"
                )
            conn.exec_driver_sql(";\n".join(statements))
            conn.execute(
                text("UPDATE catalogue_settings SET value = :v WHERE key = 'objects'"),
                {"v": objects},
            )

    def close(self) -> None:
        self._engine.dispose()


@contextmanager
def session_database() -> Iterator[SessionDatabase]:
    with scratch_database("suite") as url:
        database = SessionDatabase(url)
        try:
            yield database
        finally:
            database.close()


def stored_rows(location: object, queries: tuple[str, ...]) -> tuple[object, ...]:
    """The rows *queries* return from the catalogue at *location* (a folder or a URL),
    read on a connection of its own, as another program would see them."""
    from pathlib import Path

    from db.engine import make_engine

    target = str(location) if isinstance(location, str) else Path(str(location))
    engine = make_engine(target / "catalogue.sqlite" if isinstance(target, Path) else target)
    try:
        with engine.connect() as conn:
            return tuple(
                tuple(tuple(row) for row in conn.exec_driver_sql(query).fetchall())
                for query in queries
            )
    finally:
        engine.dispose()


def pretend_unwritable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalogues opened from now on look unwritable, on either engine: a folder on
    read-only media (``db.catalogue.catalogue_writable``), a server that refuses
    writes (``db.server_catalogue.server_writable``)."""
    import db.catalogue
    import db.server_catalogue

    monkeypatch.setattr(db.catalogue, "catalogue_writable", lambda _folder: False)
    monkeypatch.setattr(db.server_catalogue, "server_writable", lambda _engine: False)


def change_rows(location: object, *statements: str, **values: object) -> None:
    """Run SQL *statements* (named ``:value`` parameters from *values*) on the catalogue
    at *location* (a folder or a URL) in one transaction of its own: a change behind
    Catena's back, as another program would make it, on either engine."""
    from pathlib import Path

    from db.dialects import is_server_url
    from db.engine import make_engine

    shown = str(location)
    engine = make_engine(shown if is_server_url(shown) else Path(shown) / "catalogue.sqlite")
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement), values)
    finally:
        engine.dispose()


def change_text(location: object, ref: str, change: Callable[[str], str]) -> None:
    """Change a document's stored working text behind Catena's back, its recorded hash
    left as it was, on either engine: read and written back through the column's type,
    so the changed text is stored as Catena stores texts (compressed on SQLite,
    ``db.column_types``), not as SQL's string functions would leave it."""
    from pathlib import Path

    from sqlalchemy import select, update

    from db.base import table_of
    from db.dialects import is_server_url
    from db.engine import make_engine
    from db.models import Document

    shown = str(location)
    engine = make_engine(shown if is_server_url(shown) else Path(shown) / "catalogue.sqlite")
    documents = table_of(Document)
    try:
        with engine.begin() as conn:
            where = documents.c.ref == ref
            current = conn.execute(select(documents.c.text).where(where)).scalar_one()
            conn.execute(update(documents).where(where).values(text=change(current)))
    finally:
        engine.dispose()


def another_process_may_write(location: object) -> bool:
    """Whether a program of its own could take the catalogue's write lock at *location*
    right now, without waiting: SQLite's ``BEGIN IMMEDIATE`` (and a write under it),
    or the write lock every Catena writer takes on the server (``db.dialects.postgresql``)."""
    import sqlite3
    from pathlib import Path

    from db.dialects import is_server_url
    from db.dialects.postgresql import WRITE_LOCK_KEY
    from db.engine import make_engine

    shown = str(location)
    if not is_server_url(shown):
        other = sqlite3.connect(Path(shown) / "catalogue.sqlite", timeout=0.5)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once if the lock is held
            other.execute("CREATE TABLE IF NOT EXISTS probe (x)")
            other.commit()
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            other.close()
    engine = make_engine(shown)
    try:
        with engine.begin() as conn:
            taken = conn.execute(
                text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY}
            ).scalar()
            return bool(taken)
    finally:
        engine.dispose()
