"""Finding near duplicates at import: the same article saved twice with other furniture.

Each document's text gets MinHash band keys stored in ``document_bands``; a new text is
compared in full only with documents sharing a band, and called a possible duplicate
when the similarity passes the threshold. Possible duplicates are imported and linked,
never dropped: the person decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Document, DocumentBand
from desktop.ingest.similarity import (
    DUPLICATE_THRESHOLD,
    band_keys,
    minhash,
    normalised_hash,
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
    if len(text.split()) < MIN_WORDS:
        return None
    return Fingerprint(normalised_hash(text), tuple(band_keys(minhash(text))))


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
