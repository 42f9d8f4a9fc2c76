"""Importing files and folders: the operation behind ``catena import`` and File ▸ Import.

The pipeline (``desktop.ingest``) does the work — stored byte for byte, hashed,
deduplicated, decoded, cleaned, metadata guessed, tags suggested in worker processes.
This is the one entry point both adapters call, so they cannot drift apart in which
options they pass or how they report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from db.catalogue import Catalogue
from desktop.core.changes import Changes, Done
from desktop.ingest.ocr_engine import DEFAULT_LANGUAGES
from desktop.ingest.outcomes import ImportReport
from desktop.ingest.pipeline import ImportOptions, import_paths

Progress = Callable[[int, int, str], None]


def import_files(
    catalogue: Catalogue,
    *,
    paths: Sequence[Path],
    suggest: bool = True,
    defer_suggestions: bool = False,
    max_bytes: int | None = None,
    batch_size: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    ocr_languages: tuple[str, ...] | None = DEFAULT_LANGUAGES,
) -> Done[ImportReport]:
    """Import *paths* (files and folders); every file gets an outcome in the report.
    Scans and pictures of documents are read with OCR in *ocr_languages* (None: not).
    With *defer_suggestions*, new documents are marked "suggestions pending" and
    ``suggest_pending_documents`` stores their tags afterwards (faster to import)."""
    options = ImportOptions(
        suggest=suggest, defer_suggestions=defer_suggestions, ocr_languages=ocr_languages
    )
    if max_bytes is not None:
        options = replace(options, max_bytes=max_bytes)
    if batch_size is not None:
        options = replace(options, batch_size=batch_size)
    report = import_paths(
        catalogue, list(paths), options=options, progress=progress, cancelled=cancelled
    )
    return Done(report, Changes(documents=None, people=suggest, sidebar=True))
