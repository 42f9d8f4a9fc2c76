"""Finding near duplicates at import: the same article saved twice with other furniture.

Each document's text gets MinHash band keys stored in ``document_bands``; a new text is
compared in full only with documents sharing a band, and called a possible duplicate
when the similarity passes the threshold. Possible duplicates are imported and linked,
never dropped: the person decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from db.column_types import BandKey
from db.fingerprints import Fingerprint, fingerprint
from db.models import Document, DocumentBand
from desktop.ingest.similarity import DUPLICATE_THRESHOLD, Comparison

__all__ = [
    "EarlierInBatch",
    "Fingerprint",
    "NearDuplicate",
    "find_near_duplicate",
    "fingerprint",
    "store_bands",
]

_BAND_KEY = BandKey()
MAX_CANDIDATES = 8  # ranked by shared band keys, so the likeliest come first


@dataclass(frozen=True)
class NearDuplicate:
    document_id: int
    ref: str
    score: float


@dataclass(frozen=True)
class EarlierInBatch:
    """A near duplicate that is not catalogued yet: file *index* of the same batch."""

    index: int
    score: float


# Built once: the import asks both for every document it writes, and building a
# statement per call cost more than running it (SQLAlchemy's coercions and cache keys).
_SAME_TEXT = (
    select(Document.id, Document.ref)
    .where(Document.fingerprint == bindparam("text_hash"))
    .order_by(Document.id)
    .limit(1)
)
# Candidates sharing the most band keys first: with many near-identical texts in a
# catalogue, the limit then keeps the likeliest, not the oldest.
_SHARING_BANDS = (
    select(DocumentBand.document_id)
    .where(DocumentBand.band.in_(bindparam("bands", expanding=True)))
    .group_by(DocumentBand.document_id)
    .order_by(func.count().desc(), DocumentBand.document_id)
    .limit(MAX_CANDIDATES)
)
_TEXTS_OF = select(Document.id, Document.ref, Document.text).where(
    Document.id.in_(bindparam("ids", expanding=True))
)


def find_near_duplicate(
    session: Session, text: str, print_: Fingerprint, threshold: float = DUPLICATE_THRESHOLD
) -> NearDuplicate | None:
    """The most similar existing document at or above *threshold*, if any."""
    connection = session.connection()  # Core: no ORM bookkeeping for three plain reads
    same = connection.execute(_SAME_TEXT, {"text_hash": print_.text_hash}).first()
    if same is not None:
        return NearDuplicate(same[0], same[1], 1.0)
    candidate_ids = list(
        connection.execute(_SHARING_BANDS, {"bands": list(print_.bands)}).scalars()
    )
    if not candidate_ids:
        return None
    best: NearDuplicate | None = None
    new = Comparison(text)
    for doc_id, ref, other in connection.execute(_TEXTS_OF, {"ids": candidate_ids}):
        score = new.similarity(other)
        if score >= threshold and (best is None or score > best.score):
            best = NearDuplicate(doc_id, ref, score)
    return best


def store_bands(session: Session, document_id: int, print_: Fingerprint) -> None:
    """One multi-row INSERT: 16 ORM objects per imported document cost more than
    everything else about the bands."""
    session.connection().execute(
        insert(DocumentBand.__table__),
        [{"document_id": document_id, "band": band} for band in sorted(set(print_.bands))],
    )


def band_values(dialect: Dialect, print_: Fingerprint) -> list[object]:
    """The distinct band keys of *print_* as the database stores them (``BandKey``'s
    bound form): the batched writer converts them once, for its lookup and its insert
    (a value already in stored form passes through the column type unchanged)."""
    return [_BAND_KEY.process_bind_param(band, dialect) for band in sorted(set(print_.bands))]


_INSERT_BANDS_QMARK = "INSERT INTO document_bands (band, document_id) VALUES (?, ?)"
_INSERT_BANDS_FORMAT = "INSERT INTO document_bands (band, document_id) VALUES (%s, %s)"


def store_bands_many(session: Session, bands: list[tuple[int, list[object]]]) -> None:
    """``store_bands`` for a batch of documents (their ``band_values``), one executemany.

    Sent as the driver's own statement: the values are already in stored form, and
    SQLAlchemy's processing of some 800 rows a batch cost more than the insert."""
    rows = [(band, document_id) for document_id, values in bands for band in values]
    if not rows:
        return
    connection = session.connection()
    qmark = connection.dialect.paramstyle == "qmark"  # SQLite; psycopg takes %s
    connection.exec_driver_sql(_INSERT_BANDS_QMARK if qmark else _INSERT_BANDS_FORMAT, rows)
