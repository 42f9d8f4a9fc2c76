"""Control characters from hostile files never reach stored metadata or an export.

A title such as ``A&#27;[31mB`` would otherwise be stored with a real ESC and later
written raw into a terminal, a CSV, a RIS or a BibTeX file. The rule is
``db.sanitize.clean_field``, applied where a document row is written
(``db.documents``), so every reader and every editor goes through it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image as PILImage
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import select, update

from db.catalogue import Catalogue
from db.documents import update_metadata
from db.models import Document, Image
from db.sanitize import has_control
from desktop.exchange import export
from desktop.ingest.pipeline import ImportOptions, ImportReport, import_paths

BODY = "The river rose in the night and the lower town was under water by morning."
# Any C0/C1 control but the line breaks and tab a CSV or RIS file may hold.
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _import(catalogue: Catalogue, path: Path) -> ImportReport:
    report = import_paths(catalogue, [path], options=ImportOptions(suggest=False))
    assert report.imported == 1, [o.describe() for o in report.outcomes]
    return report


def _only_document(catalogue: Catalogue) -> Document:
    with catalogue.reading() as session:
        document = session.scalars(select(Document)).one()
        session.expunge(document)
        return document


def _stored_one_line_values(document: Document) -> list[str]:
    values = [
        document.title,
        document.publisher,
        document.dateline,
        document.section,
        document.url,
        document.language,
        document.doc_type,
        *document.authors,
        *document.recipients,
    ]
    return [value for value in values if value]


def test_html_character_references_leave_no_control_in_the_title(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>A&#27;[31mB&#7;</title>"
        '<meta name="author" content="Anna&#x1; Smith&#27;]0;owned&#7;">'
        f"</head><body><article><p>{BODY}</p></article></body></html>",
        encoding="utf-8",
    )
    report = _import(catalogue, page)
    document = _only_document(catalogue)
    assert document.title == "A[31mB"
    assert report.outcomes[0].title == "A[31mB"  # the report shows what was stored
    for value in _stored_one_line_values(document):
        assert not has_control(value), value


def _pdf_with_metadata(metadata: dict[str, str]) -> bytes:
    page = io.BytesIO()
    drawing = canvas.Canvas(page, pagesize=A4)
    drawing.drawString(72, 800, BODY)
    drawing.showPage()
    drawing.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page.getvalue())))
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_title_and_author_with_controls_are_stored_clean(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(
        _pdf_with_metadata(
            {"/Title": "Flood\x1b[2J report\x07", "/Author": "Anna\x1b[31m Smith; Bo\x00b Lee"}
        )
    )
    assert "\x1b" in (PdfReader(path).metadata or {}).get("/Title", "")  # the fixture is hostile
    _import(catalogue, path)
    document = _only_document(catalogue)
    assert document.title == "Flood[2J report"
    assert document.authors == []  # a PDF's /Author is only offered as a guess
    assert document.file_guesses[0]["value"] == ["Anna[31m Smith", "Bob Lee"]


def test_eml_encoded_words_with_controls_are_stored_clean(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    path = tmp_path / "letter.eml"
    path.write_bytes(
        b"From: =?utf-8?q?Evil=1B[31m_Sender?= <evil@example.org>\r\n"
        b"To: =?utf-8?q?Clerk=07?= <clerk@example.org>\r\n"
        b"Subject: =?utf-8?q?Hello=1B]0;owned=07_world?=\r\n"
        b"Date: Mon, 1 Mar 2021 10:00:00 +0000\r\n"
        b"\r\n" + BODY.encode() + b"\r\n"
    )
    _import(catalogue, path)
    document = _only_document(catalogue)
    assert document.title == "Hello]0;owned world"
    assert document.authors and "\x1b" not in document.authors[0]
    for value in _stored_one_line_values(document):
        assert not has_control(value), value


def test_image_exif_artist_with_controls_is_stored_clean(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    exif = PILImage.Exif()
    exif[0x013B] = "Anna\x1b[2J Smith"  # Artist
    exif[0x010F] = "Camera\x07Maker"  # Make
    path = tmp_path / "photo.jpg"
    PILImage.new("RGB", (40, 30), (10, 20, 30)).save(path, format="JPEG", exif=exif)
    _import(catalogue, path)
    with catalogue.reading() as session:
        image = session.scalars(select(Image)).one()
        assert image.credit == "Anna[2J Smith"
        assert not any(has_control(value) for value in image.exif.values()), image.exif


def test_metadata_edit_cannot_store_controls(catalogue: Catalogue, tmp_path: Path) -> None:
    """The window's metadata editor and import-metadata both save via update_metadata."""
    path = tmp_path / "note.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    _import(catalogue, path)
    ref = _only_document(catalogue).ref
    with catalogue.writing() as session:
        change = update_metadata(
            session,
            ref=ref,
            changes={
                "title": "Edited\x1b[5m title",
                "authors": ["Anna\x00 Smith", "\x1b"],
                "publisher": "\x07",
                "notes": "kept as typed\nsecond line",
            },
            actor="tester",
        )
    document = _only_document(catalogue)
    assert document.title == "Edited[5m title"
    assert document.authors == ["Anna Smith"]
    assert document.publisher is None
    assert document.notes == "kept as typed\nsecond line"
    assert change.after["title"] == "Edited[5m title"  # undo restores what was stored


# --- exports of a catalogue that already holds control characters ---------------------


def _catalogue_with_raw_controls(catalogue: Catalogue, tmp_path: Path) -> None:
    """A document whose fields were written before the rule (set here by SQL)."""
    path = tmp_path / "old.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    _import(catalogue, path)
    with catalogue.writing() as session:
        session.execute(
            update(Document).values(
                title="Old\x1b[31m title\x07",
                publisher="Press\x1b]0;owned\x07",
                authors=["Anna\x00 Smith", "Bo\x85b Lee"],
                dateline="Ba\x1bku",
                url="https://example.org/\x1b[2J",
                notes="note\x1b[1m line\nsecond \x08line",
                doc_type="news article",
                published="2021-02-26",
            )
        )


def test_csv_ris_bibtex_exports_hold_no_control_characters(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    _catalogue_with_raw_controls(catalogue, tmp_path)
    export(catalogue, format="csv", selection=None, output=tmp_path / "tables")
    export(catalogue, format="ris", selection=None, output=tmp_path / "out.ris")
    export(catalogue, format="bibtex", selection=None, output=tmp_path / "out.bib")
    written = {
        path.name: path.read_bytes().decode("utf-8")
        for path in [*(tmp_path / "tables").iterdir(), tmp_path / "out.ris", tmp_path / "out.bib"]
    }
    assert set(written) >= {"documents.csv", "out.ris", "out.bib"}
    for name, text in written.items():
        assert not RAW_CONTROL.search(text), (name, RAW_CONTROL.findall(text))
    assert "Old[31m title" in written["documents.csv"]
    assert "TI  - Old[31m title" in written["out.ris"]
    assert "Old[31m title" in written["out.bib"]
    assert "AU  - Smith, Anna" in written["out.ris"]
