"""Finding near duplicates at import: the same article saved twice with other furniture.

Each document's text gets MinHash band keys stored in ``document_bands``; a new text is
compared in full only with documents sharing a band, and called a possible duplicate
when the similarity passes the threshold. Possible duplicates are imported and linked,
never dropped: the person decides.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Document, DocumentBand
from db.search.folding import fold_for_index
from desktop.ingest.similarity import (
    _MERSENNE,
    _PARAMS,
    _WORD,
    DUPLICATE_THRESHOLD,
    MAX_WORDS,
    NUM_HASHES,
    SHINGLE,
    _shingle_hash,
    band_keys,
    similarity,
)

MAX_CANDIDATES = 20
MIN_WORDS = 20  # shorter texts (captions, notes) share too little to judge


@dataclass(frozen=True)
class Fingerprint:
    text_hash: str
    bands: tuple[str, ...]


@dataclass(frozen=True)
class NearDuplicate:
    document_id: int
    ref: str
    score: float


def fingerprint(text: str) -> Fingerprint | None:
    """The text's normalised hash and MinHash bands, equal to ``similarity``'s own.

    Import computes this for every document, so it is done once over one folding of
    the text and with the 64 hash functions applied lane-parallel (below), instead of
    ``normalised_hash`` and ``minhash`` folding twice and looping per shingle in Python.
    The values are identical (the pipeline tests compare them), which matters because
    bands are stored in catalogues.
    """
    if len(text.split()) < MIN_WORDS:
        return None
    words = _WORD.findall(fold_for_index(text[: MAX_WORDS * 12]))[:MAX_WORDS]
    text_hash = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    if len(words) < SHINGLE:
        found = {" ".join(words)} if words else set()
    else:
        found = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = [_shingle_hash(shingle) for shingle in found]
    return Fingerprint(text_hash, tuple(band_keys(_minhash_of(hashes))))


def _minhash_of(hashes: list[int]) -> tuple[int, ...]:
    """``min((a*h + b) % p for h in hashes)`` for each (a, b), with big-integer lanes.

    All 64-bit shingle hashes are packed into one integer, 128 bits apart; then
    ``a*H + b*ONES`` computes every ``a*h + b`` at once (each < 2**126, so lanes never
    carry into each other), two Mersenne folds ``(x & p) + (x >> 61)`` (masked per lane)
    reduce each lane below ``p + 32``, and the lanes are read back as machine words for
    ``min``: a few C-level big-integer operations per hash function instead of one
    Python multiplication per shingle. A lane left at or above ``p`` (odds about 2**-56)
    sends that function to the exact per-shingle formula.
    """
    if not hashes:
        return tuple([_MERSENNE] * NUM_HASHES)
    if sys.byteorder != "little" or array("Q").itemsize != 8:
        return tuple(min((a * h + b) % _MERSENNE for h in hashes) for a, b in _PARAMS)
    count = len(hashes)
    lanes = array("Q", bytes(16 * count))
    lanes[0::2] = array("Q", hashes)
    packed = int.from_bytes(lanes.tobytes(), "little")
    lanes[0::2] = array("Q", [1]) * count
    ones = int.from_bytes(lanes.tobytes(), "little")
    low61 = _MERSENNE * ones
    low65 = ((1 << 65) - 1) * ones
    size = 16 * count
    values: list[int] = []
    for a, b in _PARAMS:
        x = a * packed + b * ones
        x = (x & low61) + ((x >> 61) & low65)
        x = (x & low61) + ((x >> 61) & low65)
        if ((x + ones) >> 61) & low65:  # some lane >= p: not fully reduced
            values.append(min((a * h + b) % _MERSENNE for h in hashes))
            continue
        words = array("Q")
        words.frombytes(x.to_bytes(size, "little"))
        values.append(min(words[0::2]))
    return tuple(values)


def find_near_duplicate(
    session: Session, text: str, print_: Fingerprint, threshold: float = DUPLICATE_THRESHOLD
) -> NearDuplicate | None:
    """The most similar existing document at or above *threshold*, if any."""
    same = session.execute(
        select(Document.id, Document.ref)
        .where(Document.fingerprint == print_.text_hash)
        .order_by(Document.id)
        .limit(1)
    ).first()
    if same is not None:
        return NearDuplicate(same[0], same[1], 1.0)
    candidate_ids = list(
        session.execute(
            select(DocumentBand.document_id)
            .where(DocumentBand.band.in_(print_.bands))
            .distinct()
            .limit(MAX_CANDIDATES)
        ).scalars()
    )
    best: NearDuplicate | None = None
    for doc_id, ref, other in session.execute(
        select(Document.id, Document.ref, Document.text).where(Document.id.in_(candidate_ids))
    ):
        score = similarity(text, other)
        if score >= threshold and (best is None or score > best.score):
            best = NearDuplicate(doc_id, ref, score)
    return best


def store_bands(session: Session, document_id: int, print_: Fingerprint) -> None:
    session.add_all(
        DocumentBand(document_id=document_id, band=band) for band in sorted(set(print_.bands))
    )
