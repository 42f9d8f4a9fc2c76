"""py3langid's answer computed in whole-array steps (db.language_model) must be py3langid's
answer exactly: the same n-gram counts in the same order, the same language and the same
probability, on every paragraph of the development set and on awkward inputs."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import visit_counts  # type: ignore[import-untyped]

import db.language_model
import db.languages
from db.language_model import AUTOMATON_DEPTH

DEVSET = Path(__file__).resolve().parents[1] / "data" / "extraction"
AWKWARD = [
    "",
    "1992",
    "...",
    "a",
    "ВСЕ ЗАГЛАВНЫЕ БУКВЫ В ЭТОМ ПРЕДЛОЖЕНИИ",
    "Xocalı soyqırımı 1992-ci il fevralın 26-da baş verib.",
    "Ağdərə rayonu — Мартакертский район — Մարտակերտ",
    "ქალბატონი ნათელა 1989 წლის 9 აპრილს",
    "emoji 🙂 and combining e\u0301 and NUL \x00 end",
]


def _paragraphs() -> list[str]:
    found = list(AWKWARD)
    for path in sorted(DEVSET.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        found += [m.group()[:300] for m in re.finditer(r"[^\n]+", text)][:12]
    return found


@pytest.fixture(scope="module")
def model() -> db.language_model.FastIdentifier:
    return db.languages._model()


def test_the_vectorised_walk_counts_what_py3langid_counts(
    model: db.language_model.FastIdentifier,
) -> None:
    identifier = model.identifier
    for text in _paragraphs():
        data = identifier._encode(text)
        expected = visit_counts(
            identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data
        )
        features, counts = model.feature_counts(data)
        got = dict(zip(features.tolist(), counts.tolist(), strict=True))
        assert list(got) == list(expected or {}), text  # same features, same order
        assert got == {k: float(v) for k, v in (expected or {}).items()}, text


def test_the_answer_is_py3langids_answer(model: db.language_model.FastIdentifier) -> None:
    assert model._vectorised  # the installed py3langid has the layout this reads
    for text in _paragraphs():
        language, probability = model.identifier.classify(text)
        assert model.classify(text) == (language, probability), text


def test_no_state_of_the_automaton_is_deeper_than_the_walk_reads(
    model: db.language_model.FastIdentifier,
) -> None:
    """The walk reads AUTOMATON_DEPTH bytes back; a deeper node would need more rounds.

    A node's depth is the length of the shortest text that reaches it from the root,
    found breadth first over the whole transition table."""
    next_move, row_base = model._next_move, model._row_base
    depth = np.full(len(row_base), -1, dtype=np.int64)
    depth[0] = 0
    frontier = np.array([0], dtype=np.int64)
    level = 0
    every_byte = np.arange(256, dtype=np.int64)
    while len(frontier):
        reached = next_move[(row_base[frontier][:, None] + every_byte).ravel()].astype(np.int64)
        fresh = np.unique(reached[depth[reached] < 0])
        level += 1
        depth[fresh] = level
        frontier = fresh
    assert (depth >= 0).all()
    assert depth.max() <= AUTOMATON_DEPTH


def test_letters_are_counted_as_the_letter_pattern_finds_them() -> None:
    letter = re.compile(r"[^\W\d_]")
    for text in [*AWKWARD, "x_1²½٣ abc_déf", "Ω≈ç√∫˜µ≤≥÷ åß∂ƒ©˙∆˚¬…æ"]:
        assert db.languages._letters(text) == len(letter.findall(text)), text
