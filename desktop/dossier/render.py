"""Render a :class:`DossierData` to PDF bytes with ReportLab. No database, no Qt.

Layout runs in passes (ReportLab ``multiBuild``): the first pass measures page numbers
for the contents and the "page X of Y" footer, the last one draws. The contents are
primed with their titles and the first pass skips reading image files, so a typical
dossier costs one cheap and one full pass. The build only finishes when both the
contents and the page count are stable, so every printed page number is right.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from . import escape as esc
from . import glyphs, limits
from .context import Context
from .cross_refs import Refs
from .data import DossierData, source_digest
from .flowables import Heading, PageCount
from .fonts import FontError, FontSet, resolve_fonts
from .language import _
from .section_front import format_generated
from .story import build_story, check_sections
from .styles import MUTED, RULE, make_styles

__all__ = ["FontError", "RenderedDossier", "render", "render_report", "source_digest"]

Progress = Callable[[int, int], None]

PAPER = {"A4": A4, "LETTER": LETTER}
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm

# ReportLab keeps fonts and settings process-wide; one render at a time keeps them sane.
_render_lock = threading.Lock()


class _DossierDoc(BaseDocTemplate):
    """Doc template that wires headings to outline/contents and counts passes."""

    def __init__(
        self,
        buf: io.BytesIO,
        *,
        data: DossierData,
        fonts: FontSet,
        digest: str,
        page_count: PageCount,
        units: int,
        progress: Progress | None,
        reproducible: bool,
        pagesize: tuple[float, float],
    ) -> None:
        super().__init__(
            buf,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=_meta(data.title),
            author=_meta(data.compiler),
            subject=_meta(data.subject or data.selection or data.title),
            keywords=[_meta(k) for k in data.keywords[:50]],
            creator="Catena",
            invariant=1 if reproducible else 0,
            initialFontName=fonts.regular,
            lang=data.language,
            displayDocTitle=1,
        )
        self.data = data
        self.fonts = fonts
        self.digest = digest
        self.page_count = page_count
        self.units = units
        self.progress = progress
        self.pass_no = 0
        self.units_done = 0
        self._reported = 0
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate)])

    # Passes --------------------------------------------------------------------------

    @property
    def draft(self) -> bool:
        """True in the first pass, which is never the last (see ``PageCount``)."""
        return self.pass_no == 1

    def build(self, flowables: list[Flowable], **kw: Any) -> None:
        self.pass_no += 1
        self.units_done = 0
        super().build(flowables, **kw)

    def beforeDocument(self) -> None:
        self.canv.showOutline()  # open the bookmarks panel: the outline is the index

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Heading) or flowable.anchor is None:
            return
        if flowable.outline_level is not None:
            self.canv.addOutlineEntry(
                flowable.plain, flowable.anchor, flowable.outline_level, closed=True
            )
        if flowable.toc_level is not None:
            self.notify(
                "TOCEntry", (flowable.toc_level, flowable.toc_markup, self.page, flowable.anchor)
            )
        if flowable.progress_unit:
            self.units_done += 1
            self._report()

    def afterPage(self) -> None:
        self.page_count.count = self.page

    def _report(self) -> None:
        if self.progress is None or self.units == 0:
            return
        total = 2 * self.units + 1
        done = min((self.pass_no - 1) * self.units + self.units_done, total - 1)
        if done > self._reported:
            self._reported = done
            self.progress(done, total)

    def finish_progress(self) -> None:
        if self.progress is not None:
            total = 2 * self.units + 1
            self.progress(total, total)

    # Page decoration -----------------------------------------------------------------

    def _decorate(self, canv: Any, doc: BaseDocTemplate) -> None:
        """Header (title, generation date) and footer (title, digest, page X of Y) on
        every page."""
        width, height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        font, size = self.fonts.regular, 7.5
        canv.saveState()
        canv.setFont(font, size)
        canv.setFillColor(MUTED)
        generated = _("Generated {time}").format(time=format_generated(self.data))
        top = height - MARGIN_TOP + 9 * mm
        room = right - left - canv.stringWidth(generated, font, size) - 12
        title = esc.clean(esc.shorten(self.data.title, limits.TITLE_CHARS)).replace("\n", " ")
        glyphs.draw_string(canv, left, top, _fit(title, font, size, room), font, size)
        canv.drawRightString(right, top, generated)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(left, top - 3, right, top - 3)
        bottom = MARGIN_BOTTOM - 10 * mm
        canv.line(left, bottom + 9, right, bottom + 9)
        total = self.page_count.last
        page_text = _("page {page} of {pages}").format(
            page=self.page, pages=total if total is not None else "?"
        )
        canv.drawRightString(right, bottom, page_text)
        # The footer names the dossier, as a photocopied page must say what it belongs
        # to; the catalogue's folder name is the compiler's filing, not the document's.
        tail = _(" · Catena dossier · source SHA-256 {digest}…").format(digest=self.digest[:16])
        room = right - left - canv.stringWidth(page_text, font, size) - 12
        room -= glyphs.string_width(tail, font, size)  # a long title gives way, not the digest
        footer_left = _fit(title, font, size, room) + tail
        glyphs.draw_string(canv, left, bottom, footer_left, font, size)
        canv.restoreState()


def _meta(value: str) -> str:
    """Plain text for the PDF's document information, cut like any printed field."""
    return esc.clean(esc.shorten(value, limits.METADATA_CHARS))


def _fit(value: str, font: str, size: float, room: float) -> str:
    """Shorten plain text with an ellipsis to fit ``room`` points (header/footer lines)."""
    if glyphs.string_width(value, font, size) <= room:
        return value
    lo, hi = 0, len(value)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if glyphs.string_width(value[:mid] + "…", font, size) <= room:
            lo = mid
        else:
            hi = mid - 1
    return value[:lo].rstrip() + "…"


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write image and content streams in binary, not ASCII85 (ReportLab's default).

    ASCII85 inflates every embedded JPEG by a quarter and costs time for nothing: the
    PDF is a binary file anyway. Restored afterwards because the setting is global.
    """
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


@dataclass(frozen=True)
class RenderedDossier:
    """The PDF and the lines naming characters it could not print exactly."""

    pdf: bytes
    warnings: tuple[str, ...]
    source_digest: str  # of ``data`` (:func:`source_digest`), as printed in the PDF


def render(
    data: DossierData,
    *,
    reproducible: bool = False,
    progress: Progress | None = None,
) -> bytes:
    """Render the dossier and return the PDF bytes (see :func:`render_report`)."""
    return render_report(data, reproducible=reproducible, progress=progress).pdf


def render_report(
    data: DossierData,
    *,
    reproducible: bool = False,
    progress: Progress | None = None,
) -> RenderedDossier:
    """Render the dossier; return the PDF and the glyph warnings it also prints.

    ``reproducible`` fixes the PDF's creation date and document ID (ReportLab's
    invariant mode), so the same data gives byte-identical output — the generation
    date printed on the pages comes from ``data.generated_at`` either way.
    ``progress(done, total)`` is called as sections, documents and plates are laid out.
    Characters no bundled font has, and right-to-left letters (printed in stored
    order, unjoined), are listed in ``warnings`` and in the fixity appendix
    (:mod:`.glyphs`). Raises :class:`FontError` if no font covering the required
    scripts is found, and ``ValueError`` for unknown section names or paper sizes.
    """
    check_sections(data.sections)
    pagesize = PAPER.get(data.paper.upper())
    if pagesize is None:
        raise ValueError(f"unknown paper size {data.paper!r}; use one of {', '.join(PAPER)}")
    with _render_lock, _binary_streams():
        fonts = resolve_fonts()
        digest = source_digest(data)
        with glyphs.fallback_for(fonts) as fallbacks:
            warnings = tuple(glyphs.report(data, fallbacks))
            pdf = _render(data, fonts, digest, warnings, pagesize, reproducible, progress)
        return RenderedDossier(pdf, warnings, digest)


def _render(
    data: DossierData,
    fonts: FontSet,
    digest: str,
    warnings: tuple[str, ...],
    pagesize: tuple[float, float],
    reproducible: bool,
    progress: Progress | None,
) -> bytes:
    """One layout of the story (fonts and fallbacks already chosen)."""
    styles = make_styles(fonts)
    width = pagesize[0] - 2 * MARGIN_X
    height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
    ctx = Context(data, styles, Refs.build(data), width, height, digest, glyph_notes=warnings)
    story, units = build_story(ctx)
    page_count = PageCount()
    story.insert(0, page_count)
    buf = io.BytesIO()
    doc = _DossierDoc(
        buf,
        data=data,
        fonts=fonts,
        digest=digest,
        page_count=page_count,
        units=units,
        progress=progress,
        reproducible=reproducible,
        pagesize=pagesize,
    )
    doc.multiBuild(story, maxPasses=6)
    doc.finish_progress()
    return buf.getvalue()
