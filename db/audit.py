"""The hash-chained audit trail.

Every change is recorded as an Event whose hash covers its content and the previous
event's hash. Rewriting or deleting a past event breaks every later hash, which
``verify_chain`` reports by event number. Cutting the newest events off leaves a valid
chain, so the head is also kept outside the database (``db.audit_head``): sessions
whose ``info`` names a head file (a catalogue's sessions) update it after each commit
that recorded events, and ``verify_chain`` checks the trail still reaches it.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, SessionTransaction

from db.audit_head import (
    EMPTY,
    GENESIS,
    ChainHead,
    HeadFileError,
    head_json,
    parse_head,
    reaches,
    read_head,
    write_head,
)
from db.base import table_of
from db.models import Event, new_uid, utcnow
from db.settings import AUDIT_HEAD, read_setting, write_setting

__all__ = [
    "GENESIS",
    "HEAD_FILE_KEY",
    "ChainHead",
    "ChainReport",
    "NewEvent",
    "chain_head",
    "event_digest",
    "record",
    "record_many",
]

_INSERT = insert(table_of(Event))  # one prepared statement for every event
_HEAD = "catena_audit_head"
HEAD_FILE_KEY = "catena_audit_head_file"
"""``Session.info`` key: the ``Path`` of the head file a session's commits keep."""
HEAD_IN_DATABASE_KEY = "catena_audit_head_in_database"
"""``Session.info`` key: True when commits keep the head in ``catalogue_settings``
instead (a PostgreSQL catalogue, which has no folder; see ``db.audit_head``)."""
HEAD_ROW_NAME = f"catalogue_settings.{AUDIT_HEAD}"
_RECORDED = "catena_audit_recorded"
_HEAD_TO_WRITE = "catena_audit_head_to_write"


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (containers, services)
        return "unknown"


def event_digest(
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
    digest = event_digest(prev_hash, uid, at, actor, action, target, outcome, details)
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
    session.info[_RECORDED] = True
    return digest


@dataclass(frozen=True)
class NewEvent:
    """One event for ``record_many``: the arguments ``record`` takes."""

    action: str
    actor: str
    target: str | None = None
    outcome: str = "success"
    detail: dict[str, Any] | None = None


def record_many(session: Session, events: list[NewEvent]) -> list[str]:
    """Append *events* in order with one executemany; returns their hashes.

    The trail is the same as ``record`` called once per event would leave (each event
    chained to the one before, its own uid and time); the import's batched writer
    records a batch's import events this way, as one statement instead of one each.
    """
    if not events:
        return []
    last = session.info.get(_HEAD)
    if last is None:
        last = session.execute(select(Event.hash).order_by(Event.id.desc()).limit(1)).scalar()
    prev_hash = last or GENESIS
    rows: list[dict[str, Any]] = []
    for item in events:
        uid, at, details = new_uid(), utcnow(), dict(item.detail or {})
        digest = event_digest(
            prev_hash, uid, at, item.actor, item.action, item.target, item.outcome, details
        )
        rows.append(
            {
                "uid": uid,
                "at": at,
                "actor": item.actor,
                "action": item.action,
                "target": item.target,
                "outcome": item.outcome,
                "detail": details,
                "prev_hash": prev_hash,
                "hash": digest,
            }
        )
        prev_hash = digest
    session.connection().execute(_INSERT, rows)
    session.info[_HEAD] = prev_hash
    session.info[_RECORDED] = True
    return [row["hash"] for row in rows]


def _forget_head(session: Session, *_args: object) -> None:
    session.info.pop(_HEAD, None)


# A transaction that ends (commit or rollback) invalidates the cached head.
sa_event.listen(Session, "after_commit", _forget_head)
sa_event.listen(Session, "after_rollback", _forget_head)
sa_event.listen(Session, "after_soft_rollback", _forget_head)


def chain_head(session: Session) -> ChainHead:
    """Where the trail in the database ends now: the event count, the last event's id
    and hash. The dossier's fixity appendix prints it; ``catena log --verify`` too."""
    row = session.execute(select(Event.id, Event.hash).order_by(Event.id.desc()).limit(1)).first()
    if row is None:
        return EMPTY
    count = session.execute(select(func.count(Event.id))).scalar_one()
    return ChainHead(int(count), int(row[0]), str(row[1]))


def _hash_at(session: Session, event_id: int) -> str | None:
    return session.execute(select(Event.hash).where(Event.id == event_id)).scalar()


def recorded_head_problem(session: Session, recorded: ChainHead) -> str | None:
    """None when the trail in *session* still reaches *recorded*; else what is wrong."""
    last_id = session.execute(select(func.max(Event.id))).scalar()
    found = None if recorded.last_id is None else _hash_at(session, recorded.last_id)
    return reaches(recorded, last_id, found)


def _head_before_commit(session: Session) -> None:
    """Work out the head to record once this commit is through.

    Costs two indexed lookups and a count of this commit's own events (the count of
    the rest comes from the recorded head), once per commit, however many events the
    commit holds. When the recorded head is no longer part of the trail, nothing is
    recorded: the file keeps the evidence of the cut for ``verify_chain``.
    """
    path = session.info.get(HEAD_FILE_KEY)
    in_database = bool(session.info.get(HEAD_IN_DATABASE_KEY))
    if path is None and not in_database:
        return
    if not session.info.get(_RECORDED) or session.in_nested_transaction():
        return
    try:
        recorded = recorded_head(session)
    except HeadFileError:
        return
    if recorded is None or recorded.last_id is None:
        head = chain_head(session)
    elif recorded_head_problem(session, recorded) is not None:
        return
    else:
        row = session.execute(select(Event.id, Event.hash).order_by(Event.id.desc()).limit(1))
        last_id, last_hash = row.one()
        newer = session.execute(
            select(func.count(Event.id)).where(Event.id > recorded.last_id)
        ).scalar_one()
        head = ChainHead(recorded.events + int(newer), int(last_id), str(last_hash))
    if in_database:  # in this transaction: committed with the events, never behind
        write_setting(session, AUDIT_HEAD, head_json(head))
        return
    session.info[_HEAD_TO_WRITE] = head


def _head_after_commit(session: Session) -> None:
    head = session.info.pop(_HEAD_TO_WRITE, None)  # set for the outermost commit only
    path = session.info.get(HEAD_FILE_KEY)
    if head is None or path is None:
        return
    # The commit is through and must not be reported as failed. A head file left
    # behind is harmless (still a prefix of the trail); the next commit catches up.
    with contextlib.suppress(OSError):
        write_head(path, head)


def _head_after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_RECORDED, None)
        session.info.pop(_HEAD_TO_WRITE, None)


sa_event.listen(Session, "before_commit", _head_before_commit)
sa_event.listen(Session, "after_commit", _head_after_commit)
sa_event.listen(Session, "after_transaction_end", _head_after_transaction_end)


def recorded_head(session: Session) -> ChainHead | None:
    """The head recorded for the trail *session* reads: from its head file, or from
    ``catalogue_settings`` on PostgreSQL; None when none is recorded (or the session
    keeps none). Raises ``HeadFileError`` when the record cannot be read."""
    path = session.info.get(HEAD_FILE_KEY)
    if path is not None:
        return read_head(path)
    if not session.info.get(HEAD_IN_DATABASE_KEY):
        return None
    text = read_setting(session, AUDIT_HEAD)
    return None if text is None else parse_head(text, HEAD_ROW_NAME)


def anchor_head_in_database(session: Session) -> tuple[ChainHead, bool]:
    """``anchor_head`` for a PostgreSQL catalogue: the ``catalogue_settings`` row made
    (in the caller's write transaction) if it is missing."""
    try:
        recorded = recorded_head(session)
    except HeadFileError:
        return chain_head(session), False
    if recorded is not None:
        return recorded, False
    head = chain_head(session)
    write_setting(session, AUDIT_HEAD, head_json(head))
    return head, True


def anchor_head(session: Session, path: Path) -> tuple[ChainHead, bool]:
    """Make sure the head file at *path* exists; returns the head and whether the file
    had to be made (an older catalogue: history before now cannot be checked for a cut
    end, which the caller says once)."""
    try:
        recorded = read_head(path)
    except HeadFileError:
        return chain_head(session), False  # kept as evidence; verify_chain reports it
    if recorded is not None:
        return recorded, False
    head = chain_head(session)
    write_head(path, head)
    return head, True


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at: int | None  # id of the first event whose hash does not verify
    last_id: int | None = None
    last_hash: str = GENESIS
    recorded: ChainHead | None = None  # what the head file says (None: no file)
    head_problem: str | None = None  # the trail was cut, or the file is unreadable
    head_file: Path | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None and self.head_problem is None

    @property
    def head(self) -> ChainHead:
        return ChainHead(self.events, self.last_id, self.last_hash)

    def describe(self) -> str:
        """One line for a person: intact, or the first thing that is wrong."""
        if self.broken_at is not None:
            return f"Hash chain of {self.events} events: BROKEN at event #{self.broken_at}"
        if self.head_problem is not None:
            return f"Hash chain of {self.events} events: CUT OFF: {self.head_problem}"
        where = HEAD_ROW_NAME if self.head_file is None else self.head_file.name
        anchor = (
            f"reaches its recorded head ({where})"
            if self.recorded is not None
            else "no recorded head to check its end against"
        )
        return f"Hash chain of {self.events} events: intact; {anchor}"


def verify_chain(session: Session) -> ChainReport:
    """Recompute every hash; report the total, the first event that fails, and whether
    the trail still reaches the head recorded outside the database."""
    prev = GENESIS
    count = 0
    broken: int | None = None
    last_id: int | None = None
    for event in session.execute(select(Event).order_by(Event.id)).scalars():
        count += 1
        expected = event_digest(
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
        last_id = event.id
    path: Path | None = session.info.get(HEAD_FILE_KEY)
    recorded: ChainHead | None = None
    problem: str | None = None
    try:
        recorded = recorded_head(session)
    except HeadFileError as exc:
        problem = f"the recorded head cannot be read ({exc})"
    if recorded is not None:
        problem = recorded_head_problem(session, recorded)
    return ChainReport(count, broken, last_id, prev, recorded, problem, path)
