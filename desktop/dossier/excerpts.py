"""Quoted excerpts: the stored text with its tagged spans marked, cut into safe
paragraphs, and shown in windows around the spans when it is very long.

Quotations are the evidence, so they are never shortened like other fields: an
excerpt prints in full up to ``EXCERPT_LIMIT`` characters, and beyond that in windows
of ``WINDOW_CONTEXT`` characters around its spans (at most ``EXCERPT_BUDGET`` in
all), every omission marked "[… n characters omitted …]".
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence

from reportlab.platypus import Flowable

from . import escape as esc
from . import markers, rtl
from .data import Excerpt, TaggedSpan
from .flowables import P
from .language import _, number
from .limits import CHUNK_CHARS
from .paragraphs import chunks
from .styles import Styles, tag_style

log = logging.getLogger(__name__)

EXCERPT_LIMIT = 30000  # longer excerpt contexts show windows around the tagged spans
WINDOW_CONTEXT = 1500  # characters kept either side of a span in such windows
EXCERPT_BUDGET = 60000  # at most this many characters of one excerpt are printed


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
                out.append(tag_marker(tag_style(s.kind).marker, _ends_rtl(text[s.start : s.end])))
    return "".join(out)


def _ends_rtl(span_text: str) -> bool:
    """Whether the span's last letter with a direction is right-to-left."""
    return rtl.has_rtl(span_text) and rtl.base_level(span_text[::-1]) == 1


def tag_marker(letter: str, right_to_left: bool = False) -> str:
    """Markup for a span's marker letter: drawn over the span's end, never typed, so
    the text layer holds only the source's characters (:mod:`.markers`)."""
    return markers.markup(letter, right_to_left=right_to_left)


def excerpt_flowables(ex: Excerpt, styles: Styles) -> list[Flowable]:
    """The quoted context of an excerpt, highlighted, split into safe paragraphs."""
    text = esc.clean(ex.text)
    spans = _valid_spans(text, ex.spans)
    out: list[Flowable] = []
    windows = _windows(text, spans)
    prev_end = 0
    for a, b in windows:
        if a > prev_end:
            omitted = number(a - prev_end)
            out.append(P(_("[… {n} characters omitted …]").format(n=omitted), styles.small))
        for ca, cb in chunks(text[a:b], CHUNK_CHARS):
            style = styles.quote if not out else styles.quote_cont
            out.append(P(_marked(text, a + ca, a + cb, spans), style))
        prev_end = b
    if prev_end < len(text):
        out.append(
            P(
                _(
                    "[… {n} further characters of this excerpt not printed; "
                    "see the original at the pinpoint above …]"
                ).format(n=number(len(text) - prev_end)),
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
                f"<b>{esc.text(st.marker)}</b>&nbsp;{esc.text(_(st.label))}: "
                f"{esc.text(esc.shorten(s.label, 200))}"
            )
    if labelled:
        out.append(P(_("Tags read as: {tags}").format(tags="; ".join(labelled)), styles.small))
    return out


__all__ = [
    "EXCERPT_BUDGET",
    "EXCERPT_LIMIT",
    "WINDOW_CONTEXT",
    "excerpt_flowables",
    "tag_marker",
]
