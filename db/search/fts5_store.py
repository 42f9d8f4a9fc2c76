"""Writing SQLite's contentless FTS5 index (``db.search.schema``): the statements
``db.search.index_store`` runs on SQLite. PostgreSQL's are in
``db.search.tsvector_store``; both offer the same functions.

An FTS5 row of a contentless table is removed with the very values it was indexed
with, so :func:`remove` takes them (``search_index_rows`` keeps the small columns, the
body is folded again from the document's text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from db.search.index_rows import IndexRow
from db.search.schema import COLUMNS

REPLACES_WHOLE_ROWS = False
"""An FTS5 row is removed with its old values: a text must be un-indexed before it
changes (``db.search.index_store.evict``)."""

_INSERT = text(
    "INSERT INTO search_index (rowid, title, body, people, extra) "
    "VALUES (:rowid, :title, :body, :people, :extra)"
)
_DELETE = text(
    "INSERT INTO search_index (search_index, rowid, title, body, people, extra) "
    "VALUES ('delete', :rowid, :title, :body, :people, :extra)"
)
_DELETE_ALL = text("INSERT INTO search_index (search_index) VALUES ('delete-all')")
_OPTIMIZE = text("INSERT INTO search_index (search_index) VALUES ('optimize')")
# A negative budget merges any level holding more than one segment (FTS5's 'merge').
_MERGE = text("INSERT INTO search_index (search_index, rank) VALUES ('merge', :pages)")
MERGE_PAGES_PER_REPLACED_ROW = 3
"""Merge work after many rows were replaced: a replaced row leaves its old entries in
older segments until a merge meets its delete markers, so re-indexing every document
(the suggestion pass after an import) left the index 1.8 times its size (3.7 -> 6.6 MB
for 1,000 clippings). Three pages a row, once at the pass's end, brings it back to
within 5 % of an 'optimize' (1 page a row: 9 %), in work bounded by the rows replaced
('optimize' rewrites the whole index; a merge after each of the pass's commits cost
five times the work, each rewriting what the last had merged)."""
_UPSERT_ROW = text(
    "INSERT OR REPLACE INTO search_index_rows (id, title, people, extra, body_sha256, facets) "
    "VALUES (:id, :title, :people, :extra, :body_sha256, :facets)"
)
ADD_COUNT = text(
    "INSERT INTO facet_counts (facet, value, documents) VALUES (:facet, :value, :delta) "
    "ON CONFLICT (facet, value) DO UPDATE SET documents = documents + excluded.documents"
)
_LEGACY_DELETE_ALL = text("DELETE FROM search_index")


def indexed(doc_id: int, columns: Sequence[str]) -> dict[str, object]:
    """The parameters of one FTS5 row (rowid and the four columns, in table order)."""
    return {"rowid": doc_id, **dict(zip(COLUMNS, columns, strict=True))}


def add(conn: Connection, rows: Sequence[tuple[int, IndexRow]]) -> None:
    if rows:
        conn.execute(_INSERT, [indexed(doc_id, row.columns) for doc_id, row in rows])


def remove(conn: Connection, rows: Sequence[tuple[int, tuple[str, str, str, str]]]) -> None:
    """Un-index documents given the (title, body, people, extra) they were indexed with."""
    if rows:
        conn.execute(_DELETE, [indexed(doc_id, columns) for doc_id, columns in rows])


def record(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Write ``search_index_rows`` entries (``facets`` as JSON text)."""
    if rows:
        conn.execute(_UPSERT_ROW, list(rows))


def clear(conn: Connection) -> None:
    conn.execute(_DELETE_ALL)


def optimize(conn: Connection) -> None:
    conn.execute(_OPTIMIZE)


def tidy(conn: Connection, replaced: int) -> None:
    """Merge segments after *replaced* rows were re-indexed, work bounded by their
    number."""
    if replaced > 0:
        conn.execute(_MERGE, {"pages": -MERGE_PAGES_PER_REPLACED_ROW * replaced})


def note_values(conn: Connection, ids: Sequence[int]) -> None:
    """Nothing to do: SQLite folds values in SQL (``catena_fold``)."""


def clear_legacy(conn: Connection) -> None:
    """Empty the normal FTS5 table of migrations 0004–0013."""
    conn.execute(_LEGACY_DELETE_ALL)


def add_legacy(conn: Connection, rows: dict[int, tuple[str, str, str, str]]) -> None:
    if rows:
        conn.execute(_INSERT, [indexed(doc_id, columns) for doc_id, columns in rows.items()])
