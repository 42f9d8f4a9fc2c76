"""The review queue: every suggestion in a scope, as rows a person works through.

An archivist's day is deciding suggestions. The window's queue and ``catena review``
list the same rows from here: dates, figures and people mentions of a scope (chosen
documents, a collection, a search, the window's current list, or the whole
catalogue), filtered by kind, status, document and confidence, in document order or
by confidence. Decisions on the rows are in ``desktop.core.review_decisions``.

Each row has a short id that stays the same for as long as the tag exists: a letter
for its kind and the tag's row number (``D12`` a date, ``F7`` a figure, ``P33`` a
person mention), because dates, figures and mentions number their rows apart.

Each suggested tag carries the suggester's confidence (``desktop/extract/confidence.py``:
the share of such suggestions found right on the held-out development set). Tags made
by a person, and suggestions stored before confidence was recorded, have none; rows
without one are never dropped by a confidence filter: not knowing is not doubting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from db.analysis import format_number
from db.catalogue import Catalogue
from db.collections import holds_document, subtree
from db.date_words import in_words
from db.models import SUGGESTION_STATUSES, Agent, Collection, Document
from db.selection import Selection, find_collections
from db.tags import MODELS, VALUE_FIELDS, TagKind, TagModel
from desktop.core.scope import Scope, filter_condition, scope_conditions

ReviewKind = Literal["date", "figure", "person"]
SortOrder = Literal["document", "confidence"]
REVIEW_KINDS: tuple[ReviewKind, ...] = ("date", "figure", "person")
TAG_KIND: dict[ReviewKind, TagKind] = {"date": "date", "figure": "figure", "person": "mention"}
REVIEW_KIND: dict[TagKind, ReviewKind] = {tag: review for review, tag in TAG_KIND.items()}
ID_LETTER: dict[TagKind, str] = {"date": "D", "figure": "F", "mention": "P"}
KIND_OF_LETTER: dict[str, TagKind] = {letter: kind for kind, letter in ID_LETTER.items()}


class ReviewError(ValueError):
    """A review request the catalogue refuses; the message is one line for the person."""


def item_id(kind: TagKind, tag_id: int) -> str:
    """The short id of a tag in the queue and the CLI: ``D12``, ``F7``, ``P33``."""
    return f"{ID_LETTER[kind]}{tag_id}"


def parse_item_id(text: str) -> tuple[TagKind, int]:
    """(kind, row id) of a short id; case and surrounding spaces do not matter."""
    cleaned = text.strip().upper()
    kind = KIND_OF_LETTER.get(cleaned[:1])
    number = cleaned[1:]
    if kind is None or not number.isdigit() or not number.isascii():
        raise ReviewError(
            f"not a suggestion id: {text!r} (ids are D for dates, F for figures, "
            "P for people, then a number: D12, F7, P33)"
        )
    return kind, int(number)


@dataclass(frozen=True)
class ReviewScope:
    """Which documents' suggestions the queue holds.

    ``selection`` chooses by references, a collection or a search (``db.selection``'s
    meaning, as dossiers and exports use it); ``list_scope`` is instead the window's
    document list — a sidebar place narrowed by the search field — and wins when given.
    Neither means every document not in the Trash.
    """

    selection: Selection = field(default_factory=Selection)
    list_scope: Scope | None = None
    list_filter: str = ""

    def describe(self) -> str:
        if self.list_scope is not None:
            return "the document list"
        return self.selection.describe()


@dataclass(frozen=True)
class ReviewFilter:
    """What to show of the scope. Empty tuples mean "any"."""

    kinds: tuple[ReviewKind, ...] = ()
    statuses: tuple[str, ...] = ("suggested",)
    documents: tuple[str, ...] = ()  # references
    min_confidence: float | None = None  # rows of unknown confidence are kept
    sort: SortOrder = "document"
    # At most this many rows, the first in document order (sorting by confidence then
    # orders those): a queue of 200,000 suggestions is read in seconds, its first
    # thousand in a blink, and nobody reviews more than that before it reloads.
    limit: int | None = None

    def __post_init__(self) -> None:
        for kind in self.kinds:
            if kind not in REVIEW_KINDS:
                raise ReviewError(f"unknown kind {kind!r}; kinds are {', '.join(REVIEW_KINDS)}")
        for status in self.statuses:
            if status not in SUGGESTION_STATUSES:
                raise ReviewError(
                    f"unknown status {status!r}; statuses are {', '.join(SUGGESTION_STATUSES)}"
                )
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise ReviewError("a confidence is between 0 and 1")
        if self.limit is not None and self.limit < 1:
            raise ReviewError("a limit is a number of rows, at least 1")


@dataclass(frozen=True)
class ReviewItem:
    """One suggestion (or decided tag) as the queue shows it."""

    id: str
    kind: ReviewKind
    tag_kind: TagKind
    tag_id: int
    document_ref: str
    document_title: str | None
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    status: str
    value: str  # the tag's value in words
    values: dict[str, Any]
    confidence: float | None = None
    person: str | None = None  # the linked record's preferred name, for mentions


def describe_value(kind: TagKind, values: dict[str, Any]) -> str:
    """A tag's value in words: "25–26 February 1992", "about 613 civilians killed",
    "Shakiba Mustafayeva (witness)"."""
    if kind == "date":
        words = in_words(values.get("edtf")) or str(values.get("edtf") or "")
        what = f" — {values['what']}" if values.get("what") else ""
        return f"{words}{what}"
    if kind == "figure":
        number = format_number(values["value"])
        if values.get("upper_value") is not None:
            number += "–" + format_number(values["upper_value"])
        qualifier = values.get("qualifier") or "exact"
        said = "" if qualifier in ("exact", "range") else f"{qualifier} "
        counted = f" {values['counted']}" if values.get("counted") else ""
        return f"{said}{number}{counted}"
    organisation = " — organisation" if values.get("is_organisation") else ""
    return f"{values.get('name')} ({values.get('role')}){organisation}"


PASSAGE_CONTEXT = 32  # characters of the text shown either side of a quote


def passage_line(item: ReviewItem, context: int = PASSAGE_CONTEXT) -> str:
    """The quote in its sentence, on one line: "…leaves «212 dead», officials say…".

    Runs of white space (line breaks too) become one space but are kept at the quote's
    edges, where they separate it from its neighbours.
    """
    before = _one_line(item.prefix)[-context:]
    after = _one_line(item.suffix)[:context]
    return f"…{before}«{_one_line(item.quote)}»{after}…"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _confidence(tag: TagModel) -> float | None:
    """The suggester's confidence in *tag*, when the row carries one (see the module
    notes: none does yet)."""
    value = getattr(tag, "confidence", None)
    return float(value) if isinstance(value, int | float) else None


def document_condition(session: Session, scope: ReviewScope) -> ColumnElement[bool]:
    """*scope* as one condition on ``Document`` (the Trash always left out).

    Raises ``ReviewError`` for references, a collection or a search that name nothing
    in this catalogue; an empty but valid scope simply has no rows.
    """
    live = Document.deleted_at.is_(None)
    try:
        if scope.list_scope is not None:
            conditions = scope_conditions(session, scope.list_scope)
            typed = filter_condition(session, scope.list_filter)
            if typed is not None:
                conditions.append(typed)
            return _all_of([live, *conditions])
        selection = scope.selection
        if selection.refs:
            wanted = sorted({ref.strip().upper() for ref in selection.refs})
            found = set(
                session.execute(
                    select(Document.ref).where(Document.ref.in_(wanted), live)
                ).scalars()
            )
            missing = [ref for ref in wanted if ref not in found]
            if missing:
                raise ReviewError(f"no document {', '.join(missing)} in this catalogue")
            return _all_of([live, Document.ref.in_(wanted)])
        if selection.collection:
            chosen = find_collections(session, selection.collection)
            if not chosen:
                raise ReviewError(f"no collection named {selection.collection!r}")
            roots = select(Collection.id).where(Collection.id.in_([c.id for c in chosen]))
            return _all_of([live, holds_document(subtree(roots))])
        if selection.query:
            matched = filter_condition(session, selection.query)
            return live if matched is None else _all_of([live, matched])
    except ReviewError:
        raise
    except ValueError as exc:  # a search that does not parse (QuerySyntaxError)
        raise ReviewError(str(getattr(exc, "message", exc))) from exc
    return live


def _all_of(conditions: Sequence[ColumnElement[bool]]) -> ColumnElement[bool]:
    return and_(*conditions)


def _kinds(wanted: ReviewFilter) -> tuple[TagKind, ...]:
    return tuple(TAG_KIND[k] for k in (wanted.kinds or REVIEW_KINDS))


def list_items(
    catalogue: Catalogue, *, scope: ReviewScope | None = None, wanted: ReviewFilter | None = None
) -> list[ReviewItem]:
    """The queue: every tag of *scope* that *wanted* lets through, in its order."""
    scope = scope or ReviewScope()
    wanted = wanted or ReviewFilter()
    with catalogue.reading() as session:
        return _list(session, scope, wanted)


def count_items(
    catalogue: Catalogue, *, scope: ReviewScope | None = None, wanted: ReviewFilter | None = None
) -> int:
    """How many rows ``list_items`` would give without a limit (confidence aside)."""
    wanted = wanted or ReviewFilter()
    with catalogue.reading() as session:
        in_scope = _in_scope(session, scope or ReviewScope(), wanted)
        statuses = wanted.statuses or SUGGESTION_STATUSES
        return sum(
            int(
                session.execute(
                    select(func.count(MODELS[kind].id))
                    .join(Document, Document.id == MODELS[kind].document_id)
                    .where(in_scope, MODELS[kind].status.in_(statuses))
                ).scalar_one()
            )
            for kind in _kinds(wanted)
        )


def _in_scope(session: Session, scope: ReviewScope, wanted: ReviewFilter) -> ColumnElement[bool]:
    in_scope = document_condition(session, scope)
    if wanted.documents:
        in_scope = _all_of(
            [in_scope, Document.ref.in_([r.strip().upper() for r in wanted.documents])]
        )
    return in_scope


def _contexts(session: Session, tags: Sequence[tuple[TagModel, int]]) -> list[tuple[str, str]]:
    """Prefix and suffix of each (tag, document id): tags do not store their context,
    so each document's text is read once, at most 500 texts held at a time."""
    rows_of: dict[int, list[int]] = {}
    for index, (_tag, document_id) in enumerate(tags):
        rows_of.setdefault(document_id, []).append(index)
    found = [("", "")] * len(tags)
    ordered = sorted(rows_of)
    for first in range(0, len(ordered), 500):
        query = select(Document.id, Document.text).where(
            Document.id.in_(ordered[first : first + 500])
        )
        for document_id, text in session.execute(query):
            for index in rows_of[int(document_id)]:
                found[index] = tags[index][0].context_in(text)
    return found


def _list(session: Session, scope: ReviewScope, wanted: ReviewFilter) -> list[ReviewItem]:
    in_scope = _in_scope(session, scope, wanted)
    statuses = wanted.statuses or SUGGESTION_STATUSES
    found: list[tuple[int, ReviewItem]] = []
    agent_ids: set[int] = set()
    for kind in _kinds(wanted):
        model = MODELS[kind]
        query = (
            select(model, Document.id, Document.ref, Document.title)
            .join(Document, Document.id == model.document_id)
            .where(in_scope, model.status.in_(statuses))
        )
        if wanted.limit is not None:  # the first rows of each kind hold the first overall
            query = query.order_by(model.document_id, model.start, model.end).limit(wanted.limit)
        rows = session.execute(query).all()
        contexts = _contexts(session, [(cast(TagModel, row[0]), int(row[1])) for row in rows])
        for (tag, document_id, ref, title), (prefix, suffix) in zip(rows, contexts, strict=True):
            tag = cast(TagModel, tag)
            values = {name: getattr(tag, name) for name in VALUE_FIELDS[kind]}
            if kind == "mention" and values.get("agent_id") is not None:
                agent_ids.add(int(values["agent_id"]))
            item = ReviewItem(
                id=item_id(kind, tag.id),
                kind=REVIEW_KIND[kind],
                tag_kind=kind,
                tag_id=tag.id,
                document_ref=ref,
                document_title=title,
                start=tag.start,
                end=tag.end,
                quote=tag.quote,
                prefix=prefix,
                suffix=suffix,
                status=tag.status,
                value=describe_value(kind, values),
                values=values,
                confidence=_confidence(tag),
            )
            if _confident_enough(item, wanted.min_confidence):
                found.append((int(document_id), item))
    # Document order: documents in reference order, each one's tags in text order.
    found.sort(key=lambda pair: (pair[0], pair[1].start, pair[1].end, pair[1].tag_kind))
    if wanted.limit is not None:
        found = found[: wanted.limit]
    names = _agent_names(session, agent_ids)
    items = [_with_person(item, names) for _document_id, item in found]
    if wanted.sort == "confidence":
        items.sort(key=lambda i: (i.confidence is None, -(i.confidence or 0.0)))
    return items


def _confident_enough(item: ReviewItem, minimum: float | None) -> bool:
    return minimum is None or item.confidence is None or item.confidence >= minimum


def _agent_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(Agent.id, Agent.preferred_name).where(Agent.id.in_(ids)))
    return {int(i): str(name) for i, name in rows}


def _with_person(item: ReviewItem, names: dict[int, str]) -> ReviewItem:
    agent_id = item.values.get("agent_id") if item.tag_kind == "mention" else None
    if agent_id is None or int(agent_id) not in names:
        return item
    return replace(item, person=names[int(agent_id)])


def open_counts(catalogue: Catalogue, *, scope: ReviewScope | None = None) -> dict[ReviewKind, int]:
    """How many suggestions are still open in *scope*, per kind (the sidebar's "N to
    review" and what ``catena suggest`` reports as left)."""
    scope = scope or ReviewScope()
    with catalogue.reading() as session:
        in_scope = document_condition(session, scope)
        counts: dict[ReviewKind, int] = {}
        for review_kind in REVIEW_KINDS:
            model = MODELS[TAG_KIND[review_kind]]
            counts[review_kind] = int(
                session.execute(
                    select(func.count(model.id))
                    .join(Document, Document.id == model.document_id)
                    .where(in_scope, model.status == "suggested")
                ).scalar_one()
            )
    return counts


def open_counts_by_document(
    catalogue: Catalogue, *, refs: Sequence[str]
) -> dict[str, dict[ReviewKind, int]]:
    """Open suggestions per kind of each of *refs* (documents without any get zeros),
    in one query per kind whatever the number of documents."""
    counts: dict[str, dict[ReviewKind, int]] = {ref: dict.fromkeys(REVIEW_KINDS, 0) for ref in refs}
    wanted = set(refs)
    with catalogue.reading() as session:
        for review_kind in REVIEW_KINDS:
            model = MODELS[TAG_KIND[review_kind]]
            rows = session.execute(
                select(Document.ref, func.count(model.id))
                .join(Document, Document.id == model.document_id)
                .where(model.status == "suggested")
                .group_by(Document.ref)
            )
            for ref, count in rows:
                if ref in wanted:
                    counts[ref][review_kind] = int(count)
    return counts
