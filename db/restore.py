"""Putting a catalogue back from a backup — including one whose database is damaged.

A damaged database cannot be opened (``Catalogue.open`` refuses it), and a restore that
needed it open could never rescue it. So a restore works on the folder: it checks the
backup, that the originals it refers to are all present, and what state the current
database is in, and only then changes anything.

- A healthy database is replaced through SQLite's backup API (a process that has the
  catalogue open sees a consistent database) after a verified ``pre-restore-`` copy.
- A damaged or missing one is replaced whole: its file is copied byte for byte, and
  its ``-wal``/``-shm`` moved, into ``backups/damaged-<UTC stamp>/`` — kept as
  evidence, never deleted — and a copy of the backup takes its place by an atomic
  rename. A stale ``-wal`` must not stay beside the new file: SQLite would replay the
  damaged database's log into it.

Either way the head file is set to the restored trail's head and a "restore catalogue"
event records what was replaced (its head, where the previous state is kept).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db import audit
from db.audit_head import HEAD_FILE_NAME, ChainHead, HeadFileError, head_of_connection, read_head
from db.audit_head import write_head as _write_head
from db.backup import (
    SAFETY_PREFIX,
    BackupError,
    blob_hashes,
    database_health,
    make_backup,
    newest_verified,
    read_only_uri,
    restore_into,
    table_counts,
    verify_backup,
)
from db.catalogue import (
    BACKUPS_DIR,
    DATABASE_NAME,
    MARKER_NAME,
    OBJECTS_DIR,
    Catalogue,
    CatalogueError,
    ReadOnlyCatalogue,
    catalogue_writable,
    first_finding,
)
from db.objects import FolderObjectStore

DAMAGED_PREFIX = "damaged-"  # not a backup kind: never offered for restore, never rotated


@dataclass(frozen=True)
class RestorePlan:
    """What a restore would do, worked out without changing anything."""

    folder: Path
    backup: Path
    state: str  # the current database: "ok", "damaged" or "missing"
    finding: str | None  # what the check found in a damaged database
    now: dict[str, int] | None  # record counts now; None when they cannot be read
    then: dict[str, int]
    originals: int  # originals the backup refers to, all present
    counters: dict[str, int] | None  # a damaged database's reference counters, if readable

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    def changes(self) -> list[tuple[str, str, str]]:
        """(table, now, after restore) for every table whose count would change."""
        now = self.now or {}
        rows = []
        for name in sorted(set(now) | set(self.then)):
            if self.now is None or now.get(name) != self.then.get(name):
                shown = "?" if self.now is None else str(now.get(name, 0))
                rows.append((name, shown, str(self.then.get(name, 0))))
        return rows


@dataclass(frozen=True)
class RestoreOutcome:
    kept: Path  # where the state before the restore is kept
    head: ChainHead  # the restored catalogue's audit head, its restore event included


def plan_restore(folder: Path, backup: Path | None) -> RestorePlan:
    """Check everything a restore of *backup* (None: the newest verified backup) into
    the catalogue at *folder* needs; raise ``CatalogueError``/``BackupError`` with the
    reason when it cannot be done. Reads only."""
    folder = Path(folder).expanduser()
    database = folder / DATABASE_NAME
    if not folder.is_dir():
        raise CatalogueError(f"no catalogue at {folder}")
    if not database.exists() and not (folder / MARKER_NAME).exists():
        raise CatalogueError(f"{folder} is not a Catena catalogue (no {DATABASE_NAME})")
    if backup is None:
        backup = newest_verified(folder / BACKUPS_DIR)
        if backup is None:
            raise BackupError(
                f"no verified backup in {folder / BACKUPS_DIR}; name a backup file to restore"
            )
    problem = verify_backup(backup)
    if problem:
        raise BackupError(f"{backup} cannot be restored: {problem}")
    state, finding = "missing", None
    if database.exists():
        health = database_health(database, thorough=True)
        if health.state == "unavailable":
            raise CatalogueError(
                f"the catalogue database at {database} cannot be read right now "
                f"({health.message}); if another program is using it, try again shortly"
            )
        state = health.state
        finding = None if state == "ok" else first_finding(health)
    objects = FolderObjectStore(folder / OBJECTS_DIR)
    wanted = blob_hashes(backup)
    missing = [sha for sha in wanted if not objects.exists(sha)]
    if missing:
        raise BackupError(
            f"{backup.name} refers to {len(missing)} original(s) this catalogue does not hold "
            f"(first: {missing[0]}); it may belong to another catalogue. Nothing was changed."
        )
    now = table_counts(database) if state == "ok" else None
    counters = _counters_of(database) if state == "damaged" else None
    then = table_counts(backup)
    return RestorePlan(folder, backup, state, finding, now, then, len(wanted), counters)


def restore_catalogue(plan: RestorePlan, *, actor: str) -> RestoreOutcome:
    """Carry out *plan* (see the module's docstring)."""
    folder, database = plan.folder, plan.database
    if not catalogue_writable(folder):
        raise ReadOnlyCatalogue(
            f"the catalogue at {folder} is read-only (read-only media or no write "
            "permission); nothing was restored. Copy the folder to a writable disk and "
            "restore the copy."
        )
    head_file = folder / HEAD_FILE_NAME
    if plan.state == "ok":
        with Catalogue.open(folder, daily_backup=False, actor=actor) as catalogue:
            with catalogue.reading() as session:
                replaced: ChainHead | None = audit.chain_head(session)
            kept = make_backup(database, catalogue.backups, prefix=SAFETY_PREFIX)
            restore_into(plan.backup, database)
    else:
        replaced = _recorded_head(head_file)
        kept = _replace_damaged(plan.backup, folder, plan.counters or {})
    _write_head(head_file, _head_of(database))
    with Catalogue.open(folder, daily_backup=False, actor=actor) as catalogue:
        with catalogue.writing() as session:
            # The restored history ends earlier than the one it replaced; this event
            # keeps the replaced chain's head and length, so the gap is on the record.
            audit.record(
                session,
                action="restore catalogue",
                actor=actor,
                detail={
                    "from": str(plan.backup),
                    "previous state kept in": str(kept),
                    "replaced_database": plan.state,
                    "damage_found": plan.finding,
                    "replaced_chain_head": None if replaced is None else replaced.last_hash,
                    "replaced_chain_events": None if replaced is None else replaced.events,
                    "replaced_chain_last_id": None if replaced is None else replaced.last_id,
                },
            )
        with catalogue.reading() as session:
            head = audit.chain_head(session)
    return RestoreOutcome(kept, head)


def _recorded_head(head_file: Path) -> ChainHead | None:
    """What the head file said of the trail being replaced (the damaged database
    itself cannot be asked)."""
    try:
        return read_head(head_file)
    except HeadFileError:
        return None


def _head_of(database: Path) -> ChainHead:
    conn = sqlite3.connect(read_only_uri(database), uri=True)
    try:
        head = head_of_connection(conn)
    finally:
        conn.close()
    if head is None:
        raise BackupError(f"{database} has no audit trail after the restore")
    return head


def _replace_damaged(backup: Path, folder: Path, counters: dict[str, int]) -> Path:
    """Keep the damaged database as evidence, then put a copy of *backup* in its place
    (its reference counters raised to *counters*); returns the evidence folder."""
    database = folder / DATABASE_NAME
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    evidence = folder / BACKUPS_DIR / f"{DAMAGED_PREFIX}{stamp}"
    try:
        evidence.mkdir(parents=True)
        if database.exists():
            _copy_synced(database, evidence / DATABASE_NAME)
        if (folder / HEAD_FILE_NAME).exists():
            _copy_synced(folder / HEAD_FILE_NAME, evidence / HEAD_FILE_NAME)
        for suffix in ("-wal", "-shm", "-journal"):
            side = database.with_name(database.name + suffix)
            if side.exists():
                os.replace(side, evidence / side.name)
    except OSError as exc:
        raise BackupError(
            f"cannot keep the damaged database in {evidence}: {exc.strerror or exc}; "
            "nothing was restored"
        ) from exc
    incoming = database.with_name(database.name + ".restoring")
    try:
        _copy_database(backup, incoming, counters)
        os.replace(incoming, database)
    except (sqlite3.Error, OSError) as exc:
        incoming.unlink(missing_ok=True)
        raise BackupError(
            f"restore failed ({exc}); the damaged database is unchanged and a copy of it "
            f"is in {evidence}"
        ) from exc
    return evidence


def _copy_synced(source: Path, target: Path) -> None:
    shutil.copy2(source, target)
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def _counters_of(database: Path) -> dict[str, int] | None:
    """Reference counters of a damaged database, if they can still be read (None if
    not): codes it handed out after the backup was made must not be handed out again."""
    try:
        conn = sqlite3.connect(read_only_uri(database), uri=True)
        try:
            rows = conn.execute("SELECT prefix, next_value FROM ref_counters").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return {str(prefix): int(value) for prefix, value in rows}


def _copy_database(backup: Path, target: Path, counters: dict[str, int]) -> None:
    src = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            with dst:
                for prefix, next_value in counters.items():
                    dst.execute(
                        "INSERT INTO ref_counters (prefix, next_value) VALUES (?, ?) "
                        "ON CONFLICT(prefix) DO UPDATE SET "
                        "next_value = max(next_value, excluded.next_value)",
                        (prefix, next_value),
                    )
        finally:
            dst.close()
    finally:
        src.close()
    with target.open("rb") as handle:
        os.fsync(handle.fileno())
