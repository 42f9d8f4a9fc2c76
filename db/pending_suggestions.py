"""The "suggestions pending" mark: documents imported whose tags are not suggested yet.

An import may leave tag suggestions to a later pass (``desktop.ingest.suggest_pass``)
so that storing the files is not held up by the suggesters. Each such document carries
:data:`PENDING_FLAG` in its ``flags`` list from the transaction that catalogues it; the
pass stores the suggestions and removes the mark in one transaction, so a crash in
between leaves the mark and the next pass does the document, never twice. The mark is
a flag rather than a column so no migration is needed, and it is visible where flags
are (the window's Flags line, ``catena show``), which is honest: the document has not
been read by the suggesters yet.

Finding the marked documents scans ``documents.flags`` (``LIKE`` on the JSON text, then
checked exactly here): about a second on a 100,000-document catalogue (BENCHMARKS.md),
so a pass scans once and then reads its documents by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, bindparam, cast, select, update
from sqlalchemy.orm import Session

from db.base import table_of
from db.models import Document
from db.tags import MODELS

PENDING_FLAG = "suggestions pending"

# A prefilter on the JSON text (both engines store the list as text); exact below.
_MARKED = cast(Document.flags, String).like(f"%{PENDING_FLAG}%")


@dataclass(frozen=True)
class PendingDocument:
    """What the suggesters need of a marked document, read in one query."""

    id: int
    ref: str
    text: str
    text_sha256: str | None
    language_spans: Any
    language: str | None
    published: str | None


def is_pending(flags: Sequence[str] | None) -> bool:
    return PENDING_FLAG in (flags or ())


def count_pending(session: Session) -> int:
    """How many documents (not in the Trash) wait for their suggestions."""
    flags = session.execute(
        select(Document.flags).where(_MARKED, Document.deleted_at.is_(None))
    ).scalars()
    return sum(1 for found in flags if is_pending(found))


def pending_ids(session: Session) -> list[int]:
    """Ids of the marked documents not in the Trash, in id order: one scan of the
    table, which the pass makes once (then reads the documents by id)."""
    rows = session.execute(
        select(Document.id, Document.flags)
        .where(_MARKED, Document.deleted_at.is_(None))
        .order_by(Document.id)
    )
    return [row.id for row in rows if is_pending(row.flags)]


def pending_documents(session: Session, ids: Sequence[int]) -> list[PendingDocument]:
    """Those of *ids* still marked and not in the Trash, read by id, in id order."""
    rows = session.execute(
        select(
            Document.id,
            Document.ref,
            Document.text,
            Document.text_sha256,
            Document.language_spans,
            Document.language,
            Document.published,
            Document.flags,
        )
        .where(Document.id.in_(ids), Document.deleted_at.is_(None))
        .order_by(Document.id)
    )
    return [
        PendingDocument(row.id, row.ref, row.text, row.text_sha256, *row[4:7])
        for row in rows
        if is_pending(row.flags)
    ]


def still_pending(session: Session, ids: Sequence[int]) -> int:
    """How many of *ids* are still marked (by id: no scan), in chunks of 500."""
    left = 0
    for first in range(0, len(ids), 500):
        rows = session.execute(
            select(Document.flags).where(
                Document.id.in_(ids[first : first + 500]), Document.deleted_at.is_(None)
            )
        ).scalars()
        left += sum(1 for flags in rows if is_pending(flags))
    return left


def current_marks(session: Session, ids: Sequence[int]) -> dict[int, tuple[list[str], str | None]]:
    """Flags and text hash of each of *ids* now (inside the writing transaction): a
    document whose mark is gone was done by another pass, one whose text changed is
    read again by the next pass."""
    rows = session.execute(
        select(Document.id, Document.flags, Document.text_sha256).where(Document.id.in_(ids))
    )
    return {row.id: (list(row.flags or []), row.text_sha256) for row in rows}


def clear_marks(session: Session, flags_by_id: dict[int, list[str]]) -> None:
    """Remove the mark from these documents (their *flags* as read in this transaction),
    in one statement; ``updated_at`` is kept: the document itself did not change."""
    if not flags_by_id:
        return
    documents = table_of(Document)
    statement = (
        update(documents)
        .where(documents.c.id == bindparam("b_id"))
        .values(flags=bindparam("b_flags"), updated_at=documents.c.updated_at)
    )
    session.connection().execute(
        statement,
        [
            {"b_id": document_id, "b_flags": [f for f in flags if f != PENDING_FLAG]}
            for document_id, flags in flags_by_id.items()
        ],
    )


def span_keys_of(session: Session, ids: Sequence[int]) -> dict[int, set[tuple[str, int, int]]]:
    """(kind, start, end) of every tag of each of *ids*, in one query per kind of tag
    (``db.tags.span_keys`` for many documents): the pass skips these spans as
    ``catena suggest`` does, without loading the tags."""
    found: dict[int, set[tuple[str, int, int]]] = {document_id: set() for document_id in ids}
    for kind, model in MODELS.items():
        rows = session.execute(
            select(model.document_id, model.start, model.end).where(model.document_id.in_(ids))
        )
        for document_id, start, end in rows:
            found[document_id].add((kind, start, end))
    return found
