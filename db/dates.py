"""EDTF dates: the one place Catena reads the Extended Date/Time Format.

The catalogue stores dates as EDTF (the Library of Congress format) because archival
dates are rarely single days. Everything that needs to understand one — the day
bounds for sorting and range queries, the words the window and the dossier show
(``db.date_words``), the citation forms, the reference-manager and XML exports —
asks this module, so a value is valid or invalid for all of them alike.

What counts as valid: what the ``edtf`` library's grammar accepts, with two
corrections. A day must exist in the calendar (the grammar takes "1987-02-29"), and
an interval is read end by end, because EDTF level 2 sub-year groupings at an
interval's ends ("2020-33/2020-34", "2020-36/..") are refused by the library but
written by our own date suggestions; a reversed interval, and a value with a space
inside ("1987 / 1988"), are invalid. The common
shapes (a year, month or day, optionally qualified, a season or quarter) are decided
here without the library, whose parser costs ~15 ms a call; tests check that the two
answers agree. Values that are not valid keep their text (the person typed it) but
get no bounds, no words and no parts: nothing is guessed.

Qualifiers: a trailing "?" (uncertain), "~" (approximate) or "%" (both) qualifies the
whole date; a leading one qualifies the year and, for reading aloud, is taken to
qualify the date ("~1943" is "about 1943"). Only one of the two is allowed.
"""

from __future__ import annotations

import calendar
import contextlib
import io
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edtf.parser.parser_classes import EDTFObject

OPEN_ENDS = ("", "..")  # an interval end that is unknown ("") or open ("..")
SUB_YEAR_CODES = range(21, 42)  # EDTF seasons, quarters, quadrimesters, semesters

_POINT = re.compile(
    r"(?P<before>[?~%])?(?P<year>-?[0-9X]{4})"
    r"(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?(?P<after>[?~%])?"
)


@dataclass(frozen=True)
class EdtfPoint:
    """One date of a value, as written: a year, a month or a day, maybe qualified.

    Components keep their text ("199X", "XX", "36") because unspecified digits and
    sub-year codes are not numbers; the properties give numbers where there are some.
    """

    year: str  # four characters, digits or "X", with "-" before a year BCE
    month: str | None = None  # "03"; "21"-"41" for a sub-year grouping; "XX"
    day: str | None = None
    qualifier: str = ""  # "", "?", "~" or "%"
    qualifier_first: bool = False  # written before the year ("~1943")

    @property
    def year_number(self) -> int | None:
        """The year when all its digits are known (negative before the common era)."""
        return int(self.year) if _digits(self.year.lstrip("-")) else None

    @property
    def month_number(self) -> int | None:
        """1-12 for a month, 21-41 for a sub-year grouping; None when unspecified."""
        return int(self.month) if self.month and _digits(self.month) else None

    @property
    def day_number(self) -> int | None:
        return int(self.day) if self.day and _digits(self.day) else None

    @property
    def uncertain(self) -> bool:
        return self.qualifier in ("?", "%")

    @property
    def approximate(self) -> bool:
        return self.qualifier in ("~", "%")

    def calendar_parts(self) -> tuple[int, ...] | None:
        """(year, month, day) as far as given, for a date of the common era whose
        every written digit is known and whose month is a month, not a season;
        the qualifier is left to the caller."""
        if not _digits(self.year):
            return None
        parts = [int(self.year)]
        for text in (self.month, self.day):
            if text is None:
                break
            if not _digits(text):
                return None
            parts.append(int(text))
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            return None
        return tuple(parts)


@dataclass(frozen=True)
class EdtfValue:
    """An EDTF value read once: a single date, or an interval of two.

    ``valid`` is the one answer every caller uses. A valid value in a shape this
    module does not take apart (a set "[1667,1668]", a time, a long year) has no
    points: callers show its text. An interval end that is unknown or open is None
    with ``open_start``/``open_end`` set.
    """

    text: str
    valid: bool
    start: EdtfPoint | None = None
    end: EdtfPoint | None = None
    interval: bool = False
    open_start: bool = False
    open_end: bool = False

    @property
    def readable(self) -> bool:
        """Valid and every written end taken apart (what words and citations need)."""
        if not self.valid:
            return False
        if not self.interval:
            return self.start is not None
        return (self.open_start or self.start is not None) and (
            self.open_end or self.end is not None
        )

    @property
    def start_year(self) -> str | None:
        """The first date's four-digit year, as a record's publication year."""
        if not self.valid:
            return None
        if self.start is not None:
            return self.start.year if _digits(self.start.year) else None
        if self.interval or not _digits(self.text[:4]):
            return None
        return self.text[:4]  # a shape not taken apart that starts with a year


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


# --------------------------------------------------------------------------- reading


def read_edtf(value: str | None) -> EdtfValue | None:
    """The value read and judged; None for no value at all."""
    if value is None or not value.strip():
        return None
    return _read(value.strip())


def is_valid_edtf(value: str | None) -> bool:
    """Whether *value* is a date Catena can use (see the module notes for the rule)."""
    read = read_edtf(value)
    return read is not None and read.valid


@lru_cache(maxsize=8192)
def _read(text: str) -> EdtfValue:
    if any(char.isspace() for char in text):
        return EdtfValue(text, False)  # "1987 / 1988": EDTF has no spaces inside
    if "/" not in text:
        point = _point(text)
        valid = _point_valid(point, text) if point else _library_accepts(text)
        return EdtfValue(text, valid, start=point if valid else None)
    first, _, last = text.partition("/")
    if "/" in last:
        return EdtfValue(text, False, interval=True)  # an interval has two ends
    ends: list[EdtfPoint | None] = []
    for part in (first, last):
        if part in OPEN_ENDS:
            ends.append(None)
            continue
        point = _point(part)
        if not (_point_valid(point, part) if point else _library_accepts(part)):
            return EdtfValue(text, False, interval=True)
        ends.append(point)
    open_start, open_end = first in OPEN_ENDS, last in OPEN_ENDS
    if open_start and open_end:
        valid = _library_accepts(text)  # "../.." is EDTF; "/" is not
    else:
        lower = None if open_start else _computed_bounds(first)[0]
        upper = None if open_end else _computed_bounds(last)[1]
        valid = not (lower and upper and lower > upper)  # a reversed interval
    if not valid:
        return EdtfValue(text, False, interval=True)
    return EdtfValue(
        text,
        True,
        start=ends[0],
        end=ends[1],
        interval=True,
        open_start=open_start,
        open_end=open_end,
    )


def _point(text: str) -> EdtfPoint | None:
    match = _POINT.fullmatch(text)
    if match is None or (match["before"] and match["after"]):
        return None
    return EdtfPoint(
        year=match["year"],
        month=match["month"],
        day=match["day"],
        qualifier=match["before"] or match["after"] or "",
        qualifier_first=bool(match["before"]),
    )


def _point_valid(point: EdtfPoint, text: str) -> bool:
    """The library's answer for one date, plus the calendar check it lacks.

    Digits-only dates are decided here (the common case); the rules are the
    library's, which a test checks value by value."""
    digits_only = all(_digits(part) for part in (point.year, point.month, point.day) if part)
    if not digits_only:
        return _library_accepts(text) and _calendar_day_exists(point)
    month = point.month_number
    if month is None:
        return True
    if 1 <= month <= 12:
        return point.day is None or _calendar_day_exists(point)
    # Sub-year groupings take no day and, in the library's grammar, no qualifier.
    return month in SUB_YEAR_CODES and point.day is None and not point.qualifier


def _calendar_day_exists(point: EdtfPoint) -> bool:
    """False only for a wholly known day that the calendar lacks ("1987-02-29")."""
    year, month, day = point.year_number, point.month_number, point.day_number
    if year is None or month is None or day is None or not 1 <= month <= 12:
        return True
    # calendar.monthrange follows the proleptic Gregorian calendar for any year.
    return 1 <= day <= calendar.monthrange(year, month)[1]


@lru_cache(maxsize=4096)
def _library_parse(text: str) -> EDTFObject | None:
    # The library prints a line of its own when a constructor fails ("1987-0X");
    # it is not ours to show, so it is caught. The library (and the pyparsing grammar
    # it builds, ~75 ms) is imported here, on the first uncommon value, not with this
    # module: `catena list`, `show` and `search` read dates without it.
    import edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            parsed: EDTFObject = edtf.parse_edtf(text)
        except (EDTFParseException, ValueError, TypeError, AttributeError):
            return None
    return parsed


def _library_accepts(text: str) -> bool:
    return _library_parse(text) is not None


# --------------------------------------------------------------------------- bounds


def edtf_bounds(value: str | None) -> tuple[str | None, str | None]:
    """(earliest, latest) ISO day covered by the EDTF *value*; (None, None) if unknown
    or invalid. Stored bounds depend on these answers: change them only with a
    migration that recomputes the stored ones."""
    read = read_edtf(value)
    if read is None or not read.valid:
        return None, None
    return _computed_bounds(read.text)


def _iso(struct: time.struct_time | None) -> str | None:
    if struct is None:
        return None
    year = struct.tm_year
    if not 1 <= year <= 9999:
        return None
    return f"{year:04d}-{struct.tm_mon:02d}-{struct.tm_mday:02d}"


def _plain_bounds(value: str) -> tuple[str, str] | None:
    """Bounds of a year, month or day, qualified or not, without the library: the
    common case. A qualifier does not move the strict bounds (the library agrees)."""
    point = _point(value)
    parts = point.calendar_parts() if point else None
    if point is None or parts is None:
        return None
    year = point.year
    if len(parts) == 1:
        return f"{year}-01-01", f"{year}-12-31"
    month = parts[1]
    last = calendar.monthrange(parts[0], month)[1]
    if len(parts) == 2:
        return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}"
    if not 1 <= parts[2] <= last:
        return None
    day = f"{year}-{month:02d}-{parts[2]:02d}"
    return day, day


@lru_cache(maxsize=4096)
def _computed_bounds(value: str) -> tuple[str | None, str | None]:
    plain = _plain_bounds(value)
    if plain is not None:
        return plain
    if "/" in value:
        # Intervals with open or unknown ends ("1991/..", "../2000", "1991/") keep the
        # known end; the library returns sentinel years for the other.
        first, _, last = value.partition("/")
        lower = _computed_bounds(first)[0] if first not in OPEN_ENDS else None
        upper = _computed_bounds(last)[1] if last not in OPEN_ENDS else None
        if lower and upper and lower > upper:
            return None, None  # a reversed interval says nothing reliable
        return lower, upper
    if value[:4].upper() == "XXXX":
        return None, None  # year unknown ("XXXX-02-26"): recurring or undated
    parsed = _library_parse(value)
    if parsed is None:
        return None, None
    try:
        lower = _iso(parsed.lower_strict())
        upper = _iso(parsed.upper_strict())
    except (ValueError, TypeError, AttributeError, OverflowError):
        return None, None
    return lower, upper


# --------------------------------------------------------------------------- exchange forms


def plain_iso(value: str | None) -> str | None:
    """The value itself when it is plain ISO 8601 — a year, month or day, or an
    interval of two — as EAD's ``normal`` attribute wants; else None."""
    read = read_edtf(value)
    if read is None or not read.valid:
        return None
    points = [read.start, read.end] if read.interval else [read.start]
    for point in points:
        if point is None or point.qualifier or point.calendar_parts() is None:
            return None
    return read.text


def plain_parts(point: EdtfPoint | None) -> tuple[int, ...] | None:
    """(year, month, day) of an unqualified calendar date, for CSL, RIS and BibTeX."""
    if point is None or point.qualifier:
        return None
    return point.calendar_parts()
