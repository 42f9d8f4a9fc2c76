"""The catalogue's records, as typed SQLAlchemy 2 models.

Portable SQL only: these models must run unchanged on PostgreSQL, so anything
SQLite-specific (FTS5, pragmas) lives in its own module. Lists and small structured
values (authors, EXIF, guessed-field names) use the generic JSON type.

Every record that a person may cite has a human reference code (``CAT-000123``) and a
UUID: the code is for people, the UUID for exchange with other catalogues.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base
from db.column_types import BandKey, Stamp, Uid, WorkingText
from db.column_types import new_uid as new_uid  # re-exported: writers import them from here
from db.column_types import utcnow as utcnow
from db.spans import ContextFromText

SUGGESTION_STATUSES = ("suggested", "accepted", "rejected")
TAG_ORIGINS = ("suggested", "manual")
ROLES = ("author", "witness", "quoted", "recipient", "signatory", "mentioned", "photographer")
QUALIFIERS = (
    "exact",
    "about",
    "at least",
    "more than",
    "at most",
    "fewer than",
    "nearly",
    "up to",
    "range",
)
DATE_ROLES = ("event", "reporting", "other")
# A figure's or date's link to an event record: proposed by the suggester, or accepted.
EVENT_LINK_STATUSES = ("suggested", "accepted")


def hash_text(text: str) -> str:
    """SHA-256 of a working text's UTF-8 bytes: the fixity value recorded with it.

    Tags point at characters of that text, so a changed character must be found as
    surely as a changed byte of an original.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _hash_of_inserted_text(context: DefaultExecutionContext) -> str:
    """Default of ``documents.text_sha256`` for any INSERT that does not give one.

    A column default rather than code in each writer, so ORM adds, the import's Core
    INSERT and an archive's executemany all record the hash of exactly the text they
    insert (``text`` left out means the column default, the empty text).
    """
    parameters: dict[str, Any] = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return hash_text(parameters.get("text") or "")


class RefCounter(Base):
    """Next number per reference prefix; incremented inside the inserting transaction."""

    __tablename__ = "ref_counters"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    next_value: Mapped[int] = mapped_column(Integer, default=1)


class Blob(Base):
    """A content-addressed object (original file, image, thumbnail) in the object store."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(127))
    stored_at: Mapped[str] = mapped_column(Stamp, default=utcnow)


document_collections = Table(
    "document_collections",
    Base.metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("collection_id", ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True),
)

document_keywords = Table(
    "document_keywords",
    Base.metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("keyword_id", ForeignKey("keywords.id", ondelete="CASCADE"), primary_key=True),
)

document_images = Table(
    "document_images",
    Base.metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("image_id", ForeignKey("images.id", ondelete="CASCADE"), primary_key=True),
)


class Document(Base):
    """One evidence document: its original bytes (by hash) and its working text.

    ``text`` is the decoded, cleaned text that tags point into; once a document has
    accepted tags it must not change (operations enforce that), because every tag's
    offsets and quote refer to it.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(20), unique=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    title: Mapped[str | None] = mapped_column(Text)
    title_devised: Mapped[bool] = mapped_column(Boolean, default=False)
    # An English (or working-language) rendering of a title in another language, which
    # citation styles print in square brackets after the original.
    translated_title: Mapped[str | None] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(String(60))
    publisher: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    published: Mapped[str | None] = mapped_column(String(60))  # EDTF
    published_lower: Mapped[str | None] = mapped_column(String(10), index=True)
    published_upper: Mapped[str | None] = mapped_column(String(10))
    published_time: Mapped[str | None] = mapped_column(String(20))
    published_tz: Mapped[str | None] = mapped_column(String(10))
    dateline: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35))
    # The language of each paragraph of ``text``, ``[[start, end, "ru"], …]``
    # (``db.languages``), detected at import and again whenever the text changes, so the
    # suggesters read each paragraph by its own rules; NULL when never detected.
    language_spans: Mapped[list[list[Any]] | None] = mapped_column(JSON(none_as_null=True))
    url: Mapped[str | None] = mapped_column(Text)
    # When the page at ``url`` was read (an EDTF day, "2026-12-03") and who captured it:
    # the provenance of a web or file source, which citation styles print.
    accessed: Mapped[str | None] = mapped_column(String(10))
    captured_by: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(WorkingText, default="")
    # SHA-256 of ``text`` when Catena wrote it (see ``hash_text``); ``catena verify``
    # recomputes it. Set by the INSERT default and by assigning ``Document.text``;
    # NULL only for rows written by other programs.
    text_sha256: Mapped[str | None] = mapped_column(String(64), default=_hash_of_inserted_text)
    media_type: Mapped[str] = mapped_column(String(127))
    encoding: Mapped[str | None] = mapped_column(String(40))
    encoding_confidence: Mapped[float | None] = mapped_column(Float)
    guessed: Mapped[list[str]] = mapped_column(JSON, default=list)
    # What the file's own metadata claimed (PDF /CreationDate, DOCX author…): offered to
    # a person as low-confidence guesses, never written into the fields above unasked.
    # Each is {"field", "value", "source", "confidence"} (``db.provenance``).
    file_guesses: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, server_default="[]"
    )
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    page_starts: Mapped[list[int]] = mapped_column(JSON, default=list)
    set_aside: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)
    original_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="RESTRICT"), index=True
    )
    original_filename: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )  # e-mail attachments point at their letter
    possible_duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )
    imported_at: Mapped[str] = mapped_column(Stamp, default=utcnow)
    updated_at: Mapped[str] = mapped_column(Stamp, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[str | None] = mapped_column(String(40), index=True)

    original: Mapped[Blob | None] = relationship(lazy="joined")
    mentions: Mapped[list[Mention]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    dates: Mapped[list[DateTag]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    figures: Mapped[list[Figure]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="Figure.document_id",
    )
    collections: Mapped[list[Collection]] = relationship(
        secondary=document_collections, back_populates="documents"
    )
    keywords: Mapped[list[Keyword]] = relationship(
        secondary=document_keywords, back_populates="documents"
    )
    images: Mapped[list[Image]] = relationship(
        secondary=document_images, back_populates="documents"
    )


@event.listens_for(Document.text, "set")
def _rehash_text(target: Document, value: str | None, _old: object, _initiator: object) -> None:
    """Every assignment of a working text records its hash in the same flush: the
    text and its fixity value cannot be written apart through the ORM. (A Core
    UPDATE of ``documents.text`` must set ``text_sha256`` itself; Catena runs none.)"""
    target.text_sha256 = hash_text(value or "")


class DocumentBand(Base):
    """Locality-sensitive hash bands of a document's text, for finding near duplicates.

    Two texts that share any band are candidates; only candidates are compared in full,
    so checking a new document costs a few index lookups, not a scan of the catalogue.
    """

    __tablename__ = "document_bands"
    __table_args__ = ({"sqlite_with_rowid": False},)  # the key (band, document) holds the rows
    # Band first, the lookup's order; columns in key order (SQLite 3.40's quick_check).
    band: Mapped[str] = mapped_column(BandKey, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Agent(Base):
    """An authority record: one person or organisation, whatever the sources call them."""

    __tablename__ = "agents"
    __table_args__ = (CheckConstraint("kind IN ('person', 'organisation')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(20), unique=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    kind: Mapped[str] = mapped_column(String(12), default="person")
    preferred_name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Stamp, default=utcnow)

    variants: Mapped[list[NameVariant]] = relationship(
        back_populates="agent", cascade="all, delete-orphan", passive_deletes=True
    )
    mentions: Mapped[list[Mention]] = relationship(back_populates="agent")


class NameVariant(Base):
    """A name form (spelling, script, order) under which an agent appears."""

    __tablename__ = "name_variants"
    __table_args__ = (UniqueConstraint("agent_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    script: Mapped[str | None] = mapped_column(String(10))  # ISO 15924, e.g. "Latn", "Cyrl"
    folded: Mapped[str] = mapped_column(Text, index=True)  # db.folding.fold_name(name)

    agent: Mapped[Agent] = relationship(back_populates="variants")


class EventRecord(Base):
    """An authority record for an event (a killing, a war, a disaster), like ``Agent``
    for people: one record, however many names the sources give it.

    Not to be confused with ``Event``, the audit trail's entries (table ``events``).
    Events nest (a killing within a war) through ``parent_id``; trashed records keep
    their reference code, so a merge can be undone exactly.
    """

    __tablename__ = "event_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(20), unique=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    preferred_name: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    edtf: Mapped[str | None] = mapped_column(String(60))
    lower: Mapped[str | None] = mapped_column(String(10), index=True)
    upper: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str | None] = mapped_column(String(60))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_records.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Stamp, default=utcnow)
    deleted_at: Mapped[str | None] = mapped_column(String(40), index=True)

    names: Mapped[list[EventRecordName]] = relationship(
        back_populates="event_record",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EventRecordName.id",
    )


class EventRecordName(Base):
    """A name form under which an event record appears ("Khojaly massacre", "Xocalı
    soyqırımı", "Ходжалинская трагедия"), with its script and matching key."""

    __tablename__ = "event_record_names"
    __table_args__ = (UniqueConstraint("event_record_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_record_id: Mapped[int] = mapped_column(ForeignKey("event_records.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    script: Mapped[str | None] = mapped_column(String(10))  # ISO 15924
    folded: Mapped[str] = mapped_column(Text, index=True)  # db.folding.fold_name(name)

    event_record: Mapped[EventRecord] = relationship(back_populates="names")


class SpanMixin(ContextFromText):
    """A W3C Web Annotation style anchor: offsets plus the exact quote and its context.

    Offsets make lookup cheap; quote, prefix and suffix let a tag be re-anchored and
    checked if offsets ever disagree with the text (context: ``db.spans.ContextFromText``).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    stored_prefix: Mapped[str] = mapped_column("prefix", Text, default="")
    stored_suffix: Mapped[str] = mapped_column("suffix", Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="suggested")
    origin: Mapped[str] = mapped_column(String(12), default="suggested")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Stamp, default=utcnow)
    updated_at: Mapped[str] = mapped_column(Stamp, default=utcnow, onupdate=utcnow)
    # The suggester's confidence (0–1) in a suggested tag; None for a person's own tags
    # and for suggestions made before it was recorded.
    confidence: Mapped[float | None] = mapped_column(Float)


def _span_checks() -> tuple[CheckConstraint, ...]:
    return (
        CheckConstraint('start >= 0 AND "end" >= start', name="span_bounds"),
        CheckConstraint("status IN ('suggested', 'accepted', 'rejected')", name="status"),
        CheckConstraint("origin IN ('suggested', 'manual')", name="origin"),
    )


def _event_link_check() -> CheckConstraint:
    return CheckConstraint(
        "event_link_status IN ('suggested', 'accepted')", name="event_link_status"
    )


class Mention(SpanMixin, Base):
    """A passage naming a person or organisation, with the role they play in it."""

    __tablename__ = "mentions"
    __table_args__ = (
        *_span_checks(),
        Index("ix_mentions_document_start", "document_id", "start"),
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agents.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(Text)  # the name as the passage writes it
    # Other forms the passage itself gives ("Mustafayeva Shakiba (… Mustafayeva Şəkibə)"),
    # added to the person's record when the mention is linked.
    variants: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    role: Mapped[str] = mapped_column(String(20), default="mentioned")
    is_organisation: Mapped[bool] = mapped_column(Boolean, default=False)

    document: Mapped[Document] = relationship(back_populates="mentions")
    agent: Mapped[Agent | None] = relationship(back_populates="mentions")


class DateTag(SpanMixin, Base):
    """A date the text gives, as EDTF, with ISO bounds for sorting and range queries."""

    __tablename__ = "date_tags"
    __table_args__ = (
        *_span_checks(),
        _event_link_check(),
        Index("ix_date_tags_document_start", "document_id", "start"),
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    edtf: Mapped[str] = mapped_column(String(60))
    lower: Mapped[str | None] = mapped_column(String(10), index=True)
    upper: Mapped[str | None] = mapped_column(String(10))
    what: Mapped[str | None] = mapped_column(Text)
    certainty: Mapped[str] = mapped_column(String(12), default="certain")
    # The event record this date belongs to, and whether it dates the event itself,
    # the report of it, or something else (see DATE_ROLES).
    event_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_records.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str | None] = mapped_column(String(12))
    # "suggested" or "accepted" (EVENT_LINK_STATUSES); NULL when there is no link.
    event_link_status: Mapped[str | None] = mapped_column(String(12))

    document: Mapped[Document] = relationship(back_populates="dates")


class Figure(SpanMixin, Base):
    """A number the text gives: how many of what, with the text's own qualifier."""

    __tablename__ = "figures"
    __table_args__ = (
        *_span_checks(),
        _event_link_check(),
        Index("ix_figures_document_start", "document_id", "start"),
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    value: Mapped[float] = mapped_column(Float)
    upper_value: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(12), default="exact")
    counted: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(60), index=True)
    part_of_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="SET NULL"))
    event_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_records.id", ondelete="SET NULL"), index=True
    )
    event_link_status: Mapped[str | None] = mapped_column(String(12))  # as DateTag's

    document: Mapped[Document] = relationship(back_populates="figures", foreign_keys=[document_id])
    part_of: Mapped[Figure | None] = relationship(remote_side="Figure.id")


class Image(Base):
    """A photograph or scan: stored object, facts read from it, and what people add."""

    __tablename__ = "images"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(20), unique=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="RESTRICT"), index=True)
    thumbnail_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="RESTRICT")
    )
    original_filename: Mapped[str | None] = mapped_column(Text)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(20))
    exif: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    taken: Mapped[str | None] = mapped_column(String(60))
    caption: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(Text)
    rights: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(Stamp, default=utcnow)
    deleted_at: Mapped[str | None] = mapped_column(String(40))

    documents: Mapped[list[Document]] = relationship(
        secondary=document_images, back_populates="images"
    )


class Collection(Base):
    """A folder-like grouping of documents; collections nest."""

    __tablename__ = "collections"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    description: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Collection | None] = relationship(
        remote_side="Collection.id", back_populates="children"
    )
    children: Mapped[list[Collection]] = relationship(back_populates="parent")
    documents: Mapped[list[Document]] = relationship(
        secondary=document_collections, back_populates="collections"
    )


class Keyword(Base):
    """A free keyword ("tag" in the UI) attached to documents."""

    __tablename__ = "keywords"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)

    documents: Mapped[list[Document]] = relationship(
        secondary=document_keywords, back_populates="keywords"
    )


class SavedSearch(Base):
    """A named query that behaves as a smart collection."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text)


class DossierDefinition(Base):
    """A saved dossier: selection, style, sections, titles — re-printable."""

    __tablename__ = "dossiers"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[str] = mapped_column(Stamp, default=utcnow)


class Event(Base):
    """The audit trail: who did what, when, to which record; hash-chained.

    ``hash`` covers this event's content and the previous event's hash, so an edit to
    history breaks the chain from that point on and ``catena log --verify`` finds it.
    """

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(Uid, unique=True, default=new_uid)
    at: Mapped[str] = mapped_column(Stamp, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str | None] = mapped_column(String(60), index=True)  # a reference code
    outcome: Mapped[str] = mapped_column(String(20), default="success")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OcrWord(Base):
    """One word of an OCR text: its characters in the working text and its box on the
    page image it was read from (fractions of the page's width and height), so a tag
    on OCR text knows its region of the scan. Low-confidence words are kept too."""

    __tablename__ = "ocr_words"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="word_bounds"),
        Index("ix_ocr_words_document_start", "document_id", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer)  # 0-based page of the original
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    left: Mapped[float] = mapped_column(Float)
    top: Mapped[float] = mapped_column(Float)
    right: Mapped[float] = mapped_column(Float)
    bottom: Mapped[float] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)  # the engine's 0..100


class TextVersion(Base):
    """A working text a document has had: read by OCR, or corrected by a person.

    The document's ``text`` is the newest version; older ones stay here with their
    SHA-256, so what a tag once pointed at can always be shown, and the preservation
    history (which engine, which settings, who corrected what) is complete.
    """

    __tablename__ = "text_versions"
    __table_args__ = (
        UniqueConstraint("document_id", "number"),
        CheckConstraint("origin IN ('ocr', 'correction')", name="origin"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per document
    origin: Mapped[str] = mapped_column(String(12))
    text: Mapped[str] = mapped_column(WorkingText)
    text_sha256: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # engine, settings...
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(Stamp, default=utcnow)
