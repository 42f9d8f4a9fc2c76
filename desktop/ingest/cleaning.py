"""Separate page furniture from the document's own words.

Scraped pages carry tracking codes, font-size widgets, "image" stubs, hashtag rows,
share buttons, menu words and publication stamps. Each rule here describes a *kind*
of furniture (its shape), never a particular site. Removed lines are kept in
``set_aside`` with the reason so the archivist can see, and undo, every removal; the
original bytes are stored untouched elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from db.languages import detect_languages
from desktop.ingest.furniture_words import ALL_NAV_WORDS, IMAGE_WORDS, NAV_WORDS, SHARE_WORDS
from desktop.ingest.language import foreign_word, guess_language
from desktop.ingest.parsed import ImagePlaceholder, SetAside
from desktop.ingest.stamps import Stamp, glyph_runs, parse_stamp

HEADER_LINES = 10
MAX_FURNITURE_LENGTH = 200  # non-empty lines inspected for stamps before the body starts
_TOKEN_SEGMENT = re.compile(r"[A-Za-z0-9]+")
_HASHTAG_LINE = re.compile(r"^(?:[#＃][\w-]+[\s,;·|]*)+$", re.UNICODE)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b|всі права|все права)", re.IGNORECASE)
_BREADCRUMB_SEP = re.compile(r"\s(?:>|»|›|/|→)\s")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# A photo caption ending in a credit: "... (Agency Photo)", "Photo: Agency".
CAPTION_CREDIT = re.compile(
    r"(?:\((?:[\w .&/-]+\s)?(?:photo|photograph|фото|foto|şəkil)(?:\s[\w .&/-]+)?\)\s*$|"
    r"^(?:photo|фото|foto)\s*(?:by|:)\s)",
    re.IGNORECASE,
)


@dataclass
class CleanText:
    """The working text and everything taken out of it."""

    text: str
    set_aside: list[SetAside] = field(default_factory=list)
    image_placeholders: list[ImagePlaceholder] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    language: str | None = None


def is_tracking_code(line: str) -> bool:
    """A lone analytics/ad identifier such as "G-74H2NJVZ8R", "UA-1234567-1", "GTM-5XK2Q7".

    Shape: one token, ASCII letters/digits in dash-joined segments, one segment of six
    or more characters with at least three digits. Dates ("2021-02-26") and words
    such as "COVID-19" do not have that long mixed segment.
    """
    if " " in line or len(line) < 8 or len(line) > 40 or "-" not in line:
        return False
    segments = line.split("-")
    if any(not _TOKEN_SEGMENT.fullmatch(s) for s in segments):
        return False
    if line.lower() != line and line.upper() != line and not line.startswith("ca-pub"):
        return False  # mixed-case words ("Jean-Pierre") are language, not codes
    return any(len(s) >= 6 and sum(c.isdigit() for c in s) >= 3 for s in segments)


def is_glyph_line(line: str) -> bool:
    """Only interface symbols and font-size controls ("+ ↺ − 16 px", "A+ A−")."""
    runs = glyph_runs(line)
    if not runs:
        return False
    rest = line
    for run in runs:
        rest = rest.replace(run, "")
    return not any(ch.isalnum() for ch in rest)


def is_image_stub(line: str) -> bool:
    """A line that only says "image" (or "[Photo]", "Фото") where a picture stood."""
    word = line.strip("[](){}<>:-–— ").casefold()
    return word in IMAGE_WORDS


def is_hashtag_line(line: str) -> bool:
    """A row of hashtags only."""
    return bool(_HASHTAG_LINE.fullmatch(line))


def is_share_line(line: str) -> bool:
    """A button row: every word is a share/print/subscribe/social word."""
    words = [w.casefold() for w in _WORDS.findall(line)]
    if not words or len(words) > 8 or len(line) > 80:
        return False
    return all(w in SHARE_WORDS for w in words) and any(
        w not in {"on", "us", "via", "x", "ok", "like", "save", "send", "mail"} for w in words
    )


def is_breadcrumb(line: str) -> bool:
    """ "Home > World > Europe": short segments joined by path separators."""
    parts = _BREADCRUMB_SEP.split(line)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 4 for p in parts) and len(line) < 120


def interface_word_reason(line: str, doc_language: str | None) -> str | None:
    """Why a short line is a menu item, or None.

    A line of navigation words in a language other than the document's ("Haqqında"
    in an English page) is a menu left behind by the scraper. In the document's own
    language only lines of two or more navigation words count, since a lone "Contact"
    may be a real heading.
    """
    words = _navigation_words(line)
    return None if words is None else _menu_reason(words, doc_language)


def _menu_reason(words: list[str], doc_language: str | None) -> str | None:
    """``interface_word_reason`` for a line's navigation words, already found."""
    own = NAV_WORDS.get(doc_language or "", frozenset())
    if not all(w in own for w in words):
        return "interface word in another language"
    if len(words) >= 2:
        return "navigation menu"
    return None


def _navigation_words(line: str) -> list[str] | None:
    """The folded words of a short *line* made only of navigation words, else None
    (whatever the document's language: the shape comes first, and costs no model)."""
    words = [w.casefold() for w in _WORDS.findall(line)]
    if not words or len(words) > 4 or re.search(r"[.!?:;,\d]", line):
        return None
    if not all(w in ALL_NAV_WORDS for w in words):
        return None
    return words


def _one_word(line: str) -> bool:
    stripped = line.strip()
    return " " not in stripped and stripped.isalpha()


def is_foreign_tail_word(line: str, doc_language: str | None) -> bool:
    """A last line that is one word in another alphabet than the body: a menu leftover."""
    if not _one_word(line) or doc_language is None:
        return False
    return foreign_word(line.strip(), doc_language)


class _LanguageOnDemand:
    """The language of the text as the cleaner found it, read by the model only when a
    line's fate depends on it (a menu word, a one-word last line): most pages have
    none, and the record's language is then read from the cleaned text, which the
    paragraph map reads anyway (``clean_text``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.read = False
        self.answer: str | None = None

    def __call__(self) -> str | None:
        if not self.read:
            self.answer = guess_language(self.text)
            self.read = True
        return self.answer


def clean_text(text: str, *, header: bool = True) -> CleanText:
    """Apply every furniture rule to *text* (newlines already normalised).

    ``header=False`` skips stamp reading, for continuation pages of a PDF whose
    opening lines are not a document header.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    language = _LanguageOnDemand("\n".join(lines))  # as the lines are kept: same paragraphs
    result = CleanText(text="")
    kept: list[str] = []
    pending_images: list[int] = []  # index in ``kept`` where a placeholder stood
    placeholder_marks: list[int] = []
    nonempty_seen = 0
    body_started = False
    last_nonempty = max((i for i, line in enumerate(lines) if line.strip()), default=-1)

    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            kept.append("")
            continue
        nonempty_seen += 1
        in_header = header and not body_started and nonempty_seen <= HEADER_LINES
        reason = _furniture_reason(line, language, in_header, index == last_nonempty)
        if reason == "image placeholder":
            pending_images.append(len(kept))
            result.set_aside.append(SetAside(line, reason))
            continue
        if reason:
            result.set_aside.append(SetAside(line, reason))
            continue
        if in_header or index == last_nonempty:
            raw, line = _take_stamp(raw, line, result)
            if raw is None:
                continue
        if in_header and CAPTION_CREDIT.search(line) and len(line) <= 400:
            pending_images.append(-1)  # a captioned photo: the caption line itself
        if _looks_like_body(line):
            body_started = True
        if pending_images:
            placeholder_marks.extend([len(kept)] * len(pending_images))
            pending_images.clear()
        kept.append(raw)
    placeholder_marks.extend([-1] * len(pending_images))
    result.text, offsets = _join(kept)
    for mark in placeholder_marks:
        if mark < 0 or mark not in offsets:
            result.image_placeholders.append(ImagePlaceholder(len(result.text), None))
        else:
            caption = kept[mark].strip()
            result.image_placeholders.append(
                ImagePlaceholder(offsets[mark], caption if len(caption) <= 400 else None)
            )
    result.language = _language_of(result.text, language)
    return result


def _language_of(cleaned: str, found: _LanguageOnDemand) -> str | None:
    """The document's language as the cleaner says it: the language of the text it was
    given when a line needed it (as before), otherwise that of the cleaned text, with
    its paragraphs' answers kept for the map that follows (``map_languages`` reads the
    same text: nothing is read twice). That is the language the record takes in either
    case; the text as given decides only when what is kept is too short to tell."""
    if found.read:
        return found.answer
    return detect_languages(cleaned, keep=True).document or found()


def _furniture_reason(
    line: str, language: _LanguageOnDemand, in_header: bool, is_last: bool
) -> str | None:
    if len(line) > MAX_FURNITURE_LENGTH:
        return None  # furniture is short; long lines are prose (and costly to test)
    if is_tracking_code(line):
        return "tracking code"
    if is_glyph_line(line):
        return "interface glyphs"
    if is_image_stub(line):
        return "image placeholder"
    if is_hashtag_line(line):
        return "hashtags"
    if is_share_line(line):
        return "share buttons"
    if is_breadcrumb(line):
        return "breadcrumb"
    if _COPYRIGHT.match(line) and len(line) < 200:
        return "copyright line"
    words = _navigation_words(line)  # the shape first: only then is the language asked
    if words is not None:
        reason = _menu_reason(words, language())
        if reason:
            return reason
    if is_last and _one_word(line) and is_foreign_tail_word(line, language()):
        return "interface word in another language"
    return None


def _take_stamp(raw: str, line: str, result: CleanText) -> tuple[str | None, str]:
    """Record a stamp line; drop it if it is pure metadata, strip glyph runs from it."""
    stamp = parse_stamp(line)
    if stamp is None:
        return raw, line
    result.stamps.append(stamp)
    runs = glyph_runs(line)
    for run in runs:
        result.set_aside.append(SetAside(run, "interface glyphs"))
        line = " ".join(line.replace(run, " ").split())
    if stamp.removable:
        result.set_aside.append(SetAside(line, "publication stamp"))
        return None, line
    if runs:
        indent = raw[: len(raw) - len(raw.lstrip())]
        raw = indent + line
    return raw, line


def _looks_like_body(line: str) -> bool:
    """A paragraph of running prose: the header zone ends here."""
    return len(line.split()) >= 12 and line[-1:] in ".!?\"”»'’…:;)"


def _join(kept: list[str]) -> tuple[str, dict[int, int]]:
    """Join kept lines with single blank lines between blocks; return line offsets."""
    out: list[str] = []
    offsets: dict[int, int] = {}
    position = 0
    previous_blank = True  # drop leading blank lines
    for index, line in enumerate(kept):
        blank = not line.strip()
        if blank and previous_blank:
            continue
        if out:
            position += 1  # the "\n" joining this line to the previous one
        offsets[index] = position
        out.append("" if blank else line)
        position += len(out[-1])
        previous_blank = blank
    while out and not out[-1]:
        out.pop()
    text = "\n".join(out)
    return text, {k: v for k, v in offsets.items() if v <= len(text)}


def strip_controls(text: str) -> str:
    """Remove control characters other than newline and tab (used for HTML/PDF text)."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
