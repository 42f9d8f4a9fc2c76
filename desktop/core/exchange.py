"""Exports and the two exchange imports, as operations both adapters call.

``catena export`` and File ▸ Export go through ``export_documents``; ``catena
import-archive`` and ``catena import-metadata`` through ``load_archive`` and
``apply_bibliography``. The formats themselves live in ``desktop.exchange``; what this
module adds is the operation's shape: keyword-only arguments, and for the imports a
``Done`` saying what changed, so a window that runs them refreshes what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from db.catalogue import Catalogue
from desktop.core.changes import NOTHING, Changes, Done
from desktop.exchange import (
    ArchiveImport,
    ExportOptions,
    ExportResult,
    MetadataImport,
    Selection,
    export,
    import_archive,
    import_metadata,
)

Progress = Callable[[int, int, str], None]

# An import can add documents and people and fill the sidebar: every view re-reads.
EVERYTHING = Changes(documents=None, people=True, sidebar=True)


def export_documents(
    catalogue: Catalogue,
    *,
    format: str,
    selection: Selection | Sequence[str] | None,
    output: Path | str,
    progress: Progress | None = None,
    options: ExportOptions | None = None,
) -> ExportResult:
    """Write *selection* (None: every document) as *format* to *output*; changes
    nothing in the catalogue. Raises ``ExchangeError`` (for the person) as ``export``
    does, before anything is written where it was asked."""
    return export(
        catalogue,
        format=format,
        selection=selection,
        output=output,
        progress=progress,
        options=options,
    )


def load_archive(
    catalogue: Catalogue,
    *,
    path: Path,
    progress: Progress | None = None,
    allow_missing: bool = False,
) -> Done[ArchiveImport]:
    """Load a Catena archive into an empty catalogue, every value checked first."""
    report = import_archive(catalogue, path, progress=progress, allow_missing=allow_missing)
    return Done(report, EVERYTHING)


def apply_bibliography(
    catalogue: Catalogue,
    *,
    path: Path,
    source_format: str | None = None,
    dry_run: bool = False,
    create: bool = False,
) -> Done[MetadataImport]:
    """Match each record of a bibliography file to a document and apply its metadata
    (with *dry_run*, only say what would change; with *create*, add metadata-only
    documents for records that match nothing)."""
    report = import_metadata(
        catalogue, path, source_format=source_format, dry_run=dry_run, create=create
    )
    return Done(report, NOTHING if dry_run else Changes(documents=None))
