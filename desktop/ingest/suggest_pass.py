"""The suggestion pass: tags suggested for documents an import left marked as pending.

An import with deferred suggestions (``ImportOptions.defer_suggestions``) stores each
document with the "suggestions pending" mark (``db.pending_suggestions``) and skips the
suggesters, which are the costliest step of all. This pass does what the import left:
the suggesters run in the import's worker pool (``prepare.Preparer``), and the results
are stored in batches, one transaction each, which also removes the marks of the
batch. So a pass stopped by Ctrl-C, the window's Cancel or a crash keeps every batch
it committed, and the next pass resumes with the documents still marked — none gets
its suggestions twice.

The suggestions are the ones the import would have stored inline: the same text, the
paragraph languages the import stored with the document, and its publication day
(``desktop.extract.document_context``). Rejected or existing tags at a span are
skipped, as for ``catena suggest``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from db.catalogue import Catalogue
from db.pending_suggestions import (
    PendingDocument,
    clear_marks,
    current_marks,
    is_pending,
    pending_documents,
    pending_ids,
    span_keys_of,
    still_pending,
)
from db.search import index as search_index
from desktop.extract import Suggestions
from desktop.extract.store import store_suggestions
from desktop.ingest import suggest_worker
from desktop.ingest.prepare import Failed, Preparer, default_workers

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

#: Documents stored per transaction (as the import's batches).
PASS_BATCH = 50
#: Documents read from the catalogue at a time (and so handed to the workers ahead).
READ_AHEAD = 200


@dataclass
class PassReport:
    """What one pass did: documents given their suggestions, failures, what is left."""

    done: int = 0
    tags: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (reference, reason)
    remaining: int = 0
    cancelled: bool = False

    def summary(self) -> str:
        parts = [f"suggestions stored for {self.done} document{'s' if self.done != 1 else ''}"]
        parts.append(f"{self.tags} tag{'s' if self.tags != 1 else ''} suggested")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.remaining:
            parts.append(f"still pending for {self.remaining}")
        return ", ".join(parts) + (" (stopped)" if self.cancelled else "")


def suggest_one(document: PendingDocument) -> Suggestions | Failed:
    """The suggestions for one document, in this process (``suggest_worker`` is what
    the pool runs); never raises."""
    result = suggest_worker.suggest_one(_job(document))
    return Failed(result) if isinstance(result, str) else result


def _job(document: PendingDocument) -> suggest_worker.SuggestJob:
    return suggest_worker.SuggestJob(
        document.id, document.text, document.language_spans, document.language, document.published
    )


def suggest_pending(
    catalogue: Catalogue,
    *,
    workers: int | None = None,
    batch_size: int = PASS_BATCH,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> PassReport:
    """Suggest and store tags for every document marked pending; see the module."""
    report = PassReport()
    with catalogue.reading() as session:
        ids = pending_ids(session)  # the one scan; a later import's marks: the next pass
    total = len(ids)
    workers = workers if workers is not None else default_workers()
    seen = 0
    with Preparer(workers, expected_jobs=total, function=suggest_worker.suggest_one) as preparer:
        for start in range(0, total, READ_AHEAD):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            with catalogue.reading() as session:
                chunk = pending_documents(session, ids[start : start + READ_AHEAD])
            for document in chunk:
                preparer.submit(_job(document))
            for first in range(0, len(chunk), batch_size):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                documents = chunk[first : first + batch_size]
                batch = [
                    (document, _as_result(preparer.next_result()[1])) for document in documents
                ]
                _store_batch(catalogue, batch, report)
                seen += len(batch)
                if progress is not None:
                    progress(min(seen, total), max(total, seen), batch[-1][0].ref)
            if report.cancelled:
                break
    if report.done:  # their people columns changed: every row was indexed again
        with catalogue.writing() as session:
            search_index.tidy(session, report.done)
    with catalogue.reading() as session:
        report.remaining = still_pending(session, ids)
    return report


def _as_result(result: Suggestions | Failed | str) -> Suggestions | Failed:
    """A worker's answer: its suggestions, or Failed (its reason, or a crashed worker)."""
    return Failed(result) if isinstance(result, str) else result


def _store_batch(
    catalogue: Catalogue,
    batch: list[tuple[PendingDocument, Suggestions | Failed]],
    report: PassReport,
) -> None:
    """Store one batch's suggestions and remove its marks, in one transaction."""
    with catalogue.writing() as session:
        ids = [document.id for document, _result in batch]
        now = current_marks(session, ids)
        spans = span_keys_of(session, ids)
        cleared: dict[int, list[str]] = {}
        failed = 0
        for document, result in batch:
            flags, text_sha256 = now.get(document.id, ([], None))
            if not is_pending(flags):  # deleted, or done by another pass meanwhile
                continue
            if text_sha256 != document.text_sha256:  # edited since read: next pass
                continue
            cleared[document.id] = flags
            if isinstance(result, Failed):
                report.failed.append((document.ref, result.reason))
                failed += 1
                continue
            stored = store_suggestions(
                session,
                document=document,
                suggestions=result,
                actor=catalogue.actor,
                existing=spans[document.id],
            )
            report.tags += stored.total
        clear_marks(session, cleared)
    report.done += len(cleared) - failed
