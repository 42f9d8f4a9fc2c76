"""Which event a figure or date is about: the pure suggester over short texts.

The texts are written for these tests; each sentence checks one rule.
"""

from __future__ import annotations

from db.dates import edtf_bounds
from desktop.extract.event_links import (
    ClaimSpan,
    EventInfo,
    LinkSuggestion,
    find_mentions,
    suggest_event_links,
)

WAR = EventInfo("EVT-1", ("First Karabakh War", "Карабахская война"), "1988-02-20", "1994-05-12")
KHOJALY = EventInfo(
    "EVT-2",
    ("Khojaly massacre", "Xocalı soyqırımı", "Ходжалинская трагедия"),
    "1992-02-25",
    "1992-02-26",
    parent_ref="EVT-1",
)
SUMGAIT = EventInfo("EVT-3", ("Sumgait pogrom",), "1988-02-27", "1988-02-29")
GARADAGHLY = EventInfo(
    "EVT-4", ("Garadaghly killings",), "1992-02-17", "1992-02-17", parent_ref="EVT-1"
)
EVENTS = [WAR, KHOJALY, SUMGAIT, GARADAGHLY]


def _figure(text: str, quote: str, tag_id: int = 1, nth: int = 0) -> ClaimSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return ClaimSpan("figure", tag_id, start, start + len(quote))


def _date(text: str, quote: str, edtf: str, tag_id: int = 10) -> ClaimSpan:
    start = text.index(quote)
    lower, upper = edtf_bounds(edtf)
    return ClaimSpan("date", tag_id, start, start + len(quote), lower, upper)


def _one(text: str, claim: ClaimSpan, **kwargs: str) -> LinkSuggestion:
    found = suggest_event_links(text, [claim], EVENTS, **kwargs)
    assert len(found) == 1
    return found[0]


def test_an_event_named_in_the_same_sentence() -> None:
    text = "In the Khojaly massacre 613 civilians were killed."
    got = _one(text, _figure(text, "613 civilians"))
    assert (got.event_ref, got.kind, got.tag_id) == ("EVT-2", "figure", 1)
    assert "same sentence" in got.reason and "Khojaly massacre" in got.reason


def test_the_nearest_name_in_the_sentence_wins() -> None:
    text = "The Sumgait pogrom came first, and in the Khojaly massacre 613 people died."
    assert _one(text, _figure(text, "613 people")).event_ref == "EVT-2"


def test_a_plural_ending_still_matches() -> None:
    text = "Survivors of the Khojaly massacres counted 200 missing."
    assert _one(text, _figure(text, "200 missing")).event_ref == "EVT-2"


def test_an_event_named_in_the_same_paragraph() -> None:
    text = "The Sumgait pogrom lasted three days.\nAt least 26 people were killed."
    got = _one(text, _figure(text, "26 people"))
    assert got.event_ref == "EVT-3"
    assert "same paragraph" in got.reason


def test_another_paragraph_does_not_count() -> None:
    text = "The Sumgait pogrom lasted three days.\n\nAt least 26 people were killed."
    got = _one(text, _figure(text, "26 people"))
    assert got.event_ref is None
    assert got.reason == "no event named or dated near it"


def test_a_date_in_the_sentence_within_an_event() -> None:
    text = "Nobody spoke of it.\n\nOn 26 February 1992, 487 people were wounded."
    date = _date(text, "26 February 1992", "1992-02-26")
    figure = _figure(text, "487 people")
    found = suggest_event_links(text, [date, figure], EVENTS)
    by_kind = {s.kind: s for s in found}
    # The narrowest event holding the date wins over the war around it.
    assert by_kind["figure"].event_ref == "EVT-2"
    assert "within EVT-2" in by_kind["figure"].reason
    assert (by_kind["date"].event_ref, by_kind["date"].role) == ("EVT-2", "event")


def test_a_date_inside_a_long_event_the_document_never_names_is_not_linked() -> None:
    text = "The dam report.\n\nIn 1990, 12 engineers signed the inspection."
    claims = [_date(text, "1990", "1990"), _figure(text, "12 engineers")]
    found = suggest_event_links(text, claims, EVENTS)
    assert [s.event_ref for s in found] == [None, None]


def test_a_date_inside_a_long_event_the_document_names_is_linked() -> None:
    text = "The First Karabakh War went on.\n\nIn 1990, 12 villages were shelled."
    claims = [_date(text, "1990", "1990"), _figure(text, "12 villages")]
    found = suggest_event_links(text, claims, EVENTS)
    assert [s.event_ref for s in found] == ["EVT-1", "EVT-1"]


def test_a_date_inside_two_events_of_the_same_width_is_not_guessed() -> None:
    twin = EventInfo("EVT-9", ("Twin event",), "1992-02-25", "1992-02-26")
    text = "Quiet.\n\nOn 26 February 1992, 487 people were wounded."
    claims = [_date(text, "26 February 1992", "1992-02-26"), _figure(text, "487 people")]
    found = suggest_event_links(text, claims, [*EVENTS, twin])
    assert [s.event_ref for s in found] == [None, None]


def test_the_main_event_of_the_document() -> None:
    text = (
        "The Khojaly massacre was the worst night of the war.\n\n"
        "Witnesses of the Khojaly massacre were heard.\n\n"
        "Some 150 people are still missing."
    )
    got = _one(text, _figure(text, "150 people"))
    assert got.event_ref == "EVT-2"
    assert "main event" in got.reason


def test_no_main_event_when_none_dominates() -> None:
    text = (
        "The Khojaly massacre and the Sumgait pogrom are remembered.\n\n"
        "The Khojaly massacre and the Sumgait pogrom were discussed.\n\n"
        "Some 150 people are still missing."
    )
    assert _one(text, _figure(text, "150 people")).event_ref is None


def test_one_mention_is_not_a_main_event() -> None:
    text = "The Khojaly massacre is remembered.\n\nSome 150 people are still missing."
    assert _one(text, _figure(text, "150 people")).event_ref is None


def test_the_same_sentence_beats_the_main_event() -> None:
    text = (
        "The Khojaly massacre is remembered.\n\n"
        "The Khojaly massacre was investigated.\n\n"
        "The Khojaly massacre was denied.\n\n"
        "Earlier, the Sumgait pogrom left 26 people dead."
    )
    got = _one(text, _figure(text, "26 people"))
    assert got.event_ref == "EVT-3"


def test_cumulative_wording_goes_to_the_broader_event() -> None:
    text = "Since 1988 the Khojaly massacre and other attacks left 20,000 people dead."
    got = _one(text, _figure(text, "20,000 people"))
    assert got.event_ref == "EVT-1"
    assert "cumulative" in got.reason and "broader event EVT-1" in got.reason


def test_cumulative_wording_without_a_broader_event_is_left_unlinked() -> None:
    text = "Throughout the conflict, the Sumgait pogrom and its echoes left 300 people dead."
    got = _one(text, _figure(text, "300 people"))
    assert got.event_ref is None
    assert "no broader event" in got.reason


def test_cumulative_wording_naming_the_broad_event_itself_keeps_it() -> None:
    text = "Throughout the conflict the First Karabakh War claimed 30,000 lives."
    assert _one(text, _figure(text, "30,000 lives")).event_ref == "EVT-1"


def test_cumulative_wording_in_another_sentence_does_not_widen() -> None:
    text = "Since 1988 there was fighting. In the Khojaly massacre 613 people died."
    assert _one(text, _figure(text, "613 people")).event_ref == "EVT-2"


def test_cumulative_main_event_goes_to_its_parent() -> None:
    text = (
        "The Khojaly massacre is remembered.\n\nThe Khojaly massacre was denied.\n\n"
        "In the course of the war 4,000 were taken hostage."
    )
    assert _one(text, _figure(text, "4,000")).event_ref == "EVT-1"


def test_a_russian_variant_matches_cyrillic_text() -> None:
    text = "Во время Ходжалинской трагедии погибли 613 человек."
    got = _one(text, _figure(text, "613 человек"))
    assert got.event_ref == "EVT-2"
    assert "Ходжалинская трагедия" in got.reason


def test_an_azerbaijani_variant_matches_without_its_letters() -> None:
    text = "Xocali soyqirimi zamani 613 nəfər qətlə yetirildi."
    assert _one(text, _figure(text, "613 nəfər")).event_ref == "EVT-2"


def test_an_azerbaijani_sentence_with_its_letters() -> None:
    text = "Xocalı soyqırımında 106 qadın öldürüldü."
    assert _one(text, _figure(text, "106 qadın")).event_ref == "EVT-2"


def test_a_russian_war_name_in_the_paragraph() -> None:
    text = "Карабахская война длилась шесть лет.\nПогибли около 30 000 человек."
    assert _one(text, _figure(text, "30 000 человек")).event_ref == "EVT-1"


def test_the_publication_date_is_a_reporting_date() -> None:
    text = "In the Khojaly massacre, reported on 27 February 1992, 613 people died."
    date = _date(text, "27 February 1992", "1992-02-27")
    got = _one(text, date, published="1992-02-27")
    assert (got.event_ref, got.role) == ("EVT-2", "reporting")


def test_the_same_date_is_not_reporting_with_another_publication_date() -> None:
    text = "In the Khojaly massacre on 26 February 1992, 613 people died."
    date = _date(text, "26 February 1992", "1992-02-26")
    assert _one(text, date, published="2002-02-26").role == "event"


def test_a_dateline_date_is_a_reporting_date() -> None:
    text = "BAKU, 28 February 1992 — Survivors of the Khojaly massacre reached Aghdam."
    date = _date(text, "28 February 1992", "1992-02-28")
    got = _one(text, date)
    assert got.role == "reporting"
    assert got.event_ref == "EVT-2"


def test_a_byline_date_is_a_reporting_date() -> None:
    text = "Report on Khojaly\nPublished 3 March 1992 by the committee\nThe village burned."
    assert _one(text, _date(text, "3 March 1992", "1992-03-03")).role == "reporting"


def test_a_date_alone_on_a_top_line_is_a_reporting_date() -> None:
    text = "Khojaly remembered\n26.02.2002\n\nThe Khojaly massacre left 613 people dead."
    assert _one(text, _date(text, "26.02.2002", "2002-02-26")).role == "reporting"


def test_a_date_outside_its_event_has_no_role() -> None:
    text = "The Khojaly massacre was discussed in Moscow on 5 May 1994."
    got = _one(text, _date(text, "5 May 1994", "1994-05-05"))
    assert (got.event_ref, got.role) == ("EVT-2", None)


def test_a_date_in_a_sentence_is_not_a_dateline() -> None:
    text = "Reports say that, 26 February 1992 — the night — the Khojaly massacre began."
    got = _one(text, _date(text, "26 February 1992", "1992-02-26"))
    assert got.role == "event"


def test_mentions_are_found_word_by_word_not_inside_words() -> None:
    assert find_mentions("Sumgaitpogrom is one word.", EVENTS) == []
    found = find_mentions("the SUMGAIT   Pogrom, again", EVENTS)
    assert [(m.ref, m.start, m.end) for m in found] == [("EVT-3", 4, 20)]


def test_an_empty_catalogue_suggests_nothing() -> None:
    text = "In the Khojaly massacre 613 civilians were killed."
    found = suggest_event_links(text, [_figure(text, "613 civilians")], [])
    assert [s.event_ref for s in found] == [None]


def test_a_parent_outside_the_events_given_is_not_used() -> None:
    orphan = EventInfo("EVT-7", ("Aghdam shelling",), parent_ref="EVT-404")
    text = "Since 1988 the Aghdam shelling killed 120 people."
    found = suggest_event_links(text, [_figure(text, "120 people")], [orphan])
    assert found[0].event_ref is None


def test_a_russian_dateline_is_a_reporting_date() -> None:
    text = "БАКУ, 28 февраля 1992 — Выжившие после Ходжалинской трагедии дошли до Агдама."
    got = _one(text, _date(text, "28 февраля 1992", "1992-02-28"))
    assert (got.event_ref, got.role) == ("EVT-2", "reporting")


def test_an_azerbaijani_date_in_the_event_sentence_has_the_event_role() -> None:
    text = "Xocalı soyqırımı 26 fevral 1992-ci ildə baş verdi."
    got = _one(text, _date(text, "26 fevral 1992", "1992-02-26"))
    assert (got.event_ref, got.role) == ("EVT-2", "event")


def test_a_date_prefers_an_event_the_document_names_over_a_narrower_unnamed_one() -> None:
    text = (
        "The First Karabakh War is the subject.\n\n"
        "Quiet.\n\nOn 17 February 1992, 33 people were killed."
    )
    claims = [_date(text, "17 February 1992", "1992-02-17"), _figure(text, "33 people")]
    found = suggest_event_links(text, claims, EVENTS)
    assert [(s.event_ref, s.role) for s in found] == [("EVT-1", "event"), ("EVT-1", None)]
    # Without the war named, the narrowest event holding the date wins.
    unnamed = text.replace("The First Karabakh War is the subject.", "A subject.")
    claims = [_date(unnamed, "17 February 1992", "1992-02-17"), _figure(unnamed, "33 people")]
    found = suggest_event_links(unnamed, claims, EVENTS)
    assert [s.event_ref for s in found] == ["EVT-4", "EVT-4"]


def test_a_short_word_must_match_exactly() -> None:
    camps = EventInfo("EVT-8", ("camps",))
    assert find_mentions("The campaign went on.", [camps]) == []
    assert [m.ref for m in find_mentions("The camps were closed.", [camps])] == ["EVT-8"]


# --- an event's place --------------------------------------------------------------

TOWN = EventInfo(
    "EVT-5", ("Dalmora flood",), "2003-04-02", "2003-04-04", parent_ref=None, place="Dalmora"
)
SEASON = EventInfo("EVT-6", ("Spring floods of 2003",), "2003-03-01", "2003-05-31", place="Dalmora")
PLACED = [TOWN, SEASON, SUMGAIT]


def test_the_place_in_the_sentence_links_the_narrowest_event_held_there() -> None:
    text = "The river rose at night. Over 1,000 residents of Dalmora were left homeless."
    got = suggest_event_links(text, [_figure(text, "1,000 residents")], PLACED)[0]
    assert got.event_ref == "EVT-5" and "place" in got.reason


def test_a_name_in_the_paragraph_beats_a_place_in_the_sentence() -> None:
    text = "The Sumgait pogrom was recalled. Volunteers from Dalmora counted 26 people dead."
    got = suggest_event_links(text, [_figure(text, "26 people")], PLACED)[0]
    assert got.event_ref == "EVT-3"


def test_a_place_shared_by_two_events_of_the_same_span_is_no_evidence() -> None:
    twin = EventInfo("EVT-7", ("Dalmora fire",), "2003-04-02", "2003-04-04", place="Dalmora")
    text = "In Dalmora 40 houses were lost."
    got = suggest_event_links(text, [_figure(text, "40 houses")], [TOWN, twin])[0]
    assert got.event_ref is None


def test_the_place_in_another_sentence_does_not_link() -> None:
    text = "Dalmora is a river town. Some 40 houses were lost."
    got = suggest_event_links(text, [_figure(text, "40 houses")], [TOWN])[0]
    assert got.event_ref is None


def test_a_place_named_often_makes_the_main_event() -> None:
    text = (
        "Dalmora woke to water in its streets.\n\n"
        "The people of Dalmora spent the night on roofs.\n\n"
        "Some 150 people are still missing."
    )
    got = suggest_event_links(text, [_figure(text, "150 people")], [TOWN])[0]
    assert got.event_ref == "EVT-5" and "main event" in got.reason


def test_a_date_outside_the_main_event_is_background_not_linked() -> None:
    text = (
        "The Dalmora flood was the worst in memory.\n\n"
        "The Dalmora flood drowned the lower town.\n\n"
        "The levee, built in 1931, had been inspected in May 2001."
    )
    built = _date(text, "1931", "1931", tag_id=11)
    inspected = _date(text, "May 2001", "2001-05", tag_id=12)
    found = suggest_event_links(text, [built, inspected], [TOWN])
    assert [s.event_ref for s in found] == [None, None]
    assert "outside" in found[0].reason


def test_a_date_inside_the_main_event_still_goes_to_it() -> None:
    text = (
        "The Dalmora flood was the worst in memory.\n\n"
        "The Dalmora flood drowned the lower town.\n\n"
        "Rescue boats arrived on 3 April 2003."
    )
    got = suggest_event_links(text, [_date(text, "3 April 2003", "2003-04-03")], [TOWN])[0]
    assert got.event_ref == "EVT-5" and got.role == "event"
