"""Thin catalogue helpers the window needs that the core does not offer (yet).

Everything here is Qt-free and takes a session or a catalogue explicitly, so it can
move into ``db/`` or ``desktop/`` unchanged; the window never queries the ORM except
through these functions and the core's own operations. Candidates for the core are
marked "CORE:" in their docstrings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.documents import require_document
from db.images import attach_image
from db.models import (
    Agent,
    Collection,
    DateTag,
    Document,
    Figure,
    Image,
    Mention,
    NameVariant,
    SavedSearch,
    document_collections,
)
from db.people import resolve_or_create
from db.search import engine as search_engine
from db.search.facets import FacetCount
from db.tags import TagChange, TagKind, get_tag, tags_of, update_tag

ScopeKind = Literal["library", "collection", "saved", "recent", "review", "trash"]
RECENT_DAYS = 7
REVIEW_FLAGS_HINT = ("low-confidence encoding", "possible duplicate", "fixity failed")


@dataclass(frozen=True)
class Scope:
    """Which documents the list shows: a sidebar choice."""

    kind: ScopeKind = "library"
    collection_id: int | None = None
    query: str | None = None  # a saved search's query


# --- search ---------------------------------------------------------------------------


def filter_condition(
    session: Session, text: str, *, trash: bool = False
) -> ColumnElement[bool] | None:
    """The search field as a condition on ``Document.id``: the engine's own matching,
    so the list shows exactly what ``catena search`` finds.

    Raises :class:`QuerySyntaxError` (a ValueError whose message is for the person)
    for text that is not a search. With *trash* it searches the Trash.
    """
    if not text.strip():
        return None
    return Document.id.in_(search_engine.matching(session, text, trash=trash))


def _collection_and_descendants(session: Session, collection_id: int) -> list[int]:
    rows = list(session.execute(select(Collection.id, Collection.parent_id)))
    children: dict[int | None, list[int]] = {}
    for cid, parent in rows:
        children.setdefault(parent, []).append(cid)
    found, stack = [], [collection_id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def _has_suggestions() -> ColumnElement[bool]:
    return or_(
        *(
            exists().where(model.document_id == Document.id, model.status == "suggested")
            for model in (DateTag, Figure, Mention)
        )
    )


def review_condition() -> ColumnElement[bool]:
    """CORE: documents needing a person's look: guessed metadata, flags, open suggestions."""
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
        ids = _collection_and_descendants(session, scope.collection_id)
        member = exists().where(
            document_collections.c.document_id == Document.id,
            document_collections.c.collection_id.in_(ids),
        )
        return [live, member]
    if scope.kind == "saved" and scope.query:
        condition = filter_condition(session, scope.query)
        return [live] if condition is None else [live, condition]
    if scope.kind == "recent":
        since = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).isoformat()
        return [live, Document.imported_at >= since]
    if scope.kind == "review":
        return [live, review_condition()]
    return [live]


def scope_within(session: Session, scope: Scope) -> Select[tuple[int]] | None:
    """*scope* as a ``SELECT id`` to narrow a search to (the engine's *within*); None
    for the library, which is what a search covers anyway (everything not trashed)."""
    if scope.kind == "library":
        return None
    return select(Document.id).where(*scope_conditions(session, scope))


def facets_of(session: Session, scope: Scope, text: str) -> dict[str, list[FacetCount]]:
    """Facet counts of the list the window shows: *scope* narrowed by the search *text*."""
    return search_engine.facets(session, text, within=scope_within(session, scope))


def count_in(session: Session, scope: Scope) -> int:
    """How many documents *scope* holds; 0 for a saved search that no longer parses
    (the list says why when it is opened)."""
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
    rows = session.execute(
        select(Document.id, Document.guessed, Document.flags).where(Document.id.in_(ids))
    )
    for doc_id, guessed, flags in rows:
        out = reasons[doc_id]
        if guessed:
            out.append(f"{len(guessed)} guessed")
        out.extend(flags or [])
        if open_counts.get(doc_id):
            out.append(f"{open_counts[doc_id]} suggestions")
    return reasons


# --- sidebar --------------------------------------------------------------------------


@dataclass(frozen=True)
class CollectionRow:
    id: int
    parent_id: int | None
    name: str


def collections(session: Session) -> list[CollectionRow]:
    rows = session.execute(
        select(Collection.id, Collection.parent_id, Collection.name).order_by(Collection.name)
    )
    return [CollectionRow(i, p, n) for i, p, n in rows]


def saved_searches(session: Session) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(SavedSearch.id, SavedSearch.name, SavedSearch.query).order_by(SavedSearch.name)
    )
    return [(i, n, q) for i, n, q in rows]


def create_collection(session: Session, *, name: str, parent_id: int | None = None) -> Collection:
    """CORE: a new (possibly nested) collection."""
    collection = Collection(name=name.strip(), parent_id=parent_id)
    session.add(collection)
    session.flush()
    return collection


def add_to_collection(session: Session, *, collection_id: int, refs: Sequence[str]) -> int:
    """CORE: put documents in a collection; returns how many were new to it."""
    collection = session.get(Collection, collection_id)
    if collection is None:
        raise ValueError(f"no collection #{collection_id}")
    added = 0
    for ref in refs:
        document = require_document(session, ref)
        if document not in collection.documents:
            collection.documents.append(document)
            added += 1
    session.flush()
    return added


# --- the document shown ---------------------------------------------------------------


@dataclass(frozen=True)
class TagView:
    """A tag as the reading pane and the tag editor need it (no ORM object escapes)."""

    kind: TagKind
    id: int
    start: int
    end: int
    quote: str
    status: str
    origin: str
    values: dict[str, Any]
    agent_name: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        """Identity across kinds: dates, figures and mentions number their ids apart."""
        return (self.kind, self.id)


@dataclass(frozen=True)
class ImageView:
    ref: str
    sha256: str
    thumbnail_sha256: str | None
    filename: str | None
    width: int
    height: int
    format: str
    exif: dict[str, str]
    taken: str | None
    caption: str | None
    credit: str | None
    rights: str | None


@dataclass(frozen=True)
class DocumentView:
    id: int
    ref: str
    text: str
    fields: dict[str, Any]
    guessed: frozenset[str]
    flags: tuple[str, ...]
    deleted: bool
    tags: tuple[TagView, ...]
    images: tuple[ImageView, ...] = field(default_factory=tuple)


def image_view(image: Image) -> ImageView:
    return ImageView(
        ref=image.ref,
        sha256=image.sha256,
        thumbnail_sha256=image.thumbnail_sha256,
        filename=image.original_filename,
        width=image.width,
        height=image.height,
        format=image.format,
        exif=dict(image.exif or {}),
        taken=image.taken,
        caption=image.caption,
        credit=image.credit,
        rights=image.rights,
    )


def tag_view(kind: TagKind, tag: Any, agent_names: dict[int, str] | None = None) -> TagView:
    from db.tags import VALUE_FIELDS

    values = {name: getattr(tag, name) for name in VALUE_FIELDS[kind]}
    agent_name = None
    if kind == "mention" and tag.agent_id is not None and agent_names is not None:
        agent_name = agent_names.get(tag.agent_id)
    return TagView(
        kind=kind,
        id=tag.id,
        start=tag.start,
        end=tag.end,
        quote=tag.quote,
        status=tag.status,
        origin=tag.origin,
        values=values,
        agent_name=agent_name,
    )


def document_view(session: Session, ref: str) -> DocumentView:
    """One document with its visible tags (rejected ones stay hidden) and images."""
    from db.documents import EDITABLE_FIELDS

    document = require_document(session, ref)
    tags = tags_of(session, document.id, statuses=("suggested", "accepted"))
    agent_ids = {t.agent_id for k, t in tags if k == "mention" and t.agent_id is not None}
    names = {
        i: n
        for i, n in session.execute(
            select(Agent.id, Agent.preferred_name).where(Agent.id.in_(agent_ids))
        )
    }
    return DocumentView(
        id=document.id,
        ref=document.ref,
        text=document.text,
        fields={name: getattr(document, name) for name in EDITABLE_FIELDS},
        guessed=frozenset(document.guessed or ()),
        flags=tuple(document.flags or ()),
        deleted=document.deleted_at is not None,
        tags=tuple(tag_view(k, t, names) for k, t in tags),
        images=tuple(image_view(i) for i in sorted(document.images, key=lambda i: i.id)),
    )


def citation_text(session: Session, ref: str, style: str) -> str:
    """The document's bibliography entry in *style*, as plain text for the clipboard."""
    from desktop.dossier.citation import format_citation
    from desktop.dossier.sources import citation_source

    document = require_document(session, ref)
    accessed = document.imported_at[:10] if document.url else None
    return format_citation(citation_source(document, accessed=accessed), style).plain()  # type: ignore[arg-type]


# --- tagging --------------------------------------------------------------------------

# Words before a number that the figure suggester would read as its qualifier.
_QUALIFIER_WORDS = (
    ("more than", "more than"),
    ("over", "more than"),
    ("at least", "at least"),
    ("no fewer than", "at least"),
    ("fewer than", "fewer than"),
    ("at most", "at most"),
    ("up to", "up to"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("approximately", "about"),
)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def guess_values(kind: TagKind, text: str, *, role: str = "mentioned") -> dict[str, Any]:
    """Values for a tag a person just made by selecting *text*; they correct them after.

    Dates and numbers are read with the suggesters where they recognise the selection,
    so selecting "12 to 13 March 1987" and pressing D needs no typing at all.
    """
    selected = " ".join(text.split())
    if kind == "date":
        from desktop.extract import suggest

        for date in suggest(selected).dates:
            return {"edtf": date.edtf, "what": date.what, "certainty": date.certainty}
        year = re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", selected)
        return {"edtf": year.group(1) if year else "XXXX", "certainty": "certain"}
    if kind == "figure":
        from desktop.extract import suggest

        for figure in suggest(selected).figures:
            return {
                "value": figure.value,
                "upper_value": figure.upper_value,
                "qualifier": figure.qualifier,
                "counted": figure.counted,
                "category": figure.category,
            }
        match = _NUMBER.search(selected)
        value = float(match.group(0).replace(",", "")) if match else 0.0
        counted = selected[match.end() :].strip(" .,;:") if match else selected
        before = selected[: match.start()].strip().casefold() if match else ""
        qualifier = next((q for words, q in _QUALIFIER_WORDS if before.endswith(words)), "exact")
        return {"value": value, "qualifier": qualifier, "counted": counted}
    return {"name": selected, "role": role, "is_organisation": False}


def accept_tag(session: Session, *, kind: TagKind, tag_id: int, actor: str) -> TagChange:
    """Accept a suggestion; a mention is linked to its person record in the same change,
    so one undo takes both back."""
    changes: dict[str, Any] = {"status": "accepted"}
    if kind == "mention":
        mention = get_tag(session, kind, tag_id)
        if mention.agent_id is None:  # type: ignore[union-attr]
            agent, _ = resolve_or_create(
                session,
                name=mention.name,  # type: ignore[union-attr]
                is_organisation=mention.is_organisation,  # type: ignore[union-attr]
                actor=actor,
            )
            changes["agent_id"] = agent.id
    return update_tag(session, kind=kind, tag_id=tag_id, changes=changes, actor=actor)


def figure_choices(session: Session, document_id: int) -> list[tuple[int, str]]:
    """Other figures of the document, for the "part of" choice."""
    rows = session.execute(
        select(Figure.id, Figure.quote)
        .where(Figure.document_id == document_id, Figure.status != "rejected")
        .order_by(Figure.start)
    )
    return [(i, q) for i, q in rows]


def figure_categories(session: Session) -> list[str]:
    rows = session.execute(
        select(Figure.category).where(Figure.category.is_not(None)).distinct()
    ).scalars()
    return sorted({c for c in rows if c})


# --- people ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    id: int
    ref: str
    name: str
    kind: str
    variants: tuple[str, ...]
    mentions: int


def people(session: Session) -> list[PersonRow]:
    from db.people import mention_counts

    counts = mention_counts(session)
    variants: dict[int, list[str]] = {}
    for agent_id, name in session.execute(
        select(NameVariant.agent_id, NameVariant.name).order_by(NameVariant.id)
    ):
        variants.setdefault(agent_id, []).append(name)
    rows = session.execute(
        select(Agent.id, Agent.ref, Agent.preferred_name, Agent.kind).order_by(Agent.preferred_name)
    )
    return [
        PersonRow(
            i,
            ref,
            name,
            kind,
            tuple(v for v in variants.get(i, []) if v != name),
            counts.get(i, 0),
        )
        for i, ref, name, kind in rows
    ]


@dataclass(frozen=True)
class Passage:
    """One place a text speaks of someone or gives a date or figure: where to jump."""

    document_ref: str
    document_title: str
    start: int
    end: int
    quote: str
    context: str
    label: str


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())


def passages_of(session: Session, agent_id: int) -> list[Passage]:
    rows = session.execute(
        select(Mention, Document)
        .join(Document, Mention.document_id == Document.id)
        .where(
            Mention.agent_id == agent_id,
            Mention.status != "rejected",
            Document.deleted_at.is_(None),
        )
        .order_by(Document.id, Mention.start)
    )
    return [
        Passage(
            doc.ref,
            doc.title or "",
            m.start,
            m.end,
            m.quote,
            _context(doc.text, m.start, m.end),
            m.role,
        )
        for m, doc in rows
    ]


def name_forms(session: Session) -> list[str]:
    """Every name form of every record, for the tag editor's completer."""
    names = session.execute(select(NameVariant.name).distinct()).scalars()
    return sorted(set(names), key=str.casefold)


# --- images ---------------------------------------------------------------------------

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class AttachResult:
    attached: list[str]
    already: list[str]
    problems: list[str]


def import_and_attach(
    catalogue: Catalogue,
    *,
    document_ref: str,
    paths: Sequence[Path],
    progress: ProgressCallback | None = None,
) -> AttachResult:
    """CORE: import image files through the pipeline, then attach each to a document.

    A file already in the catalogue is not stored twice: its existing image record is
    attached instead. Files that are not images are reported, not attached.
    """
    from db.images import find_image_by_sha
    from desktop.ingest.pipeline import import_paths

    report = import_paths(catalogue, list(paths), progress=progress)
    attached, already, problems = [], [], []
    with catalogue.writing() as session:
        for outcome in report.outcomes:
            if outcome.status == "failed" or outcome.status == "skipped":
                problems.append(f"{Path(outcome.path).name}: {outcome.reason}")
                continue
            image = find_image_by_sha(session, outcome.sha256 or "")
            if image is None:
                problems.append(
                    f"{Path(outcome.path).name}: not an image; catalogued as a document "
                    f"({outcome.ref or outcome.duplicate_of})"
                )
                continue
            linked = attach_image(
                session, image_ref=image.ref, document_ref=document_ref, actor=catalogue.actor
            )
            (attached if linked else already).append(image.ref)
    return AttachResult(attached, already, problems)


def all_images(session: Session) -> list[ImageView]:
    rows = session.execute(
        select(Image).where(Image.deleted_at.is_(None)).order_by(Image.id)
    ).scalars()
    return [image_view(i) for i in rows]


def image_documents(session: Session, ref: str) -> list[str]:
    from db.images import require_image

    return sorted(d.ref for d in require_image(session, ref).documents)
