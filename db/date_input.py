"""Dates as people type them, turned into the EDTF the catalogue stores.

Archivists type "26 Feb 2022", "26.02.2022", "spring 1943", "the 1990s", "before 1980",
"c. 1920" or "25–26 February 1992"; the catalogue stores EDTF ("2022-02-26",
"1943-21", "199X", "../1979", "1920~", "1992-02-25/1992-02-26") so it can sort, search
by year and cite. This is the one reader of such input: the window's date fields and
the CLI's date options both call ``read_date_input``, and show the EDTF it returns,
so the person sees what was stored.

Rules, chosen to never guess silently:
* valid EDTF is kept exactly as typed;
* numeric dates are read day first ("03.04.2005" is 3 April), the archive's
  convention; a two-digit year is refused, as its century is a guess;
* "before X" ends the day, month or year before X ("before 1980" is "../1979");
  "after X" starts the one after; "until", "since" and "from" include X;
* a day and month without a year ("26 Feb") is a day of an unknown year
  ("XXXX-02-26"), which ``in_words`` says as "26 February, year unknown";
* month names are read in English, Russian and Azerbaijani (CLDR names via Babel);
* anything else is refused with a one-line message naming the field and the input.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from db.dates import is_valid_edtf
from db.sanitize import clean_field

EXAMPLES = "26 Feb 2022, 26.02.2022, spring 1943, 1990s, before 1980, c. 1920, 1992-02-25/26"
_SHOWN_INPUT = 60  # characters of the input quoted back in a refusal


class DateInputError(ValueError):
    """Input that is not a date Catena can read; the message is meant for the person."""


@dataclass(frozen=True)
class _Date:
    """One end of a typed date: a year (or "199X"/"19XX"), maybe a month or sub-year
    grouping (21-41), maybe a day. Parts may be missing on the first end of a range
    ("25–26 February 1992"), to be filled from the last."""

    year: str | None = None
    month: int | None = None
    day: int | None = None

    def edtf(self) -> str:
        text = self.year or "XXXX"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


@lru_cache(maxsize=1)
def _month_words() -> dict[str, int]:
    # Imported here: Babel is only needed when a typed date is read, and importing it
    # at the top made every command (`catena list`, `search`) pay for it at start.
    from babel.dates import get_month_names

    words: dict[str, int] = {"sept": 9}
    for locale in ("en", "ru", "az"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names = get_month_names(width, context, locale)
                for number in range(1, 13):
                    words[str(names[number]).lower().rstrip(".")] = number
    return words


_SEASONS = {
    "spring": 21,
    "summer": 22,
    "autumn": 23,
    "fall": 23,
    "winter": 24,
    "весна": 21,
    "весной": 21,
    "весны": 21,
    "лето": 22,
    "летом": 22,
    "лета": 22,
    "осень": 23,
    "осенью": 23,
    "осени": 23,
    "зима": 24,
    "зимой": 24,
    "зимы": 24,
    "yaz": 21,
    "yay": 22,
    "payız": 23,
    "qış": 24,
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
}
_APPROXIMATE = re.compile(
    r"^(?:circa|ca\.?|c\.|c(?=\s*\d)|about|around|approximately|approx\.?|roughly|~|около|ок\.|"
    r"примерно|приблизительно|təxminən|təqribən)\s*"
)
_UNCERTAIN = re.compile(r"^(?:probably|possibly|perhaps|maybe|возможно|вероятно|ehtimal ki)\s+")
_BEFORE = re.compile(r"^(?:before|earlier than|prior to)\s+")
_UNTIL = re.compile(r"^(?:until|till|up to|by|not later than|no later than|до|по)\s+")
_AFTER = re.compile(r"^(?:after|later than|после)\s+")
_SINCE = re.compile(r"^(?:since|from|starting|not earlier than|no earlier than|с|со)\s+")
_ONWARDS = re.compile(r"\s*(?:onwards?|or later|and later|and after|–|-)$")
_BETWEEN = re.compile(r"^(?:between|from|с|между)\s+(.+?)\s+(?:and|to|till|until|по|и)\s+(.+)$")
_SPAN = re.compile(r"^(.+?)\s*(?:[–—]|\s-\s|\bto\b|\btill\b|\buntil\b|\bпо\b)\s*(.+)$")
_YEAR_WORDS = re.compile(
    r"\s*(?:г\.|гг\.|года?|годы|годов|году|-?c[iıuü] il(?:i|ində)?|il|ad|a\.d\.|ce)$"
)
_UNKNOWN_YEAR = re.compile(r",?\s*(?:year unknown|unknown year|год неизвестен|il məlum deyil)$")


def read_date_input(text: str | None, *, field: str = "Date") -> str | None:
    """The EDTF for what a person typed; None for nothing typed (a cleared field).

    Raises ``DateInputError`` ("Published: cannot read “next week” as a date …")
    for input that is not a date, naming *field* and quoting the input."""
    typed = clean_field(text or "").strip()
    if not typed:
        return None
    if is_valid_edtf(typed):
        return typed
    edtf = _natural(typed)
    if edtf is None or not is_valid_edtf(edtf):
        shown = typed if len(typed) <= _SHOWN_INPUT else typed[: _SHOWN_INPUT - 1] + "…"
        raise DateInputError(f"{field}: cannot read “{shown}” as a date (try {EXAMPLES})")
    return edtf


def _natural(typed: str) -> str | None:
    text = " ".join(typed.lower().replace("’", "'").split())
    text = text.removeprefix("the ")
    qualifier = ""
    if text.endswith("?"):
        qualifier, text = "?", text[:-1].rstrip()
    if match := _UNCERTAIN.match(text):
        qualifier, text = "?", text[match.end() :]
    if match := _APPROXIMATE.match(text):
        qualifier = "%" if qualifier else "~"
        text = text[match.end() :]
    if not text:
        return None
    value = _interval(text)
    if value is None:
        return None
    if not qualifier:
        return value
    return "/".join(end + qualifier if end not in ("", "..") else end for end in value.split("/"))


def _interval(text: str) -> str | None:
    """A single date, a range of two, or a range open at one end, as EDTF."""
    if is_valid_edtf(text):
        return text
    for pattern, step, open_start in ((_BEFORE, -1, True), (_UNTIL, 0, True), (_AFTER, 1, False)):
        if match := pattern.match(text):
            end = _point(text[match.end() :])
            if end is None or end.year is None:
                return None
            known = _shifted(end, step)
            return f"../{known}" if open_start else f"{known}/.."
    between = _BETWEEN.match(text)
    if between is None and (match := _SINCE.match(text)):
        start = _point(_ONWARDS.sub("", text[match.end() :]))
        return f"{start.edtf()}/.." if start is not None and start.year else None
    if between is None and _ONWARDS.search(text) and (start := _point(_ONWARDS.sub("", text))):
        return f"{start.edtf()}/.." if start.year else None
    first_text, last_text = between.groups() if between else _split(text) or (text, None)
    if last_text is None:
        point = _point(first_text)
        return point.edtf() if point is not None else None
    first, last = _point(first_text, partial=True), _point(last_text, partial=True)
    if first is None or last is None:
        return None
    first, last = _fill(first, last)
    if first is None:
        return None
    return f"{first.edtf()}/{last.edtf()}"


def _split(text: str) -> tuple[str, str] | None:
    """The two ends of a range: "1988–1994", "25-26 Feb 1992", "1992-02-25/26"."""
    if match := re.fullmatch(r"(\d{4}(?:-\d{2}){0,2})/(\d{1,2})", text):
        whole, tail = match.groups()  # "1992-02-25/26": the last part is shortened
        return whole, whole[: len(whole) - len(tail)] + tail.zfill(len(tail))
    if match := re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", text):
        return match[1], match[2]
    if match := re.fullmatch(r"(\d{1,2})-(\d{1,2})(\s+\D.*)", text):
        return match[1], match[2] + match[3]
    if "/" in text and text.count("/") == 1 and not re.search(r"\d/\d{1,2}/", text):
        first, _, last = text.partition("/")
        if re.search(r"\D", first.strip()) or len(first.strip()) == 4:
            return first.strip(), last.strip()
    if match := _SPAN.fullmatch(text):
        return match[1].strip(" ,"), match[2].strip(" ,")
    return None


def _fill(first: _Date, last: _Date) -> tuple[_Date | None, _Date]:
    """The first end completed from the last ("25" of "25–26 February 1992"), and
    the last from the first ("February 25–26, 1992" gives the month to "26")."""
    if last.month is None and last.day is not None and first.month is not None:
        last = replace(last, month=first.month)
    if first.year is None:
        if last.year is None:
            return None, last
        month = first.month if first.month is not None else last.month
        if first.day is not None and month is None:
            return None, last
        first = replace(first, year=last.year, month=month)
    if last.year is None:
        last = replace(last, year=first.year)
    if any(end.day is not None and end.month is None for end in (first, last)):
        return None, last  # "2022/02": a day of no month is not a date
    return first, last


def _point(text: str, *, partial: bool = False) -> _Date | None:
    """One date as typed, or None. With *partial* (an end of a range) a day alone
    ("25" of "25–26 February 1992") or a day and year ("26, 1992") will do."""
    text = text.strip(" ,").removeprefix("the ").removeprefix("of ")
    unknown_year = _UNKNOWN_YEAR.search(text)
    if unknown_year:
        text = text[: unknown_year.start()].strip(" ,")
    text = _YEAR_WORDS.sub("", text).strip(" ,")
    found = _numeric(text) or _decade(text) or _sub_year(text) or _worded(text, partial)
    if found is None or (unknown_year and found.year is not None):
        return None
    return found


def _numeric(text: str) -> _Date | None:
    """ISO "2022-02-26", day-first "26.02.2022" or "26/02/2022", "02.2022", "2022"."""
    if match := re.fullmatch(r"(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?", text):
        year, month, day = match.groups()
    elif match := re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", text):
        day, month, year = match.groups()
    elif match := re.fullmatch(r"(\d{1,2})[./](\d{4})", text):
        month, year = match.groups()
        day = None
    else:
        return None
    return _checked(year, int(month) if month else None, int(day) if day else None)


def _checked(year: str | None, month: int | None, day: int | None) -> _Date | None:
    """The date when its month and day exist (a day in an unknown year may be 29 Feb)."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        leap_or_year = int(year) if year and year.isdigit() else 2000
        if not 1 <= day <= calendar.monthrange(leap_or_year, month)[1]:
            return None
    return _Date(year, month, day)


def _decade(text: str) -> _Date | None:
    """ "1990s", "1990's", "1990-е", "1990-cı illər"; "19th century", "XX век"."""
    if match := re.fullmatch(r"(\d{3})0(?:'?s|-е|-х|-[cç][iıuü] ill[əa]r\w*)", text):
        return _Date(match[1] + "X")
    if match := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) c(?:entury|\.)?", text):
        return _Date(f"{int(match[1]) - 1:02d}XX") if 1 <= int(match[1]) <= 100 else None
    if match := re.fullmatch(r"([ivxl]+) (?:век|века|веке|əsr|əsrin|century)", text):
        number = _roman_number(match[1])
        return _Date(f"{number - 1:02d}XX") if number and 1 <= number <= 100 else None
    return None


def _roman_number(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total > 0 else None


def _sub_year(text: str) -> _Date | None:
    """ "spring 1943", "summer of 1943", "1943 spring", "Q4 2020", "fourth quarter of
    2020", "first half 1987", "весна 1943", "IV квартал 2020", "yaz 1943"."""
    words = text.replace(" of ", " ").split()
    year = next((w for w in words if re.fullmatch(r"\d{4}", w)), None)
    rest = [w for w in words if w != year]
    if year is None or not rest:
        return None
    if len(rest) == 1 and rest[0] in _SEASONS:
        return _Date(year, _SEASONS[rest[0]])
    if len(rest) == 1 and (match := re.fullmatch(r"q([1-4])", rest[0])):
        return _Date(year, 32 + int(match[1]))
    if len(rest) == 2 and rest[0] in _ORDINALS:
        number = _ORDINALS[rest[0]]
        if rest[1] in ("quarter", "квартал", "rüb"):
            return _Date(year, 32 + number)
        if rest[1] in ("half", "полугодие") and number <= 2:
            return _Date(year, 39 + number)
    return None


def _worded(text: str, partial: bool = False) -> _Date | None:
    """ "26 Feb 2022", "February 26, 2022", "26th of February 2022", "Feb 2022",
    "26 February" (year unknown), "February"."""
    tokens = [t for t in re.split(r"[\s,]+", text.replace(".", " ")) if t and t != "of"]
    day: int | None = None
    month: int | None = None
    year: str | None = None
    for token in tokens:
        bare = re.sub(r"^(\d{1,2})(?:st|nd|rd|th|-?(?:ci|cı|cu|cü|го|е))$", r"\1", token)
        if re.fullmatch(r"\d{4}", bare) and year is None:
            year = bare
        elif re.fullmatch(r"\d{1,2}", bare) and day is None:
            day = int(bare)
        elif bare in _month_words() and month is None:
            month = _month_words()[bare]
        else:
            return None
    if month is None:
        return _Date(year, None, day) if partial and day is not None else None
    return _checked(year, month, day)


def _shifted(point: _Date, step: int) -> str:
    """The day, month or year next to *point* ("before 1980" ends in 1979); a decade,
    century or season is kept as it is (EDTF has no "the decade before")."""
    year = point.year
    if step == 0 or year is None or not year.isdigit() or (point.month or 0) > 12:
        return point.edtf()
    number = int(year)
    if point.month is None:
        return f"{number + step:04d}"
    if point.day is None:
        months = number * 12 + point.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    ordinal = _day_number(number, point.month, point.day) + step
    return _from_day_number(ordinal)


def _day_number(year: int, month: int, day: int) -> int:
    return datetime.date(year, month, day).toordinal()


def _from_day_number(ordinal: int) -> str:
    return datetime.date.fromordinal(ordinal).isoformat()
