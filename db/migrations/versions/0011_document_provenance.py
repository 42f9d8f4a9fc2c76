"""Provenance of web and file sources: accessed date, who captured, file guesses.

A web page is cited with its URL and the day it was read; an archivist records who
captured it. ``accessed`` is an EDTF day, ``captured_by`` a name. ``file_guesses``
holds what a file's own metadata claimed (a PDF's /CreationDate, a DOCX's author),
kept apart from the fields until a person accepts one: such values are often a
template's or a machine's, not the document's.

Revision ID: 0011
Revises: 0009 (the integrator re-chains this after 0010)
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("accessed", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("captured_by", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("file_guesses", sa.JSON(), nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("file_guesses")
        batch_op.drop_column("captured_by")
        batch_op.drop_column("accessed")
