"""Language per paragraph: the extractors choose their rules by it."""

from __future__ import annotations

from desktop.extract import detect_languages
from desktop.extract.languages import classify, fixed_language


def test_each_paragraph_gets_its_own_language() -> None:
    text = (
        "Am Morgen des 9. Juni 1942 wurden im Dorf alle Männer verhaftet und "
        "abtransportiert.\n\n"
        "Entre el 11 y el 13 de diciembre murieron más de setenta personas en la ciudad.\n\n"
        "Более ста сорока человек были ранены во время обстрела рынка в тот день."
    )
    found = detect_languages(text)
    assert [span.language for span in found.spans] == ["de", "es", "ru"]
    assert found.at(text.index("Entre")) == "es"
    assert found.at(text.index("Более") + 5) == "ru"


def test_a_short_paragraph_takes_the_document_language() -> None:
    text = (
        "Marta Kovács:\n"
        "The river rose during the night and by morning the lower streets of the town were "
        "under water; the families on the embankment had nowhere to go."
    )
    found = detect_languages(text)
    assert found.document == "en"
    assert found.at(0) == "en"


def test_azerbaijani_in_cyrillic_is_not_read_as_russian() -> None:
    language, _ = classify("Кәнд әһалисинин јарысы ҹәнуба көчүрүлдү вә евләр јандырылды.")
    assert language == "az"


def test_azerbaijani_in_latin_is_not_read_as_turkish() -> None:
    language, _ = classify("Kənd əhalisinin yarısı cənuba köçürüldü və evlər yandırıldı.")
    assert language == "az"


def test_a_person_can_fix_the_language() -> None:
    text = "Quelques mots seulement."
    assert fixed_language(text, "fr").at(3) == "fr"
    assert detect_languages("", document="it").at(0) == "it"
    assert detect_languages("12 34 56").document is None
