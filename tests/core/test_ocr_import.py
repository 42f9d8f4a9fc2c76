"""OCR at import and on demand, with the engine present (these tests fail, never skip,
on a machine without Tesseract: `.ci/system-deps` installs it), and the import without
it (the engine forced absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import DateTag, Document, Event, Figure, OcrWord, TextVersion
from db.ocr_texts import span_regions
from desktop.core.imports import import_files
from desktop.core.ocr import ocr_document
from desktop.ingest import ocr_engine
from desktop.ingest.ocr_engine import OCR_UNAVAILABLE, engine
from tests.core.ocr_pages import LEFT, LETTER, line_box, page, pdf_bytes


def test_tesseract_and_every_listed_language_are_installed() -> None:
    found = engine()  # raises OcrUnavailable with how to install it: the test fails
    assert int(found.version.split(".")[0]) >= 5
    missing = set(ocr_engine.LANGUAGES) - found.languages
    assert not missing, f"language data missing: {sorted(missing)}"


@pytest.fixture(scope="module")
def letter_catalogue(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One image-only PDF letter imported with OCR (OCR takes seconds: once per module)."""
    from db.catalogue import Catalogue

    folder = tmp_path_factory.mktemp("ocr")
    letter = folder / "letter.pdf"
    letter.write_bytes(pdf_bytes(page()))
    opened = Catalogue.open(folder / "Ocr.catena", create=True, actor="tester")
    report = import_files(opened, paths=[letter]).value
    yield opened, report
    opened.close()


def test_image_only_pdf_letter_gets_ocr_text_and_suggestions(letter_catalogue) -> None:  # type: ignore[no-untyped-def]
    catalogue, report = letter_catalogue
    [outcome] = report.outcomes
    assert outcome.status == "imported" and "OCR text (eng" in (outcome.note or "")
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
        assert "OCR text" in document.flags and "no text layer" not in document.flags
        assert "On 3 March 2021 the dam at Halvern failed and 1,200 people" in document.text
        dates = {d.quote for d in session.execute(select(DateTag)).scalars()}
        figures = {f.quote for f in session.execute(select(Figure)).scalars()}
    assert "3 March 2021" in dates and "14 March 2021" in dates
    assert any("1,200" in quote for quote in figures)


def test_each_word_keeps_its_page_and_box(letter_catalogue) -> None:  # type: ignore[no-untyped-def]
    catalogue, _report = letter_catalogue
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
        words = list(session.execute(select(OcrWord).order_by(OcrWord.start)).scalars())
        start = document.text.index("Halvern failed")
        [region] = span_regions(session, document.id, start, start + len("Halvern failed"))
    assert len(words) == len(" ".join(LETTER).split())
    for word in words:
        assert document.text[word.start : word.end].strip() == document.text[word.start : word.end]
    top, bottom = line_box(6)  # the seventh line of the letter holds "Halvern failed"
    assert region.page == 0
    assert top - 0.01 <= region.top < region.bottom <= bottom + 0.01
    assert region.left > LEFT / 2480  # not the start of the line: "Halvern" is in it


def test_ocr_is_recorded_as_a_preservation_event_and_a_text_version(letter_catalogue) -> None:  # type: ignore[no-untyped-def]
    catalogue, _report = letter_catalogue
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
        event = session.execute(select(Event).where(Event.action == "ocr")).scalar_one()
        version = session.execute(select(TextVersion)).scalar_one()
    assert event.target == document.ref
    assert event.detail["engine"] == "Tesseract"
    assert event.detail["text_version"] == 1 and event.detail["languages"] == ["eng"]
    assert event.detail["version"] == engine().version
    assert event.detail["settings"]["dpi"] == 300
    assert event.detail["text_sha256"] == document.text_sha256 == version.text_sha256
    assert version.origin == "ocr" and version.detail["version"] == engine().version


def test_without_tesseract_the_scan_imports_flagged_with_how_to_install(
    catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ocr_engine, "find_tesseract", lambda: None)
    monkeypatch.setattr("sys.platform", "linux")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(pdf_bytes(page()))
    report = import_files(catalogue, paths=[letter]).value
    [outcome] = report.outcomes
    assert outcome.status == "imported"
    assert OCR_UNAVAILABLE in (outcome.note or "")
    assert "apt install tesseract-ocr" in (outcome.note or "")
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
        assert OCR_UNAVAILABLE in document.flags and document.text == ""
        assert document.original_sha256 == outcome.sha256
        assert session.execute(select(OcrWord)).first() is None


def test_ocr_on_demand_reads_a_scan_imported_without_ocr(catalogue, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "letter.pdf"
    page_lines = ("Halvern, 2 May 1999", "Water rose 4 metres.")
    letter.write_bytes(pdf_bytes(page(page_lines)))
    [outcome] = import_files(catalogue, paths=[letter], ocr_languages=None).value.outcomes
    seen: list[tuple[int, int]] = []
    done = ocr_document(
        catalogue,
        ref=outcome.ref or "",
        languages=("eng",),
        progress=lambda n, total: seen.append((n, total)),
    )
    assert done.value.pages == 1 and done.value.suggested >= 1
    assert seen[-1] == (1, 1)
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
    assert document.text.splitlines() == list(page_lines)
    assert "OCR text" in document.flags and "no text layer" not in document.flags


def test_ocr_on_demand_can_be_cancelled_and_changes_nothing(catalogue, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from db.documents import DocumentError

    letter = tmp_path / "letter.pdf"
    letter.write_bytes(pdf_bytes(page()))
    [outcome] = import_files(catalogue, paths=[letter], ocr_languages=None).value.outcomes
    with pytest.raises(DocumentError, match="cancelled"):
        ocr_document(catalogue, ref=outcome.ref or "", languages=("eng",), cancelled=lambda: True)
    with catalogue.reading() as session:
        assert session.execute(select(Document.text)).scalar_one() == ""


def test_a_picture_of_a_two_column_page_becomes_a_document_read_column_by_column(
    catalogue, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PIL import ImageDraw, ImageFont

    from tests.core.ocr_pages import FONT, png_bytes

    picture = page(())
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(FONT), 40)
    left = ["The river rose at dawn", "and the first houses", "were flooded by noon."]
    right = ["By evening the council", "had opened the school", "to 300 families."]
    for number, (one, two) in enumerate(zip(left, right, strict=True)):
        draw.text((220, 300 + number * 64), one, font=font, fill=0)
        draw.text((1330, 300 + number * 64), two, font=font, fill=0)
    photo = tmp_path / "page.png"
    photo.write_bytes(png_bytes(picture))
    [outcome] = import_files(catalogue, paths=[photo]).value.outcomes
    assert outcome.ref is not None and outcome.ref.startswith("CAT-")  # a document
    with catalogue.reading() as session:
        document = session.execute(select(Document)).scalar_one()
    assert document.media_type == "image/png" and "OCR text" in document.flags
    assert " ".join(document.text.split()) == " ".join(left + right)
