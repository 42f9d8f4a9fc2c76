"""tests/db/test_facet_counts.py, run on PostgreSQL: maintained counts equal counted
ones there too, after the same random work."""

from __future__ import annotations

import pytest

from tests.db.search_postgresql import catalogue, postgresql_template
from tests.db.test_facet_counts import *  # noqa: F403 — the shared tests, collected again

pytestmark = pytest.mark.own_database

__all__ = ["catalogue", "postgresql_template"]
