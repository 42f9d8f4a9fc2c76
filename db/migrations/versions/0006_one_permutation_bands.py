"""Near-duplicate band keys from a one-permutation MinHash.

The import now computes its signature with one hash per shingle
(``db.fingerprints``) instead of 64, so band keys stored by earlier versions would
never meet the new ones. This recomputes every document's keys, and fills in the
fingerprint of documents catalogued before bands existed (revision 0003), so they
take part in near-duplicate detection too. About a millisecond per document.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.fingerprints import fingerprint

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500

documents = sa.table(
    "documents",
    sa.column("id", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("fingerprint", sa.String),
)
document_bands = sa.table(
    "document_bands", sa.column("document_id", sa.Integer), sa.column("band", sa.String)
)


def upgrade() -> None:
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
        bands: list[dict[str, object]] = []
        for doc_id, text in rows:
            print_ = fingerprint(text or "")
            if print_ is None:
                continue
            conn.execute(
                sa.update(documents)
                .where(documents.c.id == doc_id)
                .values(fingerprint=print_.text_hash)
            )
            bands.extend(
                {"document_id": doc_id, "band": band} for band in sorted(set(print_.bands))
            )
        if bands:
            conn.execute(sa.insert(document_bands), bands)
        last = rows[-1][0]


def downgrade() -> None:
    # The earlier scheme's keys cannot be computed here; without keys, documents are
    # simply not offered as near-duplicate candidates until re-imported.
    op.get_bind().execute(sa.delete(document_bands))
