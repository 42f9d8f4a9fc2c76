"""Near-duplicate fingerprints, as stored in the catalogue.

A document's fingerprint is the SHA-256 of its folded word sequence (``documents
.fingerprint``: equal for texts that differ only in layout) plus 16 locality-sensitive
band keys (``document_bands``): two texts sharing most of their word 5-grams almost
surely share a key, two unrelated texts almost never do. The import compares a new
text in full only with documents sharing a key.

The signature behind the keys is a one-permutation MinHash: every shingle is hashed
once, the top 6 bits of the hash choose one of 64 bins and each bin keeps its
smallest value; a bin no shingle fell into borrows the value of the next filled bin
to its right, marked with the distance (rotation densification, Shrivastava and Li,
2014). Like classic MinHash, two signatures agree in a position with probability equal
to the texts' Jaccard similarity, but it costs one hash per shingle instead of 64
(a fingerprint takes about a millisecond instead of eight).

This lives in ``db`` because the keys are stored: a migration that recomputes them
(``0006``) must use exactly the code the import uses.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from db.search.index_folding import fold_for_index

SHINGLE = 5
NUM_BINS = 64
BANDS = 16
MIN_WORDS = 20  # shorter texts (captions, notes) share too little to judge
MAX_WORDS = 50_000  # a book-length text is compared on its opening; keeps cost bounded

_WORD = re.compile(r"[a-z0-9]+")
_BIN_BITS = 6  # 2**6 == NUM_BINS
_VALUE_BITS = 64 - _BIN_BITS
_VALUE_MASK = (1 << _VALUE_BITS) - 1
EMPTY = 1 << _VALUE_BITS  # above every value: the bin saw no shingle


@dataclass(frozen=True)
class Fingerprint:
    text_hash: str
    bands: tuple[str, ...]


def words(text: str) -> list[str]:
    """The folded words compared (case, diacritics and script folded as search does)."""
    return _WORD.findall(fold_for_index(text[: MAX_WORDS * 12]))[:MAX_WORDS]


def shingles_of(folded_words: list[str], size: int = SHINGLE) -> set[str]:
    """Overlapping *size*-word sequences; a text shorter than *size* is one shingle."""
    if len(folded_words) < size:
        return {" ".join(folded_words)} if folded_words else set()
    return {" ".join(folded_words[i : i + size]) for i in range(len(folded_words) - size + 1)}


def shingle_hash(shingle: str) -> int:
    """64 bits of BLAKE2b: stable across runs, machines and Python versions."""
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def signature(hashes: list[int]) -> tuple[int, ...]:
    """The densified one-permutation MinHash of 64-bit shingle hashes (64 values)."""
    mins = [EMPTY] * NUM_BINS
    for value in hashes:
        bin_ = value >> _VALUE_BITS
        low = value & _VALUE_MASK
        if low < mins[bin_]:
            mins[bin_] = low
    if all(value == EMPTY for value in mins):
        return tuple(mins)
    filled: list[int] = []
    for position in range(NUM_BINS):
        distance = 0
        source = position
        while mins[source] == EMPTY:
            source = (source + 1) % NUM_BINS
            distance += 1
        # A borrowed value differs from any bin's own (distance > 0 sets high bits).
        filled.append(mins[source] + distance * EMPTY)
    return tuple(filled)


def band_keys(values: tuple[int, ...], bands: int = BANDS) -> list[str]:
    """LSH keys: documents sharing any key are candidates for a full comparison.

    With 16 bands of 4 rows, pairs with Jaccard around 0.5 or more almost always
    share a key, pairs under 0.2 almost never do.
    """
    rows = len(values) // bands
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows]
        digest = hashlib.blake2b(repr(chunk).encode(), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def fingerprint(text: str) -> Fingerprint | None:
    """The text's normalised hash and band keys; None for texts too short to judge."""
    if len(text.split()) < MIN_WORDS:
        return None
    folded = words(text)
    text_hash = hashlib.sha256(" ".join(folded).encode("utf-8")).hexdigest()
    hashes = [shingle_hash(shingle) for shingle in shingles_of(folded)]
    return Fingerprint(text_hash, tuple(band_keys(signature(hashes))))
