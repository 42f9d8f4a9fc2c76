"""The figures and dates linked to one event record, for the window's Events view.

A person judging a link needs the claim itself — the quoted words and the document
holding them — next to whether the suggester proposed the link or a person accepted
it; ``linked_claims`` reads exactly that, in document order, in one short query per
kind of tag. Tags in trashed documents and rejected tags are left out: they are no
evidence about the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db import event_records as records
from db.catalogue import Catalogue
from db.claim_links import LinkKind
from db.models import DateTag, Document, Figure

__all__ = ["LinkedClaim", "linked_claims"]


@dataclass(frozen=True)
class LinkedClaim:
    """One figure or date linked to an event: where it is, what it says, how sure."""

    kind: LinkKind
    tag_id: int
    document_ref: str
    document_title: str
    start: int
    end: int
    quote: str
    status: str  # "suggested" or "accepted"
    role: str | None  # a date's role ("event", "reporting", "other"); None for figures


def linked_claims(catalogue: Catalogue, ref: str) -> list[LinkedClaim]:
    """Every live figure and date linked to the record *ref* (``EventRecordError``
    if there is no such record), ordered by document and position."""
    found: list[LinkedClaim] = []
    with catalogue.reading() as session:
        record = records.require(session, ref, live=False)
        figures = session.execute(
            select(Figure, Document.ref, Document.title)
            .join(Document, Figure.document_id == Document.id)
            .where(
                Figure.event_record_id == record.id,
                Figure.status != "rejected",
                Document.deleted_at.is_(None),
            )
        ).all()
        for figure, document_ref, title in figures:
            found.append(
                LinkedClaim(
                    "figure",
                    figure.id,
                    document_ref,
                    title or "",
                    figure.start,
                    figure.end,
                    figure.quote,
                    figure.event_link_status or "suggested",
                    None,
                )
            )
        dates = session.execute(
            select(DateTag, Document.ref, Document.title)
            .join(Document, DateTag.document_id == Document.id)
            .where(
                DateTag.event_record_id == record.id,
                DateTag.status != "rejected",
                Document.deleted_at.is_(None),
            )
        ).all()
        for tag, document_ref, title in dates:
            found.append(
                LinkedClaim(
                    "date",
                    tag.id,
                    document_ref,
                    title or "",
                    tag.start,
                    tag.end,
                    tag.quote,
                    tag.event_link_status or "suggested",
                    tag.role,
                )
            )
    found.sort(key=lambda c: (c.document_ref, c.start, c.kind))
    return found
