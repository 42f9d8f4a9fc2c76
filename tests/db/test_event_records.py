"""Event records: names in several scripts, dates, nesting, merge, split, undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import event_records as er
from db.catalogue import Catalogue
from db.models import DateTag, Event, EventRecord, EventRecordName, Figure


def _make(catalogue: Catalogue, name: str, **fields: Any) -> str:
    with catalogue.writing() as session:
        return er.create(session, name=name, actor="t", **fields).ref


def _state(catalogue: Catalogue) -> tuple[Any, ...]:
    """Every event record, name form and audit event: what a refusal must not change."""
    with catalogue.reading() as session:
        records = session.execute(
            select(
                EventRecord.ref,
                EventRecord.preferred_name,
                EventRecord.edtf,
                EventRecord.parent_id,
                EventRecord.deleted_at,
            ).order_by(EventRecord.id)
        ).all()
        names = session.execute(
            select(EventRecordName.event_record_id, EventRecordName.name).order_by(
                EventRecordName.id
            )
        ).all()
        events = session.execute(select(func.count(Event.id))).scalar()
    return tuple(records), tuple(names), events


def test_create_keeps_names_scripts_bounds_and_audits(catalogue: Catalogue) -> None:
    ref = _make(
        catalogue,
        "  Khojaly   massacre ",
        variants=["Xocalı soyqırımı", "Ходжалинская трагедия"],
        place="Khojaly",
        edtf="1992-02-25/1992-02-26",
        kind="killing",
    )
    assert ref == "EVT-000001"
    with catalogue.reading() as session:
        record = er.require(session, ref)
        assert record.preferred_name == "Khojaly massacre"
        assert [(n.name, n.script) for n in record.names] == [
            ("Khojaly massacre", "Latn"),
            ("Xocalı soyqırımı", "Latn"),
            ("Ходжалинская трагедия", "Cyrl"),
        ]
        assert (record.lower, record.upper) == ("1992-02-25", "1992-02-26")
        assert [r.ref for r in er.find(session, "xocali soyqirimi")] == [ref]
        assert [r.ref for r in er.find(session, "Khodzhalinskaya tragediya")] == [ref]
        assert er.find(session, "Khojaly flood") == []
        assert [r.ref for r in er.find(session, "massacre KHOJALY")] == [ref]
        action = session.execute(select(Event.action).order_by(Event.id.desc())).scalar()
    assert action == "create event record"


def test_nesting_and_parent_cycle_refused(catalogue: Catalogue) -> None:
    war = _make(catalogue, "First Nagorno-Karabakh War", kind="war", edtf="1988/1994")
    killing = _make(catalogue, "Khojaly massacre", parent_ref=war)
    with catalogue.reading() as session:
        assert [c.ref for c in er.children_of(session, er.require(session, war))] == [killing]
    before = _state(catalogue)
    for parent, words in ((killing, "contains it already"), (war, "part of itself")):
        with pytest.raises(er.EventRecordError) as refused, catalogue.writing() as session:
            er.edit(session, ref=war, parent_ref=parent, actor="t")
        assert words in str(refused.value) and "\n" not in str(refused.value)
    assert _state(catalogue) == before


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda s: er.create(s, name="  ", actor="t"), "cannot be empty"),
        (lambda s: er.create(s, name="X", edtf="1992-02-30", actor="t"), "not a valid EDTF"),
        (lambda s: er.create(s, name="X", parent_ref="EVT-999999", actor="t"), "EVT-999999"),
        (lambda s: er.edit(s, ref="EVT-999999", name="Y", actor="t"), "no event record"),
        (lambda s: er.edit(s, ref="EVT-000001", edtf="1992 / 1993", actor="t"), "EDTF"),
        (lambda s: er.edit(s, ref="EVT-000001", name="", actor="t"), "cannot be empty"),
        (lambda s: er.edit(s, ref="EVT-000001", kind="k" * 61, actor="t"), "short word"),
        (
            lambda s: er.merge(s, keep_ref="EVT-000001", merge_ref="evt-000001", actor="t"),
            "with itself",
        ),
        (lambda s: er.remove_name(s, ref="EVT-000001", name="A", actor="t"), "preferred name"),
        (lambda s: er.remove_name(s, ref="EVT-000001", name="Q", actor="t"), "no name form"),
        (lambda s: er.split(s, ref="EVT-000001", names=["A"], actor="t"), "at least one name"),
        (lambda s: er.split(s, ref="EVT-000001", actor="t"), "at least one name form, child"),
        (
            lambda s: er.split(s, ref="EVT-000001", figures=[1], new_name="C", actor="t"),
            "figure tag #1 is not linked to EVT-000001",
        ),
        (lambda s: er.split(s, ref="EVT-000001", children=["EVT-000002"], actor="t"), "within"),
        (lambda s: er.restore(s, ref="EVT-000001", actor="t"), "not in the trash"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    catalogue: Catalogue, call: Callable[[Session], object], words: str
) -> None:
    _make(catalogue, "A")
    _make(catalogue, "B")
    before = _state(catalogue)
    with pytest.raises(er.EventRecordError) as refused, catalogue.writing() as session:
        call(session)
    message = str(refused.value)
    assert words in message and "\n" not in message
    assert _state(catalogue) == before


def _first_tags(catalogue: Catalogue) -> tuple[int, int]:
    """A date tag and a figure of the sample documents."""
    with catalogue.reading() as session:
        date_id = session.execute(select(func.min(DateTag.id))).scalar_one()
        figure_id = session.execute(select(func.min(Figure.id))).scalar_one()
    return int(date_id), int(figure_id)


def test_merge_moves_names_children_and_links_and_undo_is_exact(
    sample_catalogue: Catalogue,
) -> None:
    catalogue = sample_catalogue
    keep = _make(catalogue, "Khojaly massacre", edtf="1992-02-26")
    other = _make(catalogue, "Xocalı soyqırımı", place="Khojaly", kind="killing")
    child = _make(catalogue, "Evacuation corridor shooting", parent_ref=other)
    date_id, figure_id = _first_tags(catalogue)
    with catalogue.writing() as session:
        other_id = er.require(session, other).id
        session.get_one(DateTag, date_id).event_record_id = other_id
        session.get_one(Figure, figure_id).event_record_id = other_id
    before = _state(catalogue)
    with catalogue.writing() as session:
        change = er.merge(session, keep_ref=keep, merge_ref=other, actor="t")
    with catalogue.reading() as session:
        kept = er.require(session, keep)
        assert [n.name for n in kept.names] == ["Khojaly massacre", "Xocalı soyqırımı"]
        assert (kept.place, kept.kind, kept.edtf) == ("Khojaly", "killing", "1992-02-26")
        assert [c.ref for c in er.children_of(session, kept)] == [child]
        assert session.get_one(Figure, figure_id).event_record_id == kept.id
        assert session.get_one(DateTag, date_id).event_record_id == kept.id
        assert er.require(session, other, live=False).deleted_at is not None
        assert [r.ref for r in er.find(session, "Xocali soyqirimi")] == [keep]
    with catalogue.writing() as session:
        undone = er.revert_change(session, change=change, actor="t")
    records, names, _events = _state(catalogue)
    assert (records, names) == before[:2]
    with catalogue.reading() as session:
        assert session.get_one(Figure, figure_id).event_record_id == other_id
        assert session.get_one(DateTag, date_id).event_record_id == other_id
    with catalogue.writing() as session:  # redo
        er.revert_change(session, change=undone, actor="t")
    with catalogue.reading() as session:
        assert er.require(session, other, live=False).deleted_at is not None
        assert session.get_one(Figure, figure_id).event_record_id == er.require(session, keep).id


def test_merging_a_record_into_one_within_it_is_refused(catalogue: Catalogue) -> None:
    war = _make(catalogue, "War")
    battle = _make(catalogue, "Battle", parent_ref=war)
    before = _state(catalogue)
    with pytest.raises(er.EventRecordError, match="other way round"), catalogue.writing() as s:
        er.merge(s, keep_ref=battle, merge_ref=war, actor="t")
    assert _state(catalogue) == before


def test_split_moves_forms_and_children_and_undo_removes_the_new_record(
    catalogue: Catalogue,
) -> None:
    war = _make(catalogue, "Karabakh war", variants=["Second Karabakh War", "44-day war"])
    battle = _make(catalogue, "Battle of Shusha", parent_ref=war)
    before = _state(catalogue)
    with catalogue.writing() as session:
        change = er.split(
            session,
            ref=war,
            names=["second karabakh war", "44-day war"],
            children=[battle],
            actor="t",
        )
    with catalogue.reading() as session:
        new = er.require(session, change.ref)
        assert [n.name for n in new.names] == ["Second Karabakh War", "44-day war"]
        assert [c.ref for c in er.children_of(session, new)] == [battle]
        assert [n.name for n in er.require(session, war).names] == ["Karabakh war"]
    with catalogue.writing() as session:
        er.revert_change(session, change=change, actor="t")
    assert _state(catalogue)[:2] == before[:2]
    with catalogue.reading() as session:
        assert (
            session.execute(select(EventRecord).where(EventRecord.ref == change.ref)).scalar()
            is None
        )


def test_split_moves_linked_claims_with_their_status_and_undo_puts_them_back(
    sample_catalogue: Catalogue,
) -> None:
    catalogue = sample_catalogue
    dam = _make(catalogue, "Halvern dam failure", variants=["Halvern flood"])
    date_id, figure_id = _first_tags(catalogue)
    with catalogue.writing() as session:
        dam_id = er.require(session, dam).id
        for model, tag_id in ((DateTag, date_id), (Figure, figure_id)):
            tag = session.get_one(model, tag_id)
            tag.event_record_id, tag.event_link_status = dam_id, "suggested"
    with catalogue.writing() as session:
        change = er.split(session, ref=dam, names=["Halvern flood"], figures=[figure_id], actor="t")
    with catalogue.reading() as session:
        new = er.require(session, change.ref)
        figure = session.get_one(Figure, figure_id)
        assert (figure.event_record_id, figure.event_link_status) == (new.id, "suggested")
        assert session.get_one(DateTag, date_id).event_record_id == dam_id  # not chosen
    assert [s.figure_ids for s in change.after] == [(), (figure_id,)]
    with catalogue.writing() as session:
        er.revert_change(session, change=change, actor="t")
    with catalogue.reading() as session:
        figure = session.get_one(Figure, figure_id)
        assert (figure.event_record_id, figure.event_link_status) == (dam_id, "suggested")
        assert er.find(session, "Halvern flood") == [er.require(session, dam)]


def test_undo_create_then_redo_keeps_code_and_uid(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        change = er.create(session, name="Flood", edtf="1911", actor="t")
        uid = er.require(session, change.ref).uid
    with catalogue.writing() as session:
        undone = er.revert_change(session, change=change, actor="t")
    with catalogue.reading() as session:
        assert er.list_records(session) == []
    with catalogue.writing() as session:
        er.revert_change(session, change=undone, actor="t")
    with catalogue.reading() as session:
        again = er.require(session, change.ref)
        assert (again.uid, again.edtf, again.lower) == (uid, "1911", "1911-01-01")


def test_undo_is_refused_once_the_record_changed_again(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        change = er.edit(session, ref=_make_in(session, "Flood"), place="Town", actor="t")
    with catalogue.writing() as session:
        er.edit(session, ref=change.ref, place="City", actor="t")
    before = _state(catalogue)
    with pytest.raises(er.EventRecordError, match="has changed"), catalogue.writing() as s:
        er.revert_change(s, change=change, actor="t")
    assert _state(catalogue) == before


def _make_in(session: Session, name: str) -> str:
    return er.create(session, name=name, actor="t").ref


def test_edit_clears_with_empty_and_keeps_old_name_as_a_form(catalogue: Catalogue) -> None:
    ref = _make(catalogue, "Flood", place="Town", kind="disaster", notes="first note")
    with catalogue.writing() as session:
        er.edit(session, ref=ref, name="Great flood", place="", notes="", actor="t")
        er.add_name(session, ref=ref, name="Наводнение", actor="t")
        er.remove_name(session, ref=ref, name="Flood", actor="t")
    with catalogue.reading() as session:
        record = er.require(session, ref)
        assert (record.preferred_name, record.place, record.kind, record.notes) == (
            "Great flood",
            None,
            "disaster",
            None,
        )
        assert [(n.name, n.script) for n in record.names] == [
            ("Great flood", "Latn"),
            ("Наводнение", "Cyrl"),
        ]


def test_trash_and_restore(catalogue: Catalogue) -> None:
    ref = _make(catalogue, "Flood")
    with catalogue.writing() as session:
        er.trash(session, ref=ref, actor="t")
    with catalogue.reading() as session:
        assert er.list_records(session) == [] and er.find(session, "flood") == []
        assert [r.ref for r in er.list_records(session, trashed=True)] == [ref]
    with pytest.raises(er.EventRecordError, match="in the trash"), catalogue.writing() as s:
        er.edit(s, ref=ref, place="x", actor="t")
    with catalogue.writing() as session:
        er.restore(session, ref=ref, actor="t")
    with catalogue.reading() as session:
        assert [r.ref for r in er.list_records(session)] == [ref]


def test_one_edit_renames_adds_and_drops_forms_and_undoes_as_one(catalogue: Catalogue) -> None:
    ref = _make(catalogue, "Flood", variants=["Fluss"])
    before = _state(catalogue)
    with catalogue.writing() as session:
        change = er.edit(
            session,
            ref=ref,
            name="Great flood",
            add_names=["Наводнение"],
            remove_names=["Flood", "Fluss"],
            notes="line one\nline two\x07",
            actor="t",
        )
    with catalogue.reading() as session:
        record = er.require(session, ref)
        assert [n.name for n in record.names] == ["Great flood", "Наводнение"]
        assert record.notes == "line one\nline two"
    with catalogue.writing() as session:
        er.revert_change(session, change=change, actor="t")
    assert _state(catalogue)[:2] == before[:2]
