"""Read publication stamps: short header lines carrying section, date, time and zone.

Web pages print lines such as "World News 3 March 2022 14:05 (UTC +03:00)" or
"posted 2022-03-03 | By Jane Roe". Such a line is metadata about the document, not
its text: the reader takes the facts from it and (unless it names an author, which
is part of what the document says) sets it aside.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.ingest.furniture_words import split_words
from desktop.ingest.publication_dates import find_dates, find_time, find_tz

# Labels that introduce a date in stamps; they carry no metadata themselves.
_LABELS = frozenset(
    split_words(
        "date dated published posted updated last modified on at am pm time "
        "опубликовано обновлено дата tarix yayımlanıb yayınlanma güncelleme tarihi "
        "publié mis à jour le veröffentlicht aktualisiert um"
    )
)
# Generic content-type words sites print next to the section name.
_GENERIC = frozenset(
    split_words("materials material news article articles stories story posts post")
)
_BYLINE = re.compile(r"(?:^|\s)(?:By|BY|by)\s+(?P<rest>\S.*)$")
GLYPH_RUN = re.compile(r"(?:(?:[^\w\s]|\b\d{1,2}\s?(?:px|pt)\b|\bA[+\-−])\s*){2,}")
_WORD = re.compile(r"[^\W\d_][\w'.&-]*")


@dataclass(frozen=True)
class Stamp:
    """What one stamp line says. ``removable`` is False when it carries a byline."""

    published: str | None
    time: str | None
    tz: str | None
    section: str | None
    byline: str | None
    removable: bool


def glyph_runs(line: str) -> list[str]:
    """Runs of interface symbols in *line* ("+ ↺ − 16 px"), each with a real symbol."""
    runs = []
    for match in GLYPH_RUN.finditer(line):
        run = match.group().strip()
        if any(unicodedata.category(ch).startswith("S") for ch in run):
            runs.append(run)
    return runs


def parse_stamp(line: str) -> Stamp | None:
    """Return the stamp a line is, or None when the line is anything else.

    A stamp has a whole date and, once dates, times, zones, labels, separators and
    a byline are taken away, at most three words left (the section name).
    """
    if len(line) > 160:
        return None
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    byline = None
    match = _BYLINE.search(rest)
    if match:
        byline = match["rest"].strip()
        rest = rest[: match.start()]
    spans: list[tuple[int, int]] = [(d.start, d.end) for d in find_dates(rest)]
    found_time = find_time(rest)
    found_tz = find_tz(rest)
    for found in (found_time, found_tz):
        if found:
            spans.append((found[1], found[2]))
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    for run in glyph_runs(rest):
        rest = rest.replace(run, " ")
    words = [w for w in _WORD.findall(rest) if w.casefold() not in _LABELS]
    if len(words) > 3 or re.search(r"\d", " ".join(words)):
        return None
    section_words = [w for w in words if w.casefold() not in _GENERIC]
    return Stamp(
        published=dates[0].edtf,
        time=found_time[0] if found_time else None,
        tz=found_tz[0] if found_tz else None,
        section=" ".join(section_words) or None,
        byline=byline,
        removable=byline is None,
    )
