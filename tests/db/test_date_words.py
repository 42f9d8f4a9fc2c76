"""EDTF dates in words and in the three citation styles' forms, from the one reader."""

from __future__ import annotations

import pytest

from db.date_words import (
    MONTHS,
    SUB_YEARS,
    cited_date,
    cited_sort_key,
    cited_year,
    in_words,
    month_name,
)
from db.dates import SUB_YEAR_CODES


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1992-02-25/1992-02-26", "25–26 February 1992"),
        ("1986-36", "the fourth quarter of 1986"),
        ("2020-33", "the first quarter of 2020"),
        ("1943-21", "spring 1943"),
        ("1987-40", "the first half of 1987"),
        ("199X", "the 1990s"),
        ("19XX", "the 20th century"),
        ("1992-02-26?", "26 February 1992 (?)"),
        ("~1943", "about 1943"),
        ("%1987-03", "about March 1987 (?)"),
        ("../1980", "until 1980"),
        ("1980/..", "from 1980"),
        ("/1980", "until 1980"),
        ("XXXX-02-26", "26 February, year unknown"),
        ("XXXX", "year unknown"),
        ("1987/XXXX", "1987 to an unknown year"),
        ("1987-03/1987-05", "March to May 1987"),
        ("2020-33/2020-34", "the first quarter to the second quarter of 2020"),
        ("1986-21/1986-05", "spring to May 1986"),
        ("1992-02-25~/1992-02-26~", "about 25–26 February 1992"),
        # one end's qualifier is neither spread over the other nor dropped
        ("1992-02-25?/1992-02-26", "25 February 1992 (?) to 26 February 1992"),
        ("1991-12/1992-01", "December 1991 to January 1992"),
        ("~1943/1945", "about 1943 to 1945"),
        ("2021-04-13?", "13 April 2021 (?)"),  # a day and month whose year was inferred
        ("1987-XX", "1987"),
        ("1987-03-XX", "March 1987"),
        ("2020-36", "the fourth quarter of 2020"),
        ("1943-21/1943-22", "spring to summer 1943"),
        ("-0499", "500 BC"),
        ("../..", "undated"),
    ],
)
def test_words(value: str, words: str) -> None:
    assert in_words(value) == words


@pytest.mark.parametrize(
    "value",
    [
        "1987-02-30",  # not a day: never "30 February 1987"
        "1987-02-29",
        "1987/1986",
        "1990s",
        "1987-36?",
        "1987-XX-12",  # a day of an unknown month: "12 1987" would mislead
        "1X9X",  # not "the 1090s"
        "[1667,1668]",  # valid, but a shape words do not say
        "not a date",
    ],
)
def test_values_words_cannot_say_are_shown_as_typed(value: str) -> None:
    assert in_words(value) == value
    assert in_words(f" {value} ") == value


def test_no_value_has_no_words() -> None:
    assert in_words(None) == in_words("") == ""


@pytest.mark.parametrize(
    ("value", "chicago", "apa", "mla"),
    [
        ("1986-36", "Fourth quarter 1986", "1986, Fourth quarter", "Fourth quarter 1986"),
        ("1943-21", "Spring 1943", "1943, Spring", "Spring 1943"),
        ("~1943", "ca. 1943", "ca. 1943", "ca. 1943"),
        ("1992-02-26?", "February 26, 1992?", "1992, February 26?", "26 Feb. 1992?"),
        ("19XX", "1900s", "1900s", "1900s"),
        ("../1980", "–1980", "–1980", "–1980"),
        ("1980/..", "1980–", "1980–", "1980–"),
        ("XXXX/1987", "–1987", "–1987", "–1987"),
        (
            "1992-02-25/1992-02-26",
            "February 25–26, 1992",
            "1992, February 25–26",
            "25–26 Feb. 1992",
        ),
        (
            "2020-33/2020-34",
            "First quarter 2020–Second quarter 2020",
            "2020, First quarter–2020, Second quarter",
            "First quarter 2020–Second quarter 2020",
        ),
    ],
)
def test_citation_forms(value: str, chicago: str, apa: str, mla: str) -> None:
    assert cited_date(value, "chicago") == chicago
    assert cited_date(value, "apa") == apa
    assert cited_date(value, "mla") == mla


@pytest.mark.parametrize(
    "value", ["1987-02-30", "1987-02-29", "1987/1986", "1990s", "1987-21~", "/", "1987-XX"]
)
def test_a_citation_prints_an_invalid_or_unprintable_date_as_given(value: str) -> None:
    for style in ("chicago", "apa", "mla"):
        assert cited_date(value, style) == value
        assert cited_date(value, style, year_only=True, suffix="a") == value
    assert cited_year(value) == value
    assert cited_sort_key(value) == "~" + value  # after every readable date


@pytest.mark.parametrize("value", [None, "", "XXXX", "XXXX-02-26", "../.."])
def test_undated_values_cite_as_no_date(value: str | None) -> None:
    assert cited_date(value, "chicago") is None
    assert cited_year(value) is None
    assert cited_sort_key(value) == ""


def test_citation_year_and_order() -> None:
    assert cited_year("1986-36") == "1986"
    assert cited_date("1986-36", "apa", year_only=True, suffix="b") == "1986b"
    values = ["1987-02-30", "1987-03-01", "1986-36", "1987", None]
    ordered = [None, "1986-36", "1987", "1987-03-01", "1987-02-30"]
    assert sorted(values, key=cited_sort_key) == ordered


def test_one_month_table_keyed_by_number() -> None:
    assert [month_name(n) for n in (1, 2, 12)] == ["January", "February", "December"]
    assert [month_name(n, short=True) for n in (5, 6, 7, 9, 12)] == [
        "May",
        "June",
        "July",
        "Sept.",
        "Dec.",
    ]
    assert sorted(MONTHS["en"]) == list(range(1, 13))
    # every sub-year grouping the reader accepts has words
    assert sorted(SUB_YEARS["en"]) == list(SUB_YEAR_CODES)
