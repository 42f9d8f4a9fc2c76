"""Event record operations as the window and the CLI call them: changes and undo."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.models import Document, Event, EventRecord, Figure
from desktop.core import event_records as ops


def _audit_count(catalogue: Catalogue) -> int:
    with catalogue.reading() as session:
        return int(session.execute(select(func.count(Event.id))).scalar_one())


def test_rows_read_as_a_tree_with_dates_in_words(catalogue: Catalogue) -> None:
    war = ops.create_event_record(
        catalogue, name="First Nagorno-Karabakh War", edtf="1988/1994", kind="war"
    ).value.ref
    killing = ops.create_event_record(
        catalogue,
        name="Khojaly massacre",
        variants=["Xocalı soyqırımı"],
        edtf="1992-02-26",
        parent_ref=war,
        place="Khojaly",
    )
    assert killing.changes.event_records and not killing.changes.people
    flood = ops.create_event_record(catalogue, name="Flood", edtf="1911").value.ref
    rows = ops.event_record_rows(catalogue)
    assert [(r.ref, r.depth, r.parent_ref) for r in rows] == [
        (flood, 0, None),
        (war, 0, None),
        (killing.value.ref, 1, war),
    ]
    assert rows[2].names == ("Xocalı soyqırımı",)
    assert rows[2].date_words and "1992" in rows[2].date_words
    detail = ops.event_record_detail(catalogue, killing.value.ref.lower())
    assert detail.within == ((war, "First Nagorno-Karabakh War"),)
    assert detail.names == (("Khojaly massacre", "Latn"), ("Xocalı soyqırımı", "Latn"))
    assert ops.event_record_detail(catalogue, war).children == (
        (killing.value.ref, "Khojaly massacre"),
    )
    assert ops.find_event_records(catalogue, "XOCALI SOYQIRIMI") == [killing.value.ref]


def test_create_edit_and_merge_undo_and_redo(catalogue: Catalogue) -> None:
    created = ops.create_event_record(catalogue, name="Flood", place="Town")
    ref = created.value.ref
    edited = ops.edit_event_record(catalogue, ref=ref, place="City", kind="disaster")
    other = ops.create_event_record(catalogue, name="Great flood of 1911").value.ref
    merged = ops.merge_event_records(catalogue, keep_ref=ref, merge_ref=other)
    assert [r.ref for r in ops.event_record_rows(catalogue)] == [ref]

    undo_merge = ops.revert_event_record_change(catalogue, change=merged.value)
    assert sorted(r.ref for r in ops.event_record_rows(catalogue)) == [ref, other]
    assert ops.event_record_detail(catalogue, ref).names == (("Flood", "Latn"),)
    ops.revert_event_record_change(catalogue, change=undo_merge.value)  # redo
    assert [r.ref for r in ops.event_record_rows(catalogue, trashed=True)] == [other]
    undo_again = ops.revert_event_record_change(catalogue, change=merged.value)
    assert undo_again.value.action == "revert event record change"

    ops.revert_event_record_change(catalogue, change=edited.value)
    detail = ops.event_record_detail(catalogue, ref)
    assert (detail.place, detail.kind) == ("Town", None)
    ops.revert_event_record_change(catalogue, change=created.value)
    with pytest.raises(ops.EventRecordError, match="no event record"):
        ops.event_record_detail(catalogue, ref)


def test_merge_reports_the_documents_whose_tags_moved(sample_catalogue: Catalogue) -> None:
    keep = ops.create_event_record(sample_catalogue, name="Khojaly massacre").value.ref
    other = ops.create_event_record(sample_catalogue, name="Xocalı faciəsi").value.ref
    with sample_catalogue.writing() as session:
        figure = session.execute(select(Figure).order_by(Figure.id).limit(1)).scalar_one()
        figure.event_record_id = session.execute(
            select(EventRecord.id).where(EventRecord.ref == other)
        ).scalar_one()
        document_ref = session.get_one(Document, figure.document_id).ref
    done = ops.merge_event_records(sample_catalogue, keep_ref=keep, merge_ref=other)
    assert done.changes.tags_of == frozenset({document_ref})
    assert ops.event_record_detail(sample_catalogue, keep).figures == 1


def test_split_and_trash_through_the_core(catalogue: Catalogue) -> None:
    ref = ops.create_event_record(
        catalogue, name="Karabakh war", variants=["Second Karabakh War"]
    ).value.ref
    split = ops.split_event_record(catalogue, ref=ref, names=["Second Karabakh War"])
    assert ops.event_record_detail(catalogue, split.value.ref).name == "Second Karabakh War"
    ops.add_event_record_name(catalogue, ref=ref, name="Карабахская война")
    ops.remove_event_record_name(catalogue, ref=ref, name="Карабахская война")
    ops.trash_event_record(catalogue, ref=ref)
    assert [r.ref for r in ops.event_record_rows(catalogue)] == [split.value.ref]
    ops.restore_event_record(catalogue, ref=ref)
    assert len(ops.event_record_rows(catalogue)) == 2


def test_refused_operation_changes_nothing(catalogue: Catalogue) -> None:
    ref = ops.create_event_record(catalogue, name="Flood").value.ref
    events = _audit_count(catalogue)
    with pytest.raises(ops.EventRecordError) as refused:
        ops.edit_event_record(catalogue, ref=ref, edtf="the day after the flood")
    assert str(refused.value).startswith("Date: cannot read “the day after the flood”")
    assert "\n" not in str(refused.value)
    with pytest.raises(ops.EventRecordError, match="itself"):
        ops.merge_event_records(catalogue, keep_ref=ref, merge_ref=ref)
    assert _audit_count(catalogue) == events
    assert ops.event_record_detail(catalogue, ref).edtf is None


def test_an_event_date_typed_in_words_is_stored_as_edtf(catalogue: Catalogue) -> None:
    ref = ops.create_event_record(catalogue, name="Flood", edtf="25–26 Feb 1992").value.ref
    detail = ops.event_record_detail(catalogue, ref)
    assert (detail.edtf, detail.lower, detail.upper) == (
        "1992-02-25/1992-02-26",
        "1992-02-25",
        "1992-02-26",
    )
    ops.edit_event_record(catalogue, ref=ref, edtf="spring 1943")
    assert ops.event_record_detail(catalogue, ref, locale="ru").date_words == "весна 1943 г."
    ops.edit_event_record(catalogue, ref=ref, edtf="")
    assert ops.event_record_detail(catalogue, ref).edtf is None


def test_a_parent_loop_written_by_another_program_still_lists_each_record_once(
    catalogue: Catalogue,
) -> None:
    first = ops.create_event_record(catalogue, name="A").value.ref
    second = ops.create_event_record(catalogue, name="B", parent_ref=first).value.ref
    with catalogue.writing() as session:
        records = {r.ref: r for r in session.execute(select(EventRecord)).scalars()}
        records[first].parent_id = records[second].id
    rows = ops.event_record_rows(catalogue)
    assert sorted(r.ref for r in rows) == [first, second]
    assert [r.depth for r in rows] == [0, 1]
    with pytest.raises(ops.EventRecordError, match="contains it already"):
        ops.edit_event_record(catalogue, ref=second, parent_ref=first)


def test_split_moving_claims_reports_their_documents(sample_catalogue: Catalogue) -> None:
    ref = ops.create_event_record(sample_catalogue, name="Halvern dam failure").value.ref
    with sample_catalogue.writing() as session:
        figure = session.execute(select(Figure).order_by(Figure.id).limit(1)).scalar_one()
        figure.event_record_id = session.execute(
            select(EventRecord.id).where(EventRecord.ref == ref)
        ).scalar_one()
        figure_id = figure.id
        document_ref = session.get_one(Document, figure.document_id).ref
    done = ops.split_event_record(
        sample_catalogue, ref=ref, figures=[figure_id], new_name="Halvern flood"
    )
    assert done.changes.tags_of == frozenset({document_ref}) and done.changes.event_records
    assert ops.event_record_detail(sample_catalogue, done.value.ref).figures == 1
    assert ops.event_record_detail(sample_catalogue, ref).figures == 0
    undone = ops.revert_event_record_change(sample_catalogue, change=done.value)
    assert undone.changes.tags_of == frozenset({document_ref})
    assert ops.event_record_detail(sample_catalogue, ref).figures == 1
