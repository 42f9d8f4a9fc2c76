"""Writing suggested tags in bulk: the rows, the search index's note, the audit event.

Suggestions are stored for every imported document, so they are written with one
multi-row INSERT per kind of tag on the session's connection rather than as ORM
objects (whose bookkeeping cost a few milliseconds a document). The rows are built by
the suggesters' adapter (``desktop.extract.store``); everything that touches the
database — including telling the search index that a document's people changed — is
here, beside the other tag writes in ``db.tags``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db import audit
from db.base import table_of
from db.models import DateTag, Document, Figure, Mention
from db.people import link_mention
from db.search import index as search_index
from db.tags import MODELS, TagKind, TagModel

Row = dict[str, Any]


@dataclass
class SuggestedRows:
    """Rows for one document's new suggested tags, ready to insert.

    ``figures`` pairs each row with its index among the suggested figures and the
    index of the whole it is part of (None for most), so parts can be linked to the
    ids their wholes get.
    """

    dates: list[Row] = field(default_factory=list)
    figures: list[tuple[int, int | None, Row]] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.dates or self.figures or self.mentions)


def write_suggested(
    session: Session,
    *,
    document_id: int,
    document_ref: str,
    rows: SuggestedRows,
    added: dict[str, int],
    actor: str,
) -> None:
    """Insert *rows* for the document, note it for the search index when people were
    suggested (names feed its people column), and record one "suggest" event."""
    if not rows:
        return
    conn = session.connection()
    if rows.dates:
        conn.execute(insert(table_of(DateTag)), rows.dates)
    _insert_figures(session, rows.figures)
    if rows.mentions:
        conn.execute(insert(table_of(Mention)), rows.mentions)
        search_index.note_documents(session, [document_id])
    audit.record(
        session, action="suggest", actor=actor, target=document_ref, detail={"added": added}
    )


def _insert_figures(session: Session, figures: list[tuple[int, int | None, Row]]) -> None:
    """Insert figures, wholes before their parts, linking each part to its whole.

    ``part_of`` is an index into the suggested figures; a whole that was not stored
    (an existing tag at its span) leaves the part unlinked.
    """
    if all(whole is None for _index, whole, _row in figures):
        if figures:  # the usual case: one multi-row INSERT, no ids needed
            session.connection().execute(
                insert(table_of(Figure)), [row for _index, _whole, row in figures]
            )
        return
    ids: dict[int, int] = {}
    stored = {index for index, _whole, _row in figures}
    waiting = figures
    while waiting:
        ready = [f for f in waiting if f[1] is None or f[1] in ids or f[1] not in stored]
        if not ready:  # a cycle, which the suggester never makes: store unlinked
            ready = waiting
        for _index, whole, row in ready:
            row["part_of_id"] = ids.get(whole) if whole is not None else None
        new_ids = (
            session.connection()
            .execute(
                insert(table_of(Figure)).returning(
                    table_of(Figure).c.id, sort_by_parameter_order=True
                ),
                [row for _index, _whole, row in ready],
            )
            .scalars()
        )
        ids.update(zip((index for index, _w, _r in ready), new_ids, strict=True))
        done = {index for index, _w, _r in ready}
        waiting = [f for f in waiting if f[0] not in done]


def accept_suggestions(
    session: Session,
    *,
    document: Document,
    actor: str,
    kinds: tuple[TagKind, ...] = ("date", "figure", "mention"),
) -> int:
    """Accept every open suggestion of *document*; mentions are linked to people
    (``catena suggest --accept``, and the window's "accept all")."""
    accepted = 0
    for kind in kinds:
        model = MODELS[kind]
        rows = cast(
            list[TagModel],
            list(
                session.execute(
                    select(model).where(
                        model.document_id == document.id, model.status == "suggested"
                    )
                ).scalars()
            ),
        )
        for tag in rows:
            tag.status = "accepted"
            if isinstance(tag, Mention):
                link_mention(session, mention=tag, actor=actor)
            accepted += 1
    if accepted:
        audit.record(
            session,
            action="accept all",
            actor=actor,
            target=document.ref,
            detail={"accepted": accepted},
        )
    return accepted
