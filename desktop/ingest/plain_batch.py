"""The import's batched write path, for the common case: plain text documents.

The process holding the write lock is the import's serial part, and written one at a
time each document cost about ten statements (blob, code, record, event, bands and
three near-duplicate reads), most of it SQLAlchemy's per-statement overhead. A run of
plain files (no image, no OCR result, no attachments, no suggestions to store with
them, no ``after_add``) is written here with one statement per kind for the whole run,
storing exactly what the one-file path (``pipeline._catalogue``) stores, in the same
order: the same codes, rows, bands, events and outcomes, near duplicates of files
earlier in the same run included (``desktop.ingest.batch_duplicates``).

One bad file must still fail alone: the run is written inside a savepoint, and if it
raises anything but a database failure (or raises a constraint error), the savepoint
is rolled back and the run is written again one file at a time, where the file that
fails is reported and the others are imported. A database failure (disk full,
read-only) aborts the batch, as on the one-file path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from db.documents import NewDocument, catalogue_documents
from db.fingerprints import Fingerprint
from db.pending_suggestions import PENDING_FLAG
from db.sanitize import replace_nul
from desktop.ingest.batch_duplicates import BatchText, find_near_duplicates
from desktop.ingest.duplicates import (
    EarlierInBatch,
    NearDuplicate,
    band_values,
    store_bands_many,
)
from desktop.ingest.new_records import display_name, display_path, new_document, ocr_note
from desktop.ingest.outcomes import FileOutcome
from desktop.ingest.prepare import Prepared

if TYPE_CHECKING:
    from db.catalogue import Catalogue

OneByOne = Callable[[Prepared], FileOutcome]
"""The one-file path (``pipeline._import_one`` with the batch's session and options)."""


def is_plain(item: Prepared, *, after_add: object) -> bool:
    """Whether *item* is written by this path: nothing but a document record, its
    bands and its import event (what ``pipeline._catalogue`` does beyond that, it
    does one file at a time)."""
    parsed = item.parsed
    return (
        parsed.image is None
        and parsed.ocr is None
        and not parsed.attachments
        and item.suggestions is None
        and after_add is None
    )


@dataclass
class _File:
    shown: str
    sha256: str
    new: NewDocument  # near-duplicate link and flags added by write_plain
    text: str  # as parsed: what the near-duplicate check compares
    print_: Fingerprint | None
    pending: bool  # to be marked for the suggestion pass
    note: str | None


def write_run(
    catalogue: Catalogue,
    session: Session,
    run: list[Prepared | FileOutcome],
    pending: dict[str, str],
    mark_pending: bool,
    one_by_one: OneByOne,
) -> list[FileOutcome]:
    """Catalogue a run of plain files (and pass on outcomes already known), in order;
    *pending* maps the hashes already catalogued to their codes, as for *one_by_one*
    (the one-file path), which writes the run instead if writing it together fails.
    *mark_pending*: texts are marked for the suggestion pass."""
    slots: list[FileOutcome | int | str] = []  # an outcome, a file, or an earlier file's hash
    chosen: list[Prepared] = []
    seen: set[str] = set()
    for item in run:
        if isinstance(item, FileOutcome):
            slots.append(item)
        elif item.sha256 in pending:
            shown = display_path(item.path)
            dup = pending[item.sha256]
            slots.append(FileOutcome(shown, "duplicate", duplicate_of=dup, sha256=item.sha256))
        elif item.sha256 in seen:
            slots.append(item.sha256)
        else:
            seen.add(item.sha256)
            slots.append(len(chosen))
            chosen.append(item)
    if not chosen:
        return [slot for slot in slots if isinstance(slot, FileOutcome)]
    savepoint = session.begin_nested()
    try:
        files = [_file(item, mark_pending) for item in chosen]
        written = write_plain(session, files, catalogue.actor)
    except Exception as exc:
        if isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError):
            raise  # the database failed (disk full, read-only): the batch is rolled back
        savepoint.rollback()
        return [item if isinstance(item, FileOutcome) else one_by_one(item) for item in run]
    savepoint.commit()
    outcomes: list[FileOutcome] = []
    for item, slot in zip(run, slots, strict=True):
        if isinstance(slot, FileOutcome):
            outcomes.append(slot)
        elif isinstance(slot, int):
            outcome = written[slot]
            pending[chosen[slot].sha256] = outcome.ref or ""
            outcomes.append(outcome)
        else:  # the same bytes as an earlier file of the run
            shown = display_path(item.path)
            outcomes.append(
                FileOutcome(shown, "duplicate", duplicate_of=pending[slot], sha256=slot)
            )
    return outcomes


def _file(item: Prepared, mark_pending: bool) -> _File:
    parsed = item.parsed
    new = new_document(
        parsed,
        sha256=item.sha256,
        size=len(item.data),
        filename=display_name(item.path),
        folded_text=item.folded_text,
    )
    return _File(
        shown=display_path(item.path),
        sha256=item.sha256,
        new=new,
        text=parsed.text,
        print_=item.print_,
        pending=bool(mark_pending and parsed.text),
        note=ocr_note(parsed),
    )


def write_plain(session: Session, files: list[_File], actor: str) -> list[FileOutcome]:
    """Catalogue *files* in order and return their outcomes.

    The documents are inserted in as few statements as the near-duplicate links
    allow: a file whose near duplicate is an earlier file of the same statement
    starts the next one, since it needs that file's id.
    """
    dialect = session.connection().dialect
    bands = [None if item.print_ is None else band_values(dialect, item.print_) for item in files]
    found = find_near_duplicates(
        session,
        [
            None
            if item.print_ is None or values is None
            else BatchText(item.text, replace_nul(item.text), item.print_, values)
            for item, values in zip(files, bands, strict=True)
        ],
    )
    ids: list[int] = []
    refs: list[str] = []
    start = 0
    while start < len(files):
        end = start + 1
        while end < len(files) and not _needs_id_from(found[end], start):
            end += 1
        for index in range(start, end):
            _link(files[index], found[index], ids)
        written = catalogue_documents(
            session, news=[item.new for item in files[start:end]], actor=actor
        )
        ids += [document_id for document_id, _ref in written]
        refs += [ref for _id, ref in written]
        start = end
    store_bands_many(
        session, [(ids[index], values) for index, values in enumerate(bands) if values is not None]
    )
    return [
        _outcome(item, ref, found[index], refs)
        for index, (item, ref) in enumerate(zip(files, refs, strict=True))
    ]


def _needs_id_from(found: NearDuplicate | EarlierInBatch | None, start: int) -> bool:
    return isinstance(found, EarlierInBatch) and found.index >= start


def _link(item: _File, found: NearDuplicate | EarlierInBatch | None, ids: list[int]) -> None:
    """What ``pipeline._catalogue`` sets on the record before writing it, in its order."""
    new = item.new
    if item.print_ is not None:
        new.fingerprint = item.print_.text_hash
    if found is not None:
        new.possible_duplicate_of_id = (
            ids[found.index] if isinstance(found, EarlierInBatch) else found.document_id
        )
        new.flags.append("possible duplicate")
    if item.pending:
        new.flags.append(PENDING_FLAG)


def _outcome(
    item: _File, ref: str, found: NearDuplicate | EarlierInBatch | None, refs: list[str]
) -> FileOutcome:
    title = item.new.title
    if found is None:
        return FileOutcome(
            item.shown, "imported", ref=ref, sha256=item.sha256, title=title, note=item.note
        )
    duplicate_of = refs[found.index] if isinstance(found, EarlierInBatch) else found.ref
    return FileOutcome(
        item.shown,
        "possible duplicate",
        ref=ref,
        sha256=item.sha256,
        duplicate_of=duplicate_of,
        title=title,
        note=item.note,
    )
