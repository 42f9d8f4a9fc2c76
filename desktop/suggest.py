"""Store tag suggestions in the catalogue, and accept them in bulk.

The suggesters (``desktop.extract``) only read text; this module turns their output
into tags with status "suggested". Spans that already carry a tag of the same kind —
accepted, suggested or *rejected* — are skipped, which is what keeps a rejected
suggestion rejected when suggestions run again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.models import Document, Mention
from db.people import link_mention
from db.tags import MODELS, TagKind, add_tag, span_keys
from desktop.extract import Suggestions, suggest


@dataclass(frozen=True)
class SuggestResult:
    document_ref: str
    added: dict[str, int]
    skipped: int

    @property
    def total(self) -> int:
        return sum(self.added.values())


def store_suggestions(
    session: Session, *, document: Document, suggestions: Suggestions, actor: str
) -> SuggestResult:
    """Add *suggestions* for *document* as suggested tags; returns what was added."""
    existing = span_keys(session, document.id)
    added = {"date": 0, "figure": 0, "mention": 0}
    skipped = 0

    def fresh(kind: TagKind, start: int, end: int) -> bool:
        nonlocal skipped
        if (kind, start, end) in existing or not 0 <= start < end <= len(document.text):
            skipped += 1
            return False
        existing.add((kind, start, end))
        return True

    for date in suggestions.dates:
        if fresh("date", date.start, date.end):
            add_tag(
                session,
                kind="date",
                document=document,
                start=date.start,
                end=date.end,
                values={"edtf": date.edtf, "what": date.what, "certainty": date.certainty},
                status="suggested",
                origin="suggested",
                actor=actor,
                record_event=False,
            )
            added["date"] += 1
    figure_ids: dict[int, int] = {}
    for index, figure in enumerate(suggestions.figures):
        if fresh("figure", figure.start, figure.end):
            part_of = figure_ids.get(figure.part_of) if figure.part_of is not None else None
            tag, _ = add_tag(
                session,
                kind="figure",
                document=document,
                start=figure.start,
                end=figure.end,
                values={
                    "value": figure.value,
                    "upper_value": figure.upper_value,
                    "qualifier": figure.qualifier,
                    "counted": figure.counted,
                    "category": figure.category,
                    "part_of_id": part_of,
                },
                status="suggested",
                origin="suggested",
                actor=actor,
                record_event=False,
            )
            figure_ids[index] = tag.id
            added["figure"] += 1
    for person in suggestions.people:
        if fresh("mention", person.start, person.end):
            add_tag(
                session,
                kind="mention",
                document=document,
                start=person.start,
                end=person.end,
                values={
                    "name": person.name,
                    "role": person.role,
                    "is_organisation": person.is_organisation,
                },
                status="suggested",
                origin="suggested",
                actor=actor,
                record_event=False,
            )
            added["mention"] += 1
    if any(added.values()):
        audit.record(
            session, action="suggest", actor=actor, target=document.ref, detail={"added": added}
        )
    return SuggestResult(document.ref, added, skipped)


def suggest_document(session: Session, *, document: Document, actor: str) -> SuggestResult:
    return store_suggestions(
        session, document=document, suggestions=suggest(document.text), actor=actor
    )


def accept_suggestions(
    session: Session,
    *,
    document: Document,
    actor: str,
    kinds: tuple[TagKind, ...] = ("date", "figure", "mention"),
) -> int:
    """Accept every open suggestion of *document*; mentions are linked to people."""
    accepted = 0
    for kind in kinds:
        model = MODELS[kind]
        rows = session.execute(
            select(model).where(model.document_id == document.id, model.status == "suggested")
        ).scalars()
        for tag in rows:
            tag.status = "accepted"
            if isinstance(tag, Mention):
                link_mention(session, mention=tag, actor=actor)
            accepted += 1
    if accepted:
        audit.record(
            session,
            action="accept all",
            actor=actor,
            target=document.ref,
            detail={"accepted": accepted},
        )
    return accepted
