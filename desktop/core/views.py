"""Read models of the document on screen: its text, fields, tags and images.

The reading pane, the tag editor and the image strip show these frozen records; no
ORM object leaves a session, so a view never lazily loads from a closed one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.documents import require_document
from db.models import Agent, Figure, Image, Mention
from db.provenance import FileGuess, open_guesses
from db.tags import TagKind, tags_of


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
    # (number, guess) from the file's own metadata not yet taken into a field; the
    # number is what ``core.documents.accept_guess`` takes.
    file_guesses: tuple[tuple[int, FileGuess], ...] = ()
    # The language of each paragraph as stored: ((start, end, "ru"), ...).
    language_spans: tuple[tuple[int, int, str], ...] = ()

    def language_at(self, offset: int) -> str | None:
        """The language of the paragraph holding character *offset* (the document's
        own language between paragraphs or when none was detected)."""
        for start, end, language in self.language_spans:
            if start <= offset < end:
                return language
        value = self.fields.get("language")
        return value if isinstance(value, str) else None


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


def _document_view(session: Session, ref: str) -> DocumentView:
    """One document with its visible tags (rejected ones stay hidden) and images."""
    from db.documents import EDITABLE_FIELDS

    document = require_document(session, ref)
    tags = tags_of(session, document.id, statuses=("suggested", "accepted"))
    agent_ids = {
        t.agent_id for _kind, t in tags if isinstance(t, Mention) and t.agent_id is not None
    }
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
        file_guesses=tuple(open_guesses(document)),
        language_spans=_language_spans(document.language_spans),
    )


def _language_spans(stored: object) -> tuple[tuple[int, int, str], ...]:
    from db.languages import stored_language_map

    found = stored_language_map(stored, None)
    return tuple((s.start, s.end, s.language) for s in found.spans) if found else ()


def citation_text(catalogue: Catalogue, *, ref: str, style: str) -> str:
    """The document's bibliography entry in *style*, as plain text for the clipboard."""
    with catalogue.reading() as session:
        return _citation_text(session, ref, style)


def _citation_text(session: Session, ref: str, style: str) -> str:
    from desktop.dossier.citation import format_citation
    from desktop.dossier.sources import citation_source

    document = require_document(session, ref)
    # The accessed date is the recorded one, never the import's: a page read in 2024
    # and imported in 2026 was not accessed in 2026.
    return format_citation(citation_source(document), style).plain()  # type: ignore[arg-type]


def document_view(catalogue: Catalogue, ref: str) -> DocumentView:
    """One document with its visible tags (rejected ones stay hidden) and images."""
    with catalogue.reading() as session:
        return _document_view(session, ref)


def figure_choices(catalogue: Catalogue, document_id: int) -> list[tuple[int, str]]:
    """Other figures of the document, for the "part of" choice."""
    with catalogue.reading() as session:
        rows = list(
            session.execute(
                select(Figure.id, Figure.quote)
                .where(Figure.document_id == document_id, Figure.status != "rejected")
                .order_by(Figure.start)
            )
        )
    return [(i, q) for i, q in rows]


def figure_categories(catalogue: Catalogue) -> list[str]:
    """Every category figures carry, for the tag editor's choice."""
    with catalogue.reading() as session:
        rows = list(
            session.execute(
                select(Figure.category).where(Figure.category.is_not(None)).distinct()
            ).scalars()
        )
    return sorted({c for c in rows if c})
