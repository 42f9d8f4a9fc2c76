"""Field filters in the search language (publisher:, type:, year:, has:, status:, ...):
parsed into filters, or refused with a message naming what was wrong. The text part
and its FTS5 translation are in test_search_query.py."""

from __future__ import annotations

import pytest

from db.search.fts5 import FtsMatch
from db.search.query import highlight_terms, parse_query
from db.search.syntax import FIELDS, And, Field, FieldFilter, Not, Term
from tests.db.test_search_query import error, only_filter


@pytest.mark.parametrize("name", ["publisher", "type", "person", "tag", "collection"])
def test_text_fields(name: str) -> None:
    assert only_filter(f"{name}:Şəkibə") == FieldFilter(name, (Field(name, "sekibe"),))


def test_quoted_field_value_and_case_insensitive_name() -> None:
    parsed = parse_query('Publisher:"News.Az Daily" report')
    assert parsed.filters == (
        FieldFilter("publisher", (Field("publisher", "news.az daily", exact=True),)),
    )
    assert parsed.filters[0].value == "news.az daily"
    assert parsed.filters[0].values[0].raw == "News.Az Daily"
    assert parsed.text == Term("report")


def test_field_value_stops_at_brackets() -> None:
    parsed = parse_query("(type:letter OR type:report) foo")
    assert parsed.text == Term("foo")
    assert parsed.filters[0].field == "type"


def test_field_prefix_value() -> None:
    assert only_filter("person:Mustafa*").values == (Field("person", "mustafa", prefix=True),)
    assert only_filter('person:"Mustafa*"').values == (Field("person", "mustafa*", exact=True),)


@pytest.mark.parametrize("text", ["publisher:", 'tag:""', 'person:"  "', "type:*", "tag: war"])
def test_field_without_a_value(text: str) -> None:
    caught = error(text)
    assert caught.position == 0
    assert "needs a value" in caught.message


def test_unknown_field_lists_the_known_ones() -> None:
    caught = error("letter foo:bar")
    assert caught.position == 7
    assert caught.message.startswith("Unknown field 'foo:' at position 8 — known fields are ")
    for name in FIELDS:
        assert f"{name}:" in caught.message
    assert "put it in quotes" in caught.message
    assert parse_query('"foo:bar"').text == Term("foo bar")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("year:1992", 1992, 1992),
        ("year:1992..2021", 1992, 2021),
        ("year:..2000", None, 2000),
        ("year:1990..", 1990, None),
        ("year:1992-2021", 1992, 2021),
        ("year:1992–2021", 1992, 2021),
        ('year:"1992"', 1992, 1992),
        ("year:٢٠٠٠", 2000, 2000),  # Arabic-Indic digits fold to ASCII
        ("YEAR:800..900", 800, 900),
    ],
)
def test_year(text: str, low: int | None, high: int | None) -> None:
    value = only_filter(text).values[0]
    assert (value.name, value.low, value.high) == ("year", low, high)


@pytest.mark.parametrize("text", ["year:abc", "year:..", "year:", "year:19921", "year:1992..x"])
def test_bad_year(text: str) -> None:
    caught = error(text)
    assert caught.position == 0
    assert caught.message.startswith(
        "year: at position 1 expects a year or a range like 1992..2021"
    )


def test_backwards_year_range() -> None:
    caught = error("foo year:2021..1992")
    assert caught.position == 4
    assert "ends before it starts; write year:1992..2021" in caught.message


def test_has_and_status() -> None:
    assert only_filter("has:image") == FieldFilter("has", (Field("has", "image"),))
    assert only_filter("has:Image").value == "image"
    assert only_filter("status:failed-fixity").value == "failed-fixity"
    for status in ("review", "suggested", "duplicate"):
        assert only_filter(f"status:{status}").value == status


def test_unknown_has_or_status_value() -> None:
    caught = error("has:nothing")
    assert caught.position == 0
    assert caught.message == (
        "has: at position 1 expects one of date, figure, image, notes, url (not 'nothing')."
    )
    assert error("x status:bogus").message.startswith(
        "status: at position 3 expects one of duplicate, failed-fixity, review, suggested"
    )


def test_negated_field() -> None:
    assert only_filter("-type:letter") == FieldFilter("type", (Field("type", "letter"),), True)
    assert only_filter("NOT has:image").negated


def test_or_of_one_field_is_one_filter_with_several_values() -> None:
    parsed = parse_query("type:letter OR type:report year:1990.. OR year:..1900")
    assert parsed.text is None
    assert parsed.filters == (
        FieldFilter("type", (Field("type", "letter"), Field("type", "report"))),
        FieldFilter(
            "year", (Field("year", "1990..", low=1990), Field("year", "..1900", high=1900))
        ),
    )
    assert parse_query("-(tag:a OR tag:b)").filters == (
        FieldFilter("tag", (Field("tag", "a"), Field("tag", "b")), negated=True),
    )


def test_mixed_text_and_fields() -> None:
    parsed = parse_query('Xocali -draft publisher:"News.Az" year:1992..2021 -has:image')
    assert parsed.text == And((Term("xocali"), Not(Term("draft"))))
    assert parsed.fts == FtsMatch('"xocali" NOT "draft"')
    assert [(f.field, f.negated) for f in parsed.filters] == [
        ("publisher", False),
        ("year", False),
        ("has", True),
    ]
    assert highlight_terms(parsed) == ["xocali"]


def test_fields_with_only_punctuation_text() -> None:
    parsed = parse_query("++ tag:war")
    assert parsed.text is None
    assert parsed.fts is None
    assert parsed.filters[0].field == "tag"


@pytest.mark.parametrize(
    ("text", "position", "part"),
    [
        ("tag:war OR Xocali", 8, "joins a field with words"),
        ("Xocali OR tag:war", 7, "joins a field with words"),
        ("type:letter OR year:1990", 12, "joins different fields or groups (type:, year:)"),
        ("type:a OR -type:b", 7, "joins different fields or groups"),
        ("(type:a tag:b) OR type:c", 15, "joins different fields or groups"),
        ("-(type:letter year:1990)", 0, "Excluding a group that contains a field"),
        ("x -(foo type:letter)", 2, "Excluding a group that contains a field"),
    ],
)
def test_field_combinations_that_cannot_be_filters(text: str, position: int, part: str) -> None:
    caught = error(text)
    assert caught.position == position
    assert part in caught.message


# --- FTS5 output ----------------------------------------------------------------------
