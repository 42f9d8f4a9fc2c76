"""Near-duplicate band keys from the numpy fingerprint (issue 23).

The import now hashes a text's shingles with numpy (``db.fingerprints``: about
0.2 ms per clipping instead of 1 ms), so its band keys differ from those stored
before and would never meet them. This recomputes every
document's keys with the import's own code. ``documents.fingerprint`` (the SHA-256
of the folded words) is unchanged, so it is not touched.

Documents are read in chunks by id, so memory stays bounded whatever the catalogue's
size; the new keys are inserted chunk by chunk through ``BandKey`` (9 bytes each on
SQLite, as migration 0017 stores them): 0.4 s of CPU per 1,000 documents on either
engine, so under a minute at 100,000, and the same memory at any size
(``bench/bands_migration.py``).
Down computes the previous scheme's keys (BLAKE2b of every shingle, kept below as it
was), so the catalogue is what Catena at 0017 expects. A working text that cannot be
read (a damaged compressed value, which ``catena verify`` reports) gets no keys.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from db.column_types import BandKey, StoredTextDamaged, stored_text_bytes
from db.fingerprints import MIN_WORDS, fingerprint, shingles_of, words

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500

documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("text"))
document_bands = sa.table(
    "document_bands", sa.column("document_id", sa.Integer), sa.column("band", BandKey())
)

#: A text → its band keys, or None (too short to judge).
Bands = Callable[[str], Sequence[str] | None]


def _text(stored: bytes | str | None) -> str | None:
    """The working text as stored (compressed on SQLite since 0017, or plain)."""
    if isinstance(stored, str):
        return stored
    try:
        return stored_text_bytes(stored).decode("utf-8", "replace")
    except StoredTextDamaged:
        return None


def _recompute(bands_of: Bands) -> None:
    conn = op.get_bind()
    conn.execute(sa.delete(document_bands))
    last = 0
    while True:
        rows = conn.execute(
            sa.select(documents.c.id, documents.c.text)
            .where(documents.c.id > last)
            .order_by(documents.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        new: list[dict[str, object]] = []
        for doc_id, stored in rows:
            text = _text(stored)
            keys = bands_of(text) if text is not None else None
            new.extend({"document_id": doc_id, "band": band} for band in sorted(set(keys or ())))
        if new:
            conn.execute(sa.insert(document_bands), new)
        last = rows[-1][0]


def _numpy_bands(text: str) -> Sequence[str] | None:
    print_ = fingerprint(text)
    return None if print_ is None else print_.bands


def upgrade() -> None:
    _recompute(_numpy_bands)


# The scheme of revisions 0006 to 0017, frozen here for the way down.
_EMPTY = 1 << 58


def _blake2b_signature(text: str) -> list[int]:
    mins = [_EMPTY] * 64
    for shingle in shingles_of(words(text)):
        digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "big")
        mins[value >> 58] = min(mins[value >> 58], value & (_EMPTY - 1))
    if all(value == _EMPTY for value in mins):
        return mins
    filled = []
    for position in range(64):
        distance, source = 0, position
        while mins[source] == _EMPTY:
            source, distance = (source + 1) % 64, distance + 1
        filled.append(mins[source] + distance * _EMPTY)
    return filled


def _blake2b_bands(text: str) -> Sequence[str] | None:
    if len(text.split()) < MIN_WORDS:
        return None
    values = tuple(_blake2b_signature(text))
    return [
        f"{band:02d}:"
        + hashlib.blake2b(repr(values[band * 4 : band * 4 + 4]).encode(), digest_size=8).hexdigest()
        for band in range(16)
    ]


def downgrade() -> None:
    _recompute(_blake2b_bands)
