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
import re

from rapidfuzz import fuzz

from db.folding import fold

SHINGLE = 5
NUM_HASHES = 64
BANDS = 16
DUPLICATE_THRESHOLD = 0.7
_MERSENNE = (1 << 61) - 1
_WORD = re.compile(r"[a-z0-9]+")


MAX_WORDS = 50_000  # a book-length text is compared on its opening; keeps cost bounded


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text[: MAX_WORDS * 12]))[:MAX_WORDS]


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Set of overlapping *size*-word sequences of the folded text."""
    words = _words(text)
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def similarity(a: str, b: str) -> float:
    """0..1: how much of the shorter text's wording the other contains.

    Short texts (under ~20 shingles) are compared with a token-set ratio instead,
    since a handful of shingles says too little.
    """
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    if min(len(sa), len(sb)) < 20:
        return fuzz.token_set_ratio(" ".join(_words(a)), " ".join(_words(b))) / 100.0
    return len(sa & sb) / min(len(sa), len(sb))


def is_possible_duplicate(a: str, b: str, threshold: float = DUPLICATE_THRESHOLD) -> bool:
    """True when *a* and *b* look like the same text (to be confirmed by a person)."""
    return similarity(a, b) >= threshold


def normalised_hash(text: str) -> str:
    """SHA-256 of the folded word sequence: equal for texts differing only in layout."""
    return hashlib.sha256(" ".join(_words(text)).encode("utf-8")).hexdigest()


def _shingle_hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


# Fixed (a, b) pairs for the universal hashes h(x) = (a*x + b) mod p: the signature
# must be stable across runs and machines because it is stored in the catalogue.
_PARAMS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest(), "big") % _MERSENNE
        | 1,
        int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest(), "big")
        % _MERSENNE,
    )
    for i in range(NUM_HASHES)
]


def minhash(text: str) -> tuple[int, ...]:
    """MinHash signature (64 values) of the text's shingles; estimates Jaccard similarity."""
    hashes = [_shingle_hash(s) for s in shingles(text)]
    if not hashes:
        return tuple([_MERSENNE] * NUM_HASHES)
    return tuple(min((a * h + b) % _MERSENNE for h in hashes) for a, b in _PARAMS)


def estimated_jaccard(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    """Fraction of equal positions in two signatures."""
    return sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / len(sig_a)


def band_keys(signature: tuple[int, ...], bands: int = BANDS) -> list[str]:
    """LSH keys: documents sharing any key are candidates for ``similarity``.

    With 16 bands of 4 rows, pairs with Jaccard around 0.5 or more almost always
    share a key, pairs under 0.2 almost never do.
    """
    rows = len(signature) // bands
    keys = []
    for band in range(bands):
        chunk = signature[band * rows : (band + 1) * rows]
        digest = hashlib.blake2b(repr(chunk).encode(), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys
