"""Dates typed the way people write them become valid EDTF, or are refused by name."""

from __future__ import annotations

import pytest

from db.date_input import DateInputError, read_date_input
from db.date_words import in_words
from db.dates import edtf_bounds, is_valid_edtf


@pytest.mark.parametrize(
    ("typed", "edtf"),
    [
        # days, in the forms an archivist types them
        ("26 Feb 2022", "2022-02-26"),
        ("26 February 2022", "2022-02-26"),
        ("26th of February 2022", "2022-02-26"),
        ("Feb 26, 2022", "2022-02-26"),
        ("February 26 2022", "2022-02-26"),
        ("26.02.2022", "2022-02-26"),
        ("26/02/2022", "2022-02-26"),
        ("03.04.2005", "2005-04-03"),  # day first, the archive's convention
        ("2022/02/26", "2022-02-26"),
        ("2022-2-6", "2022-02-06"),
        ("  26   Feb   2022 ", "2022-02-26"),
        # months and years
        ("February 2022", "2022-02"),
        ("02.2022", "2022-02"),
        ("1987 г.", "1987"),
        # seasons, quarters, halves
        ("spring 1943", "1943-21"),
        ("summer of 1943", "1943-22"),
        ("fall 1943", "1943-23"),
        ("Q4 2020", "2020-36"),
        ("fourth quarter of 2020", "2020-36"),
        ("first half of 1987", "1987-40"),
        # decades and centuries
        ("1990s", "199X"),
        ("the 1990s", "199X"),
        ("1990's", "199X"),
        ("20th century", "19XX"),
        ("19th c.", "18XX"),
        # open ends: "before" and "after" exclude the date, "until" and "since" keep it
        ("before 1980", "../1979"),
        ("after 1991", "1992/.."),
        ("before 26 Feb 2022", "../2022-02-25"),
        ("before 1 Jan 2000", "../1999-12-31"),
        ("after March 1987", "1987-04/.."),
        ("after December 1987", "1988-01/.."),
        ("until 1980", "../1980"),
        ("since 1991", "1991/.."),
        ("1991 onwards", "1991/.."),
        # approximate and uncertain
        ("c. 1920", "1920~"),
        ("c.1920", "1920~"),
        ("ca. 1920", "1920~"),
        ("circa 1920", "1920~"),
        ("about March 1987", "1987-03~"),
        ("probably 1943", "1943?"),
        ("1943?", "1943?"),
        ("c. 1992-02-25/26", "1992-02-25~/1992-02-26~"),
        # ranges
        ("1992-02-25/26", "1992-02-25/1992-02-26"),
        ("25–26 February 1992", "1992-02-25/1992-02-26"),
        ("25-26 Feb 1992", "1992-02-25/1992-02-26"),
        ("February 25–26, 1992", "1992-02-25/1992-02-26"),
        ("25 February – 3 March 1992", "1992-02-25/1992-03-03"),
        ("March–May 1987", "1987-03/1987-05"),
        ("1988–1994", "1988/1994"),
        ("1988-1994", "1988/1994"),
        ("between 1988 and 1994", "1988/1994"),
        ("from 1988 to 1994", "1988/1994"),
        # a day and month whose year is not known
        ("26 Feb", "XXXX-02-26"),
        ("26 February, year unknown", "XXXX-02-26"),
        # Russian and Azerbaijani month names and forms
        ("26 февраля 2022", "2022-02-26"),
        ("весна 1943", "1943-21"),
        ("1990-е", "199X"),
        ("XX век", "19XX"),
        ("с 1991 по 1994", "1991/1994"),
        ("26 fevral 2022", "2022-02-26"),
        ("yaz 1943", "1943-21"),
        ("1990-cı illər", "199X"),
        ("26 fevral 1992-ci il", "1992-02-26"),
    ],
)
def test_natural_input_becomes_valid_edtf(typed: str, edtf: str) -> None:
    assert read_date_input(typed) == edtf
    assert is_valid_edtf(edtf)


@pytest.mark.parametrize(
    "value", ["1992-02-26", "1943-21", "199X", "../1980", "2021-04-13?", "XXXX-02-26", "1987~"]
)
def test_valid_edtf_is_kept_exactly(value: str) -> None:
    assert read_date_input(value) == value


@pytest.mark.parametrize(
    "typed",
    [
        "next week",
        "26",  # a day of what?
        "spring",  # of which year?
        "26.02.22",  # a two-digit year: the century would be a guess
        "30 Feb 2022",  # no such day
        "29 Feb 2021",
        "1987-02-30",
        "Feb 30",
        "1992–1990",  # reversed
        "13/26/2022",  # no month 26
        "c. spring 1943",  # EDTF cannot qualify a season
        "1990s and 2000s",
        "yesterday",
        "2022/02",  # neither a range of years nor, written so, a month
        "25–26",  # days of which month?
    ],
)
def test_what_cannot_be_read_is_refused_naming_field_and_input(typed: str) -> None:
    with pytest.raises(DateInputError) as refused:
        read_date_input(typed, field="Published")
    message = str(refused.value)
    assert message.startswith("Published: ")
    assert f"“{typed.strip()}”" in message
    assert "\n" not in message


def test_nothing_typed_is_no_date() -> None:
    assert read_date_input("") is None
    assert read_date_input("   ") is None
    assert read_date_input(None) is None


def test_a_long_refused_input_is_shortened_in_the_message() -> None:
    with pytest.raises(DateInputError) as refused:
        read_date_input("x" * 500, field="Date")
    assert len(str(refused.value)) < 200


def test_control_characters_never_reach_the_value_or_the_message() -> None:
    assert read_date_input("26 Feb\x1b 2022") == "2022-02-26"
    with pytest.raises(DateInputError) as refused:
        read_date_input("\x1b[31mnot a date")
    assert "\x1b" not in str(refused.value)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("26 Feb 2022", "26 February 2022"),
        ("spring 1943", "spring 1943"),
        ("the 1990s", "the 1990s"),
        ("c. 1920", "about 1920"),
        ("25–26 February 1992", "25–26 February 1992"),
        ("since 1991", "from 1991"),
    ],
)
def test_what_was_typed_reads_back_the_same_in_words(typed: str, words: str) -> None:
    edtf = read_date_input(typed)
    assert in_words(edtf) == words


def test_a_typed_day_gets_the_bounds_year_search_uses() -> None:
    edtf = read_date_input("26 Feb 2022")
    assert edtf_bounds(edtf) == ("2022-02-26", "2022-02-26")
