"""Catalogue settings in the database: where a server catalogue's originals are.

A PostgreSQL catalogue is not a folder, so the location of its object store (a shared
folder or ``s3://``) is recorded in ``catalogue_settings`` by ``catena init`` and read
by every open (``db.settings``). Portable: the same table on both engines; a folder
catalogue starts (and stays) without rows.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalogue_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_catalogue_settings")),
    )


def downgrade() -> None:
    op.drop_table("catalogue_settings")
