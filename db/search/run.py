"""Running a search: one ranked page of hits, every matching id, or the matching set as
a condition, over the FTS5 index (SQLite) or the tsvector index (PostgreSQL).

The engine is the session's (``db.search.dialect``); everything below is the same for
both except the text match: on PostgreSQL the text part is compiled by
``db.search.tsvector.to_tsquery`` from the same tree and ranked with ``ts_rank_cd``
and the same column weights (score negated, so lower is better on both engines).
Ranking may differ between the engines; the documents found may not.

``search()`` turns what was typed into one ranked page of documents. The text part is
compiled by ``db.search.fts5.to_fts5`` (every term a quoted FTS5 string, bound as a
parameter) and ranked with ``bm25`` weighted by column — a word in the title counts
for more than the same word in a person's name, more than in the publisher or notes,
more than in the body. Field filters become SQLAlchemy conditions with bound
parameters (``db.search.filters``). Nothing a person types is ever pasted into SQL.

Cost model (what keeps a 100,000-document catalogue responsive):

* Ranking touches only the FTS5 table; trashed documents are removed with a probe into
  the small set of trashed ids (``deleted_at`` is indexed), never by reading each
  matching ``documents`` row, whose large ``text`` sits before ``deleted_at`` on disk.
* Only the returned page is loaded from ``documents``; snippets
  (``db.search.snippets``) and facets (``db.search.facets``) are separate calls the
  caller makes when it shows them.
* A term found in very many documents makes ``bm25`` score all of them before the top
  page is known. When the matching set is larger than :data:`RANK_LIMIT`, results are
  ordered newest first instead (``SearchResult.ranked`` is false): a person scrolling
  50,000 hits wants recent documents, and the answer stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import ColumnElement, Float, Integer, Select, bindparam, column, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.models import Document
from db.search import index
from db.search.dialect import is_postgresql
from db.search.filters import filter_conditions
from db.search.fts5 import to_fts5
from db.search.query import ParsedQuery, parse_query
from db.search.syntax import And, Not, Or, Query, QuerySyntaxError, Term
from db.search.text_match import TextMatch
from db.search.tsvector import to_tsquery
from db.search.variants import DEFAULT_VARIANTS, VariantTable, expand_variants

WEIGHTS = {"title": 10.0, "body": 1.0, "people": 5.0, "extra": 3.0}
"""bm25 column weights (title > people > extra > body), in index column order."""

RANK_LIMIT = 20_000
"""Above this many matches, order newest first instead of scoring every match."""

# Spelled out rather than built: the weights are WEIGHTS, in index column order.
_MATCHES = text(
    "SELECT rowid AS id, bm25(search_index, 10.0, 1.0, 5.0, 3.0) AS score "
    "FROM search_index WHERE search_index MATCH :fts"
).columns(column("id", Integer), column("score", Float))
_MATCH_IDS = text("SELECT rowid AS id FROM search_index WHERE search_index MATCH :fts").columns(
    column("id", Integer)
)
# PostgreSQL (db.search.tsvector): ts_rank_cd with the same column weights (D C B A =
# body extra people title), negated so that lower is better there too.
_MATCHES_POSTGRESQL = text(
    "SELECT search_index.id AS id, -ts_rank_cd('{0.1, 0.3, 0.5, 1.0}', search_index.doc, q.q)"
    " AS score FROM search_index, (SELECT CAST(:fts AS tsquery) AS q) AS q"
    " WHERE search_index.doc @@ q.q"
).columns(column("id", Integer), column("score", Float))
_MATCH_IDS_POSTGRESQL = text(
    "SELECT id FROM search_index WHERE doc @@ CAST(:fts AS tsquery)"
).columns(column("id", Integer))


# --- results --------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One document of a result page; ``score`` is bm25 (lower is better) or None."""

    id: int
    ref: str
    title: str | None
    title_devised: bool
    doc_type: str | None
    publisher: str | None
    published: str | None
    score: float | None


@dataclass(frozen=True)
class SearchResult:
    """One page of a search, with what the page needs to show and continue it.

    ``terms`` are the folded terms to highlight (``"archiv*"`` marks a prefix), with
    variant spellings when variants were asked for. ``ranked`` is false when hits are
    newest first: no text condition, only exclusions, or more than :data:`RANK_LIMIT`
    matches.
    """

    query: ParsedQuery
    hits: list[Hit]
    total: int
    offset: int
    limit: int
    terms: tuple[str, ...]
    ranked: bool


# --- the plan -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """What typed text becomes before it runs: parsed (variants expanded), the engine's
    expression of its text part (FTS5 MATCH, or tsquery on PostgreSQL), and the terms
    to highlight."""

    parsed: ParsedQuery
    fts: TextMatch | None
    terms: tuple[str, ...]
    postgresql: bool = False


def _terms(node: Query | None) -> tuple[str, ...]:
    found: dict[str, None] = {}

    def walk(item: Query, excluded: bool) -> None:
        if isinstance(item, Term):
            if not excluded:
                found.setdefault(item.text + ("*" if item.prefix else ""))
        elif isinstance(item, Not):
            walk(item.child, not excluded)
        elif isinstance(item, And | Or):
            for child in item.children:
                walk(child, excluded)

    if node is not None:
        walk(node, False)
    return tuple(found)


def _plan(
    query: str | ParsedQuery, variants: bool | VariantTable, *, postgresql: bool = False
) -> _Plan:
    parsed = parse_query(query) if isinstance(query, str) else query
    if variants:
        table = variants if isinstance(variants, VariantTable) else DEFAULT_VARIANTS
        parsed = replace(parsed, text=expand_variants(parsed.text, table))
    compile_text = to_tsquery if postgresql else to_fts5
    return _Plan(parsed, compile_text(parsed.text), _terms(parsed.text), postgresql)


def _session_plan(
    session: Session, query: str | ParsedQuery, variants: bool | VariantTable
) -> _Plan:
    return _plan(query, variants, postgresql=is_postgresql(session))


# --- the queries ----------------------------------------------------------------------


def _not_trashed(id_column: ColumnElement[int]) -> ColumnElement[bool]:
    return id_column.not_in(select(Document.id).where(Document.deleted_at.is_not(None)))


def _in_place(id_column: ColumnElement[int], trash: bool) -> ColumnElement[bool]:
    """The library (everything not trashed) or, with *trash*, the Trash."""
    if trash:
        return id_column.in_(select(Document.id).where(Document.deleted_at.is_not(None)))
    return _not_trashed(id_column)


def _fts(statement: Any, plan: _Plan) -> Any:
    """*statement* with the plan's MATCH text bound under a name of its own: a
    statement can hold two searches (a saved search narrowed by a typed one), and
    same-named parameters would silently run both with the last text."""
    assert plan.fts is not None
    return statement.bindparams(bindparam("fts", plan.fts.expression, unique=True))


def _match_ids(plan: _Plan) -> Any:
    return _fts(_MATCH_IDS_POSTGRESQL if plan.postgresql else _MATCH_IDS, plan)


def _rankable(plan: _Plan) -> bool:
    """A plan scored by bm25: it has words to match and is not only exclusions."""
    return plan.fts is not None and not plan.fts.exclude


def _matching_ids(
    plan: _Plan, *, within: Select[Any] | None = None, trash: bool = False
) -> Select[Any]:
    """``SELECT id`` of every document the query selects (unordered), in the library
    or the Trash, and among the ids of *within* when given."""
    conditions = filter_conditions(plan.parsed, postgresql=plan.postgresql)
    if _rankable(plan):
        matches = _match_ids(plan).subquery("m")
        query = select(matches.c.id).where(_in_place(matches.c.id, trash))
        if conditions:
            query = query.join(Document, Document.id == matches.c.id).where(*conditions)
        if within is not None:
            query = query.where(matches.c.id.in_(within))
        return query
    place = Document.deleted_at.is_not(None) if trash else Document.deleted_at.is_(None)
    query = select(Document.id).where(place, *conditions)
    if plan.fts is not None:
        excluded = _match_ids(plan).subquery("x")
        query = query.where(Document.id.not_in(select(excluded.c.id)))
    if within is not None:
        query = query.where(Document.id.in_(within))
    return query


def _ranked_page(
    plan: _Plan,
    limit: int | None,
    offset: int,
    *,
    within: Select[Any] | None = None,
    trash: bool = False,
) -> Select[Any]:
    assert plan.fts is not None
    ranked = _MATCHES_POSTGRESQL if plan.postgresql else _MATCHES
    matches = _fts(ranked, plan).subquery("m")
    query = select(matches.c.id, matches.c.score).where(_in_place(matches.c.id, trash))
    conditions = filter_conditions(plan.parsed, postgresql=plan.postgresql)
    if conditions:
        query = query.join(Document, Document.id == matches.c.id).where(*conditions)
    if within is not None:
        query = query.where(matches.c.id.in_(within))
    return query.order_by(matches.c.score, matches.c.id.desc()).limit(limit).offset(offset)


def execute(session: Session, statement: Any) -> Any:
    """Execute, turning an FTS5 or tsquery complaint into a sentence (never an SQL error)."""
    try:
        return session.execute(statement)
    except DBAPIError as exc:
        message = str(exc.orig)
        if "fts5" in message or "MATCH" in message or "tsquery" in message:
            raise QuerySyntaxError(
                f"This search cannot be run ({message}); try fewer or simpler terms.", 0
            ) from exc
        raise


def _load_hits(session: Session, scored: Sequence[tuple[int, float | None]]) -> list[Hit]:
    if not scored:
        return []
    rows = {
        row.id: row
        for row in session.execute(
            select(
                Document.id,
                Document.ref,
                Document.title,
                Document.title_devised,
                Document.doc_type,
                Document.publisher,
                Document.published,
            ).where(Document.id.in_([doc_id for doc_id, _ in scored]))
        )
    }
    return [
        Hit(
            doc_id,
            rows[doc_id].ref,
            rows[doc_id].title,
            bool(rows[doc_id].title_devised),
            rows[doc_id].doc_type,
            rows[doc_id].publisher,
            rows[doc_id].published,
            score,
        )
        for doc_id, score in scored
        if doc_id in rows
    ]


def search(
    session: Session,
    query: str | ParsedQuery,
    *,
    limit: int = 50,
    offset: int = 0,
    variants: bool | VariantTable = False,
) -> SearchResult:
    """One page of documents matching *query*, best first; trashed documents excluded.

    An empty query lists every document newest first; a query made only of exclusions
    lists every document except the matches, newest first. With *variants*, each term
    also matches its other spellings (``db.search.variants``). Raises
    :class:`QuerySyntaxError` for input that is not a search — never an SQL error.
    """
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    plan = _session_plan(session, query, variants)
    index.sync(session)
    total = int(
        execute(
            session, select(func.count()).select_from(_matching_ids(plan).subquery())
        ).scalar_one()
    )
    ranked = _rankable(plan) and total <= RANK_LIMIT
    scored: list[tuple[int, float | None]]
    if ranked:
        scored = [(row[0], row[1]) for row in execute(session, _ranked_page(plan, limit, offset))]
    else:
        ids = _matching_ids(plan).subquery("ids")
        page = select(ids.c.id).order_by(ids.c.id.desc()).limit(limit).offset(offset)
        scored = [(doc_id, None) for doc_id in execute(session, page).scalars()]
    return SearchResult(
        query=plan.parsed,
        hits=_load_hits(session, scored),
        total=total,
        offset=offset,
        limit=limit,
        terms=plan.terms,
        ranked=ranked,
    )


def search_ids(
    session: Session,
    query: str | ParsedQuery,
    *,
    variants: bool | VariantTable = False,
    order: Literal["newest", "relevance"] = "newest",
    within: Select[Any] | None = None,
    trash: bool = False,
) -> list[int]:
    """Every matching document id (select-all, exports, dossiers, the document list).

    Newest first, or with ``order="relevance"`` in the order :func:`search` pages
    through them: best bm25 score first while there are at most ``RANK_LIMIT``
    matches, newest first beyond that (scoring 100,000 matches costs more than a
    person gains from the order of the 90,000th). *within* (a ``SELECT id``) narrows
    the search to a list such as a collection, before the limit is counted; *trash*
    searches the Trash instead of the library.
    """
    plan = _session_plan(session, query, variants)
    index.sync(session)
    if order == "relevance" and _rankable(plan):
        # Only "more than RANK_LIMIT or not" matters: stop counting there.
        capped = _matching_ids(plan, within=within, trash=trash).limit(RANK_LIMIT + 1)
        total = execute(session, select(func.count()).select_from(capped.subquery())).scalar_one()
        if int(total) <= RANK_LIMIT:
            ranked = _ranked_page(plan, None, 0, within=within, trash=trash)
            return [row[0] for row in execute(session, ranked)]
    ids = _matching_ids(plan, within=within, trash=trash).subquery("ids")
    return list(execute(session, select(ids.c.id).order_by(ids.c.id.desc())).scalars())


def search_terms(
    query: str | ParsedQuery, *, variants: bool | VariantTable = False
) -> tuple[str, ...]:
    """The folded terms :func:`search` would report, for snippets of rows found another
    way (the document list pages through ids, not through ``SearchResult``)."""
    return _plan(query, variants).terms


def matching(
    session: Session,
    query: str | ParsedQuery,
    *,
    variants: bool | VariantTable = False,
    trash: bool = False,
) -> Select[Any]:
    """``SELECT id`` of the documents *query* matches, to combine with other conditions
    (``Document.id.in_(matching(...))``) instead of carrying a list of ids around.

    Raises :class:`QuerySyntaxError` like :func:`search`; the index is brought up to
    date first, so the statement is valid for the rest of this session's transaction.
    """
    plan = _session_plan(session, query, variants)
    index.sync(session)
    return _matching_ids(plan, trash=trash)
