"""The hash-chained audit trail.

Every change is recorded as an Event whose hash covers its content and the previous
event's hash. Rewriting or deleting a past event breaks every later hash, which
``verify_chain`` reports by event number.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.base import table_of
from db.models import Event, new_uid, utcnow

GENESIS = "0" * 64
_INSERT = insert(table_of(Event))  # one prepared statement for every event
_HEAD = "catena_audit_head"


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (containers, services)
        return "unknown"


def _digest(
    prev_hash: str,
    uid: str,
    at: str,
    actor: str,
    action: str,
    target: str | None,
    outcome: str,
    detail: dict[str, Any],
) -> str:
    payload = json.dumps(
        [prev_hash, uid, at, actor, action, target, outcome, detail],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    action: str,
    actor: str,
    target: str | None = None,
    outcome: str = "success",
    detail: dict[str, Any] | None = None,
) -> str:
    """Append an event in the caller's transaction (so it commits with the change);
    returns its hash.

    Written with one prepared INSERT rather than as an ORM object: an import records two
    events per document, and the unit of work's bookkeeping cost more than the hash.
    """
    # Writers hold the database's write lock for the whole transaction, so the last
    # hash seen in this transaction is still the chain's head: no query per event.
    last = session.info.get(_HEAD)
    if last is None:
        last = session.execute(select(Event.hash).order_by(Event.id.desc()).limit(1)).scalar()
    prev_hash = last or GENESIS
    uid, at, details = new_uid(), utcnow(), dict(detail or {})
    digest = _digest(prev_hash, uid, at, actor, action, target, outcome, details)
    session.connection().execute(
        _INSERT,
        {
            "uid": uid,
            "at": at,
            "actor": actor,
            "action": action,
            "target": target,
            "outcome": outcome,
            "detail": details,
            "prev_hash": prev_hash,
            "hash": digest,
        },
    )
    session.info[_HEAD] = digest
    return digest


def _forget_head(session: Session, *_args: object) -> None:
    session.info.pop(_HEAD, None)


# A transaction that ends (commit or rollback) invalidates the cached head.
sa_event.listen(Session, "after_commit", _forget_head)
sa_event.listen(Session, "after_rollback", _forget_head)
sa_event.listen(Session, "after_soft_rollback", _forget_head)


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at: int | None  # id of the first event whose hash does not verify

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(session: Session) -> ChainReport:
    """Recompute every hash; report the total and the first event that fails."""
    prev = GENESIS
    count = 0
    broken: int | None = None
    for event in session.execute(select(Event).order_by(Event.id)).scalars():
        count += 1
        expected = _digest(
            prev,
            event.uid,
            event.at,
            event.actor,
            event.action,
            event.target,
            event.outcome,
            event.detail,
        )
        if broken is None and (event.prev_hash != prev or event.hash != expected):
            broken = event.id
        prev = event.hash
    return ChainReport(count, broken)
