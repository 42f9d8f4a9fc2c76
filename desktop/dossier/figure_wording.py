"""How compared figures are worded: numbers as a reader says them ("about 1,000",
"480–490") and the neutral sentence that says whether sources agree."""

from __future__ import annotations

from collections.abc import Sequence

from db.claim_ranges import all_agree, claim_range

from .data import FigureValue
from .language import _, ngettext


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


def sources_differ(values: Sequence[FigureValue]) -> bool:
    """Whether :func:`describe_agreement` says "Sources differ" for these values."""
    written = {figure_text(v) for v in values}
    ranges = [claim_range(v.value, v.upper_value, v.qualifier) for v in values]
    return len(written) > 1 and not all_agree(ranges)


def describe_agreement(values: Sequence[FigureValue]) -> str:
    """Neutral sentence comparing sources: agreement or the spread, never a verdict.

    Values are grouped by how they read ("about 500" and "500" are listed apart); each
    group counts distinct source documents; groups are listed by value, smallest first,
    so the order implies no preference. Values written differently that can all be
    true once their qualifiers are read ("at least 7,779" and "8,372") are not said to
    differ (``db.claim_ranges``).
    """
    groups: dict[str, tuple[tuple[float, float, str], set[str]]] = {}
    for v in values:
        text = figure_text(v)
        sort_key = (v.value, v.upper_value if v.upper_value is not None else v.value, text)
        groups.setdefault(text, (sort_key, set()))[1].add(v.document_key)
    if not groups:
        return _("No source gives this figure.")
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    sources = {v.document_key for v in values}

    def count(n: int) -> str:
        return ngettext("{n} source", "{n} sources", n).format(n=n)

    if len(ordered) == 1:
        text = ordered[0][0]
        if len(sources) == 1:
            return _("1 source gives this figure: {figure}.").format(figure=text)
        return ngettext(
            "{n} source agrees: {figure}.", "{n} sources agree: {figure}.", len(sources)
        ).format(n=len(sources), figure=text)
    parts = ", ".join(f"{text} ({count(len(docs))})" for text, (_key, docs) in ordered)
    if not sources_differ(values):
        return ngettext(
            "{n} source gives figures that can all be true: {figures}.",
            "{n} sources give figures that can all be true: {figures}.",
            len(sources),
        ).format(n=len(sources), figures=parts)
    return _("Sources differ: {figures}.").format(figures=parts)


__all__ = ["describe_agreement", "figure_text", "fmt_number", "sources_differ"]
