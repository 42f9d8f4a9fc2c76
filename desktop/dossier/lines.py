"""Right-to-left runs of a laid-out paragraph, put in display order while it is drawn.

Line breaking works on the stored (logical) order; only the finished lines are
reordered, line by line, as the bidirectional algorithm prescribes (:mod:`.rtl`).
The reordered lines are a copy used for drawing only: ReportLab splits paragraphs
across pages from the laid-out lines, and those must stay in stored order.
A paragraph whose first letter is right-to-left is also set flush right.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT

from . import rtl


def _line_text(para: Any) -> str:
    blpara = para.blPara
    if blpara.kind == 0:
        return " ".join(" ".join(words) for _, words in blpara.lines)
    return "".join(getattr(f, "text", "") or "" for line in blpara.lines for f in line.words)


def _visual_kind0(lines: list[tuple[float, list[str]]], base: int) -> list[Any]:
    out = []
    for extra, words in lines:
        text = " ".join(words)
        if rtl.has_rtl(text):
            words = rtl.display(text, base).split(" ")
        out.append((extra, words))
    return out


def _visual_kind1(lines: list[Any], base: int) -> list[Any]:
    out = []
    for line in lines:
        frags = line.words
        texts = [getattr(f, "text", "") or "" for f in frags]
        if not any(rtl.has_rtl(t) for t in texts):
            out.append(line)
            continue
        words = []
        for index, piece in rtl.reorder_pieces(texts, base):
            frag = frags[index]
            words.append(frag if not texts[index] else frag.clone(text=piece))
        new = copy.copy(line)
        new.words = words
        out.append(new)
    return out


@contextmanager
def visual(para: Any, base: int | None) -> Iterator[None]:
    """Within the block, ``para.blPara`` holds its lines in display order.

    ``base`` is the paragraph's direction (0 left-to-right, 1 right-to-left), or None
    to take it from the paragraph's first strong letter.
    """
    blpara = getattr(para, "blPara", None)
    if blpara is None or not rtl.has_rtl(_line_text(para)):
        yield
        return
    text = _line_text(para)
    level = rtl.base_level(text) if base is None else base
    shown = copy.copy(blpara)
    if blpara.kind == 0:
        shown.lines = _visual_kind0(blpara.lines, level)
    else:
        shown.lines = _visual_kind1(blpara.lines, level)
    style = para.style
    para.blPara = shown
    if level == 1 and style.alignment == TA_LEFT:
        para.style = copy.copy(style)
        para.style.alignment = TA_RIGHT
    try:
        yield
    finally:
        para.blPara = blpara
        para.style = style


__all__ = ["visual"]
