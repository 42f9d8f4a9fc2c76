"""Event records: the list, one record, and every change a person makes to them.

Each operation runs in its own write transaction and returns the
``EventRecordChange`` the catalogue recorded; ``revert_event_record_change`` runs its
inverse, and returns the change that undoes *that*, so the window's undo and redo are
repeated reverts (as for tags). Unlike a people merge, an event merge is undoable:
the merged record goes to the trash with its code instead of being deleted.
Refusals raise ``EventRecordError`` with one line and change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import event_records as records
from db.catalogue import Catalogue
from db.date_input import DateInputError, read_date_input
from db.date_locales import DEFAULT_DATE_LOCALE
from db.date_words import in_words
from db.event_records import EventRecordChange, EventRecordError
from db.models import DateTag, Document, EventRecord, EventRecordName, Figure
from desktop.core.changes import Changes, Done

__all__ = [
    "EventRecordChange",
    "EventRecordDetail",
    "EventRecordError",
    "EventRecordRow",
]

_CHANGED = Changes(event_records=True)


@dataclass(frozen=True)
class EventRecordRow:
    """One line of the events list; *depth* is how many events it lies within."""

    ref: str
    name: str
    kind: str | None
    place: str | None
    edtf: str | None
    date_words: str
    parent_ref: str | None
    depth: int
    names: tuple[str, ...]
    figures: int
    dates: int


@dataclass(frozen=True)
class EventRecordDetail:
    """Everything shown about one record: its names with scripts, where it sits."""

    ref: str
    uid: str
    name: str
    names: tuple[tuple[str, str | None], ...]
    place: str | None
    edtf: str | None
    date_words: str
    lower: str | None
    upper: str | None
    kind: str | None
    within: tuple[tuple[str, str], ...]  # (ref, name), innermost first
    children: tuple[tuple[str, str], ...]
    notes: str | None
    created_at: str
    deleted_at: str | None
    figures: int
    dates: int


def _link_counts(session: Session, model: type[Figure] | type[DateTag]) -> dict[int, int]:
    rows = session.execute(
        select(model.event_record_id, func.count(model.id))
        .where(model.event_record_id.is_not(None))
        .group_by(model.event_record_id)
    )
    return {int(record_id or 0): int(count) for record_id, count in rows}


def event_record_rows(
    catalogue: Catalogue, *, trashed: bool = False, locale: str = DEFAULT_DATE_LOCALE
) -> list[EventRecordRow]:
    """Live records (or those in the trash) in date order, each followed by the events
    within it, so the list reads as a tree; an event whose parent is trashed is a root."""
    with catalogue.reading() as session:
        found = records.list_records(session, trashed=trashed)
        figures = _link_counts(session, Figure)
        dates = _link_counts(session, DateTag)
        names: dict[int, list[str]] = {}
        for record_id, name in session.execute(
            select(EventRecordName.event_record_id, EventRecordName.name).order_by(
                EventRecordName.id
            )
        ):
            names.setdefault(record_id, []).append(name)
    by_id = {r.id: r for r in found}
    children: dict[int | None, list[EventRecord]] = {}
    for record in found:
        parent = record.parent_id if record.parent_id in by_id else None
        children.setdefault(parent, []).append(record)
    rows: list[EventRecordRow] = []
    shown: set[int] = set()

    def walk(level: list[EventRecord], depth: int) -> None:
        for record in level:
            if record.id in shown:
                continue  # a loop some other program wrote: show each record once
            shown.add(record.id)
            parent_ref = by_id[record.parent_id].ref if record.parent_id in by_id else None
            rows.append(
                EventRecordRow(
                    ref=record.ref,
                    name=record.preferred_name,
                    kind=record.kind,
                    place=record.place,
                    edtf=record.edtf,
                    date_words=in_words(record.edtf, locale) if record.edtf else "",
                    parent_ref=parent_ref,
                    depth=depth,
                    names=tuple(n for n in names.get(record.id, []) if n != record.preferred_name),
                    figures=figures.get(record.id, 0),
                    dates=dates.get(record.id, 0),
                )
            )
            walk(children.get(record.id, []), depth + 1)

    walk(children.get(None, []), 0)
    walk([r for r in found if r.id not in shown], 0)  # records in such a loop
    return rows


def event_record_detail(
    catalogue: Catalogue, ref: str, *, locale: str = DEFAULT_DATE_LOCALE
) -> EventRecordDetail:
    """One record, trashed or not; ``EventRecordError`` if there is none."""
    with catalogue.reading() as session:
        record = records.require(session, ref, live=False)
        figures = _link_counts(session, Figure).get(record.id, 0)
        dates = _link_counts(session, DateTag).get(record.id, 0)
        return EventRecordDetail(
            ref=record.ref,
            uid=record.uid,
            name=record.preferred_name,
            names=tuple((n.name, n.script) for n in record.names),
            place=record.place,
            edtf=record.edtf,
            date_words=in_words(record.edtf, locale) if record.edtf else "",
            lower=record.lower,
            upper=record.upper,
            kind=record.kind,
            within=tuple((p.ref, p.preferred_name) for p in records.ancestors(session, record)),
            children=tuple((c.ref, c.preferred_name) for c in records.children_of(session, record)),
            notes=record.notes,
            created_at=record.created_at,
            deleted_at=record.deleted_at,
            figures=figures,
            dates=dates,
        )


def _typed_date(typed: str | None) -> str | None:
    """The record's date as typed ("25–26 Feb 1992") made EDTF; None leaves it as it
    is and "" clears it, as for the other fields."""
    if typed is None or not typed.strip():
        return typed
    try:
        return read_date_input(typed, field="Date")
    except DateInputError as exc:
        raise EventRecordError(str(exc)) from exc


def find_event_records(catalogue: Catalogue, name: str) -> list[str]:
    """References of live records with a name form matching *name* (folded)."""
    with catalogue.reading() as session:
        return [r.ref for r in records.find(session, name)]


def create_event_record(
    catalogue: Catalogue,
    *,
    name: str,
    place: str | None = None,
    edtf: str | None = None,
    kind: str | None = None,
    parent_ref: str | None = None,
    notes: str | None = None,
    variants: Sequence[str] = (),
) -> Done[EventRecordChange]:
    edtf = _typed_date(edtf)
    with catalogue.writing() as session:
        change = records.create(
            session,
            name=name,
            place=place,
            edtf=edtf,
            kind=kind,
            parent_ref=parent_ref,
            notes=notes,
            variants=variants,
            actor=catalogue.actor,
        )
    return Done(change, _CHANGED)


def edit_event_record(
    catalogue: Catalogue,
    *,
    ref: str,
    name: str | None = None,
    place: str | None = None,
    edtf: str | None = None,
    kind: str | None = None,
    parent_ref: str | None = None,
    notes: str | None = None,
    add_names: Sequence[str] = (),
    remove_names: Sequence[str] = (),
) -> Done[EventRecordChange]:
    """Change the given fields (None leaves one as it is, "" clears it) and name forms."""
    edtf = _typed_date(edtf)
    with catalogue.writing() as session:
        change = records.edit(
            session,
            ref=ref,
            name=name,
            place=place,
            edtf=edtf,
            kind=kind,
            parent_ref=parent_ref,
            notes=notes,
            add_names=add_names,
            remove_names=remove_names,
            actor=catalogue.actor,
        )
    return Done(change, _CHANGED)


def add_event_record_name(catalogue: Catalogue, *, ref: str, name: str) -> Done[EventRecordChange]:
    with catalogue.writing() as session:
        change = records.add_name(session, ref=ref, name=name, actor=catalogue.actor)
    return Done(change, _CHANGED)


def remove_event_record_name(
    catalogue: Catalogue, *, ref: str, name: str
) -> Done[EventRecordChange]:
    with catalogue.writing() as session:
        change = records.remove_name(session, ref=ref, name=name, actor=catalogue.actor)
    return Done(change, _CHANGED)


def merge_event_records(
    catalogue: Catalogue, *, keep_ref: str, merge_ref: str
) -> Done[EventRecordChange]:
    """Merge *merge_ref* into *keep_ref*. Figures and dates linked to the merged record
    now belong to the kept one, so the documents holding them are reported changed."""
    with catalogue.writing() as session:
        change = records.merge(
            session, keep_ref=keep_ref, merge_ref=merge_ref, actor=catalogue.actor
        )
    return Done(change, _CHANGED | Changes(tags_of=_tagged_documents(catalogue, change)))


def split_event_record(
    catalogue: Catalogue,
    *,
    ref: str,
    names: Sequence[str] = (),
    children: Sequence[str] = (),
    new_name: str | None = None,
    figures: Sequence[int] = (),
    dates: Sequence[int] = (),
) -> Done[EventRecordChange]:
    """Move name forms, child events and linked figures and dates (tag ids) of *ref*
    to a new record; the documents holding moved claims are reported changed."""
    with catalogue.writing() as session:
        change = records.split(
            session,
            ref=ref,
            names=names,
            children=children,
            new_name=new_name,
            figures=figures,
            dates=dates,
            actor=catalogue.actor,
        )
    return Done(change, _CHANGED | Changes(tags_of=_tagged_documents(catalogue, change)))


def trash_event_record(catalogue: Catalogue, *, ref: str) -> Done[EventRecordChange]:
    with catalogue.writing() as session:
        change = records.trash(session, ref=ref, actor=catalogue.actor)
    return Done(change, _CHANGED)


def restore_event_record(catalogue: Catalogue, *, ref: str) -> Done[EventRecordChange]:
    with catalogue.writing() as session:
        change = records.restore(session, ref=ref, actor=catalogue.actor)
    return Done(change, _CHANGED)


def revert_event_record_change(
    catalogue: Catalogue, *, change: EventRecordChange
) -> Done[EventRecordChange]:
    """Undo *change*; the returned change undoes this one (so redo is another revert)."""
    with catalogue.writing() as session:
        undone = records.revert_change(session, change=change, actor=catalogue.actor)
    return Done(undone, _CHANGED | Changes(tags_of=_tagged_documents(catalogue, undone)))


def _tagged_documents(catalogue: Catalogue, change: EventRecordChange) -> frozenset[str]:
    """Documents holding a figure or date tag whose event link *change* moved."""
    moved: set[int] = set()
    figures: set[int] = set()
    before = {s.ref: s for s in change.before}
    for state in change.after:
        was = before.get(state.ref)
        figures |= set(state.figure_ids) ^ set(was.figure_ids if was else ())
        moved |= set(state.date_tag_ids) ^ set(was.date_tag_ids if was else ())
    if not moved and not figures:
        return frozenset()
    with catalogue.reading() as session:
        refs = set(
            session.execute(
                select(Document.ref)
                .join(Figure, Figure.document_id == Document.id)
                .where(Figure.id.in_(figures))
            ).scalars()
        )
        refs |= set(
            session.execute(
                select(Document.ref)
                .join(DateTag, DateTag.document_id == Document.id)
                .where(DateTag.id.in_(moved))
            ).scalars()
        )
    return frozenset(refs)
