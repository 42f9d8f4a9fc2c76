"""regex_guard: a guarded pattern finds exactly what the plain one finds, and a first
character index never drops a pattern that can match; the date finder reads each
sentence's event words once, whatever the number of dates in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.extract.date_multilingual import LANGUAGES, patterns_for
from desktop.extract.date_patterns_en import PATTERNS
from desktop.extract.date_suggestions import _EVENT_WORDS, find_dates
from desktop.extract.figure_categories import DEFAULT_MAPPING, Vocabulary, VocabularyMatch
from desktop.extract.regex_guard import FirstCharacterIndex, first_characters, guarded

DEVSET = Path(__file__).resolve().parents[1] / "data" / "extraction"
TRICKY = (
    "İSTANBUL'da 12 Mart; ſtate, KELVIN \u212a 5; Ölü 3; ΣΊΣΥΦΟΣ; ǅemal; ﬁre; "
    "(AFP Photo) By Meduza\n1992-ci il fevralın 26-da; 9. Juni 1942; XX век"
)


def _texts() -> list[str]:
    return [TRICKY, *(p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*/*.txt")))]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


SOURCES = [
    (r"(?<![\w-])(?:killed|Wounded|hostage|İzmir|ſome)(?![\w-])", re.IGNORECASE),
    (r"(?<![\w-])(?:(?P<a>дес[яе]тк\w*)|(?P<b>сотн\w*)|(?P<c>тысяч\w*))", re.IGNORECASE),
    (r"(?<![^\W\d_])(?:(?-i:[IVX]{1,5})|век|столети\w+)", re.IGNORECASE),
    (r"(?:(?<=\sBy )|(?<=^By ))(?P<a>[A-Z][\w.-]+)|\((?P<p>[A-Z][\w.-]+) Photos?\)", re.M),
    (r"(?<![\d.,])\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[^\W\d_]+", 0),
    (_EVENT_WORDS.pattern, re.IGNORECASE),
]


@pytest.mark.parametrize(("source", "flags"), SOURCES)
def test_a_guarded_pattern_finds_what_the_plain_one_finds(source: str, flags: int) -> None:
    plain, fast = re.compile(source, flags), guarded(source, flags)
    assert fast.pattern != plain.pattern  # the guard was worked out
    for text in _texts():
        assert _found(fast, text) == _found(plain, text)


@pytest.mark.parametrize(
    "source",
    [
        r".{2}x",  # any character
        r"(?i:abc)",  # a flag switched on inside
        r"x?",  # may match nothing
        r"(a)\1",  # fine: a literal first
        r"[^\W\d_]+|\w",
    ],
)
def test_the_first_characters_are_told_only_when_certain(source: str) -> None:
    first = first_characters(source)
    if source in (r".{2}x", r"(?i:abc)", r"x?"):
        assert first is None
        assert guarded(source).pattern == source
    else:
        assert first is not None and re.fullmatch(first, "a")


def test_the_index_keeps_every_pattern_that_matches_and_the_order() -> None:
    lists = [[pattern for pattern, _handler in PATTERNS]]
    for language in LANGUAGES:
        p = patterns_for(language)
        lists += [list(p.with_months), list(p.periods), [p.bare_year, p.lead]]
    texts = _texts()
    for patterns in lists:
        index = FirstCharacterIndex(patterns, lambda pattern: pattern)
        for pattern in patterns:
            for text in texts:
                for match in pattern.finditer(text):
                    if match.end() > match.start():
                        assert pattern in index.at(text[match.start()])
        for character in "1aAмİ(ა ":
            chosen = index.at(character)
            assert list(chosen) == [p for p in patterns if p in chosen]  # list order kept


class _CountingVocabulary(Vocabulary):
    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[VocabularyMatch]:
        _READS.append((start, end))
        return super().find_all(text, start, end)


_READS: list[tuple[int, int | None]] = []


def test_each_sentence_is_read_once_for_the_event_of_all_its_dates() -> None:
    text = (
        "The ceasefire was agreed on 5 May 1994, broken on 6 May 1994 and restored "
        "on 9 May 1994. Nothing happened on 1 June 1994."
    )
    _READS.clear()
    dates = find_dates(text, vocabulary=_CountingVocabulary(DEFAULT_MAPPING))
    assert [d.edtf for d in dates] == ["1994-05-05", "1994-05-06", "1994-05-09", "1994-06-01"]
    assert [d.what for d in dates[:3]] == ["ceasefire"] * 3
    assert len(_READS) == 2  # two sentences: one read each (it was one per date)


def _guarded_in_use() -> list[re.Pattern[str]]:
    from desktop.extract.date_patterns_en import TIME
    from desktop.extract.figure_categories import DEFAULT_VOCABULARY
    from desktop.extract.figure_english import _VAGUE
    from desktop.extract.figure_locale import _vague_pattern
    from desktop.extract.figure_vocabulary import STEMS
    from desktop.extract.figure_vocabulary import _pattern as category_pattern
    from desktop.extract.numbers import DIGIT_NUMBER, WORD_NUMBER
    from desktop.extract.people import _OUTLET

    found = [_EVENT_WORDS, TIME, DIGIT_NUMBER, WORD_NUMBER, _OUTLET, _VAGUE]
    found.append(DEFAULT_VOCABULARY._pattern)
    found += [_vague_pattern(language) for language in ("ru", "uk", "az", "fr", "de", "ka")]
    found += [p for language in STEMS if (p := category_pattern(language)) is not None]
    return found


def test_the_guarded_scanners_find_what_their_unguarded_source_finds() -> None:
    texts = _texts()
    for pattern in _guarded_in_use():
        first = first_characters(pattern.pattern, pattern.flags)
        opening = f"(?={first})(?:"
        assert pattern.pattern.startswith(opening), pattern.pattern[:60]
        plain = re.compile(pattern.pattern[len(opening) : -1], pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
