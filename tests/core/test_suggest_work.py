"""How much work suggest() does, counted rather than timed: the language model reads each
long paragraph once (short ones take the document's language), and no finder asks it
again per candidate."""

from __future__ import annotations

import threading
from typing import Any

import pytest

import db.languages
from desktop.extract import suggest

ENGLISH = (
    "On 12 March 1992 more than 200 people were killed near the bridge, said Joseph "
    "Stalin's biographer, General Ratko Mladic, who visited the village of Malibeyli."
)
RUSSIAN = (
    "22 марта 1943 года в деревне Хатынь были убиты 149 человек, сообщил Михаил Гуревич; "
    "более 140 жителей погибли в огне, а десятки домов сгорели."
)


def test_the_language_model_reads_each_long_paragraph_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = db.languages._model()
    monkeypatch.setattr(db.languages, "_kept", threading.local())  # no answer kept
    read: list[str] = []
    answer, answers = model.classify, model.classify_many

    def counting(text: str) -> Any:
        read.append(text)
        return answer(text)

    def counting_all(texts: list[str]) -> Any:
        read.extend(texts)  # a document's paragraphs are read together, each once
        return answers(texts)

    monkeypatch.setattr(model, "classify", counting)
    monkeypatch.setattr(model, "classify_many", counting_all)
    text = f"{ENGLISH}\n\n{RUSSIAN}\n\nГуревич:\n\n{ENGLISH}"
    found = suggest(text)
    assert len(read) == 3  # three long paragraphs; the speaker label is too short
    assert {d.edtf for d in found.dates} == {"1992-03-12", "1943-03-22"}
