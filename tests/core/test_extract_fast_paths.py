"""The shortcuts that make figure and people suggestion fast give what the plain ways gave.

Each shortcut (a prefix-tree word list, a sorted index of claimed spans, a scan that
starts only at digit runs, a tokeniser that skips lower-case words) is compared here
with the straightforward computation it replaces, on hand-picked and generated text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.extract.figure_claimed import ClaimedIndex
from desktop.extract.names import PARTICLES, runs, tokens
from desktop.extract.number_locale import digit_pattern, find_locale_digits, parse_locale_digits
from desktop.extract.number_trie import shortest_prefixes, trie_alternation
from desktop.extract.people import _OUTLET, _OUTLET_WORDS, _single_outlets, find_people
from desktop.extract.text_nearby import SpanSet

_WORDS = ["два", "две", "двадцать", "двести", "три", "тридцать", "mil", "millón", "mille"]


def test_trie_alternation_matches_exactly_the_listed_words() -> None:
    pattern = re.compile(trie_alternation(_WORDS), re.IGNORECASE)
    for word in _WORDS:
        assert pattern.fullmatch(word) and pattern.fullmatch(word.upper())
    for other in ["дв", "двадцат", "двадцатьь", "тр", "mi", "millones", "", "x"]:
        assert not pattern.fullmatch(other), other


def test_trie_alternation_of_no_words_matches_nothing() -> None:
    assert re.compile(trie_alternation([])).search("anything at all") is None


def test_trie_alternation_writes_characters_as_told() -> None:
    pattern = re.compile(trie_alternation(["l'an"], {"'": "['’]"}))
    assert pattern.fullmatch("l'an") and pattern.fullmatch("l’an")


def test_shortest_prefixes_drop_words_another_word_begins() -> None:
    assert sorted(shortest_prefixes(_WORDS)) == sorted(["два", "две", "три", "mil"])


@settings(max_examples=300)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=12),
    st.integers(0, 70),
    st.integers(0, 12),
)
def test_claimed_index_answers_as_the_span_set(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    claimed = SpanSet()
    for span_start, span_length in spans:
        claimed.add(span_start, span_start + span_length)
    index = ClaimedIndex(claimed)
    assert index.hits(start, start + length) == claimed.hits(start, start + length)


_NUMBER_TEXTS = [
    "Погибли 1 200 человек, 12 тыс. ранены, 2 тис. 300 осіб; 1,2 млн рублей.",
    "8.372 nomi, 8’372 Namen, 3,5 Millionen, x12 und 12x, 1.2.1990, 4,5.",
    "12 bin 500 kişi, 2000-ci il, 7 min əhalisi, 5 bina, 26 mindən çox",
    "a1 22_3 -4 '5 ,6 .7 ８ ٣٤ 10 000 000 000",
]


def _scanned(text: str, language: str) -> list[tuple[int, int, float, bool]]:
    """Every match of the language's digit pattern, read as ``find_locale_digits``
    reads it but scanned at every character."""
    found = []
    for match in digit_pattern(language).finditer(text):
        scale = match.group("scale")
        found.append(
            (
                match.start(),
                match.end(),
                parse_locale_digits(match.group("num"), language, scale is not None),
                scale is not None,
            )
        )
    return found


def test_numbers_found_from_digit_runs_are_those_found_at_every_character() -> None:
    for text in _NUMBER_TEXTS:
        for language in ("ru", "uk", "it", "de", "tr", "az", "fr"):
            from_runs = find_locale_digits(text, language)
            expected = _scanned(text, language)
            assert [n.start for n in from_runs] == [start for start, *_ in expected]
            for number, (_start, end, value, scaled) in zip(from_runs, expected, strict=True):
                assert number.scaled == scaled
                assert number.end >= end - 1  # a full stop after a long scale word is left out
                if not scaled:
                    assert (number.end, number.value) == (end, value)


def test_plain_digits_and_grouped_digits_parse_as_before() -> None:
    assert parse_locale_digits("8372", "it", False) == 8372.0
    assert parse_locale_digits("٣٤", "ru", False) == 34.0  # any decimal digits
    assert parse_locale_digits("8.372", "it", False) == 8372.0
    assert parse_locale_digits("1,5", "ru", True) == 1.5


_NAME_TEXTS = [
    "the report by d'Aminata Traoré and Ortega y Gasset cites al-Assad, ibn-Rushd.",
    "ქალბატონი ნათელა და ბატონი დავით მესხი საუბრობდნენ.",
    "dell'Ospedale van der Berg De la Cruz __i_ x-Ray qu'Il 12de Sept. Prof. Dr. U.S. J. R.",
    "lower case only here, nothing named",
    "Mikhail Gurevich: we met Иван Петров и Вахтанг Мчедлишвили in 1992.",
]


def _kept(text: str) -> list[tuple[int, int, str]]:
    """All tokens, less the lower-case words no name is made of (the first stays)."""
    every = tokens(text)
    return [
        (t.start, t.end, t.text)
        for i, t in enumerate(every)
        if i == 0 or t.capitalised or t.key in PARTICLES or "\u10d0" <= t.text[0] <= "\u10ff"
    ]


def test_name_tokens_are_all_tokens_less_lower_case_words() -> None:
    for text in _NAME_TEXTS:
        every = [(t.start, t.end, t.text, t.key, t.capitalised) for t in tokens(text)]
        names = [
            (t.start, t.end, t.text, t.key, t.capitalised) for t in tokens(text, names_only=True)
        ]
        assert [t for t in every if t in names] == names  # the same tokens, in order
        every = [(t.start, t.end, t.text) for t in tokens(text)]
        names = [(t.start, t.end, t.text) for t in tokens(text, names_only=True)]
        assert [t for t in every if t in names] == names  # the same tokens, in order
        assert set(_kept(text)) <= set(names)
    assert [t.text for t in tokens("lower case only here", names_only=True)] == ["lower"]


def test_name_tokens_make_the_same_capitalised_runs() -> None:
    for text in _NAME_TEXTS:
        every = [[t.text for t in run] for run in runs(text, tokens(text))]
        named = [[t.text for t in run] for run in runs(text, tokens(text, names_only=True))]
        assert named == [run for run in every if run in named] and len(named) <= len(every)
        capitalised = [run for run in every if any(w[0].isupper() for w in run)]
        assert [run for run in named if any(w[0].isupper() for w in run)] == capitalised


@settings(max_examples=300)
@given(st.text(alphabet="aAdDeEiIlLyYзЗდბ ..--''’_19\nİıſ", max_size=40))
def test_name_tokens_on_any_text_make_the_same_runs(text: str) -> None:
    every = [[(t.start, t.text) for t in run] for run in runs(text, tokens(text))]
    named = [[(t.start, t.text) for t in run] for run in runs(text, tokens(text, names_only=True))]
    assert [run for run in every if any(w[0].isupper() for _, w in run)] == [
        run for run in named if any(w[0].isupper() for _, w in run)
    ]


def test_outlets_are_found_as_by_the_scan_alone() -> None:
    """``_single_outlets`` skips the scan when none of the words every outlet holds
    occurs: the same outlets as scanning every text."""
    texts = [
        *_NAME_TEXTS,
        "By Meduza\nThe flood came.",
        "A boat sank (AFP Photo) near Rize.",
        "Nothing here (AFP Photos) but Foo.Bar reports that By Reuters",
        "by meduza (afp photo) foo.bar Reports",
    ]
    for text in texts:
        if not any(word in text for word in _OUTLET_WORDS):  # the shortcut's premise
            assert list(_OUTLET.finditer(text)) == [] and _single_outlets(text, []) == []
    assert [p.name for p in _single_outlets(texts[-2], [])] == ["AFP", "Foo.Bar", "Reuters"]
    assert [p.name for p in _single_outlets(texts[-3], [])] == ["AFP"]


@settings(max_examples=300)
@given(st.text(alphabet="ByPhotsrep AF().-\n|:", max_size=40))
def test_no_outlet_words_no_outlet_on_any_text(text: str) -> None:
    if not any(word in text for word in _OUTLET_WORDS):
        assert list(_OUTLET.finditer(text)) == []


def test_a_single_name_after_a_kin_word_or_as_a_speaker_is_still_a_person() -> None:
    found = {p.name for p in find_people("Oğlum Murat bize yazdı. Sonra geldi.\nHasan: evet.")}
    assert {"Murat", "Hasan"} <= found


def test_a_capitalised_word_opening_a_sentence_is_not_a_person() -> None:
    assert find_people("Yesterday it rained. Meanwhile nothing happened. Storms came.") == []
