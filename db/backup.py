"""Backups made with SQLite's online backup API, rotated, and verified before use.

Copying a live WAL database file can produce a torn copy (the WAL holds committed
pages the main file lacks). The backup API copies a consistent snapshot even while
another process writes. Each new backup is opened and checked before the oldest one
is removed, so rotation never leaves the user with fewer good copies than before.
Objects need no backup of their own inside the catalogue: they are content-addressed
and never modified, so any backup of the database refers to objects still present.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

AUTO_PREFIX = "auto-"
DEFAULT_KEEP = 7
SUFFIX = ".sqlite"


class BackupError(Exception):
    """A backup could not be made, checked or restored; the message says why."""


def backup_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of the SQLite database *source* to *destination*."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"could not back up {source}: {exc}") from exc
    finally:
        src.close()
    partial.replace(destination)
    return destination


def quick_check(database: Path) -> str:
    """SQLite's quick_check on *database*; "ok" when healthy, else its first finding."""
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return str(row[0]) if row else "no answer"


def verify_backup(path: Path) -> str | None:
    """None if *path* is a usable catalogue database, else what is wrong with it."""
    if not path.is_file():
        return "file not found"
    result = quick_check(path)
    if result != "ok":
        return f"damaged: {result}"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
        conn.execute("SELECT count(*) FROM documents").fetchone()
    except sqlite3.DatabaseError as exc:
        return f"not a Catena catalogue database: {exc}"
    finally:
        conn.close()
    return None


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime


def list_backups(folder: Path, *, prefix: str = AUTO_PREFIX) -> list[BackupInfo]:
    """Backups in *folder* made by rotation, oldest first."""
    found = []
    for path in folder.glob(f"{prefix}*{SUFFIX}"):
        stamp = path.name[len(prefix) : -len(SUFFIX)]
        try:
            created = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(BackupInfo(path, created))
    return sorted(found, key=lambda info: info.created)


def rotate_backup(
    database: Path, folder: Path, *, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> Path:
    """Make a new backup, verify it, then remove the oldest beyond *keep*."""
    moment = now or datetime.now(UTC)
    target = folder / f"{AUTO_PREFIX}{moment.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"
    backup_database(database, target)
    problem = verify_backup(target)
    if problem is not None:
        target.unlink(missing_ok=True)
        raise BackupError(f"the new backup failed its check ({problem}); older backups kept")
    existing = list_backups(folder)
    for old in existing[: max(0, len(existing) - keep)]:
        old.path.unlink(missing_ok=True)
    return target


def backup_due(
    folder: Path, *, every: timedelta = timedelta(days=1), now: datetime | None = None
) -> bool:
    existing = list_backups(folder)
    if not existing:
        return True
    return (now or datetime.now(UTC)) - existing[-1].created >= every


def newest_verified(folder: Path) -> Path | None:
    """The newest backup in *folder* that passes its check."""
    for info in reversed(list_backups(folder) + list_backups(folder, prefix="before-")):
        if verify_backup(info.path) is None:
            return info.path
    return None


def table_counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%search%' ORDER BY name"
            )
        ]
        return {
            # Names come from sqlite_master, quoted as identifiers: nothing user-typed.
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in names
        }
    finally:
        conn.close()


def restore_into(backup: Path, database: Path) -> None:
    """Replace the contents of *database* with *backup*, through the backup API (so a
    process that has the catalogue open sees a consistent database, never a torn one)."""
    problem = verify_backup(backup)
    if problem is not None:
        raise BackupError(f"{backup.name} cannot be restored: {problem}")
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(database, timeout=10)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(f"restore failed, the catalogue is unchanged: {exc}") from exc
    finally:
        src.close()
