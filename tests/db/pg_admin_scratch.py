"""Scratch PostgreSQL catalogues for the roles and backup tests.

The server is named by ``CATENA_TEST_POSTGRES`` (an admin URL, e.g.
``postgresql+psycopg://root@/postgres?host=/var/run/postgresql``); without it these
tests fail with one line saying so. Each test gets its own database
``catena_test_pgadmin_<uuid8>`` holding the models' tables (``Base.metadata``), the
search tables PostgreSQL catalogues have, ``catalogue_settings`` (migration 0015) and
``alembic_version``; the database, its
group roles and every login role named after it are dropped afterwards, since
several engineers share the server.

People are played with ``SET SESSION AUTHORIZATION`` on the admin's connection: it
makes ``session_user`` and every privilege check those of the person's own role, as
a login would (the test server lets only the OS user log in over its socket).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from db.migrate import RECORDED_HEAD
from db.models import Base
from tests.pg_catalogues import admin_url as shared_admin_url

PREFIX = "catena_test_pgadmin_"

# The search tables as PostgreSQL catalogues have them (db/search builds them there)
# and the settings table of migration 0015 (IF NOT EXISTS: a model once merged);
# here only so their grants are set and exercised like the others'.
SEARCH_TABLES = (
    "CREATE TABLE search_index (id INTEGER PRIMARY KEY REFERENCES documents(id)"
    " ON DELETE CASCADE, doc tsvector NOT NULL)",
    "CREATE TABLE search_index_rows (id INTEGER PRIMARY KEY, title TEXT NOT NULL)",
    "CREATE TABLE facet_counts (facet TEXT NOT NULL, value TEXT NOT NULL,"
    " documents INTEGER NOT NULL, PRIMARY KEY (facet, value))",
    "CREATE TABLE search_folds (raw TEXT PRIMARY KEY, folded TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS catalogue_settings (key VARCHAR(64) PRIMARY KEY,"
    " value TEXT NOT NULL)",
    "INSERT INTO catalogue_settings VALUES ('objects', '/srv/catena/objects')",
    "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
    f"INSERT INTO alembic_version VALUES ('{RECORDED_HEAD}')",
)


def admin_url() -> URL:
    """The shared admin URL (tests/pg_catalogues.py reads and checks it), psycopg 3."""
    return make_url(shared_admin_url()).set(drivername="postgresql+psycopg")


def _admin_engine() -> Engine:
    return create_engine(admin_url(), isolation_level="AUTOCOMMIT")


def drop_scratch(name: str) -> None:
    """Drop the database *name* and every role named after it."""
    engine = _admin_engine()
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            roles = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :name)"),
                {"name": name},
            ).scalars()
            for role in list(roles):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    finally:
        engine.dispose()


def create_scratch(*, with_search: bool = True) -> URL:
    """A new database with the catalogue's tables; returns its URL (as the admin)."""
    name = f"{PREFIX}{uuid.uuid4().hex[:8]}"
    engine = _admin_engine()
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    url = admin_url().set(database=name)
    engine = create_engine(url)
    try:
        Base.metadata.create_all(engine)
        if with_search:
            with engine.begin() as conn:
                for statement in SEARCH_TABLES:
                    conn.execute(text(statement))
    finally:
        engine.dispose()
    return url


@contextmanager
def scratch_database() -> Iterator[URL]:
    url = create_scratch()
    try:
        yield url
    finally:
        assert url.database is not None
        drop_scratch(url.database)


@contextmanager
def connected(url: URL, *, as_role: str | None = None) -> Iterator[Connection]:
    """A connection to *url*; with *as_role*, its session user is that role."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if as_role is not None:
                conn.execute(text(f'SET SESSION AUTHORIZATION "{as_role}"'))
                conn.commit()
            yield conn
    finally:
        engine.dispose()
