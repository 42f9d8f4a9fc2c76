"""The vectorised byte walk (db.langid_walk) finds exactly the features py3langid's own
loop finds, in the same order, so every language answer is the same to the bit."""

from __future__ import annotations

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

from db.langid_walk import VECTOR_FROM, WINDOW, FastIdentifier, loop_counts

TEXTS = (
    "The committee met on Tuesday to review the reconstruction of the bridge. " * 40,
    "Komitə çərşənbə axşamı körpünün bərpasına baxdı, Xocalı rayonu. " * 50,
    "Комитет во вторник рассмотрел восстановление моста — «Ходжалы», 1992 г. " * 40,
    "Ծանր վիճակ 12 ժ. — ქალაქი თბილისი, 3 ივნისი; 日本語のテキスト\t\x00\xff? " * 60,
    "a" * 5000,
    "\n\n  1992  \n\n" * 400,  # digits and blanks only
)


def _identifiers() -> tuple[LanguageIdentifier, FastIdentifier]:
    slow = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return slow, FastIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_counts_and_answers_are_those_of_the_loop() -> None:
    slow, fast = _identifiers()
    for text in TEXTS:
        encoded = fast._encode(text)
        assert len(encoded) >= VECTOR_FROM
        expected = loop_counts(slow, encoded)
        got = fast._walk.counts(encoded)
        assert (got is None) == (expected is None)
        if expected is not None:
            assert list(got.items()) == list(expected.items())
        assert fast.classify(text) == slow.classify(text)
    for cut in (1, 2, 5, 6, 7, 100):  # texts shorter than the window, at its edge
        encoded = fast._encode(TEXTS[2][:cut])
        assert fast._walk.counts(encoded) == loop_counts(slow, encoded)


def test_no_state_of_the_model_is_deeper_than_the_window() -> None:
    """The walk is exact only if every state is reached within WINDOW bytes: a new
    py3langid model with longer n-grams must fail here, not give other languages."""
    _slow, fast = _identifiers()
    nextmove = np.frombuffer(fast.tk_nextmove, dtype=np.uint32)
    row_of = np.frombuffer(fast.tk_row, dtype=np.uint16).astype(np.int64)
    seen = np.zeros(len(row_of), dtype=bool)
    seen[0] = True
    frontier = np.array([0])
    depth = 0
    while len(frontier):
        rows = np.unique(row_of[frontier])
        reached = np.unique(
            np.concatenate(
                [
                    np.unique(nextmove[(rows[i : i + 2048, None] << 8) + np.arange(256)])
                    for i in range(0, len(rows), 2048)
                ]
            )
        )
        frontier = reached[~seen[reached]]
        seen[frontier] = True
        if len(frontier):
            depth += 1
    assert seen.all()
    assert depth <= WINDOW
