"""Writing PostgreSQL's search index (``db.search.schema_postgresql``): the statements
``db.search.index_store`` runs on PostgreSQL, the same functions as SQLite's
``db.search.fts5_store``.

A document's ``tsvector`` is replaced whole (an upsert), so un-indexing needs no old
values and a text changed behind Catena's back is simply indexed again. With several
writers, documents are locked for indexing (a transaction-scoped advisory lock per
document id, taken in id order): two transactions re-indexing one document one after
the other each see the other's committed row, so the facet counts move once per change.

Field filters compare folded values; PostgreSQL cannot call ``db.folding.fold``, so the
values a filter may compare are folded here when their documents are indexed and kept
in ``search_folds`` (:func:`note_values`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from db.folding import fold
from db.models import (
    Agent,
    Document,
    Keyword,
    Mention,
    NameVariant,
    document_keywords,
)
from db.sanitize import NUL
from db.search.index_rows import IndexRow
from db.search.tsvector import document_vector

REPLACES_WHOLE_ROWS = True
"""A row is replaced whole: nothing needs the text a document was indexed with."""

LOCK_KEY = 0x0CA7E5A
"""First key of the advisory locks on documents being indexed (the second is the id)."""

_UPSERT = text(
    "INSERT INTO search_index (id, doc) VALUES (:id, CAST(:doc AS tsvector)) "
    "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc"
)
_DELETE = text("DELETE FROM search_index WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_DELETE_ALL = text("DELETE FROM search_index")
_UPSERT_ROW = text(
    "INSERT INTO search_index_rows (id, title, people, extra, body_sha256, facets) "
    "VALUES (:id, :title, :people, :extra, :body_sha256, CAST(:facets AS jsonb)) "
    "ON CONFLICT (id) DO UPDATE SET title = excluded.title, people = excluded.people, "
    "extra = excluded.extra, body_sha256 = excluded.body_sha256, facets = excluded.facets"
)
ADD_COUNT = text(
    "INSERT INTO facet_counts (facet, value, documents) VALUES (:facet, :value, :delta) "
    "ON CONFLICT (facet, value) DO UPDATE "
    "SET documents = facet_counts.documents + excluded.documents"
)
_LOCK = text("SELECT pg_advisory_xact_lock(:key, :id)")
_KNOWN = text("SELECT raw FROM search_folds WHERE raw IN :values").bindparams(
    bindparam("values", expanding=True)
)
_ADD_FOLD = text(
    "INSERT INTO search_folds (raw, folded) VALUES (:raw, :folded) ON CONFLICT (raw) DO NOTHING"
)
_UNFOLDED_NAMES = text(
    "SELECT name FROM collections WHERE name IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM search_folds WHERE raw = collections.name) "
    "UNION SELECT name FROM keywords WHERE name IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM search_folds WHERE raw = keywords.name)"
)


def lock(conn: Connection, ids: Sequence[int]) -> None:
    """Hold each document of *ids* for indexing until the transaction ends (in id order,
    so two writers never wait on each other in a circle over these locks)."""
    for doc_id in sorted(set(ids)):
        conn.execute(_LOCK, {"key": LOCK_KEY, "id": doc_id})


def add(conn: Connection, rows: Sequence[tuple[int, IndexRow]]) -> None:
    if rows:
        conn.execute(
            _UPSERT,
            [
                {"id": doc_id, "doc": document_vector(row.title, row.body, row.people, row.extra)}
                for doc_id, row in rows
            ],
        )


def remove(conn: Connection, rows: Sequence[tuple[int, tuple[str, str, str, str]]]) -> None:
    """Un-index documents (the columns they were indexed with are not needed)."""
    if rows:
        conn.execute(_DELETE, {"ids": [doc_id for doc_id, _ in rows]})


def record(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Write ``search_index_rows`` entries (``facets`` as JSON text, stored as jsonb)."""
    if rows:
        conn.execute(_UPSERT_ROW, list(rows))


def clear(conn: Connection) -> None:
    conn.execute(_DELETE_ALL)


def optimize(conn: Connection) -> None:
    """Nothing to do: GIN keeps itself (its pending list is merged by autovacuum)."""


def tidy(conn: Connection, replaced: int) -> None:
    """Nothing to do: a replaced row is overwritten in place (``REPLACES_WHOLE_ROWS``)."""


@lru_cache(maxsize=65_536)
def _folded(value: str) -> str:
    return fold(value)


def _json_names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value if item is not None and not isinstance(item, dict)]
    return [] if value is None else [str(value)]


def _values_of(conn: Connection, ids: Sequence[int]) -> set[str]:
    """Every value a field filter may compare for documents *ids*: type, publisher,
    authors, recipients, mention names and the names of their people records, tags."""
    found: set[str] = set()
    for doc_type, publisher, authors, recipients in conn.execute(
        select(Document.doc_type, Document.publisher, Document.authors, Document.recipients).where(
            Document.id.in_(ids)
        )
    ):
        found.update(
            value
            for value in chain((doc_type, publisher), _json_names(authors), _json_names(recipients))
            if value
        )
    found.update(
        name
        for pair in conn.execute(
            select(Mention.name, Agent.preferred_name)
            .outerjoin(Agent, Agent.id == Mention.agent_id)
            .where(Mention.document_id.in_(ids))
        )
        for name in pair
        if name
    )
    found.update(
        conn.execute(
            select(NameVariant.name)
            .join(Mention, Mention.agent_id == NameVariant.agent_id)
            .where(Mention.document_id.in_(ids))
        ).scalars()
    )
    found.update(
        conn.execute(
            select(Keyword.name)
            .join(document_keywords, document_keywords.c.keyword_id == Keyword.id)
            .where(document_keywords.c.document_id.in_(ids))
        ).scalars()
    )
    # A NUL (a row from before ``db.sanitize``'s rule) cannot be a server text; the
    # filters match such a value to nothing (``db.search.filters_postgresql``).
    return {value for value in found if value and NUL not in value}


def add_folds(conn: Connection, values: Iterable[str]) -> None:
    """Record the fold of each of *values* not recorded yet."""
    for chunk in _value_chunks(values):
        known = set(conn.execute(_KNOWN, {"values": chunk}).scalars())
        missing = [{"raw": raw, "folded": _folded(raw)} for raw in chunk if raw not in known]
        if missing:
            conn.execute(_ADD_FOLD, missing)


def _value_chunks(values: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), 500):
        yield ordered[start : start + 500]


def note_values(conn: Connection, ids: Sequence[int]) -> None:
    """Fold what the filters compare for documents *ids*, and any collection or tag
    name not folded yet (collections are found by name before their documents)."""
    values = _values_of(conn, ids) if ids else set()
    values.update(conn.execute(_UNFOLDED_NAMES).scalars())
    add_folds(conn, values)


def note_names(conn: Connection) -> None:
    """Fold collection and tag names not folded yet (after they were added or renamed)."""
    add_folds(conn, conn.execute(_UNFOLDED_NAMES).scalars())
