"""Near-duplicate fingerprints, as stored in the catalogue.

A document's fingerprint is the SHA-256 of its folded word sequence (``documents
.fingerprint``: equal for texts that differ only in layout) plus 16 locality-sensitive
band keys (``document_bands``): two texts sharing most of their word 5-grams almost
surely share a key, two unrelated texts almost never do. The import compares a new
text in full only with documents sharing a key.

The signature behind the keys is a one-permutation MinHash: every shingle has one
64-bit hash, the top 6 bits of the hash choose one of 64 bins and each bin keeps its
smallest value; a bin no shingle fell into borrows the value of the next filled bin
to its right, marked with the distance (rotation densification, Shrivastava and Li,
2014). Like classic MinHash, two signatures agree in a position with probability equal
to the texts' Jaccard similarity, but it costs one hash per shingle instead of 64.

Everything after folding runs in C over the whole text at once (bytes methods, then
numpy), so a worker spends about 0.2 ms on a 5 KB clipping instead of the 1 ms that
a BLAKE2b call per shingle from a Python loop cost (issue 23):

- the words are the ``[a-z0-9]+`` runs of the folded text, found with
  ``bytes.translate`` and ``split``; their join, one space apart, is what
  ``documents.fingerprint`` hashes, exactly as before;
- a 5-word window's hash (``shingle_hashes``) is a polynomial of its bytes modulo
  2**64 (order-sensitive), every window read off one running sum over the text,
  then put through a multiply-xorshift finaliser (SplitMix64's), which carries
  every input bit to every output bit, so the top 6 bits choose bins evenly. A few
  array operations per text replace 800 cryptographic hashes (hashing each distinct
  word once, through a cache, was slower: looking 800 words up in a dict alone costs
  more than this);
- each bin's minimum comes from one ``np.minimum.at``; a repeated shingle changes no
  minimum, so none is removed first;
- a band key is 64 bits of BLAKE2b of its four values (16 calls, not 800).

Nothing depends on the process, the machine or the Python version (no ``hash()``;
numpy's uint64 arithmetic wraps the same everywhere, and band keys hash big-endian
bytes). Over 2,000 pairs of clippings (``bench/fingerprint_bench.py``), pairs share a
key as often as the banding's theory says, as they did with BLAKE2b per shingle.

This lives in ``db`` because the keys are stored: a migration that recomputes them
(``0006``; ``0018`` for this scheme) must use exactly the code the import uses,
and the values pinned in tests/db/test_fingerprints.py say when a change needs one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from db.search.index_folding import fold_for_index

SHINGLE = 5
NUM_BINS = 64
BANDS = 16
MIN_WORDS = 20  # shorter texts (captions, notes) share too little to judge
MAX_WORDS = 50_000  # a book-length text is compared on its opening; keeps cost bounded
_FOLDED_AT_MOST = MAX_WORDS * 12  # characters folded to find them (ample for 50,000 words)

_WORD = re.compile(r"[a-z0-9]+")
_BIN_BITS = 6  # 2**6 == NUM_BINS
_VALUE_BITS = 64 - _BIN_BITS
_VALUE_MASK = (1 << _VALUE_BITS) - 1
EMPTY = 1 << _VALUE_BITS  # above every value: the bin saw no shingle

Hashes = npt.NDArray[np.uint64]

#: Every byte outside ``[a-z0-9]`` becomes a space (``bytes.translate``).
_SEPARATE = bytes(c if c in b"abcdefghijklmnopqrstuvwxyz0123456789" else 0x20 for c in range(256))
_SPACE = 0x20
#: The polynomial's base (odd, so invertible modulo 2**64) and its inverse.
_BASE = 0x9E3779B97F4A7C15
_INVERSE = pow(_BASE, -1, 1 << 64)
_TABLE = 1 << 16  # powers kept for up to 64 KB of words (1 MB); longer texts compute theirs
#: SplitMix64's finaliser constants.
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_BIN_SHIFT = np.uint64(_VALUE_BITS)
_UNSEEN = np.uint64(0xFFFFFFFFFFFFFFFF)  # above every hash: a bin no shingle fell into
_POSITIONS = np.arange(NUM_BINS, dtype=np.int64)


def _powers(base: int, count: int) -> Hashes:
    """base**0 .. base**(count - 1) modulo 2**64."""
    factors = np.full(count, base, dtype=np.uint64)
    factors[0] = 1
    return np.cumprod(factors, dtype=np.uint64)


_POWERS = _powers(_BASE, _TABLE)
_INVERSES = _powers(_INVERSE, _TABLE)


@dataclass(frozen=True)
class Fingerprint:
    text_hash: str
    bands: tuple[str, ...]


def words(text: str) -> list[str]:
    """The folded words compared (case, diacritics and script folded as search does)."""
    return _WORD.findall(fold_for_index(text[:_FOLDED_AT_MOST]))[:MAX_WORDS]


def shingles_of(folded_words: list[str], size: int = SHINGLE) -> set[str]:
    """Overlapping *size*-word sequences; a text shorter than *size* is one shingle."""
    if len(folded_words) < size:
        return {" ".join(folded_words)} if folded_words else set()
    return {" ".join(folded_words[i : i + size]) for i in range(len(folded_words) - size + 1)}


def folded_whole(text: str) -> str | None:
    """``fold_for_index(text)``, which ``fingerprint`` reads and the search index
    stores, for a text no longer than the fingerprint reads (else None: a book is
    not folded twice over, only its opening for the fingerprint)."""
    return fold_for_index(text) if text and len(text) <= _FOLDED_AT_MOST else None


def joined_words(text: str, *, folded: str | None = None) -> bytes:
    """``" ".join(words(text))`` as ASCII bytes, in three C-speed steps (a third of the
    time of ``re.findall`` and a join): the folded text's bytes outside ``[a-z0-9]``
    become spaces, and the runs between them are the words. *folded* is
    ``folded_whole(text)`` when the caller has it."""
    if folded is None or len(text) > _FOLDED_AT_MOST:
        folded = fold_for_index(text[:_FOLDED_AT_MOST])
    # The folded text is ASCII; a stray other character would be a separator anyway.
    ascii_folded = folded.encode("ascii", "replace")
    return b" ".join(ascii_folded.translate(_SEPARATE).split()[:MAX_WORDS])


def _mix(values: Hashes) -> Hashes:
    """SplitMix64's finaliser, in place: a bijection of 64-bit numbers in which every
    input bit reaches every output bit."""
    values ^= values >> np.uint64(30)
    values *= _MIX_1
    values ^= values >> np.uint64(27)
    values *= _MIX_2
    values ^= values >> np.uint64(31)
    return values


def shingle_hashes(joined: bytes, size: int = SHINGLE) -> Hashes:
    """The hash of every *size*-word window of *joined* (words one space apart, as
    ``joined_words`` gives them), in order; fewer words than *size* are one window.

    A window's hash is the polynomial of its bytes and the space after it, the sum
    of ``byte[k] * _BASE**(k + 1)`` modulo 2**64 (so byte order counts), mixed. All
    windows come from one running sum over the text: the sum over bytes ``s + 1 ..
    e`` is ``running[e] - running[s]``, which times ``_BASE**-s`` starts the powers
    at the same place wherever the window is.
    """
    if not joined:
        return np.zeros(0, dtype=np.uint64)
    padded = b" " + joined + b" "
    codes = np.frombuffer(padded, dtype=np.uint8)
    spaces = np.flatnonzero(codes == _SPACE)  # word i: bytes spaces[i] + 1 .. spaces[i + 1] - 1
    width = min(size, len(spaces) - 1)
    starts, ends = spaces[: len(spaces) - width], spaces[width:]
    if len(padded) <= _TABLE:
        powers, inverses = _POWERS, _INVERSES
    else:
        powers, inverses = _powers(_BASE, len(padded)), _powers(_INVERSE, len(padded))
    running = np.cumsum(codes * powers[: len(padded)])
    windows = running[ends] - running[starts]
    windows *= inverses[starts]
    return _mix(windows)


def shingle_hash(shingle: str) -> int:
    """The hash ``fingerprint`` gives one shingle (folded words separated by spaces)."""
    return int(shingle_hashes(" ".join(shingle.split()).encode("ascii"))[0])


def signature_of(hashes: Hashes) -> Hashes:
    """The densified one-permutation MinHash of 64-bit shingle hashes (64 values)."""
    smallest = np.full(NUM_BINS, _UNSEEN)
    np.minimum.at(smallest, (hashes >> _BIN_SHIFT).view(np.int64), hashes)  # bins 0..63
    minima: Hashes = smallest & np.uint64(_VALUE_MASK)
    if smallest.max() != _UNSEEN:  # every bin filled: the usual case beyond 300 shingles
        return minima
    own = np.flatnonzero(smallest != _UNSEEN)
    if len(own) == 0:
        return np.full(NUM_BINS, EMPTY, dtype=np.uint64)
    # Each bin's source: the first filled bin at or to its right, around the end.
    step = np.searchsorted(own, _POSITIONS)
    wrapped = step == len(own)
    step[wrapped] = 0
    source = own[step]
    distance = source - _POSITIONS + NUM_BINS * wrapped
    # A borrowed value differs from any bin's own (distance > 0 sets high bits).
    densified: Hashes = minima[source] + distance.astype(np.uint64) * np.uint64(EMPTY)
    return densified


def signature(hashes: Sequence[int] | Hashes) -> tuple[int, ...]:
    """``signature_of`` for any sequence of 64-bit hashes, as Python integers."""
    return tuple(int(value) for value in signature_of(np.asarray(hashes, dtype=np.uint64)))


def band_keys(values: Sequence[int] | Hashes) -> list[str]:
    """LSH keys: documents sharing any key are candidates for a full comparison.

    A band's key is 64 bits of BLAKE2b of its four values (big-endian bytes). With
    16 bands of 4 rows, pairs with Jaccard 0.7 or more almost always share a key
    (99.7 %), pairs at 0.5 three times in four, pairs under 0.2 almost never (under
    2.5 %).
    """
    packed = np.asarray(values, dtype=np.uint64).astype(">u8").tobytes()
    size = len(packed) // BANDS
    return [
        f"{band:02d}:"
        + hashlib.blake2b(packed[band * size : (band + 1) * size], digest_size=8).hexdigest()
        for band in range(BANDS)
    ]


def fingerprint(text: str, *, folded: str | None = None) -> Fingerprint | None:
    """The text's normalised hash and band keys; None for texts too short to judge.
    *folded*: ``folded_whole(text)``, when the caller has folded it already."""
    if len(text.split(maxsplit=MIN_WORDS)) < MIN_WORDS:  # stops after MIN_WORDS words
        return None
    joined = joined_words(text, folded=folded)
    text_hash = hashlib.sha256(joined).hexdigest()
    return Fingerprint(text_hash, tuple(band_keys(signature_of(shingle_hashes(joined)))))
