"""Fixity for what Catena derived from originals: working texts and their index rows.

Originals are checked by ``db.integrity.verify_fixity``. A document's working text —
the characters its tags point into — is derived from its original and stored in the
database with a SHA-256 recorded when it was written (``Document.text_sha256``), so
a character changed by anything other than Catena (SQL, another program, a disk
fault) shows as a text that no longer matches its hash. The search index row is
derived from the text and metadata, so it is checked by deriving it again.

``verify_texts`` streams the documents in chunks (memory stays flat at any size),
logs the outcome as a preservation event and flags documents whose text fails, so
the window's "Needs review" lists them. ``repair_texts`` does only what is provably
safe: it puts back a text read again from the original when that text has exactly
the recorded hash (so every tag points at the same characters as before), and
re-derives index rows. Anything else is left, flagged, for a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import ColumnElement, LargeBinary, cast, func, literal, select, update
from sqlalchemy.orm import Session, defer
from sqlalchemy.orm.util import identity_key

from db import audit
from db.base import table_of
from db.column_types import StoredTextDamaged, stored_text_bytes
from db.languages import redetect_languages
from db.models import Document, hash_text
from db.objects import ObjectStore, sha256_bytes
from db.search import index

TEXT_FLAG = "text fixity failed"
"""Flag on a document whose stored text fails its check; cleared when it passes."""

CHUNK = index.CHUNK
"""Documents read per statement (texts included): bounded memory at any size."""

EVENT_PROBLEMS_SHOWN = 100
"""At most this many problems are listed in the audit event (all are counted)."""

Outcome = Literal["restored", "recorded", "reindexed", "left for a person"]
Problem = Literal["text altered", "text unrecorded", "index missing", "index outdated"]

_DESCRIPTIONS: dict[str, str] = {
    "text altered": "stored text differs from its recorded SHA-256",
    "text unrecorded": "stored text has no recorded SHA-256 (written outside Catena)",
    "index missing": "not in the search index",
    "index outdated": "search index row differs from the document's text and metadata",
}

_STORED_BYTES = cast(Document.text, LargeBinary)
"""The text as the bytes the database holds, not decoded, so a byte flipped into
invalid UTF-8 is reported instead of failing to decode: on SQLite the compressed BLOB of
``db.column_types.WorkingText`` (or the UTF-8 of a text stored as TEXT), on
PostgreSQL the UTF-8. ``_utf8`` turns them into the bytes ``hash_text`` hashes."""


def _stored_columns(session: Session) -> tuple[ColumnElement[bytes], ColumnElement[str]]:
    """The stored bytes and SQLite's storage class of the value ("blob": compressed)."""
    if session.get_bind().dialect.name == "sqlite":
        return _STORED_BYTES, func.typeof(Document.text)
    return _STORED_BYTES, literal("text")


def _utf8(stored: bytes | None, storage: str) -> bytes | None:
    """The text's UTF-8 bytes; None when a compressed text no longer decompresses."""
    if storage != "blob":
        return stored or b""
    try:
        return stored_text_bytes(stored)
    except StoredTextDamaged:
        return None


Rederive = Callable[[bytes, str], str]
"""Reads an original again (its bytes, its file name) and returns the working text the
import would store; raises :class:`RederiveError` with a one-line reason."""


class RederiveError(Exception):
    """The original could not be read again; the message is meant for a person."""


@dataclass(frozen=True)
class TextProblem:
    document_id: int
    ref: str
    problem: Problem

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self.problem]

    @property
    def concerns_text(self) -> bool:
        return self.problem.startswith("text")


@dataclass
class TextReport:
    checked: int = 0
    problems: list[TextProblem] = field(default_factory=list)
    damaged_index: str | None = None  # FTS5's own integrity check failed
    orphan_rows: list[int] = field(default_factory=list)  # index rows of no document

    @property
    def ok(self) -> bool:
        return not (self.problems or self.damaged_index or self.orphan_rows)

    def index_findings(self) -> list[str]:
        """Problems of the index as a whole (not of one document), as sentences."""
        findings = [self.damaged_index] if self.damaged_index else []
        if self.orphan_rows:
            findings.append(
                f"the search index holds {len(self.orphan_rows)} rows for documents that "
                "no longer exist"
            )
        return findings


def verify_texts(
    session: Session,
    *,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    record: bool = True,
) -> TextReport:
    """Re-hash every stored text and compare every index row with what it should be.

    A document whose text fails is not also reported for its index row: that row is
    derived from the text, which has to be put right first. Logs a preservation event
    and sets or clears :data:`TEXT_FLAG`; without *record* (a read-only catalogue) it
    only reports.
    """
    if record:
        index.sync(session)  # index rows of this transaction's own changes, first
    conn = session.connection()
    total = int(session.execute(select(func.count(Document.id))).scalar_one())
    report = TextReport()
    flag_changes: dict[int, list[str]] = {}
    stored_columns = _stored_columns(session)
    last = 0
    while True:
        rows = conn.execute(
            select(Document.id, Document.ref, *stored_columns)
            .add_columns(Document.text_sha256, Document.flags)
            .where(Document.id > last)
            .order_by(Document.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            break
        sound: list[int] = []
        refs: dict[int, str] = {}
        for doc_id, ref, stored, storage, recorded, flags in rows:
            refs[doc_id] = ref
            problem: Problem | None = None
            utf8 = _utf8(stored, storage)
            if recorded is None:
                problem = "text unrecorded"
            elif utf8 is None or sha256_bytes(utf8) != recorded:
                problem = "text altered"
            if problem is None:
                sound.append(doc_id)
            else:
                report.problems.append(TextProblem(doc_id, ref, problem))
            flagged = TEXT_FLAG in (flags or [])
            if (problem is not None) != flagged:
                flag_changes[doc_id] = (
                    [*(flags or []), TEXT_FLAG]
                    if not flagged
                    else [f for f in flags if f != TEXT_FLAG]
                )
        absent, outdated = index.compare_rows(conn, sound) if sound else ([], [])
        report.problems.extend(TextProblem(i, refs[i], "index missing") for i in absent)
        report.problems.extend(TextProblem(i, refs[i], "index outdated") for i in outdated)
        report.checked += len(rows)
        last = rows[-1][0]
        if progress is not None:
            progress(report.checked, total)
    # FTS5's integrity check is issued as a write; on read-only media the rows are
    # still compared one by one above.
    report.damaged_index = index.damage_of(conn) if record else None
    report.orphan_rows = index.orphan_rows(conn)
    if not record:
        return report
    _set_flags(session, flag_changes)
    audit.record(
        session,
        action="text fixity check",
        actor=actor,
        outcome="success" if report.ok else "failure",
        detail={
            "checked": report.checked,
            "problem_count": len(report.problems),
            "problems": [
                {"reference": p.ref, "problem": p.problem}
                for p in report.problems[:EVENT_PROBLEMS_SHOWN]
            ],
            "index": report.index_findings(),
        },
    )
    return report


def _set_flags(session: Session, changes: dict[int, list[str]]) -> None:
    """Write flags with Core UPDATEs, not through the ORM: a flag is not indexed, and
    an ORM change would make the search index re-derive the row from a text that has
    just failed its check (losing the words it was indexed with)."""
    if not changes:
        return
    session.flush()
    documents = table_of(Document)
    conn = session.connection()
    for doc_id, flags in changes.items():
        conn.execute(update(documents).where(documents.c.id == doc_id).values(flags=flags))
        loaded = session.identity_map.get(identity_key(Document, doc_id))
        if loaded is not None:
            session.expire(loaded, ["flags", "updated_at"])


@dataclass(frozen=True)
class TextRepair:
    ref: str
    outcome: Outcome
    reason: str


def repair_texts(
    session: Session,
    objects: ObjectStore,
    report: TextReport,
    *,
    rederive: Rederive,
    actor: str,
) -> list[TextRepair]:
    """Put right what *report* found, where that is safe; returns what was done.

    A failing text is read again from its original (which must pass its own SHA-256).
    It is put back only if the result has exactly the recorded hash — the same
    characters, so no tag moves — or, for a text with no recorded hash, if the result
    equals the stored text (then the hash is recorded). Otherwise nothing changes: the
    document stays flagged for a person, because any other text would silently move
    or invalidate its tags. Index rows are re-derived (they hold nothing of their own).
    """
    repairs: list[TextRepair] = []
    reindex: dict[int, str] = {}
    for problem in report.problems:
        if problem.concerns_text:
            repair = _repair_text(session, objects, problem, rederive=rederive, actor=actor)
            repairs.append(repair)
        else:
            reindex[problem.document_id] = problem.ref
    conn = session.connection()
    if report.damaged_index:
        index.rebuild(session)
    else:
        index.index_documents(conn, [*reindex, *report.orphan_rows])
    repairs.extend(
        TextRepair(ref, "reindexed", "search index row derived again from the stored text")
        for ref in reindex.values()
    )
    if reindex or report.orphan_rows or report.damaged_index:
        audit.record(
            session,
            action="repair search index",
            actor=actor,
            detail={
                "documents": sorted(reindex.values())[:EVENT_PROBLEMS_SHOWN],
                "document_count": len(reindex),
                "orphan_rows_removed": len(report.orphan_rows),
                "rebuilt_whole_index": bool(report.damaged_index),
            },
        )
    index.sync(session)  # restored texts' rows, so a check in this transaction sees them
    return repairs


def _repair_text(
    session: Session,
    objects: ObjectStore,
    problem: TextProblem,
    *,
    rederive: Rederive,
    actor: str,
) -> TextRepair:
    # The failing text is not loaded: it may not even decode. Its bytes are hashed.
    document = session.get(
        Document,
        problem.document_id,
        options=[defer(Document.text), defer(Document.set_aside), defer(Document.page_starts)],
    )
    if document is None:  # deleted meanwhile by this transaction: nothing to repair
        return TextRepair(problem.ref, "left for a person", "the document no longer exists")

    def left(reason: str) -> TextRepair:
        return TextRepair(problem.ref, "left for a person", f"{reason}; flagged {TEXT_FLAG!r}")

    sha = document.original_sha256
    if not sha:
        return left("it has no original to read the text from again")
    try:
        data = objects.read(sha)
    except OSError:
        return left(f"its original {sha} is missing from the object store")
    if sha256_bytes(data) != sha:
        return left(f"its original {sha} fails its own SHA-256 check")
    try:
        text = rederive(data, document.original_filename or "")
    except RederiveError as exc:
        return left(f"its original could not be read again ({exc})")
    digest = hash_text(text)
    outcome: Outcome
    if problem.problem == "text unrecorded":
        stored, storage = session.execute(
            select(*_stored_columns(session)).where(Document.id == document.id)
        ).one()
        utf8 = _utf8(stored, storage)
        if utf8 is None or digest != sha256_bytes(utf8):
            return left("the text read again from the original differs from the stored text")
        document.text_sha256 = digest
        action, outcome = "record text hash", "recorded"
        reason = "the stored text equals the text read again from the original; hash recorded"
    else:
        if digest != document.text_sha256:
            return left(
                "the text read again from the original differs from the recorded SHA-256 "
                "(the text may have been edited after import, or the reader has changed); "
                "tags were not moved"
            )
        document.text = text
        redetect_languages(document)
        action, outcome = "restore text", "restored"
        reason = "the text read again from the original matches its recorded SHA-256"
    document.flags = [f for f in document.flags if f != TEXT_FLAG]
    audit.record(
        session,
        action=action,
        actor=actor,
        target=document.ref,
        detail={"original_sha256": sha, "text_sha256": digest},
    )
    return TextRepair(problem.ref, outcome, reason)
