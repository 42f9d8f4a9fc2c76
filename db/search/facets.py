"""Facet counts: how many documents of a search's result fall under each type,
publisher, year, person and tag — what the Refine panel lists beside the results.

Every facet counts documents, not rows: a person named ten times in one document
counts once. Each facet is its own function below, because each reads the catalogue
its own way (a column of ``documents``, a date range spread over years, mentions and
name lists, keyword links); they share only the result they count over (:class:`_Scope`).

Counting a million mentions takes seconds at 100,000 documents, so the whole library
is not counted: ``facet_counts`` holds its counts, kept in step with every write by
the search index (``db.search.index_store``, from the same rules in
``db.search.index_rows.facets_of``), which also records each document's facet values.
A result holding most of the library (a common word) is the library less the
documents it leaves out; a smaller result adds up its documents' recorded values.
Only results within a collection or list (*within*) are counted by the queries below.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Integer,
    Select,
    Text,
    and_,
    column,
    func,
    or_,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from db.models import Agent, Document, Keyword, Mention, document_keywords
from db.search import index
from db.search.dialect import is_postgresql
from db.search.filters import comparisons
from db.search.index_rows import MAX_YEAR_SPAN, years_counted
from db.search.index_store import decode_facets
from db.search.query import ParsedQuery, parse_query
from db.search.run import execute, matching
from db.search.variants import VariantTable

__all__ = ["FACETS", "MAX_YEAR_SPAN", "FacetCount", "facets"]

_TOP_IN_LIBRARY = text(
    "SELECT value, documents FROM facet_counts WHERE facet = :facet "
    "ORDER BY documents DESC, value LIMIT :top"
)
_TOP_IN_LIBRARY_POSTGRESQL = text(  # ties in code-point order, as SQLite's and Python's
    "SELECT value, documents FROM facet_counts WHERE facet = :facet "
    'ORDER BY documents DESC, value COLLATE "C" LIMIT :top'
)
_ALL_IN_LIBRARY = text("SELECT facet, value, documents FROM facet_counts")
_RECORDED = table("search_index_rows", column("id", Integer), column("facets", Text))


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


FACETS = ("type", "publisher", "year", "person", "tag")


def facets(
    session: Session,
    query: str | ParsedQuery,
    *,
    variants: bool | VariantTable = False,
    top: int = 10,
    within: Select[Any] | None = None,
) -> dict[str, list[FacetCount]]:
    """Document counts per type, publisher, year, person and tag over the whole result.

    Each list holds the *top* values by count (ties by value). Counts are documents,
    not mentions: a person named ten times in one document counts once. *within*, a
    ``SELECT id`` of documents (a collection, the window's current list), narrows the
    result to those documents.
    """
    if within is None:
        return _from_library_counts(session, query, variants, top)
    result_ids = matching(session, query, variants=variants).cte("result_ids")
    scope = _Scope(session, result_ids, within, top, is_postgresql(session))
    return {
        "type": scope.top_values(Document.doc_type, Document.id, Document),
        "publisher": scope.top_values(Document.publisher, Document.id, Document),
        "year": _year_counts(scope),
        "person": _person_counts(scope),
        "tag": _tag_counts(scope),
    }


def _from_library_counts(
    session: Session, query: str | ParsedQuery, variants: bool | VariantTable, top: int
) -> dict[str, list[FacetCount]]:
    """The facets of a result in the library, from what the index records: the whole
    library is one read of ``facet_counts``; a result holding more than half of the
    library is the library less the documents it leaves out; a smaller one adds up
    its own documents' recorded facet values."""
    parsed = parse_query(query) if isinstance(query, str) else query
    index.sync(session)  # the counts are written with the index
    if parsed.is_everything:
        top_values = _TOP_IN_LIBRARY_POSTGRESQL if is_postgresql(session) else _TOP_IN_LIBRARY
        return {
            facet: [
                FacetCount(str(value), int(n))
                for value, n in session.execute(top_values, {"facet": facet, "top": top})
            ]
            for facet in FACETS
        }
    found = matching(session, parsed, variants=variants)
    in_library = select(Document.id).where(Document.deleted_at.is_(None))
    found_count = execute(session, select(func.count()).select_from(found.subquery()))
    library_count = session.execute(select(func.count()).select_from(in_library.subquery()))
    counts: Counter[tuple[str, str]] = Counter()
    if 2 * int(found_count.scalar_one()) > int(library_count.scalar_one()):
        counts.update(
            {(facet, value): int(n) for facet, value, n in session.execute(_ALL_IN_LIBRARY)}
        )
        left_out = in_library.where(Document.id.not_in(found))
        _add_recorded(session, left_out, counts, -1)
    else:
        _add_recorded(session, found, counts, +1)
    ranked: dict[str, list[tuple[str, int]]] = {facet: [] for facet in FACETS}
    for (facet, value), n in counts.items():
        if n > 0 and facet in ranked:
            ranked[facet].append((value, n))
    return {
        facet: [
            FacetCount(value, n)
            for value, n in sorted(values, key=lambda item: (-item[1], item[0]))[:top]
        ]
        for facet, values in ranked.items()
    }


def _add_recorded(
    session: Session, ids: Select[Any], counts: Counter[tuple[str, str]], sign: int
) -> None:
    """Add (or, with *sign* -1, take away) the recorded facet values of the documents
    *ids* selects."""
    rows = select(_RECORDED.c.facets).where(_RECORDED.c.id.in_(ids))
    for (stored,) in execute(session, rows):
        for facet, values in decode_facets(stored).items():
            for value in values:
                counts[(facet, value)] += sign


@dataclass(frozen=True)
class _Scope:
    """What every facet counts over: the result's ids (narrowed by *within*), how many
    values of each facet to keep, and the engine (PostgreSQL spells some SQL its way)."""

    session: Session
    result_ids: CTE
    within: Select[Any] | None
    top: int
    postgresql: bool = False

    def holds(self, document_id: Any) -> ColumnElement[bool]:
        """*document_id* is in the result (and in *within*, when given)."""
        condition = document_id.in_(select(self.result_ids.c.id))
        return condition if self.within is None else and_(condition, document_id.in_(self.within))

    def top_values(
        self, value: Any, documents: Any, source: Any, *, filtered: bool = False
    ) -> list[FacetCount]:
        """Top values of *value* by distinct *documents*, over *source* rows in the result
        (*filtered*: *source* holds only the result's rows already)."""
        n = func.count(func.distinct(documents)).label("n")
        in_scope = () if filtered else (self.holds(documents),)
        rows = execute(
            self.session,
            select(value, n)
            .select_from(source)
            .where(*in_scope, value.is_not(None), value != "")
            .group_by(value)
            .order_by(n.desc(), value.collate("C") if self.postgresql else value)
            .limit(self.top),
        )
        return [FacetCount(str(v), int(count)) for v, count in rows]


def _year_counts(scope: _Scope) -> list[FacetCount]:
    """Documents per year their date overlaps, as ``year:Y`` finds them: a letter
    dated 1990/1992 counts in 1990, 1991 and 1992. A date open at one end counts
    in the year it names; a span longer than ``MAX_YEAR_SPAN`` in its first year."""
    first = func.substr(Document.published_lower, 1, 4)
    last = func.substr(Document.published_upper, 1, 4)
    rows = execute(
        scope.session,
        select(first, last, func.count())
        .where(scope.holds(Document.id), or_(first.is_not(None), last.is_not(None)))
        .group_by(first, last),
    )
    counts: dict[str, int] = {}
    for low_text, high_text, n in rows:
        for year in years_counted(low_text, high_text):
            key = f"{year:04d}"
            counts[key] = counts.get(key, 0) + int(n)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: scope.top]
    return [FacetCount(value, count) for value, count in ranked]


def _person_counts(scope: _Scope) -> list[FacetCount]:
    """People as ``person:`` finds them: named in a mention (by the linked record's
    name when there is one), or as author or recipient.

    Counted from the link rows alone, without a join to documents: at 100k documents
    a million mentions make that join the slow part.
    """
    folds = comparisons(scope.postgresql)
    authors = folds.json_values(Document.authors)
    recipients = folds.json_values(Document.recipients)
    names = union_all(
        select(
            Mention.document_id.label("document_id"),
            func.coalesce(Agent.preferred_name, Mention.name).label("name"),
        )
        .select_from(Mention)
        .outerjoin(Agent, Agent.id == Mention.agent_id)
        .where(Mention.status != "rejected", scope.holds(Mention.document_id)),
        *(  # the result is applied in each branch: SQLite cannot push it into a union
            select(Document.id, items.c.value)
            .select_from(Document)
            .join(items, true())
            .where(scope.holds(Document.id))
            for items in (authors, recipients)
        ),
    ).subquery("names")
    return scope.top_values(names.c.name, names.c.document_id, names, filtered=True)


def _tag_counts(scope: _Scope) -> list[FacetCount]:
    """Tags (keywords), counted from their link rows alone, as people are."""
    return scope.top_values(
        Keyword.name,
        document_keywords.c.document_id,
        document_keywords.join(Keyword.__table__, Keyword.id == document_keywords.c.keyword_id),
    )
