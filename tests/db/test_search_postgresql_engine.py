"""tests/db/test_search_engine.py and test_search_filter_values.py, run on PostgreSQL:
the same tests, the same results.

Every test of those modules is collected here too; the ``catalogue`` fixture below
(a scratch PostgreSQL database) replaces the SQLite one for them.
"""

from __future__ import annotations

import pytest

from tests.db.search_postgresql import catalogue, postgresql_template
from tests.db.test_search_engine import *  # noqa: F403 — the shared tests, collected again
from tests.db.test_search_filter_values import *  # noqa: F403 — and these

pytestmark = pytest.mark.own_database

__all__ = ["catalogue", "postgresql_template"]
