"""Authority records for people and organisations: one record, many name forms.

Sources write the same person as "Shakiba Mustafayeva", "Mustafayeva Shakiba" or
"Mustafayeva Şəkibə"; matching compares ``fold_name`` keys (case, diacritics,
script-specific letters, transliteration and word order folded), so all of these find
the same record. Merging and splitting move name variants and mentions between records
and say exactly what moved, so either can be undone.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db import audit
from db.folding import fold_name, strict_name_key
from db.models import Agent, Mention, NameVariant
from db.refs import AGENT_PREFIX, next_ref


class PeopleError(ValueError):
    """An authority operation the catalogue refuses; the message is for the user."""


def script_of(name: str) -> str | None:
    """ISO 15924 code of the script most letters of *name* are in (Latn, Cyrl, ...)."""
    counts: dict[str, int] = {}
    for char in name:
        if not char.isalpha():
            continue
        word = unicodedata.name(char, "").split(" ")[0]
        code = {
            "LATIN": "Latn",
            "CYRILLIC": "Cyrl",
            "GREEK": "Grek",
            "ARMENIAN": "Armn",
            "ARABIC": "Arab",
            "HEBREW": "Hebr",
            "GEORGIAN": "Geor",
        }.get(word, "Zyyy")
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else None


def find_agent(
    session: Session, name: str, *, kind: str | None = None, loose: bool = False
) -> Agent | None:
    """The record one of whose name forms matches *name*.

    By default the match folds case, diacritics, script letters, transliteration and
    word order, and nothing more, because an automatic link attributes statements to
    a person. ``loose`` also tolerates romanisation differences (Shakiba/Şəkibə,
    Mustafayeva/Мустафаева) — and unrelated look-alikes (Elena/Alena): use it to
    *propose* a match to a person, never to link silently.
    """
    key = fold_name(name)
    if not key:
        return None
    query = select(Agent, NameVariant.name).join(NameVariant).where(NameVariant.folded == key)
    if kind is not None:
        query = query.where(Agent.kind == kind)
    strict = strict_name_key(name)
    for agent, variant in session.execute(query.order_by(Agent.id)):
        if loose or strict_name_key(variant) == strict:
            return agent
    return None


def require_agent(session: Session, ref: str) -> Agent:
    agent = session.execute(select(Agent).where(Agent.ref == ref.strip().upper())).scalar()
    if agent is None:
        raise PeopleError(f"no person or organisation {ref!r}")
    return agent


def add_variant(session: Session, *, agent: Agent, name: str) -> NameVariant | None:
    """Record another form of the name; None if the record already has it exactly."""
    name = " ".join(name.split())
    if not name:
        raise PeopleError("a name cannot be empty")
    for variant in agent.variants:
        if variant.name == name:
            return None
    variant = NameVariant(agent=agent, name=name, script=script_of(name), folded=fold_name(name))
    session.add(variant)
    session.flush()
    return variant


def create_agent(
    session: Session,
    *,
    name: str,
    kind: str = "person",
    description: str | None = None,
    variants: list[str] | None = None,
    actor: str,
) -> Agent:
    if kind not in ("person", "organisation"):
        raise PeopleError(f"unknown kind {kind!r}")
    name = " ".join(name.split())
    if not name:
        raise PeopleError("a name cannot be empty")
    agent = Agent(
        ref=next_ref(session, AGENT_PREFIX), kind=kind, preferred_name=name, description=description
    )
    session.add(agent)
    session.flush()
    for form in [name, *(variants or [])]:
        add_variant(session, agent=agent, name=form)
    audit.record(
        session,
        action="create person" if kind == "person" else "create organisation",
        actor=actor,
        target=agent.ref,
        detail={"name": name},
    )
    return agent


def resolve_or_create(
    session: Session, *, name: str, is_organisation: bool, actor: str
) -> tuple[Agent, bool]:
    """The record for *name*, creating one if none matches; (agent, created)."""
    kind = "organisation" if is_organisation else "person"
    found = find_agent(session, name, kind=kind)
    if found is not None:
        add_variant(session, agent=found, name=name)
        return found, False
    return create_agent(session, name=name, kind=kind, actor=actor), True


def link_mention(session: Session, *, mention: Mention, actor: str) -> Agent:
    """Attach an accepted mention to its authority record (matching or new)."""
    agent, _created = resolve_or_create(
        session, name=mention.name, is_organisation=mention.is_organisation, actor=actor
    )
    for form in mention.variants or []:
        if form.strip():
            add_variant(session, agent=agent, name=form)
    mention.agent_id = agent.id
    session.flush()
    return agent


def mention_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Mention.agent_id, func.count(Mention.id))
        .where(Mention.agent_id.is_not(None), Mention.status == "accepted")
        .group_by(Mention.agent_id)
    )
    return {int(agent_id or 0): int(count) for agent_id, count in rows}


@dataclass(frozen=True)
class MergeResult:
    kept: str
    removed: str
    removed_name: str
    moved_variants: list[str]
    moved_mentions: list[int]


def merge_agents(session: Session, *, keep_ref: str, merge_ref: str, actor: str) -> MergeResult:
    """Fold record *merge_ref* into *keep_ref*: its names and mentions move over."""
    keep = require_agent(session, keep_ref)
    other = require_agent(session, merge_ref)
    if keep.id == other.id:
        raise PeopleError("cannot merge a record with itself")
    if keep.kind != other.kind:
        raise PeopleError("cannot merge a person with an organisation")
    moved_variants = []
    for variant in list(other.variants):
        if add_variant(session, agent=keep, name=variant.name) is not None:
            moved_variants.append(variant.name)
    mention_ids = list(
        session.execute(select(Mention.id).where(Mention.agent_id == other.id)).scalars()
    )
    session.execute(update(Mention).where(Mention.agent_id == other.id).values(agent_id=keep.id))
    if other.description and not keep.description:
        keep.description = other.description
    result = MergeResult(keep.ref, other.ref, other.preferred_name, moved_variants, mention_ids)
    session.delete(other)
    session.flush()
    session.expire(keep)
    audit.record(
        session,
        action="merge people",
        actor=actor,
        target=keep.ref,
        detail={"merged": other.ref, "variants": moved_variants, "mentions": mention_ids},
    )
    return result


def split_agent(
    session: Session, *, ref: str, names: list[str], new_name: str | None = None, actor: str
) -> Agent:
    """Move the given name forms (and the mentions written that way) to a new record.

    For when two people were wrongly merged or share a name form: the archivist says
    which forms belong to the other person.
    """
    source = require_agent(session, ref)
    keys = {fold_name(n) for n in names}
    moving = [v for v in source.variants if v.folded in keys]
    if not moving:
        raise PeopleError(f"{source.ref} has none of the names {', '.join(names)}")
    if len(moving) == len(source.variants):
        raise PeopleError("a split must leave at least one name form on the original record")
    target = Agent(
        ref=next_ref(session, AGENT_PREFIX),
        kind=source.kind,
        preferred_name=new_name or moving[0].name,
    )
    session.add(target)
    session.flush()
    for variant in moving:
        variant.agent_id = target.id
    mention_ids = [
        m.id
        for m in session.execute(select(Mention).where(Mention.agent_id == source.id)).scalars()
        if fold_name(m.name) in keys
    ]
    if mention_ids:
        session.execute(
            update(Mention).where(Mention.id.in_(mention_ids)).values(agent_id=target.id)
        )
    session.flush()
    session.expire(source)
    if source.preferred_name in {v.name for v in moving}:
        remaining = [v.name for v in source.variants]
        source.preferred_name = remaining[0]
    audit.record(
        session,
        action="split person",
        actor=actor,
        target=source.ref,
        detail={"new": target.ref, "names": [v.name for v in moving], "mentions": mention_ids},
    )
    return target
