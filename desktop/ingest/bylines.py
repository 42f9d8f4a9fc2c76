"""Read who wrote a document and for whom, from bylines and signatures.

"By Jane Roe and John Doe - Daily Planet:", "Author: Jane Roe", "Von Max Muster",
"By Reuters": a byline names people (authors) and sometimes the outlet (publisher).
A name is a person when it looks like one (two to four capitalised words with no
organisation word); otherwise it is the organisation that published the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.ingest.furniture_words import ORG_WORDS

_LABELLED = re.compile(
    r"^(?:authors?|written by|reporting by|text|автор(?:ы)?|müəllif|yazar|auteur|autor)"
    r"\s*[:\-–—]?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:By|BY|Von|Par|От)\s+(?P<rest>\S.*)$")
_NAME_DASH_OUTLET = re.compile(
    r"^(?P<names>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"\s+[-–—|]\s+(?P<org>[A-Z][\w.&' -]{1,40}?):?$"
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\band\b|\bи\b|\bvə\b|\bve\b|\bet\b|\bund\b)\s*")
_SPLIT_ORG = re.compile(r"\s+[-–—|/]\s+|\s*,\s+(?=[A-Z][\w.]+:?$)")
_PERSON_WORD = re.compile(r"^(?:[A-ZÀ-ÞА-ЯЁƏÇĞİÖŞÜ][\w'’-]*\.?|[a-z]{1,3})$")
_CLOSINGS = re.compile(
    r"^(?:sincerely|yours (?:sincerely|faithfully|truly)|respectfully|best regards|"
    r"kind regards|regards|с уважением|hörmətlə|saygılarımla|cordialement|"
    r"mit freundlichen grüßen)\b[,.!]?$",
    re.IGNORECASE,
)


@dataclass
class Byline:
    """People and organisation named by one byline."""

    authors: list[str] = field(default_factory=list)
    publisher: str | None = None


def looks_like_person(name: str) -> bool:
    """Two to four capitalised words (particles such as "de", "van" allowed), no org word."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in name):
        return False
    if any(w.strip(".,").casefold() in ORG_WORDS for w in words):
        return False
    if name.isupper() and len(name) < 8:
        return False  # "AP", "TASS AZ"
    return all(_PERSON_WORD.match(w) for w in words) and words[0][0].isupper()


def looks_like_org(name: str) -> bool:
    """A short capitalised name that is not a person: "Trend", "News.Az", "The Daily Star"."""
    words = name.split()
    return 1 <= len(words) <= 6 and name[:1].isupper() and len(name) <= 60


def parse_byline(line: str, *, in_header: bool = True) -> Byline | None:
    """Return the byline *line* is, or None."""
    line = line.strip()
    if len(line) > 160:
        return None
    match = _LABELLED.match(line) or _BY.match(line)
    if match:
        return _split(match["rest"])
    if in_header:
        match = _NAME_DASH_OUTLET.match(line)
        if match and looks_like_person(match["names"]):
            return Byline([match["names"]], _clean_org(match["org"]))
    return None


def byline_from_rest(rest: str) -> Byline | None:
    """Parse what follows "By" in a stamp line such as "date 2021-02-26 By Example"."""
    return _split(rest)


def _split(rest: str) -> Byline | None:
    rest = rest.strip().rstrip(":").strip()
    if not rest or rest[0].islower():
        return None
    parts = _SPLIT_ORG.split(rest, maxsplit=1)
    names_part = parts[0]
    org = _clean_org(parts[1]) if len(parts) > 1 else None
    byline = Byline(publisher=org)
    for name in _SPLIT_NAMES.split(names_part):
        name = name.strip(" .:")
        if not name:
            continue
        if looks_like_person(name):
            byline.authors.append(name)
        elif looks_like_org(name) and byline.publisher is None:
            byline.publisher = name
        else:
            return None  # a sentence that happens to start with "By"
    if not byline.authors and byline.publisher is None:
        return None
    return byline


def _clean_org(org: str) -> str | None:
    org = org.strip(" :.-–—")
    return org if org and looks_like_org(org) else None


def signature_after_closing(lines: list[str]) -> str | None:
    """The name under "Sincerely," (or its equivalent) near the end of a letter."""
    for index in range(max(0, len(lines) - 8), len(lines) - 1):
        if _CLOSINGS.match(lines[index].strip()):
            candidate = lines[index + 1].strip().rstrip(",.")
            if looks_like_person(candidate) or looks_like_org(candidate):
                return candidate
    return None
