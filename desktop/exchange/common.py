"""What every exchange format shares: the selection, the result, tag rows, safe names.

Exports read the catalogue through one session and hand plain values to the format
writers, so a writer never runs a query of its own and the formats cannot disagree
about which documents or tags were chosen.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii
from sqlalchemy.orm import Session

from db.models import SUGGESTION_STATUSES, DateTag, Document, Figure, Mention
from db.selection import Selection as Selection  # re-exported: part of this API
from db.selection import SelectionError
from db.selection import collection_subtree as collection_subtree
from db.selection import find_collections as find_collections
from db.selection import select_documents as choose
from db.tags import tags_of

Progress = Callable[[int, int, str], None]
"""(done, total, item): the same shape as the import progress, so one bar serves both."""

ALL_STATUSES: tuple[str, ...] = tuple(SUGGESTION_STATUSES)


class ExchangeError(ValueError):
    """An export or import that cannot be done as asked; the message is for the user."""


@dataclass
class ExportResult:
    """What an export wrote; ``files`` are the paths a person would open or send."""

    format: str
    output: Path
    documents: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        shown = {k: v for k, v in self.counts.items() if k != "documents"}
        extra = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in shown.items())
        return f"Wrote {self.output} ({self.format}: {self.documents} documents" + (
            f", {extra})" if extra else ")"
        )


def select_documents(session: Session, selection: Selection) -> list[Document]:
    """The chosen documents (see ``db.selection``), with export wording."""
    try:
        return choose(session, selection, purpose="export")
    except SelectionError as exc:
        raise ExchangeError(str(exc)) from exc


# --- tags -------------------------------------------------------------------------------

TagModel = DateTag | Figure | Mention


def document_tags(
    session: Session, document: Document, statuses: Sequence[str]
) -> list[tuple[str, TagModel]]:
    """(kind, tag) in text order; kinds are "date", "figure" and "mention"."""
    return tags_of(session, document.id, statuses=tuple(statuses))


def check_statuses(statuses: Sequence[str] | None, default: Sequence[str]) -> tuple[str, ...]:
    if statuses is None:
        return tuple(default)
    unknown = set(statuses) - set(ALL_STATUSES)
    if unknown:
        raise ExchangeError(
            f"unknown tag status {', '.join(sorted(unknown))}; use {', '.join(ALL_STATUSES)}"
        )
    return tuple(statuses)


def number(value: float | None) -> int | float | None:
    """212.0 → 212: figures are stored as floats but are nearly always counts."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# --- names and files ----------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, *, limit: int = 120) -> str:
    """A file name any file system and zip tool accepts: ASCII letters, digits, ``._-``.

    Originals arrive with names like "Письмо №3 (copy).pdf" or with slashes from
    e-mail attachments; the stored bytes keep their identity through the SHA-256, so
    the payload name only has to be unique and portable.
    """
    ascii_name = anyascii(unicodedata.normalize("NFC", name))  # "Письмо" → "Pis'mo"
    cleaned = _UNSAFE.sub("_", ascii_name).strip("._") or "file"
    if len(cleaned) > limit:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (
            (stem[: limit - len(ext) - 1] + dot + ext) if dot and len(ext) < 10 else cleaned[:limit]
        )
    return cleaned


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    """Text XML 1.0 can carry: control characters (form feeds from PDFs) become U+FFFD.

    XML 1.0 forbids them even as character references, so an exporter that passed
    them through would write a file no parser accepts.
    """
    return _XML_BAD.sub("\ufffd", value)


@contextmanager
def output_file(path: Path) -> Iterator[Path]:
    """Write to ``path.part`` and move it into place only when the writer succeeded."""
    if path.is_dir():
        raise ExchangeError(f"{path} is a folder; give a file name")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    try:
        yield partial
        partial.replace(path)
    finally:
        if partial.exists():
            partial.unlink()


@contextmanager
def output_folder(path: Path) -> Iterator[Path]:
    """Build a folder beside *path* and rename it into place when complete.

    An existing non-empty folder is refused rather than merged into: files left from
    an earlier export would otherwise sit beside the new ones, unlisted.
    """
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ExchangeError(f"{path} already exists; choose a new folder name")
    partial = path.with_name(path.name + ".part")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    try:
        yield partial
        if path.exists():
            path.rmdir()
        partial.replace(path)
    finally:
        if partial.exists():
            shutil.rmtree(partial)


def compact(mapping: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values: formats where an absent field and an empty one mean the same."""
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}
