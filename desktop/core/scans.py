"""The scan behind an OCR text, for the reading pane: page images and tagged regions.

A document whose text was read by OCR shows its page image beside the text, with the
region of each tag outlined and doubtful words marked, so a person checks the
transcription against the evidence. This read model gives the window what it draws;
drawing a page (PDF pages are rendered) is slow, so the window calls
:func:`page_image` off its UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from db.catalogue import Catalogue
from db.documents import require_document
from db.ocr_texts import OCR_FLAG, Region, regions, words_of
from desktop.ingest.ocr import LOW_CONFIDENCE, page_count, render_page

VIEW_DPI = 110
"""Resolution pages are drawn at for the screen (sharp at a pane's width)."""


@dataclass(frozen=True)
class ScanWord:
    page: int
    start: int
    end: int
    left: float
    top: float
    right: float
    bottom: float
    confidence: float


@dataclass(frozen=True)
class ScanView:
    """An OCR document's original and its words' boxes."""

    ref: str
    original: Path
    media_type: str
    pages: int
    words: tuple[ScanWord, ...]

    def doubtful(self, page: int) -> list[ScanWord]:
        """Words on *page* read with low confidence (shown for a person to check)."""
        return [w for w in self.words if w.page == page and w.confidence < LOW_CONFIDENCE]

    def regions(self, start: int, end: int) -> list[Region]:
        """The page regions of characters start..end (one per page they are on)."""
        return regions(self.words, start, end)

    def page_of(self, offset: int) -> int:
        """The page the character at *offset* was read from (0 before any word)."""
        page = 0
        for word in self.words:
            if word.start > offset:
                break
            page = word.page
        return page


def scan_view(catalogue: Catalogue, ref: str) -> ScanView | None:
    """The scan of document *ref*; None for a text that was not read by OCR."""
    with catalogue.reading() as session:
        document = require_document(session, ref)
        if OCR_FLAG not in (document.flags or []) or document.original_sha256 is None:
            return None
        path = catalogue.objects.local_file(document.original_sha256)
        words = tuple(
            ScanWord(w.page, w.start, w.end, w.left, w.top, w.right, w.bottom, w.confidence)
            for w in words_of(session, document.id)
        )
        media_type = document.media_type
    try:
        pages = page_count(path.read_bytes(), media_type)
    except (OSError, ValueError):
        pages = max((w.page for w in words), default=0) + 1
    return ScanView(ref=ref, original=path, media_type=media_type, pages=pages, words=words)


def page_image(scan: ScanView, page: int, *, dpi: int = VIEW_DPI) -> Image.Image:
    """Page *page* of the scan's original, drawn for the screen (slow: off the UI thread)."""
    return render_page(scan.original.read_bytes(), scan.media_type, page, dpi=dpi)


def tag_regions(
    scan: ScanView, spans: Sequence[tuple[str, str, int, int]], page: int
) -> list[tuple[str, str, Region]]:
    """(kind, status, region) on *page* for each (kind, status, start, end) span."""
    found: list[tuple[str, str, Region]] = []
    for kind, status, start, end in spans:
        found.extend((kind, status, r) for r in scan.regions(start, end) if r.page == page)
    return found
