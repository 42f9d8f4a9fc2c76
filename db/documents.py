"""Operations on documents: typed, keyword-only, each returning what changed.

The UI and the CLI call these and refresh from what they return; none of them commits
— the caller's ``Catalogue.writing()`` block is the transaction, so a batch of imports
is one commit and a failure inside it leaves nothing behind.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, defer

from db import audit
from db.base import table_of
from db.date_input import DateInputError, read_date_input
from db.dates import edtf_bounds, is_valid_edtf
from db.dialects import InsertIgnoring
from db.languages import detect_languages
from db.models import Blob, Document, hash_text, utcnow
from db.provenance import ProvenanceError, check_accessed, check_url, guess_change
from db.refs import DOCUMENT_PREFIX, next_ref, next_refs
from db.sanitize import NUL, NUL_REPLACED, clean_field, holds_nul, replace_nul, without_nul
from db.search import index

EDITABLE_FIELDS = (
    "title",
    "title_devised",
    "translated_title",
    "doc_type",
    "publisher",
    "authors",
    "recipients",
    "published",
    "published_time",
    "published_tz",
    "dateline",
    "section",
    "language",
    "url",
    "accessed",
    "captured_by",
    "notes",
)

# Metadata that is one line of text. Every value of these passes ``clean_field`` on its
# way into a row (import, edit, metadata import), so no reader or editor can store a
# terminal escape or a NUL that an export or a listing would later write raw.
ONE_LINE_FIELDS = frozenset(
    {
        "title",
        "translated_title",
        "doc_type",
        "publisher",
        "published",
        "published_time",
        "published_tz",
        "dateline",
        "section",
        "language",
        "url",
        "accessed",
        "captured_by",
    }
)
ONE_LINE_LISTS = frozenset({"authors", "recipients"})


def clean_metadata(values: dict[str, Any]) -> dict[str, Any]:
    """*values* with control characters removed from every one-line field (names in
    lists too); a value that was nothing but control characters becomes None, and a
    name that was, is dropped. Other fields (notes, flags) are returned as given but
    for their NULs, which no stored value holds (``db.sanitize``)."""
    cleaned = dict(values)
    for name, value in values.items():
        if isinstance(value, str) and NUL in value and name not in ONE_LINE_FIELDS:
            cleaned[name] = without_nul(value)
        elif name in ONE_LINE_FIELDS and isinstance(value, str) and value:
            cleaned[name] = clean_field(value) or None
        elif name in ONE_LINE_LISTS and isinstance(value, list):
            names = (clean_field(item) if isinstance(item, str) else item for item in value)
            cleaned[name] = [item for item in names if item]
    return cleaned


class DocumentError(ValueError):
    """An operation the catalogue refuses; the message is meant for the user."""


@dataclass
class NewDocument:
    """Everything needed to catalogue one parsed original."""

    text: str
    media_type: str
    original_sha256: str
    original_size: int
    original_filename: str
    title: str | None = None
    title_devised: bool = False
    doc_type: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    published: str | None = None
    published_time: str | None = None
    published_tz: str | None = None
    dateline: str | None = None
    section: str | None = None
    language: str | None = None
    language_spans: list[list[int | str]] | None = None  # db.languages.LanguageMap.as_json
    url: str | None = None
    accessed: str | None = None
    captured_by: str | None = None
    encoding: str | None = None
    encoding_confidence: float | None = None
    guessed: list[str] = field(default_factory=list)
    file_guesses: list[dict[str, Any]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)
    set_aside: list[dict[str, Any]] = field(default_factory=list)
    fingerprint: str | None = None
    parent_id: int | None = None
    possible_duplicate_of_id: int | None = None
    # ``fold_for_index(text)`` when the caller has it (the import's workers fold the text
    # for its fingerprint): the index then uses it instead of folding the text again,
    # once it has checked that the text stored is this one. Not a column.
    folded_text: str | None = None


_NOT_COLUMNS = {"original_size", "folded_text"}
_ROW_FIELDS = tuple(item.name for item in fields(NewDocument) if item.name not in _NOT_COLUMNS)
_NEW_ONE_LINE = tuple(
    item.name for item in fields(NewDocument) if item.name in ONE_LINE_FIELDS | ONE_LINE_LISTS
)

# Prepared once: built per call, a 30-column INSERT cost more to assemble than to run.
_INSERT_BLOB = InsertIgnoring(table_of(Blob), ["sha256"])
_INSERT_DOCUMENT = insert(table_of(Document)).returning(table_of(Document).c.id)
# Rows come back in no promised order (asking for the order makes SQLAlchemy insert
# one row per statement on SQLite): each id is matched to its row by the unique code.
_INSERT_DOCUMENTS = insert(table_of(Document)).returning(
    table_of(Document).c.ref, table_of(Document).c.id
)


def ensure_blob(session: Session, *, sha256: str, size: int, media_type: str) -> None:
    """Record a stored original (once: a blob already recorded is left as it is)."""
    session.connection().execute(
        _INSERT_BLOB.on(session),
        {"sha256": sha256, "size": size, "media_type": media_type, "stored_at": utcnow()},
    )


def add_document(session: Session, *, new: NewDocument, actor: str) -> Document:
    """Catalogue a document whose original is already in the object store."""
    document_id, _ref = catalogue_document(session, new=new, actor=actor)
    document = session.get(Document, document_id)
    assert document is not None
    return document


def catalogue_document(session: Session, *, new: NewDocument, actor: str) -> tuple[int, str]:
    """Catalogue a document; returns its id and reference without loading it.

    The import calls this for every file: a few statements, no ORM object (whose
    bookkeeping cost more than the writes). The search index is told explicitly.
    The one-line fields of *new* are cleaned in place (``clean_metadata``), so a caller
    that reports them afterwards reports what was stored.
    """
    _clean(new)
    ensure_blob(
        session, sha256=new.original_sha256, size=new.original_size, media_type=new.media_type
    )
    ref = next_ref(session, DOCUMENT_PREFIX)
    row = _row(new, ref)
    document_id = session.connection().execute(_INSERT_DOCUMENT, row).scalar_one()
    folded = None if new.folded_text is None else {document_id: (new.text, new.folded_text)}
    index.note_documents(session, [document_id], folded=folded)
    audit.record(session, **_import_event(new, row, actor))
    return document_id, ref


def catalogue_documents(
    session: Session, *, news: list[NewDocument], actor: str
) -> list[tuple[int, str]]:
    """``catalogue_document`` for several documents at once, in order: the same rows,
    codes, events and index notes, written with one statement per kind (blobs, codes,
    documents, events) instead of one per document, which is what the import's writer
    spends its time on. Returns each document's id and reference.
    """
    if not news:
        return []
    for new in news:
        _clean(new)
    session.connection().execute(
        _INSERT_BLOB.on(session),
        [
            {
                "sha256": new.original_sha256,
                "size": new.original_size,
                "media_type": new.media_type,
                "stored_at": utcnow(),
            }
            for new in news
        ],
    )
    refs = next_refs(session, DOCUMENT_PREFIX, len(news))
    rows = [_row(new, ref) for new, ref in zip(news, refs, strict=True)]
    id_of = {ref: id_ for ref, id_ in session.connection().execute(_INSERT_DOCUMENTS, rows)}
    ids = [int(id_of[ref]) for ref in refs]
    index.note_documents(
        session,
        ids,
        folded={
            id_: (new.text, new.folded_text)
            for id_, new in zip(ids, news, strict=True)
            if new.folded_text is not None
        },
    )
    audit.record_many(
        session,
        [
            audit.NewEvent(**_import_event(new, row, actor))
            for new, row in zip(news, rows, strict=True)
        ],
    )
    return list(zip(ids, refs, strict=True))


def _clean(new: NewDocument) -> None:
    """The one-line fields of *new* cleaned in place; its publication date as stored."""
    one_line = {name: getattr(new, name) for name in _NEW_ONE_LINE}
    for name, value in clean_metadata(one_line).items():
        setattr(new, name, value)
    new.published = _stored_guess(new.published)


def _row(new: NewDocument, ref: str) -> dict[str, Any]:
    """The ``documents`` row of a cleaned *new* (whose text becomes the stored one)."""
    # Every field is a column of the same name (lists copied), except original_size,
    # which is kept with the blob. (Not asdict: its deep copy cost a fifth of the row.)
    row: dict[str, Any] = {}
    for name in _ROW_FIELDS:
        value = getattr(new, name)
        row[name] = list(value) if isinstance(value, list) else value
    _replace_nuls(row)
    if row["text"] is not new.text:
        new.folded_text = None  # it was the fold of the text given, not of this one
    new.text = row["text"]  # a caller reading it afterwards reads what was stored
    row["guessed"] = sorted(set(new.guessed))
    row["published_lower"], row["published_upper"] = edtf_bounds(new.published)
    row["ref"] = ref
    row["text_sha256"] = hash_text(row["text"])  # (the column default would compute the same)
    return row


def _import_event(new: NewDocument, row: dict[str, Any], actor: str) -> dict[str, Any]:
    return {
        "action": "import",
        "actor": actor,
        "target": row["ref"],
        # The text's hash in the hash-chained trail too: what it was when catalogued.
        "detail": {
            "file": new.original_filename,
            "sha256": new.original_sha256,
            "text_sha256": row["text_sha256"],
        },
    }


def _replace_nuls(row: dict[str, Any]) -> None:
    """No stored value holds a NUL (``db.sanitize``): a parser that let one through gets
    it replaced here, in the text and every other value, and the row flagged."""
    if not any(_may_hold_nul(value) and holds_nul(value) for value in row.values()):
        return
    for name, value in row.items():
        row[name] = replace_nul(value)
    if NUL_REPLACED not in row["flags"]:
        row["flags"] = [*row["flags"], NUL_REPLACED]


def _may_hold_nul(value: object) -> bool:
    """A quick test before ``holds_nul``'s walk (the import asks it of every value of
    every row): a NUL anywhere in a string, list or dict shows in its repr as ``\\x00``
    (which a backslash followed by "x00" can imitate; ``holds_nul`` then says)."""
    if isinstance(value, str):
        return NUL in value
    return isinstance(value, list | dict) and bool(value) and "\\x00" in repr(value)


def _stored_guess(published: str | None) -> str | None:
    """An importer's publication date as the catalogue stores it: EDTF, read the way a
    typed date is when it is not; dropped when it cannot be read (a guess is not
    worth an invalid value that no sort, search or citation can use)."""
    try:
        return read_date_input(published, field="Published")
    except DateInputError:
        return None


METADATA_ONLY_FLAG = "metadata only"
METADATA_ONLY_MEDIA_TYPE = "application/x-catena-metadata-only"


def add_metadata_only(session: Session, *, actor: str, uid: str | None = None) -> Document:
    """A document with no original and no text, flagged "metadata only": what a
    bibliography record that matches nothing in the catalogue becomes, when asked.

    Otherwise an ordinary document (reference code, UUID, audit event). *uid* is kept
    when it is a UUID no other document has; else the document gets its own.
    """
    if uid is not None:
        try:
            uuid.UUID(uid)
        except ValueError:
            uid = None  # not a UUID: the record keeps the one it is given
    taken = uid is not None and (
        session.execute(select(Document.id).where(Document.uid == uid)).scalar() is not None
    )
    document = Document(
        ref=next_ref(session, DOCUMENT_PREFIX),
        text="",
        media_type=METADATA_ONLY_MEDIA_TYPE,
        flags=[METADATA_ONLY_FLAG],
        original_sha256=None,
    )
    if uid is not None and not taken:
        document.uid = uid
    session.add(document)
    session.flush()
    audit.record(
        session,
        action="create metadata-only record",
        actor=actor,
        target=document.ref,
        detail={"uid": document.uid},
    )
    return document


def find_by_original(session: Session, sha256: str) -> Document | None:
    """The document (trashed or not) whose original has this hash."""
    return session.execute(
        select(Document).where(Document.original_sha256 == sha256).order_by(Document.id).limit(1)
    ).scalar_one_or_none()


def get_document(session: Session, ref: str) -> Document | None:
    return session.execute(
        select(Document).where(Document.ref == ref.strip().upper())
    ).scalar_one_or_none()


def require_document(session: Session, ref: str) -> Document:
    document = get_document(session, ref)
    if document is None:
        raise DocumentError(f"no document {ref!r} in this catalogue")
    return document


def count_documents(session: Session, *, include_deleted: bool = False) -> int:
    query = select(func.count(Document.id))
    if not include_deleted:
        query = query.where(Document.deleted_at.is_(None))
    return int(session.execute(query).scalar_one())


def list_documents(session: Session, *, include_deleted: bool = False) -> list[Document]:
    """Documents in reference order, without their texts (loaded only if touched)."""
    query = (
        select(Document)
        .order_by(Document.id)
        .options(defer(Document.text), defer(Document.set_aside), defer(Document.page_starts))
    )
    if not include_deleted:
        query = query.where(Document.deleted_at.is_(None))
    return list(session.execute(query).scalars())


@dataclass(frozen=True)
class MetadataChange:
    """What an edit changed, field by field: enough to undo it exactly."""

    ref: str
    before: dict[str, Any]
    after: dict[str, Any]

    def inverse(self) -> MetadataChange:
        return MetadataChange(self.ref, self.after, self.before)


def update_metadata(
    session: Session, *, ref: str, changes: dict[str, Any], actor: str
) -> MetadataChange:
    """Set metadata fields; a person's edit confirms them (they stop being guesses)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise DocumentError(f"not editable: {', '.join(sorted(unknown))}")
    document = require_document(session, ref)
    changes = _checked_provenance(clean_metadata(changes))
    published = changes.get("published")
    if published is not None and not is_valid_edtf(published):
        raise DocumentError(
            f"Published: “{published[:60]}” is not an EDTF date (nothing was changed)"
        )
    before = {name: getattr(document, name) for name in changes}
    for name, value in changes.items():
        setattr(document, name, list(value) if isinstance(value, list) else value)
    if "published" in changes:
        document.published_lower, document.published_upper = edtf_bounds(document.published)
    document.guessed = [name for name in document.guessed if name not in changes]
    if "language" in changes:  # it now fills the paragraphs too short to tell
        found = detect_languages(document.text, document=document.language)
        document.language_spans = found.as_json() or None
    after = {name: getattr(document, name) for name in changes}
    audit.record(
        session,
        action="edit metadata",
        actor=actor,
        target=document.ref,
        detail={"before": before, "after": after},
    )
    return MetadataChange(document.ref, before, after)


def _checked_provenance(changes: dict[str, Any]) -> dict[str, Any]:
    """*changes* with the URL and accessed date checked (an empty value clears them)."""
    checked = dict(changes)
    for name, check in (("url", check_url), ("accessed", check_accessed)):
        value = checked.get(name)
        if isinstance(value, str) and not value.strip():
            checked[name] = None
        elif isinstance(value, str):
            try:
                checked[name] = check(value)
            except ProvenanceError as exc:
                raise DocumentError(str(exc)) from None
        elif value is not None:
            raise DocumentError(f"{name} must be text, not {type(value).__name__}")
    return checked


def accept_file_guess(session: Session, *, ref: str, number: int, actor: str) -> MetadataChange:
    """Write file-metadata guess *number* (from 1, as ``open_guesses`` numbers them) into
    its field: a person's edit like any other, so its undo is the inverse change."""
    document = require_document(session, ref)
    try:
        changes = guess_change(document, number)
    except ProvenanceError as exc:
        raise DocumentError(str(exc)) from None
    return update_metadata(session, ref=document.ref, changes=changes, actor=actor)


def confirm_fields(session: Session, *, ref: str, fields: list[str], actor: str) -> list[str]:
    """Mark guessed fields as checked by a person without changing their values."""
    document = require_document(session, ref)
    confirmed = [name for name in document.guessed if name in fields]
    document.guessed = [name for name in document.guessed if name not in fields]
    if confirmed:
        audit.record(
            session,
            action="confirm metadata",
            actor=actor,
            target=document.ref,
            detail={"fields": confirmed},
        )
    return confirmed


def trash_document(session: Session, *, ref: str, actor: str) -> Document:
    """Move a document to the trash; it keeps its tags and can be restored."""
    document = require_document(session, ref)
    if document.deleted_at is None:
        document.deleted_at = utcnow()
        audit.record(session, action="delete", actor=actor, target=document.ref)
    return document


def restore_document(session: Session, *, ref: str, actor: str) -> Document:
    document = require_document(session, ref)
    if document.deleted_at is not None:
        document.deleted_at = None
        audit.record(session, action="restore", actor=actor, target=document.ref)
    return document
