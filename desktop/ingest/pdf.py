"""Read a PDF's text layer page by page, keeping where each page starts.

A PDF without a text layer (a scan) is not an error: it comes back with empty text
and the flag "no text layer" so the pipeline stores it as an image-only document.
Encrypted and damaged files are refused with the reason, since a partial read would
silently lose pages.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

from db.provenance import FileGuess
from desktop.ingest.assemble import apply_metadata, document_from_clean
from desktop.ingest.cleaning import CleanText, clean_text
from desktop.ingest.file_metadata import author_guesses, date_guess, unique
from desktop.ingest.limits import DEFAULT_LIMITS, Limits
from desktop.ingest.metadata_guesses import Metadata
from desktop.ingest.parsed import ImagePlaceholder, IngestError, ParsedDocument
from desktop.ingest.text_decoding import normalise_newlines, wrap_long_lines

NO_TEXT_LAYER = "no text layer"
PAGE_SEPARATOR = "\n\n"
log = logging.getLogger(__name__)


def read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    """Text per page with ``page_starts``; document info as metadata hints."""
    if b"%%EOF" not in data[-2048:]:
        raise IngestError("the PDF is truncated or damaged (no end-of-file marker)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # hostile files are chatty
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _decrypt(reader)
        count = len(reader.pages)
        if count > limits.max_pdf_pages:
            raise IngestError(f"the PDF has {count} pages (limit {limits.max_pdf_pages})")
        pages = [_page_text(reader, index) for index in range(count)]
        hints = _info_hints(reader)
        guesses = _info_guesses(reader)
    except IngestError:
        raise
    except FileNotDecryptedError as exc:
        raise IngestError("the PDF is encrypted and needs a password") from exc
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"the PDF is damaged and cannot be read ({exc})") from exc
    if count == 0:
        raise IngestError("the PDF has no pages")
    if not any(page.strip() for page in pages):
        doc = ParsedDocument(text="", media_type="application/pdf", flags=[NO_TEXT_LAYER])
        doc.page_starts = [0] * count
        apply_metadata(doc, hints)
        doc.file_guesses = guesses
        return doc
    flags: list[str] = []
    clean, starts = _clean_pages(pages, limits, flags)
    doc = document_from_clean(clean, media_type="application/pdf", flags=flags, hints=hints)
    doc.page_starts = starts
    doc.file_guesses = guesses
    return doc


def _decrypt(reader: PdfReader) -> None:
    if not reader.is_encrypted:
        return
    try:
        ok = reader.decrypt("")  # owner-password-only PDFs open with an empty password
    except (NotImplementedError, PdfReadError, DependencyError) as exc:
        raise IngestError("the PDF is encrypted with a method Catena cannot open") from exc
    if not ok:
        raise IngestError("the PDF is encrypted and needs a password")


def _page_text(reader: PdfReader, index: int) -> str:
    text = reader.pages[index].extract_text() or ""
    return normalise_newlines(text).replace("\x00", "")


def _clean_pages(pages: list[str], limits: Limits, flags: list[str]) -> tuple[CleanText, list[int]]:
    """Clean each page alone (so offsets stay per page) and join them."""
    parts: list[str] = []
    starts: list[int] = []
    combined = CleanText(text="")
    position = 0
    for number, page in enumerate(pages):
        page = wrap_long_lines(page, limits.max_line_length, flags)
        cleaned = clean_text(page, header=number == 0)
        if parts:
            position += len(PAGE_SEPARATOR)
        starts.append(position)
        combined.set_aside.extend(cleaned.set_aside)
        combined.stamps.extend(cleaned.stamps)
        combined.image_placeholders.extend(
            ImagePlaceholder(p.offset + position, p.caption) for p in cleaned.image_placeholders
        )
        if number == 0:
            combined.language = cleaned.language
        parts.append(cleaned.text)
        position += len(cleaned.text)
    combined.text = PAGE_SEPARATOR.join(parts)
    flags[:] = list(dict.fromkeys(flags))
    return combined, starts


def _info_hints(reader: PdfReader) -> Metadata:
    """The title the document information states (a guess like any other); its dates
    and author are offered apart (``_info_guesses``), never set as the document's."""
    hints = Metadata()
    info = reader.metadata
    if not info:
        return hints
    title = (info.get("/Title") or "").strip() if isinstance(info.get("/Title"), str) else ""
    if (
        title
        and not title.lower().endswith((".doc", ".docx", ".pdf", ".odt"))
        and title.lower() != "untitled"
    ):
        hints.title = " ".join(title.split())
    return hints


def _info_guesses(reader: PdfReader) -> list[FileGuess]:
    """/Author, /CreationDate and /ModDate as low-confidence guesses."""
    info = reader.metadata
    if not info:
        return []
    author = info.get("/Author")
    guesses = author_guesses([author] if isinstance(author, str) else [], "PDF /Author")
    for key in ("/CreationDate", "/ModDate"):
        value = info.get(key)
        guesses += date_guess(value if isinstance(value, str) else None, f"PDF {key}")
    return unique(guesses)
