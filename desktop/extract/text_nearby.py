"""Small text helpers shared by the suggesters.

Every suggester reports character offsets into the exact text it was given, so these
helpers never normalise or copy the text; they only look around a position.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache


def word_set(words: str) -> frozenset[str]:
    """A frozen set from a space-separated word list (keeps long lists readable)."""
    return frozenset(words.split())


_SENTENCE_END = re.compile(r"[.!?;](?=[\s\"'”’)\]]|$)|\n\s*\n|\n(?=[A-Z0-9#“\"])")

# Abbreviations whose full stop does not end a sentence ("Aug. 14", "U.S. states").
_ABBREVIATIONS = word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof st no vol art "
    "gen col lt sgt rev u.s u.k u.n e.g i.e etc approx c vs"
)


def _is_abbreviation_stop(text: str, stop: int) -> bool:
    """True when the full stop at *stop* closes an abbreviation, not a sentence."""
    if text[stop] != ".":
        return False
    start = stop
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:stop].casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


@lru_cache(maxsize=16)
def _sentence_stops(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of sentence breaks in *text*, computed once per text."""
    starts: list[int] = []
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        if not _is_abbreviation_stop(text, match.start()):
            starts.append(match.start())
            ends.append(match.end())
    return starts, ends


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Return (start, end) of the sentence around *position*.

    Cheap and approximate on purpose: it is used to keep cues (a verb, "including", a
    speech verb) inside the clause they belong to, not to parse grammar. A single line
    break before a capitalised line also ends a sentence, because lists and captions in
    pasted web pages have no full stops.
    """
    starts, ends = _sentence_stops(text)
    index = bisect_right(starts, position - 1)
    start = ends[index - 1] if index else 0
    end = starts[index] if index < len(starts) else len(text)
    return start, end


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the half-open spans [a_start, a_end) and [b_start, b_end) share a char."""
    return a_start < b_end and b_start < a_end


class SpanSet:
    """Spans already claimed by one suggester, so another one leaves them alone.

    Dates claim "11 July 1995" before figures run, so the 26 is never a figure.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        self._spans.append((start, end))

    def hits(self, start: int, end: int) -> bool:
        return any(overlaps(start, end, s, e) for s, e in self._spans)

    def spans(self) -> tuple[tuple[int, int], ...]:
        """The claimed spans so far, in the order they were added."""
        return tuple(self._spans)


def digit_windows(text: str, margin: int = 60) -> list[tuple[int, int]]:
    """Merged windows of *margin* characters around every run of digits.

    Dates, times and figures written in digits all contain a digit, so the expensive
    patterns only need to look inside these windows; on prose that is a small fraction
    of the text. The date finder asks twice per text: the answer is kept for the last
    few texts.
    """
    return list(_digit_windows(text, margin))


@lru_cache(maxsize=4)
def _digit_windows(text: str, margin: int) -> tuple[tuple[int, int], ...]:
    windows: list[tuple[int, int]] = []
    for match in _DIGITS.finditer(text):
        start, end = max(0, match.start() - margin), min(len(text), match.end() + margin)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return tuple(windows)


_DIGITS = re.compile(r"\d+")


# Irregular plurals and collective nouns that count like plurals ("300 people").
PLURAL_NOUNS = word_set(
    "people men women children police cattle personnel staff clergy sheep fish aircraft "
    "livestock infantry militia crew"
)


def is_plural(word: str) -> bool:
    """'civilians', 'people', 'graves' look plural; 'mass', 'status', 'crisis' do not.

    Counts come with plural nouns, so this separates "1500 villages" (a figure) from
    "the 2011 disaster" (a year) and ends a counted noun phrase.
    """
    word = word.casefold()
    if word in PLURAL_NOUNS:
        return True
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
