"""Near-duplicate candidate index: MinHash bands per document.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_bands",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_bands_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "band", name=op.f("pk_document_bands")),
    )
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_bands_band"), ["band"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_bands_band"))
    op.drop_table("document_bands")
