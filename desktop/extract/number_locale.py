"""Numbers written in digits the way each language writes them, with its scale words.

"8.372" is eight thousand in German, Italian, Spanish, Turkish and Azerbaijani and
eight point four in English; "1,2 млн" is one point two million in Russian; "8 372",
"8 372" and "8’372" group thousands with spaces and apostrophes. The separators and
the scale words ("тыс.", "milyon", "Millionen", "mila", "ათასი") come from CLDR through
Babel: the decimal and group symbols, and the words of the compact decimal formats
("0 тысяч", "0 Millionen"). Tables are built once per language and cached.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from babel import Locale, numbers

# Scale words CLDR writes as one or two capital letters ("K", "M", "Mn", "Mr") are
# abbreviations of compact display, not words found in running text; they are left out.
_MIN_SCALE_WORD = 3
# Case endings glued to a scale word in agglutinative languages ("minə", "binden",
# "հազարից", "ათასზე"); a closed list, so "5 bina" (buildings) is not 5000.
# Turkish and Azerbaijani endings follow vowel harmony: front after e/i/ö/ü/ə, back after
# a/ı/o/u ("bine", "milyona").
SCALE_ENDINGS = {
    # Latin, then Cyrillic script ("26 mindən", "26 миндән")
    ("az", "front"): "ə|i|in|də|dən|lik|ü|ün|lük|ә|и|ин|дә|дән|лик|ү|үн|лүк",
    ("az", "back"): "a|ı|ın|da|dan|lıq|u|un|luq|а|ы|ын|да|дан|лыг|у|ун|луг",
    ("tr", "front"): "e|i|in|de|den|lik|ü|ün|lük",
    ("tr", "back"): "a|ı|ın|da|dan|lık|u|un|luk",
    ("hy", "any"): "ից|ով|ի|ը|ն|ում",
    ("ka", "any"): "ამდე|იდან|ი|ის|ით|ზე|მდე|დან|ს|ად|ში",
}
_FRONT_VOWELS = "eiöüəеиөүә"
_BACK_VOWELS = "aıouаыоу"


def _scale_alternative(word: str, language: str) -> str:
    """Regex for one scale word with the case endings its language glues to it."""
    base = language.split("-")[0]
    if base == "ka" and word.endswith("ი"):  # "ათასი" is the stem "ათას" + nominative -ი
        word = word[:-1]
    vowels = [c for c in word if c in _FRONT_VOWELS + _BACK_VOWELS]
    harmony = "any"
    if base in ("az", "tr"):
        harmony = "front" if vowels and vowels[-1] in _FRONT_VOWELS else "back"
    endings = SCALE_ENDINGS.get((base, harmony))
    body = r"\s".join(map(re.escape, word.split()))
    return f"{body}(?:{endings})?" if endings else body


_SPACES = " \u00a0\u202f\u2009"
_APOSTROPHES = "'’"


_REMAINDER = re.compile(r"[ \u00a0](\d{1,3})(?![\d.,])(?![ \u00a0]*[^\W\d]*(?:тыс|тис|bin|min))")
_REMAINDER_LANGUAGES = frozenset({"tr", "az", "ru", "uk"})
_DIGIT_RUN = re.compile(r"\d+")


class DigitNumber(NamedTuple):
    """A number in digits found at a position: its span, value and the scale word used.

    A named tuple: one is made for every number of every paragraph, and a frozen
    dataclass costs several times as much to create."""

    start: int
    end: int
    value: float
    scaled: bool


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    if language == "az-Cyrl":
        return Locale("az", script="Cyrl")
    return Locale.parse(language)


@lru_cache(maxsize=32)
def scale_words(language: str) -> dict[str, int]:
    """Scale word (casefolded, without a final full stop) → multiplier, from CLDR."""
    found: dict[str, int] = {}
    formats = _locale(language).compact_decimal_formats
    for width in formats:
        for plural_form in formats[width]:
            for magnitude, pattern in dict(formats[width][plural_form]).items():
                zeros = len(magnitude) - 1
                if zeros % 3 or zeros > 9:
                    continue
                word = re.sub(r"[0#.,'\u00a0]", " ", pattern.pattern).split()
                if not word:
                    continue
                phrase = " ".join(word)
                if len(phrase) < _MIN_SCALE_WORD and not phrase.islower():
                    continue
                found.setdefault(phrase.casefold(), 10**zeros)
    for word, value in EXTRA_SCALES.get(language, {}).items():
        found.setdefault(word, value)
    return found


# CLDR has no compact-format words for Azerbaijani in Cyrillic script (only "K", "M").
EXTRA_SCALES = {"az": {"мин": 1000, "милјон": 1_000_000, "милјард": 1_000_000_000}}


@lru_cache(maxsize=32)
def decimal_symbol(language: str) -> str:
    return str(numbers.get_decimal_symbol(_locale(language)))


@lru_cache(maxsize=32)
def group_symbol(language: str) -> str:
    return str(numbers.get_group_symbol(_locale(language)))


@lru_cache(maxsize=32)
def digit_pattern(language: str) -> re.Pattern[str]:
    """Digits grouped by the language's separators, an optional decimal part and scale.

    Every language but English also accepts thin/no-break spaces and apostrophes as
    group separators (Swiss and typeset text), and a point group where CLDR says so.
    """
    decimal = decimal_symbol(language)
    group = group_symbol(language)
    separators = set(_SPACES) | set(_APOSTROPHES)
    if group not in _SPACES and group != decimal:
        separators.add(group)
    group_class = "[" + re.escape("".join(sorted(separators))) + "]"
    decimal_class = re.escape(decimal) + ("|[.,]" if decimal == "," else "")
    scales = sorted(scale_words(language), key=len, reverse=True)
    scale_alt = "|".join(_scale_alternative(s, language) for s in scales)
    return re.compile(
        rf"(?<![\w.,’'])(?P<num>\d{{1,3}}(?:{group_class}\d{{3}})+(?![\d])"
        rf"(?:(?:{decimal_class})\d+)?|\d+(?:(?:{decimal_class})\d+)?)"
        rf"(?:[{_SPACES}]?(?P<scale>(?:{scale_alt})\.?)(?![\w]))?",
        re.IGNORECASE,
    )


def parse_locale_digits(number: str, language: str, has_scale: bool) -> float:
    """Value of digits as the language writes them ("8.372" → 8372 in Italian).

    A comma or point followed by exactly three digits and no scale word groups
    thousands (a fraction of a person is never counted); otherwise it is a decimal mark.
    """
    if number.isdecimal():
        return float(number)  # digits alone, the common case
    decimal = decimal_symbol(language)
    text = number
    for space in _SPACES + _APOSTROPHES:
        text = text.replace(space, "")
    marks = [c for c in text if c in ".,"]
    if not marks:
        return float(text)
    last = max(text.rfind("."), text.rfind(","))
    tail = text[last + 1 :]
    if len(set(marks)) == 2:
        # "1.234,5" or "1,234.5": the last mark is the decimal one.
        whole = re.sub(r"[.,]", "", text[:last])
        return float(f"{whole}.{tail}")
    mark = marks[0]
    if len(marks) > 1 or (len(tail) == 3 and not has_scale) or mark not in (decimal, ".", ","):
        return float(text.replace(mark, ""))
    if mark != decimal and mark == group_symbol(language):
        return float(text.replace(mark, ""))
    return float(text.replace(mark, "."))


def scale_value(word: str, language: str) -> float:
    """Multiplier of a scale word as written ("тыс.", "minə", "Millionen")."""
    table = scale_words(language)
    key = word.casefold().rstrip(".")
    if key in table:
        return table[key]
    for known in sorted(table, key=len, reverse=True):
        if key.startswith(known) or (known.endswith("ი") and key.startswith(known[:-1])):
            return table[known]
    return 1


def find_locale_digits(
    text: str, language: str, start: int = 0, end: int | None = None
) -> list[DigitNumber]:
    """Every number in digits in ``text[start:end]``, read in *language*'s format."""
    found: list[DigitNumber] = []
    pattern = digit_pattern(language)
    stop = len(text) if end is None else end
    resume = start
    # The pattern starts at a digit with no word character before it, so only the start
    # of a run of digits can begin a number: the pattern is tried there alone (where
    # ``finditer`` would go on after a match), not at every character of the paragraph.
    for run in _DIGIT_RUN.finditer(text, start, stop):
        match = pattern.match(text, run.start(), stop) if run.start() >= resume else None
        if match is None:
            continue
        resume = match.end()
        scale = match.group("scale")
        value = parse_locale_digits(match.group("num"), language, scale is not None)
        number_end = match.end()
        if scale and scale.endswith(".") and len(scale) > 5:
            number_end -= 1  # "50 milioni." ends a sentence; "12 тыс." abbreviates
        if scale:
            multiplier = scale_value(scale, language)
            value *= multiplier
            rest = _REMAINDER.match(text, number_end)
            if rest and multiplier == 1000 and language in _REMAINDER_LANGUAGES:
                value += float(rest.group(1))  # "12 bin 500", "2 тис. 300"
                number_end = rest.end()
        found.append(DigitNumber(match.start(), number_end, value, scale is not None))
    return found
