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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document, find_by_original
from db.objects import sha256_bytes
from desktop.ingest.model import IngestError, ParsedDocument
from desktop.ingest.readers import parse

Status = Literal["imported", "duplicate", "possible duplicate", "failed", "skipped"]
ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_BATCH_SIZE = 50


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
    """Import files and folders; every file gets an outcome, none stops the batch."""
    options = options or ImportOptions()
    files, skipped = collect_files(paths)
    report = ImportReport(outcomes=list(skipped))
    total = len(files)
    index = 0
    while index < total:
        batch = files[index : index + options.batch_size]
        done_in_batch: list[FileOutcome] = []
        with catalogue.writing() as session:
            pending: dict[str, str] = {}
            for offset, path in enumerate(batch):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if progress is not None:
                    progress(index + offset, total, str(path))
                done_in_batch.append(_import_one(catalogue, session, path, pending, options))
        report.outcomes.extend(done_in_batch)
        index += len(done_in_batch)
        if report.cancelled:
            break
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    return report


def _import_one(
    catalogue: Catalogue,
    session: Session,
    path: Path,
    pending: dict[str, str],
    options: ImportOptions,
) -> FileOutcome:
    shown = str(path)
    data_or_error = _read(path, options.max_bytes)
    if isinstance(data_or_error, FileOutcome):
        return data_or_error
    data = data_or_error
    sha256 = sha256_bytes(data)
    existing = find_by_original(session, sha256)
    if existing is not None or sha256 in pending:
        ref = existing.ref if existing is not None else pending[sha256]
        note = " (in the trash)" if existing is not None and existing.deleted_at else ""
        return FileOutcome(shown, "duplicate", duplicate_of=ref + note, sha256=sha256)
    try:
        parsed = parse(data, path.name)
    except IngestError as exc:
        return FileOutcome(shown, "failed", reason=exc.reason, sha256=sha256)
    except Exception as exc:  # a reader bug must not stop the batch; say what it was
        return FileOutcome(
            shown,
            "failed",
            reason=f"could not be read ({type(exc).__name__}: {exc})",
            sha256=sha256,
        )
    try:
        stored = catalogue.objects.put(data)
    except OSError as exc:
        return FileOutcome(
            shown, "failed", reason=f"could not store the original: {exc.strerror}", sha256=sha256
        )
    if stored != sha256:  # the bytes changed between hashing and storing: refuse
        return FileOutcome(
            shown, "failed", reason="file changed while being imported", sha256=sha256
        )
    savepoint = session.begin_nested()
    try:
        document = add_document(
            session,
            new=_new_document(parsed, sha256=sha256, size=len(data), filename=path.name),
            actor=catalogue.actor,
        )
        if options.after_add is not None:
            options.after_add(session, document)
    except Exception as exc:
        savepoint.rollback()
        return FileOutcome(shown, "failed", reason=f"could not be catalogued: {exc}", sha256=sha256)
    savepoint.commit()
    pending[sha256] = document.ref
    return FileOutcome(shown, "imported", ref=document.ref, sha256=sha256, title=document.title)


def _read(path: Path, max_bytes: int) -> bytes | FileOutcome:
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            return FileOutcome(shown, "failed", reason="not a regular file")
        if size > max_bytes:
            return FileOutcome(
                shown,
                "failed",
                reason=f"larger than the {max_bytes // (1024 * 1024)} MB import limit "
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
