"""Guess title, publisher, authors, date, dateline and type from a cleaned text.

Every rule reads a *convention* of how documents present themselves (headline
first, byline under it, a stamp with the date, a dateline opening the first
paragraph, a site signature or copyright at the foot, a salutation opening a
letter). Nothing here knows any outlet by name. When a fact is not stated the field
stays None: an empty field is honest, a wrong one is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from anyascii import anyascii

from desktop.ingest.bylines import (
    Byline,
    byline_from_rest,
    looks_like_org,
    looks_like_person,
    parse_byline,
    signature_after_closing,
)
from desktop.ingest.cleaning import CAPTION_CREDIT, CleanText
from desktop.ingest.furniture_words import (
    REPORT_HEADINGS,
    REPORTING_VERBS,
    SALUTATIONS,
    split_words,
)
from desktop.ingest.publication_dates import _MONTH_RE, find_dates
from desktop.ingest.stamps import parse_stamp

HEADER_LINES = 12
DEVISED_WORDS = 16
_QUOTES = "\"'‘’“”«»„‚"
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁƏÇĞİÖŞÜ"
_DATELINE_CAPS = re.compile(
    rf"^(?P<place>[{_UPPER}][{_UPPER}'’.\- ]{{1,40}}?[{_UPPER}])\s*(?P<sep>,|\(|—|–|-\s)"
)
_DATELINE_TITLE = re.compile(
    rf"^(?P<place>[{_UPPER}][a-zà-ÿа-яёəçğıöşü]+(?:[ -][{_UPPER}][a-zà-ÿа-яёəçğıöşü]+)?),\s+"
    rf"(?:\d{{1,2}}\s+(?:{_MONTH_RE})\b|(?:{_MONTH_RE})\.?\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)
_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?"
    r"(?P<name>[^.|,]+?)\s*(?:[.,|]|all rights reserved|$)",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^(?:source|источник|mənbə|kaynak)\s*:\s*(?P<name>.{2,60})$", re.I)
_PUBLISHED_LABEL = re.compile(
    r"^(?:published|posted|date|опубликовано|дата|tarix|yayın tarihi|publié le|veröffentlicht)\b",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_OWN_SITE = re.compile(
    r"\((?:https?://)?(?:www\.)?(?P<label>[a-z0-9-]+)\.[a-z]{2,}(?:\.[a-z]{2})?[^)\s]*\)",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    split_words(
        "mr mrs ms dr prof st no vs jan feb mar apr jun jul aug sep sept oct nov dec "
        "gen col lt sgt rev inc ltd co corp u.s u.k e.g i.e etc"
    )
)


@dataclass
class Metadata:
    """Guessed fields, named as on ParsedDocument."""

    title: str | None = None
    title_devised: bool = False
    doc_type: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_time: str | None = None
    published_tz: str | None = None
    dateline: str | None = None
    section: str | None = None
    language: str | None = None
    recipients: list[str] = field(default_factory=list)
    url: str | None = None
    accessed: str | None = None


def sniff_metadata(clean: CleanText) -> Metadata:
    """Read every field the text states; devise a title when it states none."""
    lines = [line.strip() for line in clean.text.split("\n") if line.strip()]
    meta = Metadata(language=clean.language)
    head = lines[:HEADER_LINES]
    tail = lines[-3:] if len(lines) > HEADER_LINES else []

    _read_stamps(clean, meta, head)
    bylines = _read_bylines(head, tail, meta)
    meta.dateline = _find_dateline(head)
    meta.title, meta.title_devised = _find_title(head, lines)
    meta.doc_type = _guess_type(lines, meta, has_byline=bool(bylines))
    meta.publisher = _find_publisher(clean, lines, meta, bylines)
    if meta.doc_type in {"letter", "open letter"}:
        signer = signature_after_closing(lines)
        if signer and looks_like_person(signer) and signer not in meta.authors:
            meta.authors.append(signer)
    return meta


def _read_stamps(clean: CleanText, meta: Metadata, head: list[str]) -> None:
    for stamp in clean.stamps:
        if meta.published is None and stamp.published:
            meta.published, meta.published_time, meta.published_tz = (
                stamp.published,
                stamp.time,
                stamp.tz,
            )
        if meta.section is None and stamp.section and stamp.removable:
            meta.section = stamp.section
    if meta.published is None:
        for line in head:
            if _PUBLISHED_LABEL.match(line) or _DATELINE_CAPS.match(line):
                hits = find_dates(line)
                if hits:
                    meta.published = hits[0].edtf
                    break


def _read_bylines(head: list[str], tail: list[str], meta: Metadata) -> list[Byline]:
    found: list[Byline] = []
    for position, line in enumerate(head + tail):
        byline = parse_byline(line, in_header=position < len(head))
        if byline is None:
            stamp = parse_stamp(line)
            byline = byline_from_rest(stamp.byline) if stamp and stamp.byline else None
        if byline:
            found.append(byline)
            meta.authors.extend(a for a in byline.authors if a not in meta.authors)
    return found


def _find_dateline(head: list[str]) -> str | None:
    for line in head:
        match = _DATELINE_CAPS.match(line)
        if match and _is_dateline(line, match):
            return " ".join(w.capitalize() for w in match["place"].split())
        match = _DATELINE_TITLE.match(line)
        if match:
            return match["place"]
    return None


def _is_dateline(line: str, match: re.Match[str]) -> bool:
    """An upper-case place opening a line, then a date, an agency or a dash."""
    letters = [ch for ch in match["place"] if ch.isalpha()]
    if len(letters) < 3 or any(w.casefold() in {"by", "update"} for w in match["place"].split()):
        return False
    rest = line[match.end() :]
    if match["sep"] in {"(", "—", "–", "- "}:
        return True
    return bool(re.search(rf"(?:{_MONTH_RE})\.?\s+\d|\d{{1,2}}\s+(?:{_MONTH_RE})", rest, re.I))


def is_headline(line: str) -> bool:
    """A line shaped like a headline: short, not a sentence ending in a full stop."""
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 250:
        return False
    core = line.strip(_QUOTES)
    if not core or core[-1] in ".,;:" or core[0].islower():
        return False
    lowered = line.casefold()
    return not lowered.startswith(SALUTATIONS)


def _find_title(head: list[str], lines: list[str]) -> tuple[str | None, bool]:
    for line in head:
        if parse_byline(line) or parse_stamp(line) or _find_dateline([line]):
            continue
        if CAPTION_CREDIT.search(line):
            continue
        if is_headline(line):
            return _strip_enclosing_quotes(line), False
        break
    devised = devise_title(lines)
    return (devised, True) if devised else (None, False)


def _strip_enclosing_quotes(line: str) -> str:
    if len(line) > 2 and line[0] in _QUOTES and line[-1] in _QUOTES:
        inner = line[1:-1].strip()
        if not any(q in inner for q in _QUOTES[:2]):
            return inner
    return line


def devise_title(lines: list[str]) -> str | None:
    """A devised title: the first sentence of the first prose paragraph, shortened.

    The UI prints it in [brackets], as archival description does for titles the
    cataloguer supplied rather than found.
    """
    for line in lines:
        if len(line.split()) >= 6 and not parse_stamp(line) and not parse_byline(line):
            sentence = first_sentence(line)
            words = sentence.split()
            if len(words) > DEVISED_WORDS:
                return " ".join(words[:DEVISED_WORDS]).rstrip(",;:") + " …"
            return sentence.rstrip(".")
    return None


def first_sentence(paragraph: str) -> str:
    """Text up to the first full stop that ends a sentence (not "Feb." or "Mr.")."""
    for match in re.finditer(r"[.!?][\"”’»)]?(?=\s+[\"“‘«(]?[A-ZА-ЯЁ0-9]|\s*$)", paragraph):
        before = paragraph[: match.start()].split()
        last = before[-1].casefold().strip(_QUOTES) if before else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        return paragraph[: match.end()].strip()
    return paragraph.strip()


_BODY_WORDS = re.compile(
    r"\b(ministry|department|office|embassy|mission|council|committee|commission|agency|"
    r"bureau|university|institute|association|foundation|society|union|court|parliament|"
    r"government|municipality|prefecture|directorate|secretariat|company|ltd|inc)\b",
    re.I,
)


def _letterhead(line: str) -> bool:
    """A line naming the sending body ("Ministry of Public Works") rather than a
    headline: names of bodies, and no exclamation or question as slogans have."""
    return bool(_BODY_WORDS.search(line)) and not line.rstrip().endswith(("!", "?"))


def _guess_type(lines: list[str], meta: Metadata, *, has_byline: bool) -> str | None:
    opening = [line.casefold() for line in lines[:6]]
    salutation_at = next(
        (i for i, line in enumerate(opening) if line.startswith(SALUTATIONS)), None
    )
    title = (meta.title or "").casefold() if not meta.title_devised else ""
    if re.search(r"\bopen letter\b|открытое письмо|açıq məktub", title):
        return "open letter"  # a headline that says what it is, salutation or not
    if re.match(r"(?:a\s+)?letter\s+(?:to|from)\b", title):
        return "letter"
    if salutation_at is not None:
        recipient = re.match(
            r"dear\s+(?:(?:mr|mrs|ms|dr|prof)\.?\s+)?([^,:]+)", opening[salutation_at]
        )
        if recipient:
            original = lines[salutation_at][
                len(lines[salutation_at]) - len(opening[salutation_at]) :
            ]
            name = original[recipient.start(1) : recipient.end(1)].strip()
            if looks_like_person(name):
                meta.recipients.append(name)
        # A headline above the salutation marks a letter written for publication, but a
        # letterhead ("Ministry of Public Works") is not a headline of that kind.
        titled = salutation_at > 0 and is_headline(lines[0]) and not _letterhead(lines[0])
        text = " ".join(lines).casefold()
        if "open letter" in text or "открытое письмо" in text or "açıq məktub" in text or titled:
            return "open letter"
        return "letter"
    headings = sum(1 for line in lines if line.casefold().rstrip(":") in REPORT_HEADINGS)
    if headings >= 2 or (
        meta.title
        and re.search(r"\breport\b|доклад|hesabat|rapor", meta.title, re.I)
        and not meta.title_devised
    ):
        return "report"
    if meta.published or meta.dateline or has_byline or _reporting_verbs(lines) >= 2:
        return "news article"
    return None


def _reporting_verbs(lines: list[str]) -> int:
    """How often the text says "said", "заявил", "bildirib" and the like (read only for
    a page with no date, dateline or byline to call it news)."""
    text = " ".join(lines).casefold()
    return sum(text.count(verb) for verb in REPORTING_VERBS)


def _find_publisher(
    clean: CleanText, lines: list[str], meta: Metadata, bylines: list[Byline]
) -> str | None:
    for byline in bylines:
        if byline.publisher:
            return byline.publisher
    for aside in clean.set_aside:
        if aside.reason == "copyright line":
            match = _COPYRIGHT_NAME.search(aside.line)
            if match and looks_like_org(match["name"].strip()):
                return match["name"].strip()
    for line in lines[-5:]:
        match = _SOURCE.match(line)
        if match:
            return match["name"].strip(" .")
    signature = _tail_signature(lines)
    if signature:
        return signature
    if meta.doc_type != "news article":
        return _own_site_owner(clean.text)
    return None


def _tail_signature(lines: list[str]) -> str | None:
    """A site name signing off the text: "Example.Az" or "(Agency)" on the last line."""
    if len(lines) < 3:
        return None
    last = lines[-1].strip().strip("()—–- ")
    if not last or len(last) > 40 or len(last.split()) > 4 or last[-1] in ".!?:;,":
        return None
    if not last[0].isupper():
        return None
    body = "\n".join(lines[:-1])
    if _DOMAIN.fullmatch(last) or re.search(rf"(?<!\w){re.escape(last)}(?!\w)", body):
        return last
    return None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", anyascii(text).casefold())


def _own_site_owner(text: str) -> str | None:
    """An organisation named right before its own web address: "Foo Campaign (www.foo.org)".

    When the words before the address spell the domain (or its initials do), the
    text is very likely that organisation's own page.
    """
    for match in _OWN_SITE.finditer(text):
        label = _letters(match["label"])
        words = text[: match.start()].split()[-8:]
        for size in range(1, len(words) + 1):
            candidate = words[-size:]
            letters = _letters(" ".join(candidate))
            initials = "".join(_letters(w)[:1] for w in candidate)
            if letters.startswith(label) or initials == label:
                name = " ".join(w.strip(_QUOTES) for w in candidate).strip(" ,;:")
                if name[:1].isupper() and len(label) >= 3:
                    return name
                break
    return None
