"""Events as authority records, and the links dates and figures will have to them.

Sources name the same event many ways ("Khojaly massacre", "Xocalı soyqırımı",
"Ходжалинская трагедия"); an event record holds those names, its place, its EDTF
date with day bounds, its kind and the larger event it belongs to. Figures and date
tags get a nullable ``event_record_id`` (and date tags a ``role``: does the date give
when the event happened, when it was reported, or something else) so that a later
change can say which event a figure counts. Nothing existing is rewritten.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=20), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("preferred_name", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("edtf", sa.String(length=60), nullable=True),
        sa.Column("lower", sa.String(length=10), nullable=True),
        sa.Column("upper", sa.String(length=10), nullable=True),
        sa.Column("kind", sa.String(length=60), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("deleted_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["event_records.id"],
            name=op.f("fk_event_records_parent_id_event_records"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_records")),
        sa.UniqueConstraint("ref", name=op.f("uq_event_records_ref")),
        sa.UniqueConstraint("uid", name=op.f("uq_event_records_uid")),
    )
    with op.batch_alter_table("event_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_records_lower"), ["lower"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_records_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_records_deleted_at"), ["deleted_at"], unique=False
        )
    op.create_table(
        "event_record_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_record_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("script", sa.String(length=10), nullable=True),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_record_id"],
            ["event_records.id"],
            name=op.f("fk_event_record_names_event_record_id_event_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_record_names")),
        sa.UniqueConstraint(
            "event_record_id", "name", name=op.f("uq_event_record_names_event_record_id")
        ),
    )
    with op.batch_alter_table("event_record_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_record_names_folded"), ["folded"], unique=False)
    for table in ("figures", "date_tags"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("event_record_id", sa.Integer(), nullable=True))
            if table == "date_tags":
                batch_op.add_column(sa.Column("role", sa.String(length=12), nullable=True))
            batch_op.create_index(
                batch_op.f(f"ix_{table}_event_record_id"), ["event_record_id"], unique=False
            )
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_event_record_id_event_records"),
                "event_records",
                ["event_record_id"],
                ["id"],
                ondelete="SET NULL",
            )


def downgrade() -> None:
    for table in ("date_tags", "figures"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_event_record_id_event_records"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_event_record_id"))
            batch_op.drop_column("event_record_id")
            if table == "date_tags":
                batch_op.drop_column("role")
    with op.batch_alter_table("event_record_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_record_names_folded"))
    op.drop_table("event_record_names")
    with op.batch_alter_table("event_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_records_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_event_records_parent_id"))
        batch_op.drop_index(batch_op.f("ix_event_records_lower"))
    op.drop_table("event_records")
