"""Near duplicates for a whole import batch at once, as ``find_near_duplicate`` finds
them one file at a time.

The import's batched writer asks about a batch's texts before writing any of them:
three queries for the batch (same normalised text; the candidates sharing the most
band keys, per file; the candidates' texts) instead of up to three per file. What the
one-at-a-time path saw of the files written before in the same batch (their
fingerprints and bands) is worked out here in memory, so every file gets the answer it
would have got: the lowest-numbered document with the same normalised text, else the
most similar of the MAX_CANDIDATES documents sharing the most band keys (ties by
number), at or above the threshold. A file written later in a batch is numbered after
every catalogued document and after the files before it, which is how those files
rank here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from db.fingerprints import Fingerprint
from db.models import Document
from desktop.ingest.duplicates import MAX_CANDIDATES, EarlierInBatch, NearDuplicate
from desktop.ingest.similarity import DUPLICATE_THRESHOLD, Comparison

Found = NearDuplicate | EarlierInBatch | None

RANK_CHUNK = 256
"""Files ranked per query: 16 band keys each, two parameters a key, well inside the
engines' limits on bound parameters (SQLite 32,766) whatever an import's batch size."""
TEXTS_CHUNK = 1000  # candidates' texts read per query, for the same reason

# Per file (item), the documents sharing the most band keys with it, most first, then
# by number: find_near_duplicate's ranking, in a window, for the whole batch.
_RANKED = """
WITH wanted(item, band) AS (VALUES {values})
SELECT item, document_id, shared FROM (
    SELECT wanted.item AS item, document_bands.document_id AS document_id,
           count(*) AS shared,
           row_number() OVER (
               PARTITION BY wanted.item ORDER BY count(*) DESC, document_bands.document_id
           ) AS place
    FROM wanted JOIN document_bands ON document_bands.band = wanted.band
    GROUP BY wanted.item, document_bands.document_id
) AS ranked
WHERE place <= {mark}
"""

_TEXTS_OF = select(Document.id, Document.ref, Document.text).where(
    Document.id.in_(bindparam("ids", expanding=True))
)


@dataclass(frozen=True)
class BatchText:
    """One file of a batch, as the near-duplicate check needs it."""

    text: str  # as parsed: compared with the candidates' texts
    stored: str  # as it will be stored: what a later file of the batch is compared with
    print_: Fingerprint
    bands: list[object]  # its distinct band keys as stored (duplicates.band_values)


def find_near_duplicates(
    session: Session, texts: list[BatchText | None], threshold: float = DUPLICATE_THRESHOLD
) -> list[Found]:
    """For each file of a batch (None: a file without a fingerprint, neither looked up
    nor a candidate), its near duplicate among the catalogued documents and the files
    before it in *texts*, if any."""
    found: list[Found] = [None] * len(texts)
    same = _same_text(session, {item.print_.text_hash for item in texts if item is not None})
    first_with_hash: dict[str, int] = {}
    to_rank: list[int] = []
    for index, item in enumerate(texts):
        if item is None:
            continue
        text_hash = item.print_.text_hash
        if text_hash in same:
            found[index] = same[text_hash]
        elif text_hash in first_with_hash:
            found[index] = EarlierInBatch(first_with_hash[text_hash], 1.0)
        else:
            to_rank.append(index)
        first_with_hash.setdefault(text_hash, index)
    shortlists = _shortlists(session, texts, to_rank)
    wanted = sorted({id_ for ranked in shortlists.values() for id_ in ranked[0]})
    catalogued: dict[int, tuple[str, str]] = {}
    for first in range(0, len(wanted), TEXTS_CHUNK):
        for row in session.connection().execute(
            _TEXTS_OF, {"ids": wanted[first : first + TEXTS_CHUNK]}
        ):
            catalogued[row[0]] = (row[1], row[2])
    for index, (catalogue_ids, batch_indexes) in shortlists.items():
        item = texts[index]
        assert item is not None
        found[index] = _best(item.text, catalogue_ids, batch_indexes, catalogued, texts, threshold)
    return found


def _same_text(session: Session, hashes: set[str]) -> dict[str, NearDuplicate]:
    """The lowest-numbered document with each normalised text hash."""
    if not hashes:
        return {}
    same: dict[str, NearDuplicate] = {}
    rows = session.connection().execute(
        select(Document.id, Document.ref, Document.fingerprint)
        .where(Document.fingerprint.in_(sorted(hashes)))
        .order_by(Document.id)
    )
    for document_id, ref, text_hash in rows:
        same.setdefault(text_hash, NearDuplicate(document_id, ref, 1.0))
    return same


def _shortlists(
    session: Session, texts: list[BatchText | None], to_rank: list[int]
) -> dict[int, tuple[list[int], list[int]]]:
    """Per file to rank: the catalogued documents and the earlier files of the batch
    among its MAX_CANDIDATES candidates (most band keys shared, then lowest number)."""
    catalogued = _catalogued_candidates(session, texts, to_rank)
    ranking = set(to_rank)
    earlier: defaultdict[str, list[int]] = defaultdict(list)  # band → files before
    shortlists: dict[int, tuple[list[int], list[int]]] = {}
    for index, item in enumerate(texts):
        if item is None:
            continue
        bands = item.bands
        if index in ranking:
            shared = Counter(other for band in bands for other in earlier.get(band, ()))
            ranked = [(-count, 0, id_) for id_, count in catalogued.get(index, ())]
            ranked += [(-count, 1, other) for other, count in shared.items()]
            chosen = sorted(ranked)[:MAX_CANDIDATES]
            shortlists[index] = (
                sorted(key for _count, batch, key in chosen if not batch),
                sorted(key for _count, batch, key in chosen if batch),
            )
        for band in bands:
            earlier[band].append(index)
    return shortlists


def _catalogued_candidates(
    session: Session, texts: list[BatchText | None], to_rank: list[int]
) -> dict[int, list[tuple[int, int]]]:
    """Per file: its MAX_CANDIDATES catalogued candidates with their shared band counts,
    in one query per RANK_CHUNK files (the per-file ranking in a window)."""
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    found: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for first in range(0, len(to_rank), RANK_CHUNK):
        parameters: list[object] = []
        for index in to_rank[first : first + RANK_CHUNK]:
            item = texts[index]
            assert item is not None
            for band in item.bands:
                parameters += [index, band]
        if not parameters:
            continue
        # Written out rather than built with values(): compiling a VALUES list of some
        # 800 bound pairs cost more than everything else the batch writes.
        pairs = ", ".join([f"({mark}, {mark})"] * (len(parameters) // 2))
        query = _RANKED.format(values=pairs, mark=mark)
        for index, document_id, shared in connection.exec_driver_sql(
            query, (*parameters, MAX_CANDIDATES)
        ):
            found[index].append((document_id, shared))
    return found


def _best(
    text: str,
    catalogue_ids: list[int],
    batch_indexes: list[int],
    catalogued: dict[int, tuple[str, str]],
    texts: list[BatchText | None],
    threshold: float,
) -> Found:
    """The most similar candidate at or above *threshold* (the first of equals, in
    number order, as ``find_near_duplicate`` reads them)."""
    if not catalogue_ids and not batch_indexes:
        return None
    new = Comparison(text)
    best: Found = None
    best_score = -1.0
    for document_id in catalogue_ids:
        ref, other = catalogued[document_id]
        score = new.similarity(other)
        if score >= threshold and score > best_score:
            best, best_score = NearDuplicate(document_id, ref, score), score
    for index in batch_indexes:
        earlier = texts[index]
        assert earlier is not None
        score = new.similarity(earlier.stored)
        if score >= threshold and score > best_score:
            best, best_score = EarlierInBatch(index, score), score
    return best
