"""Running searches: ranked hits, facet counts and saved searches over the FTS5 index.

``search()`` turns what was typed into one ranked page of documents. The text part is
compiled by ``db.search.fts5.to_fts5`` (every term a quoted FTS5 string, bound as a
parameter) and ranked with ``bm25`` weighted by column — a word in the title counts
for more than the same word in a person's name, more than in the publisher or notes,
more than in the body. Field filters become SQLAlchemy conditions with bound
parameters. Nothing a person types is ever pasted into SQL.

Cost model (what keeps a 100,000-document catalogue responsive):

* Ranking touches only the FTS5 table; trashed documents are removed with a probe into
  the small set of trashed ids (``deleted_at`` is indexed), never by reading each
  matching ``documents`` row, whose large ``text`` sits before ``deleted_at`` on disk.
* Only the returned page is loaded from ``documents``; snippets (:func:`snippets`) and
  facets (:func:`facets`) are separate calls the caller makes when it shows them.
* A term found in very many documents makes ``bm25`` score all of them before the top
  page is known. When the matching set is larger than :data:`RANK_LIMIT`, results are
  ordered newest first instead (``SearchResult.ranked`` is false): a person scrolling
  50,000 hits wants recent documents, and the answer stays fast.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    and_,
    bindparam,
    column,
    exists,
    func,
    not_,
    or_,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.folding import fold_name
from db.models import (
    Agent,
    Collection,
    DateTag,
    Document,
    Figure,
    Image,
    Keyword,
    Mention,
    NameVariant,
    SavedSearch,
    document_collections,
    document_images,
    document_keywords,
)
from db.search import index
from db.search.fts5 import FtsMatch, to_fts5
from db.search.query import ParsedQuery, parse_query
from db.search.syntax import And, Field, FieldFilter, Not, Or, Query, QuerySyntaxError, Term
from db.search.variants import DEFAULT_VARIANTS, VariantTable

WEIGHTS = {"title": 10.0, "body": 1.0, "people": 5.0, "extra": 3.0}
"""bm25 column weights (title > people > extra > body), in index column order."""

RANK_LIMIT = 20_000
"""Above this many matches, order newest first instead of scoring every match."""

MAX_YEAR_SPAN = 200
"""A date spanning more years than this counts only in its first year in the year facet."""

REVIEW_FLAGS = (
    "low-confidence encoding",
    "possible duplicate",
    "fixity failed",
    "no text layer",
    "empty message body",
)
"""Document flags that put a document under ``status:review``."""

MAX_VARIANT_ALTERNATIVES = 32
"""A phrase whose words all have variants expands to at most this many phrases."""

# Spelled out rather than built: the weights are WEIGHTS, in index column order.
_MATCHES = text(
    "SELECT rowid AS id, bm25(search_index, 10.0, 1.0, 5.0, 3.0) AS score "
    "FROM search_index WHERE search_index MATCH :fts"
).columns(column("id", Integer), column("score", Float))
_MATCH_IDS = text("SELECT rowid AS id FROM search_index WHERE search_index MATCH :fts").columns(
    column("id", Integer)
)


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


@dataclass(frozen=True)
class _Plan:
    parsed: ParsedQuery
    fts: FtsMatch | None
    terms: tuple[str, ...]


# --- variants -------------------------------------------------------------------------


def _expand_term(term: Term, table: VariantTable) -> Query:
    if term.text in table:
        spellings = table.spellings(term.text)
    else:
        choices = [table.spellings(token) for token in term.text.split(" ")]
        spellings = tuple(
            " ".join(combo)
            for combo in itertools.islice(itertools.product(*choices), MAX_VARIANT_ALTERNATIVES)
        )
    if len(spellings) == 1:
        return term
    return Or(
        tuple(Term(spelling, term.prefix, term.position) for spelling in spellings),
        position=term.position,
    )


def expand_variants(node: Query | None, table: VariantTable = DEFAULT_VARIANTS) -> Query | None:
    """*node* with every term replaced by ``OR`` of its spellings in *table*."""
    if node is None:
        return None
    if isinstance(node, Term):
        return _expand_term(node, table)
    if isinstance(node, Not):
        child = expand_variants(node.child, table)
        assert child is not None
        return Not(child, node.position)
    if isinstance(node, And):
        return And(tuple(_expanded(node.children, table)))
    if isinstance(node, Or):
        flat: list[Query] = []
        for child in _expanded(node.children, table):
            flat.extend(child.children if isinstance(child, Or) else (child,))
        return Or(tuple(flat), node.position)
    return node


def _expanded(children: Iterable[Query], table: VariantTable) -> Iterator[Query]:
    for child in children:
        expanded = expand_variants(child, table)
        assert expanded is not None
        yield expanded


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


def _plan(query: str | ParsedQuery, variants: bool | VariantTable) -> _Plan:
    parsed = parse_query(query) if isinstance(query, str) else query
    if variants:
        table = variants if isinstance(variants, VariantTable) else DEFAULT_VARIANTS
        parsed = replace(parsed, text=expand_variants(parsed.text, table))
    return _Plan(parsed, to_fts5(parsed.text), _terms(parsed.text))


# --- field filters --------------------------------------------------------------------


def _contains(value_column: Any, value: str) -> ColumnElement[bool]:
    return and_(value_column.is_not(None), func.instr(func.catena_fold(value_column), value) > 0)


def _word_starts(value_column: Any, value: str) -> ColumnElement[bool]:
    """A word of the folded column starts with *value* (names: "ali" is not "Natalia")."""
    return and_(
        value_column.is_not(None),
        func.instr(" " + func.catena_fold(value_column), " " + value) > 0,
    )


def _equals(value_column: Any, value: Field) -> ColumnElement[bool]:
    folded = func.catena_fold(value_column)
    if value.prefix:
        return func.instr(folded, value.value) == 1
    return folded == value.value


def _json_has_any(json_column: Any, values: Sequence[str]) -> ColumnElement[bool]:
    items = func.json_each(json_column).table_valued("value")
    return exists(select(1).select_from(items).where(items.c.value.in_(values)))


def _open_suggestions() -> ColumnElement[bool]:
    return or_(
        *(
            exists(select(1).where(model.document_id == Document.id, model.status == "suggested"))
            for model in (Mention, DateTag, Figure)
        )
    )


def _person(value: Field) -> ColumnElement[bool]:
    """Documents naming the person: in a mention (its own name, or a name of the
    record it is linked to), or as author or recipient. Unquoted, a name matches by
    the start of a word ("mustafa" finds "Şəkibə Mustafayeva"); quoted, it must be the
    whole name (``person:"Ali"`` is not "Ali Aliyev"), as Refine's counts are."""
    name_key = fold_name(value.value)

    def named(column: Any) -> ColumnElement[bool]:
        if value.exact:
            return func.catena_fold(column) == value.value
        return _word_starts(column, value.value)

    mentioned = exists(
        select(1).where(
            Mention.document_id == Document.id,
            Mention.status != "rejected",
            named(Mention.name),
        )
    )

    def linked(target: Any, on: ColumnElement[bool], match: ColumnElement[bool]) -> Any:
        """A live mention of this document linked to a *target* row that *match*es."""
        return exists(
            select(1)
            .select_from(Mention)
            .join(target, on)
            .where(Mention.document_id == Document.id, Mention.status != "rejected", match)
        )

    variant = NameVariant.folded == name_key
    known = linked(
        NameVariant,
        NameVariant.agent_id == Mention.agent_id,
        variant if value.exact else or_(variant, named(NameVariant.name)),
    )
    preferred = linked(Agent, Agent.id == Mention.agent_id, named(Agent.preferred_name))
    return or_(
        mentioned,
        known,
        preferred,
        _json_names(Document.authors, named),
        _json_names(Document.recipients, named),
    )


def _json_names(
    json_column: Any, named: Callable[[Any], ColumnElement[bool]]
) -> ColumnElement[bool]:
    items = func.json_each(json_column).table_valued("value")
    return exists(select(1).select_from(items).where(named(items.c.value)))


def _collection(value: Field) -> ColumnElement[bool]:
    wanted = (
        select(Collection.id)
        .where(_equals(Collection.name, value))
        .cte("wanted_collections", recursive=True, nesting=True)
    )
    wanted = wanted.union_all(select(Collection.id).where(Collection.parent_id == wanted.c.id))
    return exists(
        select(1).where(
            document_collections.c.document_id == Document.id,
            document_collections.c.collection_id.in_(select(wanted.c.id)),
        )
    )


def _year(value: Field) -> ColumnElement[bool]:
    lower, upper = Document.published_lower, Document.published_upper
    known = or_(lower.is_not(None), upper.is_not(None))
    parts = [known]
    if value.high is not None:
        parts.append(or_(lower.is_(None), lower <= f"{value.high:04d}-12-31"))
    if value.low is not None:
        parts.append(or_(upper.is_(None), upper >= f"{value.low:04d}-01-01"))
    return and_(*parts)


def _nonempty(text_column: Any) -> ColumnElement[bool]:
    return and_(text_column.is_not(None), func.trim(text_column) != "")


def _has(value: str) -> ColumnElement[bool]:
    if value == "image":
        return exists(
            select(1)
            .select_from(document_images)
            .join(Image, Image.id == document_images.c.image_id)
            .where(document_images.c.document_id == Document.id, Image.deleted_at.is_(None))
        )
    if value == "figure":
        return exists(
            select(1).where(Figure.document_id == Document.id, Figure.status != "rejected")
        )
    if value == "date":
        return exists(
            select(1).where(DateTag.document_id == Document.id, DateTag.status != "rejected")
        )
    if value == "notes":
        return _nonempty(Document.notes)
    if value == "url":
        return _nonempty(Document.url)
    raise QuerySyntaxError(f"has:{value} is not something a document can have.", 0)


def _status(value: str) -> ColumnElement[bool]:
    if value == "review":
        return or_(
            func.coalesce(func.json_array_length(Document.guessed), 0) > 0,
            _json_has_any(Document.flags, REVIEW_FLAGS),
            _open_suggestions(),
        )
    if value == "suggested":
        return _open_suggestions()
    if value == "duplicate":
        return or_(
            Document.possible_duplicate_of_id.is_not(None),
            _json_has_any(Document.flags, ["possible duplicate"]),
        )
    if value == "failed-fixity":
        return _json_has_any(Document.flags, ["fixity failed"])
    raise QuerySyntaxError(f"status:{value} is not a status.", 0)


def _one(name: str, value: Field) -> ColumnElement[bool]:
    if name in ("publisher", "type"):
        target = Document.publisher if name == "publisher" else Document.doc_type
        if value.exact:
            return _equals(target, value)
        if value.prefix:
            return _word_starts(target, value.value)
        return _contains(target, value.value)
    if name == "person":
        return _person(value)
    if name == "tag":
        return exists(
            select(1)
            .select_from(document_keywords)
            .join(Keyword, Keyword.id == document_keywords.c.keyword_id)
            .where(document_keywords.c.document_id == Document.id, _equals(Keyword.name, value))
        )
    if name == "collection":
        return _collection(value)
    if name == "year":
        return _year(value)
    if name == "has":
        return _has(value.value)
    if name == "status":
        return _status(value.value)
    raise QuerySyntaxError(f"{name}: is not a field this catalogue can search.", value.position)


def filter_condition(item: FieldFilter) -> ColumnElement[bool]:
    """The SQL condition on ``documents`` for one filter (never NULL, so NOT is exact)."""
    condition = or_(*(_one(item.field, value) for value in item.values))
    return not_(condition) if item.negated else condition


def _conditions(parsed: ParsedQuery) -> list[ColumnElement[bool]]:
    return [filter_condition(item) for item in parsed.filters]


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


def _rankable(plan: _Plan) -> bool:
    """A plan scored by bm25: it has words to match and is not only exclusions."""
    return plan.fts is not None and not plan.fts.exclude


def _matching_ids(
    plan: _Plan, *, within: Select[Any] | None = None, trash: bool = False
) -> Select[Any]:
    """``SELECT id`` of every document the query selects (unordered), in the library
    or the Trash, and among the ids of *within* when given."""
    conditions = _conditions(plan.parsed)
    if _rankable(plan):
        matches = _fts(_MATCH_IDS, plan).subquery("m")
        query = select(matches.c.id).where(_in_place(matches.c.id, trash))
        if conditions:
            query = query.join(Document, Document.id == matches.c.id).where(*conditions)
        if within is not None:
            query = query.where(matches.c.id.in_(within))
        return query
    place = Document.deleted_at.is_not(None) if trash else Document.deleted_at.is_(None)
    query = select(Document.id).where(place, *conditions)
    if plan.fts is not None:
        excluded = _fts(_MATCH_IDS, plan).subquery("x")
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
    matches = _fts(_MATCHES, plan).subquery("m")
    query = select(matches.c.id, matches.c.score).where(_in_place(matches.c.id, trash))
    conditions = _conditions(plan.parsed)
    if conditions:
        query = query.join(Document, Document.id == matches.c.id).where(*conditions)
    if within is not None:
        query = query.where(matches.c.id.in_(within))
    return query.order_by(matches.c.score, matches.c.id.desc()).limit(limit).offset(offset)


def _run(session: Session, statement: Any) -> Any:
    """Execute, turning an FTS5 complaint into a sentence (never an SQL error)."""
    try:
        return session.execute(statement)
    except OperationalError as exc:
        message = str(exc.orig)
        if "fts5" in message or "MATCH" in message:
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
    plan = _plan(query, variants)
    index.sync(session)
    total = int(
        _run(session, select(func.count()).select_from(_matching_ids(plan).subquery())).scalar_one()
    )
    ranked = _rankable(plan) and total <= RANK_LIMIT
    scored: list[tuple[int, float | None]]
    if ranked:
        scored = [(row[0], row[1]) for row in _run(session, _ranked_page(plan, limit, offset))]
    else:
        ids = _matching_ids(plan).subquery("ids")
        page = select(ids.c.id).order_by(ids.c.id.desc()).limit(limit).offset(offset)
        scored = [(doc_id, None) for doc_id in _run(session, page).scalars()]
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
    plan = _plan(query, variants)
    index.sync(session)
    if order == "relevance" and _rankable(plan):
        # Only "more than RANK_LIMIT or not" matters: stop counting there.
        capped = _matching_ids(plan, within=within, trash=trash).limit(RANK_LIMIT + 1)
        total = _run(session, select(func.count()).select_from(capped.subquery())).scalar_one()
        if int(total) <= RANK_LIMIT:
            ranked = _ranked_page(plan, None, 0, within=within, trash=trash)
            return [row[0] for row in _run(session, ranked)]
    ids = _matching_ids(plan, within=within, trash=trash).subquery("ids")
    return list(_run(session, select(ids.c.id).order_by(ids.c.id.desc())).scalars())


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
    plan = _plan(query, variants)
    index.sync(session)
    return _matching_ids(plan, trash=trash)


# --- facets ---------------------------------------------------------------------------


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
    plan = _plan(query, variants)
    index.sync(session)
    ids = _matching_ids(plan).cte("result_ids")

    def in_result(document_id: Any) -> ColumnElement[bool]:
        condition = document_id.in_(select(ids.c.id))
        return condition if within is None else and_(condition, document_id.in_(within))

    def grouped(
        value: Any, documents: Any, source: Any, *where: Any, filtered: bool = False
    ) -> list[FacetCount]:
        """Top values of *value* by distinct *documents*, over *source* rows in the result
        (*filtered*: *source* holds only the result's rows already)."""
        n = func.count(func.distinct(documents)).label("n")
        in_scope = () if filtered else (in_result(documents),)
        rows = _run(
            session,
            select(value, n)
            .select_from(source)
            .where(*in_scope, value.is_not(None), value != "", *where)
            .group_by(value)
            .order_by(n.desc(), value)
            .limit(top),
        )
        return [FacetCount(str(v), int(count)) for v, count in rows]

    def years() -> list[FacetCount]:
        """Documents per year their date overlaps, as ``year:Y`` finds them: a letter
        dated 1990/1992 counts in 1990, 1991 and 1992. A date open at one end counts
        in the year it names; a span longer than ``MAX_YEAR_SPAN`` in its first year."""
        first = func.substr(Document.published_lower, 1, 4)
        last = func.substr(Document.published_upper, 1, 4)
        rows = _run(
            session,
            select(first, last, func.count())
            .where(in_result(Document.id), or_(first.is_not(None), last.is_not(None)))
            .group_by(first, last),
        )
        counts: dict[str, int] = {}
        for low_text, high_text, n in rows:
            low = int(low_text) if low_text and low_text.isdigit() else None
            high = int(high_text) if high_text and high_text.isdigit() else None
            start = low if low is not None else high
            end = high if high is not None else low
            if start is None or end is None:
                continue
            if end < start or end - start > MAX_YEAR_SPAN:
                end = start
            for year in range(start, end + 1):
                key = f"{year:04d}"
                counts[key] = counts.get(key, 0) + int(n)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
        return [FacetCount(value, count) for value, count in ranked]

    # People as person: finds them: named in a mention (by the linked record's name
    # when there is one), or as author or recipient.
    authors = func.json_each(Document.authors).table_valued("value")
    recipients = func.json_each(Document.recipients).table_valued("value")
    names = union_all(
        select(
            Mention.document_id.label("document_id"),
            func.coalesce(Agent.preferred_name, Mention.name).label("name"),
        )
        .select_from(Mention)
        .outerjoin(Agent, Agent.id == Mention.agent_id)
        .where(Mention.status != "rejected", in_result(Mention.document_id)),
        *(  # the result is applied in each branch: SQLite cannot push it into a union
            select(Document.id, items.c.value)
            .select_from(Document)
            .join(items, true())
            .where(in_result(Document.id))
            for items in (authors, recipients)
        ),
    ).subquery("names")
    return {
        "type": grouped(Document.doc_type, Document.id, Document),
        "publisher": grouped(Document.publisher, Document.id, Document),
        "year": years(),
        # People and tags are counted from their link rows alone, without a join to
        # documents: at 100k documents a million mentions make that join the slow part.
        "person": grouped(names.c.name, names.c.document_id, names, filtered=True),
        "tag": grouped(
            Keyword.name,
            document_keywords.c.document_id,
            document_keywords.join(Keyword.__table__, Keyword.id == document_keywords.c.keyword_id),
        ),
    }


# --- saved searches -------------------------------------------------------------------


class SavedSearchError(ValueError):
    """A saved-search operation the catalogue refuses; the message is for the person."""


def save_search(session: Session, *, name: str, query: str, replace: bool = False) -> SavedSearch:
    """Keep *query* under *name* (a smart collection). The query is checked first."""
    name = " ".join(name.split())
    if not name:
        raise SavedSearchError("a saved search needs a name")
    parse_query(query)  # raises QuerySyntaxError: never save what cannot run
    existing = session.execute(select(SavedSearch).where(SavedSearch.name == name)).scalar()
    if existing is not None:
        if not replace:
            raise SavedSearchError(f"there is already a saved search called {name!r}")
        existing.query = query
        session.flush()
        return existing
    saved = SavedSearch(name=name, query=query)
    session.add(saved)
    session.flush()
    return saved


def list_saved_searches(session: Session) -> list[SavedSearch]:
    return list(session.execute(select(SavedSearch).order_by(SavedSearch.name)).scalars())


def delete_saved_search(session: Session, *, name: str) -> bool:
    """Forget the saved search *name*; False if there was none."""
    saved = session.execute(select(SavedSearch).where(SavedSearch.name == name)).scalar()
    if saved is None:
        return False
    session.delete(saved)
    session.flush()
    return True


def run_saved_search(session: Session, *, name: str, **options: Any) -> SearchResult:
    """Run the saved search *name*; *options* as for :func:`search`."""
    saved = session.execute(select(SavedSearch).where(SavedSearch.name == name)).scalar()
    if saved is None:
        raise SavedSearchError(f"no saved search called {name!r}")
    return search(session, saved.query, **options)


__all__ = [
    "FACETS",
    "FacetCount",
    "Hit",
    "QuerySyntaxError",
    "SavedSearchError",
    "SearchResult",
    "delete_saved_search",
    "expand_variants",
    "facets",
    "list_saved_searches",
    "matching",
    "run_saved_search",
    "save_search",
    "search",
    "search_ids",
    "search_terms",
]
