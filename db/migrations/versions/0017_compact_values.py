"""Compact values on SQLite (issue 23): working texts compressed, UUIDs, timestamps and
near-duplicate band keys as bytes.

``db.column_types`` reads and writes these columns; this rewrites what older
versions stored, so an upgraded catalogue is as small as a new one:

- ``documents.text`` and ``text_versions.text``: zlib over the stored UTF-8 bytes
  (read as bytes, so even a text damaged into invalid UTF-8 keeps its exact bytes and
  ``catena verify`` still reports it). ``text_sha256`` is unchanged: it is the hash
  of the text, not of its stored form.
- every ``uid``: 16 bytes; every timestamp written by ``utcnow``: 8 bytes, big-endian
  microseconds since 1970 (ordered as the text was); band keys: 9 bytes.

A value not in the canonical form (written by another program) stays the text it
was. Each column is one ``UPDATE … SET col = f(col)`` of the values still stored as
text, with ``f`` a Python function registered on the connection for the migration,
so it streams at SQLite's pace and can be run again. The declared column types do
not change (SQLite stores a BLOB in a TEXT column as given), so no table is rebuilt.
Down converts every BLOB back to the text it stands for.

PostgreSQL stores these columns as before (the types convert on SQLite only): there
is nothing to do. The file shrinks at the VACUUM that ends the upgrade
(``db.migrate.COMPACTING_REVISIONS``).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlite3
import uuid
import zlib
from collections.abc import Callable, Sequence
from typing import Any

from alembic import op

from db.column_types import (
    ZLIB_LEVEL,
    band_bytes,
    stamp_bytes,
    stamp_text,
    stored_text_bytes,
    uid_bytes,
)

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXTS = (("documents", "text"), ("text_versions", "text"))
UIDS = tuple(
    (table, "uid")
    for table in (
        "documents",
        "agents",
        "event_records",
        "mentions",
        "date_tags",
        "figures",
        "images",
        "collections",
        "dossiers",
        "events",
    )
)
STAMPS = (
    ("blobs", "stored_at"),
    ("documents", "imported_at"),
    ("documents", "updated_at"),
    ("agents", "created_at"),
    ("event_records", "created_at"),
    ("mentions", "created_at"),
    ("mentions", "updated_at"),
    ("date_tags", "created_at"),
    ("date_tags", "updated_at"),
    ("figures", "created_at"),
    ("figures", "updated_at"),
    ("images", "imported_at"),
    ("dossiers", "created_at"),
    ("events", "at"),
    ("text_versions", "created_at"),
)
BANDS = (("document_bands", "band"),)


def _deflate(stored: bytes | None) -> bytes | None:
    return None if stored is None else zlib.compress(stored, ZLIB_LEVEL)


def _inflate(stored: bytes | None) -> bytes | None:
    # Either form a BLOB may hold: this upgrade's zlib, or the Zstandard written since.
    return None if stored is None else stored_text_bytes(stored)


def _packing(pack: Callable[[str], bytes | None]) -> Callable[[Any], Any]:
    return lambda value: (pack(value) or value) if isinstance(value, str) else value


def _unpacking(unpack: Callable[[bytes], str]) -> Callable[[Any], Any]:
    return lambda value: unpack(value) if isinstance(value, bytes) else value


def _band_text(value: bytes) -> str:
    return f"{value[0]:02d}:{value[1:].hex()}"


def _uid_text(value: bytes) -> str:
    return str(uuid.UUID(bytes=value))


def _raw() -> sqlite3.Connection | None:
    """The SQLite connection under the migration's, or None on another database."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return None
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _rewrite(
    raw: sqlite3.Connection,
    columns: Sequence[tuple[str, str]],
    function: Callable[[Any], Any],
    expression: str,
    where: str,
) -> None:
    raw.create_function("catena_0017", 1, function, deterministic=True)
    for table, column in columns:
        value, condition = expression.format(column=f'"{column}"'), where.format(column=column)
        # Names from the constants above, never from data.
        op.execute(f'UPDATE "{table}" SET "{column}" = {value} WHERE {condition}')  # noqa: S608


def upgrade() -> None:
    raw = _raw()
    if raw is None:
        return
    is_text = "typeof(\"{column}\") = 'text'"
    _rewrite(raw, TEXTS, _deflate, "catena_0017(CAST({column} AS BLOB))", is_text)
    _rewrite(raw, UIDS, _packing(uid_bytes), "catena_0017({column})", is_text)
    _rewrite(raw, STAMPS, _packing(stamp_bytes), "catena_0017({column})", is_text)
    _rewrite(raw, BANDS, _packing(band_bytes), "catena_0017({column})", is_text)


def downgrade() -> None:
    raw = _raw()
    if raw is None:
        return
    is_blob = "typeof(\"{column}\") = 'blob'"
    _rewrite(raw, TEXTS, _inflate, "CAST(catena_0017({column}) AS TEXT)", is_blob)
    sized = is_blob + ' AND length("{column}") = '
    _rewrite(raw, UIDS, _unpacking(_uid_text), "catena_0017({column})", sized + "16")
    _rewrite(raw, STAMPS, _unpacking(stamp_text), "catena_0017({column})", sized + "8")
    _rewrite(raw, BANDS, _unpacking(_band_text), "catena_0017({column})", sized + "9")
