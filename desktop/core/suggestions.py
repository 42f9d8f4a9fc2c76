"""Suggesting tags for documents already in the catalogue, and accepting them in bulk.

One short write transaction per document: stopping part-way (Ctrl+C, closing the
window) keeps every document already done, and running again skips what is tagged or
was rejected, so nothing is suggested twice. The CLI's ``suggest`` and the window's
Document ▸ Suggest Tags both run this.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import require_document
from db.models import Document
from db.pending_suggestions import count_pending
from db.suggested_tags import accept_suggestions
from desktop.core.changes import Changes, Done
from desktop.extract.store import suggest_document

if TYPE_CHECKING:  # the pass pulls in the worker pool: imported where it runs
    from desktop.ingest.suggest_pass import PassReport

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DocumentSuggested:
    """What suggesting did for one document."""

    reference: str
    added: dict[str, int]
    skipped_existing: int
    accepted: int

    @property
    def total(self) -> int:
        return sum(self.added.values())


def live_references(catalogue: Catalogue) -> list[str]:
    """Every document not in the Trash, in reference order."""
    with catalogue.reading() as session:
        return list(
            session.execute(
                select(Document.ref).where(Document.deleted_at.is_(None)).order_by(Document.id)
            ).scalars()
        )


def existing_references(catalogue: Catalogue, refs: Sequence[str]) -> list[str]:
    """*refs* as stored; an unknown reference raises ``DocumentError`` (for the person)."""
    with catalogue.reading() as session:
        return [require_document(session, ref).ref for ref in refs]


def suggest_tags(
    catalogue: Catalogue,
    *,
    refs: Sequence[str],
    accept: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Done[list[DocumentSuggested]]:
    """Suggest dates, figures and people for each of *refs*; with *accept*, accept them."""
    results: list[DocumentSuggested] = []
    for n, ref in enumerate(refs):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(n, len(refs), ref)
        with catalogue.writing() as session:
            document = require_document(session, ref)
            result = suggest_document(session, document=document, actor=catalogue.actor)
            accepted = (
                accept_suggestions(session, document=document, actor=catalogue.actor)
                if accept
                else 0
            )
        results.append(DocumentSuggested(ref, dict(result.added), result.skipped, accepted))
    if progress is not None:
        progress(len(results), len(refs), "")
    done = frozenset(r.reference for r in results)
    return Done(results, Changes(tags_of=done, people=True))


def accept_open_suggestions(catalogue: Catalogue, *, refs: Sequence[str]) -> Done[int]:
    """Accept every open suggestion of each of *refs* (mentions linked to people)."""
    accepted = 0
    for ref in refs:
        with catalogue.writing() as session:
            document = require_document(session, ref)
            accepted += accept_suggestions(session, document=document, actor=catalogue.actor)
    return Done(accepted, Changes(tags_of=frozenset(refs), people=True))


def pending_suggestions(catalogue: Catalogue) -> int:
    """How many documents an import left waiting for their suggestions."""
    with catalogue.reading() as session:
        return count_pending(session)


def suggest_pending_documents(
    catalogue: Catalogue,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Done[PassReport]:
    """The suggestion pass (``catena suggest --pending``, and after an import): tags
    for every document marked "suggestions pending", in batches, resumable."""
    from desktop.ingest.suggest_pass import suggest_pending

    report = suggest_pending(catalogue, progress=progress, cancelled=cancelled)
    # Which documents got tags is not listed: the lists and the review queue re-read.
    return Done(report, Changes(documents=None, people=True, sidebar=True))
