"""Copies of the database made with SQLite's online backup API.

Copying a live WAL database file can produce a torn copy (the WAL holds committed
pages the main file lacks). The backup API copies a consistent snapshot, even while
another connection writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
    finally:
        src.close()
    partial.replace(destination)
    return destination


def quick_check(database: Path) -> str:
    """SQLite's quick_check on *database*; "ok" when healthy, else its first finding."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row else "no answer"
