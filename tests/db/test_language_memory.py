"""Paragraph answers kept between the cleaner's question and the map (db.languages): each
paragraph the cleaner left alone is read once, what is kept is exactly what reading
again would answer, and nothing else is kept: asking again about a text reads it again
(a timing loop times the reading)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import db.languages
from db.languages import detect_languages
from tests.language_samples import ENGLISH, FRENCH, GERMAN, RUSSIAN

DEVSET = Path(__file__).resolve().parents[1] / "data" / "extraction"


@pytest.fixture
def reads(model_reads: list[str]) -> list[str]:
    return model_reads


def test_the_map_after_the_cleaner_reads_only_what_changed(reads: list[str]) -> None:
    page = f"Menu\nHome\n\n{RUSSIAN}\n\n{ENGLISH}"
    first = detect_languages(page, keep=True)
    assert sorted(reads) == sorted([RUSSIAN, ENGLISH])
    found = detect_languages(f"{RUSSIAN}\n\n{ENGLISH}\n\n{FRENCH}")
    assert reads[2:] == [FRENCH]  # only the new paragraph
    assert [span.language for span in found.spans] == ["ru", "en", "fr"]
    assert first.document == found.document == "ru"


def test_the_pages_of_a_document_are_kept_together_then_forgotten(reads: list[str]) -> None:
    detect_languages(RUSSIAN, keep=True)  # a PDF's pages, cleaned one by one
    detect_languages(GERMAN, keep=True)
    detect_languages(f"{RUSSIAN}\n\n{GERMAN}")  # the whole text mapped
    assert reads == [RUSSIAN, GERMAN]
    detect_languages(f"{RUSSIAN}\n\n{GERMAN}")  # asked again: read again
    detect_languages(RUSSIAN)
    assert reads == [RUSSIAN, GERMAN, RUSSIAN, GERMAN, RUSSIAN]


def test_the_cleaners_question_always_reads(reads: list[str]) -> None:
    """A text parsed again and again (a timing loop) is read each time: what is kept
    serves only the map that follows."""
    for _round in range(3):
        detect_languages(ENGLISH, keep=True)
    assert reads == [ENGLISH] * 3
    detect_languages(ENGLISH)
    assert reads == [ENGLISH] * 3


def test_what_is_kept_is_what_reading_afresh_answers(reads: list[str]) -> None:
    for path in sorted(DEVSET.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        fresh = detect_languages(text)
        kept = detect_languages(text, keep=True)
        assert detect_languages(text) == kept == fresh, path.name
        half = text[: len(text) // 2]  # its last paragraph cut short: read, not taken
        detect_languages(text, keep=True)
        assert detect_languages(half) == detect_languages(half), path.name


def test_what_is_kept_stays_bounded(reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db.languages, "_KEPT_MOST", 2)
    for text in (RUSSIAN, ENGLISH, GERMAN, FRENCH):
        detect_languages(text, keep=True)  # nobody maps them
    assert len(db.languages._kept.answers) <= 2
    detect_languages(FRENCH)
    assert reads == [RUSSIAN, ENGLISH, GERMAN, FRENCH]  # the newest was still kept


def test_each_thread_keeps_its_own(reads: list[str]) -> None:
    detect_languages(RUSSIAN, keep=True)
    other = threading.Thread(target=detect_languages, args=(RUSSIAN,))
    other.start()
    other.join()
    assert reads == [RUSSIAN, RUSSIAN]  # the other thread found nothing kept
    detect_languages(RUSSIAN)
    assert reads == [RUSSIAN, RUSSIAN]  # this one's answer was still there
