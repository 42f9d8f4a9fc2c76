"""The reading pane beside an OCR text: the page image with tagged regions outlined,
and a person's correction from the window (no engine needed: the words and boxes
are stored as OCR would store them, over a real image-only PDF page)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.models import DateTag, Document, TextVersion
from db.ocr_texts import store_ocr
from db.tags import add_tag
from desktop.core.imports import import_files
from tests.core.ocr_pages import LEFT, LINE, TOP, page, pdf_bytes

LINES = ("Halvern, 2 May 1999", "Water rose 4 metres.")


class _Word:
    def __init__(self, page: int, start: int, end: int, box: tuple[float, ...], conf: float):
        self.page, self.start, self.end = page, start, end
        self.left, self.top, self.right, self.bottom = box
        self.confidence = conf


def _scan_document(catalogue, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """A scan imported without OCR, then given the text and boxes OCR gives it."""
    letter = tmp_path / "scan.pdf"
    letter.write_bytes(pdf_bytes(page(LINES)))
    [outcome] = import_files(catalogue, paths=[letter], ocr_languages=None).value.outcomes
    text = "\n".join(LINES)
    words, position = [], 0
    for number, line in enumerate(LINES):
        x = LEFT / 2480
        for word in line.split(" "):
            start = text.index(word, position)
            width = len(word) * 24 / 2480
            top = (TOP + number * LINE) / 3508
            box = (x, top, x + width, top + 48 / 3508)
            words.append(_Word(0, start, start + len(word), box, 30.0 if word == "4" else 96.0))
            x += width + 12 / 2480
            position = start + len(word)
    with catalogue.writing() as session:
        document = session.execute(select(Document)).scalar_one()
        document.text = text
        document.flags = ["OCR text"]
        session.flush()
        store_ocr(
            session,
            document_id=document.id,
            ref=document.ref,
            words=words,
            provenance={"engine": "Tesseract"},
            text=text,
            actor="tester",
        )
        add_tag(
            session,
            kind="date",
            document=document,
            start=9,
            end=19,
            values={"edtf": "1999-05-02"},
            actor="tester",
        )
    return outcome.ref or ""


def test_an_ocr_text_shows_its_page_with_the_tag_outlined(
    make_window, catalogue, tmp_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ref = _scan_document(catalogue, tmp_path)
    window = make_window(catalogue)
    window.resize(1400, 900)
    window.show_document(ref)
    scan = window.reader.scan
    assert scan.isVisible()
    assert "OCR text" in scan.caption.text() and "1 doubtful" in scan.caption.text()
    assert scan.canvas.image is not None and not scan.canvas.image.isNull()
    [(kind, status, region, _current)] = scan.canvas.outlines
    assert (kind, status) == ("date", "accepted")
    assert abs(region.top - TOP / 3508) < 0.002  # the first line of the page
    window.reader.place_cursor(12)  # inside "2 May 1999"
    assert scan.canvas.outlines[0][3] is True  # drawn as the current tag
    qtbot.waitUntil(lambda: scan.scroller.horizontalScrollBar().value() > 0)
    if (shots := Path("/tmp/ocr20-shots")).is_dir():
        window.grab().save(str(shots / "reading_pane_scan.png"))


def test_a_text_not_read_by_ocr_shows_no_page(make_window, sample_catalogue) -> None:  # type: ignore[no-untyped-def]
    window = make_window(sample_catalogue)
    window.show_document("CAT-000001")
    assert not window.reader.scan.isVisible() and window.reader.scan.scan is None


def test_a_correction_from_the_window_is_a_new_version(make_window, catalogue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ref = _scan_document(catalogue, tmp_path)
    window = make_window(catalogue)
    window.show_document(ref)
    window.correct_ocr_text("Halvern, 2 May 1999\nWater rose 4 metres here.")
    assert window.reader.document.text.endswith("metres here.")
    with catalogue.reading() as session:
        assert [v.origin for v in session.execute(select(TextVersion)).scalars()] == [
            "ocr",
            "correction",
        ]
        assert session.execute(select(DateTag.quote)).scalar_one() == "2 May 1999"


def test_read_text_with_ocr_from_the_window(make_window, catalogue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "scan.pdf"
    letter.write_bytes(pdf_bytes(page(LINES)))
    [outcome] = import_files(catalogue, paths=[letter], ocr_languages=None).value.outcomes
    window = make_window(catalogue)
    window.show_document(outcome.ref)
    assert not window.reader.scan.isVisible()  # no text yet: nothing read
    window.read_text_with_ocr(("eng",))
    assert window.reader.document.text.splitlines() == list(LINES)
    assert window.reader.scan.isVisible()
    assert "OCR text" in window.statusBar().currentMessage()


def test_without_the_engine_the_window_says_how_to_install_it(
    make_window, catalogue, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.ingest import ocr_engine

    shown: list[str] = []
    monkeypatch.setattr(ocr_engine, "find_tesseract", lambda: None)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    letter = tmp_path / "scan.pdf"
    letter.write_bytes(pdf_bytes(page(LINES)))
    [outcome] = import_files(catalogue, paths=[letter]).value.outcomes
    window = make_window(catalogue)
    window.show_document(outcome.ref)
    assert window.read_text_with_ocr(("eng",)) is None
    [message] = shown
    assert message.startswith("OCR unavailable") and "install Tesseract 5" in message
    assert window.reader.document.text == ""
