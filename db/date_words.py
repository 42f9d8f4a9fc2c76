"""EDTF dates in words and in the citation styles' forms, and the one month table.

``db.dates`` reads and judges a value; this module only says what it read, so the tag
editor ("12–13 March 1987"), the window's lists, the CLI and the three citation styles
("March 12–13, 1987" / "1987, March 12–13" / "12–13 Mar. 1987") agree on which values
are dates. A value that is not valid, or not in a shape we can say (a set, a time,
"1X9X"), is shown as typed, never guessed: a dossier must not invent a date.

``in_words`` takes the reader's language (English, Azerbaijani, Russian; see
``db.date_locales`` for the grammar of each). The citation forms stay English, as the
three styles are. Month names for citations live in one table keyed by EDTF's own
numbers (1-12 for months, 21-41 for seasons, quarters, quadrimesters and halves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.date_locales import DEFAULT_DATE_LOCALE, DatePhrases, phrases_for
from db.dates import EdtfPoint, read_edtf


@dataclass(frozen=True)
class MonthWords:
    """A month's name and the short form MLA 9 prints (months of four letters or
    fewer stay whole; September is "Sept.")."""

    name: str
    short: str


MONTHS: dict[str, dict[int, MonthWords]] = {
    "en": {
        1: MonthWords("January", "Jan."),
        2: MonthWords("February", "Feb."),
        3: MonthWords("March", "Mar."),
        4: MonthWords("April", "Apr."),
        5: MonthWords("May", "May"),
        6: MonthWords("June", "June"),
        7: MonthWords("July", "July"),
        8: MonthWords("August", "Aug."),
        9: MonthWords("September", "Sept."),
        10: MonthWords("October", "Oct."),
        11: MonthWords("November", "Nov."),
        12: MonthWords("December", "Dec."),
    },
}
# EDTF sub-year names (21-41) in English, for the citation styles; the words in other
# languages live with their grammar in ``db.date_locales``.
SUB_YEARS: dict[str, dict[int, str]] = {"en": DatePhrases.sub_years}
_DATE_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_DECADE_YEAR = re.compile(r"\d{3}X")
_CENTURY_YEAR = re.compile(r"\d{2}XX")


def month_name(number: int, *, short: bool = False, locale: str = "en") -> str:
    """The name of month *number* (1-12) in *locale*; MLA's short form if asked."""
    words = MONTHS[locale][number]
    return words.short if short else words.name


def sub_year_name(code: int, locale: str = "en") -> str:
    """ "fourth quarter" for EDTF code 36, "spring" for 21."""
    return SUB_YEARS[locale][code]


# --------------------------------------------------------------------------- words


def in_words(value: str | None, locale: str = DEFAULT_DATE_LOCALE) -> str:
    """Words for an EDTF value in *locale* ("25–26 February 1992", "весна 1943 г.");
    the value as typed when it is invalid or in a shape words cannot say.

    Every date a person reads goes through here, with the locale the person chose
    (a setting, passed in; English by default)."""
    timed = _DATE_TIME.fullmatch((value or "").strip())
    if timed:  # a photograph's "2020-10-01T12:30:45": the day in words, the time as is
        return f"{in_words(timed[1], locale)} {timed[2]}"
    read = read_edtf(value)
    if read is None:
        return ""
    if not read.readable:
        return read.text
    say = phrases_for(locale)
    start, end = read.start, read.end
    if not read.interval:
        assert start is not None
        return _point_words(start, say) or read.text
    if start is None and end is None:
        return say.undated  # "../..": nothing dated to say
    if start is None or end is None:
        known = start or end
        assert known is not None
        text = _point_words(known, say, genitive=True)
        if text is None:
            return read.text
        return say.until(text) if start is None else say.from_(text)
    if end.year == "XXXX" and end.month is None and start.year != "XXXX":
        s_text = _point_words(start, say)
        return say.span(s_text, say.unknown_end) if s_text else read.text
    s_text, e_text = _point_words(start, say), _point_words(end, say)
    if s_text is None or e_text is None:
        return read.text
    # Shared parts are said once, and only when both ends carry the same qualifier:
    # "about 25–26 February" for "25~/26~", but never one end's "about" spread over
    # both, nor dropped.
    same_year = start.year == end.year and start.year_number is not None
    if same_year and start.qualifier == end.qualifier:
        bare_start, bare_end = _unqualified(start), _unqualified(end)
        year = _year_words(bare_end, say)
        month = bare_start.month_number
        shared: str | None = None
        if start.month == end.month and start.day_number and end.day_number and month:
            name = say.month(month, with_day=True)
            shared = say.days(bare_start.day_number or 0, bare_end.day_number or 0, name, year)
        elif month and end.month_number and not (start.day or end.day):
            first = _part_words(bare_start, say)
            shared = say.span(first, _point_words(bare_end, say) or "")
        elif month and month <= 12 and bare_start.day_number and end.day_number:
            # "4 May to 19 June 1987": the year once
            first = f"{bare_start.day_number} {say.month(month, with_day=True)}"
            shared = say.span(first, _point_words(bare_end, say) or "")
        if shared is not None:
            return _qualified(shared, start.qualifier, say)
    if _plain_year(start) and _plain_year(end):
        return say.years(int(start.year), int(end.year))  # "1979–1986 гг."
    return say.span(s_text, e_text)


def _plain_year(point: EdtfPoint) -> bool:
    """A year of the common era alone, without qualifier."""
    number = point.year_number
    return point.month is None and not point.qualifier and number is not None and number > 0


def _unqualified(point: EdtfPoint) -> EdtfPoint:
    return EdtfPoint(point.year, point.month, point.day)


def _qualified(text: str, qualifier: str, say: DatePhrases) -> str:
    if qualifier in ("~", "%"):
        text = say.about(text)
    if qualifier in ("?", "%"):
        text = say.uncertain(text)
    return text


def _year_words(point: EdtfPoint, say: DatePhrases, *, genitive: bool = False) -> str:
    number = point.year_number
    assert number is not None
    return say.year(number, genitive=genitive)


def _part_words(point: EdtfPoint, say: DatePhrases) -> str:
    """A month or sub-year grouping without its year ("March", "spring")."""
    month = point.month_number
    assert month is not None
    if month > 12:
        return say.sub_year_name(month)
    return say.month(month, with_day=False)


def _point_words(point: EdtfPoint, say: DatePhrases, *, genitive: bool = False) -> str | None:
    """ "26 February 1992?", "spring 1943", "26 February, year unknown"; None when the
    date has a shape words would misstate ("1987-XX-12", "1X9X", "199X-03")."""
    day, month, year = point.day_number, point.month_number, point.year
    if day is None and point.day is not None and month is not None:
        point = EdtfPoint(year, point.month, None, point.qualifier)  # "1987-03-XX": March
    elif month is None and point.month is not None and point.day is None:
        point = EdtfPoint(year, None, None, point.qualifier)  # "1987-XX": some month of 1987
    elif (day is None) != (point.day is None) or (month is None) != (point.month is None):
        return None  # "1987-XX-12": a day of a month words cannot name
    day, month = point.day_number, point.month_number
    genitive = genitive or (point.approximate and say.about_takes_genitive)
    if year == "XXXX":  # the grammar takes no season of an unknown year
        if month is None:
            return _qualified(say.unknown_year, point.qualifier, say)
        if month > 12:
            return None
        name = say.month(month, with_day=day is not None)
        return _qualified(say.without_year(f"{day} {name}" if day else name), point.qualifier, say)
    if "X" in year:
        if month is not None:
            return None  # a month of a decade says nothing a reader can use
        if _DECADE_YEAR.fullmatch(year):
            text = say.decade(int(year[:3]) * 10, genitive=genitive)
        elif _CENTURY_YEAR.fullmatch(year):
            text = say.century(int(year[:2]) + 1, genitive=genitive)
        else:
            return None  # unknown digits inside the year
        return _qualified(text, point.qualifier, say)
    year_text = _year_words(point, say, genitive=genitive)
    if month is None:
        text = year_text
    elif month > 12:
        text = say.sub_year(month, year_text, genitive=genitive)
    elif day is None:
        text = say.month_year(say.month(month, with_day=False, genitive=genitive), year_text)
    else:
        text = say.day(day, say.month(month, with_day=True), year_text)
    return _qualified(text, point.qualifier, say)


# --------------------------------------------------------------------------- citation forms


@dataclass(frozen=True)
class _CitedDay:
    """One date as the citation styles print it, at year, month or day precision."""

    year: str  # "2021", or "199X"/"19XX" for a decade or century
    month: int | None = None  # 1-12, or 21-41 for a sub-year grouping
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def sort_key(self) -> str:
        return f"{self.year.replace('X', '0')}-{self.month or 0:02d}-{self.day or 0:02d}"


@dataclass(frozen=True)
class _Cited:
    start: _CitedDay | None = None
    end: _CitedDay | None = None
    interval: bool = False


_CITED_YEAR = re.compile(r"\d{4}|\d{3}X|\d{2}XX")


def _cited_day(point: EdtfPoint) -> _CitedDay | None:
    """The point if the styles can print it: a known year, decade or century, and
    for a decade or century no month."""
    if not _CITED_YEAR.fullmatch(point.year):
        return None
    month, day = point.month_number, point.day_number
    if (point.month is not None and month is None) or (point.day is not None and day is None):
        return None
    if "X" in point.year and month is not None:
        return None
    return _CitedDay(point.year, month, day, point.approximate, point.uncertain)


def _cite(text: str | None) -> _Cited | str | None:
    """None when undated (no value, or a wholly unknown year "XXXX-02-26"); the text
    as typed when invalid or unprintable; otherwise the dates to print."""
    read = read_edtf(text)
    if read is None:
        return None
    if not read.readable:
        return read.text
    ends: list[_CitedDay | None] = []
    for point in (read.start, read.end) if read.interval else (read.start,):
        if point is None or point.year == "XXXX":
            ends.append(None)  # open, unknown, or a day in an unknown year
            continue
        day = _cited_day(point)
        if day is None:
            return read.text
        ends.append(day)
    if all(end is None for end in ends):
        return None
    if not read.interval:
        return _Cited(start=ends[0])
    return _Cited(start=ends[0], end=ends[1], interval=True)


def cited_date(
    text: str | None, style: str, *, year_only: bool = False, suffix: str = ""
) -> str | None:
    """A date as the style prints it: "February 26, 2021" / "2021, February 26" /
    "26 Feb. 2021"; None when undated (the style prints "n.d.").

    Intervals inside one month are compressed ("February 25–26, 1992"); others print
    both ends with an en dash. ``suffix`` is APA's "a"/"b" for same-author-same-year.
    """
    value = _cite(text)
    if value is None or isinstance(value, str):
        return value
    start, end = value.start, value.end
    if not value.interval:
        assert start is not None
        return _day_text(start, style, year_only=year_only, suffix=suffix)
    if start is None:
        assert end is not None
        return "–" + _day_text(end, style, year_only=year_only, suffix=suffix)
    if end is None:
        return _day_text(start, style, year_only=year_only, suffix=suffix) + "–"
    plain = not (start.approximate or start.uncertain or end.approximate or end.uncertain)
    if year_only or (start.month is None and end.month is None):
        if start.year == end.year:
            return _day_text(start, style, year_only=True, suffix=suffix)
        return f"{_day_text(start, style, year_only=True)}–{_day_text(end, style, year_only=True)}"
    same_month = start.year == end.year and start.month == end.month and start.month
    if plain and same_month and start.day and end.day and start.month and start.month <= 12:
        year = _year_text(start) + suffix
        if style == "mla":
            return f"{start.day}–{end.day} {month_name(start.month, short=True)} {year}"
        if style == "apa":
            return f"{year}, {month_name(start.month)} {start.day}–{end.day}"
        return f"{month_name(start.month)} {start.day}–{end.day}, {year}"
    return f"{_day_text(start, style, suffix=suffix)}–{_day_text(end, style)}"


def cited_sort_key(text: str | None) -> str:
    """Sortable text for a publication date; undated sorts first, as APA requires."""
    value = _cite(text)
    if value is None:
        return ""
    if isinstance(value, str):
        return "~" + value  # unreadable dates after readable ones
    first = value.start or value.end
    assert first is not None
    return first.sort_key


def cited_year(text: str | None) -> str | None:
    """The year an APA reference shows, used to find same-author-same-year entries."""
    value = _cite(text)
    if value is None or isinstance(value, str):
        return value
    first = value.start or value.end
    assert first is not None
    return first.year


def _year_text(day: _CitedDay) -> str:
    if day.year.endswith("XX"):
        return f"{day.year[:2]}00s"
    if day.year.endswith("X"):
        return f"{day.year[:3]}0s"
    return day.year


def _qualify(text: str, day: _CitedDay) -> str:
    # "ca." for approximate and a trailing "?" for uncertain are common to all three
    # styles; EDTF "%" (both) gets both marks.
    if day.uncertain:
        text += "?"
    if day.approximate:
        text = "ca. " + text
    return text


def _day_text(day: _CitedDay, style: str, *, year_only: bool = False, suffix: str = "") -> str:
    year = _year_text(day) + suffix
    if year_only or day.month is None:
        return _qualify(year, day)
    if day.month > 12:
        # Seasons print as Chicago and APA print a journal issue's season; quarters
        # and halves the same way ("Fourth quarter 1986").
        name = sub_year_name(day.month)
        name = name[:1].upper() + name[1:]
        text = f"{year}, {name}" if style == "apa" else f"{name} {year}"
        return _qualify(text, day)
    if style == "mla":
        month = month_name(day.month, short=True)
        text = f"{day.day} {month} {year}" if day.day else f"{month} {year}"
    elif style == "apa":
        month = month_name(day.month)
        text = f"{year}, {month} {day.day}" if day.day else f"{year}, {month}"
    else:
        month = month_name(day.month)
        text = f"{month} {day.day}, {year}" if day.day else f"{month} {year}"
    return _qualify(text, day)
