"""`catena edit` for a source's provenance, `catena show` with guesses from file
metadata and their acceptance, `catena list --json` with the new fields."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from db.catalogue import Catalogue
from db.documents import get_document
from desktop.launch.entry import main

PDF = "CAT-000001"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    page = io.BytesIO()
    pdf = canvas.Canvas(page)
    pdf.drawString(72, 720, "The harbour commission met on the first Monday of May.")
    pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page.getvalue())))
    writer.add_metadata(
        {
            "/Author": "anonymous; Clerk of the Commission",
            "/CreationDate": "D:20190502101500+02'00'",
            "/ModDate": "D:20190502101500+02'00'",
        }
    )
    path = tmp_path / "minutes.pdf"
    with path.open("wb") as out:
        writer.write(out)
    folder = str(tmp_path / "Work.catena")
    assert run(capsys, "init", folder)[0] == 0
    assert run(capsys, "import", str(path), "--no-suggest", "-c", folder)[0] == 0
    return folder


def _fields(folder: str) -> tuple[object, ...]:
    with Catalogue.open(Path(folder), actor="t") as catalogue, catalogue.reading() as session:
        document = get_document(session, PDF)
        assert document is not None
        return (
            document.url,
            document.accessed,
            document.captured_by,
            document.published,
            tuple(document.authors),
        )


def test_edit_provenance_then_show_and_list(cat: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "edit",
        PDF,
        "--url",
        "https://harbour.example.org/minutes.pdf",
        "--accessed",
        "2026-12-01",
        "--captured-by",
        "Ana Lima",
        "-c",
        cat,
    )
    assert code == 0, err
    assert f"{PDF}  accessed: (empty) → 2026-12-01" in out
    code, out, _ = run(capsys, "show", PDF, "-c", cat)
    assert "URL          https://harbour.example.org/minutes.pdf\n" in out
    assert "Accessed     2026-12-01\n" in out and "Captured by  Ana Lima\n" in out
    code, out, _ = run(capsys, "list", "--json", "-c", cat)
    (listed,) = json.loads(out)
    assert (listed["url"], listed["accessed"], listed["captured_by"]) == (
        "https://harbour.example.org/minutes.pdf",
        "2026-12-01",
        "Ana Lima",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--url", "harbour.example.org"], "URL 'harbour.example.org' is not a web address"),
        (["--accessed", "December 2026"], "accessed date 'December 2026' is not a day"),
        (["--accessed", "2026-13-01", "--captured-by", "Ana"], "is not a day"),
        (["--set", "colour=red"], "'colour' is not a metadata field"),
        (["--set", "title"], "write FIELD=VALUE"),
        (["--accept-guess", "7"], "has no file-metadata guess 7; it has 2"),
        ([], "nothing to change"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cat: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = _fields(cat)
    code, out, err = run(capsys, "edit", PDF, *argv, "-c", cat)
    assert code == 2 and out == ""
    assert err.startswith("catena edit: ") and message in err and err.count("\n") == 1
    assert _fields(cat) == before


def test_show_offers_file_guesses_and_accepting_one(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", PDF, "-c", cat)
    assert "Published" not in out and "Authors" not in out  # nothing written unasked
    assert (
        "Guess 1      authors: Clerk of the Commission  (guess from file metadata: "
        "PDF /Author, low confidence; accept with `catena edit CAT-000001 --accept-guess 1`)"
    ) in out
    assert "Guess 2      published: 2019-05-02  (guess from file metadata: PDF /CreationDate" in out
    code, out, _ = run(capsys, "show", PDF, "--json", "-c", cat)
    guesses = json.loads(out)["file_guesses"]
    assert [(g["number"], g["field"], g["source"], g["confidence"]) for g in guesses] == [
        (1, "authors", "PDF /Author", "low"),
        (2, "published", "PDF /CreationDate", "low"),
    ]

    code, out, _ = run(capsys, "edit", PDF, "--accept-guess", "2", "-c", cat)
    assert code == 0 and out == f"{PDF}  published: (empty) → 2019-05-02\n"
    assert _fields(cat)[3] == "2019-05-02"
    code, out, _ = run(capsys, "show", PDF, "-c", cat)
    # show speaks to a person: the date in words (its --json keeps the EDTF)
    assert "Published    2 May 2019\n" in out and "Guess 2" not in out and "Guess 1" in out


def test_set_edits_other_fields_and_clears_with_an_empty_value(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "edit",
        PDF,
        "--set",
        "authors=Ana Lima; Tomas Brandt",
        "--set",
        "section=Port",
        "-c",
        cat,
    )
    assert code == 0, err
    assert _fields(cat)[4] == ("Ana Lima", "Tomas Brandt")
    code, out, _ = run(capsys, "edit", PDF, "--set", "section=", "-c", cat)
    assert code == 0 and "section: Port → (empty)" in out
