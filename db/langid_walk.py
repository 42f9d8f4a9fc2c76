"""py3langid's byte walk, done by NumPy for long texts: same counts, less time.

py3langid finds its byte n-gram features by walking a DFA one byte at a time in a
Python loop (about half a microsecond a byte). A document's language is decided on up
to 20,000 characters, so at import that loop was a large share of parsing a file.

The DFA is an Aho-Corasick automaton over n-grams no longer than ``WINDOW`` bytes: the
state after any byte is the longest suffix of the text read so far that is a prefix
of some n-gram, so it depends only on the last ``WINDOW`` bytes. The walk can thus run
for every position at once: start each position at state 0 and step it through the
``WINDOW`` bytes ending there, ``WINDOW`` vectorised steps instead of one Python step
per byte. The counts are returned in the order the loop would have first met each
feature, so the model's floating-point sums, and its answers, are the same to the bit
(tests/db/test_langid_walk.py checks both the counts and the automaton's depth).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from py3langid.langid import LanguageIdentifier, visit_counts  # type: ignore[import-untyped]

#: The longest n-gram (deepest DFA state) of py3langid's model, in bytes.
WINDOW = 6
#: Below this many bytes the Python loop is as fast (NumPy's per-call cost dominates).
VECTOR_FROM = 2048


class FastIdentifier(LanguageIdentifier):  # type: ignore[misc]
    """py3langid's identifier with the vectorised walk for texts of ``VECTOR_FROM``
    bytes or more; shorter ones (most paragraphs) take py3langid's own loop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._walk = _Walk(self.tk_nextmove, self.tk_row, self.tk_output)

    def _raw_score(self, text: bytes) -> Any:
        if len(text) < VECTOR_FROM:
            return super()._raw_score(text)
        visits = self._walk.counts(text)
        if visits:
            return self._sparse_score(visits, self.nb_ptc)
        return super()._raw_score(b"")  # no feature: py3langid's own fill


class _Walk:
    """The DFA's tables as NumPy views (the transition table is not copied)."""

    def __init__(self, nextmove: Any, rows: Any, output: Any) -> None:
        self._nextmove = np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode))
        self._rowbase = np.frombuffer(rows, dtype=np.dtype(rows.typecode)).astype(np.int64) << 8
        self._output = np.asarray(output, dtype=np.int64)

    def counts(self, text: bytes) -> Counter[int] | None:
        """Feature counts of *text*, as ``py3langid.langid.visit_counts`` gives them."""
        data = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
        size = len(data)
        states = np.zeros(size, dtype=np.int64)
        for back in range(WINDOW - 1, -1, -1):
            if back < size:  # position i steps on byte i - back (none before the text)
                states[back:] = self._nextmove[self._rowbase[states[back:]] + data[: size - back]]
        features = self._output[states]
        features = features[features >= 0]
        if not len(features):
            return None
        found, first, times = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        return Counter(dict(zip(found[order].tolist(), times[order].tolist(), strict=True)))


def loop_counts(identifier: Any, text: bytes) -> Counter[int] | None:
    """py3langid's own walk (the reference the tests compare with)."""
    return visit_counts(  # type: ignore[no-any-return]
        identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, text
    )
