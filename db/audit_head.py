"""The audit trail's head, anchored outside the database.

The hash chain finds an edited or deleted *past* event, but not the newest events cut
off the end: what is left is still a valid chain. So after every commit that recorded
events, the chain's head (event count, last id, last hash) is written to a small file
beside the database, ``audit-head.json``, and every backup gets the same record of its
own head in a sidecar (``BACKUP.sqlite.head.json``). A trail that no longer reaches
the recorded head was cut.

The file is written after the commit, never before: a crash in between leaves it
*behind* the database, which is harmless (the recorded head is still an event of the
chain). It is never ahead, except by someone cutting the trail — which is the point.

A PostgreSQL catalogue has no folder to put the file in. Its head is the same record
kept in the ``catalogue_settings`` row ``audit_head``, written inside the committing
transaction (so it is never behind either). What stops the newest events being cut
there is the server: the events table accepts inserts only (privileges and a trigger,
``db.pg_roles``), and only the database owner could change both the trail and the row;
the recorded head then still catches a restore of an older dump over a newer trail.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEAD_FILE_NAME = "audit-head.json"
SIDECAR_SUFFIX = ".head.json"
GENESIS = "0" * 64
_FORMAT = 1


class HeadFileError(Exception):
    """The head file exists but cannot be read as one; the message says why."""


@dataclass(frozen=True)
class ChainHead:
    """Where the trail ends: how many events, the last one's id and hash (``GENESIS``
    and None for an empty trail)."""

    events: int
    last_id: int | None
    last_hash: str

    def describe(self) -> str:
        if self.last_id is None:
            return "no events"
        return f"{self.events} events, last #{self.last_id} (hash {self.last_hash[:16]}…)"

    def to_json(self) -> dict[str, Any]:
        return {"events": self.events, "last_id": self.last_id, "last_hash": self.last_hash}


EMPTY = ChainHead(0, None, GENESIS)


def sidecar_of(backup: Path) -> Path:
    """Where the head of the backup at *backup* is recorded."""
    return backup.with_name(backup.name + SIDECAR_SUFFIX)


def read_head(path: Path) -> ChainHead | None:
    """The head recorded at *path*; None when there is no such file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise HeadFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return parse_head(text, str(path))


def parse_head(text: str, where: str) -> ChainHead:
    """The head record in *text* (read from *where*, named in the error)."""
    try:
        data = json.loads(text)
        events, last_id, last_hash = data["events"], data["last_id"], data["last_hash"]
        valid = (
            isinstance(events, int)
            and events >= 0
            and (last_id is None or (isinstance(last_id, int) and last_id > 0))
            and isinstance(last_hash, str)
            and len(last_hash) == 64
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise HeadFileError(f"{where} is not a valid head record: {exc}") from exc
    if not valid:
        raise HeadFileError(f"{where} is not a valid head record")
    return ChainHead(events, last_id, last_hash)


def head_json(head: ChainHead) -> str:
    """*head* as the text of a head record (file or settings row)."""
    return json.dumps({"format": _FORMAT, **head.to_json()}, indent=1) + "\n"


def write_head(path: Path, head: ChainHead) -> None:
    """Replace the record at *path* atomically: a temporary file in the same folder,
    flushed to disk, renamed over the old one (a reader sees the old or the new
    record, never half of one), then the folder itself flushed so the rename lasts."""
    payload = head_json(head)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def head_of_connection(conn: sqlite3.Connection) -> ChainHead | None:
    """The head of the trail in the database behind *conn* (None: no events table)."""
    try:
        row = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    except sqlite3.OperationalError:
        return None
    if row is None:
        return EMPTY
    return ChainHead(int(count), int(row[0]), str(row[1]))


def hash_at(conn: sqlite3.Connection, event_id: int) -> str | None:
    row = conn.execute("SELECT hash FROM events WHERE id = ?", (event_id,)).fetchone()
    return None if row is None else str(row[0])


def reaches(head: ChainHead, last_id: int | None, hash_of_event: str | None) -> str | None:
    """None when a trail whose last event is *last_id*, and whose event at
    ``head.last_id`` has *hash_of_event*, still contains *head*; else what is wrong."""
    if head.last_id is None:
        return None
    if last_id is None or last_id < head.last_id or hash_of_event is None:
        ends = "has no events" if last_id is None else f"ends at event #{last_id}"
        return (
            f"the audit trail {ends} but its head was recorded at event #{head.last_id} "
            f"({head.events} events, hash {head.last_hash[:16]}…): newer events were removed"
        )
    if hash_of_event != head.last_hash:
        return (
            f"event #{head.last_id} has hash {hash_of_event[:16]}… but the recorded head "
            f"says {head.last_hash[:16]}…: the trail from there on was replaced"
        )
    return None
