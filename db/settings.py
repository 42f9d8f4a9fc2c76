"""Catalogue settings kept in the database itself: ``catalogue_settings``.

A folder catalogue knows where its originals are (``objects/`` beside the database);
a PostgreSQL catalogue does not live in a folder, so where its originals are (a shared
folder or an ``s3://`` location) is recorded here by ``catena init`` and read by every
later open — every window on the team then uses the same store without being told.
On PostgreSQL the audit trail's head is recorded here too (``AUDIT_HEAD``), in the
committing transaction itself (see ``db.audit``). Values are short text; the table is
portable, so a folder catalogue has it too (and keeps it empty).
"""

from __future__ import annotations

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from db.base import Base, table_of
from db.dialects import InsertIgnoring

OBJECTS = "objects"
"""Where the originals are: a folder path or an ``s3://`` location."""
AUDIT_HEAD = "audit_head"
"""The audit trail's head as JSON (``db.audit_head`` format); PostgreSQL only."""


class Setting(Base):
    __tablename__ = "catalogue_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


_INSERT_NEW = InsertIgnoring(table_of(Setting), ["key"])


def read_setting(session: Session, key: str) -> str | None:
    return session.execute(select(Setting.value).where(Setting.key == key)).scalar()


def write_setting(session: Session, key: str, value: str) -> None:
    """Set *key* to *value* in the caller's transaction (insert or replace)."""
    session.connection().execute(_INSERT_NEW.on(session), {"key": key, "value": value})
    session.connection().execute(
        table_of(Setting).update().where(Setting.key == key).values(value=value)
    )
