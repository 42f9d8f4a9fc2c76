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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document, find_by_original
from db.images import NewImage, add_image, find_image_by_sha
from db.objects import sha256_bytes
from desktop.ingest.duplicates import find_near_duplicate, fingerprint, store_bands
from desktop.ingest.limits import DEFAULT_LIMITS
from desktop.ingest.model import IngestError, ParsedDocument
from desktop.ingest.readers import parse

Status = Literal["imported", "duplicate", "possible duplicate", "failed", "skipped"]
ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_BATCH_SIZE = 50
BATCH_BYTES = 64 * 1024 * 1024  # a batch holds its files in memory until it commits


class ImportRefused(Exception):
    """The whole import cannot start (e.g. a read-only catalogue); nothing was done."""


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file; ``reason`` is a one-line message for the user."""

    path: str
    status: Status
    ref: str | None = None
    duplicate_of: str | None = None
    reason: str | None = None
    sha256: str | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        """One line for a terminal; control characters in file names are shown
        escaped, so a name cannot forge report lines or send terminal commands."""
        return _printable(self._describe())

    def _describe(self) -> str:
        if self.status == "imported":
            return f"imported      {self.ref}  {self.path}"
        if self.status == "duplicate":
            return f"duplicate     of {self.duplicate_of}  {self.path}"
        if self.status == "possible duplicate":
            note = f"(possible duplicate of {self.duplicate_of})"
            return f"imported      {self.ref}  {self.path}  {note}"
        if self.status == "skipped":
            return f"skipped       {self.path}: {self.reason}"
        return f"failed        {self.path}: {self.reason}"


def _printable(text: str) -> str:
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, *statuses: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status in statuses)

    @property
    def imported(self) -> int:
        return self.count("imported", "possible duplicate")

    @property
    def duplicates(self) -> int:
        return self.count("duplicate")

    @property
    def failed(self) -> int:
        return self.count("failed")

    def summary(self) -> str:
        parts = [f"{self.imported} imported", f"{self.duplicates} duplicates"]
        possible = self.count("possible duplicate")
        if possible:
            parts.append(f"{possible} possible duplicates (imported, flagged)")
        parts.append(f"{self.failed} failed")
        skipped = self.count("skipped")
        if skipped:
            parts.append(f"{skipped} skipped")
        text = ", ".join(parts)
        return text + (" — cancelled before the end" if self.cancelled else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "possible_duplicates": self.count("possible duplicate"),
            "failed": self.failed,
            "skipped": self.count("skipped"),
            "cancelled": self.cancelled,
            "files": [outcome.to_json() for outcome in self.outcomes],
        }


@dataclass(frozen=True)
class ImportOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    # Tag suggestions (dates, figures, people) stored with each new document.
    suggest: bool = True
    # Called inside the batch transaction after each new document (tag suggestions).
    after_add: Callable[[Session, Any], None] | None = None


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

    Each batch is read, hashed and parsed first, outside any transaction; only then is
    the write lock taken to store and catalogue it. Slow parsing of a large PDF thus
    never keeps another Catena process (the window, a second import) waiting.
    """
    options = options or ImportOptions()
    try:
        catalogue.objects.check_writable()
    except OSError as exc:
        raise ImportRefused(
            f"the catalogue is read-only: cannot write to {catalogue.objects.root} "
            f"({exc.strerror or exc}); nothing was imported"
        ) from exc
    files, skipped = collect_files(paths)
    report = ImportReport(outcomes=list(skipped))
    total = len(files)
    index = 0
    while index < total and not report.cancelled:
        prepared: list[_Prepared | FileOutcome] = []
        batch_bytes = 0
        while (
            index + len(prepared) < total
            and len(prepared) < options.batch_size
            and batch_bytes < BATCH_BYTES
        ):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            path = files[index + len(prepared)]
            if progress is not None:
                progress(index + len(prepared), total, str(path))
            item = _prepare(catalogue, path, options)
            if isinstance(item, _Prepared):
                batch_bytes += len(item.data)
            prepared.append(item)
        done: list[FileOutcome] = []
        if prepared:
            with catalogue.writing() as session:
                pending: dict[str, str] = {}
                for item in prepared:
                    if isinstance(item, FileOutcome):
                        done.append(item)
                    else:
                        done.append(_import_one(catalogue, session, item, pending, options))
        report.outcomes.extend(done)
        index += len(prepared)
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    return report


@dataclass(frozen=True)
class _Prepared:
    path: Path
    data: bytes
    sha256: str
    parsed: ParsedDocument


def _prepare(catalogue: Catalogue, path: Path, options: ImportOptions) -> _Prepared | FileOutcome:
    """Read, hash and parse one file without holding the catalogue's write lock."""
    shown = display_path(path)
    data_or_error = _read(path, options.max_bytes)
    if isinstance(data_or_error, FileOutcome):
        return data_or_error
    data = data_or_error
    sha256 = sha256_bytes(data)
    with catalogue.reading() as session:  # cheap early answer; checked again when writing
        duplicate = _existing(session, sha256, {})
    if duplicate is not None:
        return FileOutcome(shown, "duplicate", duplicate_of=duplicate, sha256=sha256)
    try:
        parsed = parse(
            data, display_name(path), limits=replace(DEFAULT_LIMITS, max_bytes=options.max_bytes)
        )
    except IngestError as exc:
        return FileOutcome(shown, "failed", reason=exc.reason, sha256=sha256)
    except Exception as exc:  # a reader bug must not stop the batch; say what it was
        return FileOutcome(
            shown,
            "failed",
            reason=f"could not be read ({type(exc).__name__}: {exc})",
            sha256=sha256,
        )
    return _Prepared(path, data, sha256, parsed)


def display_path(path: Path) -> str:
    """The path as text that can be stored and printed: names that are not valid
    UTF-8 (old archives, other systems) keep their readable part, with U+FFFD for
    undecodable bytes, instead of failing the import."""
    return os.fsencode(path).decode("utf-8", "replace")


def display_name(path: Path) -> str:
    return os.fsencode(path.name).decode("utf-8", "replace")


def _import_one(
    catalogue: Catalogue,
    session: Session,
    item: _Prepared,
    pending: dict[str, str],
    options: ImportOptions,
) -> FileOutcome:
    shown = display_path(item.path)
    duplicate = _existing(session, item.sha256, pending)
    if duplicate is not None:
        return FileOutcome(shown, "duplicate", duplicate_of=duplicate, sha256=item.sha256)
    savepoint = session.begin_nested()
    try:
        outcome = _catalogue(
            catalogue,
            session,
            shown,
            display_name(item.path),
            item.data,
            item.sha256,
            item.parsed,
            options,
        )
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


def _existing(session: Session, sha256: str, pending: dict[str, str]) -> str | None:
    """Reference of the record already holding these exact bytes, if any."""
    if sha256 in pending:
        return pending[sha256]
    document = find_by_original(session, sha256)
    if document is not None:
        return document.ref + (" (in the trash)" if document.deleted_at else "")
    image = find_image_by_sha(session, sha256)
    return image.ref if image is not None else None


def _store(catalogue: Catalogue, data: bytes, sha256: str) -> None:
    if catalogue.objects.put(data) != sha256:  # bytes changed between hashing and storing
        raise OSError("the file changed while it was being imported")


def _catalogue(
    catalogue: Catalogue,
    session: Session,
    shown: str,
    filename: str,
    data: bytes,
    sha256: str,
    parsed: ParsedDocument,
    options: ImportOptions,
) -> FileOutcome:
    """Store the original and add its record(s) inside the caller's savepoint."""
    _store(catalogue, data, sha256)
    if parsed.image is not None:
        image = _add_image(catalogue, session, data, sha256, filename, parsed)
        return FileOutcome(
            shown, "imported", ref=image.ref, sha256=sha256, title=image.original_filename
        )
    new = _new_document(parsed, sha256=sha256, size=len(data), filename=filename)
    print_ = fingerprint(parsed.text)
    near = find_near_duplicate(session, parsed.text, print_) if print_ else None
    if print_ is not None:
        new.fingerprint = print_.text_hash
    if near is not None:
        new.possible_duplicate_of_id = near.document_id
        new.flags.append("possible duplicate")
    document = add_document(session, new=new, actor=catalogue.actor)
    if print_ is not None:
        store_bands(session, document.id, print_)
    _add_attachments(catalogue, session, document, parsed)
    if options.suggest and document.text:
        from desktop.suggest import suggest_document  # rules only; a few ms per page

        suggest_document(session, document=document, actor=catalogue.actor, new_document=True)
    if options.after_add is not None:
        options.after_add(session, document)
    if near is not None:
        return FileOutcome(
            shown,
            "possible duplicate",
            ref=document.ref,
            sha256=sha256,
            duplicate_of=near.ref,
            title=document.title,
        )
    return FileOutcome(shown, "imported", ref=document.ref, sha256=sha256, title=document.title)


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
        new = _new_document(
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


def _new_document(parsed: ParsedDocument, *, sha256: str, size: int, filename: str) -> NewDocument:
    return NewDocument(
        text=parsed.text,
        media_type=parsed.media_type,
        original_sha256=sha256,
        original_size=size,
        original_filename=filename,
        title=parsed.title,
        title_devised=parsed.title_devised,
        doc_type=parsed.doc_type,
        publisher=parsed.publisher,
        authors=list(parsed.authors),
        recipients=list(parsed.recipients),
        published=parsed.published,
        published_time=parsed.published_time,
        published_tz=parsed.published_tz,
        dateline=parsed.dateline,
        section=parsed.section,
        language=parsed.language,
        url=parsed.url,
        encoding=parsed.encoding,
        encoding_confidence=parsed.encoding_confidence,
        guessed=sorted(parsed.guessed),
        flags=list(parsed.flags),
        page_starts=list(parsed.page_starts),
        set_aside=[{"line": item.line, "reason": item.reason} for item in parsed.set_aside],
    )
