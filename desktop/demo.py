"""`catena demo`: what Catena does, without a window (servers, CI, a first look)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from db.catalogue import Catalogue
from db.documents import list_documents
from desktop.cli.output import display_title, print_table
from desktop.ingest.pipeline import import_paths
from desktop.samples import sample_paths


def run_demo(target: Path | None = None) -> int:
    """Create (or reuse) a catalogue, import the samples, show what was catalogued."""
    folder = (
        Path(target) if target else Path(tempfile.mkdtemp(prefix="catena-demo-")) / "Demo.catena"
    )
    with Catalogue.open(folder, create=True) as catalogue:
        print(f"Catalogue: {catalogue.path}")
        report = import_paths(catalogue, sample_paths())
        print(f"Imported the sample documents: {report.summary()}\n")
        with catalogue.reading() as session:
            rows = [
                (
                    d.ref,
                    display_title(d.title, d.title_devised),
                    d.publisher or "",
                    d.published or "",
                    d.original_sha256[:12] if d.original_sha256 else "",
                )
                for d in list_documents(session)
            ]
        print_table(
            ("Reference", "Title", "Publisher", "Published", "SHA-256"),
            rows,
            widths=(10, 64, 28, 12, 12),
        )
    print(f'\nOpen it in the window:  make run ARGS="--catalogue {folder}"')
    print(f"Or from the shell:      catena list --catalogue {folder}")
    return 0
