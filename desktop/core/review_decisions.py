"""Deciding suggestions from the review queue: accept, reject or edit, one or many.

However many rows a person decides at once, it is one write transaction (all or
nothing: an unknown id changes nothing) and one list of ``TagChange``, the same
record single tag edits return, so the window's undo and the audit log treat a bulk
decision exactly like the single ones (``db.tags.update_tag`` writes one audit event
per tag). ``revert_changes`` undoes such a list with ``db.tags.revert``; its result
undoes the undo, so redo is another revert.

Editing corrects a suggestion's value and accepts it, as one step: a person who
typed the right value has confirmed the tag. What "value" means depends on the kind
(see ``edit_values``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.dates import is_valid_edtf
from db.models import QUALIFIERS
from db.people import resolve_or_create
from db.tags import TagChange, TagError, TagKind, get_tag, revert, update_tag
from desktop.core.changes import Changes, Done
from desktop.core.review import ReviewError, parse_item_id
from desktop.core.tagging import accept_tag

Decision = Literal["accept", "reject"]
_QUALIFIERS_LONGEST_FIRST = sorted((q for q in QUALIFIERS if q != "range"), key=len, reverse=True)
_RANGE = re.compile(
    r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:[-–]|to)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*$"
)
_NUMBER = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*$")


@dataclass(frozen=True)
class Decided:
    """What a decision did: the changes (for undo) and the ids left as they were."""

    changes: tuple[TagChange, ...]
    unchanged: tuple[str, ...]  # ids already in the asked-for status


def _changes_of(changes: Sequence[TagChange]) -> Changes:
    return Changes(
        tags_of=frozenset(c.document_ref for c in changes),
        people=any(c.kind == "mention" for c in changes),
    )


def _unique_ids(ids: Sequence[str]) -> list[tuple[str, TagKind, int]]:
    if not ids:
        raise ReviewError("name at least one suggestion id (D12, F7, P33)")
    seen: set[tuple[TagKind, int]] = set()
    parsed: list[tuple[str, TagKind, int]] = []
    for text in ids:
        kind, number = parse_item_id(text)
        if (kind, number) not in seen:
            seen.add((kind, number))
            parsed.append((text.strip().upper(), kind, number))
    return parsed


def decide(catalogue: Catalogue, *, ids: Sequence[str], decision: Decision) -> Done[Decided]:
    """Accept or reject the suggestions *ids* (``D12``, ``F7``, ``P33``) together.

    One transaction: if any id names no tag, nothing changes and ``ReviewError`` says
    which. Tags already in the asked-for status are left alone (and reported).
    """
    status = {"accept": "accepted", "reject": "rejected"}[decision]
    done: list[TagChange] = []
    unchanged: list[str] = []
    try:
        with catalogue.writing() as session:
            for shown, kind, number in _unique_ids(ids):
                tag = get_tag(session, kind, number)
                if tag.status == status:
                    unchanged.append(shown)
                    continue
                if decision == "accept":
                    done.append(
                        accept_tag(session, kind=kind, tag_id=number, actor=catalogue.actor)
                    )
                else:
                    done.append(
                        update_tag(
                            session,
                            kind=kind,
                            tag_id=number,
                            changes={"status": "rejected"},
                            actor=catalogue.actor,
                        )
                    )
    except TagError as exc:
        raise ReviewError(f"{exc}; nothing was changed") from exc
    return Done(Decided(tuple(done), tuple(unchanged)), _changes_of(done))


def edit_values(
    kind: TagKind, value: str, *, qualifier: str | None = None, counted: str | None = None
) -> dict[str, Any]:
    """The new values an edit means for each kind.

    A date: *value* is its EDTF ("1992-02-25", "1992-02-25/1992-02-26", "1943-21").
    A figure: *value* is a number or a range ("613", "1,000", "200-300"), perhaps
    after its qualifier ("about 200"), or the *qualifier* given apart ("about", "at
    least", …), and what is *counted*.
    A person: *value* is the name as it should be recorded; the mention is linked
    to the record with that name (or a new one) when accepted.
    """
    value = " ".join(value.split())
    if not value:
        raise ReviewError("give the corrected value (--value)")
    if kind == "date":
        if not is_valid_edtf(value):
            raise ReviewError(
                f"{value!r} is not an EDTF date (for example 1992-02-25, 1992-02, "
                "1992-02-25/1992-02-26)"
            )
        return {"edtf": value}
    if kind == "figure":
        return _figure_values(value, qualifier, counted)
    if qualifier is not None or counted is not None:
        raise ReviewError("--qualifier and --counted are for figures only")
    return {"name": value, "agent_id": None}


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _figure_values(value: str, qualifier: str | None, counted: str | None) -> dict[str, Any]:
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise ReviewError(
            f"unknown qualifier {qualifier!r}; qualifiers are {', '.join(QUALIFIERS)}"
        )
    values: dict[str, Any] = {}
    said = next(
        (q for q in _QUALIFIERS_LONGEST_FIRST if value.casefold().startswith(q + " ")), None
    )
    if said is not None:  # "about 200": the qualifier written before the number
        if qualifier is not None and qualifier != said:
            raise ReviewError(f"{value!r} says {said!r} but --qualifier says {qualifier!r}")
        qualifier, value = said, value[len(said) :].strip()
    ranged = _RANGE.match(value)
    single = _NUMBER.match(value)
    if ranged:
        low, high = _number(ranged.group(1)), _number(ranged.group(2))
        if high < low:
            raise ReviewError(f"{value!r}: the upper value of a range cannot be below its lower")
        values.update(value=low, upper_value=high, qualifier=qualifier or "range")
    elif single:
        values.update(value=_number(single.group(1)), upper_value=None)
        if qualifier is not None:
            values["qualifier"] = qualifier
    else:
        raise ReviewError(f"{value!r} is not a number or a range such as 200-300")
    if counted is not None:
        values["counted"] = " ".join(counted.split())
    return values


def edit(
    catalogue: Catalogue,
    *,
    item: str,
    value: str,
    qualifier: str | None = None,
    counted: str | None = None,
) -> Done[Decided]:
    """Correct suggestion *item*'s value and accept it, as one change (one undo step)."""
    kind, number = parse_item_id(item)
    values = edit_values(kind, value, qualifier=qualifier, counted=counted)
    try:
        with catalogue.writing() as session:
            change = _edit_and_accept(session, kind, number, values, catalogue.actor)
    except TagError as exc:
        raise ReviewError(f"{exc}; nothing was changed") from exc
    return Done(Decided((change,), ()), _changes_of([change]))


def _edit_and_accept(
    session: Session, kind: TagKind, number: int, values: dict[str, Any], actor: str
) -> TagChange:
    tag = get_tag(session, kind, number)
    changes = {**values, "status": "accepted"}
    if kind == "mention":
        agent, _created = resolve_or_create(
            session,
            name=values["name"],
            is_organisation=bool(getattr(tag, "is_organisation", False)),
            actor=actor,
        )
        changes["agent_id"] = agent.id
    return update_tag(session, kind=kind, tag_id=number, changes=changes, actor=actor)


def revert_changes(catalogue: Catalogue, *, changes: Sequence[TagChange]) -> Done[list[TagChange]]:
    """Undo *changes* (in the order they were made) in one transaction; the result,
    in the order it was applied, undoes this undo."""
    with catalogue.writing() as session:
        undone = [revert(session, change=c, actor=catalogue.actor) for c in reversed(changes)]
    return Done(undone, _changes_of(undone))


__all__ = ["Decided", "Decision", "decide", "edit", "edit_values", "revert_changes"]
