"""Contentless search index, its record of rows, and maintained facet counts.

The FTS5 table of 0004 stored a second copy of every text it indexed (as large as the
``documents`` table). Up: it is replaced by a contentless table, ``search_index_rows``
(what each row was made from, and its facet values) and ``facet_counts`` (library
documents per facet value), all filled from the catalogue in this transaction, so the
upgraded catalogue is searchable and its Refine counts are right at once. Down: the
0004 table, filled again the same way.

On PostgreSQL (where 0004 did nothing) up creates the index there
(``db.search.schema_postgresql``: a weighted ``tsvector`` per document with a GIN
index, the same rows and counts tables, the folded values the filters compare, and
the ``pg_trgm`` extension) and fills it; down drops those tables.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from db.search import schema_postgresql
from db.search.dialect import is_postgresql
from db.search.index_store import fill_legacy, rebuild
from db.search.schema import (
    CREATE_ALL_SQL,
    DROP_ALL_SQL,
    DROP_SQL,
    LEGACY_CREATE_SQL,
    ignore_in_autogenerate,
)

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ignore_in_autogenerate()


def upgrade() -> None:
    if is_postgresql(op.get_bind()):
        for statement in schema_postgresql.CREATE_ALL_SQL:
            op.execute(statement)
        rebuild(op.get_bind())
        return
    op.execute(DROP_SQL)
    for statement in CREATE_ALL_SQL:
        op.execute(statement)
    rebuild(op.get_bind())


def downgrade() -> None:
    if is_postgresql(op.get_bind()):
        for statement in schema_postgresql.DROP_ALL_SQL:
            op.execute(statement)
        return
    for statement in DROP_ALL_SQL:
        op.execute(statement)
    op.execute(LEGACY_CREATE_SQL)
    fill_legacy(op.get_bind())
