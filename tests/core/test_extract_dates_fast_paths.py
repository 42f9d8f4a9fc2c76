"""The date finder's shortcuts must find what the long way finds.

The words of a text are read once for every rule family (``date_anchors``), several
shapes are asked at once (``date_gate.any_of``) and month words are remembered
(``MonthWords.number``): each is checked here against the plain way of doing the same,
on the development texts and on awkward inputs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

import pytest

from desktop.extract.date_anchors import month_owners, read_words, with_words_before
from desktop.extract.date_gate import any_of, first_branch
from desktop.extract.date_months import fold, month_words
from desktop.extract.date_multilingual import LANGUAGES, _by_first_character
from desktop.extract.date_suggestions import _ENGLISH_AT, find_dates

DEVSET = Path(__file__).resolve().parents[1] / "data" / "extraction"
AWKWARD = [
    "Şubat'ta 1992, nell'estate del '94, l'a, d'1 and rock'n'roll on 12 March",
    "aprel’in 3-ü, dall'11 al 13 agosto 1944; d’aprile",
    "",
    "1992",
    "’’ '' a'b ab' 'ab",
]
_WORD = re.compile(r"[^\W\d_]+(['’][^\W\d_]*)?")


def _texts() -> list[str]:
    found = list(AWKWARD)
    for path in sorted(DEVSET.glob("*/0[1-6]-*.txt")):
        found.append(path.read_text(encoding="utf-8"))
    return found


def _words_one_by_one(text: str) -> tuple[list[int], list[tuple[int, frozenset[str], bool]]]:
    """Word starts and month names, word by word (how the finder read them before)."""
    owners = month_owners()
    starts: list[int] = []
    months: list[tuple[int, frozenset[str], bool]] = []
    for match in _WORD.finditer(text):
        position = match.start()
        starts.append(position)
        if match.end() - position < 3:
            continue
        word = match.group()
        languages = owners.get(word.casefold())
        if match.lastindex:
            if match.end(1) > match.start(1) + 1:
                starts.append(match.start(1) + 1)
            if languages is None:
                languages = owners.get(fold(word).replace("'", ""))
        if languages is not None:
            months.append((position, languages, match.end() - position >= 4))
    return starts, months


def test_the_words_read_at_once_are_the_words_read_one_by_one() -> None:
    for text in _texts():
        words = read_words(text)
        starts, months = _words_one_by_one(text)
        assert words.starts == starts
        assert words.months == months
        assert words.plain_starts == [m.start() for m in _WORD.finditer(text)]
        middle = len(text) // 3, 2 * len(text) // 3
        assert words.between(*middle) == (
            [s for s in starts if middle[0] <= s < middle[1]],
            [m for m in months if middle[0] <= m[0] < middle[1]],
        )


def _before_one_by_one(points: list[int], starts: list[int]) -> list[int]:
    found = set(points)
    for point in points:
        index = bisect_left(starts, point)
        found.update(w for w in starts[max(0, index - 4) : index] if point - w <= 28)
    return sorted(found)


def test_the_words_before_a_number_are_the_four_last_within_reach() -> None:
    for text in _texts():
        starts = read_words(text).starts
        points = [m.start() for m in re.finditer(r"\d+", text)]
        assert with_words_before(points, starts) == _before_one_by_one(points, starts)
    # A word 28 characters before counts, one 29 before does not; only four are taken.
    starts = [0, 1, 10, 20, 30, 40, 50]
    assert with_words_before([29, 58], starts) == [1, 10, 20, 29, 30, 40, 50, 58]


def _any_matches(patterns: list[re.Pattern[str]], text: str, position: int) -> bool:
    return any(p.match(text, position) is not None for p in patterns)


def test_a_gate_matches_where_one_of_its_patterns_does() -> None:
    """At every number and word start of the texts, for the text's language's shapes
    and the English ones that can start with the character there: the joined pattern
    says yes exactly when one of the patterns it joins would."""
    joined_once: dict[tuple[re.Pattern[str], ...], tuple[re.Pattern[str] | None, list[int]]] = {}
    for text in _texts()[::3]:
        places = sorted({m.start() for m in re.finditer(r"\b\w", text)})
        for language in ("en", *LANGUAGES[:: 1 + len(text) % 3]):
            for position in places:
                character = text[position]
                if language == "en":
                    near, far, _lead = _ENGLISH_AT[character]
                    lists = [[p for p, _h in near[0]], [p for p, _h in far[0]]]
                else:
                    with_months, without, _lead = _by_first_character(language)[character]
                    lists = [[*with_months.shapes], [*without.shapes]]
                for patterns in lists:
                    key = tuple(patterns)
                    if key not in joined_once:
                        joined_once[key] = any_of(patterns)
                    gate, left_out = joined_once[key]
                    if gate is None:
                        continue
                    joined = [p for index, p in enumerate(patterns) if index not in left_out]
                    expected = _any_matches(joined, text, position)
                    opened = gate.match(text, position)
                    assert (opened is not None) == expected, (
                        language,
                        text[position : position + 30],
                    )
                    if opened is not None:  # and it names the first of them that matches
                        first = next(
                            index
                            for index, p in enumerate(patterns)
                            if index not in left_out and p.match(text, position) is not None
                        )
                        assert first_branch(opened) == first, (language, text[position:][:30])


def test_a_gate_leaves_out_what_it_cannot_join() -> None:
    numeric = re.compile(r"(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>\d{4})")
    named_alike = [re.compile(r"(?P<y>\d{4})-"), re.compile(r"(?P<y>\d{4})s", re.I)]
    gate, left_out = any_of([*named_alike, numeric])
    assert gate is not None and left_out == [2]
    assert gate.match("1990S") and gate.match("1990-") and not gate.match("03/04/2005")
    # Which pattern opened: the first that matches, its inner groups notwithstanding.
    opened = gate.match("1990-")
    assert opened is not None and first_branch(opened) == 0
    opened = gate.match("1990s")
    assert opened is not None and first_branch(opened) == 1
    grouped = [re.compile(r"(a)(b)?x"), re.compile(r"((a)b)"), re.compile(r"(?P<n>a)")]
    gate, left_out = any_of(grouped)
    assert gate is not None and left_out == []
    assert [first_branch(m) for m in map(gate.match, ("abx", "ab", "ac")) if m] == [0, 1, 2]
    assert any_of([numeric, named_alike[0]]) == (None, [0, 1])  # one left: nothing to join
    assert any_of([re.compile("a", re.M), re.compile("b", re.M)]) == (None, [0, 1])


@pytest.mark.parametrize("language", [*LANGUAGES, "en"])
def test_a_month_word_read_twice_names_the_same_month(language: str) -> None:
    months = month_words(language)
    words = [*sorted(months.forms())[:200], "xyz", "Mar.", "MARTA", "березні", "Şubat'ta"]
    first = [months.number(word) for word in words]
    assert [months.number(word) for word in words] == first
    assert first == [months._number(word) for word in words]


def test_opening_words_of_english_dates_in_any_case_still_open_them() -> None:
    """Two English shapes now carry their case rule as a flag (so the finder can tell
    their first letters): the words they open with still read in any case, the rest
    as before."""
    found = {d.edtf for d in find_dates("Every 11 July and MID-1990 and Late-1995 we met.")}
    assert {"XXXX-07-11", "1990", "1995"} <= found
    found = {d.edtf for d in find_dates("Each Year on 14 August the town remembers.")}
    assert "XXXX-08-14" in found
    assert not any(d.edtf == "XXXX-08-14" for d in find_dates("Each year ON 14 August."))
