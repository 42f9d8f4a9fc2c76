"""Printing a dossier to a file: the one way both the CLI and the window do it.

The PDF is written to ``NAME.pdf.part`` and flushed to disk, the printing is recorded
in the audit trail (with the PDF's SHA-256 and the digest of its source data), and only
then does the file take its name. So a dossier that failed to be written is never on
record, a dossier on disk always is, and a crash never leaves a half-written PDF under
the name a person asked for. (The window used to record first and write in place.)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.catalogue import Catalogue
from desktop.core.changes import NOTHING, Done

Progress = Callable[[int, int], None]


class DossierFileError(ValueError):
    """The dossier could not be written where the person asked; for the person."""


@dataclass(frozen=True)
class WrittenDossier:
    path: Path
    size: int
    documents: tuple[str, ...]
    source_digest: str
    warnings: tuple[str, ...] = ()
    """What could not be printed exactly (characters no bundled font has, …); the
    dossier's appendix lists them too."""


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def print_dossier(
    catalogue: Catalogue, *, spec: Any, output: Path, progress: Progress | None = None
) -> Done[WrittenDossier]:
    """Gather, render, write and record the dossier *spec* describes, at *output*."""
    from desktop.dossier.build import print_dossier as render_dossier
    from desktop.dossier.build import record_printed

    if output.exists() and output.is_dir():
        raise DossierFileError(f"{output} is a folder; give a file name ending in .pdf")
    printed = render_dossier(catalogue, spec, progress=progress)
    partial = output.with_name(output.name + ".part")
    try:
        _write_durably(partial, printed.pdf)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DossierFileError(f"cannot write {output}: {exc.strerror or exc}") from exc
    try:
        record_printed(catalogue, spec, printed, output=str(output))
        partial.replace(output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    written = WrittenDossier(
        output,
        len(printed.pdf),
        printed.documents,
        printed.source_digest,
        tuple(printed.warnings),
    )
    return Done(written, NOTHING)
