"""A dossier quoting a scan: the crop of the page beside the OCR text, the citation
saying the text is OCR, and the scan's SHA-256 in the fixity appendix (engine needed:
this fails, never skips, without Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from sqlalchemy import select

from db.models import DateTag, Document
from db.tags import set_status
from desktop.core.dossiers import print_dossier
from desktop.core.imports import import_files
from desktop.dossier.build import DossierSpec, gather
from desktop.dossier.scan_crops import CROP_DPI, crop_image
from desktop.ingest.ocr_engine import engine
from tests.core.ocr_pages import LINE, page, pdf_bytes
from tests.core.pdf_text import pdf_pages, squash

EXCERPT = (
    "On 3 March 2021 the dam at Halvern failed and 1,200 people\n"
    "were moved from the valley. The repairs will cost 45 million\n"
    "manat and will take until June 2022."
)


@pytest.fixture(scope="module")
def scanned_letter(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The image-only PDF letter imported with OCR, its date "3 March 2021" accepted."""
    from db.catalogue import Catalogue

    folder = tmp_path_factory.mktemp("ocr-dossier")
    letter = folder / "letter.pdf"
    letter.write_bytes(pdf_bytes(page()))
    opened = Catalogue.open(folder / "Scan.catena", create=True, actor="tester")
    import_files(opened, paths=[letter])
    with opened.writing() as session:
        tag = session.execute(select(DateTag).where(DateTag.quote == "3 March 2021")).scalar_one()
        set_status(session, kind="date", tag_id=tag.id, status="accepted", actor="tester")
    yield opened, folder
    opened.close()


def test_the_excerpt_carries_the_crop_of_its_page_region(scanned_letter) -> None:  # type: ignore[no-untyped-def]
    catalogue, _folder = scanned_letter
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
        data = gather(catalogue, session, DossierSpec(refs=(document.ref,)))
    [entry] = data.documents
    [excerpt] = entry.excerpts
    assert excerpt.text == EXCERPT
    [crop] = excerpt.crops
    assert crop.page == 0 and crop.original_sha256 == document.original_sha256
    picture = crop_image(crop)
    three_lines = 3 * LINE * CROP_DPI / 300  # the excerpt's lines, at the crop's resolution
    assert three_lines * 0.8 < picture.height < three_lines * 1.3
    citation = "".join(segment.text for segment in entry.citation)
    assert (
        f"Text: OCR (Tesseract {engine().version}; eng), read from the scanned original" in citation
    )
    assert document.original_sha256 in citation


def test_the_printed_dossier_shows_the_crop_and_copies_as_the_ocr_text(
    scanned_letter, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    catalogue, _folder = scanned_letter
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
    output = tmp_path / "scan.pdf"
    print_dossier(catalogue, spec=DossierSpec(refs=(document.ref,)), output=output)
    pages = pdf_pages(output)
    with_excerpt = [n for n, text in enumerate(pages) if squash(EXCERPT) in squash(text)]
    assert len(with_excerpt) == 1  # pdftotext gives the OCR text of the excerpt
    number = with_excerpt[0]
    assert "read from by OCR" in pages[number]
    pdf = pdfium.PdfDocument(output)
    try:
        images = list(pdf[number].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    finally:
        pdf.close()
    assert len(images) == 1  # the crop, on the excerpt's page
    everything = squash("".join(pages))
    assert document.original_sha256 in everything.replace(" ", "")  # the fixity appendix
