"""The chronology: one row per event date, with every source that gives it.

Two newspapers giving "25–26 February 1992" for the same massacre are one fact told
twice, not two rows; so dates are grouped by the event they are linked to and by
their date (the same EDTF, or the same bounds). Unlinked dates group only when their
"what happened" reads the same in each source, and join an event's row when it is
one of the event's names. A row keeps every source — document,
publication date, the quote and its span — so nothing is lost by grouping, and
Catena still never says which source is right.

The date a source published its report is not a date of the event: dates whose role
is "reporting", and (while nobody has said what a date is) dates equal to their own
document's publication date, are left out unless asked for.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload, load_only

from db.folding import fold_name
from db.models import DateTag, Document, EventRecord, EventRecordName

# The chronology needs a document's reference, title and publication date, never its
# text (see db.analysis): the bounds tell a publication date however it is written.
_DOCUMENT_HEADER = (
    load_only(
        Document.id,
        Document.ref,
        Document.title,
        Document.published,
        Document.published_lower,
        Document.published_upper,
    ),
    lazyload(Document.original),
)


@dataclass(frozen=True)
class ChronologySource:
    """One source's statement of a date: the tag, its document and the exact passage."""

    tag_id: int
    document_ref: str
    document_title: str | None
    published: str | None
    edtf: str
    what: str | None
    quote: str
    start: int
    end: int
    status: str
    role: str | None


@dataclass(frozen=True)
class ChronologyRow:
    """An event date and every source that gives it (at least one)."""

    edtf: str
    lower: str | None
    upper: str | None
    # The event record's name when the dates are linked to one, else the fullest
    # "what happened" the sources give.
    what: str | None
    event_ref: str | None
    event_name: str | None
    sources: tuple[ChronologySource, ...]

    @property
    def documents(self) -> list[str]:
        """The documents giving this date, each once, in the order listed."""
        return list(dict.fromkeys(s.document_ref for s in self.sources))

    # The first source: the passage a person opens from a one-line view of the row.
    @property
    def first(self) -> ChronologySource:
        return self.sources[0]

    @property
    def tag_id(self) -> int:
        return self.first.tag_id

    @property
    def document_ref(self) -> str:
        return self.first.document_ref

    @property
    def document_title(self) -> str | None:
        return self.first.document_title

    @property
    def published(self) -> str | None:
        return self.first.published

    @property
    def quote(self) -> str:
        return self.first.quote

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.first.end

    @property
    def status(self) -> str:
        return self.first.status


# Dates grouped for rows: key (event or "what" or lone tag, then the date) to its tags.
_Groups = dict[tuple[object, ...], list[tuple[DateTag, ChronologySource]]]


def best_what(whats: Collection[str | None]) -> str | None:
    """The fullest description: the longest that is more than one word, so a cell
    reading "massacre" gives way to "Khojaly massacre of civilians"; a one-word one
    only when nothing longer is given."""
    given = [" ".join(w.split()) for w in whats if w and w.strip()]
    if not given:
        return None
    # Ties go to the first source listed, so the row does not change with letter case.
    return max(given, key=lambda w: (len(w.split()) > 1, len(w)))


def _date_key(tag: DateTag) -> tuple[str | None, ...]:
    """Same bounds are the same date however written ("1992-02" and its interval);
    dates without bounds (a day without a year) compare by their EDTF."""
    if tag.lower is not None:
        return ("bounds", tag.lower, tag.upper)
    return ("edtf", tag.edtf)


def is_reporting(tag: DateTag, document: Document) -> bool:
    """Whether the date is when a source reported rather than when something happened:
    its role says so, or, with no role said, it is the document's own publication date."""
    if tag.role is not None:
        return tag.role == "reporting"
    if document.published and tag.edtf == document.published:
        return True
    return (
        tag.lower is not None
        and tag.lower == document.published_lower
        and tag.upper == document.published_upper
    )


def _group_key(tag: DateTag) -> tuple[object, ...]:
    if tag.event_record_id is not None:
        return ("event", tag.event_record_id, *_date_key(tag))
    folded = " ".join((tag.what or "").split()).casefold()
    if folded:
        return ("what", folded, *_date_key(tag))
    return ("tag", tag.id)  # nothing to say it is the same as another date


def chronology(
    session: Session,
    *,
    statuses: tuple[str, ...] = ("accepted",),
    document_ids: Collection[int] | None = None,
    event_ids: Collection[int] | None = None,
    include_reporting: bool = False,
) -> list[ChronologyRow]:
    """One row per event date, in order of the earliest possible day (dates without a
    known year last), optionally only among *document_ids* and only dates linked to one
    of *event_ids*. Reporting dates are left out unless *include_reporting*."""
    query = (
        select(DateTag, Document)
        .join(Document, DateTag.document_id == Document.id)
        .where(DateTag.status.in_(statuses), Document.deleted_at.is_(None))
        .order_by(Document.ref, DateTag.start, DateTag.id)
        .options(*_DOCUMENT_HEADER)
    )
    if document_ids is not None:
        query = query.where(Document.id.in_(list(document_ids)))
    if event_ids is not None:
        query = query.where(DateTag.event_record_id.in_(list(event_ids)))
    groups: _Groups = {}
    for tag, doc in session.execute(query).all():
        if not include_reporting and is_reporting(tag, doc):
            continue
        source = ChronologySource(
            tag.id,
            doc.ref,
            doc.title,
            doc.published,
            tag.edtf,
            tag.what,
            tag.quote,
            tag.start,
            tag.end,
            tag.status,
            tag.role,
        )
        groups.setdefault(_group_key(tag), []).append((tag, source))
    linked = {t.event_record_id for members in groups.values() for t, _ in members}
    names = event_names(session, linked)
    _join_named_events(session, groups, set(names))
    rows = [_row(members, names) for members in groups.values()]
    rows.sort(
        key=lambda r: (
            r.lower is None,
            r.lower or "",
            r.upper or "",
            r.edtf,
            (r.what or "").casefold(),
            r.document_ref,
            r.start,
        )
    )
    return rows


def _join_named_events(session: Session, groups: _Groups, linked: set[int]) -> None:
    """Put unlinked dates whose "what" is a name of an event (any of its name forms)
    into that event's row for the same date, when exactly one event of that name has
    one: a source that says "Khojaly massacre" on 26 February 1992 gives the same fact
    as one linked to the record, whether or not anyone has linked it yet."""
    if not linked:
        return
    by_name: dict[str, set[int]] = {}
    rows = session.execute(
        select(EventRecordName.event_record_id, EventRecordName.folded).where(
            EventRecordName.event_record_id.in_(list(linked))
        )
    )
    for event_id, folded in rows:
        by_name.setdefault(folded, set()).add(event_id)
    for key in [k for k in groups if k[0] == "what"]:
        what = groups[key][0][0].what or ""
        date = key[2:]
        targets = [
            ("event", event_id, *date)
            for event_id in sorted(by_name.get(fold_name(what), ()))
            if ("event", event_id, *date) in groups
        ]
        if len(targets) == 1:
            members = groups.pop(key)
            groups[targets[0]] = sorted(
                [*groups[targets[0]], *members],
                key=lambda m: (m[1].document_ref, m[1].start, m[1].tag_id),
            )


def _row(
    members: list[tuple[DateTag, ChronologySource]], names: dict[int, tuple[str, str]]
) -> ChronologyRow:
    tag = members[0][0]
    sources = tuple(source for _, source in members)
    event_id = next((t.event_record_id for t, _ in members if t.event_record_id), None)
    event = names.get(event_id) if event_id is not None else None
    what = event[1] if event else best_what([s.what for s in sources])
    return ChronologyRow(
        edtf=tag.edtf,
        lower=tag.lower,
        upper=tag.upper,
        what=what,
        event_ref=event[0] if event else None,
        event_name=event[1] if event else None,
        sources=sources,
    )


def event_names(session: Session, ids: set[int | None]) -> dict[int, tuple[str, str]]:
    """(reference, preferred name) of the event records *ids* (the comparison uses it too)."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.execute(
        select(EventRecord.id, EventRecord.ref, EventRecord.preferred_name).where(
            EventRecord.id.in_(wanted)
        )
    )
    return {event_id: (ref, name) for event_id, ref, name in rows}


__all__ = [
    "ChronologyRow",
    "ChronologySource",
    "best_what",
    "chronology",
    "event_names",
    "is_reporting",
]
