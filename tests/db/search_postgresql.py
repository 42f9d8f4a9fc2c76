"""A catalogue on a scratch PostgreSQL database, for running the search tests there.

Until ``Catalogue.open`` takes a PostgreSQL URL, the database is built the way a
migrated one looks: the models' tables (``Base.metadata.create_all``) plus the search
index's (``db.search.index.create_postgresql_tables``, what migration 0014 creates
there). The schema is built once per test session in a template database, and every
test gets its own copy (``CREATE DATABASE … TEMPLATE``), dropped afterwards.

The server is named by ``CATENA_TEST_POSTGRES`` (an admin URL such as
``postgresql+psycopg://root@/postgres?host=/var/run/postgresql``); without it these
tests fail, saying so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import URL, Engine, create_engine, make_url, text

from tests.pg_catalogues import admin_url

PREFIX = "catena_test_pgsearch_"


@contextmanager
def scratch_database(template: str | None = None) -> Iterator[URL]:
    """A new database (a copy of *template* when given), dropped on leaving."""
    admin = create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    name = PREFIX + uuid.uuid4().hex[:8]
    copy = f' TEMPLATE "{template}"' if template else ""
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
        yield make_url(admin_url()).set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def build_schema(engine: Engine) -> None:
    from db.models import Base
    from db.search.index import create_postgresql_tables

    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        create_postgresql_tables(conn)


@pytest.fixture(scope="session")
def postgresql_template() -> Iterator[str]:
    with scratch_database() as url:
        engine = create_engine(url)
        try:
            build_schema(engine)
        finally:
            engine.dispose()
        assert url.database is not None
        yield url.database


def use_portable_blob_insert(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing to do any more: db/documents.py's blob insert is portable (pgcore's
    ``db.dialects.InsertIgnoring``). Kept so callers need not change at the merge."""
    del monkeypatch


@contextmanager
def postgresql_catalogue(template: str, folder: Path) -> Iterator[object]:
    """A ``Catalogue`` whose database is a fresh copy of *template*."""
    from db.catalogue import OBJECTS_DIR, Catalogue, OpenReport

    with scratch_database(template) as url:
        engine = create_engine(url)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / OBJECTS_DIR).mkdir(exist_ok=True)
        report = OpenReport(created=False, migrated_from=None, schema="head", backup=None)
        opened = Catalogue(folder, engine, report, "tester")
        try:
            yield opened
        finally:
            opened.close()


@pytest.fixture
def catalogue(
    postgresql_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    """The ``catalogue`` fixture of tests/conftest.py, on PostgreSQL."""
    use_portable_blob_insert(monkeypatch)
    with postgresql_catalogue(postgresql_template, tmp_path / "Test.catena") as opened:
        yield opened


WEIGHT_COLUMNS = {"A": 0, "D": 1, "B": 2, "C": 3}
"""tsvector weight → index column position in ``db.search.schema.COLUMNS`` order."""


def indexed_postgresql(engine: Engine) -> dict[int, tuple[str, ...]]:
    """What the PostgreSQL index holds per document: each column's tokens in order,
    read back from the tsvector (positions and weights say where each token was)."""
    columns: dict[int, list[list[tuple[int, str]]]] = {}
    with engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM search_index")).scalars().all()
        for doc_id in ids:
            columns[doc_id] = [[], [], [], []]
        for doc_id, lexeme, positions, weights in conn.execute(
            text(
                "SELECT id, (u).lexeme, (u).positions, (u).weights "
                "FROM (SELECT id, unnest(doc) AS u FROM search_index) AS t"
            )
        ):
            for position, weight in zip(positions, weights, strict=True):
                columns[doc_id][WEIGHT_COLUMNS[weight]].append((position, lexeme))
    return {
        doc_id: tuple(" ".join(token for _, token in sorted(column)) for column in found)
        for doc_id, found in columns.items()
    }
