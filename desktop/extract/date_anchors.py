"""Where a date can start: the words of a text and the month names among them, read once.

The date finder tries its patterns only at numbers, at month names and at the few words
just before them (``date_suggestions._candidates``). Which words those are is the same
for every rule family (the paragraph's own language, English, a foreign month name, a
decade or century), so the text's words are read once, with the month names of every
language looked up in C (``map`` over the words), and each family takes the slice it
needs by bisection instead of reading its stretch of text again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter

from desktop.extract.date_months import fold, month_words
from desktop.extract.date_multilingual import LANGUAGES

# A word, and the letters after an apostrophe inside it ("Şubat'ta", "nell'estate").
_WORD = re.compile(r"[^\W\d_]+(['’][^\W\d_]*)?")
_START = re.Match.start
_GROUP = re.Match.group
# A date opens at most four words (and 28 characters) before its number or month name:
# "entre el 11", "dall'11", "около 1943", "the fourth quarter of 2020", "each year on".
_WORDS_BEFORE = 4
_REACH_BEFORE = 28

# (position, languages that read the word as a month, four letters or more)
MonthWord = tuple[int, frozenset[str], bool]


@lru_cache(maxsize=1)
def month_owners() -> dict[str, frozenset[str]]:
    """Which languages read each folded word as a month (English included, so "April"
    is never foreign to German)."""
    owners: dict[str, set[str]] = {}
    for language in ("en", *LANGUAGES):
        for word in month_words(language).forms():
            owners.setdefault(word, set()).add(language)
    return {word: frozenset(languages) for word, languages in owners.items()}


@dataclass(frozen=True)
class TextWords:
    """The words of one text (see the module docstring)."""

    starts: list[int]  # every word's start, and where letters follow an apostrophe
    plain_starts: list[int]  # every word's start only
    months: list[MonthWord]  # the words that name a month (three letters or more)
    month_positions: list[int]  # their positions, for bisection

    def between(self, start: int, end: int) -> tuple[list[int], list[MonthWord]]:
        """The word starts and month names in ``text[start:end]``."""
        positions = self.month_positions
        return (
            self.starts[bisect_left(self.starts, start) : bisect_left(self.starts, end)],
            self.months[bisect_left(positions, start) : bisect_left(positions, end)],
        )

    def plain_between(self, start: int, end: int) -> list[int]:
        """The word starts in ``text[start:end]``, without the apostrophe ones."""
        starts = self.plain_starts
        return starts[bisect_left(starts, start) : bisect_left(starts, end)]


def read_words(text: str) -> TextWords:
    """Every word of *text* and its month names: a short word ("mar", "may") is no
    month, and one of three letters says nothing about a foreign language (the flag)."""
    owners = month_owners()
    matches = list(_WORD.finditer(text))
    plain = list(map(_START, matches))
    words = list(map(_GROUP, matches))
    found = list(map(owners.get, map(str.casefold, words)))
    months: list[MonthWord] = [
        (plain[index], languages, len(words[index]) >= 4)
        for index, languages in compress(enumerate(found), found)
        if languages is not None and len(words[index]) >= 3
    ]
    starts = plain
    if "'" in text or "’" in text:
        tails = list(map(_GROUP, matches, repeat(1)))
        extra: list[int] = []
        for index in compress(range(len(tails)), tails):
            word, match = words[index], matches[index]
            if len(word) < 3:
                continue
            if match.end(1) > match.start(1) + 1:
                extra.append(match.start(1) + 1)  # "nell'estate" -> "estate" opens a date
            if found[index] is None:
                languages = owners.get(fold(word).replace("'", ""))  # "Şubat'ta"
                if languages is not None:
                    months.append((plain[index], languages, len(word) >= 4))
        if extra:
            starts = sorted(plain + extra)
        months.sort(key=itemgetter(0))
    return TextWords(starts, plain, months, [month[0] for month in months])


def with_words_before(points: list[int], word_starts: list[int]) -> list[int]:
    """*points* and the starts of the (up to) four words just before each, within 28
    characters, in order: a date may open with them."""
    found = set(points)
    for point in points:
        index = bisect_left(word_starts, point)
        first = bisect_left(
            word_starts, point - _REACH_BEFORE, max(0, index - _WORDS_BEFORE), index
        )
        found.update(word_starts[first:index])
    return sorted(found)


def month_languages(words: list[MonthWord], own: str | None) -> dict[str, list[int]]:
    """Where *words* (month names) occur, by language: those of *own*, and those of other
    languages that are not also a month of *own* (four letters or more: "mar", "may"
    say nothing about a foreign language)."""
    found: dict[str, list[int]] = {}
    for position, languages, long_word in words:
        if own in languages:
            found.setdefault(own, []).append(position)  # type: ignore[arg-type]
        elif long_word:
            for language in languages:
                found.setdefault(language, []).append(position)
    return found
