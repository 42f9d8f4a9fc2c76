"""Paragraph answers are remembered (db.languages): the cleaner's question and the map of
the cleaned text read each unchanged paragraph once, and what is remembered is exactly
what reading again would answer, also once the memory has been renewed."""

from __future__ import annotations

from pathlib import Path

import pytest

import db.languages
from db.languages import detect_languages

DEVSET = Path(__file__).resolve().parents[1] / "data" / "extraction"
RUSSIAN = (
    "Комитет во вторник рассмотрел восстановление моста, разрушенного весенним паводком. "
    "Инженеры заявили, что работы займут ещё два года, так как подрядчику не заплатили."
)
ENGLISH = (
    "The committee met on Tuesday to review the reconstruction of the bridge, which the "
    "river destroyed in the spring floods."
)
GERMAN = "Der Ausschuss prüfte am Dienstag den Wiederaufbau der Brücke nach dem Hochwasser."
FRENCH = "Le comité s'est réuni mardi pour examiner la reconstruction du pont emporté par la crue."


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the model is asked to read, starting from an empty memory."""
    monkeypatch.setattr(db.languages, "_memory", ({}, {}))
    asked: list[str] = []
    read_all = db.languages._read_all

    def recording(texts: list[str]) -> list[tuple[str, float]]:
        asked.extend(texts)
        return read_all(texts)

    monkeypatch.setattr(db.languages, "_read_all", recording)
    return asked


def test_an_unchanged_paragraph_is_read_once(reads: list[str]) -> None:
    page = f"Menu\nHome\n\n{RUSSIAN}\n\n{ENGLISH}"
    first = detect_languages(page)
    assert sorted(reads) == sorted([RUSSIAN, ENGLISH])
    cleaned = f"{RUSSIAN}\n\n{ENGLISH}\n\n{FRENCH}"
    found = detect_languages(cleaned)
    assert reads[2:] == [FRENCH]  # only the new paragraph
    assert [span.language for span in found.spans] == ["ru", "en", "fr"]
    assert first.document == found.document == "ru"


def test_remembered_answers_are_the_answers_read_afresh(
    reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEVSET.glob("*/*.txt"))]
    fresh = []
    for text in texts:
        monkeypatch.setattr(db.languages, "_memory", ({}, {}))
        fresh.append(detect_languages(text))
    monkeypatch.setattr(db.languages, "_MEMORY_SIZE", 16)  # renewed many times over
    for _round in range(2):
        assert [detect_languages(text) for text in texts] == fresh


def test_the_memory_keeps_two_generations_and_what_is_still_asked_for(
    reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db.languages, "_MEMORY_SIZE", 2)
    detect_languages(RUSSIAN)
    detect_languages(ENGLISH)  # the newest generation is full
    detect_languages(FRENCH)  # a new one begins; the other two are the older one
    detect_languages(RUSSIAN)  # still asked for: carried into the newest
    detect_languages(GERMAN)  # another new one: ENGLISH, not asked for, is forgotten
    detect_languages(RUSSIAN)
    detect_languages(ENGLISH)
    assert reads == [RUSSIAN, ENGLISH, FRENCH, GERMAN, ENGLISH]
    newest, older = db.languages._memory
    assert len(newest) <= 2 and len(older) <= 2
