"""Confidence of each suggested tag, for the review queue's filter and sort.

A suggester gives each date, figure and person a confidence (the share of suggestions
of that shape found right on the team's held-out development set); tags made by a
person, and those suggested before this revision, have none.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("date_tags", "figures", "mentions")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("confidence")
