"""Writing the index, its rows table and the facet counts together, on either engine.

The engine's own statements are in ``db.search.fts5_store`` (SQLite) and
``db.search.tsvector_store`` (PostgreSQL), chosen by the connection's dialect; what a
change means (which rows go, which come, how the counts move) is decided here, once.

SQLite's FTS5 table keeps no text (``db.search.schema``), so un-indexing a document
needs the values it was indexed with: the title, people and extra columns are in
``search_index_rows``; the body is folded again from ``documents.text`` while that
text still has the hash recorded with the row. Three cases follow:

* the text is unchanged (metadata edits, mentions, trash): the body is folded again;
* the text is about to change or the document to be deleted: :func:`evict` un-indexes
  it first, while the database still holds the indexed text (the session events call
  it before the flush or bulk statement);
* the text changed behind Catena's back (SQL that bypassed the session): nothing says
  what was indexed, so the whole index is rebuilt from the catalogue — slow, correct,
  and only after such an edit.

On PostgreSQL a document's vector is replaced whole, so none of this is needed: evict
does nothing and a changed text is indexed again.

Facet counts move by the difference between a document's old and new facet values, in
the same statements' transaction, so they are as right as the index is.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, cast

from sqlalchemy import Connection, Integer, bindparam, column, select, text

from db.column_types import WorkingText
from db.models import Document
from db.search import fts5_store, tsvector_store
from db.search.dialect import is_postgresql
from db.search.index_folding import fold_for_index
from db.search.index_rows import (
    FacetValues,
    IndexRow,
    body_hash,
    chunks,
    index_rows,
    same_facets,
    text_rows,
)

# Statements are spelled out (no string building), for the reader and for linters;
# they name db.search.schema.ROWS_TABLE and FACET_COUNTS_TABLE, on both engines.
_SELECT_ROWS = text(
    "SELECT id, title, people, extra, body_sha256, facets FROM search_index_rows WHERE id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_DELETE_ROWS = text("DELETE FROM search_index_rows WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_DELETE_ALL_ROWS = text("DELETE FROM search_index_rows")
_DROP_ZERO_COUNT = text(
    "DELETE FROM facet_counts WHERE facet = :facet AND value = :value AND documents <= 0"
)
_DELETE_ALL_COUNTS = text("DELETE FROM facet_counts")
_SELECT_TEXTS = (  # read through the column's type: compressed on SQLite (db.column_types)
    text("SELECT id, text FROM documents WHERE id IN :ids")
    .bindparams(bindparam("ids", expanding=True))
    .columns(column("id", Integer), column("text", WorkingText()))
)


def store_for(conn: Connection) -> ModuleType:
    """The module holding this engine's index statements (same functions in each)."""
    return tsvector_store if is_postgresql(conn) else fts5_store


@dataclass(frozen=True)
class StoredRow:
    """What ``search_index_rows`` says a document was indexed with."""

    title: str
    people: str
    extra: str
    body_sha256: str
    facets: FacetValues

    def same_columns(self, row: IndexRow) -> bool:
        """Whether *row* would index exactly what is indexed now."""
        return (self.title, self.people, self.extra, self.body_sha256) == (
            row.title,
            row.people,
            row.extra,
            row.body_sha256,
        )


class _BodyUnknown(Exception):
    """An indexed document's text changed without being evicted first."""


def stored_rows(conn: Connection, ids: Sequence[int]) -> dict[int, StoredRow]:
    """The recorded index rows of *ids* (at most a few ``CHUNK``s)."""
    return {
        doc_id: StoredRow(title, people, extra, sha, decode_facets(facets))
        for doc_id, title, people, extra, sha, facets in conn.execute(
            _SELECT_ROWS, {"ids": list(ids)}
        )
    }


def decode_facets(stored: str | dict[str, Any]) -> FacetValues:
    """A row's facet values from their stored JSON (text on SQLite; PostgreSQL's
    driver hands ``jsonb`` over already decoded)."""
    if isinstance(stored, dict):
        return cast(FacetValues, stored)
    return cast(FacetValues, json.loads(stored))


def _facet_deltas(counts: Counter[tuple[str, str]], facets: FacetValues, sign: int) -> None:
    for facet, values in facets.items():
        for value in values:
            counts[(facet, value)] += sign


def _apply_counts(conn: Connection, counts: Counter[tuple[str, str]]) -> None:
    changed = [(facet, value, delta) for (facet, value), delta in sorted(counts.items()) if delta]
    if changed:
        conn.execute(
            store_for(conn).ADD_COUNT,
            [{"facet": f, "value": v, "delta": d} for f, v, d in changed],
        )
        fallen = [{"facet": f, "value": v} for f, v, d in changed if d < 0]
        if fallen:
            conn.execute(_DROP_ZERO_COUNT, fallen)


def _old_columns(stored: StoredRow, body: str) -> tuple[str, str, str, str]:
    return (stored.title, body, stored.people, stored.extra)


def _write_chunk(
    conn: Connection, chunk: list[int], folded: Mapping[int, tuple[str, str]] | None = None
) -> int:
    store = store_for(conn)
    new = index_rows(conn, chunk, folded=folded)
    old = stored_rows(conn, chunk)
    removed: list[tuple[int, tuple[str, str, str, str]]] = []
    added: list[tuple[int, IndexRow]] = []
    upserts: list[dict[str, object]] = []
    gone: list[int] = []
    counts: Counter[tuple[str, str]] = Counter()
    for doc_id in chunk:
        before, after = old.get(doc_id), new.get(doc_id)
        if before is None and after is None:
            continue
        if before is not None and after is not None and before.same_columns(after):
            if not same_facets(before.facets, after.facets):
                _facet_deltas(counts, before.facets, -1)
                _facet_deltas(counts, after.facets, +1)
                upserts.append(_stored(doc_id, after))
            continue
        if before is not None:
            if store.REPLACES_WHOLE_ROWS:
                removed.append((doc_id, _old_columns(before, "")))
            elif after is None or after.body_sha256 != before.body_sha256:
                raise _BodyUnknown(doc_id)
            else:
                removed.append((doc_id, _old_columns(before, after.body)))
            _facet_deltas(counts, before.facets, -1)
        if after is None:
            gone.append(doc_id)
            continue
        added.append((doc_id, after))
        upserts.append(_stored(doc_id, after))
        _facet_deltas(counts, after.facets, +1)
    if store.REPLACES_WHOLE_ROWS:  # a changed row is overwritten; only the gone are removed
        removed = [(doc_id, columns) for doc_id, columns in removed if doc_id in gone]
    store.remove(conn, removed)
    if gone:
        conn.execute(_DELETE_ROWS, {"ids": gone})
    store.add(conn, added)
    store.record(conn, upserts)
    store.note_values(conn, sorted(new))
    _apply_counts(conn, counts)
    return len(new)


def _stored(doc_id: int, row: IndexRow) -> dict[str, object]:
    return {
        "id": doc_id,
        "title": row.title,
        "people": row.people,
        "extra": row.extra,
        "body_sha256": row.body_sha256,
        "facets": json.dumps(row.facets, ensure_ascii=False, separators=(",", ":")),
    }


def write(
    conn: Connection, ids: Iterable[int], *, folded: Mapping[int, tuple[str, str]] | None = None
) -> int:
    """Re-index *ids* from the database: rows of missing documents are removed, and
    the facet counts follow. Returns how many documents are indexed among *ids*.

    When a document's indexed text is no longer in the database (changed by SQL that
    bypassed the session), the whole index is rebuilt instead (SQLite only: on
    PostgreSQL the document is simply indexed again). *folded*: ``index_rows``.
    """
    wanted = sorted(set(ids))
    store = store_for(conn)
    if store.REPLACES_WHOLE_ROWS:
        store.lock(conn, wanted)
    written = 0
    try:
        for chunk in chunks(wanted):
            written += _write_chunk(conn, chunk, folded)
    except _BodyUnknown:
        rebuild(conn)
        return sum(
            len(conn.execute(select(Document.id).where(Document.id.in_(chunk))).all())
            for chunk in chunks(wanted)
        )
    return written


def tidy(conn: Connection, replaced: int) -> None:
    """Merge the index's segments after *replaced* rows were re-indexed (the store's
    ``tidy``: bounded work, nothing on PostgreSQL)."""
    store_for(conn).tidy(conn, replaced)


def evict(conn: Connection, ids: Iterable[int]) -> None:
    """Un-index *ids* now, while the database still holds the text they were indexed
    with: call it before a statement that changes their text or deletes them. Their
    rows are written again at commit from what is left (nothing, for a deletion).
    A document whose text already differs from the indexed one is left for
    :func:`write` (which then rebuilds). Nothing to do on PostgreSQL."""
    store = store_for(conn)
    if store.REPLACES_WHOLE_ROWS:
        return
    for chunk in chunks(ids):
        old = stored_rows(conn, chunk)
        if not old:
            continue
        texts = {row[0]: row[1] for row in conn.execute(_SELECT_TEXTS, {"ids": sorted(old)})}
        removed: list[tuple[int, tuple[str, str, str, str]]] = []
        counts: Counter[tuple[str, str]] = Counter()
        for doc_id, stored in old.items():
            body = texts.get(doc_id)
            if body is None or body_hash(body) != stored.body_sha256:
                continue
            removed.append((doc_id, _old_columns(stored, fold_for_index(body))))
            _facet_deltas(counts, stored.facets, -1)
        if removed:
            store.remove(conn, removed)
            conn.execute(_DELETE_ROWS, {"ids": [doc_id for doc_id, _ in removed]})
            _apply_counts(conn, counts)


def rebuild(conn: Connection) -> int:
    """Empty the index, its rows and the counts; index every document (trashed ones
    too, which count in no facet). Returns the number of documents indexed."""
    store = store_for(conn)
    store.clear(conn)
    conn.execute(_DELETE_ALL_ROWS)
    conn.execute(_DELETE_ALL_COUNTS)
    ids = conn.execute(select(Document.id)).scalars().all()
    count = 0
    for chunk in chunks(ids):
        count += _write_chunk(conn, chunk)
    store.optimize(conn)
    return count


def fill_legacy(conn: Connection) -> int:
    """Fill the normal FTS5 table of migrations 0004–0013 (it stores its own text):
    the index as those revisions expect it (SQLite only). Returns the number of
    documents."""
    fts5_store.clear_legacy(conn)
    ids = conn.execute(select(Document.id)).scalars().all()
    count = 0
    for chunk in chunks(ids):
        rows = text_rows(conn, chunk)
        fts5_store.add_legacy(conn, rows)
        count += len(rows)
    fts5_store.optimize(conn)
    return count
