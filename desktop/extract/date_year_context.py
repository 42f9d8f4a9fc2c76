"""Which year a day written without one belongs to, read from the dates around it.

``date_suggestions._complete`` walks the chosen dates in order; these helpers hold the
two clues it weighs besides the paragraph's own year and the document's date:

* A month already dated nearby: a day whose month lies inside a period written just
  before ("von August bis November 1892 … am 24. August", "in autumn 1976 … on
  11 October") or inside a month dated earlier in the same paragraph ("on 2 February
  2016 … in 2011 … from 2 to 6 February") belongs to that period's year. Whole years
  do not count here (a bare year says nothing about a month) and neither do periods
  spanning several years. A single written day counts only in the same paragraph
  (a day in the paragraph above, "10 March 1906", does not date "from 10 March to
  30 June" in a 2006 notice). A period in an earlier paragraph counts when it is in the
  paragraph just before, or when the document's year would put the day well after
  the document's date (a historical comparison two paragraphs up, "the summer of
  1998", does not date "26 August" in a situation report of 30 August 2022).
* A narrative that has moved on: the last full date stops being the anchor once a
  later date comes back to the document's own year or later ("7 December 1988 … by
  2026 … on 10 December" in a 2023 report is 2023; an aside "honoured only in 1990"
  in a 2005 interview about 1945 is not such a date). It comes back only when the
  document's year would put the day more than a month after the document was
  written ("27 November 2019 … from 2020 to 2022 … had warned on 20 November" in an
  April 2022 verdict is 2019).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop.extract.date_core import Found

# How far after its own date a document plausibly names a day of its own year
# ("the ceremonies continue on 10 December" in a report of 7 December).
FUTURE_REACH = timedelta(days=31)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def year_bearing(found: Found) -> bool:
    """A written (not completed) date with a known year."""
    return found.emit and found.upper is not None and "X" not in found.edtf


def _covers_month(found: Found, month: int) -> int | None:
    """The year when *found* is a period of one year, shorter than it, holding *month*."""
    if found.lower is None or found.upper is None:
        return None
    if found.lower[:4] != found.upper[:4]:
        return None
    first, last = int(found.lower[5:7]), int(found.upper[5:7])
    if first == 1 and last == 12:
        return None
    return int(found.lower[:4]) if first <= month <= last else None


def _period(found: Found) -> bool:
    """A month, season or range (anything but a single day)."""
    return _DAY.fullmatch(found.edtf.rstrip("?~")) is None


def month_context_year(
    written: list[Found], paragraph_start: int, month: int, *, reach_back: bool
) -> int | None:
    """The year of the latest written period holding *month*: any in this paragraph,
    else (when *reach_back*) the last one written before the paragraph."""
    for found in reversed(written):
        if found.start < paragraph_start and not (reach_back and _period(found)):
            return None
        year = _covers_month(found, month)
        if year is not None:
            return year
        if found.start < paragraph_start:
            return None
    return None


def moved_on(written: list[Found], last_day: Found, document_year: int | None) -> bool:
    """True when a date written after *last_day* has come back to the document's own
    year or later (the narrative is over: "… by 2026 … on 10 December")."""
    if document_year is None or last_day.upper is None:
        return False
    year = int(last_day.upper[:4])
    if year >= document_year:
        return False
    for found in reversed(written):
        if found.start <= last_day.start:
            return False
        if found.upper is not None and int(found.upper[:4]) >= document_year:
            return True
    return False


def beyond_document(document_date: str | None, month: int, day: int) -> bool:
    """True when the day, in the document's year, falls well after the document's date."""
    if not document_date:
        return False
    try:
        written = date.fromisoformat(document_date[:10])
        completed = date(written.year, month, day)
    except ValueError:
        return False
    return completed > written + FUTURE_REACH
