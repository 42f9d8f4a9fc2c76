"""Exact before/after states of event records, so every change to them can be undone.

Each operation in ``db.event_records`` captures the records it may touch before and
after it runs; ``revert`` puts each one back as it was — fields, name forms, the
parent, the figures and date tags linked to it — creating a record that was removed
or removing one that was made. Records are keyed by reference code, never by row id,
so a record recreated by a redo keeps its code and UID. Merging trashes rather than
deletes the merged record for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from db.folding import fold_name
from db.models import DateTag, EventRecord, EventRecordName, Figure
from db.people import script_of


@dataclass(frozen=True)
class RecordState:
    """Everything about one event record that an operation may change."""

    ref: str
    uid: str
    preferred_name: str
    place: str | None
    edtf: str | None
    lower: str | None
    upper: str | None
    kind: str | None
    parent_ref: str | None
    notes: str | None
    created_at: str
    deleted_at: str | None
    names: tuple[str, ...]
    figure_ids: tuple[int, ...]
    date_tag_ids: tuple[int, ...]


@dataclass(frozen=True)
class EventRecordChange:
    """What one operation did: *ref* is the record it was about (the new one for a
    create or split); *before* and *after* hold every record it touched (a record
    absent from a side did not exist then)."""

    action: str
    ref: str
    before: tuple[RecordState, ...]
    after: tuple[RecordState, ...]

    @property
    def refs(self) -> tuple[str, ...]:
        seen = dict.fromkeys(s.ref for s in (*self.before, *self.after))
        return tuple(seen)


def by_ref(session: Session, ref: str) -> EventRecord | None:
    return session.execute(select(EventRecord).where(EventRecord.ref == ref)).scalar()


def capture(session: Session, refs: list[str]) -> tuple[RecordState, ...]:
    """The current states of the records *refs* that exist, in the order given."""
    session.flush()
    states = []
    for ref in dict.fromkeys(refs):
        record = by_ref(session, ref)
        if record is None:
            continue
        session.refresh(record)
        parent = session.get(EventRecord, record.parent_id) if record.parent_id else None
        figure_ids = session.execute(
            select(Figure.id).where(Figure.event_record_id == record.id).order_by(Figure.id)
        ).scalars()
        date_ids = session.execute(
            select(DateTag.id).where(DateTag.event_record_id == record.id).order_by(DateTag.id)
        ).scalars()
        states.append(
            RecordState(
                ref=record.ref,
                uid=record.uid,
                preferred_name=record.preferred_name,
                place=record.place,
                edtf=record.edtf,
                lower=record.lower,
                upper=record.upper,
                kind=record.kind,
                parent_ref=parent.ref if parent is not None else None,
                notes=record.notes,
                created_at=record.created_at,
                deleted_at=record.deleted_at,
                names=tuple(n.name for n in record.names),
                figure_ids=tuple(figure_ids),
                date_tag_ids=tuple(date_ids),
            )
        )
    return tuple(states)


def set_names(session: Session, record: EventRecord, names: tuple[str, ...]) -> None:
    """Make *names* exactly the record's name forms (in that order)."""
    session.execute(delete(EventRecordName).where(EventRecordName.event_record_id == record.id))
    session.flush()
    session.expire(record, ["names"])
    for name in names:
        session.add(
            EventRecordName(
                event_record_id=record.id, name=name, script=script_of(name), folded=fold_name(name)
            )
        )
    session.flush()
    session.expire(record, ["names"])


def _apply(session: Session, record: EventRecord, state: RecordState) -> None:
    parent = by_ref(session, state.parent_ref) if state.parent_ref else None
    record.preferred_name = state.preferred_name
    record.place, record.kind, record.notes = state.place, state.kind, state.notes
    record.edtf, record.lower, record.upper = state.edtf, state.lower, state.upper
    record.parent_id = parent.id if parent is not None else None
    record.deleted_at = state.deleted_at
    set_names(session, record, state.names)
    for model, ids in ((Figure, state.figure_ids), (DateTag, state.date_tag_ids)):
        session.execute(
            update(model)
            .where(model.event_record_id == record.id, model.id.not_in(ids))
            .values(event_record_id=None)
        )
        if ids:
            session.execute(
                update(model).where(model.id.in_(ids)).values(event_record_id=record.id)
            )


def restore_states(
    session: Session, *, wanted: tuple[RecordState, ...], refs: tuple[str, ...]
) -> None:
    """Bring the records *refs* to the states *wanted*: a ref without a wanted state
    is removed, a wanted state without a record is recreated (same code and UID)."""
    states = {state.ref: state for state in wanted}
    for state in wanted:  # first make every record exist, so parents resolve
        if by_ref(session, state.ref) is None:
            session.add(
                EventRecord(
                    ref=state.ref,
                    uid=state.uid,
                    preferred_name=state.preferred_name,
                    created_at=state.created_at,
                )
            )
    session.flush()
    for state in wanted:
        record = by_ref(session, state.ref)
        assert record is not None  # made just above
        _apply(session, record, state)
    for ref in refs:
        record = by_ref(session, ref)
        if ref not in states and record is not None:
            session.delete(record)
    session.flush()
