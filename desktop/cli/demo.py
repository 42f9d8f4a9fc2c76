"""`catena demo`: what Catena does, without a window (servers, CI, a first look)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from db.analysis import compare_figures
from db.catalogue import Catalogue
from db.date_locales import DEFAULT_DATE_LOCALE
from db.documents import list_documents
from desktop.cli.output import date_shown, display_title, print_table
from desktop.core.imports import import_files
from desktop.core.resources import sample_paths
from desktop.core.suggestions import accept_open_suggestions
from desktop.dossier.build import DossierSpec, build_dossier


class DemoError(Exception):
    """The demo was pointed at something it must not touch."""


def run_demo(target: Path | None = None) -> int:
    """Create a NEW catalogue, import the samples, accept their suggested tags, show
    what was catalogued and where sources differ, and print a sample dossier.

    The demo never runs on an existing catalogue: it accepts every suggestion, which
    must never happen to a person's real work behind their back.
    """
    if target is not None and Path(target).exists():
        raise DemoError(
            f"{target} already exists; the demo only creates a new catalogue "
            "(name a folder that does not exist, or give none for a temporary one)"
        )
    folder = (
        Path(target) if target else Path(tempfile.mkdtemp(prefix="catena-demo-")) / "Demo.catena"
    )
    with Catalogue.open(folder, create=True) as catalogue:
        print(f"Catalogue: {catalogue.path}")
        report = import_files(catalogue, paths=sample_paths()).value
        print(f"Imported the sample documents: {report.summary()}\n")
        with catalogue.reading() as session:
            documents = list_documents(session)
            rows = [
                (
                    d.ref,
                    display_title(d.title, d.title_devised),
                    d.publisher or "",
                    date_shown(d.published, DEFAULT_DATE_LOCALE),
                    d.original_sha256[:12] if d.original_sha256 else "",
                )
                for d in documents
            ]
            refs = [d.ref for d in documents]
        accepted = accept_open_suggestions(catalogue, refs=refs).value
        print_table(
            ("Reference", "Title", "Publisher", "Published", "SHA-256"),
            rows,
            widths=(10, 58, 28, 18, 12),
        )
        print(f"\nAccepted {accepted} suggested tags (dates, figures, people).")
        with catalogue.reading() as session:
            for comparison in compare_figures(session):
                if comparison.verdict == "differ":
                    values = ", ".join(
                        f"{g.label} ({len(g.documents)} source{'s' * (len(g.documents) > 1)})"
                        for g in comparison.groups
                    )
                    print(f"Sources differ on {comparison.category}: {values}")
        pdf = build_dossier(catalogue, DossierSpec(title="Halvern dam failure: sample dossier"))
        pdf_path = folder.parent / f"{catalogue.name} dossier.pdf"
        pdf_path.write_bytes(pdf)
        print(f"\nSample dossier: {pdf_path} ({len(pdf) // 1024} KB)")
    print(f'\nOpen it in the window:  make run ARGS="--catalogue {folder}"')
    print(f"Or from the shell:      catena list --catalogue {folder}")
    return 0
