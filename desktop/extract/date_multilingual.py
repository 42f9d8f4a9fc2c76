"""Dates in the languages other than English, built from ``date_grammar`` and CLDR months.

Every language gets the same families of patterns, laid out in its own word order
("22 марта 1943 года", "1992-ci il fevralın 26-da", "1989 წლის 9 აპრილს"): a day, a
range of days within a month or across months, a month and year, a range of months,
a range of years, a season, a decade, a century and a year that some word marks as a
year ("в 1943 году", "1943 yılında", "en 1943"). One reader turns any of their matches
into a :class:`Found` from the named groups it filled, so adding a language is adding
data, not code.

Where a month name goes the patterns accept any word and the reader keeps the match
only when the word is a month of the language: the CLDR forms with every case ending
would make an alternation of hundreds of words, tried one by one at every position.
Patterns are tried with ``match`` at the places a date can start, not by scanning.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from desktop.extract.date_core import (
    Day,
    Found,
    century,
    day_number,
    decade,
    expand_year,
    interval,
    point,
    season,
    valid,
    year_less,
)
from desktop.extract.date_gate import any_of, first_branch
from desktop.extract.date_grammar import GRAMMARS, DateGrammar
from desktop.extract.date_months import MonthWords, fold, month_words
from desktop.extract.regex_guard import FirstCharacterIndex, guarded
from desktop.extract.text_nearby import word_set

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# Any word where a month name goes; ``read_match`` keeps the match only when the word is
# a month of the language (``MonthWords.number``). A regex alternation of every inflected
# month form would say the same but is tried form by form, many times slower.
_MONTH_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:\.(?=\s*\d))?"  # "сент. 2001", not "mai."
_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_SPACES = re.compile(r"\s*")
_QUERIED = re.compile(r"\s*[(\[]\?[)\]]")  # "1943 (?)", "1943 [?]": the writer doubts it
# Words before a number that make it a count in German ("mehr als 2000", "bis zu 1990").
_GERMAN_COUNT_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:als|über|unter|zu|fast|knapp|insgesamt|weitere|nur|auf|rund|etwa|ca\.)\s+$",
    re.IGNORECASE,
)
# A heading or title line: the year is among its first words ("Bilgi Notu No. 7: 1989 …").
_LINE_START = re.compile(r"(?:^|\n)[^\n]{0,40}$")
_NEXT_WORD = re.compile(r"[ \t\u00a0]*([^\W\d_][\w'’-]*)")
# An article after a number starts a new noun phrase, so the number counted nothing.
_ARTICLES = word_set("la le les il lo gli i el los las un une una uno des")

LANGUAGES = tuple(code for code in GRAMMARS if code != "en")


@dataclass(frozen=True)
class LanguagePatterns:
    """The compiled patterns of one language."""

    language: str
    grammar: DateGrammar
    months: MonthWords
    with_months: tuple[re.Pattern[str], ...]  # every date shape
    without_months: tuple[re.Pattern[str], ...]  # the shapes with no month name
    periods: tuple[re.Pattern[str], ...]  # decades and centuries, which may have no digit
    period_anchor: re.Pattern[str]  # a Roman numeral or a decade or century word
    lead: re.Pattern[str]  # a word a date can open with ("с", "entre el", "весной", "nel")
    bare_year: re.Pattern[str]
    approximate: re.Pattern[str] | None
    approximate_after: re.Pattern[str] | None
    uncertain: re.Pattern[str] | None
    since: re.Pattern[str] | None
    since_after: re.Pattern[str] | None


def _opt(fragment: str) -> str:
    return f"(?:{fragment})?" if fragment else ""


def _date_patterns(g: DateGrammar, months: MonthWords) -> list[list[str]]:
    """Regex sources for every date shape of one language (see the module docstring):
    those that need a month name, and the others (years, seasons)."""

    def day(name: str) -> str:
        return rf"(?<![\d.,])(?P<{name}>{g.day})(?!\d)"

    def month(name: str) -> str:
        return rf"(?P<{name}>{_MONTH_WORD}){_opt(g.month_word)}"

    def year(name: str) -> str:
        return rf"(?<![\d.,])(?P<{name}>{_YEAR})(?![\d])(?:{g.year_suffix})?"

    dash = r"\s*[-–—]\s*"
    to = rf"(?:{dash}|\s*(?:{g.range_to})\s+)" if g.range_to else dash
    joined = rf"(?:{to}|(?P<and>\s+(?:{g.range_and})\s*))" if g.range_and else to
    opener = rf"(?:{_LETTER_BEFORE}(?P<open>{g.range_open})\s*)?" if g.range_open else ""
    found: list[str] = []
    for order in g.orders:
        if order == "DMY":
            dm, my = g.day_month, g.month_year
            found += [
                rf"{opener}{day('d1')}{joined}{day('d2')}{dm}{month('m')}(?:{my}{year('y')})?",
                rf"{opener}{day('d1')}{dm}{month('m1')}(?:{my}{year('y1')})?{joined}"
                rf"{day('d2')}{dm}{month('m2')}(?:{my}{year('y')})?",
                rf"{day('d')}{dm}{month('m')}(?:{my}{year('y')})?",
                rf"{opener}{month('m1')}{joined}{month('m2')}{my}{year('y')}",
                rf"{opener}{month('m1')}{my}{year('y1')}{to}{month('m2')}{my}{year('y2')}",
                rf"{month('m')}{my}{year('y')}",
            ]
        elif order == "YMD":
            ym, md = g.year_month, g.month_day
            found += [
                rf"(?:{year('ys')}{ym})?{month('m')}{md}{day('d1')}{joined}{day('d2')}",
                rf"(?:{year('ys')}{ym})?{month('m1')}{md}{day('d1')}{joined}"
                rf"{month('m2')}{md}{day('d2')}",
                rf"(?:{year('y')}{ym})?{month('m')}{md}{day('d')}",
                rf"{year('ys')}{ym}{month('m1')}{joined}{month('m2')}",
                rf"{year('y1')}{ym}{month('m1')}{to}{year('y2')}{ym}{month('m2')}",
                rf"{year('y')}{ym}{month('m')}",
            ]
        elif order == "YDM":
            ym = g.year_month
            found += [
                rf"(?:{year('ys')}{ym})?{day('d1')}{joined}{day('d2')}\s+{month('m')}",
                rf"(?:{year('ys')}{ym})?{day('d1')}\s+{month('m1')}{joined}"
                rf"{day('d2')}\s+{month('m2')}",
                rf"(?:{year('y')}{ym})?{day('d')}\s+{month('m')}",
                rf"{year('y')}{ym}{month('m')}",
            ]
    with_month, found = found, [rf"{opener}{year('y1')}{joined}{year('y2')}"]
    if g.seasons:
        words = "|".join(sorted(map(re.escape, g.seasons), key=len, reverse=True))
        endings = "|".join(re.escape(e) for e in months.endings if e)
        season_word = rf"(?P<s>(?:{words})(?:{endings})?)" if endings else rf"(?P<s>{words})"
        if g.season_before_year:
            found.append(rf"{season_word}{g.season_year}{year('y')}")
        if g.season_after_year:
            found.append(rf"{year('y')}{g.year_month}{season_word}")
    return [
        [rf"{_LETTER_BEFORE}(?:{source}){_LETTER_AFTER}" for source in sources]
        for sources in (with_month, found)
    ]


def _before(words: str) -> re.Pattern[str] | None:
    """Words that qualify a date when they stand just before it, perhaps with one or two
    short words between ("примерно в 1943 году", "probably built in 1788")."""
    if not words:
        return None
    return guarded(
        rf"{_LETTER_BEFORE}(?:{words}),?\s+(?:[^\W\d_]{{1,7}}['’]?\s*){{0,2}}$", re.IGNORECASE
    )


@cache
def patterns_for(language: str) -> LanguagePatterns:
    """Compiled patterns of *language*; built on first use and kept for the process."""
    g = GRAMMARS[language]
    months = month_words(language)
    flags = re.IGNORECASE
    marker = rf"(?P<mark>{g.year_marker})" if g.year_marker else "(?P<mark>(?!))"
    cues = "|".join(c for c in (g.year_before, g.approximate, g.uncertain, g.since) if c)
    pre = rf"(?:{_LETTER_BEFORE}(?P<pre>{cues}),?\s+)?" if cues else ""
    bare = rf"{pre}(?<![\w.,/-])(?P<y>{_YEAR})(?!\d|[.,]\d){marker}?"
    with_month, without_month = _date_patterns(g, months)
    return LanguagePatterns(
        language=language,
        grammar=g,
        months=months,
        with_months=tuple(re.compile(source, flags) for source in with_month + without_month),
        without_months=tuple(re.compile(source, flags) for source in without_month),
        periods=tuple(
            re.compile(rf"{_LETTER_BEFORE}(?:{source}){_LETTER_AFTER}", flags)
            for source in (*g.decades, *g.centuries)
        ),
        period_anchor=_period_anchor(g, flags),
        lead=re.compile(
            rf"(?:{'|'.join(c for c in (cues, g.range_open) if c) or '(?!)'})(?![^\W\d_])"
            + "".join(f"|{re.escape(season)}" for season in g.seasons),
            flags,
        ),
        bare_year=re.compile(bare, flags),
        approximate=_before(g.approximate),
        approximate_after=re.compile(rf"(?:{g.approximate_after})", flags)
        if g.approximate_after
        else None,
        uncertain=_before(g.uncertain),
        since=guarded(rf"{_LETTER_BEFORE}(?:{g.since})\s+$", flags) if g.since else None,
        since_after=re.compile(rf"(?:{g.since_after})", flags) if g.since_after else None,
    )


def _period_anchor(g: DateGrammar, flags: int) -> re.Pattern[str]:
    """A Roman numeral (capitals only) or a decade or century word. Without such words
    the pattern is compiled case-sensitive, so a scan skips every lower-case i, v and
    x in C (the guard of a case-insensitive pattern would stop at each)."""
    words = sorted((*g.decade_words, *g.century_words), key=len, reverse=True)
    if not words:
        return guarded(rf"{_LETTER_BEFORE}[IVX]{{1,5}}")
    return guarded(
        rf"{_LETTER_BEFORE}(?:(?-i:[IVX]{{1,5}})" + "".join(f"|{w}" for w in words) + ")", flags
    )


def _roman(numeral: str) -> int:
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _season_code(g: DateGrammar, months: MonthWords, word: str) -> int | None:
    key = fold(word)
    if key in g.seasons:
        return g.seasons[key]
    for ending in months.endings:
        if ending and key.endswith(ending) and key[: -len(ending)] in g.seasons:
            return g.seasons[key[: -len(ending)]]
    return None


def _decade_or_century(p: LanguagePatterns, m: re.Match[str]) -> Found | None:
    groups = m.groupdict()
    start, end = m.start(), m.end()
    for name in ("dec", "dec3"):
        if groups.get(name):
            return decade(start, end, int(groups[name]))
    if groups.get("dec2"):
        return decade(start, end, 1900 + int(groups["dec2"]))
    for name in ("decw", "decw2"):
        if groups.get(name):
            first = p.grammar.decade_words.get(fold(groups[name]))
            return None if first is None else decade(start, end, first)
    if groups.get("yy"):
        short = int(groups["yy"])
        return point(start, end, Day(short + (2000 if short < 30 else 1900)))
    if groups.get("rom"):
        return century(start, end, _roman(groups["rom"]))
    if groups.get("cn"):
        return century(start, end, int(groups["cn"]))
    if groups.get("cw"):
        number = p.grammar.century_words.get(fold(groups["cw"]))
        return None if number is None else century(start, end, number)
    return None


def read_match(p: LanguagePatterns, m: re.Match[str]) -> Found | None:
    """The date a match of one of *p*'s patterns says, or None when it is not one."""
    groups = m.groupdict()
    start, end = m.start(), m.end()
    if groups.get("s"):
        code = _season_code(p.grammar, p.months, groups["s"])
        return None if code is None else season(start, end, int(groups["y"]), code)
    if not any(groups.get(k) for k in ("d", "d1", "m", "m1", "y1")):
        return _decade_or_century(p, m)
    number = p.months.number
    year = int(groups["y"]) if groups.get("y") else None
    lead = int(groups["ys"]) if groups.get("ys") else None  # a year before both ends
    if groups.get("d1"):
        m1 = number(groups.get("m1") or groups["m"])
        m2 = number(groups.get("m2") or groups["m"])
        d1, d2 = day_number(groups["d1"]), day_number(groups["d2"])
        if m1 is None or m2 is None or (m1 == m2 and d2 <= d1):
            return None
        if lead is not None:
            y1, year = lead, lead + 1 if m2 < m1 else lead
        elif year is None:
            return _yearless_range(start, end, m1, d1, m2, d2)
        else:
            y1 = int(groups["y1"]) if groups.get("y1") else (year - 1 if m2 < m1 else year)
        if not (valid(y1, m1, d1) and valid(year, m2, d2)):
            return None
        return interval(start, end, Day(y1, m1, d1), Day(year, m2, d2))
    if groups.get("m1"):
        m1, m2 = number(groups["m1"]), number(groups["m2"])
        if m1 is None or m2 is None:
            return None
        if groups.get("y1") and groups.get("y2"):
            return interval(start, end, Day(int(groups["y1"]), m1), Day(int(groups["y2"]), m2))
        year = year if year is not None else lead
        if m2 <= m1 or year is None:
            return None
        return interval(start, end, Day(year, m1), Day(year, m2))
    if groups.get("y1"):
        return _year_range(m, groups)
    month = number(groups["m"]) if groups.get("m") else None
    if month is None:
        return None
    if groups.get("d"):
        d = day_number(groups["d"])
        if year is None:
            return year_less(start, end, month, d)
        return point(start, end, Day(year, month, d)) if valid(year, month, d) else None
    return None if year is None else point(start, end, Day(year, month))


def _yearless_range(start: int, end: int, m1: int, d1: int, m2: int, d2: int) -> Found | None:
    """'с 11 по 13 декабря' with no year: claimed; the year is completed later."""
    if not (valid(None, m1, d1) and valid(None, m2, d2)):
        return None
    edtf = f"{Day(None, m1, d1).edtf()}/{Day(None, m2, d2).edtf()}"
    return Found(start, end, edtf, None, None, emit=False, yearless=(m1, d1), yearless_end=(m2, d2))


def _year_range(m: re.Match[str], groups: dict[str, str | None]) -> Found | None:
    y1 = int(groups["y1"] or 0)
    y2 = expand_year(y1, groups["y2"] or "")
    if y2 <= y1 or y2 - y1 > 200:
        return None
    text = m.group(0)
    marked = bool(groups.get("open")) or not re.fullmatch(r"\d{4}\s*[-–—]\s*\d{4}", text)
    if not marked and not (y1 >= 1800 and y2 <= 2049):
        return None  # "1200–1500": a range of counts more likely than of years
    return interval(m.start(), m.end(), Day(y1), Day(y2))


def read_bare_year(p: LanguagePatterns, text: str, m: re.Match[str]) -> Found | None:
    """A year that a marker after it ("году", "yılında") or a preposition before it
    ("в", "en", "nel") says is a year; a preposition alone is not enough when a
    lower-case word follows ("до 1500 человек"), except for likely years in languages
    that seldom mark them."""
    year = int(m["y"])
    groups = m.groupdict()
    if p.approximate_after is not None and _after(p.approximate_after, text, m.end()):
        return point(m.start("y"), m.end(), Day(year))  # "1943 civarında"
    if not groups.get("mark"):
        return _unmarked_year(p, text, m, year)
    return point(m.start("y"), m.end(), Day(year))


def _unmarked_year(p: LanguagePatterns, text: str, m: re.Match[str], year: int) -> Found | None:
    """A year with neither marker nor preposition, or with only a preposition."""
    following = _NEXT_WORD.match(text, m.end())
    next_word = following.group(1) if following is not None else ""
    likely = 1800 <= year <= 2049
    pre = m.groupdict().get("pre")
    if p.language == "de":
        # German capitalises nouns: "1500 Menschen" counts, "kam 2010 dagegen" dates.
        if (
            next_word[:1].isupper()
            or not likely
            or _GERMAN_COUNT_BEFORE.search(text, max(0, m.start("y") - 20), m.start("y"))
        ):
            return None
        return point(m.start("y"), m.end(), Day(year))
    if not pre:
        if likely and next_word[:1].isupper() and _LINE_START.search(text, 0, m.start("y")):
            return point(m.start("y"), m.end(), Day(year))  # "No. 7: 1989 Bulgaristan Göçü"
        return None
    strong = re.fullmatch(p.grammar.year_before or "(?!)", pre, re.IGNORECASE) or (
        likely and next_word.casefold() in _ARTICLES  # "intorno al 1920 la miniera chiuse"
    )
    if next_word[:1].islower() and not (p.grammar.loose_years and likely and strong):
        return None  # "до 1500 человек": a count after a preposition
    if next_word[:1].islower() and year % 100 == 0 and len(next_word) > 3:
        return None  # "en 2000 personnes": a round number before a noun counts it
    return point(m.start("y"), m.end(), Day(year))


# The longest openings ("entre el 11 y el 13 de", "1992-ci il") put a month name about 50
# characters after the date's start: the shapes with a month are tried only that near one.
NEAR_MONTH = 60


_Index = FirstCharacterIndex[re.Pattern[str]]


@dataclass(frozen=True)
class _Shapes:
    """The shapes to try at one character, with or without a month name near: all of
    them and the bare year (when it can start there) where ``gate`` is None; where it
    matches, ``from_branch[first_branch(match)]`` (the shapes from the one that matched
    on, and those left out of the gate) and the bare year; where it does not, only
    ``left_out`` (and the bare year when it is among them)."""

    shapes: tuple[re.Pattern[str], ...]
    bare_year: bool
    gate: re.Pattern[str] | None
    left_out: tuple[re.Pattern[str], ...]
    bare_year_left_out: bool
    from_branch: tuple[tuple[re.Pattern[str], ...], ...]


def _shapes(shapes: tuple[re.Pattern[str], ...], bare_year: re.Pattern[str] | None) -> _Shapes:
    joined = [*shapes, bare_year] if bare_year is not None else list(shapes)
    gate, left_out = any_of(joined)
    return _Shapes(
        shapes,
        bare_year is not None,
        gate,
        tuple(shapes[index] for index in left_out if index < len(shapes)),
        bare_year is not None and len(shapes) in left_out,
        tuple(
            tuple(shape for index, shape in enumerate(shapes) if index >= k or index in left_out)
            for k in range(len(joined))
        ),
    )


class _ByFirstCharacter(dict[str, tuple[_Shapes, _Shapes, bool]]):
    """One language's pattern lists by the character a match can start with: at each
    anchor only the shapes that can open with its character are tried, in their own
    order (with a month name near, without one, and whether a lead word can start
    there). A plain dictionary once a character has been seen (the date finder asks
    for every number and word before one)."""

    def __init__(self, p: LanguagePatterns) -> None:
        super().__init__()
        self._with_months = FirstCharacterIndex(p.with_months, _itself)
        self._without_months = FirstCharacterIndex(p.without_months, _itself)
        self._bare_year = FirstCharacterIndex((p.bare_year,), _itself)
        self._lead = FirstCharacterIndex((p.lead,), _itself)

    def __missing__(self, character: str) -> tuple[_Shapes, _Shapes, bool]:
        bare_year = (self._bare_year.at(character) or (None,))[0]
        found = (
            _shapes(self._with_months.at(character), bare_year),
            _shapes(self._without_months.at(character), bare_year),
            bool(self._lead.at(character)),
        )
        self[character] = found
        return found


@cache
def _by_first_character(language: str) -> _ByFirstCharacter:
    return _ByFirstCharacter(patterns_for(language))


@cache
def _periods_by_first_character(language: str) -> _Index:
    return FirstCharacterIndex(patterns_for(language).periods, _itself)


def _itself(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return pattern


def find_in_language(
    text: str, anchors: list[int], end: int, language: str, months: list[int]
) -> list[Found]:
    """The dates of *language* that start at one of *anchors* (numbers, month names and
    the words before them, see ``date_suggestions._candidates``) and end by *end*;
    overlaps are resolved later. The shapes that need a month name are tried only where
    one follows closely (*months*: sorted positions of month names)."""
    p = patterns_for(language)
    at_character = _by_first_character(language)
    found: list[Found] = []
    starts_of_months = set(months)
    count = len(months)
    for anchor in anchors:
        first = text[anchor]
        with_months, without_months, lead = at_character[first]
        if not (first.isdigit() or anchor in starts_of_months) and not (
            lead and p.lead.match(text, anchor)
        ):
            continue  # no date of this language opens with this word
        index = bisect_left(months, anchor)  # a month name within NEAR_MONTH after it?
        at = (
            with_months
            if index < count and months[index] - anchor <= NEAR_MONTH
            else without_months
        )
        opened = at.gate.match(text, anchor, end) if at.gate is not None else None
        if opened is not None:  # those joined before the one that matched fail here
            shapes, bare_year = at.from_branch[first_branch(opened)], at.bare_year
        elif at.gate is None:
            shapes, bare_year = at.shapes, at.bare_year
        else:
            shapes, bare_year = at.left_out, at.bare_year_left_out  # none of the rest fits
        for pattern in shapes:
            match = pattern.match(text, anchor, end)
            if match is not None:
                result = read_match(p, match)
                if result is not None:
                    found.append(qualify(p, text, result))
        match = p.bare_year.match(text, anchor, end) if bare_year else None
        if match is not None:
            result = read_bare_year(p, text, match)
            if result is not None:
                found.append(qualify(p, text, result))
    return found


def period_anchors(text: str, start: int, end: int, language: str) -> list[int]:
    """Where a decade or century with no digit may be named: a Roman numeral or a
    decade or century word ("XX век", "anni Novanta", "il Novecento")."""
    return [m.start() for m in patterns_for(language).period_anchor.finditer(text, start, end)]


def find_periods(text: str, anchors: list[int], end: int, language: str) -> list[Found]:
    """Decades and centuries of *language* that start at one of *anchors*."""
    p = patterns_for(language)
    periods = _periods_by_first_character(language)
    found: list[Found] = []
    for anchor in anchors:
        for pattern in periods.at(text[anchor]):
            match = pattern.match(text, anchor, end)
            if match is not None:
                result = _decade_or_century(p, match)
                if result is not None:
                    found.append(qualify(p, text, result))
    return found


def qualify(p: LanguagePatterns, text: str, found: Found) -> Found:
    """Mark a point date approximate ("около", "vers", "hacia", "civarında"), uncertain
    ("вероятно", "probablement") or open from its start ("depuis 1991", "1991'den beri")."""
    if "/" in found.edtf or "X" in found.edtf or found.edtf.endswith(("~", "?")):
        return found
    window = max(0, found.start - 40)
    before = text[window : found.start]
    year_only = len(found.edtf) == 4  # "depuis 1991" opens; "seit August 2002" anchors
    if p.since_after is not None and year_only:
        since = p.since_after.search(text, found.start, found.end + 24)
        if since is not None:
            return Found(
                found.start,
                max(found.end, since.end()),
                f"{found.edtf}/..",
                found.lower,
                None,
                found.certainty,
            )
    if p.approximate is not None:
        cue = p.approximate.search(before)
        if cue is not None:
            return _marked(found, window + cue.start(), "~", "approximate")
    if p.approximate_after is not None:
        cue_end = _after(p.approximate_after, text, found.end)
        if cue_end is not None:
            return _marked(found, found.start, "~", "approximate", cue_end)
    if p.uncertain is not None:
        cue = p.uncertain.search(before)
        if cue is not None:
            return _marked(found, window + cue.start(), "?", "uncertain")
    query = _QUERIED.match(text, found.end)
    if query is not None:
        return _marked(found, found.start, "?", "uncertain", query.end())  # "1943 (?)"
    if p.since is not None and year_only:
        cue = p.since.search(before)
        if cue is not None:
            return Found(
                window + cue.start(),
                found.end,
                f"{found.edtf}/..",
                found.lower,
                None,
                found.certainty,
            )
    return found


def _after(pattern: re.Pattern[str], text: str, position: int) -> int | None:
    """End of *pattern* when it follows *position* after at most some spaces."""
    spaces = _SPACES.match(text, position)
    cue = pattern.match(text, spaces.end() if spaces else position)
    return cue.end() if cue else None


def _marked(found: Found, start: int, sign: str, certainty: str, end: int | None = None) -> Found:
    if found.yearless is not None:
        return found
    return Found(
        start,
        found.end if end is None else end,
        found.edtf + sign,
        found.lower,
        found.upper,
        certainty,
    )
