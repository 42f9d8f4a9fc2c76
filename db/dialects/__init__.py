"""The two database engines a catalogue can live on, and what tells them apart.

A catalogue is a folder (SQLite, embedded, the default) or a PostgreSQL URL (a team's
server). Everything engine-specific — connection set-up, how a write transaction takes
its lock, health checks, backups — lives in one named module per engine
(``db.dialects.sqlite``, ``db.dialects.postgresql``); callers ask which engine a
session is on with ``dialect_name`` and never test for driver names themselves.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.dialects import postgresql as pg_sql
from sqlalchemy.dialects import sqlite as sqlite_sql
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
URL_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_server_url(location: str | Path) -> bool:
    """Whether *location* names a PostgreSQL database rather than a folder."""
    return isinstance(location, str) and location.strip().lower().startswith(URL_SCHEMES)


def dialect_name(bind: Session | Connection | Engine) -> str:
    """``"sqlite"`` or ``"postgresql"``: the engine behind *bind*."""
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return str(engine.dialect.name)


def is_postgresql(bind: Session | Connection | Engine) -> bool:
    return dialect_name(bind) == POSTGRESQL


class InsertIgnoring:
    """An ``INSERT … ON CONFLICT DO NOTHING`` prepared once for each engine (both have
    it, with different statement classes): the insert that must not fail when a
    concurrent or earlier writer already stored the same key."""

    def __init__(self, table: Table, index_elements: list[str]) -> None:
        self._by_dialect: dict[str, Insert] = {
            SQLITE: sqlite_sql.insert(table).on_conflict_do_nothing(index_elements=index_elements),
            POSTGRESQL: pg_sql.insert(table).on_conflict_do_nothing(index_elements=index_elements),
        }

    def on(self, bind: Session | Connection | Engine) -> Insert:
        return self._by_dialect[dialect_name(bind)]
