"""Figures and dates linked to the events they are about: suggest, link, confirm, clear.

``suggest_event_links`` reads each document's figures and dates with the event
suggester (``desktop.extract.event_links``) and stores a *suggested* link on every
tag that has none; a link a person made or confirmed is never replaced, and neither
is a suggestion already stored. The other operations are one person's decision about
one tag. Each runs in its own write transaction and returns the ``LinkChange`` (or
changes) recorded; ``revert_link_change`` and ``revert_link_changes`` run the inverse,
so undo and redo are repeated reverts, as for tags. Refusals raise ``ClaimLinkError``
(or ``DocumentError`` for an unknown document) with one line and change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import claim_links as links
from db.catalogue import Catalogue
from db.claim_links import ClaimLinkError, LinkChange, LinkKind, LinkState, link_kind
from db.documents import require_document
from db.models import DateTag, Document, EventRecord, Figure
from desktop.core.changes import Changes, Done
from desktop.extract.event_links import ClaimSpan, EventInfo
from desktop.extract.event_links import suggest_event_links as suggest

__all__ = [
    "ClaimLinkError",
    "LinkChange",
    "LinkState",
    "SuggestLinksReport",
    "SuggestedLink",
    "link_kind",
]


@dataclass(frozen=True)
class SuggestedLink:
    """A stored suggestion and the suggester's reason for it."""

    change: LinkChange
    reason: str


@dataclass(frozen=True)
class SuggestLinksReport:
    """What one run stored: the suggestions, and how many unlinked claims it left alone."""

    documents: int
    suggested: tuple[SuggestedLink, ...]
    left_unlinked: int


def _events(session: Session) -> list[EventInfo]:
    """Live records as the suggester sees them; a trashed parent counts as none."""
    records = list(
        session.execute(
            select(EventRecord).where(EventRecord.deleted_at.is_(None)).order_by(EventRecord.id)
        ).scalars()
    )
    live = {r.id: r.ref for r in records}
    return [
        EventInfo(
            ref=r.ref,
            names=tuple(dict.fromkeys([r.preferred_name, *(n.name for n in r.names)])),
            lower=r.lower,
            upper=r.upper,
            parent_ref=live.get(r.parent_id) if r.parent_id is not None else None,
            place=r.place,
        )
        for r in records
    ]


def _claims(session: Session, document: Document) -> list[tuple[ClaimSpan, Figure | DateTag]]:
    found: list[tuple[ClaimSpan, Figure | DateTag]] = []
    for figure in session.execute(
        select(Figure).where(Figure.document_id == document.id, Figure.status != "rejected")
    ).scalars():
        found.append((ClaimSpan("figure", figure.id, figure.start, figure.end), figure))
    for tag in session.execute(
        select(DateTag).where(DateTag.document_id == document.id, DateTag.status != "rejected")
    ).scalars():
        found.append((ClaimSpan("date", tag.id, tag.start, tag.end, tag.lower, tag.upper), tag))
    found.sort(key=lambda pair: (pair[0].start, pair[0].kind))
    return found


def _documents(session: Session, refs: Sequence[str] | None) -> list[Document]:
    if refs is not None:
        return [require_document(session, ref) for ref in dict.fromkeys(refs)]
    return list(
        session.execute(
            select(Document).where(Document.deleted_at.is_(None)).order_by(Document.id)
        ).scalars()
    )


def suggest_event_links(
    catalogue: Catalogue, *, refs: Sequence[str] | None = None
) -> Done[SuggestLinksReport]:
    """Suggest an event for every unlinked figure and date of the documents *refs*
    (None: every document not in the trash)."""
    stored: list[SuggestedLink] = []
    left = 0
    with catalogue.writing() as session:
        documents = _documents(session, refs)
        events = _events(session)
        for document in documents if events else []:
            claims = _claims(session, document)
            tags = {(span.kind, span.tag_id): tag for span, tag in claims}
            found = suggest(
                document.text, [span for span, _ in claims], events, published=document.published
            )
            for suggestion in found:
                tag = tags[(suggestion.kind, suggestion.tag_id)]
                if tag.event_record_id is not None:
                    continue
                if suggestion.event_ref is None:
                    left += 1
                    continue
                change = links.suggest(
                    session,
                    kind=suggestion.kind,
                    tag_id=suggestion.tag_id,
                    event_ref=suggestion.event_ref,
                    role=suggestion.role,
                    actor=catalogue.actor,
                )
                stored.append(SuggestedLink(change, suggestion.reason))
    touched = frozenset(s.change.document_ref for s in stored)
    report = SuggestLinksReport(len(documents), tuple(stored), left)
    return Done(report, Changes(tags_of=touched, event_records=bool(stored)))


def _done(change: LinkChange) -> Done[LinkChange]:
    return Done(change, Changes(tags_of=frozenset({change.document_ref}), event_records=True))


def link_claim(
    catalogue: Catalogue, *, kind: LinkKind, tag_id: int, event_ref: str
) -> Done[LinkChange]:
    """Link a figure or date to an event as a person's decision (accepted)."""
    with catalogue.writing() as session:
        change = links.link(
            session, kind=kind, tag_id=tag_id, event_ref=event_ref, actor=catalogue.actor
        )
    return _done(change)


def confirm_link(catalogue: Catalogue, *, kind: LinkKind, tag_id: int) -> Done[LinkChange]:
    """Accept a suggested link as it stands."""
    with catalogue.writing() as session:
        change = links.confirm(session, kind=kind, tag_id=tag_id, actor=catalogue.actor)
    return _done(change)


def clear_link(catalogue: Catalogue, *, kind: LinkKind, tag_id: int) -> Done[LinkChange]:
    """Remove a figure's or date's link to its event."""
    with catalogue.writing() as session:
        change = links.clear(session, kind=kind, tag_id=tag_id, actor=catalogue.actor)
    return _done(change)


def set_date_role(catalogue: Catalogue, *, tag_id: int, role: str | None) -> Done[LinkChange]:
    """Say whether a date gives the event ("event"), its report ("reporting") or
    something else ("other"); None clears the role."""
    with catalogue.writing() as session:
        change = links.set_date_role(session, tag_id=tag_id, role=role, actor=catalogue.actor)
    return _done(change)


def revert_link_change(catalogue: Catalogue, *, change: LinkChange) -> Done[LinkChange]:
    """Undo *change*; the returned change undoes this one (so redo is another revert)."""
    with catalogue.writing() as session:
        undone = links.revert_link(session, change=change, actor=catalogue.actor)
    return _done(undone)


def revert_link_changes(
    catalogue: Catalogue, *, changes: Sequence[LinkChange]
) -> Done[tuple[LinkChange, ...]]:
    """Undo a whole run of ``suggest_event_links`` in one transaction (last first);
    refused, changing nothing, when any of its links has changed since."""
    with catalogue.writing() as session:
        undone = tuple(
            links.revert_link(session, change=change, actor=catalogue.actor)
            for change in reversed(changes)
        )
    touched = frozenset(c.document_ref for c in undone)
    return Done(undone, Changes(tags_of=touched, event_records=bool(undone)))
