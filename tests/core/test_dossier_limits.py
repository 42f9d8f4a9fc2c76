"""Huge catalogue fields print cut, with a visible mark, and never stall the layout."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from db.tags import add_tag
from desktop.dossier.build import DossierSpec, print_dossier
from desktop.dossier.data import DocumentEntry, DossierData, Segment
from desktop.dossier.render import render
from desktop.ingest.pipeline import import_paths

from .test_dossier_render_sample import GENERATED

FIVE_MB = 5 * 1024 * 1024
ONE_MB = 1024 * 1024


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in pages))


@pytest.mark.timeout(120)
def test_five_megabyte_title_and_one_megabyte_word_print_with_a_mark(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    word = "x" * ONE_MB
    import_paths(catalogue, [write_texts({"big.txt": "Report of the committee.\n"})])
    with catalogue.writing() as session:
        document = session.scalars(select(Document)).one()
        # Import breaks such runs up; stored text from elsewhere (an exchange file, an
        # older catalogue) may still hold one, so it is set here directly.
        document.text = f"Report of the committee.\n\nAnna Smith wrote {word} and left.\n"
        document.title = "T" * FIVE_MB
        start = document.text.index(word)
        add_tag(
            session,
            kind="mention",
            document=document,
            start=start,
            end=start + len(word),
            values={"name": "Anna Smith", "role": "author"},
            actor="t",
        )
    printed = print_dossier(catalogue, DossierSpec(title="D" * FIVE_MB, reproducible=True))
    text = _text(printed.pdf)
    assert "… [truncated: 5,242,880 characters; full text in the catalogue]" in text
    # The tag's quote is a megabyte: printed up to the excerpt budget, the rest marked.
    assert "further characters of this excerpt not printed" in text
    assert 50_000 <= text.count("x") < ONE_MB
    assert len(PdfReader(io.BytesIO(printed.pdf)).metadata.title) < 3000


@pytest.mark.timeout(120)
def test_every_printed_field_is_capped(tmp_path: Path) -> None:
    """Citation segments and notes were printed whole: a 2 MB citation never finished."""
    huge = "W" * 2_000_000
    data = DossierData(
        title="Caps",
        compiler="C",
        generated_at=GENERATED,
        sections=("documents", "bibliography"),
        documents=(
            DocumentEntry(
                "d",
                "Doc",
                (Segment(huge, italic=True), Segment(". Press.")),
                notes=("note " * 200_000,),
            ),
        ),
        bibliography=((Segment(huge), Segment(" Hüseynov.")),),
    )
    text = _text(render(data))
    assert text.count("[truncated: 2,000,000 characters; full text in the catalogue]") == 2
    assert "[truncated: 1,000,000 characters; full text in the catalogue]" in text
    assert "Hüseynov." in text
