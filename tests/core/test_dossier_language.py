"""The dossier printed in Azerbaijani and Russian: headings, labels and dates in words.

The catalogues are compiled from the committed .po files into a temporary folder (the
test does not rely on an earlier ``make``), and the PDF is read back with pdftotext, as
a reader copying from it would.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from desktop.dossier import language as dossier_language
from desktop.dossier.build import DossierSpec, print_dossier
from desktop.dossier.language import _, ngettext, speaking
from tools import i18n

from .pdf_text import pdf_pages, squash

EXPECTED = {
    "ru": [
        "Досье",
        "Содержание",
        "Документы",
        "Указатель свидетелей",
        "Хронология",
        "Составитель",
        "Шифр",
        "Выдержка 1",
        "страница 1 из",
        "Приложение: источники и целостность",
        "1987 г.",  # a date in Russian words (CLDR month names, "г." for the year)
    ],
    "az": [
        "Dosye",
        "Mündəricat",
        "Sənədlər",
        "Şahidlərin göstəricisi",
        "Xronologiya",
        "Tərtib edən",
        "İstinad kodu",
        "Çıxarış 1",
        "Əlavə: Mənbələr və bütövlük",
        "mart 1987",  # a date in Azerbaijani words
    ],
}


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The committed .po compiled to .mo in a temporary locale folder the dossier reads."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    folder = tmp_path / "locales"
    for code in ("az", "ru"):
        target = folder / code / "LC_MESSAGES" / "dossier.mo"
        target.parent.mkdir(parents=True)
        with i18n.po_path(code).open("rb") as handle:
            catalog = read_po(handle)
        with target.open("wb") as handle:
            write_mo(handle, catalog)
    monkeypatch.setattr(dossier_language, "LOCALES", folder)
    return folder


def _print(catalogue: Catalogue, code: str, folder: Path) -> tuple[str, list[str]]:
    spec = DossierSpec(language=code, reproducible=True, include_suggested=True)
    printed = print_dossier(catalogue, spec)
    pdf = folder / f"dossier-{code}.pdf"
    pdf.write_bytes(printed.pdf)
    return squash(" ".join(pdf_pages(pdf))), list(printed.warnings)


@pytest.mark.parametrize("code", ["ru", "az"])
def test_dossier_prints_headings_labels_and_dates_in_the_chosen_language(
    code: str, compiled: Path, sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    text, warnings = _print(sample_catalogue, code, tmp_path)
    missing = [words for words in EXPECTED[code] if words not in text]
    assert not missing, f"not in the {code} dossier: {missing}"
    for english in ("Witness index", "Chronology", "Compiled by", "Reference code", "Excerpt 1"):
        assert english not in text
    assert not warnings  # every Azerbaijani and Cyrillic letter has a glyph in the fonts


def test_english_stays_the_default(
    compiled: Path, sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    text, _warnings = _print(sample_catalogue, "en", tmp_path)
    for words in ("Dossier", "Contents", "Witness index", "Chronology", "Excerpt 1", "page 1 of"):
        assert words in text
    assert "Хронология" not in text


def test_pdf_fonts_are_embedded_for_cyrillic_and_azerbaijani(
    compiled: Path, sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    tool = shutil.which("pdffonts")
    if tool is None:
        pytest.fail("pdffonts not found: install poppler-utils to run the dossier font tests")
    for code in ("ru", "az"):
        _print(sample_catalogue, code, tmp_path)
        listing = subprocess.run(
            [tool, str(tmp_path / f"dossier-{code}.pdf")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[2:]
        assert listing
        assert all(" yes " in line for line in listing), listing  # every font embedded


def test_plural_forms_follow_the_language(compiled: Path) -> None:
    with speaking("ru"):
        words = [ngettext("{n} document", "{n} documents", n).format(n=n) for n in (1, 3, 5, 21)]
        assert words == ["1 документ", "3 документа", "5 документов", "21 документ"]
        assert dossier_language.number(1234).replace("\u00a0", " ") == "1 234"
    with speaking("az"):
        assert _("Documents") == "Sənədlər"
    with speaking("en"):
        assert ngettext("{n} document", "{n} documents", 1).format(n=1) == "1 document"
        assert dossier_language.number(1234) == "1,234"
    assert _("Documents") == "Documents"  # outside a build: English


def test_cli_prints_the_dossier_in_the_language_asked_for(
    compiled: Path, sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    from desktop.cli.main import main

    path = sample_catalogue.location
    sample_catalogue.close()
    out = tmp_path / "ru.pdf"
    assert (
        main(
            ["--catalogue", str(path), "dossier", "--language", "ru", "--suggested", "-o", str(out)]
        )
        == 0
    )
    text = squash(" ".join(pdf_pages(out)))
    assert "Хронология" in text and "Chronology" not in text


def test_every_dossier_message_has_a_translation(tmp_path: Path) -> None:
    """Like the window's test: the messages found in the code, each translated."""
    template = i18n.extract_dossier()
    for code in ("az", "ru"):
        fresh = tmp_path / f"{code}.po"
        shutil.copy(i18n.po_path(code), fresh)
        i18n.refresh_po(fresh, code, template)
        unfinished = [m.source for m in i18n.read_po_messages(fresh) if not m.finished]
        assert not unfinished, f"{code}: {unfinished}"
        committed = {m.source for m in i18n.read_po_messages(i18n.po_path(code))}
        assert committed == {m.source for m in i18n.read_po_messages(fresh)}, "stale .po"
