"""tests/db/test_search_engine.py, run on PostgreSQL: the same tests, the same results.

Every test of that module is collected here too; the ``catalogue`` fixture below
(a scratch PostgreSQL database) replaces the SQLite one for them.
"""

from __future__ import annotations

from tests.db.search_postgresql import catalogue, postgresql_template
from tests.db.test_search_engine import *  # noqa: F403 — the shared tests, collected again

__all__ = ["catalogue", "postgresql_template"]
