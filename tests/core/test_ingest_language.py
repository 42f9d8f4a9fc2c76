"""The import labels a document with the detector's language (all eleven languages the
suggesters read), and the cleaner's one-word "foreign menu" rule knows which languages
share an alphabet."""

from __future__ import annotations

import pytest

from db.languages import detect_languages
from desktop.ingest.cleaning import clean_text
from desktop.ingest.language import foreign_word, guess_language

SAMPLES = {
    "uk": "Після повені мешканці села три тижні жили в школі, поки рятувальники відновлювали "
    "дорогу та мости через річку.",
    "es": "Después de la inundación, los vecinos del pueblo vivieron tres semanas en la escuela "
    "mientras los rescatistas reparaban la carretera.",
    "it": "Dopo l'alluvione gli abitanti del paese hanno vissuto per tre settimane nella scuola, "
    "mentre i soccorritori riparavano la strada.",
    "hy": "Ջրհեղեղից հետո գյուղի բնակիչները երեք շաբաթ ապրեցին դպրոցում, մինչ փրկարարները "
    "վերանորոգում էին ճանապարհը։",
    "ka": "წყალდიდობის შემდეგ სოფლის მცხოვრებლები სამი კვირა სკოლაში ცხოვრობდნენ, სანამ "
    "მაშველები გზას აღადგენდნენ.",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_languages_the_old_stop_word_guesser_did_not_know(language: str) -> None:
    assert guess_language(SAMPLES[language]) == language


def test_last_word_in_a_language_of_the_same_alphabet_is_kept() -> None:
    text = f"{SAMPLES['uk']}\n\n{SAMPLES['uk']}\n\nДякуємо"
    cleaned = clean_text(text)
    assert cleaned.language == "uk"
    assert cleaned.text.endswith("Дякуємо")
    assert not foreign_word("Città", "it") and not foreign_word("Gün", "tr")
    assert foreign_word("Haqqında", "en") and foreign_word("Главная", "en")


def test_the_guess_is_the_language_of_most_of_the_paragraphs() -> None:
    """A Ukrainian page with an English note is Ukrainian, as its paragraph map says: the
    cleaner and the record read the same answer."""
    note = "Translated by the archive's volunteers; the original is kept in the reading room."
    text = f"{SAMPLES['uk']}\n\n{note}\n\n{SAMPLES['uk']} {SAMPLES['uk']}"
    assert guess_language(text) == "uk"
    cleaned = clean_text(f"{text}\n\nShare on Facebook")
    assert cleaned.language == "uk"
    assert detect_languages(cleaned.text).document == "uk"
    assert guess_language("Київ, 1961") is None  # too short to tell
