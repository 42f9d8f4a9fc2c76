"""Import files into a catalogue: store originals, parse, catalogue, report per file.

The work per file is: read bytes → SHA-256 → exact duplicate? → parse (reader per
format) → put the original in the object store → add the record. Records are
committed in batches; a batch interrupted by a crash or Ctrl-C is rolled back as a
whole, and because a stored original is only referenced inside the batch's
transaction, running the same import again continues where it stopped (what was
committed is reported as duplicates).

One progress callback serves the CLI's bar and the UI's dialog; a cancel callback
stops between files, keeping everything already done.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.documents import add_document, catalogue_document
from db.images import NewImage, add_image, find_image_by_sha
from db.languages import load_model
from db.models import Document, Image
from db.objects import sha256_bytes
from db.ocr_texts import store_ocr
from db.pending_suggestions import PENDING_FLAG
from desktop.extract.store import store_suggestions
from desktop.ingest.duplicates import find_near_duplicate, store_bands
from desktop.ingest.new_records import display_name, display_path, new_document, ocr_note
from desktop.ingest.ocr_engine import DEFAULT_LANGUAGES
from desktop.ingest.outcomes import FileOutcome, ImportReport
from desktop.ingest.parsed import IngestError, ParsedDocument
from desktop.ingest.plain_batch import is_plain, write_run
from desktop.ingest.prepare import (
    Failed,
    Job,
    Prepared,
    Preparer,
    default_workers,
    outcome_for,
    prepare_for_importer,
    with_original,
)
from desktop.ingest.readers import parse

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_BATCH_SIZE = 100  # files a batch commits together (see BENCHMARKS.md, issue 23)
BATCH_BYTES = 64 * 1024 * 1024  # a batch holds its files in memory until it commits
#: Files read (and looked up) before the first go to the workers, so that they start
#: before a whole batch has been read (a few ms sooner: the first look-up is most of it).
FIRST_READ = 16


class ImportRefused(Exception):
    """The whole import cannot start (e.g. a read-only catalogue); nothing was done."""


@dataclass(frozen=True)
class ImportOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    # Tag suggestions (dates, figures, people) stored with each new document.
    suggest: bool = True
    # With suggest: leave them to the suggestion pass (desktop.ingest.suggest_pass);
    # each new document with text is marked "suggestions pending" instead.
    defer_suggestions: bool = False
    # Called inside the batch transaction after each new document (tag suggestions).
    after_add: Callable[[Session, Any], None] | None = None
    # Processes that parse and suggest; None: one per core (at most 4). Imports of
    # fewer than POOL_THRESHOLD files are prepared in this process whatever it says.
    workers: int | None = None
    # Languages scans and pictures of documents are read in (Tesseract codes); None
    # turns OCR off for this import (the scans are kept, flagged "no text layer").
    ocr_languages: tuple[str, ...] | None = DEFAULT_LANGUAGES


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Expand folders recursively (sorted, so runs are repeatable); hidden entries are
    reported as skipped rather than silently ignored."""
    files: list[Path] = []
    skipped: list[FileOutcome] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                hidden_dirs = sorted(d for d in dirs if d.startswith("."))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in hidden_dirs:
                    skipped.append(
                        FileOutcome(str(Path(root) / name), "skipped", reason="hidden folder")
                    )
                for name in sorted(names):
                    full = Path(root) / name
                    if name.startswith("."):
                        skipped.append(FileOutcome(str(full), "skipped", reason="hidden file"))
                    else:
                        files.append(full)
        else:
            files.append(path)
    return files, skipped


def import_paths(
    catalogue: Catalogue,
    paths: Sequence[Path],
    *,
    options: ImportOptions | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import files and folders; every file gets an outcome, none stops the batch.

    Files are read and hashed here, and those the catalogue already holds are reported
    without parsing. Parsing, fingerprinting and tag suggestions run outside any
    transaction — in worker processes when there are many files — and only then is the
    write lock taken, per batch, to store and catalogue the results. Slow parsing of a
    large PDF thus never keeps another Catena process (the window, a second import)
    waiting, and while one batch is written the workers prepare the next.
    """
    options = options or ImportOptions()
    try:
        catalogue.objects.check_writable()
    except OSError as exc:
        raise ImportRefused(
            f"the catalogue is read-only: cannot write to {catalogue.objects.location} "
            f"({exc.strerror or exc}); nothing was imported"
        ) from exc
    files, skipped = collect_files(paths)
    report = ImportReport(outcomes=list(skipped))
    workers = options.workers if options.workers is not None else default_workers()
    with (
        Preparer(workers, len(files), prepare_for_importer, before_fork=load_model) as preparer,
        catalogue.objects.syncing(),  # its threads start at the first batch, after the fork
    ):
        queue = _Queue(catalogue, files, options, preparer, cancelled)
        lookahead = preparer.capacity if preparer.parallel else 0
        while not queue.finished:
            queue.fill(options.batch_size + lookahead)
            batch = queue.take_batch(options.batch_size, progress)
            if batch:
                report.outcomes.extend(_write_batch(catalogue, batch, options))
        report.cancelled = queue.cancelled
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


class _Queue:
    """The files in order, from read bytes to prepared results. It holds a bounded
    number of files and bytes, so a folder of large PDFs cannot fill the memory."""

    def __init__(
        self,
        catalogue: Catalogue,
        files: list[Path],
        options: ImportOptions,
        preparer: Preparer,
        cancelled: CancelCheck | None,
    ) -> None:
        self._catalogue = catalogue
        self._files = files
        self._options = options
        self._preparer = preparer
        self._is_cancelled = cancelled
        self._next = 0  # next file to read
        self._taken = 0  # files handed out in batches
        self._entries: deque[FileOutcome | Job] = deque()
        self._bytes = 0  # bytes of the jobs waiting in _entries
        self.cancelled = False

    @property
    def finished(self) -> bool:
        return self.cancelled or (self._next >= len(self._files) and not self._entries)

    def _cancel_requested(self) -> bool:
        if self._is_cancelled is not None and self._is_cancelled():
            self.cancelled = True
        return self.cancelled

    def _room(self, target: int, extra: int) -> bool:
        waiting = len(self._entries) + extra
        return (
            self._next < len(self._files)
            and waiting < target
            and (self._bytes < BATCH_BYTES or waiting == 0)
        )

    def fill(self, target: int) -> None:
        """Read files until *target* are waiting (or the byte bound is reached); one
        query per chunk says which the catalogue holds, and those are never parsed."""
        while self._room(target, 0) and not self._cancel_requested():
            chunk: list[tuple[Path, bytes | FileOutcome]] = []
            size = FIRST_READ if self._next == 0 else DEFAULT_BATCH_SIZE
            while len(chunk) < size and self._room(target, len(chunk)):
                path = self._files[self._next]
                self._next += 1
                data = _read(path, self._options.max_bytes)
                if isinstance(data, bytes):
                    self._bytes += len(data)
                chunk.append((path, data))
            self._queue_chunk(chunk)

    def _queue_chunk(self, chunk: list[tuple[Path, bytes | FileOutcome]]) -> None:
        hashed = [
            (path, data, sha256_bytes(data) if isinstance(data, bytes) else "")
            for path, data in chunk
        ]
        with self._catalogue.reading() as session:  # checked again when writing
            known = _existing_many(session, {sha for _p, _d, sha in hashed if sha})
        for path, data, sha256 in hashed:
            if isinstance(data, FileOutcome):
                self._entries.append(data)
                continue
            shown = display_path(path)
            if sha256 in known:
                self._bytes -= len(data)
                self._entries.append(
                    FileOutcome(shown, "duplicate", duplicate_of=known[sha256], sha256=sha256)
                )
                continue
            job = Job(
                path=path,
                shown=shown,
                filename=display_name(path),
                data=data,
                sha256=sha256,
                max_bytes=self._options.max_bytes,
                suggest=self._options.suggest and not self._options.defer_suggestions,
                objects=self._catalogue.objects,
                ocr_languages=self._options.ocr_languages,
                sync_directory=False,  # once per folder and batch: see _write_batch
            )
            self._preparer.submit(job)
            self._entries.append(job)

    def take_batch(
        self, size: int, progress: ProgressCallback | None
    ) -> list[Prepared | FileOutcome]:
        """The next batch of results in file order (waiting for the workers if need be)."""
        batch: list[Prepared | FileOutcome] = []
        batch_bytes = 0
        while self._entries and len(batch) < size and batch_bytes < BATCH_BYTES:
            if self._cancel_requested():
                break
            entry = self._entries.popleft()
            if progress is not None:
                progress(self._taken, len(self._files), str(entry.path))
            self._taken += 1
            if isinstance(entry, FileOutcome):
                batch.append(entry)
                continue
            self._bytes -= len(entry.data)
            job, result = self._preparer.next_result()
            assert job is entry, "the preparer returns results in submission order"
            result = with_original(job, result)
            if isinstance(result, Failed):
                batch.append(outcome_for(job, result))
            else:
                batch_bytes += len(result.data)
                batch.append(result)
        return batch


class _NotDurable(Exception):
    """The originals' folders could not be fsynced: the batch must not commit."""


def _write_batch(
    catalogue: Catalogue, batch: list[Prepared | FileOutcome], options: ImportOptions
) -> list[FileOutcome]:
    """Store and catalogue one batch in one transaction (all or nothing on a crash).

    A file is acknowledged ("imported") when this transaction commits. The workers
    stored each original in place but left it to be made durable here: every
    original's bytes and every object folder the batch touched are fsynced, all at
    once from several threads (the filesystem commits them together), just before
    the commit. So a committed record never points at an original a power cut could
    take back; if anything cannot be synced, nothing of the batch is committed.
    """
    done: list[FileOutcome] = []
    try:
        with catalogue.writing() as session:
            pending = _existing_many(
                session, {item.sha256 for item in batch if isinstance(item, Prepared)}
            )
            done = _write_items(catalogue, session, batch, pending, options)
            try:
                catalogue.objects.sync_directories(
                    item.sha256 for item in batch if isinstance(item, Prepared)
                )
            except OSError as exc:
                raise _NotDurable(exc.strerror or str(exc)) from exc
    except _NotDurable as exc:
        reason = f"could not store the original: {exc}"
        return [
            FileOutcome(display_path(item.path), "failed", sha256=item.sha256, reason=reason)
            if isinstance(item, Prepared)
            else item
            for item in batch
        ]
    return done


def _write_items(
    catalogue: Catalogue,
    session: Session,
    batch: list[Prepared | FileOutcome],
    pending: dict[str, str],
    options: ImportOptions,
) -> list[FileOutcome]:
    """The batch's outcomes in order: runs of plain texts are written together
    (``plain_batch``), any other file one at a time between them, as it comes."""

    def one_by_one(item: Prepared) -> FileOutcome:
        return _import_one(catalogue, session, item, pending, options)

    done: list[FileOutcome] = []
    mark = options.suggest and options.defer_suggestions
    run: list[Prepared | FileOutcome] = []
    for item in batch:
        if isinstance(item, FileOutcome) or is_plain(item, after_add=options.after_add):
            run.append(item)
            continue
        done += write_run(catalogue, session, run, pending, mark, one_by_one)
        run = []
        done.append(one_by_one(item))
    return done + write_run(catalogue, session, run, pending, mark, one_by_one)


def _import_one(
    catalogue: Catalogue,
    session: Session,
    item: Prepared,
    pending: dict[str, str],
    options: ImportOptions,
) -> FileOutcome:
    """Catalogue one prepared file in a savepoint; *pending* maps the hashes already
    in the catalogue or added by this batch to their references."""
    shown = display_path(item.path)
    duplicate = pending.get(item.sha256)
    if duplicate is not None:
        return FileOutcome(shown, "duplicate", duplicate_of=duplicate, sha256=item.sha256)
    savepoint = session.begin_nested()
    try:
        outcome = _catalogue(catalogue, session, shown, item, options)
    except OSError as exc:
        savepoint.rollback()
        return FileOutcome(
            shown,
            "failed",
            sha256=item.sha256,
            reason=f"could not store the original: {exc.strerror or exc}",
        )
    except DBAPIError:
        # The database itself failed (disk full, read-only, I/O error): the batch
        # cannot go on; the caller's transaction is rolled back whole.
        raise
    except Exception as exc:
        savepoint.rollback()
        return FileOutcome(
            shown, "failed", reason=f"could not be catalogued: {exc}", sha256=item.sha256
        )
    savepoint.commit()
    if outcome.ref:
        pending[item.sha256] = outcome.ref
    return outcome


def _existing_many(session: Session, hashes: set[str]) -> dict[str, str]:
    """Reference of the record already holding each of these exact bytes, if any
    (documents in the trash say so); one query per table for a whole batch."""
    found: dict[str, str] = {}
    if not hashes:
        return found
    for sha256, ref in session.execute(
        select(Image.sha256, Image.ref).where(Image.sha256.in_(hashes))
    ):
        found[sha256] = ref
    for sha256, ref, deleted_at in session.execute(
        select(Document.original_sha256, Document.ref, Document.deleted_at)
        .where(Document.original_sha256.in_(hashes))
        .order_by(Document.id.desc())  # the oldest record wins, as a lookup by hash does
    ):
        found[sha256] = ref + (" (in the trash)" if deleted_at else "")
    return found


def _store(catalogue: Catalogue, data: bytes, sha256: str) -> None:
    if catalogue.objects.put(data) != sha256:  # bytes changed between hashing and storing
        raise OSError("the file changed while it was being imported")


def _catalogue(
    catalogue: Catalogue,
    session: Session,
    shown: str,
    item: Prepared,
    options: ImportOptions,
) -> FileOutcome:
    """Add the record(s) of a stored original inside the caller's savepoint."""
    data, sha256, parsed, print_ = item.data, item.sha256, item.parsed, item.print_
    filename = display_name(item.path)  # the original was stored by prepare_file
    if parsed.image is not None:
        image = _add_image(catalogue, session, data, sha256, filename, parsed)
        return FileOutcome(
            shown, "imported", ref=image.ref, sha256=sha256, title=image.original_filename
        )
    new = new_document(
        parsed, sha256=sha256, size=len(data), filename=filename, folded_text=item.folded_text
    )
    near = find_near_duplicate(session, parsed.text, print_) if print_ else None
    if print_ is not None:
        new.fingerprint = print_.text_hash
    if near is not None:
        new.possible_duplicate_of_id = near.document_id
        new.flags.append("possible duplicate")
    if options.suggest and options.defer_suggestions and parsed.text:
        new.flags.append(PENDING_FLAG)  # the mark commits with the record (suggest_pass)
    document_id, ref = catalogue_document(session, new=new, actor=catalogue.actor)
    if print_ is not None:
        store_bands(session, document_id, print_)
    if parsed.ocr is not None:
        store_ocr(
            session,
            document_id=document_id,
            ref=ref,
            words=parsed.ocr.words,
            provenance=parsed.ocr.provenance(),
            text=parsed.text,
            actor=catalogue.actor,
        )
    if parsed.attachments or options.after_add is not None:
        document = session.get(Document, document_id)
        _add_attachments(catalogue, session, document, parsed)
    if item.suggestions is not None:
        # Computed from parsed.text, which catalogue_document stores unchanged.
        store_suggestions(
            session,
            document=_Written(document_id, ref, parsed.text),
            suggestions=item.suggestions,
            actor=catalogue.actor,
            new_document=True,
        )
    if options.after_add is not None:
        options.after_add(session, session.get(Document, document_id))
    note = ocr_note(parsed)
    if near is not None:
        return FileOutcome(
            shown,
            "possible duplicate",
            ref=ref,
            sha256=sha256,
            duplicate_of=near.ref,
            title=new.title,
            note=note,
        )
    return FileOutcome(shown, "imported", ref=ref, sha256=sha256, title=new.title, note=note)


@dataclass(frozen=True)
class _Written:
    """A document this import has just catalogued (not loaded back)."""

    id: int
    ref: str
    text: str


def _add_image(
    catalogue: Catalogue,
    session: Session,
    data: bytes,
    sha256: str,
    filename: str,
    parsed: ParsedDocument,
) -> Any:
    info = parsed.image
    assert info is not None
    thumb_sha: str | None = None
    if info.thumbnail_png:
        thumb_sha = catalogue.objects.put(info.thumbnail_png)
    return add_image(
        session,
        new=NewImage(
            sha256=sha256,
            size=len(data),
            media_type=parsed.media_type,
            filename=filename,
            width=info.width,
            height=info.height,
            format=info.format,
            exif=dict(info.exif),
            taken=info.taken,
            thumbnail_sha256=thumb_sha,
            thumbnail_size=len(info.thumbnail_png or b""),
            credit=parsed.authors[0] if parsed.authors else None,
        ),
        actor=catalogue.actor,
    )


def _add_attachments(
    catalogue: Catalogue, session: Session, letter: Any, parsed: ParsedDocument
) -> None:
    """E-mail attachments become linked originals: documents with the letter as parent,
    or images attached to it. One that cannot be read is kept as an original with a
    flag, so nothing the sender attached is lost."""
    for attachment in parsed.attachments:
        sha = sha256_bytes(attachment.data)
        _store(catalogue, attachment.data, sha)
        try:
            child = parse(attachment.data, attachment.filename)
        except IngestError as exc:
            child = ParsedDocument(
                text="",
                media_type=attachment.media_type,
                flags=[f"attachment not readable: {exc.reason}"],
            )
        if child.image is not None:
            image = find_image_by_sha(session, sha) or _add_image(
                catalogue, session, attachment.data, sha, attachment.filename, child
            )
            letter.images.append(image)
            continue
        new = new_document(
            child, sha256=sha, size=len(attachment.data), filename=attachment.filename
        )
        new.parent_id = letter.id
        if not new.title:
            new.title, new.title_devised = f"Attachment {attachment.filename}", True
        add_document(session, new=new, actor=catalogue.actor)


def _read(path: Path, max_bytes: int) -> bytes | FileOutcome:
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            return FileOutcome(shown, "failed", reason="not a regular file")
        if size > max_bytes:
            return FileOutcome(
                shown,
                "failed",
                reason=f"larger than the {max_bytes / (1024 * 1024):g} MB import limit "
                f"({size / (1024 * 1024):.1f} MB)",
            )
        return path.read_bytes()
    except FileNotFoundError:
        return FileOutcome(shown, "failed", reason="file not found")
    except PermissionError:
        return FileOutcome(shown, "failed", reason="permission denied: cannot read the file")
    except OSError as exc:
        return FileOutcome(shown, "failed", reason=f"cannot read the file: {exc.strerror}")
