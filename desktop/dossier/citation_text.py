"""Building blocks shared by the three citation styles: dates, names, titles, punctuation.

Each style is a different arrangement of the same pieces, so the pieces live here and
the arrangements in ``citation_styles``. Dates arrive as EDTF; anything we cannot
read is printed as the archivist typed it rather than dropped, because a dossier
must never silently lose a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.dossier.citation_model import Creator, Segment

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# MLA 9 abbreviates months longer than four letters; May, June and July stay whole,
# and September is "Sept.".
MLA_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}

_EDTF_DATE = re.compile(
    r"^(?P<year>\d{4}|\d{3}X|\d{2}XX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<q>[?~%])?$"
)


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class Day:
    """One EDTF date at year, month or day precision, with its qualifier."""

    year: str  # "2021", or "199X"/"19XX" for a decade or century
    month: int | None = None  # 1-12, or 21-24 for an EDTF season
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def sort_key(self) -> str:
        return f"{self.year.replace('X', '0')}-{self.month or 0:02d}-{self.day or 0:02d}"


@dataclass(frozen=True)
class DateValue:
    """A parsed date or interval; ``raw`` is set instead when EDTF could not be read."""

    start: Day | None = None
    end: Day | None = None
    raw: str | None = None
    interval: bool = False


def parse_day(text: str) -> Day | None:
    """A single EDTF date, or None if it is not one we can print with confidence."""
    match = _EDTF_DATE.match(text.strip())
    if not match:
        return None
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not (1 <= month <= 12 or month in SEASONS):
        return None
    if day is not None and (month is None or month > 12 or not 1 <= day <= 31):
        return None
    if "X" in match["year"] and month is not None:
        return None
    qualifier = match["q"] or ""
    return Day(
        year=match["year"],
        month=month,
        day=day,
        approximate=qualifier in "~%" and bool(qualifier),
        uncertain=qualifier in "?%" and bool(qualifier),
    )


def parse_date(text: str | None) -> DateValue | None:
    """EDTF text to a DateValue; None for no date or a wholly unknown one ("XXXX")."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    if text.upper().startswith("XXXX"):
        return None
    if "/" in text:
        first, _, last = text.partition("/")
        start = parse_day(first) if first not in ("", "..") else None
        end = parse_day(last) if last not in ("", "..") else None
        if (first not in ("", "..") and start is None) or (last not in ("", "..") and not end):
            return DateValue(raw=text)
        if start is None and end is None:
            return None
        return DateValue(start=start, end=end, interval=True)
    day = parse_day(text)
    return DateValue(start=day) if day else DateValue(raw=text)


def _year_text(day: Day) -> str:
    if day.year.endswith("XX"):
        return f"{day.year[:2]}00s"
    if day.year.endswith("X"):
        return f"{day.year[:3]}0s"
    return day.year


def _qualify(text: str, day: Day) -> str:
    # "ca." for approximate and a trailing "?" for uncertain are common to all three
    # styles; EDTF "%" (both) gets both marks.
    if day.uncertain:
        text += "?"
    if day.approximate:
        text = "ca. " + text
    return text


def _day_text(day: Day, style: str, *, year_only: bool = False, suffix: str = "") -> str:
    year = _year_text(day) + suffix
    if year_only or day.month is None:
        return _qualify(year, day)
    if day.month in SEASONS:
        season = SEASONS[day.month]
        text = f"{year}, {season}" if style == "apa" else f"{season} {year}"
        return _qualify(text, day)
    if style == "mla":
        month = MLA_MONTHS[day.month - 1]
        text = f"{day.day} {month} {year}" if day.day else f"{month} {year}"
    elif style == "apa":
        month = MONTHS[day.month - 1]
        text = f"{year}, {month} {day.day}" if day.day else f"{year}, {month}"
    else:
        month = MONTHS[day.month - 1]
        text = f"{month} {day.day}, {year}" if day.day else f"{month} {year}"
    return _qualify(text, day)


def format_date(value: DateValue, style: str, *, year_only: bool = False, suffix: str = "") -> str:
    """A date as the style prints it: "February 26, 2021" / "2021, February 26" / "26 Feb. 2021".

    Intervals inside one month are compressed ("February 25–26, 1992"); others print
    both ends with an en dash. ``suffix`` is APA's "a"/"b" for same-author-same-year.
    """
    if value.raw is not None:
        return value.raw
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
            return f"{start.day}–{end.day} {MLA_MONTHS[start.month - 1]} {year}"
        if style == "apa":
            return f"{year}, {MONTHS[start.month - 1]} {start.day}–{end.day}"
        return f"{MONTHS[start.month - 1]} {start.day}–{end.day}, {year}"
    return f"{_day_text(start, style, suffix=suffix)}–{_day_text(end, style)}"


def date_sort_key(text: str | None) -> str:
    """Sortable text for a publication date; undated sorts first, as APA requires."""
    value = parse_date(text)
    if value is None:
        return ""
    if value.raw is not None:
        return "~" + value.raw  # unreadable dates after readable ones
    first = value.start or value.end
    assert first is not None
    return first.sort_key


def year_of(text: str | None) -> str | None:
    """The year an APA reference shows, used to find same-author-same-year entries."""
    value = parse_date(text)
    if value is None:
        return None
    if value.raw is not None:
        return value.raw
    first = value.start or value.end
    assert first is not None
    return first.year


# --------------------------------------------------------------------------- names


def inverted(creator: Creator) -> str:
    """ "Family, Given, Jr." for the first name of a Chicago or MLA entry."""
    if creator.name is not None:
        return creator.name
    text = creator.family or ""
    if creator.given:
        text = f"{text}, {creator.given}" if text else creator.given
    if creator.suffix:
        text += f", {creator.suffix}"
    return text


def _initial(part: str) -> str:
    letters = [ch for ch in part if ch.isalpha()]
    if not letters:
        return part
    return letters[0].upper() + "."


def apa_name(creator: Creator) -> str:
    """ "Family, G. G." with hyphenated given names kept as "J.-P."."""
    if creator.name is not None:
        return creator.name
    initials = " ".join(
        "-".join(_initial(piece) for piece in word.split("-") if piece)
        for word in (creator.given or "").split()
    )
    text = creator.family or ""
    if initials:
        text = f"{text}, {initials}" if text else initials
    if creator.suffix:
        text += f", {creator.suffix}"
    return text


def family_or_name(creator: Creator) -> str:
    """What in-text citations show: the family name, or a body's full name."""
    if creator.name is not None:
        return creator.name
    return creator.family or creator.given or ""


def and_list(items: list[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B, and C" (serial comma, as all three styles use)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"


# --------------------------------------------------------------------------- titles

# Chicago 17 (8.159) lower-cases articles, prepositions and and/but/for/or/nor; MLA 9
# also lower-cases "so" and "yet". Prepositions used as adverbs cannot be told apart
# from the text alone and are lower-cased too.
# fmt: off
_MINOR = frozenset({
    "a", "about", "above", "across", "after", "against", "along", "among", "an", "and",
    "around", "as", "at", "before", "behind", "below", "beneath", "beside", "between", "beyond",
    "but", "by", "despite", "down", "during", "except", "for", "from", "in", "inside", "into",
    "like", "near", "nor", "of", "off", "on", "onto", "or", "out", "outside", "over", "past",
    "per", "since", "than", "the", "through", "throughout", "till", "to", "toward", "towards",
    "under", "underneath", "unlike", "until", "up", "upon", "via", "vs", "versus", "with",
    "within", "without"
})
# fmt: on
_MLA_MINOR = _MINOR | {"so", "yet"}


def is_english(language: str | None) -> bool:
    """Whether a BCP 47 tag says English; unknown is not English (see CitationSource)."""
    if not language:
        return False
    return language.strip().lower().split("-")[0].split("_")[0] in {"en", "eng", "english"}


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def headline_case(title: str, style: str = "chicago") -> str:
    """Capitalise an English title headline-style without lower-casing names or acronyms.

    Only a word's first letter is raised; a word is lowered only when it is a minor
    word written "Like" this. Words with digits, inner capitals or dots ("29th",
    "AzIz", "News.Az") are left as they are.
    """
    minor = _MLA_MINOR if style == "mla" else _MINOR
    tokens = title.split(" ")
    words = [i for i, tok in enumerate(tokens) if re.search(r"\w", tok)]
    out = list(tokens)
    for position, index in enumerate(words):
        token = tokens[index]
        lead = re.match(r"^[^\w]*", token)
        prefix = lead.group(0) if lead else ""
        core = token[len(prefix) :]
        previous = tokens[words[position - 1]] if position else ""
        # First and last words, and the first word after a colon (subtitle), always.
        force = position in (0, len(words) - 1) or previous.endswith((":", "—", "?", "!"))
        pieces = core.split("-")
        # Chicago 8.161: the first element of a hyphenated compound is always capitalised.
        out[index] = prefix + "-".join(
            _case_word(piece, minor, force=force or (n == 0 and len(pieces) > 1))
            for n, piece in enumerate(pieces)
        )
    return " ".join(out)


def _case_word(word: str, minor: frozenset[str], *, force: bool) -> str:
    core = re.sub(r"[^\w']+$", "", word)
    if not core or any(ch.isdigit() for ch in core) or "." in core:
        return word
    if any(ch.isupper() for ch in core[1:]):
        return word
    if not force and core.lower() in minor:
        return word[:1].lower() + word[1:] if core[1:].islower() or len(core) == 1 else word
    return _cap(word)


def swap_inner_quotes(title: str) -> str:
    """Double quotes inside a title become single once the title itself is quoted."""
    title = title.replace("“", "‘").replace("”", "’")
    parts = title.split('"')
    if len(parts) % 2 == 1 and len(parts) > 1:
        title = "".join(
            part + ("‘" if i % 2 == 0 else "’") if i < len(parts) - 1 else part
            for i, part in enumerate(parts)
        )
    return title


def clean_title(title: str) -> str:
    """Whitespace collapsed and a single trailing full stop removed (styles add theirs)."""
    text = " ".join(title.split())
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


def short_title(title: str, words: int = 4) -> str:
    """The first few words of a title (before any subtitle) for in-text citations."""
    main = re.split(r":\s", title, maxsplit=1)[0]
    kept = main.split()
    if len(kept) <= words:
        return main
    # Cut at a word boundary, and not after "of"/"for": "We Demand Justice", not
    # "We Demand Justice for".
    shown = kept[:words]
    while len(shown) > 1 and shown[-1].lower().strip(",;:") in _MLA_MINOR:
        shown.pop()
    return " ".join(shown).rstrip(",;:—–-")


# --------------------------------------------------------------------------- punctuation


@dataclass
class Block:
    """One element of a citation; ``attach`` joins it to the previous with a space only."""

    segments: list[Segment]
    attach: bool = False


def _text_end(segments: list[Segment]) -> str:
    for seg in reversed(segments):
        if seg.text:
            return seg.text
    return ""


def close(segments: list[Segment], punct: str) -> list[Segment]:
    """Append "." or "," the way American styles do.

    Inside a closing quotation mark; not at all after "?" or "!"; no second full stop
    after an abbreviation ("Jr.", "N."), but a comma after one ("n.d.,").
    """
    if not punct:
        return list(segments)
    end = _text_end(segments)
    if not end:
        return list(segments)
    result = list(segments)
    if end.endswith("”") and punct in ".,":
        before = end[:-1]
        if before.endswith(("?", "!")) or (punct == "." and before.endswith(".")):
            return result
        last = max(i for i, seg in enumerate(result) if seg.text)
        seg = result[last]
        result[last] = Segment(seg.text[:-1] + punct + "”", seg.italic)
        return result
    if end.endswith(("?", "!")):
        return result
    if punct == "." and end.endswith("."):
        return result
    result.append(Segment(punct))
    return result


def join_blocks(blocks: list[Block], sep: str, end: str) -> list[Segment]:
    """Blocks joined by ``sep`` plus a space, the last closed with ``end``."""
    blocks = [b for b in blocks if _text_end(b.segments)]
    out: list[Segment] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        segs = list(block.segments)
        if nxt is None:
            segs = close(segs, end)
        elif not nxt.attach:
            segs = close(segs, sep)
        out.extend(segs)
        if nxt is not None:
            out.append(Segment(" "))
    return out
