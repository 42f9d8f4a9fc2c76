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
from db.dates import edtf_bounds
from db.models import DateTag, Document, Figure, Mention
from db.people import link_mention
from db.spans import Anchor, anchor
from db.tags import MODELS, TagKind, span_keys
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
    session: Session,
    *,
    document: Document,
    suggestions: Suggestions,
    actor: str,
    new_document: bool = False,
) -> SuggestResult:
    """Add *suggestions* for *document* as suggested tags; returns what was added.

    Runs for every imported document, so the tags are built directly and written in
    one flush (not through ``add_tag``, which flushes and returns undo data per tag).
    """
    text = document.text
    # A document catalogued in this same transaction has no tags yet: skip the lookup.
    existing = set() if new_document else span_keys(session, document.id)
    added = {"date": 0, "figure": 0, "mention": 0}
    skipped = 0
    new: list[DateTag | Figure | Mention] = []

    def fresh(kind: TagKind, start: int, end: int) -> Anchor | None:
        nonlocal skipped
        if (kind, start, end) in existing or not 0 <= start < end <= len(text):
            skipped += 1
            return None
        existing.add((kind, start, end))
        added[kind] += 1
        return anchor(text, start, end)

    def span(a: Anchor) -> dict[str, object]:
        return {
            "document_id": document.id,
            "start": a.start,
            "end": a.end,
            "quote": a.quote,
            "prefix": a.prefix,
            "suffix": a.suffix,
            "status": "suggested",
            "origin": "suggested",
        }

    for date in suggestions.dates:
        if (a := fresh("date", date.start, date.end)) is not None:
            lower, upper = (date.lower, date.upper)
            if lower is None and upper is None:
                lower, upper = edtf_bounds(date.edtf)
            new.append(
                DateTag(
                    **span(a),
                    edtf=date.edtf,
                    what=date.what,
                    certainty=date.certainty,
                    lower=lower,
                    upper=upper,
                )
            )
    figures: dict[int, Figure] = {}
    for index, figure in enumerate(suggestions.figures):
        if (a := fresh("figure", figure.start, figure.end)) is not None:
            tag = Figure(
                **span(a),
                value=figure.value,
                upper_value=figure.upper_value,
                qualifier=figure.qualifier,
                counted=figure.counted,
                category=figure.category,
            )
            if figure.part_of is not None and figure.part_of in figures:
                tag.part_of = figures[figure.part_of]
            figures[index] = tag
            new.append(tag)
    for person in suggestions.people:
        if (a := fresh("mention", person.start, person.end)) is not None:
            new.append(
                Mention(
                    **span(a),
                    name=person.name,
                    variants=list(person.variants),
                    role=person.role,
                    is_organisation=person.is_organisation,
                )
            )
    if new:
        session.add_all(new)
        session.flush()
        audit.record(
            session, action="suggest", actor=actor, target=document.ref, detail={"added": added}
        )
    return SuggestResult(document.ref, added, skipped)


def suggest_document(
    session: Session, *, document: Document, actor: str, new_document: bool = False
) -> SuggestResult:
    return store_suggestions(
        session,
        document=document,
        suggestions=suggest(document.text),
        actor=actor,
        new_document=new_document,
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
