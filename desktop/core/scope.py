"""Which documents a list shows: the sidebar's scope, narrowed by a typed search.

A scope is what a person picked in the sidebar (the library, a collection, a saved
search, recent imports, what needs review, the Trash). These functions turn it into
SQL conditions on ``Document.id``, using the search engine's own matching so the
window's list shows exactly what ``catena search`` finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.collections import holds_document, subtree
from db.models import Collection, DateTag, Document, Figure, Mention
from db.search import engine as search_engine
from db.search.engine import FacetCount

ScopeKind = Literal["library", "collection", "saved", "recent", "review", "trash"]
RECENT_DAYS = 7


@dataclass(frozen=True)
class Scope:
    """Which documents the list shows: a sidebar choice."""

    kind: ScopeKind = "library"
    collection_id: int | None = None
    query: str | None = None  # a saved search's query


def filter_condition(
    session: Session, text: str, *, trash: bool = False
) -> ColumnElement[bool] | None:
    """The search field as a condition on ``Document.id``.

    Raises :class:`QuerySyntaxError` (a ValueError whose message is for the person)
    for text that is not a search. With *trash* it searches the Trash.
    """
    if not text.strip():
        return None
    return Document.id.in_(search_engine.matching(session, text, trash=trash))


def _has_suggestions() -> ColumnElement[bool]:
    return or_(
        *(
            exists().where(model.document_id == Document.id, model.status == "suggested")
            for model in (DateTag, Figure, Mention)
        )
    )


def review_condition() -> ColumnElement[bool]:
    """Documents needing a person's look: guessed metadata, flags, open suggestions."""
    return or_(
        func.json_array_length(Document.guessed) > 0,
        func.json_array_length(Document.flags) > 0,
        Document.possible_duplicate_of_id.is_not(None),
        _has_suggestions(),
    )


def scope_conditions(session: Session, scope: Scope) -> list[ColumnElement[bool]]:
    """SQL conditions selecting the documents of *scope*."""
    if scope.kind == "trash":
        return [Document.deleted_at.is_not(None)]
    live = Document.deleted_at.is_(None)
    if scope.kind == "collection" and scope.collection_id is not None:
        roots = select(Collection.id).where(Collection.id == scope.collection_id)
        return [live, holds_document(subtree(roots))]
    if scope.kind == "saved" and scope.query:
        condition = filter_condition(session, scope.query)
        return [live] if condition is None else [live, condition]
    if scope.kind == "recent":
        # In utcnow's form (microseconds, "+00:00"): the column's type stores that form
        # as 8 ordered bytes on SQLite, and compares only like with like.
        since = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).isoformat(timespec="microseconds")
        return [live, Document.imported_at >= since]
    if scope.kind == "review":
        return [live, review_condition()]
    return [live]


def scope_within(session: Session, scope: Scope) -> Select[int] | None:
    """*scope* as a ``SELECT id`` to narrow a search to (the engine's *within*); None
    for the library, which is what a search covers anyway (everything not trashed)."""
    if scope.kind == "library":
        return None
    return select(Document.id).where(*scope_conditions(session, scope))


def facets_of(catalogue: Catalogue, *, scope: Scope, text: str) -> dict[str, list[FacetCount]]:
    """Facet counts of the list the window shows: *scope* narrowed by the search *text*."""
    with catalogue.reading() as session:
        return search_engine.facets(session, text, within=scope_within(session, scope))


def count_in(catalogue: Catalogue, scope: Scope) -> int:
    """How many documents *scope* holds; 0 for a saved search that no longer parses
    (the list says why when it is opened)."""
    with catalogue.reading() as session:
        try:
            conditions = scope_conditions(session, scope)
        except ValueError:
            return 0
        query = select(func.count(Document.id)).where(*conditions)
        return int(session.execute(query).scalar_one())


def review_reasons(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """Why each document needs review, in words (for the list's "Review" column)."""
    reasons: dict[int, list[str]] = {i: [] for i in ids}
    open_counts: dict[int, int] = {}
    for model in (DateTag, Figure, Mention):
        rows = session.execute(
            select(model.document_id, func.count(model.id))
            .where(model.document_id.in_(ids), model.status == "suggested")
            .group_by(model.document_id)
        )
        for doc_id, count in rows:
            open_counts[doc_id] = open_counts.get(doc_id, 0) + int(count)
    documents = session.execute(
        select(Document.id, Document.guessed, Document.flags).where(Document.id.in_(ids))
    )
    for doc_id, guessed, flags in documents:
        out = reasons[doc_id]
        if guessed:
            out.append(f"{len(guessed)} guessed")
        out.extend(flags or [])
        if open_counts.get(doc_id):
            out.append(f"{open_counts[doc_id]} suggestions")
    return reasons
