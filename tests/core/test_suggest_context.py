"""Every caller of suggest() tells it the language of each paragraph and the day the
document bears: the import (languages detected once and stored), suggesting again (the
stored map read back), tagging selected words; and a text written anew is detected anew."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import desktop.extract
from db.catalogue import Catalogue
from db.documents import update_metadata
from db.models import Document
from db.tags import replace_text
from desktop.core import tagging
from desktop.core.suggestions import suggest_tags
from desktop.core.views import document_view
from desktop.extract.document_context import document_day
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.launch.entry import main

RUSSIAN = (
    "Вчера на заводе в Подгорске произошёл пожар. По словам директора, утром 13 апреля "
    "рабочие успели покинуть цех, пострадавших нет, а пожарные работали до вечера."
)
AZERBAIJANI = (
    "Zavodda yanğın baş verdi. Direktorun sözlərinə görə, işçilər vaxtında binanı tərk "
    "ediblər və xəsarət alan yoxdur."
)
ARTICLE = f"Пожар на заводе\nОпубликовано: 4 марта 2021\n\n{RUSSIAN}\n\n{AZERBAIJANI}\n"

Calls = list[dict[str, Any]]


@pytest.fixture
def suggest_calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Record what every suggest() call is told (the real suggester still answers)."""
    calls: Calls = []
    real = desktop.extract.suggest

    def spy(text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append({"text": text, **kwargs})
        return real(text, *args, **kwargs)

    monkeypatch.setattr(desktop.extract, "suggest", spy)
    monkeypatch.setattr("desktop.extract.document_context.suggest", spy)
    return calls


def _document(catalogue: Catalogue) -> Document:
    with catalogue.reading() as session:
        document = session.scalars(select(Document)).one()
        session.expunge(document)
        return document


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2021-03-04", "2021-03-04"),
        ("2021-03", None),
        ("2021", None),
        ("2021-03-04?", None),
        ("2021-03-01/2021-03-04", None),
        ("2021-02-30", None),
        (None, None),
    ],
)
def test_only_a_whole_day_completes_yearless_dates(published: str | None, day: str | None) -> None:
    assert document_day(published) == day


def test_import_detects_languages_once_stores_them_and_passes_the_day(
    catalogue: Catalogue, write_texts: Callable[[dict[str, str]], Path], suggest_calls: Calls
) -> None:
    import_paths(catalogue, [write_texts({"fire.txt": ARTICLE})])
    document = _document(catalogue)
    assert document.published == "2021-03-04"
    assert document.language == "ru" and "language" in document.guessed
    (call,) = suggest_calls
    assert call["document_date"] == "2021-03-04"
    languages = call["languages"]
    assert languages.as_json() == document.language_spans
    assert languages.at(document.text.index("утром")) == "ru"
    assert languages.at(document.text.index("Direktorun")) == "az"


def test_suggesting_again_reads_the_stored_languages_and_the_day(
    catalogue: Catalogue, write_texts: Callable[[dict[str, str]], Path], suggest_calls: Calls
) -> None:
    import_paths(
        catalogue, [write_texts({"fire.txt": ARTICLE})], options=ImportOptions(suggest=False)
    )
    assert suggest_calls == []
    with catalogue.writing() as session:
        document = session.scalars(select(Document)).one()
        # A map that no detector would give proves the stored one is what is read.
        document.language_spans = [[0, len(document.text), "uk"]]
        ref = document.ref
    suggest_tags(catalogue, refs=[ref])
    assert suggest_calls[-1]["languages"].at(0) == "uk"
    assert suggest_calls[-1]["document_date"] == "2021-03-04"
    with catalogue.writing() as session:
        update_metadata(session, ref=ref, changes={"published": "2021-03"}, actor="t")
    suggest_tags(catalogue, refs=[ref])
    assert suggest_calls[-1]["document_date"] is None


def test_selected_words_are_read_in_their_paragraphs_language(suggest_calls: Calls) -> None:
    tagging.guess_values("date", "13 апреля", language="ru", published="2021-03-04")
    assert suggest_calls[-1]["languages"].at(0) == "ru"
    assert suggest_calls[-1]["document_date"] == "2021-03-04"
    tagging.guess_values("figure", "более 140 раненых", language="ru", published="2021")
    assert suggest_calls[-1]["languages"].document == "ru"
    assert suggest_calls[-1]["document_date"] is None


def test_window_document_knows_the_language_at_each_offset(
    catalogue: Catalogue, write_texts: Callable[[dict[str, str]], Path]
) -> None:
    import_paths(
        catalogue, [write_texts({"fire.txt": ARTICLE})], options=ImportOptions(suggest=False)
    )
    view = document_view(catalogue, "CAT-000001")
    assert view.language_at(view.text.index("утром")) == "ru"
    assert view.language_at(view.text.index("Direktorun")) == "az"
    assert view.language_at(len(view.text) + 5) == "ru"  # outside every paragraph


def test_new_text_and_new_language_are_detected_again(
    catalogue: Catalogue, write_texts: Callable[[dict[str, str]], Path]
) -> None:
    import_paths(
        catalogue, [write_texts({"fire.txt": ARTICLE})], options=ImportOptions(suggest=False)
    )
    with catalogue.writing() as session:
        replace_text(session, ref="CAT-000001", text=f"Итог.\n\n{AZERBAIJANI}", actor="t")
    document = _document(catalogue)
    assert document.language == "az" and "language" in document.guessed
    assert document.language_spans == [[0, len(document.text), "az"]]
    with catalogue.writing() as session:
        update_metadata(session, ref="CAT-000001", changes={"language": "ru"}, actor="t")
    document = _document(catalogue)
    # A person's language fills the paragraph too short to tell ("Итог.").
    assert document.language_spans is not None
    assert document.language_spans[0] == [0, 5, "ru"]
    assert document.language_spans[-1][2] == "az"


def test_show_lists_paragraph_languages(
    catalogue_path: Path,
    write_texts: Callable[[dict[str, str]], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_texts({"fire.txt": ARTICLE})
    assert main(["import", str(folder), "--no-suggest", "-c", str(catalogue_path)]) == 0
    capsys.readouterr()
    assert main(["show", "CAT-000001", "-c", str(catalogue_path)]) == 0
    out = capsys.readouterr().out
    assert "Language     ru  (guessed)" in out
    assert re.search(r"^Paragraphs   ru \d+%, az \d+%$", out, re.MULTILINE)
