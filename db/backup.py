"""Backups made with SQLite's online backup API, rotated, and verified before use.

Copying a live WAL database file can produce a torn copy (the WAL holds committed
pages the main file lacks). The backup API copies a consistent snapshot even while
another process writes. Each new backup is opened and checked before the oldest one
is removed, so rotation never leaves the user with fewer good copies than before.
Objects need no backup of their own inside the catalogue: they are content-addressed
and never modified, so any backup of the database refers to objects still present.
Each backup has a sidecar, ``NAME.sqlite.head.json``, recording where its audit trail
ends (see ``db.audit_head``), so a backup whose trail was cut short is found too.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.audit_head import (
    ChainHead,
    HeadFileError,
    hash_at,
    head_of_connection,
    reaches,
    read_head,
    sidecar_of,
    write_head,
)

AUTO_PREFIX = "auto-"
SAFETY_PREFIX = "pre-restore-"  # never rotated away: the way back from a restore
MIGRATION_PREFIX = "before-migration-"
DEFAULT_KEEP = 7
SUFFIX = ".sqlite"


class BackupError(Exception):
    """A backup could not be made, checked or restored; the message says why."""


def read_only_uri(path: Path) -> str:
    """A SQLite URI opening *path* read-only; percent-encoded, so "?", "#" and "%" in
    folder names are part of the path, not URI syntax.

    A WAL database opened ``mode=ro`` still needs its ``-shm`` file, and creates it if
    absent — impossible on read-only media or in a folder without write permission
    (SQLite answers "unable to open database file"). When the folder cannot be written
    and no write-ahead log holds changes, the file is all there is and no writer can
    be at work (a writer keeps ``-wal`` and ``-shm`` beside it), so it is opened
    ``immutable=1``: no locks, no ``-shm``. With a non-empty ``-wal`` the changes in it
    must be read, which ``mode=ro`` does when ``-shm`` exists too.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not folder_writable(path.parent) and not wal_has_changes(path):
        uri += "&immutable=1"
    return uri


def folder_writable(folder: Path) -> bool:
    """Whether files can be made in *folder*. ``os.access`` asks the kernel, so it also
    answers for read-only mounts and immutable files when run as root."""
    return os.access(folder, os.W_OK)


def wal_has_changes(database: Path) -> bool:
    try:
        return database.with_name(database.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def backup_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of the SQLite database *source* to *destination*."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"cannot create {destination.parent}: {exc.strerror or exc}") from exc
    partial = destination.with_name(destination.name + ".part")
    try:
        partial.touch()
    except OSError as exc:
        raise BackupError(
            f"cannot write a backup in {destination.parent}: {exc.strerror or exc}"
        ) from exc
    src = sqlite3.connect(read_only_uri(source), uri=True, timeout=10)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"could not back up {source}: {exc}") from exc
    finally:
        src.close()
    try:
        _record_backup_head(partial, sidecar_of(destination))
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"could not record the backup's audit head: {exc}") from exc
    partial.replace(destination)
    return destination


def _record_backup_head(copy: Path, sidecar: Path) -> None:
    conn = sqlite3.connect(read_only_uri(copy), uri=True)
    try:
        head = head_of_connection(conn)
    finally:
        conn.close()
    if head is not None:  # not a catalogue database: nothing to record
        write_head(sidecar, head)


def backup_head(backup: Path) -> ChainHead | None:
    """The audit head recorded for *backup* when it was made; None for older backups
    (made before heads were recorded). Raises ``BackupError`` for an unreadable one."""
    try:
        return read_head(sidecar_of(backup))
    except HeadFileError as exc:
        raise BackupError(str(exc)) from exc


def backup_head_problem(backup: Path) -> str | None:
    """None when *backup*'s audit trail still reaches the head recorded beside it."""
    recorded = backup_head(backup)
    if recorded is None:
        return None
    conn = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        head = head_of_connection(conn)
        found = None if recorded.last_id is None else hash_at(conn, recorded.last_id)
    finally:
        conn.close()
    return reaches(recorded, None if head is None else head.last_id, found)


_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


@dataclass(frozen=True)
class Health:
    """The outcome of checking a database file: ``ok``, ``damaged`` (the file itself
    is wrong: restore from a backup) or ``unavailable`` (busy, locked, unreadable
    right now: try again; restoring would be the wrong advice)."""

    state: str
    message: str


def database_health(database: Path, *, thorough: bool = True) -> Health:
    """Check *database*. ``thorough`` runs SQLite's quick_check (reads every page);
    otherwise only the header and schema are read, which is what opening a large
    catalogue can afford on every start (the daily backup and ``catena verify`` then
    run the full checks)."""
    try:
        conn = sqlite3.connect(read_only_uri(database), uri=True, timeout=10)
        try:
            if thorough:
                row = conn.execute("PRAGMA quick_check").fetchone()
            else:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                conn.execute("PRAGMA schema_version").fetchone()
                row = ("ok",)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        return Health("damaged" if name in _DAMAGED else "unavailable", str(exc))
    result = str(row[0]) if row else "no answer"
    return Health("ok" if result == "ok" else "damaged", result)


def quick_check(database: Path) -> str:
    """SQLite's quick_check on *database*; "ok" when healthy, else its first finding."""
    health = database_health(database)
    return "ok" if health.state == "ok" else health.message


def verify_backup(path: Path) -> str | None:
    """None if *path* is a usable catalogue database, else what is wrong with it."""
    if not path.is_file():
        return "file not found"
    result = quick_check(path)
    if result != "ok":
        return f"damaged: {result}"
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
        conn.execute("SELECT count(*) FROM documents").fetchone()
    except sqlite3.DatabaseError as exc:
        return f"not a Catena catalogue database: {exc}"
    finally:
        conn.close()
    try:
        cut = backup_head_problem(path)
    except (BackupError, sqlite3.Error) as exc:
        return f"its recorded audit head cannot be checked: {exc}"
    return None if cut is None else f"its audit trail was cut short: {cut}"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime


def _stamp(name: str, suffix: str) -> datetime | None:
    stamp = name.removesuffix(suffix).rsplit("-", 1)[-1]
    for pattern in ("%Y%m%dT%H%M%S%fZ", "%Y%m%dT%H%M%SZ"):
        try:
            return datetime.strptime(stamp, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def list_backups(
    folder: Path, *, prefix: str = AUTO_PREFIX, suffix: str = SUFFIX
) -> list[BackupInfo]:
    """Backups in *folder* whose names start with *prefix* and end with *suffix*
    (``.sqlite`` copies here, ``db.pg_backup``'s dumps), oldest first."""
    found = []
    for path in folder.glob(f"{prefix}*{suffix}"):
        created = _stamp(path.name, suffix)
        if created is not None:
            found.append(BackupInfo(path, created))
    return sorted(found, key=lambda info: info.created)


def all_backups(folder: Path, *, suffix: str = SUFFIX) -> list[BackupInfo]:
    """Every kind of backup (daily, before a migration, before a restore), oldest first."""
    kinds = (AUTO_PREFIX, SAFETY_PREFIX, MIGRATION_PREFIX)
    return sorted(
        (b for k in kinds for b in list_backups(folder, prefix=k, suffix=suffix)),
        key=lambda info: info.created,
    )


def make_backup(database: Path, folder: Path, *, prefix: str, now: datetime | None = None) -> Path:
    """A verified backup named ``PREFIX<UTC stamp>.sqlite`` in *folder*."""
    moment = now or datetime.now(UTC)
    target = folder / f"{prefix}{moment.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"
    backup_database(database, target)
    problem = verify_backup(target)
    if problem is not None:
        target.unlink(missing_ok=True)
        sidecar_of(target).unlink(missing_ok=True)
        raise BackupError(f"the new backup failed its check ({problem}); older backups kept")
    return target


def rotate_backup(
    database: Path, folder: Path, *, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> Path:
    """Make a new daily backup, verify it, then remove the oldest daily ones beyond
    *keep*. Backups taken before migrations and restores are never rotated away."""
    target = make_backup(database, folder, prefix=AUTO_PREFIX, now=now)
    existing = list_backups(folder)
    for old in existing[: max(0, len(existing) - keep)]:
        old.path.unlink(missing_ok=True)
        sidecar_of(old.path).unlink(missing_ok=True)
    return target


def backup_due(
    folder: Path, *, every: timedelta = timedelta(days=1), now: datetime | None = None
) -> bool:
    existing = list_backups(folder)
    if not existing:
        return True
    return (now or datetime.now(UTC)) - existing[-1].created >= every


def newest_verified(folder: Path) -> Path | None:
    """The newest backup of any kind in *folder* that passes its check."""
    for info in reversed(all_backups(folder)):
        if verify_backup(info.path) is None:
            return info.path
    return None


def table_counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(read_only_uri(database), uri=True)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%search%' ORDER BY name"
            )
        ]
        return {
            # Names come from sqlite_master (the backup may come from elsewhere), so
            # they are quoted as identifiers with embedded quotes doubled.
            name: conn.execute(
                'SELECT count(*) FROM "{}"'.format(name.replace('"', '""'))  # noqa: S608
            ).fetchone()[0]
            for name in names
        }
    finally:
        conn.close()


def blob_hashes(database: Path) -> list[str]:
    """Hashes of every stored object the database refers to."""
    conn = sqlite3.connect(read_only_uri(database), uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT sha256 FROM blobs ORDER BY sha256")]
    finally:
        conn.close()


def restore_into(backup: Path, database: Path) -> None:
    """Replace the contents of *database* with *backup*, through the backup API (so a
    process that has the catalogue open sees a consistent database, never a torn one).

    Reference counters never go back: codes handed out after the backup was taken
    (CAT-000002 in a dossier already printed) are not given to new documents.
    The audit head file is the caller's to set (``db.restore`` does): left as it was,
    it would rightly report the restored trail as cut short.
    """
    problem = verify_backup(backup)
    if problem is not None:
        raise BackupError(f"{backup.name} cannot be restored: {problem}")
    src = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        dst = sqlite3.connect(database, timeout=10)
        try:
            has_counters = dst.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ref_counters'"
            ).fetchone()
            counters = (
                dict(dst.execute("SELECT prefix, next_value FROM ref_counters"))
                if has_counters
                else {}
            )
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
    except sqlite3.Error as exc:
        raise BackupError(f"restore failed, the catalogue is unchanged: {exc}") from exc
    finally:
        src.close()
