"""What off-the-shelf parsers find in the development set: the bar Catena must clear.

Dates: dateparser's ``search_dates`` in the document's language (its own CLDR-derived
data covers all eleven), with the document's date as the base for incomplete dates.
Each hit is written as EDTF at the precision dateparser reports for it (``period``:
day, month or year); dateparser has no notion of ranges, seasons, decades or inferred
years, so those never match. Figures: quantulum3, which reads English only; every
quantity it finds is a figure with qualifier "exact". Neither finds people.
"""

from __future__ import annotations

import contextlib
import warnings
from datetime import datetime
from functools import lru_cache
from typing import Any

from devset_data import DevDocument
from devset_scoring import Found

FIGURE_LANGUAGES = frozenset({"en"})  # quantulum3 has English rules only


@lru_cache(maxsize=16)
def _period_parser(language: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language])


def _edtf(moment: datetime, period: str | None) -> str:
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    return moment.date().isoformat()


def dateparser_dates(document: DevDocument) -> list[Found]:
    """dateparser's dates in *document*, at the precision it reports."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if document.document_date:
        with contextlib.suppress(ValueError):
            settings["RELATIVE_BASE"] = datetime.fromisoformat(document.document_date)
    text = document.text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        hits = search_dates(text, languages=[document.language], settings=settings) or []
    found, cursor = [], 0
    for surface, moment in hits:
        position = text.find(surface, cursor)
        if position == -1:
            position = text.find(surface)
        cursor = max(cursor, position + 1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            period = _period_parser(document.language).get_date_data(surface).period
        found.append(Found(_edtf(moment, period), position, position + len(surface), repr(surface)))
    return found


def quantulum_figures(document: DevDocument) -> list[Found] | None:
    """quantulum3's quantities as exact figures; None for a language it cannot read."""
    if document.language not in FIGURE_LANGUAGES:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        quantities = parser.parse(document.text)
    return [
        Found((float(q.value), "exact", None), q.span[0], q.span[1], repr(q.surface))
        for q in quantities
    ]
