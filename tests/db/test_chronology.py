"""The chronology grouped by event: one row per event date with every source giving it,
publication dates left out unless asked for."""

from __future__ import annotations

from db import event_records
from db.analysis import chronology
from db.catalogue import Catalogue
from db.chronology import best_what
from db.models import DateTag, EventRecord
from db.tags import add_tag
from tests.db.test_analysis import _add


def _event(session, name: str, parent_ref: str | None = None) -> EventRecord:  # type: ignore[no-untyped-def]
    ref = event_records.create(session, name=name, actor="t", parent_ref=parent_ref).ref
    return event_records.require(session, ref)


def _date(  # type: ignore[no-untyped-def]
    session,
    doc,
    quote: str,
    edtf: str,
    *,
    what: str | None = None,
    event: EventRecord | None = None,
    role: str | None = None,
    after: str = "",
) -> DateTag:
    start = doc.text.index(quote, doc.text.index(after) if after else 0)
    values = {"edtf": edtf, **({"what": what} if what else {})}
    tag, _ = add_tag(
        session,
        kind="date",
        document=doc,
        start=start,
        end=start + len(quote),
        values=values,
        actor="t",
    )
    if event is not None:
        tag.event_record_id = event.id
        tag.event_link_status = "accepted"
    tag.role = role
    return tag


KHOJALY = "1992-02-25/1992-02-26"


def _two_papers(catalogue: Catalogue) -> str:
    """Two newspapers giving the massacre's night, each with its own publication date."""
    with catalogue.writing() as session:
        massacre = _event(session, "Khojaly massacre")
        first = _add(
            session,
            1,
            "On the night of 25–26 February 1992 the town was attacked. Printed 2 March 1992.",
            "1992-03-02",
        )
        _date(session, first, "25–26 February 1992", KHOJALY, what="attack", event=massacre)
        _date(session, first, "2 March 1992", "1992-03-02", event=massacre, role="reporting")
        second = _add(
            session, 2, "Survivors describe 25–26 February 1992 in the town.", "1992-03-05"
        )
        _date(
            session,
            second,
            "25–26 February 1992",
            KHOJALY,
            what="the attack on the town",
            event=massacre,
            role="event",
        )
        return massacre.ref


def test_two_sources_of_one_event_date_make_one_row(catalogue: Catalogue) -> None:
    ref = _two_papers(catalogue)
    with catalogue.reading() as session:
        rows = chronology(session)
    assert len(rows) == 1
    row = rows[0]
    assert (row.edtf, row.event_ref, row.what) == (KHOJALY, ref, "Khojaly massacre")
    assert row.documents == ["CAT-000001", "CAT-000002"]
    assert [(s.document_ref, s.published, s.quote) for s in row.sources] == [
        ("CAT-000001", "1992-03-02", "25–26 February 1992"),
        ("CAT-000002", "1992-03-05", "25–26 February 1992"),
    ]
    assert row.sources[1].start == len("Survivors describe ")


def test_reporting_date_left_out_unless_asked(catalogue: Catalogue) -> None:
    _two_papers(catalogue)
    with catalogue.reading() as session:
        everything = chronology(session, include_reporting=True)
    assert [(r.edtf, len(r.sources)) for r in everything] == [(KHOJALY, 2), ("1992-03-02", 1)]
    assert everything[1].sources[0].role == "reporting"


def test_unlinked_date_equal_to_publication_date_left_out(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        doc = _add(session, 1, "Dated 2 March 1992. The dam failed on 1 March 1992.", "1992-03-02")
        _date(session, doc, "2 March 1992", "1992-03-02", what="letter written")
        _date(session, doc, "1 March 1992", "1992-03-01", what="the dam failed")
        later = _add(session, 2, "On 2 March 1992 the rescue began.", "1992-03-09")
        _date(session, later, "2 March 1992", "1992-03-02", what="the rescue began")
    with catalogue.reading() as session:
        rows = chronology(session)
        asked = chronology(session, include_reporting=True)
    assert [(r.edtf, r.what, r.documents) for r in rows] == [
        ("1992-03-01", "the dam failed", ["CAT-000001"]),
        ("1992-03-02", "the rescue began", ["CAT-000002"]),
    ]
    assert len(asked) == 3


def test_a_date_said_to_be_the_event_stays_even_on_the_publication_day(
    catalogue: Catalogue,
) -> None:
    with catalogue.writing() as session:
        doc = _add(session, 1, "Today, 2 March 1992, the dam failed.", "1992-03-02")
        _date(session, doc, "2 March 1992", "1992-03-02", what="the dam failed", role="event")
    with catalogue.reading() as session:
        assert [r.what for r in chronology(session)] == ["the dam failed"]


def test_rows_sorted_and_different_events_on_one_day_stay_apart(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        fire = _event(session, "Kessin market fire")
        flood = _event(session, "Varnel flood")
        doc = _add(
            session,
            1,
            "Every year on 13 March we meet. On 3 May 1998 the market burned. "
            "In 1931 the dam was built. On 3 May 1998 the river rose.",
            None,
        )
        _date(session, doc, "Every year on 13 March", "XXXX-03-13", what="we meet")
        _date(session, doc, "3 May 1998", "1998-05-03", what="fire", event=fire)
        _date(session, doc, "1931", "1931", what="the dam was built")
        _date(session, doc, "3 May 1998", "1998-05-03", event=flood, after="dam")
        other = _add(session, 2, "The flood of 3 May 1998 and the fire of 3 May 1998.", None)
        _date(session, other, "3 May 1998", "1998-05-03", what="flood", event=flood)
        _date(session, other, "3 May 1998", "1998-05-03", event=fire, after="fire")
    with catalogue.reading() as session:
        rows = chronology(session)
    assert [(r.edtf, r.what, r.documents) for r in rows] == [
        ("1931", "the dam was built", ["CAT-000001"]),
        ("1998-05-03", "Kessin market fire", ["CAT-000001", "CAT-000002"]),
        ("1998-05-03", "Varnel flood", ["CAT-000001", "CAT-000002"]),
        ("XXXX-03-13", "we meet", ["CAT-000001"]),
    ]


def test_unlinked_dates_merge_only_when_they_say_the_same(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        for n, what in ((1, "Khojaly massacre"), (2, "khojaly  Massacre"), (3, "a storm")):
            doc = _add(session, n, "It happened on 26 February 1992.", None)
            _date(session, doc, "26 February 1992", "1992-02-26", what=what)
        bare = _add(session, 4, "Also 26 February 1992.", None)
        _date(session, bare, "26 February 1992", "1992-02-26")
        month = _add(session, 5, "In 1992-02-26/1992-02-26 terms.", None)
        _date(session, month, "1992-02-26/1992-02-26", "1992-02-26/1992-02-26", what="a storm")
    with catalogue.reading() as session:
        rows = chronology(session)
    grouped = sorted((r.what or "", r.documents) for r in rows)
    assert grouped == [
        ("", ["CAT-000004"]),
        ("Khojaly massacre", ["CAT-000001", "CAT-000002"]),
        ("a storm", ["CAT-000003", "CAT-000005"]),  # same bounds, written differently
    ]


def test_an_unlinked_date_naming_the_event_joins_its_row(catalogue: Catalogue) -> None:
    ref = _two_papers(catalogue)
    with catalogue.writing() as session:
        third = _add(session, 3, "The Khojaly massacre of 25–26 February 1992; also 1993.", None)
        _date(session, third, "25–26 February 1992", KHOJALY, what="khojaly  MASSACRE")
        _date(session, third, "1993", "1993", what="Khojaly massacre")  # no such row: apart
    with catalogue.reading() as session:
        rows = chronology(session)
    assert [(r.edtf, r.event_ref, r.documents) for r in rows] == [
        (KHOJALY, ref, ["CAT-000001", "CAT-000002", "CAT-000003"]),
        ("1993", None, ["CAT-000003"]),
    ]
    assert rows[0].sources[2].what == "khojaly  MASSACRE"


def test_event_filter_keeps_the_event_and_those_within(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        war = _event(session, "The war")
        battle = _event(session, "A battle", parent_ref=war.ref)
        storm = _event(session, "A storm")
        doc = _add(session, 1, "In 1991 war; in 1992 a battle; in 1993 a storm.", None)
        _date(session, doc, "1991", "1991", event=war)
        _date(session, doc, "1992", "1992", event=battle)
        _date(session, doc, "1993", "1993", event=storm)
        ids = [war.id, battle.id]
    with catalogue.reading() as session:
        rows = chronology(session, event_ids=ids)
    assert [(r.edtf, r.what) for r in rows] == [("1991", "The war"), ("1992", "A battle")]


def test_best_what_prefers_a_description_to_one_word() -> None:
    assert best_what(["attack", "the attack on  the town", None, " "]) == "the attack on the town"
    assert best_what(["attack", "fire"]) == "attack"
    assert best_what(["Khojaly massacre", "khojaly Massacre"]) == "Khojaly massacre"
    assert best_what([None, ""]) is None
