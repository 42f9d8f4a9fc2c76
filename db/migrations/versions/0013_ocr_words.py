"""OCR: each word's page and box, and the versions a document's text has had.

A scan's working text is read by OCR; ``ocr_words`` keeps every word's characters in
that text and its box on the page image (fractions of the page), so a tag on OCR text
knows the region of the scan it comes from. ``text_versions`` keeps each text a
document has had (read by OCR, corrected by a person) with its SHA-256 and how it was
made. Both start empty: documents imported before had no OCR.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ocr_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("left", sa.Float(), nullable=False),
        sa.Column("top", sa.Float(), nullable=False),
        sa.Column("right", sa.Float(), nullable=False),
        sa.Column("bottom", sa.Float(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_ocr_words_word_bounds")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_ocr_words_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ocr_words")),
    )
    op.create_index("ix_ocr_words_document_start", "ocr_words", ["document_id", "start"])
    op.create_table(
        "text_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.CheckConstraint("origin IN ('ocr', 'correction')", name=op.f("ck_text_versions_origin")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_text_versions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_versions")),
        sa.UniqueConstraint("document_id", "number", name=op.f("uq_text_versions_document_id")),
    )
    op.create_index(
        op.f("ix_text_versions_document_id"), "text_versions", ["document_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_text_versions_document_id"), table_name="text_versions")
    op.drop_table("text_versions")
    op.drop_index("ix_ocr_words_document_start", table_name="ocr_words")
    op.drop_table("ocr_words")
