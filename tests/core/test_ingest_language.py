"""The import labels a document with the detector's language (all eleven languages the
suggesters read), and the cleaner's one-word "foreign menu" rule knows which languages
share an alphabet."""

from __future__ import annotations

import pytest

from db.languages import detect_languages
from desktop.ingest.cleaning import clean_text
from desktop.ingest.language import foreign_word, guess_language
from tests.language_samples import ENGLISH, RUSSIAN

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


def test_a_page_without_menu_words_is_read_once_for_the_cleaner_and_the_map(
    model_reads: list[str],
) -> None:
    """Share buttons need no language to go: the cleaner asks the model about the text
    it keeps, and the paragraph map of that text reads nothing again (the paragraph the
    buttons stood in was read a second time, once as given and once as cleaned)."""
    cleaned = clean_text(f"Share on Facebook\n{RUSSIAN}\n\n{ENGLISH}")
    assert cleaned.text == f"{RUSSIAN}\n\n{ENGLISH}"
    found = detect_languages(cleaned.text)
    assert sorted(model_reads) == sorted([RUSSIAN, ENGLISH])
    assert cleaned.language == found.document == "ru"
    assert [span.language for span in found.spans] == ["ru", "en"]


def test_a_menu_word_is_judged_by_the_language_of_the_page_as_given(
    model_reads: list[str],
) -> None:
    english = f"{ENGLISH}\n\n{ENGLISH}"
    cleaned = clean_text(f"Haqqında\n\n{english}\n\nГлавная")
    assert cleaned.text == english
    assert cleaned.language == "en"
    assert model_reads == [ENGLISH, ENGLISH]  # each paragraph of the page as given, once


def test_a_page_whose_kept_text_is_too_short_takes_the_language_of_what_was_given() -> None:
    given = (
        "Київ, 1961\n© 2021 Редакція газети «Вечірній Київ». Всі права на матеріали "
        "захищені законом України."
    )
    cleaned = clean_text(given)
    assert cleaned.text == "Київ, 1961"
    assert detect_languages(cleaned.text).document is None  # too short to tell
    assert cleaned.language == guess_language(given) == "uk"
