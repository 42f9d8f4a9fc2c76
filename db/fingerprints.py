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

Everything after folding is numpy over the whole text at once, so a worker spends
about a fifth of a millisecond on a 5 KB clipping (hashing every shingle with BLAKE2b
in a Python loop took a millisecond, issue 23):

- the words are the ``[a-z0-9]+`` runs of the folded text, found on its bytes; their
  join, one space apart, is what ``documents.fingerprint`` hashes, as ever;
- each word gets one 64-bit hash from its bytes (``word_hashes``), all words at once;
- a 5-word window's hash (``shingle_hashes``) is the five word hashes, each times
  its position's odd constant (so word order counts), summed modulo 2**64 and put
  through a multiply-xorshift finaliser (SplitMix64's), which carries every input
  bit to every output bit, so the top 6 bits choose bins evenly. One hash per word
  occurrence and a few array operations replace a cryptographic hash per shingle;
- the bins' minima come from one sort (a bin's minimum is the first value with its
  6-bit prefix); a repeated shingle changes no minimum, so none is removed first;
- a band key mixes its four values the same way.

Nothing depends on the process, the machine or the Python version (no ``hash()``;
bytes are read little-endian and numpy's uint64 arithmetic wraps the same
everywhere). Measured on 2,000 pairs (``bench/fingerprint_bench.py``), pairs share
a key as often as the banding's theory says, as they did with BLAKE2b per shingle.

This lives in ``db`` because the keys are stored: a migration that recomputes them
(``0006``; ``0018`` for the numpy scheme) must use exactly the code the import uses,
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

_WORD = re.compile(r"[a-z0-9]+")
_BIN_BITS = 6  # 2**6 == NUM_BINS
_VALUE_BITS = 64 - _BIN_BITS
_VALUE_MASK = (1 << _VALUE_BITS) - 1
EMPTY = 1 << _VALUE_BITS  # above every value: the bin saw no shingle

Hashes = npt.NDArray[np.uint64]

#: One odd multiplier per position in the window (arbitrary odd 64-bit numbers).
_POSITION = np.array(
    [
        0xFE446EFC056C5C6B,
        0x824D8D3CC6206371,
        0x74A2C26B5E4B4321,
        0x945C3CB9506AF35B,
        0xDC7AFD0A5CECA583,
    ],
    dtype=np.uint64,
)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_BIN_STARTS = np.arange(NUM_BINS, dtype=np.uint64) << np.uint64(_VALUE_BITS)
_POSITIONS = np.arange(NUM_BINS, dtype=np.int64)


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


_WORD_BYTE = np.zeros(256, dtype=np.bool_)
_WORD_BYTE[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz0123456789", dtype=np.uint8)] = True
_SPACE = ord(" ")
_CHUNK = 8  # a word is read 8 bytes at a time
_VECTOR_LETTERS = 32  # longer words (rare) are hashed one by one with BLAKE2b
#: _FIRST_BYTES[k]: the low k bytes of a 64-bit word (k = 0..8).
_FIRST_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(_CHUNK + 1)], dtype=np.uint64)
#: Odd multipliers: a word's length, then each 8-byte chunk of it (arbitrary odd numbers).
_LENGTH = np.uint64(0x9E3779B97F4A7C15)
_CHUNKS = np.array(
    [0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3],
    dtype=np.uint64,
)


def _joined_words(text: str) -> bytes:
    """``" ".join(words(text))`` as ASCII bytes, found with numpy over the folded
    text's bytes (a third of the time of ``re.findall`` and a join): every run of
    bytes outside ``[a-z0-9]`` becomes one space, none at either end."""
    # The folded text is ASCII; a stray other character would be a separator anyway.
    folded = fold_for_index(text[: MAX_WORDS * 12]).encode("ascii", "replace")
    codes = np.frombuffer(folded, dtype=np.uint8)
    in_word = _WORD_BYTE[codes]
    kept = in_word.copy()  # every word byte, and the first byte after each word
    kept[1:] |= in_word[:-1]
    joined = np.where(in_word, codes, np.uint8(_SPACE))[kept]
    if len(joined) and joined[-1] == _SPACE:
        joined = joined[:-1]
    if len(joined) > MAX_WORDS * 2:  # else it cannot hold more than MAX_WORDS words
        spaces = np.flatnonzero(joined == _SPACE)
        if len(spaces) >= MAX_WORDS:
            joined = joined[: spaces[MAX_WORDS - 1]]
    return joined.tobytes()


def _mix(values: Hashes) -> Hashes:
    """SplitMix64's finaliser, in place: a bijection of 64-bit numbers in which every
    input bit reaches every output bit."""
    values ^= values >> np.uint64(30)
    values *= _MIX_1
    values ^= values >> np.uint64(27)
    values *= _MIX_2
    values ^= values >> np.uint64(31)
    return values


def word_hashes(joined: bytes) -> Hashes:
    """A 64-bit hash of every word of *joined* (``[a-z0-9]+`` words, one space apart).

    A word of up to 32 letters is read as up to four 64-bit numbers (little-endian,
    so every machine reads the same), which with its length are multiplied by odd
    constants, summed modulo 2**64 and mixed: every word of a text is hashed at once
    in a few numpy operations. Longer words, rare outside pasted codes, take 64 bits
    of BLAKE2b instead, one by one.
    """
    if not joined:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(joined, dtype=np.uint8)
    spaces = np.flatnonzero(codes == _SPACE)
    starts = np.empty(len(spaces) + 1, dtype=np.intp)
    starts[0], starts[1:] = 0, spaces + 1
    lengths = np.empty_like(starts)
    lengths[:-1], lengths[-1] = spaces, len(codes)
    lengths -= starts
    # Element i: the 8 bytes from byte i on (an unaligned view; zeros past the end).
    padded = joined + bytes(_CHUNK * len(_CHUNKS))
    eight = np.ndarray((len(joined),), dtype="<u8", buffer=padded, strides=(1,))
    hashes = lengths.astype(np.uint64) * _LENGTH
    which = np.arange(len(starts))
    for chunk, multiplier in enumerate(_CHUNKS):
        offset = chunk * _CHUNK
        if chunk:
            which = which[lengths[which] > offset]
            if not len(which):
                break
        rest = np.minimum(lengths[which] - offset, _CHUNK)
        hashes[which] += (eight[starts[which] + offset] & _FIRST_BYTES[rest]) * multiplier
    hashes = _mix(hashes)
    for index in np.flatnonzero(lengths > _VECTOR_LETTERS):
        word = joined[starts[index] : starts[index] + lengths[index]]
        digest = hashlib.blake2b(word, digest_size=8).digest()
        hashes[index] = int.from_bytes(digest, "big")
    return hashes


def word_hash(word: str) -> int:
    """The hash ``fingerprint`` gives one folded word (``[a-z0-9]+``)."""
    return int(word_hashes(word.encode("ascii"))[0])


def shingle_hashes(hashes: Hashes, size: int = SHINGLE) -> Hashes:
    """The hash of every *size*-word window of a text, from its words' hashes in order:
    each word's hash times its position's odd constant (so order counts), summed
    modulo 2**64 and mixed. A text shorter than *size* words is one window."""
    width = min(size, len(hashes))
    if width == 0:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.ascontiguousarray(hashes, dtype=np.uint64)
    # Row i: the hashes of words i .. i + width - 1 (a view, nothing copied).
    windows = np.ndarray(
        (len(hashes) - width + 1, width), dtype=np.uint64, buffer=hashes, strides=(8, 8)
    )
    return _mix(windows @ _POSITION[:width])


def shingle_hash(shingle: str) -> int:
    """The hash ``fingerprint`` gives one shingle (folded words separated by spaces)."""
    return int(shingle_hashes(word_hashes(" ".join(shingle.split()).encode("ascii")))[0])


def signature_of(hashes: Hashes) -> Hashes:
    """The densified one-permutation MinHash of 64-bit shingle hashes (64 values).

    After one sort, a bin's minimum is the first value with the bin's 6-bit prefix."""
    ordered = np.sort(hashes)
    first = np.searchsorted(ordered, _BIN_STARTS)
    filled = first < np.append(first[1:], len(ordered))
    own = np.flatnonzero(filled)
    if len(own) == NUM_BINS:  # the usual case beyond a few hundred shingles
        return ordered[first] & np.uint64(_VALUE_MASK)
    if len(own) == 0:
        return np.full(NUM_BINS, EMPTY, dtype=np.uint64)
    minima = ordered[first[own]] & np.uint64(_VALUE_MASK)
    # Each bin's source: the first filled bin at or to its right, around the end.
    step = np.searchsorted(own, _POSITIONS)
    wrapped = step == len(own)
    step[wrapped] = 0
    distance = own[step] - _POSITIONS + NUM_BINS * wrapped
    # A borrowed value differs from any bin's own (distance > 0 sets high bits).
    densified: Hashes = minima[step] + distance.astype(np.uint64) * np.uint64(EMPTY)
    return densified


def signature(hashes: Sequence[int] | Hashes) -> tuple[int, ...]:
    """``signature_of`` for any sequence of 64-bit hashes, as Python integers."""
    return tuple(int(value) for value in signature_of(np.asarray(hashes, dtype=np.uint64)))


def band_keys(values: Sequence[int] | Hashes) -> list[str]:
    """LSH keys: documents sharing any key are candidates for a full comparison.

    A band's key mixes its rows' mixed values as a shingle's hash mixes its words
    (``shingle_hashes``). With 16 bands
    of 4 rows, pairs with Jaccard 0.7 or more almost always share a key (99.7 %),
    pairs at 0.5 three times in four, pairs under 0.2 almost never (under 2.5 %).
    """
    # Mixed first: densified values differ by multiples of EMPTY, which a sum of
    # products alone could cancel (two bands borrowing from one bin would agree).
    rows = _mix(np.array(values, dtype=np.uint64)).reshape(BANDS, -1)  # at most 5 rows
    keys = _mix(rows @ _POSITION[: rows.shape[1]]).tolist()
    return [f"{band:02d}:{key:016x}" for band, key in enumerate(keys)]


def fingerprint(text: str) -> Fingerprint | None:
    """The text's normalised hash and band keys; None for texts too short to judge."""
    if len(text.split(maxsplit=MIN_WORDS)) < MIN_WORDS:  # stops after MIN_WORDS words
        return None
    joined = _joined_words(text)  # " ".join(words(text)), faster
    text_hash = hashlib.sha256(joined).hexdigest()
    values = signature_of(shingle_hashes(word_hashes(joined)))
    return Fingerprint(text_hash, tuple(band_keys(values)))
