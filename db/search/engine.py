"""The search engine's public entry points, in one place for callers that say ``engine.X``.

Each name lives in the module that does its job — running a query in
``db.search.run``, facet counts in ``db.search.facets``, saved searches in
``db.search.saved``, spelling variants in ``db.search.variants``, the query's error in
``db.search.syntax`` — and new code should import it from there. This module only
re-exports them, so it holds no logic and nothing in ``db.search`` imports it.
Module-level settings (``RANK_LIMIT``, ``MAX_YEAR_SPAN``) are read where they live;
change them there, not here.
"""

from __future__ import annotations

from db.search.facets import FACETS, FacetCount, facets
from db.search.run import Hit, SearchResult, matching, search, search_ids, search_terms
from db.search.saved import (
    SavedSearchError,
    delete_saved_search,
    list_saved_searches,
    run_saved_search,
    save_search,
)
from db.search.syntax import QuerySyntaxError
from db.search.variants import expand_variants

__all__ = [
    "FACETS",
    "FacetCount",
    "Hit",
    "QuerySyntaxError",
    "SavedSearchError",
    "SearchResult",
    "delete_saved_search",
    "expand_variants",
    "facets",
    "list_saved_searches",
    "matching",
    "run_saved_search",
    "save_search",
    "search",
    "search_ids",
    "search_terms",
]
