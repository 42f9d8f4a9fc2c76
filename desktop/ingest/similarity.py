"""Find near-duplicates: the same article saved twice with different page furniture.

Two measures, both over folded text (case, diacritics and script folded as search
does): ``similarity`` compares two texts exactly enough to decide, and
``minhash``/``band_keys`` give a cheap per-document signature the pipeline can store
and index so only candidate pairs are compared.

Word 5-gram shingles are used because two articles on the same event share names
and phrases but rarely five words in a row, while two saves of one article share
nearly all of them. Containment (overlap over the smaller set) rather than Jaccard
lets a copy with extra menus, related links or a missing footer still match.
"""

from __future__ import annotations

import hashlib

from rapidfuzz import fuzz

from db.fingerprints import (
    BANDS,
    MAX_WORDS,
    SHINGLE,
    band_keys,
    shingle_hash,
    shingles_of,
    signature,
    words,
)

__all__ = [
    "BANDS",
    "DUPLICATE_THRESHOLD",
    "MAX_WORDS",
    "SHINGLE",
    "Comparison",
    "band_keys",
    "estimated_jaccard",
    "is_possible_duplicate",
    "minhash",
    "normalised_hash",
    "shingles",
    "similarity",
]

DUPLICATE_THRESHOLD = 0.7


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Set of overlapping *size*-word sequences of the folded text."""
    return shingles_of(words(text), size)


def similarity(a: str, b: str) -> float:
    """0..1: how much of the shorter text's wording the other contains.

    Short texts (under ~20 shingles) are compared with a token-set ratio instead,
    since a handful of shingles says too little.
    """
    return Comparison(a).similarity(b)


class Comparison:
    """One text compared with many (an import's candidates): its words and shingles
    are worked out once."""

    def __init__(self, text: str) -> None:
        self.words = words(text)
        self.shingles = shingles_of(self.words)

    def similarity(self, other: str) -> float:
        other_words = words(other)
        sa, sb = self.shingles, shingles_of(other_words)
        if not sa or not sb:
            return 0.0
        if min(len(sa), len(sb)) < 20:
            return fuzz.token_set_ratio(" ".join(self.words), " ".join(other_words)) / 100.0
        return len(sa & sb) / min(len(sa), len(sb))


def is_possible_duplicate(a: str, b: str, threshold: float = DUPLICATE_THRESHOLD) -> bool:
    """True when *a* and *b* look like the same text (to be confirmed by a person)."""
    return similarity(a, b) >= threshold


def normalised_hash(text: str) -> str:
    """SHA-256 of the folded word sequence: equal for texts differing only in layout."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def minhash(text: str) -> tuple[int, ...]:
    """MinHash signature (64 values) of the text's shingles; estimates Jaccard similarity."""
    return signature([shingle_hash(shingle) for shingle in shingles(text)])


def estimated_jaccard(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    """Fraction of equal positions in two signatures."""
    return sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / len(sig_a)
