"""Which database engine a connection or session talks to, for the search modules that
speak each engine's SQL (``fts5``/``fts5_store`` for SQLite, ``tsvector``/
``tsvector_store``/``filters_postgresql`` for PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session

POSTGRESQL = "postgresql"
SQLITE = "sqlite"


def dialect_name(bind: Connection | Session) -> str:
    """``"sqlite"`` or ``"postgresql"`` (SQLAlchemy's dialect name) for *bind*."""
    if isinstance(bind, Session):
        return bind.get_bind().dialect.name
    return bind.dialect.name


def is_postgresql(bind: Connection | Session) -> bool:
    return dialect_name(bind) == POSTGRESQL
