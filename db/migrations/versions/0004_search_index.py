"""Full-text search index: an FTS5 table of folded document text.

The table is SQLite-specific, so it is not among the portable models; its DDL lives
in ``db.search.schema`` and ``db.search.index`` keeps it in step at run time. Existing
documents are indexed here, in the migration's transaction, so an upgraded catalogue
is searchable at once. (This first index stored its own copy of the text; 0014
replaces it with a contentless one.)

On PostgreSQL this revision does nothing: FTS5 is SQLite's, and 0014 creates
PostgreSQL's index (``db.search.schema_postgresql``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from db.search.dialect import is_postgresql
from db.search.index_store import fill_legacy
from db.search.schema import DROP_SQL, LEGACY_CREATE_SQL, ignore_in_autogenerate

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The index is not in the models: keep `alembic revision --autogenerate` from
# proposing to drop it.
ignore_in_autogenerate()


def upgrade() -> None:
    if is_postgresql(op.get_bind()):
        return
    op.execute(LEGACY_CREATE_SQL)
    fill_legacy(op.get_bind())


def downgrade() -> None:
    if is_postgresql(op.get_bind()):
        return
    op.execute(DROP_SQL)
