"""Unlinked figures are compared only among documents that date the same event.

Two unrelated disasters tagged in one catalogue, before anyone creates event records,
must not give one "killed" row; a single event's reports, most of which never give the
date, must still be compared. Texts are invented for these tests.
"""

from __future__ import annotations

from db.analysis import compare_figures
from db.catalogue import Catalogue
from db.corroboration import matrix_of
from db.documents import NewDocument, add_document
from db.tags import add_tag


def _add(session, n: int, text: str, published: str | None = None):  # type: ignore[no-untyped-def]
    return add_document(
        session,
        new=NewDocument(
            text=text,
            media_type="text/plain",
            original_sha256=f"{n:064x}",
            original_size=1,
            original_filename=f"{n}.txt",
            published=published,
        ),
        actor="t",
    )


def _tag(session, doc, quote: str, **values):  # type: ignore[no-untyped-def]
    start = doc.text.index(quote)
    kind = "date" if "edtf" in values else "figure"
    add_tag(
        session,
        kind=kind,
        document=doc,
        start=start,
        end=start + len(quote),
        values=values,
        actor="t",
    )


def _catalogue_of_two_disasters(catalogue: Catalogue, *, dated_third: bool) -> None:
    with catalogue.writing() as session:
        a = _add(
            session, 1, "On 4 May 1961 the Orel mine flooded; 48 people were killed.", "1961-05-06"
        )
        b = _add(session, 2, "The flood of 4 May 1961 at Orel: 51 people were killed.")
        c = _add(session, 3, "On 9 October 1983 the ferry sank and 120 people were killed.")
        d = _add(session, 4, "The ferry went down on 9 October 1983; 131 people were killed.")
        for doc, date_quote, edtf in (
            (a, "4 May 1961", "1961-05-04"),
            (b, "4 May 1961", "1961-05-04"),
            (c, "9 October 1983", "1983-10-09"),
            (d, "9 October 1983", "1983-10-09"),
        ):
            _tag(session, doc, date_quote, edtf=edtf)
        for doc, quote, value in (
            (a, "48 people", 48),
            (b, "51 people", 51),
            (c, "120 people", 120),
            (d, "131 people", 131),
        ):
            _tag(session, doc, quote, value=value, counted="people killed", category="killed")
        e = _add(session, 5, "Rescuers said 52 people were killed at Orel on 5 May 1961.")
        _tag(session, e, "52 people", value=52, counted="people killed", category="killed")
        if dated_third:
            _tag(session, e, "5 May 1961", edtf="1961-05-05")


def test_two_events_of_different_dates_never_share_a_row(catalogue: Catalogue) -> None:
    _catalogue_of_two_disasters(catalogue, dated_third=True)
    with catalogue.reading() as session:
        killed = [c for c in compare_figures(session) if c.category == "killed"]
    rows = {c.period: sorted(c.documents) for c in killed}
    assert rows == {
        "1961-05-04": ["CAT-000001", "CAT-000002", "CAT-000005"],
        "1983-10-09": ["CAT-000003", "CAT-000004"],
    }
    assert all(c.verdict == "differ" for c in killed)


def test_a_document_without_a_precise_date_is_kept_apart_when_two_events_are_in_scope(
    catalogue: Catalogue,
) -> None:
    _catalogue_of_two_disasters(catalogue, dated_third=False)
    with catalogue.reading() as session:
        killed = [c for c in compare_figures(session) if c.category == "killed"]
    by_docs = sorted(sorted(c.documents) for c in killed)
    assert by_docs == [["CAT-000001", "CAT-000002"], ["CAT-000003", "CAT-000004"], ["CAT-000005"]]
    assert {c.period for c in killed} == {"1961-05-04", "1983-10-09", None}


def test_one_event_whose_reports_give_no_date_is_still_compared(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        docs = [
            _add(session, 1, "Yesterday the bridge fell and 12 people were killed."),
            _add(session, 2, "The bridge collapse on Friday: 14 people were killed."),
            _add(session, 3, "Officials said on 2 June 2004 that 12 people were killed."),
        ]
        _tag(session, docs[2], "2 June 2004", edtf="2004-06-02")
        for doc, quote, value in zip(
            docs, ("12 people", "14 people", "12 people"), (12, 14, 12), strict=True
        ):
            _tag(session, doc, quote, value=value, counted="people killed", category="killed")
    with catalogue.reading() as session:
        (killed,) = [c for c in compare_figures(session) if c.category == "killed"]
    assert killed.documents == ["CAT-000001", "CAT-000002", "CAT-000003"]
    assert killed.verdict == "differ"


def test_publication_dates_do_not_join_two_events(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        a = _add(session, 1, "Printed 1 March 2020. In 1961, 48 people were killed.", "2020-03-01")
        b = _add(session, 2, "Printed 1 March 2020. In 1983, 120 people were killed.", "2020-03-01")
        c = _add(session, 3, "On 9 October 1983 the ferry sank; 131 people were killed.")
        d = _add(session, 4, "On 9 October 1983, at night, 125 people were killed.")
        for doc in (a, b):
            _tag(session, doc, "1 March 2020", edtf="2020-03-01")
        for doc in (c, d):
            _tag(session, doc, "9 October 1983", edtf="1983-10-09")
        _tag(session, a, "1961", edtf="1961")
        for doc, quote, value in (
            (a, "48 people", 48),
            (b, "120 people", 120),
            (c, "131 people", 131),
            (d, "125 people", 125),
        ):
            _tag(session, doc, quote, value=value, counted="people killed", category="killed")
    with catalogue.reading() as session:
        comparisons = [c for c in compare_figures(session) if c.category == "killed"]
    # a and b share only their publication date; c and d share the ferry's date. With a
    # single dated group in scope nothing is split, so all four meet: the rule never
    # separates on publication dates, and never joins on them either.
    assert len(comparisons) == 1


def test_the_matrix_row_says_whose_figures_it_holds(catalogue: Catalogue) -> None:
    _catalogue_of_two_disasters(catalogue, dated_third=True)
    with catalogue.reading() as session:
        matrix = matrix_of(compare_figures(session))
    scopes = sorted(row.scope() for row in matrix.rows if row.category == "killed")
    assert scopes == [
        "no event linked, shared date 4 May 1961",
        "no event linked, shared date 9 October 1983",
    ]
