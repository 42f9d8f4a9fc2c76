"""Reading numbers written as digits or as English words.

Figures in evidence documents come as "1,380", "1380", "7,000", "2.5 million",
"thirty-three", "eight", "two hundred and fifty". This module turns each into a float
and says where it ends; it knows nothing about what is being counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.extract.regex_guard import guarded

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

_SMALL = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_UNITS_ALT = "|".join(k for k in _UNITS if _UNITS[k] < 10)
_SCALE_ALT = "|".join(_SCALES)

# "thirty-three", "two hundred and fifty", "three thousand", "seven".
_WORD_ATOM = rf"(?:(?:{_TENS_ALT})[-\s](?:{_UNITS_ALT})|{_SMALL})"
# Both are scanned over whole texts: guarded, so the scan skips in C where they cannot start.
WORD_NUMBER = guarded(
    rf"\b(?:(?:half\s+)?an?\s+(?:hundred|thousand|million|billion)(?![\w-])|"
    rf"{_WORD_ATOM}(?:\s+(?:{_SCALE_ALT})(?:\s+(?:and\s+)?{_WORD_ATOM})?)*)\b",
    re.IGNORECASE,
)

# "1,380", "7,000", "1380", "2.5", optionally "2.5 million" / "10bn".
DIGIT_NUMBER = guarded(
    rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:\s*(?P<scale>{_SCALE_ALT})\b|(?P<short>bn|mn|m|k)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMatch:
    """A number found in text: its span, its value and whether it was written in words."""

    start: int
    end: int
    value: float
    in_words: bool


def parse_word_number(words: str) -> float | None:
    """Value of an English number phrase ("thirty-three", "two hundred and five")."""
    single = re.fullmatch(r"(half\s+)?an?\s+(\w+)", words.strip(), re.IGNORECASE)
    if single:
        return _SCALES[single.group(2).casefold()] / (2 if single.group(1) else 1)
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.casefold()):
        if not word or word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_digits(number: str, scale: str | None = None) -> float:
    """Value of "1,380" or "2.5" with an optional scale word ("million", "bn")."""
    value = float(number.replace(",", ""))
    if scale:
        key = scale.casefold()
        value *= _SCALES.get(key) or _SHORT_SCALES.get(key, 1)
    return value


def find_numbers(text: str) -> list[NumberMatch]:
    """Every cardinal number in *text*, digits and words, in order of position.

    Filtering (ordinals, identifiers, dates, times) is the caller's job, because it
    needs the surrounding words.
    """
    found: list[NumberMatch] = []
    for match in DIGIT_NUMBER.finditer(text):
        scale = match.group("scale") or match.group("short")
        found.append(
            NumberMatch(match.start(), match.end(), parse_digits(match.group("num"), scale), False)
        )
    for match in WORD_NUMBER.finditer(text):
        value = parse_word_number(match.group(0))
        if value is not None:
            found.append(NumberMatch(match.start(), match.end(), value, True))
    found.sort(key=lambda n: n.start)
    return found
