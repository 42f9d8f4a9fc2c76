"""Scans in dossiers: the crop of the page an OCR excerpt was read from, and its label.

An excerpt from a scan is a transcription by a machine; the page is the evidence. So
the dossier prints, above the transcribed text, the region of the page image that
holds the passage (drawn from the stored original at a resolution that keeps the
letters legible) and says that the text is OCR and which file it was read from.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from typing import Any

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Document, Event
from db.ocr_texts import OCR_FLAG, span_regions
from desktop.ingest.ocr import render_page

from . import data as d
from . import escape as esc
from .flowables import P
from .language import _
from .styles import Styles

log = logging.getLogger(__name__)

CROP_DPI = 220
"""Resolution the page is drawn at for a crop: at the width printed, letters keep
about the size they have on paper."""
MARGIN_X = 0.01
MARGIN_Y = 0.004
"""Page fractions added around the words' boxes, so no ascender or comma is cut (less
up and down, where the neighbouring lines are)."""
MAX_HEIGHT = 95 * mm


def is_scan_text(document: Document) -> bool:
    return OCR_FLAG in (document.flags or [])


def crops_for(
    session: Session, document: Document, objects: Any, start: int, end: int
) -> tuple[d.PageCrop, ...]:
    """One crop per page the characters start..end were read from (none for a text
    not read by OCR, or an original no longer in the store)."""
    if not is_scan_text(document) or document.original_sha256 is None:
        return ()
    path = objects.local_file(document.original_sha256)
    return tuple(
        d.PageCrop(
            original_path=path,
            media_type=document.media_type,
            page=region.page,
            left=max(0.0, region.left - MARGIN_X),
            top=max(0.0, region.top - MARGIN_Y),
            right=min(1.0, region.right + MARGIN_X),
            bottom=min(1.0, region.bottom + MARGIN_Y),
            original_sha256=document.original_sha256,
        )
        for region in span_regions(session, document.id, start, end)
    )


def ocr_citation_note(session: Session, document: Document) -> tuple[d.Segment, ...]:
    """What the citation adds for a scan: the text is OCR, by which engine, from what."""
    if not is_scan_text(document):
        return ()
    event = session.execute(
        select(Event)
        .where(Event.target == document.ref, Event.action == "ocr")
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar()
    how = ""
    if event is not None:
        detail = event.detail or {}
        languages = "+".join(detail.get("languages", []))
        how = f" ({detail.get('engine', 'OCR')} {detail.get('version', '')}; {languages})"
    corrected = " and corrected by hand" if "OCR text corrected" in (document.flags or []) else ""
    return (
        d.Segment(
            f" Text: OCR{how}{corrected}, read from the scanned original "
            f"(SHA-256 {document.original_sha256}); the scan is the evidence."
        ),
    )


def crop_image(crop: d.PageCrop, dpi: int = CROP_DPI) -> PILImage.Image:
    with open(crop.original_path, "rb") as handle:
        data = handle.read()
    page = render_page(data, crop.media_type, crop.page, dpi=dpi)
    width, height = page.size
    box = (
        round(crop.left * width),
        round(crop.top * height),
        round(crop.right * width),
        round(crop.bottom * height),
    )
    return page.crop(box)


def crop_flowables(crops: Sequence[d.PageCrop], styles: Styles, width: float) -> list[Flowable]:
    """Each crop, sized to print at the page's own scale (never larger than the
    column), with a line naming the page and the scan it comes from."""
    out: list[Flowable] = []
    for crop in crops:
        try:
            picture = crop_image(crop)
        except (OSError, ValueError) as exc:  # an original gone missing: say so, go on
            log.warning("no crop of %s page %s: %s", crop.original_sha256, crop.page + 1, exc)
            out.append(
                P(f"[The page image could not be drawn: {esc.text(str(exc))}]", styles.small)
            )
            continue
        buffer = io.BytesIO()
        framed = ImageOps.expand(picture.convert("L"), border=3, fill=140)  # set off from text
        framed.save(buffer, format="PNG", optimize=True)
        buffer.seek(0)
        natural_w = picture.width / CROP_DPI * 72  # points at the page's own scale
        natural_h = picture.height / CROP_DPI * 72
        scale = min(1.0, width / natural_w, MAX_HEIGHT / natural_h)
        image = Image(buffer, width=natural_w * scale, height=natural_h * scale)
        image.hAlign = "LEFT"
        label = P(
            _(
                "Scan, page {page}: the region this excerpt was read from by OCR "
                "(original SHA-256 {digest}…)"
            ).format(page=crop.page + 1, digest=crop.original_sha256[:16]),
            styles.small,
        )
        out.append(KeepTogether([image, label]))
    return out
