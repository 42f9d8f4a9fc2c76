"""The comparison grouped by event: figures of different event records never meet."""

from __future__ import annotations

from db import event_records
from db.analysis import compare_figures
from db.catalogue import Catalogue
from db.models import EventRecord
from tests.db.test_analysis import _add, _figure


def _event(session, name: str, parent_ref: str | None = None) -> EventRecord:  # type: ignore[no-untyped-def]
    ref = event_records.create(session, name=name, actor="t", parent_ref=parent_ref).ref
    return event_records.require(session, ref)


def test_two_events_killed_figures_stay_apart(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        dam = _event(session, "Varnel dam collapse")
        market = _event(session, "Kessin market fire")
        for n, text, value, event in (
            (1, "212 dead at the dam.", 212, dam),
            (2, "212 dead at the dam.", 212, dam),
            (3, "40 dead in the fire.", 40, market),
            (4, "45 dead in the fire.", 45, market),
        ):
            doc = _add(session, n, text, None)
            tag = _figure(session, doc, f"{value} dead", value, "killed")
            tag.event_record_id = event.id
        refs = {dam.ref: "Varnel dam collapse", market.ref: "Kessin market fire"}
    with catalogue.reading() as session:
        killed = [c for c in compare_figures(session) if c.category == "killed"]
    by_event = {c.event_ref: c for c in killed}
    assert set(by_event) == set(refs)
    dam_group, market_group = (by_event[ref] for ref in refs)
    assert dam_group.event_name == "Varnel dam collapse"
    assert dam_group.verdict == "agree"
    assert dam_group.documents == ["CAT-000001", "CAT-000002"]
    assert market_group.verdict == "differ"
    assert market_group.documents == ["CAT-000003", "CAT-000004"]


def test_unlinked_figures_group_together_but_never_with_linked_ones(
    catalogue: Catalogue,
) -> None:
    with catalogue.writing() as session:
        dam = _event(session, "Varnel dam collapse")
        linked = _add(session, 1, "212 dead.", None)
        _figure(session, linked, "212 dead", 212, "killed").event_record_id = dam.id
        for n, value in ((2, 300), (3, 300)):
            doc = _add(session, n, f"{value} dead.", None)
            _figure(session, doc, f"{value} dead", value, "killed")
        dam_ref = dam.ref
    with catalogue.reading() as session:
        killed = [c for c in compare_figures(session) if c.category == "killed"]
    assert [(c.event_ref, c.documents, c.verdict) for c in killed] == [
        (None, ["CAT-000002", "CAT-000003"], "agree"),
        (dam_ref, ["CAT-000001"], "single source"),
    ]
    assert killed[0].event_name is None


def test_event_ids_keep_only_figures_linked_to_those_events(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        dam = _event(session, "Varnel dam collapse")
        market = _event(session, "Kessin market fire")
        for n, event in ((1, dam), (2, market), (3, None)):
            doc = _add(session, n, "212 dead.", None)
            tag = _figure(session, doc, "212 dead", 212, "killed")
            tag.event_record_id = event.id if event else None
        dam_id = dam.id
    with catalogue.reading() as session:
        only_dam = compare_figures(session, event_ids=[dam_id])
    assert [c.documents for c in only_dam] == [["CAT-000001"]]
