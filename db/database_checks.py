"""The database's own consistency check, chosen by engine (``catena verify``).

On SQLite the catalogue's file is checked page by page (``PRAGMA integrity_check``)
and its references (``foreign_key_check``: SQLite can hold rows that break them, e.g.
written with the pragma off). A PostgreSQL server keeps its own pages (checksums, WAL)
and enforces every foreign key on every write, so there is no file for Catena to read
and no broken reference to find: its part of the check has no findings, and the
originals, texts, index and audit chain are checked the same way on both engines.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.dialects import is_postgresql
from db.integrity import integrity_check


def database_findings(session: Session) -> list[str]:
    """What the engine's own check finds wrong with the database; [] when all is well."""
    if is_postgresql(session):
        return []
    return integrity_check(session)
