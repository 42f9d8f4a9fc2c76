"""Numbers written in words in the languages other than English.

One small general grammar serves all of them: a number is a run of number words
(each possibly glued from parts: "zweiundvierzig", "ორმოცდაორი"), and its value is
built left to right — a part smaller than the next "hundred" multiplies it
("deux cents", "iki yüz"), a scale (thousand, million) multiplies everything before it
("сорок две тысячи"), anything else adds ("сорок два", "cuarenta y dos"). The word
tables are in ``number_word_data``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from desktop.extract.figure_language_data import NOT_NUMBER_WORDS, WORD_ENDINGS
from desktop.extract.number_trie import shortest_prefixes, trie_alternation
from desktop.extract.number_word_data import (
    GLUED,
    JOINERS,
    KA_ENDINGS,
    MULTIPLYING_TWENTY,
    NUMBER_WORDS,
)

_WORD = re.compile(r"[^\W\d_](?:[\w'’ʼ]*[^\W\d_])?")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_MAX_PARTS = 6


class WordNumber(NamedTuple):  # a named tuple, cheap to make (see number_locale.DigitNumber)
    start: int
    end: int
    value: float
    parts: int  # how many number words (a lone "un", "bir" is mostly an article)


def _normal(word: str) -> str:
    return word.casefold().translate(_APOSTROPHES)


@lru_cache(maxsize=8192)
def word_parts(word: str, language: str) -> tuple[float, ...] | None:
    """Values of the parts *word* is made of, or None when it is not a number word."""
    table = NUMBER_WORDS.get(language)
    if table is None:
        return None
    key = _normal(word)
    if key in NOT_NUMBER_WORDS:
        return None
    if key in table:
        return (table[key],)
    if language in WORD_ENDINGS:
        for ending in WORD_ENDINGS[language]:
            stem = key[: -len(ending)]
            if key.endswith(ending) and stem in table and _harmonious(stem, ending, language):
                return (table[stem],)
    if language == "ka":
        for ending in KA_ENDINGS:
            if ending and key.endswith(ending):
                parts = _split(key[: -len(ending)], language, 0)
                if parts:
                    return parts
        return None
    if language in GLUED and len(key) > 4:
        return _split(key, language, 0)
    return None


_FRONT = frozenset("eiöüəеиөүә")
_BACK = frozenset("aıouаыоу")


def _harmonious(stem: str, ending: str, language: str) -> bool:
    """Turkish and Azerbaijani endings agree with the stem's last vowel: "minə" is a
    thousand, "mina" (a landmine) is not."""
    if language not in ("az", "tr"):
        return True
    stem_vowels = [c for c in stem if c in _FRONT | _BACK]
    ending_vowels = [c for c in ending if c in _FRONT | _BACK]
    if not stem_vowels or not ending_vowels:
        return True
    return (stem_vowels[-1] in _FRONT) == (ending_vowels[0] in _FRONT)


def _split(key: str, language: str, depth: int) -> tuple[float, ...] | None:
    """Split a glued word into known parts (longest part first, with joiners)."""
    if not key:
        return ()
    if depth > _MAX_PARTS:
        return None
    table = NUMBER_WORDS[language]
    joiners = JOINERS.get(language, frozenset())
    for size in range(len(key), 1, -1):
        head = key[:size]
        if head in table:
            rest = _split(key[size:], language, depth + 1)
            if rest is not None:
                return (table[head], *rest)
        elif head in joiners and size < len(key):
            rest = _split(key[size:], language, depth + 1)
            if rest:
                return rest
    return None


def combine(values: list[float], language: str) -> float:
    """Value of a sequence of number parts: 'deux cent mille' → 200000."""
    total = 0.0
    current = 0.0
    for value in values:
        if value >= 1000 and not current and 0 < total < value:
            total *= value  # "mil millones": a thousand millions
        elif value >= 1000:
            total += (current or 1.0) * value
            current = 0.0
        elif (
            current
            and value > current
            and (value == 100 or (value == 20 and language in MULTIPLYING_TWENTY))
        ):
            current *= value
        else:
            current += value
    return total + current


@lru_cache(maxsize=16)
def _prefix_pattern(language: str) -> re.Pattern[str]:
    """Words that begin with a number part: the only ones worth looking up.

    The whole word is matched whichever part it begins with, so only the shortest
    parts are needed, as a prefix tree (``number_trie``)."""
    parts = NUMBER_WORDS[language]
    body = trie_alternation(shortest_prefixes(parts), {"'": "['’ʼ]"})
    initials = "".join(sorted({c for p in parts for c in (p[0], p[0].upper())}))
    return re.compile(rf"(?<![\w'’ʼ])(?=[{re.escape(initials)}])(?:{body})[\w'’ʼ]*", re.IGNORECASE)


@lru_cache(maxsize=16)
def _gap_pattern(language: str) -> re.Pattern[str]:
    """What may stand between two words of one number: spaces, a hyphen, a joiner."""
    joiners = "|".join(re.escape(j) for j in JOINERS.get(language, ()))
    joiner = rf"(?:[ \u00a0]+(?:{joiners}))?" if joiners else ""
    return re.compile(rf"[ \u00a0-]*{joiner}[ \u00a0-]+|-", re.IGNORECASE)


def find_word_numbers(text: str, language: str, start: int, end: int) -> list[WordNumber]:
    """Numbers written in words in ``text[start:end]`` (one per run of number words)."""
    if language not in NUMBER_WORDS:
        return []
    gap = _gap_pattern(language)
    found: list[WordNumber] = []
    run: list[tuple[int, int, tuple[float, ...]]] = []
    for match in _prefix_pattern(language).finditer(text, start, end):
        parts = word_parts(match.group(), language)
        if parts is None:
            continue
        if run and not (gap.fullmatch(text, run[-1][1], match.start()) and _continues(run, parts)):
            found.append(_close(run, language))
            run = []
        run.append((match.start(), match.end(), parts))
    if run:
        found.append(_close(run, language))
    return found


def _close(run: list[tuple[int, int, tuple[float, ...]]], language: str) -> WordNumber:
    values = [v for _, _, parts in run for v in parts]
    return WordNumber(run[0][0], run[-1][1], combine(values, language), len(run))


def _continues(run: list[tuple[int, int, tuple[float, ...]]], parts: tuple[float, ...]) -> bool:
    """Whether the next word belongs to the same number ("сорок два", not "два три").

    A following word continues the number when it is smaller than the last part (adds
    to it) or is a hundred or a scale (multiplies).
    """
    last = run[-1][2][-1]
    first = parts[0]
    return first >= 100 or first < last or (last < 10 and first == 20)
