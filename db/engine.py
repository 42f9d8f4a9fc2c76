"""Engine set-up for either kind of catalogue, chosen by where it lives.

A folder's ``catalogue.sqlite`` gets ``db.dialects.sqlite``; a ``postgresql://`` URL
gets ``db.dialects.postgresql``. Both give write transactions that exclude other
writers from their first statement to their commit, which the audit chain, reference
counters and duplicate checks rely on (see each module for how).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from db.dialects import POSTGRESQL, dialect_name, is_server_url
from db.dialects import postgresql as postgresql_dialect
from db.dialects import sqlite as sqlite_dialect


def make_engine(database: Path | str, *, read_only: bool = False) -> Engine:
    """An engine for the SQLite file at *database* or the PostgreSQL database at the
    URL *database*; with *read_only*, one that cannot write."""
    if is_server_url(database):
        return postgresql_dialect.make_engine(str(database), read_only=read_only)
    return sqlite_dialect.make_engine(Path(database), read_only=read_only)


def writer(engine: Engine) -> Engine:
    """The same engine whose transactions exclude other writers from the start."""
    if dialect_name(engine) == POSTGRESQL:
        return postgresql_dialect.writer(engine)
    return sqlite_dialect.writer(engine)
