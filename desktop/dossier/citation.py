"""Citations in Chicago 17 (notes and bibliography), APA 7 and MLA 9.

One module serves the PDF dossier and the UI's "Copy citation", so it imports
neither ReportLab nor Qt: it returns a ``Citation`` made of italic/roman segments,
and each caller renders those (``plain()`` for the clipboard, ``markup(escape)`` for
ReportLab paragraphs). The rules themselves, and the choices made where a manual is
silent about archival material, are listed in ``citation_styles``.

Usage::

    source = CitationSource(
        title="We Demand Justice for Khojaly!",
        doc_type="open letter",
        authors=[Creator.organisation("Justice for Khojaly campaign")],
        url="https://example.org/letter",
        accessed="2025-03-03",
    )
    format_citation(source, "chicago").plain()
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from anyascii import anyascii

from db.date_words import cited_sort_key, cited_year
from desktop.dossier import citation_styles as styles
from desktop.dossier.citation_model import (
    Citation,
    CitationSource,
    Creator,
    Segment,
    looks_corporate,
    split_name,
)

__all__ = [
    "STYLES",
    "Citation",
    "CitationSource",
    "Creator",
    "Form",
    "Segment",
    "Style",
    "format_citation",
    "format_citations",
    "looks_corporate",
    "split_name",
]

Style = Literal["chicago", "apa", "mla"]
Form = Literal["bibliography", "note"]
STYLES: tuple[Style, ...] = ("chicago", "apa", "mla")


def _check(style: str, form: str) -> None:
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}; expected one of {STYLES}")
    if form not in ("bibliography", "note"):
        raise ValueError(f"unknown citation form {form!r}; expected 'bibliography' or 'note'")


def format_citation(
    source: CitationSource,
    style: Style,
    *,
    form: Form = "bibliography",
    with_reference: bool = False,
    _apa_suffix: str = "",
) -> Citation:
    """Format one source.

    ``form="bibliography"`` gives the bibliography / reference-list / works-cited
    entry. ``form="note"`` gives a full Chicago footnote, and for APA and MLA (which
    have no notes) their parenthetical in-text citation, which is what a note-like
    slot in a dossier needs from them.

    ``with_reference`` appends the catalogue reference code in brackets ("[CAT-000123]")
    so a reader of the dossier can find the fixity value for the cited original; it
    is off by default because the code means nothing outside this catalogue.
    """
    _check(style, form)
    note = form == "note"
    if style == "chicago":
        segments = styles.chicago(source, note=note)
    elif style == "apa":
        segments = styles.apa(source, note=note, suffix=_apa_suffix)
    else:
        segments = styles.mla(source, note=note)
    if with_reference and source.reference and source.reference.strip():
        segments = [*segments, Segment(f" [{source.reference.strip()}]")]
    return Citation(tuple(segments))


# --------------------------------------------------------------------------- sorting

_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def _fold(text: str) -> str:
    """Sort text: transliterated so "Şəkibə" files under S, punctuation ignored."""
    folded = anyascii(text).casefold()
    return " ".join(re.sub(r"[^\w\s]", "", folded).split())


def _title_key(source: CitationSource) -> str:
    title = source.title or styles.genre_phrase(source) or styles.untitled(source)
    # Chicago, APA and MLA all alphabetise a title by its first word after an article.
    return _ARTICLE.sub("", _fold(title))


def _creator_key(creator: Creator) -> str:
    if creator.name is not None:
        return _ARTICLE.sub("", _fold(creator.name))
    return _fold(" ".join(p for p in (creator.family, creator.given) if p))


def _lead_key(source: CitationSource, style: Style) -> str:
    """The text the entry begins with, which is what every style alphabetises by."""
    authors = source.authors
    if style == "mla" and styles.same_body(source):
        authors = []
    if authors:
        return " ".join(_creator_key(a) for a in authors)
    if style == "chicago" and styles.kind_of(source) == styles.PERIODICAL and source.publisher:
        return _ARTICLE.sub("", _fold(source.publisher))
    return _title_key(source)


def _sort_key(source: CitationSource, style: Style) -> tuple[str, ...]:
    if style == "apa":
        # APA 9.46-9.47: same authors in date order, undated ("n.d.") first.
        return (_lead_key(source, style), cited_sort_key(source.published), _title_key(source))
    # Chicago 14.67 and MLA 9: same author's works alphabetically by title.
    return (_lead_key(source, style), _title_key(source), cited_sort_key(source.published))


def _apa_suffixes(ordered: Sequence[CitationSource]) -> list[str]:
    """APA's "2021a", "2021b" for one author's works of one year, in list order.

    The list is already in date order, then title order, so letters follow what the
    reader sees (APA 9.47 orders same-year works by the more specific date first).
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for index, source in enumerate(ordered):
        if not source.authors:
            continue  # title-led entries already differ in their first words
        year = cited_year(source.published) or "n.d."
        groups.setdefault((_lead_key(source, "apa"), year), []).append(index)
    suffixes = [""] * len(ordered)
    for indexes in groups.values():
        if len(indexes) > 1:
            for letter, index in enumerate(indexes):
                suffixes[index] = _letters(letter)
    return suffixes


def _letters(n: int) -> str:
    """a, b, ... z, aa, ab ... so a prolific author never runs out of letters."""
    text = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        text = chr(ord("a") + rem) + text
    return text


def format_citations(
    sources: Iterable[CitationSource], style: Style, *, with_reference: bool = False
) -> list[Citation]:
    """A bibliography: entries formatted and sorted as the style requires.

    Repeated authors are printed in full in every entry (no Chicago 3-em dash or MLA
    "---"), so that any one entry quoted out of the dossier still stands alone.
    """
    _check(style, "bibliography")
    decorated = [(_sort_key(s, style), n, s) for n, s in enumerate(sources)]
    decorated.sort(key=lambda item: (item[0], item[1]))
    ordered = [source for _, _, source in decorated]
    if style == "apa":
        suffixes = _apa_suffixes(ordered)
        return [
            format_citation(s, style, with_reference=with_reference, _apa_suffix=suffix)
            for s, suffix in zip(ordered, suffixes, strict=True)
        ]
    return [format_citation(s, style, with_reference=with_reference) for s in ordered]
