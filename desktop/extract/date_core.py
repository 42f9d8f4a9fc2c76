"""The pieces every date recogniser shares: a calendar point, a found span, and how a
match becomes an EDTF value with ISO bounds.

English and the other languages have their own patterns (``date_patterns_en``,
``date_multilingual``) but they all end in a :class:`Found`, so choosing among
overlapping matches, completing a year-less day and qualifying a date ("about",
"probably") happen once, in ``date_suggestions``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import NamedTuple


class Day(NamedTuple):
    """A year, month or day; ``year`` None is a day of an unknown year ("XXXX-07-11").

    A named tuple, as :class:`Found`: a page makes a thousand of them."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def edtf(self) -> str:
        year = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.month is None:
            return year
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def lower(self) -> str | None:
        if self.year is None:
            return None
        return date(self.year, self.month or 1, self.day or 1).isoformat()

    def upper(self) -> str | None:
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day).isoformat()


class Found(NamedTuple):
    """One date match before it becomes a suggestion.

    ``emit`` False means claim only (the span is not a figure, but nothing is suggested).
    ``yearless`` holds the (month, day) of a day written without a year (and
    ``yearless_end`` the last day of such a range), which ``date_suggestions`` completes
    from the context or the document's date.

    A named tuple rather than a frozen dataclass: every rule's every match makes one,
    and a tuple is made several times faster (the date finder's time is in such steps).
    """

    start: int
    end: int
    edtf: str
    lower: str | None
    upper: str | None
    certainty: str = "certain"
    emit: bool = True
    yearless: tuple[int, int] | None = None
    yearless_end: tuple[int, int] | None = None  # the last day of a year-less range
    inferred: bool = False  # the year was completed, not written

    def widened(self, start: int, end: int | None = None) -> Found:
        return self._replace(start=start, end=self.end if end is None else end)


def valid(year: int | None, month: int, day: int) -> bool:
    """True when the day exists (a year-less day is checked against a leap year)."""
    try:
        date(2000 if year is None else year, month, day)
    except ValueError:
        return False
    return True


def day_number(token: str) -> int:
    """The day in a token such as "9.", "1er", "26-da", "7-ին" (its leading digits)."""
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


def expand_year(first: int, second: str) -> int:
    """ "1992–95" -> 1995: a short second year keeps the first year's century."""
    if len(second) == 4:
        return int(second)
    century = first - first % 10 ** len(second)
    value = century + int(second)
    return value if value >= first else value + 10 ** len(second)


def point(start: int, end: int, day: Day, certainty: str = "certain") -> Found:
    return Found(start, end, day.edtf(), day.lower(), day.upper(), certainty)


def interval(start: int, end: int, first: Day, last: Day) -> Found | None:
    """first/last as an EDTF interval; None when it runs backwards."""
    if first.lower() and last.upper() and first.lower() > last.lower():  # type: ignore[operator]
        return None
    if first == last:
        return point(start, end, first)
    return Found(start, end, f"{first.edtf()}/{last.edtf()}", first.lower(), last.upper())


def year_less(start: int, end: int, month: int, day: int) -> Found | None:
    """A day and month without a year: claimed now, completed or dropped later."""
    if not valid(None, month, day):
        return None
    edtf = Day(None, month, day).edtf()
    return Found(start, end, edtf, None, None, emit=False, yearless=(month, day))


# EDTF level 1 season codes and the months that bound them (northern hemisphere,
# meteorological; winter runs into the next year).
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


def season(start: int, end: int, year: int, code: int) -> Found:
    first, last = SEASON_MONTHS[code]
    lower = Day(year, first).lower()
    upper = Day(year + 1 if code == 24 else year, last).upper()
    return Found(start, end, f"{year}-{code}", lower, upper)


def decade(start: int, end: int, year: int) -> Found:
    first = year - year % 10
    return Found(start, end, f"{str(first)[:3]}X", Day(first).lower(), Day(first + 9).upper())


def century(start: int, end: int, number: int) -> Found | None:
    """The N-th century as EDTF "19XX" (the 20th century is 1901–2000, written 19XX)."""
    if not 1 <= number <= 21:
        return None
    first = (number - 1) * 100
    return Found(
        start, end, f"{first // 100:02d}XX", Day(max(first, 1)).lower(), Day(first + 99).upper()
    )
