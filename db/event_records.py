"""Event records: authority records for events, as ``db.people`` keeps them for people.

Sources call one event "the Khojaly massacre", "Xocalı soyqırımı" or "Ходжалинская
трагедия"; an event record keeps every name form (with its script and the
``fold_name`` key used for matching), a place, an EDTF date with its day bounds, a
kind, and the larger event it is part of. Every change is audited and returns an
``EventRecordChange`` holding the touched records before and after, which
``revert_change`` puts back exactly (the window's undo and redo).

Bad input raises ``EventRecordError`` with a one-line message before anything is
written. Optional text fields follow one rule in ``edit``: None leaves a field as it
is, an empty string clears it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db import audit
from db.dates import edtf_bounds, is_valid_edtf
from db.event_record_states import (
    EventRecordChange,
    RecordState,
    by_ref,
    capture,
    restore_states,
    set_names,
)
from db.folding import fold_name
from db.models import DateTag, EventRecord, EventRecordName, Figure, utcnow
from db.refs import EVENT_RECORD_PREFIX, next_ref
from db.sanitize import clean_field, strip_controls

__all__ = ["EventRecordChange", "EventRecordError", "RecordState"]

MAX_KIND = 60


class EventRecordError(ValueError):
    """An event record operation the catalogue refuses; the message is for the user."""


def _name(value: str) -> str:
    name = " ".join(clean_field(value).split())
    if not name:
        raise EventRecordError("an event record's name cannot be empty")
    return name


def _optional(value: str | None) -> str | None:
    return (clean_field(value) or None) if value is not None else None


def _kind(value: str | None) -> str | None:
    kind = _optional(value)
    if kind is not None and len(kind) > MAX_KIND:
        raise EventRecordError(f"an event kind is a short word (at most {MAX_KIND} characters)")
    return kind


def _date(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(edtf, lower, upper) for *value*; refuses what ``db.dates`` cannot read."""
    text = _optional(value)
    if text is None:
        return None, None, None
    if not is_valid_edtf(text):
        raise EventRecordError(
            f"{text!r} is not a valid EDTF date (e.g. 1992-02-26, 1992-02, 1988/1994)"
        )
    lower, upper = edtf_bounds(text)
    return text, lower, upper


def require(session: Session, ref: str, *, live: bool = True) -> EventRecord:
    """The record *ref*; with *live*, one that is not in the trash."""
    record = by_ref(session, ref.strip().upper())
    if record is None:
        raise EventRecordError(f"no event record {ref.strip()!r}")
    if live and record.deleted_at is not None:
        raise EventRecordError(f"{record.ref} is in the trash; restore it first")
    return record


def ancestors(session: Session, record: EventRecord) -> list[EventRecord]:
    """The events *record* lies within, innermost first (stops at a loop)."""
    found: list[EventRecord] = []
    current = record
    while current.parent_id is not None:
        parent = session.get(EventRecord, current.parent_id)
        if parent is None or parent in found or parent is record:
            break
        found.append(parent)
        current = parent
    return found


def _parent(session: Session, record: EventRecord | None, parent_ref: str) -> int | None:
    """The id to store for *parent_ref* ("" = none), refusing a loop."""
    if not parent_ref.strip():
        return None
    parent = require(session, parent_ref)
    if record is not None and (parent is record or record in ancestors(session, parent)):
        raise EventRecordError(
            f"{parent.ref} cannot contain {record.ref}: {record.ref} contains it already"
            if parent is not record
            else f"{record.ref} cannot be part of itself"
        )
    return parent.id


def _changing(
    session: Session, *, action: str, refs: list[str], actor: str, run: Callable[[], str]
) -> EventRecordChange:
    """Run *run* (which returns the record the change is about) between captures of
    the records *refs* and the returned one, and audit it."""
    before = capture(session, refs)
    ref = run()
    after = capture(session, [*refs, ref])
    detail = _difference(before, after)
    audit.record(session, action=action, actor=actor, target=ref, detail=detail)
    return EventRecordChange(action, ref, before, after)


def _difference(before: tuple[RecordState, ...], after: tuple[RecordState, ...]) -> dict[str, Any]:
    """What changed, for the audit trail: per record, the fields with new values."""
    old = {s.ref: s for s in before}
    detail: dict[str, Any] = {}
    for state in after:
        was = old.get(state.ref)
        fields = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in vars(state).items()
            if was is None or getattr(was, key) != value
        }
        if fields:
            detail[state.ref] = fields
    return detail


def create(
    session: Session,
    *,
    name: str,
    actor: str,
    place: str | None = None,
    edtf: str | None = None,
    kind: str | None = None,
    parent_ref: str | None = None,
    notes: str | None = None,
    variants: Sequence[str] = (),
) -> EventRecordChange:
    """A new event record named *name*, with other name forms *variants*."""
    preferred = _name(name)
    forms = list(dict.fromkeys([preferred, *(_name(v) for v in variants)]))
    date, lower, upper = _date(edtf)
    record_kind = _kind(kind)
    parent_id = _parent(session, None, parent_ref or "")

    def run() -> str:
        record = EventRecord(
            ref=next_ref(session, EVENT_RECORD_PREFIX),
            preferred_name=preferred,
            place=_optional(place),
            edtf=date,
            lower=lower,
            upper=upper,
            kind=record_kind,
            parent_id=parent_id,
            notes=strip_controls(notes).strip() or None if notes else None,
        )
        session.add(record)
        session.flush()
        set_names(session, record, tuple(forms))
        return record.ref

    return _changing(session, action="create event record", refs=[], actor=actor, run=run)


def edit(
    session: Session,
    *,
    ref: str,
    actor: str,
    name: str | None = None,
    place: str | None = None,
    edtf: str | None = None,
    kind: str | None = None,
    parent_ref: str | None = None,
    notes: str | None = None,
    add_names: Sequence[str] = (),
    remove_names: Sequence[str] = (),
) -> EventRecordChange:
    """Change the given fields (None: unchanged; "": cleared) and name forms, in one
    change. A new preferred name is added to the name forms; the old one stays as a
    form unless *remove_names* drops it."""
    record = require(session, ref)
    preferred = _name(name) if name is not None else None
    date = _date(edtf) if edtf is not None else None
    record_kind = _kind(kind) if kind is not None else None
    parent_id = _parent(session, record, parent_ref) if parent_ref is not None else None
    current = [n.name for n in record.names]
    removing = {_name(n) for n in remove_names}
    unknown = sorted(removing - set(current))
    if unknown:
        raise EventRecordError(f"{record.ref} has no name form {unknown[0]!r}")
    if (preferred or record.preferred_name) in removing:
        raise EventRecordError(
            f"{preferred or record.preferred_name!r} is the preferred name of {record.ref};"
            " choose another preferred name first"
        )
    forms = [*current, *([preferred] if preferred else []), *(_name(n) for n in add_names)]
    wanted = tuple(f for f in dict.fromkeys(forms) if f not in removing)

    def run() -> str:
        if preferred is not None:
            record.preferred_name = preferred
        if wanted != tuple(current):
            set_names(session, record, wanted)
        if place is not None:
            record.place = _optional(place)
        if date is not None:
            record.edtf, record.lower, record.upper = date
        if kind is not None:
            record.kind = record_kind
        if parent_ref is not None:
            record.parent_id = parent_id
        if notes is not None:
            record.notes = strip_controls(notes).strip() or None
        return record.ref

    return _changing(session, action="edit event record", refs=[record.ref], actor=actor, run=run)


def add_name(session: Session, *, ref: str, name: str, actor: str) -> EventRecordChange:
    """Another form of the record's name (nothing changes if it has it already)."""
    record = require(session, ref)
    form = _name(name)
    names = tuple(n.name for n in record.names)

    def run() -> str:
        if form not in names:
            set_names(session, record, (*names, form))
        return record.ref

    return _changing(
        session, action="add event record name", refs=[record.ref], actor=actor, run=run
    )


def remove_name(session: Session, *, ref: str, name: str, actor: str) -> EventRecordChange:
    """Drop a name form; the preferred name cannot be dropped (change it first)."""
    record = require(session, ref)
    form = _name(name)
    names = tuple(n.name for n in record.names)
    if form not in names:
        raise EventRecordError(f"{record.ref} has no name form {form!r}")
    if form == record.preferred_name:
        raise EventRecordError(
            f"{form!r} is the preferred name of {record.ref}; choose another preferred name first"
        )

    def run() -> str:
        set_names(session, record, tuple(n for n in names if n != form))
        return record.ref

    return _changing(
        session, action="remove event record name", refs=[record.ref], actor=actor, run=run
    )


def _children(session: Session, record: EventRecord) -> list[EventRecord]:
    return list(
        session.execute(
            select(EventRecord).where(EventRecord.parent_id == record.id).order_by(EventRecord.id)
        ).scalars()
    )


def merge(session: Session, *, keep_ref: str, merge_ref: str, actor: str) -> EventRecordChange:
    """Fold record *merge_ref* into *keep_ref*: its name forms, the events within it
    and the figures and dates linked to it move over; fields *keep_ref* lacks are
    taken from it; it goes to the trash (keeping its code, so the merge can be undone).
    """
    keep = require(session, keep_ref)
    other = require(session, merge_ref)
    if keep is other:
        raise EventRecordError(f"cannot merge {keep.ref} with itself")
    if other in ancestors(session, keep):
        raise EventRecordError(
            f"{keep.ref} lies within {other.ref}; merge {other.ref} the other way round"
        )
    children = _children(session, other)

    def run() -> str:
        # The merged record keeps its own forms too, so restoring it from the trash
        # gives a named record back; found records are live ones only.
        forms = [*(n.name for n in keep.names), *(n.name for n in other.names)]
        set_names(session, keep, tuple(dict.fromkeys(forms)))
        for child in children:
            child.parent_id = keep.id
        for model in (Figure, DateTag):
            session.execute(
                update(model)
                .where(model.event_record_id == other.id)
                .values(event_record_id=keep.id)
            )
        keep.place = keep.place or other.place
        keep.kind = keep.kind or other.kind
        keep.notes = keep.notes or other.notes
        if keep.edtf is None:
            keep.edtf, keep.lower, keep.upper = other.edtf, other.lower, other.upper
        inherited = session.get(EventRecord, other.parent_id) if other.parent_id else None
        if (
            keep.parent_id is None
            and inherited is not None
            and inherited is not keep
            and keep not in ancestors(session, inherited)
        ):
            keep.parent_id = inherited.id
        other.deleted_at = utcnow()
        return keep.ref

    refs = [keep.ref, other.ref, *(c.ref for c in children)]
    return _changing(session, action="merge event records", refs=refs, actor=actor, run=run)


def split(
    session: Session,
    *,
    ref: str,
    actor: str,
    names: Sequence[str] = (),
    children: Sequence[str] = (),
    new_name: str | None = None,
    figures: Sequence[int] = (),
    dates: Sequence[int] = (),
) -> EventRecordChange:
    """Move the name forms *names*, the child events *children* and the figures and
    dates (tag ids) linked to *ref* to a new record (named *new_name*, or after the
    first moved form), which takes the source's kind, place and parent. The source
    keeps at least one name form. A moved claim keeps its link's status and role: the
    split says which event it is about no more surely than the link did."""
    source = require(session, ref)
    wanted = {fold_name(_name(n)) for n in names}
    moving = [n.name for n in source.names if n.folded in wanted or n.name in names]
    missing = [n for n in names if fold_name(_name(n)) not in {fold_name(m) for m in moving}]
    if missing:
        raise EventRecordError(f"{source.ref} has no name form {missing[0]!r}")
    own_children = {c.ref: c for c in _children(session, source)}
    moved_children = []
    for child_ref in children:
        child = own_children.get(child_ref.strip().upper())
        if child is None:
            raise EventRecordError(f"{child_ref.strip()!r} is not an event within {source.ref}")
        moved_children.append(child)
    moved_claims = _linked_tags(session, source, figures=figures, dates=dates)
    if not moving and not moved_children and not moved_claims:
        raise EventRecordError(
            "a split must move at least one name form, child event, figure or date"
        )
    staying = [n.name for n in source.names if n.name not in moving]
    if not staying:
        raise EventRecordError("a split must leave at least one name form on the original record")
    if new_name is None and not moving:
        raise EventRecordError("name the new record when no name forms move to it")
    preferred = _name(new_name) if new_name is not None else moving[0]

    def run() -> str:
        target = EventRecord(
            ref=next_ref(session, EVENT_RECORD_PREFIX),
            preferred_name=preferred,
            place=source.place,
            kind=source.kind,
            parent_id=source.parent_id,
        )
        session.add(target)
        session.flush()
        set_names(session, target, tuple(dict.fromkeys([preferred, *moving])))
        set_names(session, source, tuple(staying))
        if source.preferred_name in moving:
            source.preferred_name = staying[0]
        for child in moved_children:
            child.parent_id = target.id
        for tag in moved_claims:
            tag.event_record_id = target.id
        return target.ref

    refs = [source.ref, *(c.ref for c in moved_children)]
    return _changing(session, action="split event record", refs=refs, actor=actor, run=run)


def _linked_tags(
    session: Session, record: EventRecord, *, figures: Sequence[int], dates: Sequence[int]
) -> list[Figure | DateTag]:
    """The figures and dates *figures*/*dates* (tag ids), each of which must be linked
    to *record*."""
    found: list[Figure | DateTag] = []
    wanted: list[tuple[str, Figure | DateTag | None, int]] = [
        *(("figure", session.get(Figure, i), i) for i in dict.fromkeys(figures)),
        *(("date", session.get(DateTag, i), i) for i in dict.fromkeys(dates)),
    ]
    for kind, tag, tag_id in wanted:
        if tag is None or tag.event_record_id != record.id:
            raise EventRecordError(f"{kind} tag #{tag_id} is not linked to {record.ref}")
        found.append(tag)
    return found


def trash(session: Session, *, ref: str, actor: str) -> EventRecordChange:
    """Move a record to the trash; it keeps its names and links and can be restored."""
    record = require(session, ref)

    def run() -> str:
        record.deleted_at = utcnow()
        return record.ref

    return _changing(session, action="trash event record", refs=[record.ref], actor=actor, run=run)


def restore(session: Session, *, ref: str, actor: str) -> EventRecordChange:
    record = require(session, ref, live=False)
    if record.deleted_at is None:
        raise EventRecordError(f"{record.ref} is not in the trash")

    def run() -> str:
        record.deleted_at = None
        return record.ref

    return _changing(
        session, action="restore event record", refs=[record.ref], actor=actor, run=run
    )


def revert_change(session: Session, *, change: EventRecordChange, actor: str) -> EventRecordChange:
    """Undo *change*: every record it touched goes back to its state before. The
    returned change undoes this one, so redo is another revert."""
    if capture(session, list(change.refs)) != change.after:
        raise EventRecordError(
            f"{change.ref} has changed since this {change.action}; it cannot be undone"
        )

    def run() -> str:
        restore_states(session, wanted=change.before, refs=change.refs)
        return change.ref

    return _changing(
        session, action="revert event record change", refs=list(change.refs), actor=actor, run=run
    )


def find(session: Session, name: str) -> list[EventRecord]:
    """Live records one of whose name forms folds to the same key as *name*."""
    key = fold_name(name)
    if not key:
        return []
    return list(
        session.execute(
            select(EventRecord)
            .join(EventRecordName)
            .where(EventRecordName.folded == key, EventRecord.deleted_at.is_(None))
            .distinct()
            .order_by(EventRecord.id)
        ).scalars()
    )


def list_records(session: Session, *, trashed: bool = False) -> list[EventRecord]:
    """Live records (or, with *trashed*, those in the trash), earliest date first."""
    deleted = EventRecord.deleted_at.is_not(None) if trashed else EventRecord.deleted_at.is_(None)
    return list(
        session.execute(
            select(EventRecord)
            .where(deleted)
            .order_by(EventRecord.lower.is_(None), EventRecord.lower, EventRecord.preferred_name)
        ).scalars()
    )


def children_of(session: Session, record: EventRecord) -> list[EventRecord]:
    """Live events directly within *record*."""
    return [c for c in _children(session, record) if c.deleted_at is None]
