"""The metadata panel's provenance: URL, accessed date and who captured it, and the
guesses from a file's own metadata with their Accept buttons (undoable)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from reportlab.pdfgen import canvas

from db.catalogue import Catalogue
from db.date_words import in_words
from desktop.core.imports import import_files
from desktop.core.views import document_view

PDF = "CAT-000001"


def _pdf_with_info(path: Path) -> Path:
    page = io.BytesIO()
    pdf = canvas.Canvas(page)
    pdf.drawString(72, 720, "Harbour commission minutes")
    pdf.drawString(72, 700, "The commission met on the first Monday of May and approved it.")
    pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page.getvalue())))
    writer.add_metadata(
        {
            "/Author": "Clerk of the Commission",
            "/CreationDate": "D:20190502101500+02'00'",
            "/ModDate": "D:20190502101500+02'00'",  # the same day: offered once
        }
    )
    with path.open("wb") as out:
        writer.write(out)
    return path


@pytest.fixture
def window(catalogue: Catalogue, make_window, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import desktop.ui.main_window as module

    warnings: list[str] = []
    monkeypatch.setattr(module.QMessageBox, "warning", lambda _w, _t, text: warnings.append(text))
    import_files(catalogue, paths=[_pdf_with_info(tmp_path / "minutes.pdf")], suggest=False)
    win = make_window(catalogue)
    win.warnings = warnings
    assert win.select_ref(PDF)
    return win


def test_file_metadata_guesses_are_shown_apart_and_accepted_with_undo(  # type: ignore[no-untyped-def]
    window, catalogue, qtbot
) -> None:
    panel = window.metadata
    assert panel.edits["published"].text() == "" and panel.edits["authors"].text() == ""
    texts = [label.text() for label, _button in panel.file_guesses.rows]
    assert len(texts) == 2 and panel.file_guesses.isVisibleTo(panel)
    assert all("guess from file metadata" in t and "low confidence" in t for t in texts)
    assert any("2019-05-02" in t and "PDF /CreationDate" in t for t in texts)
    date_button = next(b for label, b in panel.file_guesses.rows if "2019-05-02" in label.text())

    qtbot.mouseClick(date_button, Qt.MouseButton.LeftButton)
    assert document_view(catalogue, PDF).fields["published"] == "2019-05-02"
    assert panel.edits["published"].text() == in_words("2019-05-02")  # a date field says words
    assert len(panel.file_guesses.rows) == 1  # the accepted one is no longer offered

    window.undo_action.trigger()
    assert document_view(catalogue, PDF).fields["published"] is None
    assert len(panel.file_guesses.rows) == 2


def test_url_accessed_and_captured_by_are_saved_and_cited(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.metadata
    panel.edits["url"].setText("https://harbour.example.org/minutes")
    panel.edits["accessed"].setText("2026-12-01")
    panel.edits["captured_by"].setText("Ana Lima")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    fields = document_view(catalogue, PDF).fields
    assert (fields["url"], fields["accessed"], fields["captured_by"]) == (
        "https://harbour.example.org/minutes",
        "2026-12-01",
        "Ana Lima",
    )
    panel.style.setCurrentIndex(panel.style.findData("mla"))
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert "harbour.example.org/minutes. Accessed 1 Dec. 2026." in (
        QGuiApplication.clipboard().text()
    )


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("url", "harbour.example.org/minutes", "is not a web address"),
        ("accessed", "December 2026", "is not a day"),
        ("accessed", "2026-02-30", "is not a day"),
    ],
)
def test_bad_url_or_accessed_date_is_refused_with_a_message(  # type: ignore[no-untyped-def]
    window, catalogue, qtbot, field, typed, message
) -> None:
    panel = window.metadata
    panel.edits["captured_by"].setText("Ana Lima")
    panel.edits[field].setText(typed)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert len(window.warnings) == 1 and message in window.warnings[0]
    assert "\n" not in window.warnings[0]
    fields = document_view(catalogue, PDF).fields
    assert fields[field] is None and fields["captured_by"] is None  # nothing changed
    assert not window.undo_action.isEnabled()
