"""Store tag suggestions in the catalogue, and accept them in bulk.

The suggesters (``desktop.extract``) only read text; this module turns their output
into tags with status "suggested". Spans that already carry a tag of the same kind —
accepted, suggested or *rejected* — are skipped, which is what keeps a rejected
suggestion rejected when suggestions run again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db import audit
from db.dates import edtf_bounds
from db.models import DateTag, Document, Figure, Mention, new_uid, utcnow
from db.people import link_mention
from db.search import index as search_index
from db.spans import anchor
from db.tags import MODELS, TagKind, span_keys
from desktop.extract import Suggestions, suggest


class Suggestible(Protocol):
    """What storing suggestions needs of a document: a ``Document``, or the import's
    record of one it has just written without loading it."""

    @property
    def id(self) -> int: ...
    @property
    def ref(self) -> str: ...
    @property
    def text(self) -> str: ...


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
    document: Suggestible,
    suggestions: Suggestions,
    actor: str,
    new_document: bool = False,
) -> SuggestResult:
    """Add *suggestions* for *document* as suggested tags; returns what was added.

    Runs for every imported document, so the rows are written with one multi-row
    INSERT per kind of tag on the session's connection rather than as ORM objects
    (which cost a few milliseconds a document in bookkeeping); the search index is
    told that the document's people changed. Tags already loaded on *document* are
    not refreshed until the transaction ends.
    """
    text = document.text
    # A document catalogued in this same transaction has no tags yet: skip the lookup.
    existing = set() if new_document else span_keys(session, document.id)
    added = {"date": 0, "figure": 0, "mention": 0}
    skipped = 0
    now = utcnow()

    def fresh(kind: TagKind, start: int, end: int) -> dict[str, object] | None:
        nonlocal skipped
        if (kind, start, end) in existing or not 0 <= start < end <= len(text):
            skipped += 1
            return None
        existing.add((kind, start, end))
        added[kind] += 1
        a = anchor(text, start, end)
        return {
            "uid": new_uid(),
            "document_id": document.id,
            "start": a.start,
            "end": a.end,
            "quote": a.quote,
            "prefix": a.prefix,
            "suffix": a.suffix,
            "status": "suggested",
            "origin": "suggested",
            "note": None,
            "created_at": now,
            "updated_at": now,
        }

    dates: list[dict[str, object]] = []
    for date in suggestions.dates:
        if (row := fresh("date", date.start, date.end)) is not None:
            lower, upper = (date.lower, date.upper)
            if lower is None and upper is None:
                lower, upper = edtf_bounds(date.edtf)
            row.update(
                edtf=date.edtf, what=date.what, certainty=date.certainty, lower=lower, upper=upper
            )
            dates.append(row)
    figures: list[tuple[int, int | None, dict[str, object]]] = []  # index, part of, row
    for index, figure in enumerate(suggestions.figures):
        if (row := fresh("figure", figure.start, figure.end)) is not None:
            row.update(
                value=figure.value,
                upper_value=figure.upper_value,
                qualifier=figure.qualifier,
                counted=figure.counted,
                category=figure.category,
                part_of_id=None,
            )
            figures.append((index, figure.part_of, row))
    mentions: list[dict[str, object]] = []
    for person in suggestions.people:
        if (row := fresh("mention", person.start, person.end)) is not None:
            row.update(
                name=person.name,
                variants=list(person.variants),
                role=person.role,
                is_organisation=person.is_organisation,
                agent_id=None,
            )
            mentions.append(row)
    conn = session.connection()
    if dates:
        conn.execute(insert(DateTag.__table__), dates)
    _insert_figures(session, figures)
    if mentions:
        conn.execute(insert(Mention.__table__), mentions)
        search_index.note_documents(session, [document.id])  # names feed the people column
    if dates or figures or mentions:
        audit.record(
            session, action="suggest", actor=actor, target=document.ref, detail={"added": added}
        )
    return SuggestResult(document.ref, added, skipped)


def _insert_figures(
    session: Session, figures: list[tuple[int, int | None, dict[str, object]]]
) -> None:
    """Insert figures, wholes before their parts, linking each part to its whole.

    ``part_of`` is an index into the suggested figures; a whole that was not stored
    (an existing tag at its span) leaves the part unlinked.
    """
    if all(whole is None for _index, whole, _row in figures):
        if figures:  # the usual case: one multi-row INSERT, no ids needed
            session.connection().execute(
                insert(Figure.__table__), [row for _index, _whole, row in figures]
            )
        return
    ids: dict[int, int] = {}
    stored = {index for index, _whole, _row in figures}
    waiting = figures
    while waiting:
        ready = [f for f in waiting if f[1] is None or f[1] in ids or f[1] not in stored]
        if not ready:  # a cycle, which the suggester never makes: store unlinked
            ready = waiting
        for _index, whole, row in ready:
            row["part_of_id"] = ids.get(whole) if whole is not None else None
        new_ids = (
            session.connection()
            .execute(
                insert(Figure.__table__).returning(
                    Figure.__table__.c.id, sort_by_parameter_order=True
                ),
                [row for _index, _whole, row in ready],
            )
            .scalars()
        )
        ids.update(zip((index for index, _w, _r in ready), new_ids, strict=True))
        done = {index for index, _w, _r in ready}
        waiting = [f for f in waiting if f[0] not in done]


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
