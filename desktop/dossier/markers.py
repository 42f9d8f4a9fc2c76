"""Tag markers drawn as small pictures of letters, so they never enter the text layer.

An excerpt is evidence: copying it from the PDF, or running ``pdftotext`` over it,
must give exactly the stored characters. A marker typed as text ("Şəkibə" followed
by a superscript "P") would be copied with the quote ("ŞəkibəP"); PDF's
``/ActualText`` could hide it, but ReportLab cannot write it. So the marker letter is
drawn with strokes, like a tiny engraved capital, and takes no room in the line:
ReportLab's ``<onDraw>`` tag reports where the span ends, and the letter is drawn
above the span's last characters once the paragraph's text, tint and underlines are
on the page (so nothing paints over it). No horizontal space is added either, which
matters as much: a gap between "Şəkibə" and the comma after it would be read back as
a space by every text extractor.

Markers are letters chosen by this package (:mod:`.styles`), never catalogue text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.lib import colors

from . import escape as esc

#: The name the paragraphs' ``<onDraw>`` tags call; registered per drawn paragraph.
CALLBACK = "catena_tag_marker"

INK = colors.HexColor("#333333")
HEIGHT = 0.44  # letter height, as a fraction of the paragraph's font size
RAISE = 0.82  # baseline of the letter above the text's baseline (clears ascenders)
STROKE = 0.07  # line width, as a fraction of the font size

# Each letter: its width and strokes in a box one unit high (y up). A stroke is a list
# of points joined by lines; ("c", x1, y1, x2, y2, x3, y3) continues with a curve.
Stroke = list[tuple[Any, ...]]
_LETTERS: dict[str, tuple[float, list[Stroke]]] = {
    "P": (
        0.62,
        [[(0, 0), (0, 1), (0.34, 1), ("c", 0.66, 1, 0.66, 0.48, 0.34, 0.48), (0, 0.48)]],
    ),
    "D": (
        0.70,
        [[(0, 0), (0, 1), (0.28, 1), ("c", 0.76, 1, 0.76, 0, 0.28, 0), (0, 0)]],
    ),
    "F": (0.56, [[(0.56, 1), (0, 1), (0, 0)], [(0, 0.52), (0.44, 0.52)]]),
    "L": (0.54, [[(0, 1), (0, 0), (0.54, 0)]]),
    "O": (
        0.78,
        [
            [
                (0.39, 1),
                ("c", 0.82, 1, 0.82, 0, 0.39, 0),
                ("c", -0.04, 0, -0.04, 1, 0.39, 1),
            ]
        ],
    ),
    "*": (
        0.64,
        [
            [(0.32, 1), (0.32, 0.36)],
            [(0.03, 0.84), (0.61, 0.52)],
            [(0.03, 0.52), (0.61, 0.84)],
        ],
    ),
}


def markup(letter: str, *, right_to_left: bool = False) -> str:
    """Paragraph markup placing ``letter``'s marker at this point of the text.

    ``right_to_left`` says the span ends in right-to-left letters: its end is then its
    left edge on the page, and the letter is drawn starting there rather than ending.
    """
    label = letter + ("|rtl" if right_to_left else "")
    return f'<onDraw name="{CALLBACK}" label="{esc.text(label)}"/>'


def width(letter: str) -> float:
    """Width of a drawn letter in units of its height (unknown letters draw "*")."""
    return _LETTERS.get(letter, _LETTERS["*"])[0]


def draw(
    canv: Any, x: float, baseline: float, letter: str, font_size: float, *, starts: bool = False
) -> None:
    """Draw ``letter`` ending at ``x`` (starting there if ``starts``: right-to-left
    spans), raised above a line of text set at ``font_size``."""
    size = HEIGHT * font_size
    letter_width, strokes = _LETTERS.get(letter, _LETTERS["*"])
    half_stroke = STROKE * font_size / 2  # the ink, not the path, meets the span's edge
    x0 = x + half_stroke if starts else x - letter_width * size - half_stroke
    y0 = baseline + RAISE * font_size
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setLineWidth(STROKE * font_size)
    canv.setLineCap(1)
    canv.setLineJoin(1)
    path = canv.beginPath()
    for stroke in strokes:
        first, *rest = stroke
        path.moveTo(x0 + first[0] * size, y0 + first[1] * size)
        for point in rest:
            if point[0] == "c":
                _, ax, ay, bx, by, cx, cy = point
                path.curveTo(
                    x0 + ax * size,
                    y0 + ay * size,
                    x0 + bx * size,
                    y0 + by * size,
                    x0 + cx * size,
                    y0 + cy * size,
                )
            else:
                path.lineTo(x0 + point[0] * size, y0 + point[1] * size)
    canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()


@contextmanager
def drawn_after(canv: Any) -> Iterator[None]:
    """Collect the markers a paragraph meets while it is drawn; draw them at the end.

    ReportLab paints a line's tint after the line's text (and after any ``<onDraw>``
    call), so a marker drawn at once could be covered; drawing afterwards keeps it on top.
    """
    pending: list[tuple[float, float, str, float, bool]] = []

    def note(canvas: Any, kind: str, label: str | None) -> None:
        info = canvas._curr_tx_info
        size = float(info["xs"].style.fontSize)
        letter, _, side = (label or "*").partition("|")
        pending.append((float(info["cur_x"]), float(info["cur_y"]), letter, size, side == "rtl"))

    previous = canv.getNamedCB(CALLBACK)
    canv.setNamedCB(CALLBACK, note)
    try:
        yield
    finally:
        canv.setNamedCB(CALLBACK, previous)
    for x, baseline, letter, size, starts in pending:
        draw(canv, x, baseline, letter, size, starts=starts)


__all__ = ["CALLBACK", "draw", "drawn_after", "markup", "width"]
