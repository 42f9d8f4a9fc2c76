"""py3langid's answer for a paragraph, computed with whole-array steps instead of a loop
per byte (the loop was a quarter of ``suggest()``'s time).

py3langid scores a text in two steps: a walk of a byte automaton (Aho–Corasick over the
model's byte n-grams) that counts the n-grams it meets, then a naive Bayes sum of those
counts against a float16 table. Both cost more than their arithmetic: the walk is a
Python loop over every byte, and numpy converts float16 rows element by element on every
call. Here:

* The automaton's state after a byte is the longest trie node that is a suffix of the text
  read so far, and no node is deeper than ``AUTOMATON_DEPTH`` bytes, so the state at each
  byte depends only on the bytes just before it. ``AUTOMATON_DEPTH`` rounds of one
  vectorised transition over every position give every position's state at once.
* The table is converted to float32 once, when the model loads (about 57 MB instead of
  28 MB), so each call gathers rows that need no conversion.

The answer is exactly py3langid's: same n-gram counts in the same order, the same
float32 arithmetic (``tests/db/test_language_model.py`` compares the two). When the
installed py3langid is laid out differently, ``classify`` simply asks py3langid.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np

# The deepest node of the automaton of py3langid's packaged model is 6 bytes below the
# root (tests/db/test_language_model.py measures it); a deeper model would be caught there.
AUTOMATON_DEPTH = 6

_INDEX_TYPES = {2: np.uint16, 4: np.uint32, 8: np.uint64}


class FastIdentifier:
    """A loaded py3langid ``LanguageIdentifier`` (built with ``norm_probs=True``) and the
    arrays that answer for it without the per-byte loop."""

    def __init__(self, identifier: Any) -> None:
        self.identifier = identifier
        self._vectorised = False
        try:
            next_move = identifier.tk_nextmove
            rows = identifier.tk_row
            self._next_move = np.frombuffer(next_move, dtype=_INDEX_TYPES[next_move.itemsize])
            self._row_base = np.frombuffer(rows, dtype=_INDEX_TYPES[rows.itemsize]).astype(
                np.int64
            ) << np.int64(8)
            self._output = np.asarray(identifier.tk_output, dtype=np.int64)
            self._table = np.asarray(identifier.nb_ptc, dtype=np.float32)
            self._prior = np.asarray(identifier.nb_pc, dtype=np.float32)
            self._classes = list(identifier.nb_classes)
            self._alias_pairs = list(identifier._alias_pairs)
            self._encode = identifier._encode
            self._vectorised = bool(identifier._norm_probs) and len(self._classes) == len(
                self._prior
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            self._vectorised = False  # another py3langid layout: its own classify answers

    def feature_counts(self, data: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The model's n-gram features met in *data* and how often, in order of first
        occurrence (py3langid's ``visit_counts`` as two arrays)."""
        codes = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
        states = np.zeros(len(codes), dtype=np.int64)
        before = np.zeros(len(codes), dtype=np.int64)
        for _ in range(AUTOMATON_DEPTH):
            before[1:] = states[:-1]  # position 0 always starts from the root (state 0)
            states = self._next_move[self._row_base[before] + codes].astype(np.int64)
        features = self._output[states]
        # Counter keeps first occurrences in order, as py3langid's does (the sum below
        # then adds the same numbers in the same order).
        visits = Counter(features[features >= 0].tolist())
        found = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
        counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
        return found, counts

    def classify(self, text: str) -> tuple[str, float]:
        """The language py3langid says for *text*, and its probability."""
        if not self._vectorised:
            language, probability = self.identifier.classify(text)
            return str(language), float(probability)
        data = self._encode(text)
        features, counts = self.feature_counts(data)
        if len(features):
            scores = np.log1p(counts) @ self._table[features] + self._prior
        else:
            scores = np.zeros(len(self._classes), dtype=np.float32)
        # py3langid's normalisation: a softmax at temperature sqrt(bytes), aliases folded.
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for first, duplicate in self._alias_pairs:
            scores[first] += scores[duplicate]
            scores[duplicate] = 0.0
        best = int(scores.argmax())
        return str(self._classes[best]), float(scores[best])
