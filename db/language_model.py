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
* A document's paragraphs are read together (``classify_many``): one walk over all of
  their bytes, restarted at the root where each begins, and one count of all their
  n-grams, by sorting, instead of a dozen numpy calls and a ``Counter`` per paragraph.

The answer is exactly py3langid's: same n-gram counts in the same order, the same
float32 arithmetic (``tests/db/test_language_model.py`` compares the two). When the
installed py3langid is laid out differently, ``classify`` simply asks py3langid.

Where the optional C module ``db._langid_walk`` was built (``setup.py``), the walk and
the counting are one loop in C instead, walking a document's paragraphs side by side
so that the reads of its large tables overlap (in an import: 0.08 ms a document
instead of 0.23); they give the same arrays, so the rest is unchanged.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import numpy as np

# The deepest node of the automaton of py3langid's packaged model is 6 bytes below the
# root (tests/db/test_language_model.py measures it); a deeper model would be caught there.
AUTOMATON_DEPTH = 6

_INDEX_TYPES = {2: np.uint16, 4: np.uint32, 8: np.uint64}


def _compiled_walk() -> ModuleType | None:
    """``db._langid_walk`` when it was built here, else None (the numpy steps answer)."""
    try:
        from db import _langid_walk
    except ImportError:
        return None
    return _langid_walk


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
        self._compiled = _compiled_walk() if self._vectorised else None

    @property
    def compiled(self) -> bool:
        """Whether the walk runs in C (``db._langid_walk``) rather than in numpy steps."""
        return self._compiled is not None

    def use_compiled(self, wanted: bool) -> None:
        """Walk in C (if it was built) or in numpy steps: the tests compare the two."""
        self._compiled = _compiled_walk() if wanted and self._vectorised else None

    def feature_counts(self, data: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The model's n-gram features met in *data* and how often, in order of first
        occurrence (py3langid's ``visit_counts`` as two arrays)."""
        features, counts, _bounds = self._feature_counts_of_each(
            data, np.array([len(data)], dtype=np.intp)
        )
        return features, counts

    def classify(self, text: str) -> tuple[str, float]:
        """The language py3langid says for *text*, and its probability."""
        if not self._vectorised:
            language, probability = self.identifier.classify(text)
            return str(language), float(probability)
        return self.classify_many([text])[0]

    def classify_many(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """``classify`` of each of *texts* (a document's paragraphs), in one pass.

        A paragraph costs the model little arithmetic but a dozen numpy calls, and a page
        has a dozen paragraphs: here the walk, the counting and the softmax run once over
        all of them together, and only the naive Bayes sum runs per paragraph (as the
        same vector-by-matrix product ``classify`` does, so the sums are the same)."""
        if not self._vectorised:
            return [self.classify(text) for text in texts]
        if not texts:
            return []
        encoded = [self._encode(text) for text in texts]
        lengths = np.fromiter(map(len, encoded), dtype=np.intp, count=len(encoded))
        features, counts, bounds = self._feature_counts_of_each(b"".join(encoded), lengths)
        scores = np.zeros((len(encoded), len(self._classes)), dtype=np.float32)
        weights = np.log1p(counts)
        for row, (first, last) in enumerate(
            zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
        ):
            if first < last:
                scores[row] = weights[first:last] @ self._table.take(features[first:last], axis=0)
                scores[row] += self._prior
        # The same normalisation as ``classify``, row by row: the scale is the float32 of
        # the same float, and exp, max and sum work element by element along each row.
        scales = np.array([1.0 / math.sqrt(size or 1) for size in lengths.tolist()])
        scores *= scales.astype(np.float32)[:, None]
        np.exp(scores - scores.max(axis=1, keepdims=True), out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        for first, duplicate in self._alias_pairs:
            scores[:, first] += scores[:, duplicate]
            scores[:, duplicate] = 0.0
        best = scores.argmax(axis=1)
        found = scores[np.arange(len(encoded)), best]
        return [
            (str(self._classes[index]), probability)
            for index, probability in zip(best.tolist(), found.tolist(), strict=True)
        ]

    def _feature_counts_of_each(
        self, data: bytes, lengths: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``feature_counts`` of each text in *data* (the texts one after another, of
        *lengths* bytes): all features and counts, text after text, and where each
        text's run starts and ends in them (``bounds[i]:bounds[i + 1]``)."""
        if self._compiled is not None:
            return self._count_compiled(data, lengths)
        codes = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        ends = lengths.cumsum()
        starts = ends - lengths
        resets = starts[starts < len(codes)]  # an empty last text starts past the end
        row_base, next_move = self._row_base, self._next_move
        states = next_move.take(codes)  # the first byte of every text is read from the root
        before = np.zeros(len(codes), dtype=np.intp)
        for _ in range(AUTOMATON_DEPTH - 1):
            before[1:] = states[:-1]
            before[resets] = 0  # each text starts from the root, as on its own
            rows = row_base.take(before)
            rows += codes
            states = next_move.take(rows)
        features = self._output.take(states)
        return self._count_in_order(features, ends)

    def _count_compiled(
        self, data: bytes, lengths: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``_feature_counts_of_each`` by ``db._langid_walk`` (one loop in C)."""
        walk = self._compiled
        assert walk is not None, "only called where the module was built"
        features = np.empty(len(data), dtype=np.int64)
        counts = np.empty(len(data), dtype=np.float32)
        bounds = np.empty(len(lengths) + 1, dtype=np.int64)
        written = walk.count_features(
            data,
            np.ascontiguousarray(lengths, dtype=np.int64),
            self._next_move,
            self._next_move.itemsize,
            self._row_base,
            self._output,
            features,
            counts,
            bounds,
        )
        # (int64 is intp on 64-bit systems: no copies there)
        return (
            features[:written].astype(np.intp, copy=False),
            counts[:written],
            bounds.astype(np.intp, copy=False),
        )

    def _count_in_order(
        self, features: np.ndarray, ends: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct features of each text and their counts, each text's in order of
        first occurrence (the order py3langid's ``Counter`` keeps, so the sums add the
        same numbers in the same order). *features* is the feature at every byte (-1 for
        none) and *ends* where each text ends.

        One sort of whole numbers (text, feature, visit) groups each feature's visits
        with its first one at the head; each head's count is then written at its first
        visit, and reading the visits in order picks the heads in order of first
        occurrence (a second sort, by position, did the same more slowly)."""
        positions = np.flatnonzero(features >= 0)
        visited = len(positions)
        found = features[positions]
        texts = ends.searchsorted(positions, side="right")
        visit_bits = max(1, visited.bit_length())
        feature_bits = max(1, len(self._table).bit_length())
        text_bits = max(1, len(ends).bit_length())
        if visit_bits + feature_bits + text_bits > 62:  # a text of many megabytes
            return self._count_each_with_counter(features, ends)
        keys = ((texts << feature_bits) | found) << visit_bits
        keys |= np.arange(visited)
        keys.sort()
        groups = keys >> visit_bits  # (text, feature)
        new_group = np.empty(visited, dtype=bool)
        new_group[:1] = True
        np.not_equal(groups[1:], groups[:-1], out=new_group[1:])
        heads = np.flatnonzero(new_group)
        sizes = np.empty(len(heads), dtype=np.float32)  # (np.diff costs more, called twice)
        np.subtract(heads[1:], heads[:-1], out=sizes[:-1], casting="unsafe")
        sizes[-1:] = visited - heads[-1:]
        counted = np.zeros(visited, dtype=np.float32)  # a head's count at its first visit
        counted[keys[heads] & ((1 << visit_bits) - 1)] = sizes
        firsts = np.flatnonzero(counted)
        return (
            found[firsts],
            counted[firsts],
            texts[firsts].searchsorted(np.arange(len(ends) + 1)),
        )

    def _count_each_with_counter(
        self, features: np.ndarray, ends: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``_count_in_order`` one text at a time, as py3langid counts."""
        found: list[np.ndarray] = []
        counted: list[np.ndarray] = []
        bounds = [0]
        for first, last in zip(
            (ends - np.diff(ends, prepend=0)).tolist(), ends.tolist(), strict=True
        ):
            own = features[first:last]
            visits = Counter(own[own >= 0].tolist())
            found.append(np.fromiter(visits.keys(), dtype=np.intp, count=len(visits)))
            counted.append(np.fromiter(visits.values(), dtype=np.float32, count=len(visits)))
            bounds.append(bounds[-1] + len(visits))
        return np.concatenate(found), np.concatenate(counted), np.array(bounds)


_LETTER_RUN = re.compile(r"[^\W\d_]+")  # db.languages's letter, as runs
_NOT_LETTERS = re.compile(r"[\W\d_]+")  # and what is left out to count them
_BASIC_PLANE = 0x10000
_FEW_TEXTS = 4  # fewer than this: a dozen numpy calls cost more than the expression
_letter_table: np.ndarray | None = None


def letters_of_each(texts: Sequence[str]) -> list[int]:
    """How many letters (``[^\\W\\d_]``, as ``db.languages`` counts them) each of *texts*
    holds, counted together: one look-up of every character in a table of the basic
    plane, where a regular expression per paragraph cost a quarter of mapping a text.
    A text or two, and texts with characters beyond the basic plane (emoji), are
    counted by the expression."""
    if len(texts) < _FEW_TEXTS:
        return [len(_NOT_LETTERS.sub("", text)) for text in texts]
    joined = "".join(texts)
    if joined.isascii():
        codes = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    else:
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if int(codes.max()) >= _BASIC_PLANE:
            return [len(_NOT_LETTERS.sub("", text)) for text in texts]
    running = np.zeros(len(codes) + 1, dtype=np.int64)  # letters before each character
    np.cumsum(_letters_table().take(codes), out=running[1:])
    lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
    ends = lengths.cumsum()
    counts: list[int] = (running[ends] - running[ends - lengths]).tolist()
    return counts


def _letters_table() -> np.ndarray:
    """1 for every letter of the basic plane, 0 for the rest (built once, ~20 ms)."""
    global _letter_table
    if _letter_table is None:
        table = np.zeros(_BASIC_PLANE, dtype=np.uint8)
        plane = "".join(map(chr, range(_BASIC_PLANE)))
        for run in _LETTER_RUN.finditer(plane):
            table[run.start() : run.end()] = 1
        _letter_table = table
    return _letter_table
