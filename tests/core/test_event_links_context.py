"""Event links from wider context: wrapped lines, inflection, dates that belong to a
narrower or broader event, two events at one place, and witnesses who date rather than
name. Texts and events are invented for these tests; each checks one rule."""

from __future__ import annotations

from db.dates import edtf_bounds
from desktop.extract.event_links import ClaimSpan, EventInfo, suggest_event_links

CONFLICT = EventInfo(
    "E-1", ("Ostrava Hills conflict", "конфликт в Остравских горах"), "2001-05-01", "2004-08-31"
)
BLOCKADE = EventInfo(
    "E-2",
    ("blockade of Pernik", "блокада Перника"),
    "2002-03-05",
    "2002-05-20",
    parent_ref="E-1",
    place="Pernik",
)
FLOOD_OLD = EventInfo("E-3", ("Great Sava flood",), "1962-10-03", "1962-10-09", place="Savin")
FLOOD_NEW = EventInfo("E-4", ("Sava flood of 2019",), "2019-06-11", "2019-06-14", place="Savin")
QUARRY = EventInfo("E-5", ("Dolna quarry collapse",), "2016-02-08", "2016-02-08", place="Dolna")
EVENTS = [CONFLICT, BLOCKADE, FLOOD_OLD, FLOOD_NEW, QUARRY]


def _claims(text: str, *items: tuple[str, str | None]) -> list[ClaimSpan]:
    """A figure for each (quote, None), a date for each (quote, edtf), in text order."""
    found, cursor = [], 0
    for tag_id, (quote, edtf) in enumerate(items):
        start = text.index(quote, cursor)
        cursor = start
        if edtf is None:
            found.append(ClaimSpan("figure", tag_id, start, start + len(quote)))
        else:
            lower, upper = edtf_bounds(edtf)
            found.append(ClaimSpan("date", tag_id, start, start + len(quote), lower, upper))
    return found


def _refs(
    text: str, *items: tuple[str, str | None], published: str | None = None
) -> list[str | None]:
    links = suggest_event_links(text, _claims(text, *items), EVENTS, published=published)
    return [link.event_ref for link in links]


def test_a_wrapped_line_does_not_end_the_sentence_of_a_cumulative_figure() -> None:
    text = (
        "The Dolna quarry collapse buried the night shift on the lower terrace of the pit.\n"
        "Four men died that night. Since 1995 the quarries of the district have lost\n"
        "31 workers in all, the union says. The Dolna quarry collapse was the worst."
    )
    assert _refs(text, ("Four men", None), ("1995", "1995"), ("31 workers", None)) == [
        "E-5",
        None,
        None,
    ]


def test_a_short_word_may_carry_a_case_ending_in_an_inflecting_script() -> None:
    text = "Во время блокады Перника погибли 86 человек."
    assert _refs(text, ("86 человек", None)) == ["E-2"]


def test_a_short_english_word_must_match_exactly() -> None:
    event = EventInfo("E-9", ("Brava raid",), "1990-01-01", "1990-01-02")
    text = "A brave rider counted 12 horses."
    claims = _claims(text, ("12 horses", None))
    assert suggest_event_links(text, claims, [event])[0].event_ref is None


def test_a_background_date_near_a_named_event_is_left_unlinked() -> None:
    text = (
        "The Dolna quarry collapse killed four men.\n\n"
        "Dolna was first worked in 1911, and the terrace that failed was cut in 1987. "
        "Seven men were rescued from the Dolna quarry collapse."
    )
    refs = _refs(text, ("1911", "1911"), ("1987", "1987"), ("Seven men", None))
    assert refs == [None, None, "E-5"]


def test_a_date_outside_the_main_event_goes_to_the_broader_one() -> None:
    text = (
        "Pernik under blockade\n\nThe blockade of Pernik cut the town off for eleven weeks. "
        "During the blockade of Pernik 212 people died.\n\n"
        "The hills had been fought over since the autumn of 2001."
    )
    assert _refs(text, ("212 people", None), ("autumn of 2001", "2001-23")) == ["E-2", "E-1"]


def test_a_date_within_a_narrower_event_the_document_names_goes_to_it() -> None:
    text = (
        "The blockade of Pernik began in March. In the last year of the Ostrava Hills "
        "conflict, on 14 April 2002, the last convoy reached the town."
    )
    assert _refs(text, ("14 April 2002", "2002-04-14")) == ["E-2"]


def test_two_events_at_one_place_are_told_apart_by_the_sentence_date() -> None:
    text = (
        "Floods on the river\n\nIn October 1962 the water at Savin reached 40 houses. "
        "In June 2019 the water at Savin reached 15 houses."
    )
    assert _refs(
        text,
        ("October 1962", "1962-10"),
        ("40 houses", None),
        ("June 2019", "2019-06"),
        ("15 houses", None),
    ) == ["E-3", "E-3", "E-4", "E-4"]


def test_a_coarse_date_around_one_placed_event_points_at_it() -> None:
    text = "People in Savin still talk about the autumn of 1962."
    assert _refs(text, ("autumn of 1962", "1962-23")) == ["E-3"]


def test_a_witness_who_dates_rather_than_names_speaks_of_the_event_the_dates_fall_in() -> None:
    text = (
        "Statement recorded in 2003\n\n"
        "I was a nurse in Pernik. On 9 March 2002 the water main was cut. On 30 April 2002 "
        "the bakery closed. By then we had buried 140 people."
    )
    refs = _refs(
        text,
        ("2003", "2003"),
        ("9 March 2002", "2002-03-09"),
        ("30 April 2002", "2002-04-30"),
        ("140 people", None),
    )
    assert refs[1:] == ["E-2", "E-2", "E-2"]
