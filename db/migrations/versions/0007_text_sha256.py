"""Fixity for the working text: a SHA-256 recorded with every document's text.

Until now only originals had a recorded hash, so a character changed in a stored text
(which tags point into) went unnoticed. This adds ``documents.text_sha256`` and
fills it from each document's text as it stands (the best that can be known about
texts written before the hash existed); ``catena verify`` checks it from then on.
Streamed in chunks by id, so a large catalogue is never loaded at once.

The column is added as nullable with a plain ``ALTER TABLE ... ADD COLUMN``: making
it NOT NULL would mean copying the whole documents table, and a NULL (a row some
other program inserted) is reported by ``catena verify`` anyway.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.models import hash_text

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500

documents = sa.table(
    "documents",
    sa.column("id", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("text_sha256", sa.String),
)


def upgrade() -> None:
    op.add_column("documents", sa.Column("text_sha256", sa.String(length=64), nullable=True))
    conn = op.get_bind()
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
        conn.execute(
            sa.update(documents)
            .where(documents.c.id == sa.bindparam("doc_id"))
            .values(text_sha256=sa.bindparam("digest")),
            [{"doc_id": doc_id, "digest": hash_text(text or "")} for doc_id, text in rows],
        )
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("text_sha256")
