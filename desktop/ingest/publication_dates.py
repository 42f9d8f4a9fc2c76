"""Find publication dates, times and UTC offsets written the ways web pages write them.

Only whole dates are recognised (day, month and year, or ISO ``YYYY-MM-DD``), in the
languages of the collections Catena serves (en, ru, az, tr, fr, de). Results are EDTF
strings, which is what the catalogue stores.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "января",
        "январь",
        "янв",
        "yanvar",
        "ocak",
        "janvier",
        "janv",
        "januar",
        "jänner",
    ),
    2: (
        "february",
        "feb",
        "февраля",
        "февраль",
        "фев",
        "fevral",
        "şubat",
        "février",
        "févr",
        "februar",
    ),
    3: ("march", "mar", "марта", "март", "mart", "mars", "märz"),
    4: ("april", "apr", "апреля", "апрель", "апр", "aprel", "nisan", "avril", "avr"),
    5: ("may", "мая", "май", "may", "mayıs", "mai"),
    6: ("june", "jun", "июня", "июнь", "iyun", "haziran", "juin", "juni"),
    7: ("july", "jul", "июля", "июль", "iyul", "temmuz", "juillet", "juil", "juli"),
    8: ("august", "aug", "августа", "август", "avqust", "ağustos", "août", "aout"),
    9: (
        "september",
        "sep",
        "sept",
        "сентября",
        "сентябрь",
        "сен",
        "sentyabr",
        "eylül",
        "septembre",
    ),
    10: (
        "october",
        "oct",
        "октября",
        "октябрь",
        "окт",
        "oktyabr",
        "ekim",
        "octobre",
        "oktober",
        "okt",
    ),
    11: ("november", "nov", "ноября", "ноябрь", "ноя", "noyabr", "kasım", "novembre"),
    12: (
        "december",
        "dec",
        "декабря",
        "декабрь",
        "дек",
        "dekabr",
        "aralık",
        "décembre",
        "dezember",
        "dez",
    ),
}
MONTH_BY_NAME: dict[str, int] = {name: num for num, names in _MONTHS.items() for name in names}
_MONTH_RE = "|".join(sorted((re.escape(n) for n in MONTH_BY_NAME), key=len, reverse=True))

# Each pattern names its groups d (day), m (month name) or mm (month number), y (year).
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)(?P<y>(?:1[89]|20)\d\d)-(?P<mm>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    re.compile(
        rf"(?<!\w)(?P<d>[0-3]?\d)\.?\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>(?:1[89]|20)\d\d)(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<!\w)(?P<m>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:1[89]|20)\d\d)(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)[./](?P<mm>[01]?\d)[./](?P<y>(?:1[89]|20)\d\d)(?!\d)"),
)
TIME_RE = re.compile(
    r"(?<![\d:])(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ap>[ap]\.?m\.?))?(?![\d:])",
    re.I,
)
TZ_RE = re.compile(
    r"\(?\s*(?:UTC|GMT)\s*(?:(?P<sign>[+\-−–])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?)?\s*\)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateHit:
    """A date found in a string: its EDTF value and where it stood."""

    edtf: str
    start: int
    end: int


# Every pattern above ends in such a year: a text without one holds no whole date, and
# one scan for it spares four (the month names' alternatives are the slow ones).
_A_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def find_dates(text: str) -> list[DateHit]:
    """All whole dates in *text*, left to right, without overlaps."""
    hits: list[DateHit] = []
    if _A_YEAR.search(text) is None:
        return hits
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(h.start < match.end() and match.start() < h.end for h in hits):
                continue
            edtf = _to_edtf(match)
            if edtf:
                hits.append(DateHit(edtf, match.start(), match.end()))
    return sorted(hits, key=lambda h: h.start)


def _to_edtf(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mm"]) if groups.get("mm") else MONTH_BY_NAME.get(groups["m"].lower())
    if month is None:
        return None
    try:
        date = dt.date(int(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None
    return date.isoformat()


def find_time(text: str) -> tuple[str, int, int] | None:
    """First clock time as "HH:MM" (24-hour) with its span."""
    match = TIME_RE.search(text)
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["mi"])
    ampm = (match["ap"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return f"{hour:02d}:{minute:02d}", match.start(), match.end()


def find_tz(text: str) -> tuple[str, int, int] | None:
    """First "UTC+04:00"/"GMT -5" style offset as "+04:00" ("+00:00" for bare UTC)."""
    match = TZ_RE.search(text)
    if not match:
        return None
    if not match["sign"]:
        return "+00:00", match.start(), match.end()
    sign = "-" if match["sign"] in "-−–" else "+"
    return f"{sign}{int(match['h']):02d}:{match['m'] or '00'}", match.start(), match.end()


def iso_to_edtf(value: str) -> tuple[str | None, str | None, str | None]:
    """Split an ISO 8601 timestamp ("2021-02-26T10:24:00+04:00") into date, time, offset.

    HTML metadata and PDF/DOCX properties carry machine dates; this keeps the local
    time and offset as written rather than converting to UTC, as the source stated them.
    """
    value = value.strip()
    pdf = re.match(
        r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([+\-Z])?(\d{2})?'?(\d{2})?", value
    )
    if pdf:
        year, month, day, hour, minute = pdf.group(1, 2, 3, 4, 5)
        date = "-".join(p for p in (year, month, day) if p)
        time = f"{hour}:{minute}" if hour and minute else None
        tz = None
        if pdf[7] == "Z":
            tz = "+00:00"
        elif pdf[7] and pdf[8]:
            tz = f"{pdf[7]}{pdf[8]}:{pdf[9] or '00'}"
        return date, time, tz
    match = re.match(
        r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+\-]\d{2}:?\d{2})?)?",
        value,
    )
    if not match:
        hits = find_dates(value)
        return (hits[0].edtf if hits else None), None, None
    tz = match[3]
    if tz == "Z":
        tz = "+00:00"
    elif tz and ":" not in tz:
        tz = f"{tz[:3]}:{tz[3:]}"
    return match[1], match[2], tz
