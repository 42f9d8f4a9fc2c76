"""The paragraph language detector (db.languages): Azerbaijani letters decide only when
they are common, the document's language is its paragraphs' majority, and the stored
map reads back (or is refused when another program wrote it badly)."""

from __future__ import annotations

import pytest

import db.languages
from db.languages import LanguageSpan, classify, detect_languages, stored_language_map

ENGLISH = (
    "The committee met on Tuesday to review the reconstruction of the bridge, which the "
    "river destroyed in the spring floods. Engineers said the work would take two more "
    "years because the contractor had not been paid. Residents of Ağdərə rayonu and the "
    "neighbouring villages asked for a temporary crossing before the winter."
)
AZERBAIJANI = (
    "Komitə çərşənbə axşamı körpünün bərpasına baxdı. Mühəndislər işin daha iki il "
    "çəkəcəyini bildirdilər, çünki podratçıya pul ödənilməyib."
)
RUSSIAN = (
    "Комитет во вторник рассмотрел восстановление моста, разрушенного весенним паводком. "
    "Инженеры заявили, что работы займут ещё два года, так как подрядчику не заплатили."
)


def test_one_azerbaijani_name_does_not_make_an_english_text_azerbaijani() -> None:
    found = detect_languages(ENGLISH)
    assert found.document == "en" and found.languages() == {"en"}


def test_azerbaijani_prose_is_azerbaijani() -> None:
    assert detect_languages(AZERBAIJANI).document == "az"


def test_document_language_is_the_language_of_most_paragraphs() -> None:
    text = f"{RUSSIAN}\n\n{RUSSIAN}\n\n{ENGLISH[:200]}\n\nИванов:"
    found = detect_languages(text)
    assert found.document == "ru"
    assert found.at(len(text) - 2) == "ru"  # a speaker label too short to tell
    assert found.at(2 * len(RUSSIAN) + 10) == "en"


def test_declared_language_fills_paragraphs_too_short_to_tell() -> None:
    found = detect_languages(f"Київ.\n\n{RUSSIAN}", document="uk")
    assert found.document == "uk"
    assert found.spans[0] == LanguageSpan(0, 5, "uk")
    assert found.spans[1].language == "ru"


def test_stored_map_reads_back_and_bad_values_are_refused() -> None:
    text = f"{RUSSIAN}\n\n{AZERBAIJANI}"
    found = detect_languages(text)
    again = stored_language_map(found.as_json(), found.document)
    assert again == found
    assert again is not None and again.at(len(text) - 1) == "az"
    assert stored_language_map(None, "ru") is None
    assert stored_language_map([[0, 5]], "ru") is None
    assert stored_language_map([[5, 0, "ru"]], "ru") is None
    assert stored_language_map([[0, 9, "ru"], [4, 12, "az"]], "ru") is None
    assert stored_language_map([], "de") == detect_languages("", document="de")


def test_armenian_and_georgian_are_told_by_their_letters_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_model() -> None:
        raise AssertionError("the model was asked")

    monkeypatch.setattr(db.languages, "_model", no_model)
    assert classify("Ջրհեղեղից հետո գյուղի բնակիչները երեք շաբաթ ապրեցին դպրոցում") == ("hy", 1.0)
    assert classify("წყალდიდობის შემდეგ სოფლის მცხოვრებლები სამი კვირა") == ("ka", 1.0)
