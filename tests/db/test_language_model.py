"""py3langid's answer computed in whole-array steps (db.language_model) must be py3langid's
answer exactly: the same n-gram counts in the same order, the same language and the same
probability, on every paragraph of the development set and on awkward inputs."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def _walks() -> list[str]:
    """The numpy steps always; the C loop where ``db._langid_walk`` was built."""
    return ["numpy", "compiled"] if db.language_model._compiled_walk() is not None else ["numpy"]


@pytest.fixture(scope="module", params=_walks())
def model(request: pytest.FixtureRequest) -> Iterator[db.language_model.FastIdentifier]:
    identifier = db.languages._model()
    identifier.use_compiled(request.param == "compiled")
    assert identifier.compiled == (request.param == "compiled")
    yield identifier
    identifier.use_compiled(True)  # as loaded: compiled where it was built


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


def test_letters_counted_together_are_each_texts_letters() -> None:
    """``letters_of_each`` (a table of the basic plane) counts as the letter pattern does,
    text by text: accents, digits of other scripts, lone surrogates, and emoji (which send
    it back to the pattern)."""
    texts = [*_paragraphs(), "x_1²½٣ abc_déf", "a\ud800b", "", "Ω≈ç√∫˜µ≤≥÷ åß∂ƒ©˙∆˚¬…æ"]
    expected = [db.languages._letters(text) for text in texts]
    assert db.language_model.letters_of_each(texts) == expected
    plain = [text for text in texts if text.isascii()]
    assert db.language_model.letters_of_each(plain) == [db.languages._letters(t) for t in plain]
    without_emoji = [text for text in texts if "🙂" not in text]
    assert db.language_model.letters_of_each(without_emoji) == [
        db.languages._letters(text) for text in without_emoji
    ]
    assert db.language_model.letters_of_each([]) == []
    for text in texts[-8:]:  # one at a time (the expression counts them)
        assert db.language_model.letters_of_each([text]) == [db.languages._letters(text)]


def test_a_whole_document_read_at_once_gets_each_paragraphs_own_answer(
    model: db.language_model.FastIdentifier,
) -> None:
    """``classify_many`` walks all paragraphs as one byte string; none may leak into the
    next (empty ones included, in the middle and at the end)."""
    paragraphs = _paragraphs()
    expected = [model.identifier.classify(text) for text in paragraphs]
    assert model.classify_many(paragraphs) == [(code, float(p)) for code, p in expected]
    for group in (["", "Bonjour à tous les amis"], ["Guten Morgen, liebe Freunde", ""], [""]):
        assert model.classify_many(group) == [model.classify(text) for text in group]


def test_both_ways_of_counting_a_documents_features_agree(
    model: db.language_model.FastIdentifier,
) -> None:
    """The sorting count and the plain ``Counter`` one it falls back to (for texts of
    many megabytes) give the same features, counts and bounds."""
    texts = [model.identifier._encode(text) for text in _paragraphs()[:40]]
    data = b"".join(texts)
    lengths = np.array([len(text) for text in texts], dtype=np.intp)
    features, counts, bounds = model._feature_counts_of_each(data, lengths)
    codes = np.frombuffer(data, dtype=np.uint8)
    ends = lengths.cumsum()
    every = np.concatenate(
        [
            model.feature_counts(bytes(codes[e - n : e]))[0]
            for n, e in zip(lengths, ends, strict=True)
        ]
    )
    assert features.tolist() == every.tolist()
    states_features = np.concatenate([_features_at_each_byte(model, text) for text in texts])
    again = model._count_each_with_counter(states_features, ends)
    assert again[0].tolist() == features.tolist()
    assert again[1].tolist() == counts.tolist()
    assert again[2].tolist() == bounds.tolist()


def _features_at_each_byte(model: db.language_model.FastIdentifier, data: bytes) -> np.ndarray:
    """The feature py3langid's walk meets at each byte of *data* (-1 for none)."""
    identifier = model.identifier
    state, found = 0, []
    for byte in data:
        state = identifier.tk_nextmove[identifier._rowbase[state] + byte]
        found.append(identifier.tk_output[state])
    return np.array(found, dtype=np.int64)


def test_a_document_gets_the_map_its_paragraphs_get_one_by_one() -> None:
    """``detect_languages`` asks the model for all paragraphs at once: each must still get
    what ``classify`` says of it alone (with the script corrections)."""
    for path in sorted(DEVSET.glob("*/0[1-6]-*.txt")):
        text = path.read_text(encoding="utf-8")
        found = db.languages.detect_languages(text)
        for match in db.languages._PARAGRAPH.finditer(text):
            sample = match.group()[: db.languages._PARAGRAPH_SAMPLE]
            if len(sample) < db.languages._MIN_LETTERS:
                continue
            letters = db.languages._letters(sample)
            guess, probability = db.languages.classify(sample, letters=letters)
            if letters >= db.languages._MIN_LETTERS and probability >= 0.5:
                assert found.at(match.start()) == guess, (path.name, sample[:40])


def test_the_c_loop_and_the_numpy_steps_give_the_same_arrays() -> None:
    """Where ``db._langid_walk`` was built, it and the numpy steps count the same
    features, counts and bounds for a document's paragraphs walked together (empty
    ones and multi-byte letters included), and it refuses lengths beyond the data."""
    identifier = db.languages._model()
    compiled = db.language_model._compiled_walk()
    texts = [identifier.identifier._encode(text) for text in _paragraphs()]
    texts += [b"", b"\xff" * 40, "\u0259".encode() * 300, b""]
    data = b"".join(texts)
    lengths = np.array([len(text) for text in texts], dtype=np.intp)
    try:
        identifier.use_compiled(False)
        expected = identifier._feature_counts_of_each(data, lengths)
        identifier.use_compiled(True)
        got = identifier._feature_counts_of_each(data, lengths)
    finally:
        identifier.use_compiled(True)
    assert identifier.compiled == (compiled is not None)
    for one, other in zip(got, expected, strict=True):
        assert one.tolist() == other.tolist()
    if compiled is not None:
        with pytest.raises(ValueError, match="lengths exceed the data"):
            identifier._count_compiled(b"abc", np.array([2, 2], dtype=np.intp))
        with pytest.raises(ValueError, match="wrong sizes"):
            compiled.count_features(
                b"abc",
                np.array([3], dtype=np.int64),
                identifier._next_move,
                identifier._next_move.itemsize,
                identifier._row_base,
                identifier._output,
                np.empty(1, dtype=np.int64),
                np.empty(3, dtype=np.float32),
                np.empty(2, dtype=np.int64),
            )
