"""Writing the contentless index, its rows table and the facet counts together.

The FTS5 table keeps no text (``db.search.schema``), so un-indexing a document needs
the values it was indexed with: the title, people and extra columns are in
``search_index_rows``; the body is folded again from ``documents.text`` while that
text still has the hash recorded with the row. Three cases follow:

* the text is unchanged (metadata edits, mentions, trash): the body is folded again;
* the text is about to change or the document to be deleted: :func:`evict` un-indexes
  it first, while the database still holds the indexed text (the session events call
  it before the flush or bulk statement);
* the text changed behind Catena's back (SQL that bypassed the session): nothing says
  what was indexed, so the whole index is rebuilt from the catalogue — slow, correct,
  and only after such an edit.

Facet counts move by the difference between a document's old and new facet values, in
the same statements' transaction, so they are as right as the index is.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, bindparam, select, text

from db.models import Document
from db.search.index_folding import fold_for_index
from db.search.index_rows import FacetValues, IndexRow, body_hash, chunks, index_rows, text_rows
from db.search.schema import COLUMNS

# Statements are spelled out (no string building), for the reader and for linters;
# they name db.search.schema.INDEX_TABLE, ROWS_TABLE, FACET_COUNTS_TABLE and COLUMNS.
_INSERT_FTS = text(
    "INSERT INTO search_index (rowid, title, body, people, extra) "
    "VALUES (:rowid, :title, :body, :people, :extra)"
)
_DELETE_FTS = text(
    "INSERT INTO search_index (search_index, rowid, title, body, people, extra) "
    "VALUES ('delete', :rowid, :title, :body, :people, :extra)"
)
_DELETE_ALL_FTS = text("INSERT INTO search_index (search_index) VALUES ('delete-all')")
_OPTIMIZE = text("INSERT INTO search_index (search_index) VALUES ('optimize')")
_SELECT_ROWS = text(
    "SELECT id, title, people, extra, body_sha256, facets FROM search_index_rows WHERE id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_UPSERT_ROW = text(
    "INSERT OR REPLACE INTO search_index_rows (id, title, people, extra, body_sha256, facets) "
    "VALUES (:id, :title, :people, :extra, :body_sha256, :facets)"
)
_DELETE_ROWS = text("DELETE FROM search_index_rows WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_DELETE_ALL_ROWS = text("DELETE FROM search_index_rows")
_ADD_COUNT = text(
    "INSERT INTO facet_counts (facet, value, documents) VALUES (:facet, :value, :delta) "
    "ON CONFLICT (facet, value) DO UPDATE SET documents = documents + excluded.documents"
)
_DROP_ZERO_COUNT = text(
    "DELETE FROM facet_counts WHERE facet = :facet AND value = :value AND documents <= 0"
)
_DELETE_ALL_COUNTS = text("DELETE FROM facet_counts")
_SELECT_TEXTS = text("SELECT id, text FROM documents WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_LEGACY_DELETE_ALL = text("DELETE FROM search_index")


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


def decode_facets(stored: str) -> FacetValues:
    """A row's facet values from their stored JSON."""
    return cast(FacetValues, json.loads(stored))


def _facet_deltas(counts: Counter[tuple[str, str]], facets: FacetValues, sign: int) -> None:
    for facet, values in facets.items():
        for value in values:
            counts[(facet, value)] += sign


def _apply_counts(conn: Connection, counts: Counter[tuple[str, str]]) -> None:
    changed = [(facet, value, delta) for (facet, value), delta in sorted(counts.items()) if delta]
    if changed:
        conn.execute(_ADD_COUNT, [{"facet": f, "value": v, "delta": d} for f, v, d in changed])
        fallen = [{"facet": f, "value": v} for f, v, d in changed if d < 0]
        if fallen:
            conn.execute(_DROP_ZERO_COUNT, fallen)


def _unindex(stored: StoredRow, doc_id: int, body: str) -> dict[str, object]:
    return {
        "rowid": doc_id,
        "title": stored.title,
        "body": body,
        "people": stored.people,
        "extra": stored.extra,
    }


def _write_chunk(conn: Connection, chunk: list[int]) -> int:
    new = index_rows(conn, chunk)
    old = stored_rows(conn, chunk)
    deletes: list[dict[str, object]] = []
    inserts: list[dict[str, object]] = []
    upserts: list[dict[str, object]] = []
    gone: list[int] = []
    counts: Counter[tuple[str, str]] = Counter()
    for doc_id in chunk:
        before, after = old.get(doc_id), new.get(doc_id)
        if before is None and after is None:
            continue
        if before is not None and after is not None and before.same_columns(after):
            if before.facets != after.facets:
                _facet_deltas(counts, before.facets, -1)
                _facet_deltas(counts, after.facets, +1)
                upserts.append(_stored(doc_id, after))
            continue
        if before is not None:
            if after is None or after.body_sha256 != before.body_sha256:
                raise _BodyUnknown(doc_id)
            deletes.append(_unindex(before, doc_id, after.body))
            _facet_deltas(counts, before.facets, -1)
        if after is None:
            gone.append(doc_id)
            continue
        inserts.append(_indexed(doc_id, after.columns))
        upserts.append(_stored(doc_id, after))
        _facet_deltas(counts, after.facets, +1)
    if deletes:
        conn.execute(_DELETE_FTS, deletes)
    if gone:
        conn.execute(_DELETE_ROWS, {"ids": gone})
    if inserts:
        conn.execute(_INSERT_FTS, inserts)
    if upserts:
        conn.execute(_UPSERT_ROW, upserts)
    _apply_counts(conn, counts)
    return len(new)


def _indexed(doc_id: int, columns: tuple[str, str, str, str]) -> dict[str, object]:
    return {"rowid": doc_id, **dict(zip(COLUMNS, columns, strict=True))}


def _stored(doc_id: int, row: IndexRow) -> dict[str, object]:
    return {
        "id": doc_id,
        "title": row.title,
        "people": row.people,
        "extra": row.extra,
        "body_sha256": row.body_sha256,
        "facets": json.dumps(row.facets, ensure_ascii=False, separators=(",", ":")),
    }


def write(conn: Connection, ids: Iterable[int]) -> int:
    """Re-index *ids* from the database: rows of missing documents are removed, and
    the facet counts follow. Returns how many documents are indexed among *ids*.

    When a document's indexed text is no longer in the database (changed by SQL that
    bypassed the session), the whole index is rebuilt instead.
    """
    wanted = sorted(set(ids))
    written = 0
    try:
        for chunk in chunks(wanted):
            written += _write_chunk(conn, chunk)
    except _BodyUnknown:
        rebuild(conn)
        return sum(
            len(conn.execute(select(Document.id).where(Document.id.in_(chunk))).all())
            for chunk in chunks(wanted)
        )
    return written


def evict(conn: Connection, ids: Iterable[int]) -> None:
    """Un-index *ids* now, while the database still holds the text they were indexed
    with: call it before a statement that changes their text or deletes them. Their
    rows are written again at commit from what is left (nothing, for a deletion).
    A document whose text already differs from the indexed one is left for
    :func:`write` (which then rebuilds)."""
    for chunk in chunks(ids):
        old = stored_rows(conn, chunk)
        if not old:
            continue
        texts = {row[0]: row[1] for row in conn.execute(_SELECT_TEXTS, {"ids": sorted(old)})}
        deletes: list[dict[str, object]] = []
        counts: Counter[tuple[str, str]] = Counter()
        for doc_id, stored in old.items():
            body = texts.get(doc_id)
            if body is None or body_hash(body) != stored.body_sha256:
                continue
            deletes.append(_unindex(stored, doc_id, fold_for_index(body)))
            _facet_deltas(counts, stored.facets, -1)
        if deletes:
            conn.execute(_DELETE_FTS, deletes)
            conn.execute(_DELETE_ROWS, {"ids": [item["rowid"] for item in deletes]})
            _apply_counts(conn, counts)


def rebuild(conn: Connection) -> int:
    """Empty the index, its rows and the counts; index every document (trashed ones
    too, which count in no facet). Returns the number of documents indexed."""
    conn.execute(_DELETE_ALL_FTS)
    conn.execute(_DELETE_ALL_ROWS)
    conn.execute(_DELETE_ALL_COUNTS)
    ids = conn.execute(select(Document.id)).scalars().all()
    count = 0
    for chunk in chunks(ids):
        count += _write_chunk(conn, chunk)
    conn.execute(_OPTIMIZE)
    return count


def fill_legacy(conn: Connection) -> int:
    """Fill the normal FTS5 table of migrations 0004–0013 (it stores its own text):
    the index as those revisions expect it. Returns the number of documents."""
    conn.execute(_LEGACY_DELETE_ALL)
    ids = conn.execute(select(Document.id)).scalars().all()
    count = 0
    for chunk in chunks(ids):
        rows = text_rows(conn, chunk)
        if rows:
            conn.execute(
                _INSERT_FTS,
                [_indexed(doc_id, row) for doc_id, row in rows.items()],
            )
            count += len(rows)
    conn.execute(_OPTIMIZE)
    return count
