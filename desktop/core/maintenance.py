"""Looking after a catalogue: verify it, back it up, restore it.

``catena verify``, ``catena backup``, ``catena restore`` and the smoke test all go
through here, so a check means the same thing wherever it is run. The restore itself
lives in ``db.restore`` (it must work on a database too damaged to open); it is named
here so adapters find every maintenance operation in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import select

from db import audit
from db.backup import BackupError, backup_database, rotate_backup, verify_backup
from db.catalogue import Catalogue
from db.database_checks import database_findings
from db.integrity import FixityReport, verify_fixity
from db.models import Event
from db.pg_backup import rotate_pg_backup
from db.restore import RestorePlan, plan_restore, restore_catalogue
from db.text_fixity import TextRepair, TextReport, repair_texts, verify_texts
from desktop.core.changes import NOTHING, Changes, Done
from desktop.ingest.rederive import rederive_text

__all__ = [
    "AuditLog",
    "RestorePlan",
    "Stage",
    "Verification",
    "audit_log",
    "back_up",
    "plan_restore",
    "restore_catalogue",
    "verify_catalogue",
]

Stage = Literal["originals", "texts"]
Progress = Callable[[Stage, int, int], None]


@dataclass(frozen=True)
class Verification:
    """Everything one verification found, in the order it was checked."""

    objects: FixityReport
    texts: TextReport
    repairs: tuple[TextRepair, ...]
    database: tuple[str, ...]  # SQLite's own findings; empty when sound
    chain: audit.ChainReport
    recorded: bool  # False on read-only media: the check could not be logged

    @property
    def ok(self) -> bool:
        return self.objects.ok and self.texts.ok and not self.database and self.chain.ok


def verify_catalogue(
    catalogue: Catalogue, *, repair: bool = False, progress: Progress | None = None
) -> Done[Verification]:
    """Re-hash every original and working text, compare the search index, run SQLite's
    integrity check and verify the audit trail; with *repair*, put back texts that can
    be read again exactly as recorded and rebuild outdated index rows.

    The trail is checked as found, before this check adds its own events to it. On a
    read-only catalogue everything is checked and nothing is written; *repair* there is
    refused as every writing operation is (``ReadOnlyCatalogue``).
    """
    record = not catalogue.read_only
    unit = catalogue.writing if record or repair else catalogue.reading
    repairs: list[TextRepair] = []
    with unit() as session:
        chain = audit.verify_chain(session)
        objects = verify_fixity(
            session,
            catalogue.objects,
            actor=catalogue.actor,
            progress=_stage(progress, "originals"),
            record=record,
        )

        def check_texts() -> TextReport:
            return verify_texts(
                session,
                actor=catalogue.actor,
                progress=_stage(progress, "texts"),
                record=record,
            )

        texts = check_texts()
        if repair and not texts.ok:
            repairs = repair_texts(
                session, catalogue.objects, texts, rederive=rederive_text, actor=catalogue.actor
            )
            texts = check_texts()  # what is left, logged as such
        findings = database_findings(session)
    changed = frozenset(r.ref for r in repairs if r.outcome != "left for a person")
    return Done(
        Verification(
            objects=objects,
            texts=texts,
            repairs=tuple(repairs),
            database=tuple(findings),
            chain=chain,
            recorded=record,
        ),
        Changes(documents=changed) if changed else NOTHING,
    )


def _stage(progress: Progress | None, stage: Stage) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(stage, done, total)


def back_up(catalogue: Catalogue, *, to: Path | None = None) -> Path:
    """A verified copy of the database made with SQLite's backup API: to the file *to*,
    or into the catalogue's rotating backups. A server catalogue's is a ``pg_dump``
    into the folder *to*, rotated there and verified by restoring it (``db.pg_backup``).
    Logged unless the catalogue is read-only (a copy of read-only media may be taken,
    but not recorded on it)."""
    if catalogue.url is not None:  # a server catalogue: pg_dump, verified by pg_restore
        if to is None:
            raise BackupError(
                "a catalogue on a PostgreSQL server is backed up with pg_dump into a "
                "folder: catena backup --to FOLDER (see docs/team.md)"
            )
        target = rotate_pg_backup(catalogue.url, Path(to))
    elif to is not None:
        target = backup_database(catalogue.database, Path(to))
        problem = verify_backup(target)
        if problem:
            raise BackupError(f"the backup at {target} failed its check: {problem}")
    else:
        target = rotate_backup(catalogue.database, catalogue.backups)
    if not catalogue.read_only:
        with catalogue.writing() as session:
            audit.record(
                session, action="backup", actor=catalogue.actor, detail={"file": str(target)}
            )
    return target


@dataclass(frozen=True)
class AuditLog:
    events: tuple[Event, ...]  # the newest *limit* events, oldest first (detached)
    chain: audit.ChainReport | None  # when asked to verify


def audit_log(catalogue: Catalogue, *, limit: int = 50, verify: bool = False) -> AuditLog:
    """The newest events of the audit trail, and with *verify* the check of its chain
    and of the head recorded outside the database."""
    with catalogue.reading() as session:
        events = list(
            session.execute(select(Event).order_by(Event.id.desc()).limit(max(1, limit))).scalars()
        )
        chain = audit.verify_chain(session) if verify else None
        session.expunge_all()
    events.reverse()
    return AuditLog(tuple(events), chain)
