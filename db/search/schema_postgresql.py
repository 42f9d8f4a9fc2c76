"""The search index's tables on PostgreSQL (migration 0014's PostgreSQL branch).

The same names as on SQLite (``db.search.schema``) so callers do not change:

* ``search_index``: one ``tsvector`` per document (``db.search.tsvector`` builds it
  from the folded columns, with weights), searched through a GIN index. Its id
  references the document and goes with it (``ON DELETE CASCADE``); the vector is
  replaced whole on every change, so nothing needs the old text (the SQLite
  contentless table's un-indexing before a text changes has no counterpart here).
* ``search_index_rows`` and ``facet_counts``: as on SQLite, the facet values a
  document's row was made with as ``jsonb``.
* ``search_folds``: each catalogue value a field filter compares (publishers, types,
  people's names, tag and collection names) with its ``db.folding.fold``. SQLite folds
  in SQL with ``catena_fold``, a Python function PostgreSQL cannot call, so the fold is
  computed in Python when the value is indexed; the filters look values up here, with
  ``pg_trgm`` serving "contains" and "word starts with". A value's fold never changes,
  so rows are only ever added (``db.search.tsvector_store``).
"""

from __future__ import annotations

INDEX_TABLE = "search_index"
ROWS_TABLE = "search_index_rows"
FACET_COUNTS_TABLE = "facet_counts"
FOLDS_TABLE = "search_folds"

CREATE_ALL_SQL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE TABLE {INDEX_TABLE} (id INTEGER PRIMARY KEY"
    " REFERENCES documents (id) ON DELETE CASCADE, doc tsvector NOT NULL)",
    f"CREATE INDEX ix_{INDEX_TABLE}_doc ON {INDEX_TABLE} USING gin (doc)",
    f"CREATE TABLE {ROWS_TABLE} (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
    " people TEXT NOT NULL, extra TEXT NOT NULL, body_sha256 TEXT NOT NULL,"
    " facets jsonb NOT NULL)",
    f"CREATE TABLE {FACET_COUNTS_TABLE} (facet TEXT NOT NULL, value TEXT NOT NULL,"
    " documents INTEGER NOT NULL, PRIMARY KEY (facet, value))",
    f"CREATE TABLE {FOLDS_TABLE} (raw TEXT PRIMARY KEY, folded TEXT NOT NULL)",
    f"CREATE INDEX ix_{FOLDS_TABLE}_folded ON {FOLDS_TABLE} (folded text_pattern_ops)",
    f"CREATE INDEX ix_{FOLDS_TABLE}_trgm ON {FOLDS_TABLE} USING gin (folded gin_trgm_ops)",
)
"""Everything the index is made of on PostgreSQL, created in this order."""

DROP_ALL_SQL = tuple(
    f"DROP TABLE IF EXISTS {name}"
    for name in (INDEX_TABLE, ROWS_TABLE, FACET_COUNTS_TABLE, FOLDS_TABLE)
)
"""The extension stays: other objects may use it, and it holds no data."""
