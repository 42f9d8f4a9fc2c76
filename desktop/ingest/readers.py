"""Turn one file's bytes into a ParsedDocument, choosing the reader by name and content.

The extension picks the reader; the first bytes must agree (see ``sniff``), so a
mislabelled file is refused with a reason that says what it really is. Every reader
raises only IngestError; anything else escaping a third-party parser on hostile input
is converted here, so the import report always gets a one-line reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import PurePath

from desktop.ingest import docx, eml, html, image_files, pdf, text_decoding
from desktop.ingest.assemble import document_from_text
from desktop.ingest.limits import DEFAULT_LIMITS, Limits, human_bytes
from desktop.ingest.parsed import IngestError, ParsedDocument
from desktop.ingest.sniff import IMAGE_KINDS, describe_kind, detect_kind

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".gif"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | IMAGE_SUFFIXES | {".pdf", ".docx", ".eml"}
# Binary kinds no text-like file may turn out to be.
_NOT_TEXT = frozenset(IMAGE_KINDS | {"PDF", "ZIP", "OLE", "ELF", "EXE", "GZIP", "RAR", "7Z"})


def parse(data: bytes, filename: str, *, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    """Parse *data* (the bytes of *filename*); raise IngestError with a one-line reason."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"unsupported file type {suffix or '(no extension)'}")
    if len(data) > limits.max_bytes:
        raise IngestError(
            f"file too large: {human_bytes(len(data))} (limit {human_bytes(limits.max_bytes)})"
        )
    reader = _reader_for(suffix, detect_kind(data))
    try:
        return reader(data, limits)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise IngestError(f"the file could not be read: {type(exc).__name__}") from exc
    except Exception as exc:  # a third-party parser failing on hostile input
        log.warning("reader for %s failed on %s", suffix, filename, exc_info=True)
        raise IngestError(f"the {suffix} file could not be read ({_short(exc)})") from exc


def _reader_for(suffix: str, kind: str | None) -> Callable[[bytes, Limits], ParsedDocument]:
    def mismatch() -> IngestError:
        return IngestError(
            f"file content is {describe_kind(kind or 'unknown')} but name says {suffix}"
        )

    if suffix in IMAGE_SUFFIXES:
        if kind not in IMAGE_KINDS:
            if kind is None:
                raise IngestError(
                    f"not an image: the content is not a known image format ({suffix})"
                )
            raise mismatch()
        return image_files.read_image
    if suffix == ".pdf":
        if kind != "PDF":
            raise mismatch() if kind else IngestError("not a PDF: the file has no PDF header")
        return pdf.read_pdf
    if suffix == ".docx":
        if kind != "ZIP":
            if kind == "OLE":
                raise IngestError("legacy Word .doc content named .docx; save it as .docx first")
            raise mismatch() if kind else IngestError("not a DOCX: the file is not a ZIP package")
        return docx.read_docx
    if kind in _NOT_TEXT:
        raise mismatch()
    if suffix in HTML_SUFFIXES:
        return html.read_html
    if suffix == ".eml":
        return eml.read_eml
    return read_plain_text


def read_plain_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    """A .txt/.md file: decode, clean, sniff."""
    decoded = text_decoding.decode_text(data, limits)
    return document_from_text(
        decoded.text,
        media_type="text/plain",
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        flags=decoded.flags,
    )


def _short(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:120]
