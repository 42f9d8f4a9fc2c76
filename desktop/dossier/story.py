"""Turn :class:`DossierData` into a list of ReportLab flowables, one builder per section.

Everything that prints catalogue text goes through :mod:`.escape`; markup literals in
this module contain only tags and generated anchor names. Content ReportLab cannot
split across pages (table cells, headings, captions) is shortened with an explicit
"[n more characters]" note, and long running text is cut into paragraphs of bounded
size, so no catalogue value can cause a ``LayoutError``.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from . import appendix, bidi, glyphs, limits, lines
from . import escape as esc
from .data import (
    SECTION_NAMES,
    Citation,
    DocumentEntry,
    DossierData,
    Excerpt,
    FigureComparison,
    FigureValue,
    Pinpoint,
    TaggedSpan,
)
from .styles import LINK, MUTED, RULE, SHADE, Styles, TagStyle, tag_style

log = logging.getLogger(__name__)

# Limits that keep every flowable printable (see module docstring).
HEADING_LIMIT = 240
CELL_LIMIT = 1500
QUOTE_LIMIT = 600
CAPTION_LIMIT = 1200
CHUNK_CHARS = 6000  # running text longer than this is cut into several paragraphs
EXCERPT_LIMIT = 30000  # longer excerpt contexts show windows around the tagged spans
WINDOW_CONTEXT = 1500  # characters kept either side of a span in such windows
EXCERPT_BUDGET = 60000  # at most this many characters of one excerpt are printed
TABLE_CHUNK_ROWS = 60  # long tables are cut into tables of this many rows


# ----------------------------------------------------------------- cross-references


@dataclass
class Refs:
    """Generated anchor names for documents and excerpts, keyed by the builder's keys.

    Anchors exist only when the documents section is printed; ``linkable`` tells the
    other sections whether they may link or must cite in plain text.
    """

    linkable: bool
    doc_number: dict[str, int] = field(default_factory=dict)
    doc_by_key: dict[str, DocumentEntry] = field(default_factory=dict)
    excerpt_anchor: dict[str, str] = field(default_factory=dict)
    excerpt_by_key: dict[str, tuple[DocumentEntry, int, Excerpt]] = field(default_factory=dict)

    @classmethod
    def build(cls, data: DossierData) -> Refs:
        refs = cls(linkable="documents" in data.sections)
        counter = 0
        for n, doc in enumerate(data.documents, start=1):
            refs.doc_number.setdefault(doc.key, n)
            refs.doc_by_key.setdefault(doc.key, doc)
            for i, ex in enumerate(doc.excerpts, start=1):
                if ex.key in refs.excerpt_by_key:
                    continue  # first occurrence wins; a key names one passage
                counter += 1
                refs.excerpt_anchor[ex.key] = f"x{counter}"
                refs.excerpt_by_key[ex.key] = (doc, i, ex)
        return refs

    @staticmethod
    def doc_anchor(number: int) -> str:
        return f"d{number}"

    def doc_label(self, key: str | None, fallback: str | None = None) -> str:
        """Escaped markup naming a document, linked to it when possible."""
        if key is not None and key in self.doc_by_key:
            n = self.doc_number[key]
            label = f"[D{n}] {esc.text(esc.shorten(self.doc_by_key[key].short_title, 160))}"
            if self.linkable:
                return f'<a href="#{self.doc_anchor(n)}" color="{_hex(LINK)}">{label}</a>'
            return label
        return esc.text(esc.shorten(fallback, 300)) if fallback else "—"

    def excerpt_label(self, key: str | None, fallback: str | None = None) -> str:
        """Escaped markup citing an excerpt ("[D3] Title, p. 4, chars 120–187"), linked."""
        if key is not None and key in self.excerpt_by_key:
            doc, _, ex = self.excerpt_by_key[key]
            n = self.doc_number[doc.key]
            label = (
                f"[D{n}] {esc.text(esc.shorten(doc.short_title, 160))}, "
                f"{esc.text(pinpoint_text(ex.pinpoint))}"
            )
            if self.linkable:
                anchor = self.excerpt_anchor[key]
                return f'<a href="#{anchor}" color="{_hex(LINK)}">{label}</a>'
            return label
        if fallback:
            return esc.text(esc.shorten(fallback, 300))
        return "(passage not included in this dossier)"


def _hex(color: colors.Color) -> str:
    """A colour as "#rrggbb" for markup attributes."""
    return "#" + color.hexval()[2:]


def pinpoint_text(p: Pinpoint) -> str:
    """Plain pinpoint: page for PDF originals, paragraph otherwise, then the chars."""
    parts = []
    if p.page is not None:
        parts.append(f"p. {p.page}")
    elif p.paragraph is not None:
        parts.append(f"para. {p.paragraph}")
    parts.append(f"chars {p.char_start}–{p.char_end}")
    return ", ".join(parts)


# ----------------------------------------------------------------------- flowables


class P(Paragraph):
    """A Paragraph that remembers its line breaking per width.

    Layout runs in two passes and ReportLab re-breaks a paragraph every time anything
    measures it (frames, tables, keep-together groups): several times per pass. The
    result depends only on the width, so it is kept and reused, which roughly halves
    the time of a long dossier. Pieces made by ``split`` are new objects and break
    their own lines.
    """

    _STATE = ("blPara", "width", "height", "_wrapWidths", "_width_max")

    _catena_base: int | None = None  # direction of the whole paragraph (see .lines)

    def __init__(self, text: object, *args: object, **kwargs: object) -> None:
        # Every paragraph gets fonts for the characters the base family lacks.
        if isinstance(text, str):
            style = args[0] if args else kwargs.get("style")
            bold = glyphs.is_bold(str(getattr(style, "fontName", "")))
            self._catena_base = glyphs.direction(text)
            text = glyphs.with_fallback(text, bold=bold)
        super().__init__(text, *args, **kwargs)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for part in parts:  # the tail of a right-to-left paragraph stays right-to-left
            part._catena_base = self._catena_base
        return parts

    def drawPara(self, debug: int = 0) -> None:
        with lines.visual(self, self._catena_base):
            super().drawPara(debug)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cache = self.__dict__.get("_catena_wrap")
        if cache is not None and cache[0] == availWidth:
            for name, value in zip(self._STATE, cache[1:], strict=True):
                if value is not _MISSING:
                    setattr(self, name, value)
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        if availWidth >= 1:  # ReportLab's "cannot fit" answer is not worth keeping
            self._catena_wrap = (availWidth, *(getattr(self, n, _MISSING) for n in self._STATE))
        return result


_MISSING = object()


class Heading(P):
    """A heading that registers itself in the outline and (optionally) the contents.

    The doc template's ``afterFlowable`` reads these attributes; they are plain text
    (outline) and escaped markup (contents), both produced here from catalogue text.
    """

    def __init__(
        self,
        text: str,
        style: object = None,
        *args: object,
        plain: str = "",
        anchor: str | None = None,
        outline_level: int | None = None,
        toc_level: int | None = None,
        toc_markup: str | None = None,
        progress_unit: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.plain = plain
        self.anchor = anchor
        self.outline_level = outline_level
        self.toc_level = toc_level
        self.toc_markup = toc_markup
        self.progress_unit = progress_unit


def heading(
    title: str,
    style: object,
    *,
    anchor: str,
    outline_level: int | None,
    toc_level: int | None,
    prefix: str = "",
    progress_unit: bool = False,
) -> Heading:
    """Build a :class:`Heading` from catalogue text; ``prefix`` is renderer text."""
    short = esc.clean(esc.shorten(title, HEADING_LIMIT)).replace("\n", " ")
    markup = esc.text(prefix + short)
    return Heading(
        f'<a name="{anchor}"/>{markup}',
        style,
        plain=esc.shorten(prefix + short, 180),
        anchor=anchor,
        outline_level=outline_level,
        toc_level=toc_level,
        toc_markup=glyphs.with_fallback(esc.text(bidi.display(prefix + short))),
        progress_unit=progress_unit,
    )


class PrimedContents(TableOfContents):
    """A table of contents that knows its entries before the first pass.

    The titles are known from the data; only page numbers are not. Priming the entries
    (with page 0) gives the first pass a contents of its final size, so page numbers
    settle in two passes instead of three.
    """

    def __init__(self, entries: Sequence[tuple[int, str, int, str]], **kw: object) -> None:
        super().__init__(**kw)
        self._entries = list(entries)


class PageCount(Flowable):
    """Zero-size indexing flowable that keeps passes going until the page count is stable.

    The footer prints "page X of Y" with Y from the previous pass; the build is only
    accepted when that Y equals this pass's count, so the final PDF is always right.
    """

    _ZEROSIZE = 1

    def __init__(self) -> None:
        super().__init__()
        self.count: int | None = None
        self.last: int | None = None

    def isIndexing(self) -> int:
        return 1

    def beforeBuild(self) -> None:
        self.last, self.count = self.count, None

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self.count is not None and self.count == self.last

    def notify(self, kind: str, stuff: object) -> None:
        pass

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


_EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class ImageInfo:
    """What the plate needs to know about a stored image without decoding it."""

    path: str
    width: int  # pixels as stored
    height: int
    orientation: int  # EXIF orientation 1–8 (1 = as stored)

    @property
    def display_size(self) -> tuple[int, int]:
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height


def probe_image(path: Path | str) -> ImageInfo:
    """Read size and EXIF orientation from the file header (no pixel decoding)."""
    with PILImage.open(path) as im:
        width, height = im.size
        orientation = 1
        try:
            orientation = int(im.getexif().get(_EXIF_ORIENTATION, 1) or 1)
        except (ValueError, TypeError, OSError, SyntaxError):  # malformed EXIF
            orientation = 1
        if orientation not in range(1, 9):
            orientation = 1
    return ImageInfo(str(path), width, height, orientation)


# (a, b, c, d, e, f) in units of the stored width w and height h: maps the stored image
# onto the upright picture, so JPEGs are embedded byte for byte (never re-encoded) and
# still print the right way up.
def _orientation_matrix(o: int, w: float, h: float) -> tuple[float, ...]:
    return {
        1: (1, 0, 0, 1, 0, 0),
        2: (-1, 0, 0, 1, w, 0),
        3: (-1, 0, 0, -1, w, h),
        4: (1, 0, 0, -1, 0, h),
        5: (0, -1, -1, 0, h, w),
        6: (0, -1, 1, 0, 0, w),
        7: (0, 1, 1, 0, 0, 0),
        8: (0, 1, -1, 0, h, 0),
    }[o]


class PlateFigure(Flowable):
    """An image scaled to the space left in the frame (aspect kept), captions below.

    Refuses to squeeze the picture into a page's leftover bottom: below
    ``min_fraction`` of the frame height it asks for the next page instead.
    """

    def __init__(
        self, info: ImageInfo, captions: list[Paragraph], min_fraction: float = 0.45
    ) -> None:
        super().__init__()
        self.info = info
        self.captions = captions
        self.min_fraction = min_fraction
        self._img_w = self._img_h = 0.0
        self._cap_heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._cap_heights = [p.wrap(availWidth, availHeight)[1] for p in self.captions]
        caption_h = sum(self._cap_heights) + 8
        frame_h = self._frame_height(availHeight)
        room = availHeight - caption_h
        dw, dh = self.info.display_size
        scale = min(availWidth / dw, max(room, 1) / dh)
        if room < self.min_fraction * frame_h:
            # Too little room: report a height that does not fit so Platypus moves on.
            self._img_w, self._img_h = dw * scale, dh * scale
            return availWidth, availHeight + 1
        self._img_w, self._img_h = dw * scale, dh * scale
        self.width = availWidth
        self.height = self._img_h + caption_h
        return self.width, self.height

    def _frame_height(self, fallback: float) -> float:
        frame = self._doctemplateAttr("frame")
        return float(getattr(frame, "_height", fallback) or fallback)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        y = self.height - self._img_h
        doc = getattr(canv, "_doctemplate", None)
        draft = bool(getattr(doc, "draft", False))
        x0 = (self.width - self._img_w) / 2
        if not draft:  # the first pass only measures: no need to read megabytes of JPEG
            w, h = self.info.width, self.info.height
            dw, _ = self.info.display_size
            canv.saveState()
            canv.translate(x0, y)
            canv.scale(self._img_w / dw, self._img_w / dw)
            canv.transform(*_orientation_matrix(self.info.orientation, w, h))
            canv.drawImage(self.info.path, 0, 0, w, h, mask="auto")
            canv.restoreState()
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.rect(x0, y, self._img_w, self._img_h)
        canv.restoreState()
        cy = y - 8
        for p, h in zip(self.captions, self._cap_heights, strict=True):
            cy -= h
            p.drawOn(canv, 0, cy)


# ------------------------------------------------------------------------- helpers


def citation_markup(citation: Citation | object) -> str:
    """Escaped markup of pre-formatted citation segments (italic/bold kept).

    Accepts this package's ``Segment`` tuples and, by duck typing, any object with a
    ``segments`` attribute (e.g. the formatter's ``Citation``) or any sequence of
    objects with ``text`` and ``italic`` (and optionally ``bold``).
    """
    segments = getattr(citation, "segments", citation)
    out = []
    for seg in segments:  # type: ignore[attr-defined]
        piece = esc.text(esc.shorten(seg.text, limits.SEGMENT_CHARS))
        if getattr(seg, "italic", False):
            piece = f"<i>{piece}</i>"
        if getattr(seg, "bold", False):
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


def fmt_number(value: float) -> str:
    """1000 → "1,000"; 12.5 → "12.5" (no scientific notation, no trailing zeros)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def figure_text(v: FigureValue) -> str:
    """A value as a reader would say it: "487", "about 1,000", "480–490"."""
    if v.upper_value is not None and v.upper_value != v.value:
        core = f"{fmt_number(v.value)}–{fmt_number(v.upper_value)}"
        qualifier = "" if v.qualifier in ("exact", "range") else v.qualifier
    else:
        core = fmt_number(v.value)
        qualifier = "" if v.qualifier in ("exact", "range") else v.qualifier
    return f"{qualifier} {core}".strip()


def describe_agreement(values: Sequence[FigureValue]) -> str:
    """Neutral sentence comparing sources: agreement or the spread, never a verdict.

    Values are grouped by how they read ("about 500" and "500" differ); each group
    counts distinct source documents; groups are listed by value, smallest first, so
    the order implies no preference.
    """
    groups: dict[str, tuple[tuple[float, float, str], set[str]]] = {}
    for v in values:
        text = figure_text(v)
        sort_key = (v.value, v.upper_value if v.upper_value is not None else v.value, text)
        groups.setdefault(text, (sort_key, set()))[1].add(v.document_key)
    if not groups:
        return "No source gives this figure."
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    sources = {v.document_key for v in values}

    def count(n: int) -> str:
        return f"{n} source" if n == 1 else f"{n} sources"

    if len(ordered) == 1:
        text = ordered[0][0]
        if len(sources) == 1:
            return f"1 source gives this figure: {text}."
        return f"{len(sources)} sources agree: {text}."
    parts = [f"{text} ({count(len(docs))})" for text, (_, docs) in ordered]
    return "Sources differ: " + ", ".join(parts) + "."


def table_style(styles: Styles, commands: Sequence[tuple]) -> TableStyle:
    """A TableStyle whose cell font is the dossier's: ReportLab's default is Helvetica,
    set on the canvas for every cell even when the cell holds a Paragraph, which would
    put a non-embedded Latin-1 font into the PDF."""
    return TableStyle([("FONT", (0, 0), (-1, -1), styles.body.fontName, 8), *commands])


def _rows_table(
    header: list[str],
    rows: list[list[Flowable | str]],
    widths: list[float],
    styles: Styles,
    *,
    group: int = 1,
    group_style: Callable[[int], list[tuple]] | None = None,
) -> list[Flowable]:
    """Tables of at most ``TABLE_CHUNK_ROWS`` rows, each repeating the header row.

    Splitting one huge Table is quadratic in ReportLab; a series of moderate tables
    prints the same and stays linear. ``group`` rows form one record: they are ruled
    off together, never split across pages, and ``group_style(first_row)`` may add
    commands (spans) for each record.
    """
    head = [P(h, styles.cell_head) for h in header]
    base = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    per_table = max(group, TABLE_CHUNK_ROWS - TABLE_CHUNK_ROWS % group)
    out: list[Flowable] = []
    for start in range(0, len(rows), per_table):
        chunk = rows[start : start + per_table]
        commands = list(base)
        for first in range(1, len(chunk) + 1, group):
            last = min(first + group - 1, len(chunk))
            commands.append(("LINEBELOW", (0, last), (-1, last), 0.25, RULE))
            if group > 1:
                commands.append(("NOSPLIT", (0, first), (-1, last)))
            if group_style is not None:
                commands += group_style(first)
        out.append(
            Table(
                [head, *chunk],
                colWidths=widths,
                repeatRows=1,
                hAlign="LEFT",
                style=table_style(styles, commands),
            )
        )
    if out:
        out.append(Spacer(1, 6))
    return out


def _chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into ranges of at most ``limit`` chars, preferring sentence ends."""
    out = []
    pos = 0
    n = len(text)
    while n - pos > limit:
        window = text[pos : pos + limit]
        cut = -1
        for pattern in ("\n", ". ", "; ", ", ", " "):
            i = window.rfind(pattern, int(limit * 0.5))
            if i != -1:
                cut = i + len(pattern)
                break
        if cut <= 0:
            cut = limit
        out.append((pos, pos + cut))
        pos += cut
    out.append((pos, n))
    return out


def running_text(value: str, style: object) -> list[Paragraph]:
    """Paragraphs for long catalogue text: blank lines separate paragraphs, and any
    paragraph above ``CHUNK_CHARS`` is cut so no single Paragraph gets unwieldy."""
    out: list[Paragraph] = []
    for block in re.split(r"\n\s*\n", esc.clean(esc.shorten(value, limits.TEXT_CHARS))):
        if not block.strip():
            continue
        for a, b in _chunks(block, CHUNK_CHARS):
            out.append(P(esc.lines(block[a:b]), style))
    return out


# ------------------------------------------------------------------ excerpt marking


def _valid_spans(text: str, spans: Sequence[TaggedSpan]) -> list[TaggedSpan]:
    n = len(text)
    good = []
    for s in spans:
        start, end = max(0, int(s.start)), min(n, int(s.end))
        if start < end:
            good.append(TaggedSpan(start, end, s.kind, s.label))
        else:
            log.warning("dropping tag span %s–%s outside excerpt of %s chars", s.start, s.end, n)
    return good


def _windows(text: str, spans: Sequence[TaggedSpan]) -> list[tuple[int, int]]:
    """Ranges of the excerpt to print: all of it, or context windows around the spans."""
    n = len(text)
    if n <= EXCERPT_LIMIT:
        return [(0, n)]
    if not spans:
        return [(0, min(n, EXCERPT_BUDGET // 2))]
    ranges = sorted(
        (max(0, s.start - WINDOW_CONTEXT), min(n, s.end + WINDOW_CONTEXT)) for s in spans
    )
    merged: list[list[int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, used = [], 0
    for a, b in merged:
        if used >= EXCERPT_BUDGET:
            break
        b = min(b, a + EXCERPT_BUDGET - used)
        out.append((a, b))
        used += b - a
    return out


def _marked(text: str, a: int, b: int, spans: Sequence[TaggedSpan]) -> str:
    """Markup for text[a:b] with tag highlights; span ends get their marker letter."""
    points = {a, b}
    for s in spans:
        if a < s.start < b:
            points.add(s.start)
        if a < s.end < b:
            points.add(s.end)
    cuts = sorted(points)
    out = []
    for p, q in itertools.pairwise(cuts):
        piece = esc.lines(text[p:q])
        active = [s for s in spans if s.start <= p and s.end >= q]
        if active:
            inner = min(active, key=lambda s: s.end - s.start)
            st = tag_style(inner.kind)
            piece = f'<span backColor="{st.tint}"><u {st.underline}>{piece}</u></span>'
        out.append(piece)
        for s in spans:
            if s.end == q:
                out.append(_marker(tag_style(s.kind).marker))
    return "".join(out)


def _marker(letter: str) -> str:
    return f'<super><font color="{_hex(MUTED)}">{esc.text(letter)}</font></super>'


def excerpt_flowables(ex: Excerpt, styles: Styles) -> list[Flowable]:
    """The quoted context of an excerpt, highlighted, split into safe paragraphs."""
    text = esc.clean(ex.text)
    spans = _valid_spans(text, ex.spans)
    out: list[Flowable] = []
    windows = _windows(text, spans)
    prev_end = 0
    for a, b in windows:
        if a > prev_end:
            out.append(P(f"[… {a - prev_end:,} characters omitted …]", styles.small))
        for ca, cb in _chunks(text[a:b], CHUNK_CHARS):
            style = styles.quote if not out else styles.quote_cont
            out.append(P(_marked(text, a + ca, a + cb, spans), style))
        prev_end = b
    if prev_end < len(text):
        out.append(
            P(
                f"[… {len(text) - prev_end:,} further characters of this excerpt not printed; "
                "see the original at the pinpoint above …]",
                styles.small,
            )
        )
    labelled = []
    seen = set()
    for s in spans:
        if s.label and (s.kind, s.label) not in seen:
            seen.add((s.kind, s.label))
            st = tag_style(s.kind)
            labelled.append(
                f"<b>{esc.text(st.marker)}</b>&nbsp;{esc.text(st.label)}: "
                f"{esc.text(esc.shorten(s.label, 200))}"
            )
    if labelled:
        out.append(P("Tags read as: " + "; ".join(labelled), styles.small))
    return out


# ------------------------------------------------------------------------ sections


@dataclass
class Context:
    """Shared state of one story build."""

    data: DossierData
    styles: Styles
    refs: Refs
    width: float  # frame width in points
    frame_height: float
    digest: str
    section_number: int = 0
    glyph_notes: tuple[str, ...] = ()  # characters that could not be printed exactly


def _section_heading(ctx: Context, title: str, *, toc: bool = True) -> Heading:
    ctx.section_number += 1
    return heading(
        title,
        ctx.styles.h1,
        anchor=f"s{ctx.section_number}",
        outline_level=0,
        toc_level=0 if toc else None,
        progress_unit=True,
    )


def _none(ctx: Context, what: str) -> Paragraph:
    return P(esc.text(what), ctx.styles.body)


def format_generated(data: DossierData) -> str:
    """Generation time as printed: "2024-05-01 14:03 UTC" (no seconds, zone if known)."""
    g = data.generated_at
    stamp = g.strftime("%Y-%m-%d %H:%M")
    zone = g.tzname() if g.tzinfo else None
    return f"{stamp} {zone}" if zone else stamp


def section_cover(ctx: Context) -> list[Flowable]:
    d, st = ctx.data, ctx.styles
    n_excerpts = sum(len(doc.excerpts) for doc in d.documents)
    counts = ", ".join(
        f"{n:,} {word if n == 1 else plural}"
        for n, word, plural in (
            (len(d.documents), "document", "documents"),
            (n_excerpts, "excerpt", "excerpts"),
            (len(d.witnesses), "person", "persons"),
            (len(d.chronology), "dated event", "dated events"),
            (len(d.figures), "compared figure", "compared figures"),
            (len(d.plates), "plate", "plates"),
        )
    )
    rows = [
        ("Compiled by", d.compiler),
        ("Generated", format_generated(d)),
        ("Catalogue", d.catalogue_name),
        ("Selection", d.selection),
        ("Extent", counts),
    ]
    table_rows = [
        [P(esc.text(k), st.cell_head), P(esc.lines(esc.shorten(v, CELL_LIMIT)), st.cover_meta)]
        for k, v in rows
        if v
    ]
    table_rows.append(
        [
            P("Source digest (SHA-256)", st.cell_head),
            P(esc.text(ctx.digest), st.cell_mono),
        ]
    )
    out: list[Flowable] = [
        heading(
            d.title, st.title, anchor="cover", outline_level=0, toc_level=None, progress_unit=True
        ),
    ]
    if d.subtitle:
        out.append(P(esc.text(esc.shorten(d.subtitle, 600)), st.subtitle))
    else:
        out.append(Spacer(1, 18))
    out.append(
        Table(
            table_rows,
            colWidths=[ctx.width * 0.27, ctx.width * 0.73],
            hAlign="LEFT",
            style=table_style(
                st,
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ],
            ),
        )
    )
    out.append(Spacer(1, 18))
    out.append(
        P(
            "Every quotation reproduces the text stored in the catalogue exactly; "
            "omissions are marked […]. Each excerpt carries a pinpoint: the page of a PDF "
            "original or the paragraph number of other originals, and the character range "
            "in the stored text (zero-based, end-exclusive). The appendix lists the SHA-256 "
            "of every original and of this dossier's source data, so each line can be "
            "checked against the files themselves.",
            st.small,
        )
    )
    return out


def section_contents(ctx: Context, entries: list[tuple[int, str, int, str]]) -> list[Flowable]:
    toc = PrimedContents(
        entries,
        levelStyles=list(ctx.styles.toc),
        tableStyle=table_style(
            ctx.styles,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
        dotsMinLevel=0,
        rightColumnWidth=40,
    )
    return [_section_heading(ctx, "Contents", toc=False), toc]


def section_documents(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [_section_heading(ctx, "Documents")]
    if not ctx.data.documents:
        return [*out, _none(ctx, "No documents in this selection.")]
    out += legend(ctx)
    for n, doc in enumerate(ctx.data.documents, start=1):
        out += document_block(ctx, n, doc)
    return out


def document_block(ctx: Context, n: int, doc: DocumentEntry) -> list[Flowable]:
    """One document: heading, citation, metadata, excerpts with pinpoints, notes.

    The head is kept on the same page as the start of the first excerpt, so a page
    never ends on a document's title and metadata alone.
    """
    st, refs = ctx.styles, ctx.refs
    head: list[Flowable] = [
        heading(
            doc.short_title,
            st.h2,
            prefix=f"[D{n}] ",
            anchor=refs.doc_anchor(n),
            outline_level=1,
            toc_level=1,
            progress_unit=True,
        )
    ]
    if doc.citation:
        head.append(P(citation_markup(doc.citation), st.citation))
    meta = [
        ("Reference code", doc.reference_code),
        ("Type", doc.doc_type),
        ("Publisher", doc.publisher),
        ("Date", doc.date),
        ("Dateline", doc.dateline),
        ("URL", doc.url),
    ]
    rows = [
        [P(k, st.cell_head), P(esc.text(esc.shorten(v, CELL_LIMIT)), st.cell)] for k, v in meta if v
    ]
    if rows:
        head.append(
            Table(
                rows,
                colWidths=[ctx.width * 0.2, ctx.width * 0.8],
                hAlign="LEFT",
                style=table_style(
                    st,
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ],
                ),
            )
        )
    body: list[Flowable] = []
    for i, ex in enumerate(doc.excerpts, start=1):
        anchor = refs.excerpt_anchor.get(ex.key)
        name = f'<a name="{anchor}"/>' if anchor and refs.excerpt_by_key[ex.key][2] is ex else ""
        body.append(P(f"{name}Excerpt {i} · {esc.text(pinpoint_text(ex.pinpoint))}", st.pinpoint))
        body += excerpt_flowables(ex, st)
        if ex.note:
            body += running_text("Note: " + ex.note, st.small)
    if doc.notes:
        body.append(P("Notes", st.h3))
        for note in doc.notes:
            body += running_text(note, st.body)
    keep = 2 if doc.excerpts else 0  # pinpoint line + first paragraph of the quote
    return [
        CondPageBreak(90),
        KeepTogether(head + body[:keep]),
        *body[keep:],
        Spacer(1, 10),
    ]


def legend(ctx: Context) -> list[Flowable]:
    """Key to the excerpt marks, for the tag kinds that occur in this dossier."""
    st = ctx.styles
    seen_styles: dict[str, TagStyle] = {}
    for doc in ctx.data.documents:
        for ex in doc.excerpts:
            for s in ex.spans:
                ts = tag_style(s.kind)
                seen_styles.setdefault(ts.label, ts)
    if not seen_styles:
        return []
    cells = []
    for ts in seen_styles.values():
        sample = (
            f'<span backColor="{ts.tint}"><u {ts.underline}>{esc.text(ts.label)}</u></span>'
            f"{_marker(ts.marker)}"
        )
        cells.append(P(f"{sample}&nbsp; {esc.text(ts.described)}", st.cell))
    per_row = 3
    grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    for row in grid:
        row += [P("", st.cell)] * (per_row - len(row))
    return [
        P(
            "Key to marks in excerpts. Tagged words are underlined and followed by a small "
            "letter naming the kind of tag, so the marks survive greyscale printing; the "
            "tint is an aid on screen only.",
            st.small,
        ),
        Table(
            grid,
            colWidths=[ctx.width / per_row] * per_row,
            hAlign="LEFT",
            style=table_style(
                st,
                [
                    ("BOX", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ],
            ),
        ),
        Spacer(1, 8),
    ]


def section_witnesses(ctx: Context) -> list[Flowable]:
    st, refs = ctx.styles, ctx.refs
    out: list[Flowable] = [_section_heading(ctx, "Witness index")]
    if not ctx.data.witnesses:
        return [*out, _none(ctx, "No persons are tagged in this selection.")]
    for w in ctx.data.witnesses:
        head = f"<b>{esc.text(esc.shorten(w.name, HEADING_LIMIT))}</b>"
        if w.roles:
            head += f" — {esc.text(esc.shorten(', '.join(w.roles), limits.NAME_CHARS))}"
        block: list[Flowable] = [P(head, st.h3)]
        if w.variants:
            block.append(
                P(
                    "Also written: "
                    + "; ".join(
                        f"<i>{esc.text(esc.shorten(v, limits.NAME_CHARS))}</i>" for v in w.variants
                    ),
                    st.small,
                )
            )
        if w.description:
            block.append(P(esc.text(esc.shorten(w.description, CELL_LIMIT)), st.small))
        if not w.passages:
            block.append(P("No passages in this dossier.", st.small))
        items = []
        for p in w.passages:
            line = "→ " + refs.excerpt_label(p.excerpt_key)
            if p.role:
                line += f" ({esc.text(esc.shorten(p.role, limits.NAME_CHARS))})"
            if p.quote:
                line += f" — “{esc.text(esc.shorten(p.quote, QUOTE_LIMIT))}”"
            items.append(P(line, st.hanging))
        # Keep the name with its first passages; longer lists flow on.
        out.append(KeepTogether(block + items[:2]))
        out += items[2:]
    return out


def section_chronology(ctx: Context) -> list[Flowable]:
    st, refs = ctx.styles, ctx.refs
    out: list[Flowable] = [_section_heading(ctx, "Chronology")]
    if not ctx.data.chronology:
        return [*out, _none(ctx, "No dates are accepted in this selection.")]
    rows = []
    for e in ctx.data.chronology:
        rows.append(
            [
                P(
                    f"<b>{esc.text(esc.shorten(e.readable, 200))}</b><br/>"
                    f'<font size="7.5" color="{_hex(MUTED)}">'
                    f"EDTF {esc.text(esc.shorten(e.edtf, 120))}</font>",
                    st.cell,
                ),
                P(esc.text(esc.shorten(e.what or "", CELL_LIMIT)), st.cell),
                P(refs.excerpt_label(e.excerpt_key, e.source), st.cell),
            ]
        )
    w = ctx.width
    return out + _rows_table(
        ["Date", "What happened", "Source"], rows, [w * 0.22, w * 0.46, w * 0.32], st
    )


def _figure_rows(ctx: Context, fig: FigureComparison) -> list[list[Flowable]]:
    st, refs = ctx.styles, ctx.refs
    indexed = list(enumerate(fig.values))
    indexed.sort(key=lambda iv: (iv[1].published_sort is None, iv[1].published_sort or "", iv[0]))
    rows = []
    for _, v in indexed:
        source = (
            refs.excerpt_label(v.excerpt_key)
            if v.excerpt_key in refs.excerpt_by_key
            else refs.doc_label(v.document_key, "(source not in this dossier)")
        )
        rows.append(
            [
                P(f"<b>{esc.text(figure_text(v))}</b>", st.cell),
                P(esc.text(esc.shorten(v.as_written or "", QUOTE_LIMIT)), st.cell),
                P(source, st.cell),
                P(esc.text(esc.shorten(v.published or "—", limits.NAME_CHARS)), st.cell),
            ]
        )
    return rows


def section_figures(ctx: Context) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = [_section_heading(ctx, "Figures compared across sources")]
    if not ctx.data.figures:
        return [*out, _none(ctx, "No figures are compared in this selection.")]
    out.append(
        P(
            "For each figure, every value given by a source in this selection, ordered by "
            "publication date. Counts are of distinct source documents. No value is "
            "preferred over another.",
            st.small,
        )
    )
    w = ctx.width
    for fig in ctx.data.figures:
        title = fig.label or fig.category
        out.append(P(esc.text(esc.shorten(title, HEADING_LIMIT)), st.h2))
        out.append(P(esc.text(describe_agreement(fig.values)), st.body))
        out += _rows_table(
            ["Value", "As written", "Source", "Published"],
            _figure_rows(ctx, fig),
            [w * 0.14, w * 0.34, w * 0.36, w * 0.16],
            st,
        )
    return out


def section_plates(ctx: Context) -> list[Flowable]:
    st, refs = ctx.styles, ctx.refs
    out: list[Flowable] = [_section_heading(ctx, "Plates")]
    if not ctx.data.plates:
        return [*out, _none(ctx, "No images in this selection.")]
    for n, plate in enumerate(ctx.data.plates, start=1):
        if n > 1:
            out.append(PageBreak())
        title = heading(
            f"Plate {n}",
            st.h2,
            anchor=f"p{n}",
            outline_level=1,
            toc_level=None,
            progress_unit=True,
        )
        # The outline names the plate by its caption; the page shows it under the image.
        caption = esc.clean(esc.shorten(plate.caption, 180)).replace("\n", " ")
        title.plain = esc.shorten(f"Plate {n}. {caption}", 180)
        out.append(title)
        captions = [P(esc.text(esc.shorten(plate.caption, CAPTION_LIMIT)), st.caption)]
        facts = [
            ("Credit", plate.credit),
            ("Rights", plate.rights),
            ("Date (EXIF)", plate.exif_date),
            ("Source", plate.source_reference),
            ("SHA-256", plate.sha256),
        ]
        fact_text = " · ".join(
            f"<b>{k}:</b> {esc.text(esc.shorten(v, 400))}" for k, v in facts if v
        )
        if plate.document_key is not None and plate.document_key in refs.doc_by_key:
            fact_text += (
                (" · " if fact_text else "")
                + "<b>Document:</b> "
                + refs.doc_label(plate.document_key)
            )
        if fact_text:
            captions.append(P(fact_text, st.small))
        try:
            info = probe_image(plate.image_path)
        except (OSError, UnidentifiedImageError, ValueError) as exc:
            log.warning("plate %s: cannot read %s: %s", n, plate.image_path, exc)
            out.append(
                P(
                    f"[Image could not be read: {esc.text(Path(plate.image_path).name)} — "
                    f"{esc.text(type(exc).__name__)}]",
                    st.centered_note,
                )
            )
            out += captions
            continue
        out.append(PlateFigure(info, captions))
    return out


def section_bibliography(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [_section_heading(ctx, "Bibliography")]
    if not ctx.data.bibliography:
        return [*out, _none(ctx, "No entries.")]
    for entry in ctx.data.bibliography:
        out.append(P(citation_markup(entry), ctx.styles.hanging))
    return out


def section_fixity(ctx: Context) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = [_section_heading(ctx, "Appendix: Sources and fixity")]
    out.append(
        P(
            "Each stored original is listed with its size and the SHA-256 digest computed when "
            "it was imported. To check a copy, compute its SHA-256 (for example "
            "<i>sha256sum FILE</i> on Linux, <i>shasum -a 256 FILE</i> on macOS, "
            "<i>certutil -hashfile FILE SHA256</i> on Windows) and compare it with the value "
            "below. Character ranges in pinpoints are zero-based, end-exclusive offsets into "
            "the text the catalogue stored for each original.",
            st.body,
        )
    )
    w = ctx.width
    if ctx.data.originals:
        rows: list[list[Flowable | str]] = []
        for i, f in enumerate(ctx.data.originals, start=1):
            doc = (
                ctx.refs.doc_label(f.document_key) if f.document_key in ctx.refs.doc_by_key else ""
            )
            name = esc.text(esc.shorten(f.file_name, 400))
            if doc:
                name += f"<br/>{doc}"
            rows.append(
                [
                    P(str(i), st.cell),
                    P(name, st.cell),
                    P(f"{f.size_bytes:,}", st.cell),
                    P(esc.text(f.imported_at), st.cell),
                ]
            )
            rows.append(
                [
                    P("", st.cell),
                    P(f"SHA-256&nbsp; {esc.text(f.sha256)}", st.cell_mono),
                    "",
                    "",
                ]
            )
        # Each file is two rows: the digest row spans the last three columns.
        out += _rows_table(
            ["#", "Original file", "Size (bytes)", "Imported"],
            rows,
            [w * 0.06, w * 0.54, w * 0.16, w * 0.24],
            st,
            group=2,
            group_style=lambda r: [
                ("SPAN", (1, r + 1), (3, r + 1)),
                ("TOPPADDING", (0, r + 1), (-1, r + 1), 0),
            ],
        )
    else:
        out.append(_none(ctx, "No stored originals in this selection."))
    out.append(P("Digest of this dossier's source", st.h2))
    out.append(P(f"SHA-256&nbsp; <b>{esc.text(ctx.digest)}</b>", st.cell_mono))
    out.append(Spacer(1, 4))
    out.append(
        P(
            "Definition (version 1): the SHA-256 of the dossier's source data written as "
            'canonical JSON — the object <i>{"catena_dossier_source": 1, "data": …}</i> '
            "where <i>data</i> holds every field of the dossier (documents, excerpts with "
            "their tag spans, persons, dates, figures, plates, bibliography, originals, "
            "sections and cover details) under its field name, except the generation time, "
            "the local storage paths of images and the audit trail below; keys sorted, "
            "no insignificant whitespace, integral numbers written as integers, text as "
            "stored (not normalised), encoded as UTF-8. The same content always gives the "
            "same digest, whenever it is generated; Catena's "
            "<i>desktop.dossier.data.canonical_json</i> produces the exact bytes.",
            st.small,
        )
    )
    return out + appendix.fixity_notes(ctx)


SectionBuilder = Callable[[Context], list[Flowable]]


def toc_entries(data: DossierData) -> list[tuple[int, str, int, str]]:
    """The contents' entries in build order, with page 0 (see :class:`PrimedContents`)."""
    titles = {
        "documents": "Documents",
        "witnesses": "Witness index",
        "chronology": "Chronology",
        "figures": "Figures compared across sources",
        "plates": "Plates",
        "bibliography": "Bibliography",
        "fixity": "Appendix: Sources and fixity",
    }
    entries: list[tuple[int, str, int, str]] = []
    number = 0
    for name in data.sections:
        if name == "cover":
            continue
        number += 1
        if name == "contents":
            continue
        entries.append((0, esc.text(titles[name]), 0, f"s{number}"))
        if name == "documents":
            for n, doc in enumerate(data.documents, start=1):
                short = esc.clean(esc.shorten(doc.short_title, HEADING_LIMIT)).replace("\n", " ")
                shown = glyphs.with_fallback(esc.text(bidi.display(f"[D{n}] {short}")))
                entries.append((1, shown, 0, f"d{n}"))
    return entries


def check_sections(sections: Sequence[str]) -> None:
    """Reject unknown or repeated section names early, with the valid names."""
    unknown = [s for s in sections if s not in SECTION_NAMES]
    if unknown:
        raise ValueError(f"unknown dossier sections {unknown}; valid: {', '.join(SECTION_NAMES)}")
    dupes = {s for s in sections if list(sections).count(s) > 1}
    if dupes:
        raise ValueError(f"dossier sections listed twice: {sorted(dupes)}")
    if not sections:
        raise ValueError("a dossier needs at least one section")


def build_story(ctx: Context) -> tuple[list[Flowable], int]:
    """All flowables in section order, and the number of progress units they contain."""
    builders: dict[str, SectionBuilder] = {
        "cover": section_cover,
        "documents": section_documents,
        "witnesses": section_witnesses,
        "chronology": section_chronology,
        "figures": section_figures,
        "plates": section_plates,
        "bibliography": section_bibliography,
        "fixity": section_fixity,
    }
    story: list[Flowable] = []
    for name in ctx.data.sections:
        if story:
            story.append(PageBreak())
        if name == "contents":
            story += section_contents(ctx, toc_entries(ctx.data))
        else:
            story += builders[name](ctx)
    units = sum(1 for f in _walk(story) if isinstance(f, Heading) and f.progress_unit)
    return story, units


def _walk(flowables: list[Flowable]) -> list[Flowable]:
    out = []
    for f in flowables:
        if isinstance(f, KeepTogether):
            out += _walk(list(f._content))
        else:
            out.append(f)
    return out


__all__ = ["Context", "Refs", "build_story", "check_sections", "describe_agreement"]
