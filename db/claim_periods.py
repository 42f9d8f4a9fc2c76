"""Which unlinked figures may be compared: those of documents that date the same event.

Until a person links figures to event records, a comparison must still not put the
toll of a 1987 dam failure and that of a 1992 massacre in one "killed" row. Documents
are joined when they share an event date: two of their date tags, each no wider than a
month, overlap ("25–26 February 1992" and "26 February 1992"). Joined documents form
groups (chained: A shares a date with B, B with C), and unlinked figures are compared
only within a group. Publication and reporting dates, years, decades and open
intervals never join documents: two anniversary articles printed on the same day, or
two reports that both mention "1992", are not thereby about one event.

A document whose dates meet no other's joins the group with a date within a month of
one of its own ("the day after the collapse"). Documents left over, and those without
precise dates, are kept together in one group of their own. And when the scope holds
at most one group of documents that share a date, there is no sign of two different
events, so nothing is kept apart (a dossier's selection about one event, most news
reports that say "yesterday" rather than the date). This is a fallback; event records
and links (``db.claim_links``) are how a person says what is comparable.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DateTag, Document

MAX_JOINING_DAYS = 31  # only dates this precise (a day, a few days, a month) join documents
MAX_NEAR_DAYS = 31  # a document alone joins a group with a date at most this far from its own


@dataclass(frozen=True)
class DateGroup:
    """Documents that date the same event, and the date most of them give (EDTF), by
    which the group is named ("25–26 February 1992"); None for a document alone."""

    key: int
    shared: str | None


def _days(lower: str, upper: str) -> int | None:
    try:
        return (date.fromisoformat(upper) - date.fromisoformat(lower)).days
    except ValueError:
        return None


def _joining_dates(
    session: Session, document_ids: Collection[int], statuses: Sequence[str]
) -> list[tuple[str, str, int]]:
    """(lower, upper, document id) of every date precise enough to join documents."""
    rows = session.execute(
        select(DateTag.lower, DateTag.upper, DateTag.document_id)
        .join(Document, DateTag.document_id == Document.id)
        .where(
            DateTag.document_id.in_(list(document_ids)),
            DateTag.status.in_(list(statuses)),
            DateTag.lower.is_not(None),
            DateTag.upper.is_not(None),
            (DateTag.role.is_(None)) | (DateTag.role != "reporting"),
            (Document.published.is_(None)) | (DateTag.edtf != Document.published),
        )
    ).all()
    found: list[tuple[str, str, int]] = []
    for lower, upper, document_id in rows:
        if lower is None or upper is None:
            continue
        days = _days(lower, upper)
        if days is not None and days <= MAX_JOINING_DAYS:
            found.append((lower, upper, document_id))
    return found


def date_groups(
    session: Session, document_ids: Collection[int], statuses: Sequence[str]
) -> dict[int, DateGroup]:
    """For each of *document_ids*, the group of documents that date the same event."""
    parent = {doc: doc for doc in document_ids}

    def root(doc: int) -> int:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    dates = sorted(_joining_dates(session, document_ids, statuses))
    # Sweep the dates in order of their start; an interval overlaps the ones still open.
    open_dates: list[tuple[str, str, int]] = []
    joined: set[tuple[str, str, int]] = set()
    for lower, upper, doc in dates:
        open_dates = [d for d in open_dates if d[1] >= lower]
        for other_date in open_dates:
            if other_date[2] != doc:
                parent[root(doc)] = root(other_date[2])
                joined.update({other_date, (lower, upper, doc)})
        open_dates.append((lower, upper, doc))
    # Name each group by the joining date the most of its documents give.
    documents_giving: dict[int, dict[tuple[str, str], set[int]]] = {}
    for lower, upper, doc in joined:
        documents_giving.setdefault(root(doc), {}).setdefault((lower, upper), set()).add(doc)
    names: dict[int, str] = {}
    for top, giving in documents_giving.items():
        (lower, upper), _docs = min(giving.items(), key=lambda item: (-len(item[1]), item[0]))
        names[top] = lower if lower == upper else f"{lower}/{upper}"
    # A document whose dates meet no other's joins the group with a date close to one
    # of its own (the day after, the week after), else it floats.
    grouped_dates = [(lo, up, root(doc)) for lo, up, doc in joined]
    home: dict[int, int] = {doc: root(doc) for doc in document_ids if root(doc) in names}
    for lower, upper, doc in dates:
        if doc in home:
            continue
        near = [
            (_gap(lower, upper, lo, up), top)
            for lo, up, top in grouped_dates
            if _gap(lower, upper, lo, up) <= MAX_NEAR_DAYS
        ]
        if near:
            home[doc] = min(near)[1]
    if len(names) <= 1:
        # No sign of two different events in scope: nothing to keep apart.
        only = next(iter(names.values()), None)
        return {doc: DateGroup(0, only) for doc in document_ids}
    return {
        doc: DateGroup(home[doc], names[home[doc]]) if doc in home else DateGroup(-1, None)
        for doc in document_ids
    }


def _gap(lower: str, upper: str, other_lower: str, other_upper: str) -> int:
    """Days between two date intervals (0 when they overlap)."""
    if upper < other_lower:
        return _days(upper, other_lower) or 0
    if other_upper < lower:
        return _days(other_upper, lower) or 0
    return 0
