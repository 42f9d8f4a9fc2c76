"""``catena ocr`` and ``catena import --ocr-lang``: bad input gets one line, nothing runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.ingest import ocr_engine


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unknown_language_is_named(capsys, catalogue_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(
        capsys, "ocr", "CAT-000001", "--lang", "eng+xx", "-c", str(catalogue_path)
    )
    assert code == 2 and err.startswith("catena ocr: unknown OCR language xx (known: eng")
    code, _out, err = run(
        capsys, "import", str(tmp_path), "--ocr-lang", "klingon", "-c", str(catalogue_path)
    )
    assert code == 2 and "unknown OCR language klingon" in err


def test_check_without_the_engine_says_how_to_install_it(
    capsys, catalogue_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ocr_engine, "find_tesseract", lambda: None)
    monkeypatch.setattr("sys.platform", "darwin")
    code, _out, err = run(capsys, "ocr", "--check", "-c", str(catalogue_path))
    assert code == 2
    assert err.strip() == (
        "catena ocr: OCR unavailable: Tesseract was not found; "
        "install Tesseract 5: brew install tesseract tesseract-lang"
    )


def test_a_document_that_is_not_a_scan_is_refused(capsys, sample_catalogue) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(capsys, "ocr", "CAT-000001", "-c", sample_catalogue.location)
    assert code == 2 and "OCR reads PDFs and images only" in err
