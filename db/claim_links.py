"""Links from figures and dates to the event records they are about.

A figure ("613 civilians killed") is a claim about one event; comparing it with other
sources needs to know which. A link is stored on the tag (``event_record_id``) with a
status like a suggestion's: "suggested" when the suggester proposed it, "accepted"
when a person made or confirmed it (``event_link_status``; NULL with no link). A date
tag also has a role: does it give when the event happened ("event"), when it was
reported ("reporting"), or something else ("other").

Every operation is audited and returns a ``LinkChange`` holding the link before and
after, which ``revert_link`` puts back (undo, and redo by reverting the revert). Bad
input raises ``ClaimLinkError`` with a one-line message before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from sqlalchemy.orm import Session

from db import audit
from db.event_records import EventRecordError, require
from db.models import DATE_ROLES, DateTag, Document, EventRecord, Figure

LinkKind = Literal["figure", "date"]
LINK_KINDS: tuple[LinkKind, ...] = ("figure", "date")
_MODELS: dict[str, type[Figure] | type[DateTag]] = {"figure": Figure, "date": DateTag}


class ClaimLinkError(ValueError):
    """A link the catalogue refuses; the message is for the user."""


@dataclass(frozen=True)
class LinkState:
    """A tag's link: the record (id and code), its status, and a date's role."""

    event_record_id: int | None
    event_ref: str | None
    status: str | None
    role: str | None


@dataclass(frozen=True)
class LinkChange:
    """One tag's link before and after an operation."""

    action: str
    kind: LinkKind
    tag_id: int
    document_ref: str
    before: LinkState
    after: LinkState


def link_kind(value: str) -> LinkKind:
    """*value* as a kind of tag that can be linked, or a one-line refusal."""
    if value not in LINK_KINDS:
        raise ClaimLinkError(f"only figures and dates link to events, not {value!r}")
    return value


def require_tag(session: Session, kind: LinkKind, tag_id: int) -> Figure | DateTag:
    # _MODELS maps each kind to its class; mypy sees only their common base.
    tag = cast(Figure | DateTag | None, session.get(_MODELS[link_kind(kind)], tag_id))
    if tag is None:
        raise ClaimLinkError(f"no {kind} tag #{tag_id}")
    return tag


def _record(session: Session, ref: str) -> EventRecord:
    try:
        return require(session, ref)
    except EventRecordError as exc:
        raise ClaimLinkError(str(exc)) from exc


def state_of(session: Session, tag: Figure | DateTag) -> LinkState:
    record = (
        session.get(EventRecord, tag.event_record_id) if tag.event_record_id is not None else None
    )
    return LinkState(
        tag.event_record_id,
        record.ref if record is not None else None,
        # A status without a record (left by a record deleted outright) is no link.
        tag.event_link_status if tag.event_record_id is not None else None,
        tag.role if isinstance(tag, DateTag) else None,
    )


def _apply(
    session: Session,
    *,
    action: str,
    kind: LinkKind,
    tag: Figure | DateTag,
    record_id: int | None,
    status: str | None,
    role: str | None,
    actor: str,
) -> LinkChange:
    before = state_of(session, tag)
    tag.event_record_id = record_id
    tag.event_link_status = status if record_id is not None else None
    if isinstance(tag, DateTag):
        tag.role = role
    session.flush()
    after = state_of(session, tag)
    document = session.get(Document, tag.document_id)
    document_ref = document.ref if document is not None else "?"
    audit.record(
        session,
        action=action,
        actor=actor,
        target=document_ref,
        detail={
            "tag": tag.uid,
            "kind": kind,
            "event": after.event_ref,
            "status": after.status,
            "role": after.role,
            "was": before.event_ref,
        },
    )
    return LinkChange(action, kind, tag.id, document_ref, before, after)


def _role(tag: Figure | DateTag) -> str | None:
    return tag.role if isinstance(tag, DateTag) else None


def link(
    session: Session, *, kind: LinkKind, tag_id: int, event_ref: str, actor: str
) -> LinkChange:
    """Link the tag to *event_ref* as a person's decision (status accepted)."""
    tag = require_tag(session, kind, tag_id)
    record = _record(session, event_ref)
    return _apply(
        session,
        action=f"link {kind} to event",
        kind=kind,
        tag=tag,
        record_id=record.id,
        status="accepted",
        role=_role(tag),
        actor=actor,
    )


def suggest(
    session: Session,
    *,
    kind: LinkKind,
    tag_id: int,
    event_ref: str,
    actor: str,
    role: str | None = None,
) -> LinkChange:
    """Propose a link (status suggested); a date without a role also gets *role*.
    A tag that is already linked is refused: a suggestion never replaces a link."""
    tag = require_tag(session, kind, tag_id)
    record = _record(session, event_ref)
    if tag.event_record_id is not None:
        raise ClaimLinkError(f"{kind} tag #{tag_id} is already linked to an event")
    if role is not None and role not in DATE_ROLES:
        raise ClaimLinkError(f"unknown date role {role!r}; roles are {', '.join(DATE_ROLES)}")
    current = _role(tag)
    return _apply(
        session,
        action=f"suggest {kind} event link",
        kind=kind,
        tag=tag,
        record_id=record.id,
        status="suggested",
        role=current if current is not None or kind != "date" else role,
        actor=actor,
    )


def confirm(session: Session, *, kind: LinkKind, tag_id: int, actor: str) -> LinkChange:
    """Accept the tag's suggested link as it stands."""
    tag = require_tag(session, kind, tag_id)
    if tag.event_record_id is None:
        raise ClaimLinkError(f"{kind} tag #{tag_id} has no event link to confirm")
    record = session.get(EventRecord, tag.event_record_id)
    if record is None or record.deleted_at is not None:
        name = record.ref if record is not None else "its event record"
        raise ClaimLinkError(f"{name} is in the trash; restore it or link another event")
    return _apply(
        session,
        action=f"confirm {kind} event link",
        kind=kind,
        tag=tag,
        record_id=record.id,
        status="accepted",
        role=_role(tag),
        actor=actor,
    )


def clear(session: Session, *, kind: LinkKind, tag_id: int, actor: str) -> LinkChange:
    """Remove the tag's link (a date keeps its role)."""
    tag = require_tag(session, kind, tag_id)
    if tag.event_record_id is None:
        raise ClaimLinkError(f"{kind} tag #{tag_id} is not linked to an event")
    return _apply(
        session,
        action=f"unlink {kind} from event",
        kind=kind,
        tag=tag,
        record_id=None,
        status=None,
        role=_role(tag),
        actor=actor,
    )


def set_date_role(session: Session, *, tag_id: int, role: str | None, actor: str) -> LinkChange:
    """Say whether a date gives the event, its reporting or something else (None clears)."""
    if role is not None and role not in DATE_ROLES:
        raise ClaimLinkError(f"unknown date role {role!r}; roles are {', '.join(DATE_ROLES)}")
    tag = require_tag(session, "date", tag_id)
    return _apply(
        session,
        action="set date role",
        kind="date",
        tag=tag,
        record_id=tag.event_record_id,
        status=tag.event_link_status,
        role=role,
        actor=actor,
    )


def revert_link(session: Session, *, change: LinkChange, actor: str) -> LinkChange:
    """Put the tag's link back as it was before *change*; the returned change undoes
    this one. Refused when the link has changed since."""
    tag = require_tag(session, change.kind, change.tag_id)
    if state_of(session, tag) != change.after:
        raise ClaimLinkError(
            f"{change.kind} tag #{change.tag_id} has changed since this {change.action};"
            " it cannot be undone"
        )
    wanted = change.before
    return _apply(
        session,
        action=f"undo {change.action}",
        kind=change.kind,
        tag=tag,
        record_id=wanted.event_record_id,
        status=wanted.status,
        role=wanted.role,
        actor=actor,
    )
