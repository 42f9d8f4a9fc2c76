"""OCR a scan (image-only PDF or picture of a document) into a working text with word boxes.

The original file stays the evidence; the text read from it is a derivative, so the
result carries what produced it (engine, version, languages, settings) for the
preservation event the catalogue records, and every word keeps its page and box so a
tag on the text knows the region of the page it came from. Words Tesseract is unsure
of are kept, with their confidence, for a person to see and correct.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from desktop.ingest.assemble import document_from_clean
from desktop.ingest.cleaning import CleanText
from desktop.ingest.language import guess_language
from desktop.ingest.ocr_engine import (
    DEFAULT_LANGUAGES,
    OCR_TEXT,
    OCR_UNAVAILABLE,
    OcrUnavailable,
    engine,
)
from desktop.ingest.ocr_page import PageReading, PageTooSlow, read_page, settings
from desktop.ingest.parsed import IngestError, ParsedDocument
from desktop.ingest.pdf import NO_TEXT_LAYER, PAGE_SEPARATOR

RENDER_DPI = 300
LOW_CONFIDENCE = 60.0
"""Words read with less confidence than this are shown as doubtful."""
MIN_WORDS_FOR_DOCUMENT = 12
"""A picture with fewer confident words than this is a photograph, not a document."""

MIN_PICTURE_SIDE = 300
"""Pixels: a picture whose shorter side is smaller holds no legible page."""

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class OcrCancelled(Exception):
    """The person stopped the OCR; nothing was stored."""


@dataclass(frozen=True)
class OcrWord:
    page: int  # 0-based
    start: int  # character offsets in the OCR text
    end: int
    left: float  # fractions of the page image's width and height
    top: float
    right: float
    bottom: float
    confidence: float


@dataclass
class OcrResult:
    text: str
    page_starts: list[int]
    words: list[OcrWord]
    engine: str
    version: str
    languages: tuple[str, ...]
    settings: dict[str, Any]
    pages: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # pages given up, and why

    @property
    def confident_words(self) -> int:
        return sum(1 for word in self.words if word.confidence >= LOW_CONFIDENCE)

    def provenance(self) -> dict[str, Any]:
        """What the preservation event records about how the text was made."""
        return {
            "engine": self.engine,
            "version": self.version,
            "languages": list(self.languages),
            "settings": self.settings,
            "pages": self.pages,
            "words": len(self.words),
            "low_confidence_words": len(self.words) - self.confident_words,
            "pages_not_read": self.skipped,
        }


@contextmanager
def _pdf(data: bytes, failure: type[Exception], what: str) -> Iterator[Any]:
    """The PDF in *data*, opened with PDFium and closed after; one that PDFium cannot
    open raises *failure* with *what* and PDFium's reason (one line)."""
    import pypdfium2 as pdfium  # imported where used: heavy, and only scans need it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise failure(f"{what} ({exc})") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _draw(pdf: Any, index: int, dpi: int) -> Image.Image:
    """Page *index* of an open PDF drawn in grey at *dpi*."""
    page = pdf[index]
    try:
        return page.render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        page.close()


def page_images(data: bytes, media_type: str, *, dpi: int = RENDER_DPI) -> Iterator[Image.Image]:
    """The pages of an original as images: a PDF's pages rendered at *dpi*, an image's
    frames (a multi-page TIFF has several)."""
    if media_type == "application/pdf":
        with _pdf(data, IngestError, "the PDF pages cannot be drawn for OCR") as pdf:
            for index in range(len(pdf)):
                yield _draw(pdf, index, dpi)
        return
    try:
        with Image.open(io.BytesIO(data)) as picture:
            for frame in ImageSequence.Iterator(picture):
                yield frame.copy()
    except (UnidentifiedImageError, OSError) as exc:
        raise IngestError(f"the image cannot be read for OCR ({exc})") from exc


def render_page(data: bytes, media_type: str, index: int, *, dpi: int = RENDER_DPI) -> Image.Image:
    """One page of an original as an image (0-based *index*), as OCR saw it: a PDF page
    drawn at *dpi*, an image's frame upright by its EXIF orientation."""
    if media_type == "application/pdf":
        with _pdf(data, ValueError, "the PDF pages cannot be drawn") as pdf:
            if not 0 <= index < len(pdf):
                raise ValueError(f"the PDF has no page {index + 1}")
            return _draw(pdf, index, dpi)
    with Image.open(io.BytesIO(data)) as picture:
        picture.seek(index)
        return ImageOps.exif_transpose(picture.copy())


def page_count(data: bytes, media_type: str) -> int:
    if media_type == "application/pdf":
        with _pdf(data, IngestError, "the PDF pages cannot be drawn for OCR") as pdf:
            return len(pdf)
    with Image.open(io.BytesIO(data)) as picture:
        return int(getattr(picture, "n_frames", 1))


def ocr_original(
    data: bytes,
    media_type: str,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> OcrResult:
    """Read every page of an original; raises OcrUnavailable (no engine or language
    data), IngestError (pages that cannot be drawn) or OcrCancelled."""
    found = engine()
    found.check_languages(languages)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one thread per page: workers share cores
    total = page_count(data, media_type)
    readings: list[PageReading] = []
    skipped: list[str] = []
    for number, image in enumerate(page_images(data, media_type)):
        if cancelled is not None and cancelled():
            raise OcrCancelled("OCR cancelled; nothing was changed")
        if progress is not None:
            progress(number, total)
        try:
            readings.append(read_page(image, languages, found))
        except PageTooSlow as exc:  # the other pages still count; the gap is recorded
            skipped.append(f"page {number + 1}: {exc}")
            readings.append(PageReading(words=[], skew=0.0, width=image.width, height=image.height))
    if progress is not None:
        progress(total, total)
    text, starts, words = _assemble(readings)
    return OcrResult(
        text=text,
        page_starts=starts,
        words=words,
        engine=found.name,
        version=found.version,
        languages=tuple(languages),
        settings={**settings(languages, found.models_for(languages)), "dpi": RENDER_DPI},
        skipped=skipped,
        pages=[
            {"width": r.width, "height": r.height, "skew": r.skew, "words": len(r.words)}
            for r in readings
        ],
    )


def _assemble(readings: list[PageReading]) -> tuple[str, list[int], list[OcrWord]]:
    """Join words into lines (space), lines into paragraphs (newline), paragraphs and
    pages with a blank line, remembering each word's offsets."""
    parts: list[str] = []
    starts: list[int] = []
    words: list[OcrWord] = []
    position = 0
    for number, reading in enumerate(readings):
        if number:
            parts.append(PAGE_SEPARATOR)
            position += len(PAGE_SEPARATOR)
        starts.append(position)
        previous: tuple[int, int, int] | None = None
        for word in reading.words:
            if previous is not None:
                gap = (
                    " "
                    if word.line == previous
                    else "\n"
                    if word.line[:2] == previous[:2]
                    else "\n\n"
                )
                parts.append(gap)
                position += len(gap)
            previous = word.line
            parts.append(word.text)
            words.append(
                OcrWord(
                    page=number,
                    start=position,
                    end=position + len(word.text),
                    left=word.left,
                    top=word.top,
                    right=word.right,
                    bottom=word.bottom,
                    confidence=word.confidence,
                )
            )
            position += len(word.text)
    return "".join(parts), starts, words


def needs_ocr(parsed: ParsedDocument) -> bool:
    """An image-only PDF, or a picture (which may turn out to be of a document)."""
    return parsed.image is not None or NO_TEXT_LAYER in parsed.flags


def worth_reading(parsed: ParsedDocument) -> bool:
    """Whether a picture could hold a page of text: big enough for letters to be read.
    (Icons, thumbnails and 1-pixel images are not read: OCR costs seconds per image.)"""
    info = parsed.image
    return info is None or min(info.width, info.height) >= MIN_PICTURE_SIDE


def with_ocr(parsed: ParsedDocument, result: OcrResult) -> ParsedDocument:
    """The document *parsed* becomes with *result* as its working text. A picture
    with too few confident words stays a picture (a photograph of a street is not a
    document); a scan keeps its pages, flagged as OCR text."""
    if parsed.image is not None and result.confident_words < MIN_WORDS_FOR_DOCUMENT:
        return parsed
    if not result.words:
        return replace(parsed, ocr_note="OCR found no text on the pages")
    clean = CleanText(text=result.text, language=guess_language(result.text))
    flags = [f for f in parsed.flags if f != NO_TEXT_LAYER] + [OCR_TEXT]
    doc = document_from_clean(clean, media_type=parsed.media_type, flags=flags)
    for name in ("title", "authors", "published", "published_time", "published_tz"):
        stated = getattr(parsed, name)
        if stated and name not in parsed.guessed:
            setattr(doc, name, stated)
            doc.guessed.discard(name)
    doc.page_starts = list(result.page_starts)
    doc.ocr = result
    return doc


def without_engine(parsed: ParsedDocument, reason: str) -> ParsedDocument:
    """A scan imported while OCR cannot run: kept, flagged, with how to get OCR."""
    if parsed.image is not None:
        return parsed  # a picture stays a picture; nothing is lost
    flags = [*parsed.flags, OCR_UNAVAILABLE]
    return replace(parsed, flags=list(dict.fromkeys(flags)), ocr_note=reason)


def try_ocr(parsed: ParsedDocument, data: bytes, languages: tuple[str, ...]) -> ParsedDocument:
    """OCR at import: *parsed* with OCR text, or flagged when the engine is missing."""
    if not needs_ocr(parsed) or not worth_reading(parsed):
        return parsed
    try:
        result = ocr_original(data, parsed.media_type, languages)
    except OcrUnavailable as exc:
        return without_engine(parsed, str(exc))
    return with_ocr(parsed, result)
