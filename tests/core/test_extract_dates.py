"""Date suggestions: formats, ranges, partial and open dates, and things that are not dates."""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from desktop.extract import suggest
from desktop.extract.date_suggestions import find_dates


def _dates(text: str) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.edtf) for d in suggest(text).dates]


@pytest.mark.parametrize(
    ("text", "quote", "edtf"),
    [
        ("The ceasefire was signed on 3 March 2004 in Geneva.", "3 March 2004", "2004-03-03"),
        ("Troops withdrew on March 3, 2004, officials said.", "March 3, 2004", "2004-03-03"),
        ("Filed 2011-07-19 by the clerk.", "2011-07-19", "2011-07-19"),
        ("The photo, taken Aug. 14, 1969, shows the barricades.", "Aug. 14, 1969", "1969-08-14"),
        ("Shelling resumed Sept. 5, 2014.", "Sept. 5, 2014", "2014-09-05"),
        ("The siege ended on the 9th of May 1945.", "9th of May 1945", "1945-05-09"),
        (
            "It happened on Monday, 7 July 2005, in the morning.",
            "Monday, 7 July 2005",
            "2005-07-07",
        ),
        ("She testified on 21st November 1995.", "21st November 1995", "1995-11-21"),
        ("The report is dated 14/06/1999.", "14/06/1999", "1999-06-14"),
        ("The camp was shelled on 11–13 July 1995.", "11–13 July 1995", "1995-07-11/1995-07-13"),
        (
            "Riots broke out on the night of 14/15 June 1999.",
            "14/15 June 1999",
            "1999-06-14/1999-06-15",
        ),
        (
            "Raids took place between 3 and 7 March 2004.",
            "between 3 and 7 March 2004",
            "2004-03-03/2004-03-07",
        ),
        (
            "Fighting raged April 6 to 8, 1994, in the capital.",
            "April 6 to 8, 1994",
            "1994-04-06/1994-04-08",
        ),
        ("The talks ran Oct. 30-31, 2018.", "Oct. 30-31, 2018", "2018-10-30/2018-10-31"),
        (
            "The offensive lasted from 30 June to 2 July 2001.",
            "30 June to 2 July 2001",
            "2001-06-30/2001-07-02",
        ),
        ("The occupation lasted 1992–95 in the valley.", "1992–95", "1992/1995"),
        ("He served from 1979 to 1983.", "from 1979 to 1983", "1979/1983"),
        ("The famine of 1932-1933 killed millions.", "1932-1933", "1932/1933"),
        ("The border reopened in September 2023.", "September 2023", "2023-09"),
        ("The inquiry reported in mid-June 2010.", "mid-June 2010", "2010-06"),
        ("Strikes spread March–May 1968.", "March–May 1968", "1968-03/1968-05"),
        ("The statute was adopted in 1951.", "1951", "1951"),
        ("The 1972 Olympics were marred by an attack.", "1972", "1972"),
        ("The families have waited since 1991, when the war began.", "since 1991", "1991/.."),
        ("The camp has been open since March 2015.", "since March 2015", "2015-03/.."),
        ("Output fell in the fourth quarter of 2020.", "the fourth quarter of 2020", "2020-36"),
        ("Revenue rose in Q1 2019.", "Q1 2019", "2019-33"),
        ("The protests peaked in the summer of 1989.", "summer of 1989", "1989-22"),
        ("The town was rebuilt during the 1960s.", "the 1960s", "196X"),
        (
            "Survivors gather each year on 11 July at the memorial.",
            "each year on 11 July",
            "XXXX-07-11",
        ),
        (
            "The victims are remembered every year on April 24.",
            "every year on April 24",
            "XXXX-04-24",
        ),
        ("The dead are mourned on 9 May every year.", "9 May every year", "XXXX-05-09"),
        ("The archive was founded circa 1890.", "1890", "1890~"),
    ],
)
def test_recognises_date(text: str, quote: str, edtf: str) -> None:
    assert (quote, edtf) in _dates(text)


def test_date_split_over_line_break() -> None:
    text = "REMEMBER\n11-13 JULY\n1995\n8,000 men and boys"
    assert ("11-13 JULY\n1995", "1995-07-11/1995-07-13") in _dates(text)


def test_bounds_and_validity() -> None:
    text = "In the third quarter of 2017 and on 11–13 July 1995 and in June 2010."
    by_edtf = {d.edtf: d for d in suggest(text).dates}
    assert by_edtf["2017-35"].lower == "2017-07-01"
    assert by_edtf["2017-35"].upper == "2017-09-30"
    assert by_edtf["1995-07-11/1995-07-13"].lower == "1995-07-11"
    assert by_edtf["1995-07-11/1995-07-13"].upper == "1995-07-13"
    assert (by_edtf["2010-06"].lower, by_edtf["2010-06"].upper) == ("2010-06-01", "2010-06-30")
    for suggestion in by_edtf.values():
        parse_edtf(suggestion.edtf)  # raises on invalid EDTF


def test_leap_day_and_open_interval_bounds() -> None:
    (leap,) = suggest("The decree of 29 February 2000 stands.").dates
    assert (leap.lower, leap.upper) == ("2000-02-29", "2000-02-29")
    (since,) = suggest("Refugees have lived there since 1993.").dates
    assert since.lower == "1993-01-01" and since.upper is None


def test_recurring_date_has_no_bounds() -> None:
    (each,) = suggest("Candles are lit every year on 13 December.").dates
    assert each.edtf == "XXXX-12-13" and each.lower is None and each.upper is None


def test_ambiguous_numeric_date_is_uncertain_day_first() -> None:
    (numeric,) = suggest("The letter is dated 03/04/2005.").dates
    assert numeric.edtf == "2005-04-03" and numeric.certainty == "uncertain"


@pytest.mark.parametrize(
    "text",
    [
        "The 214th brigade and the 41st anniversary were mentioned.",
        "Resolution 181 (II) was adopted by the assembly.",
        "Zoom: + − 14 px",
        "Posted at 18:05 (UTC +02:00).",
        "A total of 1,460 people were counted.",
        "1340 held captive;",
        "The rebels took 1500 prisoners.",
        "The meeting may 2008 delegates attend?",
        "She will march 1000 steps.",
        "Room 1204 was searched.",
        "31 February 1999 is not a day.",
        "Aug. 14 was a cold day.",
        "The hashtag #11july trended.",
        "The 20th century saw two wars.",
        "He scored 2019 points over his career.",
    ],
)
def test_not_dates(text: str) -> None:
    assert _dates(text) == []


def test_offsets_index_exact_text() -> None:
    text = "Ünïcödé prefix — then on 5 May 1955 the treaty."
    (date,) = suggest(text).dates
    assert text[date.start : date.end] == "5 May 1955"


def test_what_names_the_nearby_event() -> None:
    (date,) = suggest("The ceasefire agreement was signed on 12 May 1994.").dates
    assert date.what in {"agreement", "signed", "ceasefire"}
    (plain,) = suggest("Filed 2011-07-19.").dates
    assert plain.what is None


def test_find_dates_claims_year_less_days_for_figures() -> None:
    from desktop.extract.text_nearby import SpanSet

    claimed = SpanSet()
    text = "On Aug. 14 the shops closed."
    assert find_dates(text, claimed) == []
    assert claimed.hits(text.index("14"), text.index("14") + 2)


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "1", "2020", "—–-", "Ünïcödé only", "12/13/14/15", "99999999999"]
)
def test_odd_inputs_do_not_fail(text: str) -> None:
    result = suggest(text)
    for item in (*result.dates, *result.figures, *result.people):
        assert 0 <= item.start < item.end <= len(text)
