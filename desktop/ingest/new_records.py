"""What an imported file becomes before it is written: its displayed name, its new
record (``NewDocument``) and the note its outcome carries. Shared by the import's
one-file-at-a-time path (``desktop.ingest.pipeline``) and its batched path
(``desktop.ingest.plain_batch``), so both store exactly the same record.
"""

from __future__ import annotations

import os
from pathlib import Path

from db.documents import NewDocument
from desktop.ingest.language import map_languages
from desktop.ingest.ocr_engine import OCR_TEXT, OCR_UNAVAILABLE
from desktop.ingest.parsed import ParsedDocument


def display_path(path: Path) -> str:
    """The path as text that can be stored and printed: names that are not valid
    UTF-8 (old archives, other systems) keep their readable part, with U+FFFD for
    undecodable bytes, instead of failing the import."""
    return os.fsencode(path).decode("utf-8", "replace")


def display_name(path: Path) -> str:
    return os.fsencode(path.name).decode("utf-8", "replace")


def ocr_note(parsed: ParsedDocument) -> str | None:
    """What the report says about a scan: read by OCR, or why it has no text."""
    if parsed.ocr is not None:
        doubtful = parsed.ocr.provenance()["low_confidence_words"]
        languages = "+".join(parsed.ocr.languages)
        return f"{OCR_TEXT} ({languages}, {doubtful} low-confidence words)"
    if OCR_UNAVAILABLE in parsed.flags:
        return f"{OCR_UNAVAILABLE} — {parsed.ocr_note}" if parsed.ocr_note else OCR_UNAVAILABLE
    return parsed.ocr_note


def new_document(
    parsed: ParsedDocument,
    *,
    sha256: str,
    size: int,
    filename: str,
    folded_text: str | None = None,
) -> NewDocument:
    """The record of *parsed*; *folded_text* is its text as the search index folds it,
    when the worker that prepared it folded it (``db.documents.NewDocument``)."""
    if parsed.language_spans is None and parsed.text:  # an attachment: not prepared
        map_languages(parsed)
    return NewDocument(
        text=parsed.text,
        media_type=parsed.media_type,
        original_sha256=sha256,
        original_size=size,
        original_filename=filename,
        title=parsed.title,
        title_devised=parsed.title_devised,
        doc_type=parsed.doc_type,
        publisher=parsed.publisher,
        authors=list(parsed.authors),
        recipients=list(parsed.recipients),
        published=parsed.published,
        published_time=parsed.published_time,
        published_tz=parsed.published_tz,
        dateline=parsed.dateline,
        section=parsed.section,
        language=parsed.language,
        language_spans=parsed.language_spans,
        url=parsed.url,
        accessed=parsed.accessed,
        encoding=parsed.encoding,
        encoding_confidence=parsed.encoding_confidence,
        guessed=sorted(parsed.guessed),
        file_guesses=[guess.as_json() for guess in parsed.file_guesses],
        flags=list(parsed.flags),
        page_starts=list(parsed.page_starts),
        set_aside=[{"line": item.line, "reason": item.reason} for item in parsed.set_aside],
        folded_text=folded_text,
    )
