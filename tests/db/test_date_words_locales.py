"""Dates in words in English, Azerbaijani and Russian: the language is passed in."""

from __future__ import annotations

import re

import pytest

from db.date_locales import DATE_LOCALES, date_locale, phrases_for
from db.date_words import in_words
from db.dates import SUB_YEAR_CODES

CASES = [
    # value, English, Russian, Azerbaijani
    ("1992-02-26", "26 February 1992", "26 февраля 1992 г.", "26 fevral 1992"),
    ("1992-02", "February 1992", "февраль 1992 г.", "fevral 1992"),
    ("1992", "1992", "1992 г.", "1992"),
    ("1943-21", "spring 1943", "весна 1943 г.", "yaz 1943"),
    ("2020-36", "the fourth quarter of 2020", "IV квартал 2020 г.", "IV rüb 2020"),
    ("199X", "the 1990s", "1990-е годы", "1990-cı illər"),
    ("198X", "the 1980s", "1980-е годы", "1980-ci illər"),
    ("19XX", "the 20th century", "XX век", "XX əsr"),
    ("1943~", "about 1943", "около 1943 г.", "təxminən 1943"),
    ("1943?", "1943 (?)", "1943 г. (?)", "1943 (?)"),
    ("1987-03~", "about March 1987", "около марта 1987 г.", "təxminən mart 1987"),
    (
        "XXXX-02-26",
        "26 February, year unknown",
        "26 февраля, год неизвестен",
        "26 fevral, il məlum deyil",
    ),
    ("2021-04-13?", "13 April 2021 (?)", "13 апреля 2021 г. (?)", "13 aprel 2021 (?)"),
    (
        "1992-02-25/1992-02-26",
        "25–26 February 1992",
        "25–26 февраля 1992 г.",
        "25–26 fevral 1992",
    ),
    ("1987-03/1987-05", "March to May 1987", "март – май 1987 г.", "mart – may 1987"),
    ("1980/..", "from 1980", "с 1980 г.", "1980 – …"),
    ("../1980", "until 1980", "до 1980 г.", "… – 1980"),
    ("1987-03/..", "from March 1987", "с марта 1987 г.", "mart 1987 – …"),
    ("199X/..", "from the 1990s", "с 1990-х годов", "1990-cı illər – …"),
    ("1988/1994", "1988 to 1994", "1988–1994 гг.", "1988 – 1994"),
    (
        "1987-05-04/1987-06-19",
        "4 May to 19 June 1987",
        "4 мая – 19 июня 1987 г.",
        "4 may – 19 iyun 1987",
    ),
    # a photograph's moment: the day in words, the time as a clock shows it
    (
        "2020-10-01T12:30:45",
        "1 October 2020 12:30",
        "1 октября 2020 г. 12:30",
        "1 oktyabr 2020 12:30",
    ),
]


@pytest.mark.parametrize(("value", "en", "ru", "az"), CASES)
def test_words_in_three_languages(value: str, en: str, ru: str, az: str) -> None:
    assert in_words(value) == en  # English is the default
    assert in_words(value, "en") == en
    assert in_words(value, "ru") == ru
    assert in_words(value, "az") == az


@pytest.mark.parametrize("code", ["ru_RU", "ru-RU", "RU"])
def test_locale_spellings_name_the_same_language(code: str) -> None:
    assert date_locale(code) == "ru"
    assert in_words("1992-02-26", code) == "26 февраля 1992 г."


@pytest.mark.parametrize("code", [None, "", "de", "xx_YY"])
def test_an_unsupported_language_falls_back_to_english(code: str | None) -> None:
    assert date_locale(code) == "en"
    assert in_words("1943-21", code or "en") == "spring 1943"


def test_azerbaijani_decade_suffixes_follow_the_last_number_word() -> None:
    words = [in_words(f"{decade}X", "az") for decade in range(190, 201)]
    suffixes = [re.sub(r"^\d+-(\w+) illər$", r"\1", w) for w in words]
    # 1900 yüz, 1910 on, 1920 iyirmi, 1930 otuz, 1940 qırx, 1950 əlli, 1960 altmış,
    # 1970 yetmiş, 1980 səksən, 1990 doxsan, 2000 min
    assert suffixes == ["cü", "cu", "ci", "cu", "cı", "ci", "cı", "ci", "ci", "cı", "ci"]


@pytest.mark.parametrize("code", sorted(DATE_LOCALES))
def test_every_sub_year_grouping_has_words_in_every_language(code: str) -> None:
    for grouping in SUB_YEAR_CODES:
        words = in_words(f"1987-{grouping}", code)
        assert "1987" in words and f"-{grouping}" not in words
        assert phrases_for(code).sub_year_name(grouping)


@pytest.mark.parametrize("code", sorted(DATE_LOCALES))
def test_no_language_shows_the_code_for_a_readable_value(code: str) -> None:
    raw = re.compile(r"\d{4}-\d{2}|\dX|XXXX|\.\.|/")  # "XX век" is a numeral
    for value, *_ in CASES:
        assert not raw.search(in_words(value, code)), (value, code)
