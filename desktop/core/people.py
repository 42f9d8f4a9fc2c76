"""People and organisations: the records, the passages that speak of them, merging.

Read models for the People view and the tag editor's completer, and the merge a
person confirms there. A merge is not undoable with Ctrl+Z: the core has no exact
inverse (splitting moves name forms back but cannot restore the removed record's
reference code), and the window says so before it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.models import Agent, Document, Mention, NameVariant
from db.people import mention_counts
from desktop.core.changes import Changes, Done


@dataclass(frozen=True)
class PersonRow:
    id: int
    ref: str
    name: str
    kind: str
    variants: tuple[str, ...]
    mentions: int


def people(catalogue: Catalogue) -> list[PersonRow]:
    """Every person and organisation record, with name forms and mention counts."""
    with catalogue.reading() as session:
        return _people(session)


def _people(session: Session) -> list[PersonRow]:
    counts = mention_counts(session)
    variants: dict[int, list[str]] = {}
    for agent_id, name in session.execute(
        select(NameVariant.agent_id, NameVariant.name).order_by(NameVariant.id)
    ):
        variants.setdefault(agent_id, []).append(name)
    rows = session.execute(
        select(Agent.id, Agent.ref, Agent.preferred_name, Agent.kind).order_by(Agent.preferred_name)
    )
    return [
        PersonRow(
            i,
            ref,
            name,
            kind,
            tuple(v for v in variants.get(i, []) if v != name),
            counts.get(i, 0),
        )
        for i, ref, name, kind in rows
    ]


@dataclass(frozen=True)
class Passage:
    """One place a text speaks of someone or gives a date or figure: where to jump."""

    document_ref: str
    document_title: str
    start: int
    end: int
    quote: str
    context: str
    label: str


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())


def passages_of(catalogue: Catalogue, agent_id: int) -> list[Passage]:
    """Every passage that speaks of the record *agent_id*, in document order."""
    with catalogue.reading() as session:
        return _passages_of(session, agent_id)


def _passages_of(session: Session, agent_id: int) -> list[Passage]:
    rows = session.execute(
        select(Mention, Document)
        .join(Document, Mention.document_id == Document.id)
        .where(
            Mention.agent_id == agent_id,
            Mention.status != "rejected",
            Document.deleted_at.is_(None),
        )
        .order_by(Document.id, Mention.start)
    )
    return [
        Passage(
            doc.ref,
            doc.title or "",
            m.start,
            m.end,
            m.quote,
            _context(doc.text, m.start, m.end),
            m.role,
        )
        for m, doc in rows
    ]


def name_forms(catalogue: Catalogue) -> list[str]:
    """Every name form of every record, for the tag editor's completer."""
    with catalogue.reading() as session:
        names = list(session.execute(select(NameVariant.name).distinct()).scalars())
    return sorted(set(names), key=str.casefold)


def merge_people(catalogue: Catalogue, *, keep_ref: str, merge_ref: str) -> Done[Any]:
    """Merge the record *merge_ref* into *keep_ref*: its name forms and passages move."""
    from db.people import merge_agents

    with catalogue.writing() as session:
        result = merge_agents(
            session, keep_ref=keep_ref, merge_ref=merge_ref, actor=catalogue.actor
        )
    return Done(result, Changes(people=True))
