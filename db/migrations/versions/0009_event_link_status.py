"""Whether a figure's or date's link to an event record is suggested or accepted.

0008 gave figures and date tags an ``event_record_id``; a link can now be proposed by
the suggester (which reads event names near the figure) before a person confirms it,
as tags themselves are. ``event_link_status`` is "suggested" or "accepted", and NULL
when there is no link. Links that already exist were made by a person (or by a merge
of records a person linked), so they become "accepted".

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("figures", "date_tags")
CHECK = "event_link_status IN ('suggested', 'accepted')"


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("event_link_status", sa.String(length=12), nullable=True))
            batch_op.create_check_constraint("event_link_status", CHECK)
        rows = sa.table(
            table, sa.column("event_record_id", sa.Integer), sa.column("event_link_status")
        )
        op.execute(
            rows.update()
            .where(rows.c.event_record_id.is_not(None))
            .values(event_link_status="accepted")
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_event_link_status"), type_="check")
            batch_op.drop_column("event_link_status")
