"""English date patterns: the recogniser that reads English text (and numeric dates in any).

Choices:
* Quarters are EDTF level 2 sub-year groupings ("fourth quarter of 2020" -> "2020-36"),
  which keeps the phrase's meaning; the bounds still give the three months.
* A day and month without a year ("Aug. 14") is claimed so it never becomes a figure;
  ``date_suggestions`` completes its year from the context or the document's date. When
  the text says it recurs ("each year on 11 July") it is "XXXX-07-11".
* A bare four-digit year needs a cue: a preposition ("in 1951", "since 1991"), a
  following capitalised name or event noun ("1949 Geneva Conventions", "the 2020
  war"), or parentheses. "1340 held captive" stays a figure.
* Numeric dates "03/04/2005" are read day-first (the archive's convention) and
  marked uncertain when both readings are possible.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from db.date_words import MONTHS
from desktop.extract.date_core import (
    Day,
    Found,
    day_number,
    expand_year,
    interval,
    point,
    valid,
    year_less,
)
from desktop.extract.regex_guard import guarded
from desktop.extract.text_nearby import is_plural, word_set

# Month names from the one month table; the recogniser reads English text, so it asks
# for English whatever language dates are shown in, and adds the abbreviations English
# text uses ("Jan", "Sept").
_ENGLISH_MONTHS = {words.name: number for number, words in MONTHS["en"].items()}
_MONTH_FORMS = {form: n for name, n in _ENGLISH_MONTHS.items() for form in (name, name[:3])}
_MONTH_FORMS["Sept"] = 9
_MONTHS = {form.casefold(): number for form, number in _MONTH_FORMS.items()}
_MONTH_WORDS = sorted(_MONTH_FORMS, key=len, reverse=True)
# Title case or capitals only: lower-case "may" and "march" are usually verbs.
_FULL_MONTHS = sorted(_ENGLISH_MONTHS, key=len, reverse=True)
_ABBREVIATIONS = sorted(set(_MONTH_FORMS) - set(_ENGLISH_MONTHS), key=len, reverse=True)
# A stop after an abbreviation ("Feb.") is part of it; after a full name ("16 March.")
# it ends the sentence and stays out of the tag.
_MON = (
    "(?:(?:"
    + "|".join(w for m in _FULL_MONTHS for w in (m, m.upper()))
    + r")\b|(?:"
    + "|".join(w for m in _ABBREVIATIONS for w in (m, m.upper()))
    + r")\b\.?)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_WEEKDAY_BEFORE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.I)
_APPROX_MONTH_BEFORE = re.compile(r"\b(?:early|mid|late)[-\s]+$", re.I)
_DASH = r"\s*[-–—]\s*"
_TO = r"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through|and)\s+)"
_END = r"(?![\w])"
# "October 14, 1993, to February 2, 1994": a comma may close the first date before "to"
# (not before "and": "February 27, 2007, and February 24, 2012" are two dates).
_COMMA_TO = r"(?:,(?=\s+(?:to|until|till|through)\s))?"

_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
_QUARTER = r"(?P<q>first|second|third|fourth|last|1st|2nd|3rd|4th)"
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

# A bare year counts as a date after these words ("in 1951", "the Convention of 1951").
_YEAR_CUES = word_set(
    "in of since from during by before after until till circa c. c year years around early "
    "late mid mid- spring summer autumn fall winter between and to the"
)
# After a bare year, these words say it names an event or period, not a count.
_EVENT_NOUNS = word_set(
    "war wars conflict conflicts election elections census crisis agreement accord accords "
    "ceasefire cease-fire massacre massacres genocide invasion uprising revolution referendum "
    "summit report law constitution convention conventions treaty earthquake flood floods "
    "offensive campaign attack attacks protests riots pogrom pogroms events clashes "
    "declaration resolution trial trials hearings coup famine occupation budget season "
    "games olympics act edition"
)
# Words that may follow a year without turning it into a count ("in 1992, when ...").
_FUNCTION_WORDS = word_set(
    "and or but the a an when as to until till after before with in on at by for while "
    "where which that who he she it they we i was were had has have is are alone onward "
    "onwards through up there this these those its their his her our"
)
_RECURRENCE = r"(?:each|every)\s+year|annually|yearly"


def _month(token: str) -> int | None:
    """Month number for a written month, refusing lower-case ("may", "march" the verbs)."""
    word = token.rstrip(".")
    if not (word[:1].isupper()):
        return None
    return _MONTHS.get(word.casefold())


# --- pattern handlers --------------------------------------------------------------------
# Each handler gets the regex match and returns a Found or None (None = not a date after
# all, e.g. "31 February"). Patterns are tried all together; the longest match wins.

Handler = Callable[[re.Match[str]], "Found | None"]


def _h_iso(m: re.Match[str]) -> Found | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    return point(m.start(), m.end(), Day(y, mo, d)) if valid(y, mo, d) else None


def _h_numeric(m: re.Match[str]) -> Found | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if valid(y, b, a):
        certainty = "uncertain" if a <= 12 and a != b and valid(y, a, b) else "certain"
        return point(m.start(), m.end(), Day(y, b, a), certainty)
    if valid(y, a, b):
        return point(m.start(), m.end(), Day(y, a, b))
    return None


def _before(m: re.Match[str], pattern: re.Pattern[str]) -> int | None:
    """Start of *pattern* when it ends right where the match starts ("between ", "Monday, ")."""
    window = max(0, m.start() - 16)
    found = pattern.search(m.string, window, m.start())
    return found.start() if found else None


def _h_day_range(m: re.Match[str]) -> Found | None:
    """'11–13 July 1995', '14/15 June 1999', 'between 3 and 7 March 2004',
    and the American order 'February 25 to 26, 1992'."""
    month = _month(m["m"])
    between = _before(m, _BETWEEN_BEFORE)
    if month is None or (" and " in m["sep"] and between is None):
        return None
    y, d1, d2 = int(m["y"]), day_number(m["d1"]), day_number(m["d2"])
    if not (valid(y, month, d1) and valid(y, month, d2)) or d2 <= d1:
        return None
    start = m.start() if between is None else between
    return interval(start, m.end(), Day(y, month, d1), Day(y, month, d2))


def _h_cross_month(m: re.Match[str]) -> Found | None:
    """'30 June – 2 July 2001' and 'June 30 to July 2, 2001'."""
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    if m1 is None or m2 is None:
        return None
    y2 = int(m["y"])
    y1 = int(m["y1"]) if m["y1"] else y2
    d1, d2 = day_number(m["d1"]), day_number(m["d2"])
    if not (valid(y1, m1, d1) and valid(y2, m2, d2)):
        return None
    return interval(m.start(), m.end(), Day(y1, m1, d1), Day(y2, m2, d2))


def _h_day_month_year(m: re.Match[str]) -> Found | None:
    month = _month(m["m"])
    y, d = int(m["y"]), day_number(m["d"])
    if month is None or not valid(y, month, d):
        return None
    weekday = _before(m, _WEEKDAY_BEFORE)
    return point(m.start() if weekday is None else weekday, m.end(), Day(y, month, d))


def _h_month_range_year(m: re.Match[str]) -> Found | None:
    """'March–May 2004' -> 2004-03/2004-05."""
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    if m1 is None or m2 is None or m2 <= m1:
        return None
    y = int(m["y"])
    return interval(m.start(), m.end(), Day(y, m1), Day(y, m2))


_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")


def _h_month_year(m: re.Match[str]) -> Found | None:
    month = _month(m["m"])
    if month is None or _before(m, _DAY_BEFORE) is not None:
        return None  # "31 February 1999": an impossible day, not "February 1999"
    approx = _before(m, _APPROX_MONTH_BEFORE)
    certainty = "certain" if approx is None else "approximate"
    start = m.start() if approx is None else approx
    return point(start, m.end(), Day(int(m["y"]), month), certainty)


def _h_recurring(m: re.Match[str]) -> Found | None:
    month = _month(m["m"])
    d = day_number(m["d"])
    if month is None or not valid(None, month, d):
        return None
    return Found(m.start(), m.end(), Day(None, month, d).edtf(), None, None)


def _h_yearless(m: re.Match[str]) -> Found | None:
    """'Aug. 14' with no year: claimed, and completed later from the context."""
    month = _month(m["m"])
    if month is None:
        return None
    return year_less(m.start(), m.end(), month, day_number(m["d"]))


def _h_quarter(m: re.Match[str]) -> Found | None:
    q = m["q"].casefold()
    number = _ORDINAL_WORDS.get(q) or int(q[0])
    y = int(m["y"])
    first, last = 3 * number - 2, 3 * number
    return Found(
        m.start(), m.end(), f"{y}-{32 + number}", Day(y, first).lower(), Day(y, last).upper()
    )


def _h_half(m: re.Match[str]) -> Found | None:
    y = int(m["y"])
    second = m["h"].casefold() in {"second", "2nd", "latter"}
    first, last = (7, 12) if second else (1, 6)
    code = 41 if second else 40
    return Found(m.start(), m.end(), f"{y}-{code}", Day(y, first).lower(), Day(y, last).upper())


def _h_season(m: re.Match[str]) -> Found | None:
    y = int(m["y"])
    code = _SEASONS[m["s"].casefold()]
    # Northern-hemisphere meteorological seasons for the bounds; winter spans the new year.
    months = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}[code]
    lower = Day(y, months[0]).lower()
    upper = Day(y + 1 if code == 24 else y, months[1]).upper()
    return Found(m.start(), m.end(), f"{y}-{code}", lower, upper)


def _h_decade(m: re.Match[str]) -> Found | None:
    y = int(m["y"])
    return Found(m.start(), m.end(), f"{str(y)[:3]}X", Day(y).lower(), Day(y + 9).upper())


def _h_part_of_year(m: re.Match[str]) -> Found | None:
    """'mid-2024', 'early 1990': within that year, which part is approximate."""
    return point(m.start(), m.end(), Day(int(m["y"])))


def _h_year_range(m: re.Match[str]) -> Found | None:
    y1 = int(m["y1"])
    y2 = expand_year(y1, m["y2"])
    between = _before(m, _BETWEEN_BEFORE)
    if y2 <= y1 or y2 - y1 > 200 or (" and " in m["sep"] and between is None):
        return None
    return interval(m.start() if between is None else between, m.end(), Day(y1), Day(y2))


PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(rf"\b(?P<y>{_YEAR})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})\b"), _h_iso),
    (
        re.compile(rf"(?<![\d/.])(?P<a>\d{{1,2}})([/.])(?P<b>\d{{1,2}})\2(?P<y>{_YEAR})\b"),
        _h_numeric,
    ),
    (
        re.compile(
            rf"\b(?P<d1>{_DAY})(?P<sep>{_TO})(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m>{_MON}),?\s+"
            rf"(?P<y>{_YEAR}){_END}"
        ),
        _h_day_range,
    ),
    (
        re.compile(
            rf"\b(?P<m>{_MON})\s+(?P<d1>{_DAY})(?P<sep>{_TO})(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR}){_END}"
        ),
        _h_day_range,
    ),
    (
        re.compile(
            rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MON})(?:,?\s+(?P<y1>{_YEAR}){_COMMA_TO})?{_TO}"
            rf"(?P<d2>{_DAY})\s+(?P<m2>{_MON}),?\s+(?P<y>{_YEAR}){_END}"
        ),
        _h_cross_month,
    ),
    (
        re.compile(
            rf"\b(?:from\s+)?(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}){_COMMA_TO})?{_TO}"
            rf"(?P<m2>{_MON})\s+(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR}){_END}"
        ),
        _h_cross_month,
    ),
    (
        re.compile(rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON}),?\s+(?P<y>{_YEAR}){_END}"),
        _h_day_month_year,
    ),
    (
        re.compile(rf"\b(?P<m>{_MON})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR}){_END}"),
        _h_day_month_year,
    ),
    (
        re.compile(rf"\b(?P<m1>{_MON}){_DASH}(?P<m2>{_MON}),?\s+(?P<y>{_YEAR}){_END}"),
        _h_month_range_year,
    ),
    (
        re.compile(rf"\b(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR}){_END}"),
        _h_month_year,
    ),
    (
        # Case-insensitive only in its opening words ("Every", "each year"): the flag is
        # the pattern's own, not a scoped "(?i:…)", so the date finder can tell which
        # letters it starts with (regex_guard) and skip the other words.
        re.compile(
            rf"\b(?:(?:{_RECURRENCE})\s+(?-i:on)\s+|every\s+)"
            rf"(?-i:(?:(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON})|(?P<m_>{_MON})\s+(?P<d_>{_DAY}))"
            rf"(?!\w))",
            re.I,
        ),
        lambda m: _h_recurring(_Swap(m)),  # type: ignore[arg-type]
    ),
    (
        re.compile(
            rf"\b(?:(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON})|(?P<m_>{_MON})\s+(?P<d_>{_DAY}))"
            rf",?\s+(?i:{_RECURRENCE})\b"
        ),
        lambda m: _h_recurring(_Swap(m)),  # type: ignore[arg-type]
    ),
    (
        re.compile(
            rf"\b(?:(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON})|(?P<m_>{_MON})\s+(?P<d_>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?)(?![\w])"
        ),
        lambda m: _h_yearless(_Swap(m)),  # type: ignore[arg-type]
    ),
    (
        re.compile(rf"\b(?:the\s+)?{_QUARTER}\s+quarter\s+(?:of\s+)?(?P<y>{_YEAR})\b", re.I),
        _h_quarter,
    ),
    (re.compile(rf"\bQ(?P<q>[1-4])\s+(?P<y>{_YEAR})\b"), _h_quarter),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd|latter)\s+half\s+of\s+(?P<y>{_YEAR})\b",
            re.I,
        ),
        _h_half,
    ),
    (
        re.compile(
            rf"\b(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{_YEAR})\b", re.I
        ),
        _h_season,
    ),
    (re.compile(r"\b(?:the\s+)?(?P<y>1[0-9]{2}0|20[0-9]0)s\b"), _h_decade),
    (re.compile(rf"\b(?:early|mid|late)[-\s](?P<y>{_YEAR})\b", re.I), _h_part_of_year),
    (
        re.compile(
            rf"(?<![\d,.])(?P<y1>{_YEAR})(?P<sep>\s*[-–—]\s*|\s+(?:to|and|until|till)\s+)"
            rf"(?P<y2>{_YEAR}|\d{{2}})(?![\d,])"
        ),
        _h_year_range,
    ),
]


class _Swap:
    """Lets one handler read 'd'/'m' whichever order ("14 August"/"August 14") matched."""

    def __init__(self, match: re.Match[str]) -> None:
        self._m = match

    def __getitem__(self, key: str) -> str | None:
        return self._m[key] if self._m[key] is not None else self._m[key + "_"]

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


# The words an English date shape can open with (the others open with a number or a
# month name): "the fourth quarter of 2020", "from June 30 to July 2", "each year on".
ENGLISH_LEAD = re.compile(
    r"(?:the|from|between|each|every|annually|yearly|first|second|third|fourth|last|latter"
    r"|spring|summer|autumn|fall|winter|early|mid|late|Q[1-4])\b",
    re.IGNORECASE,
)
BARE_YEAR = re.compile(rf"(?<![\w,.$£€+#/-])(?P<y>{_YEAR})(?![\w%]|[.,]\d|[-–/]\d)")
_APPROX_BEFORE = re.compile(r"\b(?:circa|c\.|ca\.|around|about|approximately)\s*$", re.I)
_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)[\s(]*$")
TIME = guarded(  # scanned over every digit window: skip in C where no time can start
    r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?![\d:])"
    r"|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b|\b\d{1,2}\s+o'clock\b"
    r"|\b(?:UTC|GMT)\s*[+−-]\s*\d{1,2}(?::\d{2})?",
    re.IGNORECASE,
)


def bare_year(text: str, m: re.Match[str]) -> Found | None:
    """A lone four-digit year, accepted only with a cue either side (see module doc)."""
    before = text[max(0, m.start() - 30) : m.start()]
    after = _WORD_AFTER.match(text, m.end())
    next_word = after.group(1) if after and after.start(1) - m.end() <= 2 else None
    prev = _WORD_BEFORE.search(before)
    prev_word = prev.group(1).casefold() if prev else ""
    singular_noun = False
    if next_word and next_word[0].islower() and next_word.casefold() not in _FUNCTION_WORDS:
        if next_word.casefold() in _EVENT_NOUNS:
            pass
        elif prev_word in {"the", "a", "its", "their", "this"} and not is_plural(next_word):
            singular_noun = True  # "the 2011 disaster": a year used as a modifier
        else:
            return None  # "1340 held captive", "in 1500 villages": a count
    cue = (
        prev_word in _YEAR_CUES
        or (
            next_word is not None
            and (next_word[0].isupper() or next_word.casefold() in _EVENT_NOUNS)
        )
        or singular_noun
        or before.rstrip().endswith("(")
        or bool(re.match(r"\s*\)", text[m.end() : m.end() + 2]))
    )
    if not cue:
        return None
    year = Day(int(m["y"]))
    if _APPROX_BEFORE.search(before):
        return Found(
            m.start(), m.end(), f"{year.edtf()}~", year.lower(), year.upper(), "approximate"
        )
    return point(m.start(), m.end(), year)


def open_since(text: str, found: Found) -> Found:
    """'since 1991' -> '1991/..': the text dates a start, the end is still open."""
    if found.emit and "/" not in found.edtf and "X" not in found.edtf:
        match = _SINCE_BEFORE.search(text, max(0, found.start - 10), found.start)
        if match and text[match.start() : match.start() + 5].casefold() == "since":
            return Found(
                match.start(), found.end, f"{found.edtf}/..", found.lower, None, found.certainty
            )
    return found
