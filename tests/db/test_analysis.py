"""Comparison of figures across sources, and the chronology."""

from __future__ import annotations

from db.analysis import chronology, compare_figures
from db.catalogue import Catalogue
from db.documents import NewDocument, add_document
from db.tags import add_tag


def _add(session, n: int, text: str, published: str | None):  # type: ignore[no-untyped-def]
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


def _figure(session, doc, quote: str, value: float, category: str, **extra):  # type: ignore[no-untyped-def]
    start = doc.text.index(quote)
    values = {"value": value, "counted": quote.split(" ", 1)[1], "category": category, **extra}
    tag, _ = add_tag(
        session,
        kind="figure",
        document=doc,
        start=start,
        end=start + len(quote),
        values=values,
        actor="t",
    )
    return tag


def test_agreement_disagreement_and_growth_note(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        a = _add(session, 1, "212 dead and 340 injured.", "1987-03-14")
        b = _add(session, 2, "212 dead, 352 injured.", "1987-04-21")
        c = _add(session, 3, "212 dead.", None)
        for doc in (a, b, c):
            _figure(session, doc, "212 dead", 212, "killed")
        _figure(session, a, "340 injured", 340, "wounded")
        _figure(session, b, "352 injured", 352, "wounded")
        suggested = _add(session, 4, "999 dead.", None)
        start = 0
        add_tag(
            session,
            kind="figure",
            document=suggested,
            start=start,
            end=8,
            values={"value": 999, "category": "killed"},
            status="suggested",
            actor="t",
        )
    with catalogue.reading() as session:
        result = {c.category: c for c in compare_figures(session)}
    killed, wounded = result["killed"], result["wounded"]
    assert killed.verdict == "agree"
    assert [g.label for g in killed.groups] == ["212"]
    assert killed.documents == ["CAT-000001", "CAT-000002", "CAT-000003"]
    assert wounded.verdict == "differ"
    assert [g.label for g in wounded.groups] == ["340", "352"]
    assert "different times (14 March 1987 to 21 April 1987)" in wounded.notes[0]


def test_breakdowns_are_compared_separately(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        a = _add(session, 1, "214 dead, including 59 children.", None)
        b = _add(session, 2, "240 dead among them 61 children.", None)
        for doc, total, kids, tv, kv in (
            (a, "214 dead", "59 children", 214, 59),
            (b, "240 dead", "61 children", 240, 61),
        ):
            parent = _figure(session, doc, total, tv, "killed")
            _figure(session, doc, kids, kv, "killed", part_of_id=parent.id)
    with catalogue.reading() as session:
        comparisons = compare_figures(session)
    headline = [c for c in comparisons if c.subject is None]
    assert [(c.category, [g.label for g in c.groups]) for c in headline] == [
        ("killed", ["214", "240"])
    ]
    assert all(c.verdict == "differ" for c in comparisons)
    breakdown = [c for c in comparisons if c.subject == "children"]
    assert [[g.label for g in c.groups] for c in breakdown] == [["59", "61"]]
    assert len(comparisons) == 2


def test_chronology_orders_by_earliest_day(catalogue: Catalogue) -> None:
    text = "In 1931 it was built; on 12 March 1987 it failed; each year on 13 March we meet."
    with catalogue.writing() as session:
        doc = _add(session, 1, text, None)
        for quote, edtf in (
            ("12 March 1987", "1987-03-12"),
            ("each year on 13 March", "XXXX-03-13"),
            ("1931", "1931"),
        ):
            start = text.index(quote)
            add_tag(
                session,
                kind="date",
                document=doc,
                start=start,
                end=start + len(quote),
                values={"edtf": edtf},
                actor="t",
            )
    with catalogue.reading() as session:
        entries = chronology(session)
    assert [e.edtf for e in entries] == ["1931", "1987-03-12", "XXXX-03-13"]
    assert entries[0].document_ref == "CAT-000001"


def _compare_two(catalogue: Catalogue, first: tuple[str, dict], second: tuple[str, dict]):  # type: ignore[no-untyped-def,type-arg]
    """Two documents each stating one 'killed' figure (quote, extra tag values)."""
    with catalogue.writing() as session:
        for n, (quote, extra) in enumerate((first, second), start=1):
            doc = _add(session, n, f"Reports said {quote}.", f"1992-03-0{n}")
            _figure(session, doc, quote, extra.pop("value"), "killed", **extra)
    with catalogue.reading() as session:
        return {(c.category, c.subject): c for c in compare_figures(session)}


def test_qualifiers_decide_agreement_not_unequal_numbers(catalogue: Catalogue) -> None:
    result = _compare_two(
        catalogue,
        ("at least 7,779 killed", {"value": 7779, "qualifier": "at least"}),
        ("8,372 killed", {"value": 8372}),
    )
    killed = result[("killed", None)]
    assert killed.verdict == "agree"
    assert [g.label for g in killed.groups] == ["7,779", "8,372"]
    assert killed.notes == [
        "The figures are written differently but can all be true (at least 7,779; 8,372)."
    ]


def test_a_range_and_a_higher_lower_bound_differ(catalogue: Catalogue) -> None:
    result = _compare_two(
        catalogue,
        ("between 7,000 and 8,000 killed", {"value": 7000, "upper_value": 8000}),
        ("more than 8,000 killed", {"value": 8000, "qualifier": "more than"}),
    )
    killed = result[("killed", None)]
    assert killed.verdict == "differ"
    assert [g.label for g in killed.groups] == ["7,000–8,000", "8,000"]
    assert "different times (1 March 1992 to 2 March 1992)" in killed.notes[0]


def test_durations_are_not_compared_and_bodies_only_among_themselves(
    catalogue: Catalogue,
) -> None:
    """Years are never a group; countries are, under their own category (issue 17:
    "22 vs 24 U.S. states" is a disagreement worth showing), never with the toll."""
    with catalogue.writing() as session:
        for n, (countries, years) in enumerate(((17, 30), (22, 31)), start=1):
            text = f"{countries} countries condemned it, {years} years on; 212 dead."
            doc = _add(session, n, text, None)
            _figure(session, doc, f"{countries} countries", countries, None)  # type: ignore[arg-type]
            _figure(session, doc, f"{years} years", years, "killed")
            _figure(session, doc, "212 dead", 212, "killed")
    with catalogue.reading() as session:
        comparisons = compare_figures(session)
    assert sorted((c.category, c.subject, c.verdict) for c in comparisons) == [
        ("countries", None, "differ"),
        ("killed", None, "agree"),
    ]
    countries = next(c for c in comparisons if c.category == "countries")
    assert sorted(g.value for g in countries.groups) == [17, 22]


def test_a_cumulative_toll_is_kept_apart_from_one_event(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        a = _add(session, 1, "That night 613 dead. Since 1988 some 30,000 dead in the war.", None)
        b = _add(session, 2, "613 dead in one night.", None)
        _figure(session, a, "613 dead", 613, "killed")
        _figure(session, a, "30,000 dead", 30000, "killed", qualifier="about")
        _figure(session, b, "613 dead", 613, "killed")
    with catalogue.reading() as session:
        result = {(c.category, c.subject): c for c in compare_figures(session)}
    assert result[("killed", None)].verdict == "agree"
    assert [g.label for g in result[("killed", None)].groups] == ["613"]
    assert result[("killed", "cumulative")].verdict == "single source"


def test_cumulative_wording_is_read_from_the_whole_sentence(catalogue: Catalogue) -> None:
    """ "Since 1990" is further from the number than a tag's stored prefix reaches."""
    text = (
        "The dam failed. Since 1990 the floods in the whole of the Osk valley have "
        "killed more than 300 people. That night 127 people died."
    )
    with catalogue.writing() as session:
        for n in (1, 2):
            doc = _add(session, n, text, None)
            _figure(session, doc, "300 people", 300, "killed", qualifier="more than")
            _figure(session, doc, "127 people", 127, "killed")
    with catalogue.reading() as session:
        result = {(c.category, c.subject): c for c in compare_figures(session)}
    assert [g.label for g in result[("killed", None)].groups] == ["127"]
    assert [g.label for g in result[("killed", "cumulative")].groups] == ["300"]
    assert result[("killed", "cumulative")].verdict == "agree"
