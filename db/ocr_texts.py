"""OCR texts in the catalogue: words with their boxes, text versions, corrections.

A scan's working text is a derivative of its original. Storing one records, in the
same transaction, every word's page and box (``ocr_words``), the text as a version
with how it was made (``text_versions``) and a preservation event in the audit trail
("ocr": engine, version, languages, settings, date). A person's correction is a new
version: tags and word boxes follow their characters into the corrected text and the
change is audited with the hashes of both texts.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from db import audit
from db.base import table_of
from db.documents import DocumentError, require_document
from db.models import Document, OcrWord, TextVersion, hash_text
from db.search import index
from db.spans import anchor, reanchor
from db.tags import tags_of

OCR_FLAG = "OCR text"
"""Flag on a document whose working text was read by OCR (shown as "OCR text")."""
OCR_UNAVAILABLE_FLAG = "no text: OCR unavailable"
CORRECTED_FLAG = "OCR text corrected"


class WordLike(Protocol):
    """A word as the OCR reader returns it (``desktop.ingest.ocr.OcrWord``)."""

    @property
    def page(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def left(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def right(self) -> float: ...
    @property
    def bottom(self) -> float: ...
    @property
    def confidence(self) -> float: ...


@dataclass(frozen=True)
class Region:
    """The part of one page a span of text covers: fractions of the page, 0..1."""

    page: int
    left: float
    top: float
    right: float
    bottom: float


def store_ocr(
    session: Session,
    *,
    document_id: int,
    ref: str,
    words: Sequence[WordLike],
    provenance: dict[str, Any],
    text: str,
    actor: str,
) -> None:
    """Record an OCR text already stored as *document_id*'s working text: its words
    (replacing any earlier reading), a new text version and the preservation event."""
    session.execute(delete(OcrWord).where(OcrWord.document_id == document_id))
    _insert_words(session, document_id, words)
    text_sha256 = hash_text(text)
    number = _add_version(
        session,
        document_id=document_id,
        origin="ocr",
        text=text,
        detail=provenance,
        actor=actor,
    )
    audit.record(
        session,
        action="ocr",
        actor=actor,
        target=ref,
        detail={**provenance, "text_sha256": text_sha256, "text_version": number},
    )


def _insert_words(session: Session, document_id: int, words: Sequence[WordLike]) -> None:
    if not words:
        return
    session.execute(
        insert(table_of(OcrWord)),
        [
            {
                "document_id": document_id,
                "page": w.page,
                "start": w.start,
                "end": w.end,
                "left": w.left,
                "top": w.top,
                "right": w.right,
                "bottom": w.bottom,
                "confidence": w.confidence,
            }
            for w in words
        ],
    )


def _add_version(
    session: Session,
    *,
    document_id: int,
    origin: str,
    text: str,
    detail: dict[str, Any],
    actor: str,
) -> int:
    last = session.execute(
        select(func.max(TextVersion.number)).where(TextVersion.document_id == document_id)
    ).scalar()
    number = int(last or 0) + 1
    session.add(
        TextVersion(
            document_id=document_id,
            number=number,
            origin=origin,
            text=text,
            text_sha256=hash_text(text),
            detail=detail,
            actor=actor,
        )
    )
    session.flush()
    return number


def words_of(session: Session, document_id: int) -> list[OcrWord]:
    return list(
        session.execute(
            select(OcrWord).where(OcrWord.document_id == document_id).order_by(OcrWord.start)
        ).scalars()
    )


def versions_of(session: Session, document_id: int) -> list[TextVersion]:
    return list(
        session.execute(
            select(TextVersion)
            .where(TextVersion.document_id == document_id)
            .order_by(TextVersion.number)
        ).scalars()
    )


def regions(words: Sequence[WordLike], start: int, end: int) -> list[Region]:
    """The boxes, one per page, around the words that overlap characters start..end."""
    found: dict[int, Region] = {}
    for word in words:
        if word.end <= start or word.start >= end:
            continue
        seen = found.get(word.page)
        if seen is None:
            found[word.page] = Region(word.page, word.left, word.top, word.right, word.bottom)
        else:
            found[word.page] = Region(
                word.page,
                min(seen.left, word.left),
                min(seen.top, word.top),
                max(seen.right, word.right),
                max(seen.bottom, word.bottom),
            )
    return [found[page] for page in sorted(found)]


def span_regions(session: Session, document_id: int, start: int, end: int) -> list[Region]:
    words = session.execute(
        select(OcrWord).where(
            OcrWord.document_id == document_id, OcrWord.start < end, OcrWord.end > start
        )
    ).scalars()
    return regions(list(words), start, end)


class _OffsetMap:
    """Where a character position of the old text lies in the corrected one."""

    def __init__(self, old: str, new: str) -> None:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        self.opcodes = matcher.get_opcodes()

    def start(self, position: int) -> int:
        for op, i1, i2, j1, _j2 in self.opcodes:
            if i1 <= position < i2 or (i1 == i2 == position):
                return j1 + (position - i1) if op == "equal" else j1
        return self.opcodes[-1][4] if self.opcodes else 0

    def end(self, position: int) -> int:
        for op, i1, i2, j1, j2 in self.opcodes:
            if i1 < position <= i2:
                return j1 + (position - i1) if op == "equal" else j2
        return 0 if position == 0 else (self.opcodes[-1][4] if self.opcodes else 0)


@dataclass(frozen=True)
class CorrectionReport:
    version: int
    tags_moved: int
    tags_requoted: list[str]  # uids of tags whose characters the person corrected
    tags_lost: list[str]  # suggestions whose characters were deleted (dropped)


def correct_text(session: Session, *, ref: str, text: str, actor: str) -> CorrectionReport:
    """Make *text* (a person's correction) the working text of document *ref*.

    Each tag keeps its quote where the quote still occurs; a tag whose characters were
    corrected follows them (its quote becomes the corrected characters). An accepted
    tag whose characters were all deleted refuses the correction (nothing changes);
    such a suggestion is dropped. Word boxes follow their characters the same way.
    """
    return _new_text(session, ref=ref, text=text, actor=actor, origin="correction", words=None)


def read_again(
    session: Session,
    *,
    ref: str,
    text: str,
    words: Sequence[WordLike],
    provenance: dict[str, Any],
    actor: str,
) -> CorrectionReport:
    """A new OCR reading of a document that already has a text (OCR on demand): the
    same rules as a correction for its tags; the words are the new reading's."""
    return _new_text(
        session, ref=ref, text=text, actor=actor, origin="ocr", words=words, detail=provenance
    )


def _new_text(
    session: Session,
    *,
    ref: str,
    text: str,
    actor: str,
    origin: str,
    words: Sequence[WordLike] | None,
    detail: dict[str, Any] | None = None,
) -> CorrectionReport:
    document = require_document(session, ref)
    old = document.text
    if origin == "correction" and text == old:
        raise DocumentError(f"{ref}: the corrected text is the same as the stored one")
    if not text.strip():
        raise DocumentError(f"{ref}: the new text is empty; nothing was changed")
    if old and not versions_of(session, document.id):  # keep the text being replaced
        _add_version(
            session,
            document_id=document.id,
            origin="ocr" if OCR_FLAG in (document.flags or []) else "correction",
            text=old,
            detail={"note": "the text as it was before the first recorded change"},
            actor=actor,
        )
    offsets = _OffsetMap(old, text)
    moved, requoted, lost = _move_tags(session, document, text, offsets)
    if words is None:
        _move_words(session, document.id, old, text, offsets)
    else:
        session.execute(delete(OcrWord).where(OcrWord.document_id == document.id))
        _insert_words(session, document.id, words)
    document.text = text
    flag = CORRECTED_FLAG if origin == "correction" else OCR_FLAG
    flags = [f for f in (document.flags or []) if f not in (OCR_UNAVAILABLE_FLAG, "no text layer")]
    document.flags = flags if flag in flags else [*flags, flag]
    index.note_documents(session, [document.id])
    number = _add_version(
        session,
        document_id=document.id,
        origin=origin,
        text=text,
        detail={**(detail or {}), "previous_sha256": hash_text(old)},
        actor=actor,
    )
    audit.record(
        session,
        action="correct text" if origin == "correction" else "ocr",
        actor=actor,
        target=ref,
        detail={
            **(detail or {}),
            "text_version": number,
            "previous_sha256": hash_text(old),
            "text_sha256": document.text_sha256,
            "tags_moved": moved,
            "tags_requoted": requoted,
            "tags_lost": lost,
        },
    )
    return CorrectionReport(number, moved, requoted, lost)


def _move_tags(
    session: Session, document: Document, text: str, offsets: _OffsetMap
) -> tuple[int, list[str], list[str]]:
    plans: list[tuple[Any, int | None, int | None]] = []
    for kind, tag in tags_of(session, document.id):
        found = reanchor(
            text,
            start=tag.start,
            end=tag.end,
            quote=tag.quote,
            prefix=tag.prefix,
            suffix=tag.suffix,
        )
        if found is not None and abs(found.start - offsets.start(tag.start)) <= len(tag.quote):
            plans.append((tag, found.start, found.end))
            continue
        start, end = offsets.start(tag.start), offsets.end(tag.end)
        if end <= start:
            if tag.status == "accepted":
                raise DocumentError(
                    f"the correction deletes the accepted {kind} tag {tag.quote!r}; "
                    "nothing was changed"
                )
            plans.append((tag, None, None))
            continue
        plans.append((tag, start, end))
    moved = 0
    requoted: list[str] = []
    lost: list[str] = []
    for tag, new_start, new_end in plans:
        if new_start is None or new_end is None:
            lost.append(tag.uid)
            session.delete(tag)
            continue
        spot = anchor(text, new_start, new_end)
        if spot.quote != tag.quote:
            requoted.append(tag.uid)
        elif (new_start, new_end) != (tag.start, tag.end):
            moved += 1
        tag.start, tag.end, tag.quote = spot.start, spot.end, spot.quote
        tag.forget_context()  # read from the new text from now on
    return moved, requoted, lost


def _move_words(
    session: Session, document_id: int, old: str, text: str, offsets: _OffsetMap
) -> None:
    """Words follow their characters; a word the person changed is no longer doubtful
    (confidence 100: a person read it), a word deleted loses its box."""
    for word in words_of(session, document_id):
        start, end = offsets.start(word.start), offsets.end(word.end)
        if end <= start:
            session.delete(word)
            continue
        if text[start:end] != old[word.start : word.end]:
            word.confidence = 100.0
        word.start, word.end = start, end
