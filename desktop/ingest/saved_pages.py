"""What a saved web page says about its own capture: where from, and on which day.

Browsers and archiving extensions mark the pages they save:

* Internet Explorer, Edge and Chrome write ``<!-- saved from url=(0044)https://… -->``
  (the "mark of the web"): the address, but no date.
* SingleFile opens the file with a comment holding ``url: https://…`` and
  ``saved date: Thu Dec 03 2026 10:15:23 GMT+0100 (…)``.
* Save Page WE writes ``<meta name="savepage-url">`` and ``<meta name="savepage-date">``.

The day is the one written, in the capturer's own time zone, as a person would say
"I saved it on 3 December". A file with no such mark gets no accessed date: the person
who captured it fills it in; a file's modification time is not evidence of when it
was read, so it is never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.provenance import ProvenanceError, check_accessed, check_url

HEAD_CHARS = 16_384  # marks sit at the top of the file
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MARK_OF_THE_WEB = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.I)
_SINGLEFILE = re.compile(
    r"<!--(?P<body>(?:(?!-->).){0,4000}?Page saved with SingleFile.*?)-->", re.S
)
_SINGLEFILE_URL = re.compile(r"^\s*url:\s*(?P<url>\S+)\s*$", re.M)
_SINGLEFILE_DATE = re.compile(r"^\s*saved date:\s*(?P<date>.+?)\s*$", re.M)
_JS_DATE = re.compile(
    r"(?:[A-Za-z]{3},?\s+)?(?P<month>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
)
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


@dataclass(frozen=True)
class SavedPage:
    """The capture facts a saved page states; None where it states nothing."""

    url: str | None = None
    accessed: str | None = None
    tool: str | None = None


def day_of(text: str) -> str | None:
    """The day a capture tool wrote ("Thu Dec 03 2026 10:15:23 GMT+0100", or ISO), as
    YYYY-MM-DD; None when it is not a real day."""
    iso = _ISO_DATE.match(text.strip())
    if iso:
        year, month, day = iso["year"], int(iso["month"]), int(iso["day"])
    else:
        written = _JS_DATE.match(text.strip())
        if written is None or written["month"].casefold()[:3] not in _MONTHS:
            return None
        year, month = written["year"], _MONTHS[written["month"].casefold()[:3]]
        day = int(written["day"])
    candidate = f"{year}-{month:02d}-{day:02d}"
    try:
        return check_accessed(candidate)
    except ProvenanceError:
        return None


def web_url(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return check_url(text)
    except ProvenanceError:
        return None


def read_saved_page(markup: str, meta: dict[str, str]) -> SavedPage:
    """The capture marks in *markup*; *meta* is the page's <meta name> → content."""
    head = markup[:HEAD_CHARS]
    single = _SINGLEFILE.search(head)
    if single:
        body = single["body"]
        url = _SINGLEFILE_URL.search(body)
        date = _SINGLEFILE_DATE.search(body)
        return SavedPage(
            url=web_url(url["url"] if url else None),
            accessed=day_of(date["date"]) if date else None,
            tool="SingleFile",
        )
    if meta.get("savepage-url") or meta.get("savepage-date"):
        date_text = meta.get("savepage-date")
        return SavedPage(
            url=web_url(meta.get("savepage-url")),
            accessed=day_of(date_text) if date_text else None,
            tool="Save Page WE",
        )
    mark = _MARK_OF_THE_WEB.search(head)
    if mark:
        return SavedPage(url=web_url(mark["url"]), tool="browser")
    return SavedPage()
