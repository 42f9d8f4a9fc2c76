"""Catalogue text as printable paragraphs and tables: running text cut into
paragraphs of bounded size, citation segments as markup, and long tables cut into
tables of moderate length, so no value can cause a ``LayoutError``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from . import escape as esc
from . import limits
from .data import Citation
from .flowables import P
from .limits import CHUNK_CHARS, TABLE_CHUNK_ROWS
from .styles import RULE, SHADE, Styles


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


def table_style(styles: Styles, commands: Sequence[tuple]) -> TableStyle:
    """A TableStyle whose cell font is the dossier's: ReportLab's default is Helvetica,
    set on the canvas for every cell even when the cell holds a Paragraph, which would
    put a non-embedded Latin-1 font into the PDF."""
    return TableStyle([("FONT", (0, 0), (-1, -1), styles.body.fontName, 8), *commands])


def rows_table(
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


def kept_with_rows(
    head: Sequence[Flowable], tables: Sequence[Flowable], width: float, rows: int = 2
) -> list[Flowable]:
    """``head`` (a heading and its lines) then ``tables``, the head never alone at a page foot.

    The head and the table's header row plus its first ``rows`` rows are measured now,
    and a conditional page break before the head moves all of it to the next page when
    they do not fit; the rest of the table flows on as usual. (A ``KeepTogether`` of
    head and table would push a long table to a new page even with room left.)
    """
    needed = 0.0
    for flowable in head:
        needed += flowable.wrap(width, _UNBOUNDED)[1]
        needed += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    first = next((t for t in tables if isinstance(t, Table)), None)
    if first is not None:
        first.wrap(width, _UNBOUNDED)
        needed += sum(first._rowHeights[: rows + 1])
    return [CondPageBreak(needed), *head, *tables]


_UNBOUNDED = 1e6  # an available height no content reaches (measuring only)


def chunks(text: str, limit: int) -> list[tuple[int, int]]:
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
        for a, b in chunks(block, CHUNK_CHARS):
            out.append(P(esc.lines(block[a:b]), style))
    return out


__all__ = [
    "chunks",
    "citation_markup",
    "kept_with_rows",
    "rows_table",
    "running_text",
    "table_style",
]
