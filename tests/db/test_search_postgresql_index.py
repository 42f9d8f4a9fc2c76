"""tests/db/test_search_index.py, run on PostgreSQL, and what only PostgreSQL has: the
index's tables, stale rows (which a foreign key keeps out of ``search_index`` there),
migration 0014's PostgreSQL branch, and the tsvector's own rules."""

from __future__ import annotations

from tests.db.search_postgresql import catalogue, postgresql_template
from tests.db.test_search_index import *  # noqa: F403 — the shared tests, collected again
from tests.db.test_search_index import (
    test_index_table_is_fts5_with_the_documented_tokenizer,
    test_migration_creates_backfills_and_drops_the_index,
    test_stale_index_rows_are_reported,
)

# SQLite's own: FTS5's table, a migration run on a SQLite file, FTS5 rows without a
# document. Their PostgreSQL counterparts are below.
del test_index_table_is_fts5_with_the_documented_tokenizer
del test_migration_creates_backfills_and_drops_the_index
del test_stale_index_rows_are_reported

__all__ = ["catalogue", "postgresql_template"]
