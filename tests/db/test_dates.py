"""The one EDTF reader: which values are valid, and their day bounds.

The validity rule is the ``edtf`` library's grammar plus the calendar, so these tests
ask the library itself (and ``datetime`` for the calendar) rather than restating it.
"""

from __future__ import annotations

import datetime as dt
import time

import edtf
import pytest
from edtf.parser.edtf_exceptions import EDTFParseException

from db.dates import edtf_bounds, is_valid_edtf, plain_iso, read_edtf


def _library_accepts(value: str) -> bool:
    try:
        edtf.parse_edtf(value)
    except (EDTFParseException, ValueError, TypeError, AttributeError):
        return False
    return True


def _calendar_day_exists(value: str) -> bool:
    """Independent of the module: ``datetime`` says whether a written day exists."""
    core = value.strip("?~%")
    parts = core.split("-")
    if len(parts) != 3:
        return True
    year, month, day = (int(p) for p in parts)
    if not 1 <= month <= 12:
        return True  # the grammar alone decides
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _qualified(base: str) -> list[str]:
    after = [f"{base}{q}" for q in "?~%"]
    return [base, *after, *(f"{q}{base}" for q in "?~%"), f"~{base}?"]


# Every month code 00-45 at each qualifier placement, and days at the edges of short,
# long and leap months: the shapes this module decides without asking the library.
_SWEEP = (
    [v for month in range(46) for v in _qualified(f"1987-{month:02d}")]
    + [v for base in ("1987", "0000") for v in _qualified(base)]
    + [
        f"{year}-{month:02d}-{day:02d}{q}"
        for year in (1987, 1988, 1900, 2000)
        for month in (1, 2, 4)
        for day in (0, 28, 29, 30, 31, 32)
        for q in ("", "~")
    ]
    + ["1987-21-01", "1987-36-01", "?1987-02-29", "~1988-02-29"]
)


def test_validity_is_the_library_grammar_plus_the_calendar() -> None:
    disagreements = [
        value
        for value in _SWEEP
        if is_valid_edtf(value) != (_library_accepts(value) and _calendar_day_exists(value))
    ]
    assert disagreements == []


@pytest.mark.parametrize(
    "value",
    ["1987~", "?1987", "%1987-03", "~1987-02", "1988-02-29?", "%2000-12-31", "1987-12~"],
)
def test_qualified_dates_have_the_library_bounds(value: str) -> None:
    parsed = edtf.parse_edtf(value)
    expected = tuple(
        time.strftime("%Y-%m-%d", s) for s in (parsed.lower_strict(), parsed.upper_strict())
    )
    assert edtf_bounds(value) == expected


@pytest.mark.parametrize(
    ("value", "lower", "upper"),
    [
        # what db.dates computed before the readers were merged: stored bounds rely on it
        ("1987", "1987-01-01", "1987-12-31"),
        ("1992-02", "1992-02-01", "1992-02-29"),
        ("2000-02-29", "2000-02-29", "2000-02-29"),
        ("1986-36", "1986-10-01", "1986-12-31"),
        ("2020-33", "2020-01-01", "2020-03-31"),
        ("1943-21", "1943-03-01", "1943-05-31"),
        ("1986-24", "1986-12-01", "1986-12-31"),
        ("1992-02-25/1992-02-26", "1992-02-25", "1992-02-26"),
        ("2020-33/2020-34", "2020-01-01", "2020-06-30"),
        ("2020-36/..", "2020-10-01", None),
        ("199X", "1990-01-01", "1999-12-31"),
        ("19XX", "1900-01-01", "1999-12-31"),
        ("1992-02-26?", "1992-02-26", "1992-02-26"),
        ("~1943", "1943-01-01", "1943-12-31"),
        ("../1980", None, "1980-12-31"),
        ("1980/..", "1980-01-01", None),
        ("1980/", "1980-01-01", None),
        ("XXXX/1987", None, "1987-12-31"),
        ("XXXX-02-26", None, None),
        ("1987-XX-12", "1987-01-12", "1987-12-12"),
        ("[1667,1668]", "1667-01-01", "1668-12-31"),
        (" 1987-03 ", "1987-03-01", "1987-03-31"),
    ],
)
def test_bounds_of_valid_values_are_unchanged(value: str, lower: str | None, upper: str | None):
    assert is_valid_edtf(value)
    assert edtf_bounds(value) == (lower, upper)


@pytest.mark.parametrize(
    "value",
    [
        "1987-02-30",  # refused by the library's grammar
        "1987-02-29",  # accepted by the grammar, absent from the calendar
        "1900-02-29",
        "1987-04-31",
        "1987-03-00",
        "1987-13",
        "1990s",  # English, not EDTF ("199X" is)
        "1987-21~",  # the grammar takes no qualifier on a season
        "1987/1986",  # reversed
        "1987-03-14/1987-03-12",
        "1987-02-30/1987-03-02",  # one impossible end spoils the interval
        "1987-02-29/1987-03-01",
        "1987/1988/1989",
        "1987 / 1988",
        "/",
        "xxxx-02-26",
        "late February 1992",
    ],
)
def test_invalid_values_are_invalid_and_have_no_bounds(value: str) -> None:
    assert not is_valid_edtf(value)
    assert edtf_bounds(value) == (None, None)
    read = read_edtf(value)
    assert read is not None and read.start is None and read.end is None


def test_no_value_is_neither_valid_nor_bounded() -> None:
    assert read_edtf(None) is None and read_edtf("  ") is None
    assert not is_valid_edtf("")
    assert edtf_bounds(None) == (None, None)


def test_points_keep_their_parts_and_qualifiers() -> None:
    read = read_edtf("~1943/1945-03-26?")
    assert read is not None and read.valid and read.interval
    assert read.start is not None and read.end is not None
    assert (read.start.year, read.start.approximate, read.start.qualifier_first) == (
        "1943",
        True,
        True,
    )
    assert read.end.calendar_parts() == (1945, 3, 26) and read.end.uncertain
    open_end = read_edtf("1991/..")
    assert open_end is not None and open_end.open_end and open_end.end is None
    assert open_end.start_year == "1991"


def test_plain_iso_only_for_unqualified_calendar_dates() -> None:
    assert plain_iso("1987-03-12/1987-03-13") == "1987-03-12/1987-03-13"
    assert plain_iso(" 1987 ") == "1987"
    for value in ("1987-02-30", "1987~", "1986-36", "1991/..", "199X", "1987/1986"):
        assert plain_iso(value) is None, value


def test_the_library_s_own_messages_do_not_reach_the_terminal(capsys) -> None:
    # The library prints "trying to PartialUnspecified.__init__(...)" for this one.
    assert not is_valid_edtf("1987-0X")
    assert capsys.readouterr().out == ""
