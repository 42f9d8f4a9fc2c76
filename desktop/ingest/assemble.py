"""Build a ParsedDocument from decoded text plus whatever the container stated.

Every format ends here: HTML, PDF, DOCX and e-mail readers extract text and the
metadata their container declares (``hints``), then the same cleaning and sniffing
run over the text. Declared values win over sniffed ones, because a page's own
``og:title`` is better evidence than a guess from its first line.
"""

from __future__ import annotations

from dataclasses import fields

from desktop.ingest.cleaning import CleanText, clean_text
from desktop.ingest.metadata_guesses import Metadata, sniff_metadata
from desktop.ingest.parsed import ParsedDocument

_META_FIELDS = [f.name for f in fields(Metadata)]


def document_from_text(
    text: str,
    *,
    media_type: str,
    encoding: str | None = None,
    confidence: float | None = None,
    flags: list[str] | None = None,
    hints: Metadata | None = None,
    stated: frozenset[str] = frozenset(),
) -> ParsedDocument:
    """Clean *text*, sniff metadata, overlay *hints*; fields in *stated* are not guesses."""
    return document_from_clean(
        clean_text(text),
        media_type=media_type,
        encoding=encoding,
        confidence=confidence,
        flags=flags,
        hints=hints,
        stated=stated,
    )


def document_from_clean(
    clean: CleanText,
    *,
    media_type: str,
    encoding: str | None = None,
    confidence: float | None = None,
    flags: list[str] | None = None,
    hints: Metadata | None = None,
    stated: frozenset[str] = frozenset(),
) -> ParsedDocument:
    """As ``document_from_text`` for text already cleaned (PDF cleans page by page)."""
    meta = sniff_metadata(clean)
    if hints is not None:
        merge_hints(meta, hints)
    doc = ParsedDocument(
        text=clean.text,
        media_type=media_type,
        encoding=encoding,
        encoding_confidence=confidence,
        set_aside=clean.set_aside,
        image_placeholders=clean.image_placeholders,
        flags=list(flags or []),
    )
    apply_metadata(doc, meta, stated=stated)
    return doc


def merge_hints(meta: Metadata, hints: Metadata) -> None:
    """Copy every non-empty hint over the sniffed value."""
    for name in _META_FIELDS:
        value = getattr(hints, name)
        if name == "title_devised":
            continue
        if value:
            setattr(meta, name, value)
            if name == "title":
                meta.title_devised = hints.title_devised


def apply_metadata(
    doc: ParsedDocument, meta: Metadata, *, stated: frozenset[str] = frozenset()
) -> None:
    """Set fields on *doc*; every one set and not in *stated* is recorded as guessed."""
    for name in _META_FIELDS:
        value = getattr(meta, name)
        setattr(doc, name, value)
        if name != "title_devised" and value and name not in stated:
            doc.guessed.add(name)
