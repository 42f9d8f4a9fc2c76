"""Saved searches ("smart collections"): a query kept under a name, run again on demand.

Only the typed text is stored, so a saved search always runs against the catalogue as
it is now; the text is parsed before it is stored, so nothing is saved that cannot run.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import SavedSearch
from db.search.query import parse_query
from db.search.run import SearchResult, search


class SavedSearchError(ValueError):
    """A saved-search operation the catalogue refuses; the message is for the person."""


def save_search(session: Session, *, name: str, query: str, replace: bool = False) -> SavedSearch:
    """Keep *query* under *name* (a smart collection). The query is checked first."""
    name = " ".join(name.split())
    if not name:
        raise SavedSearchError("a saved search needs a name")
    parse_query(query)  # raises QuerySyntaxError: never save what cannot run
    existing = session.execute(select(SavedSearch).where(SavedSearch.name == name)).scalar()
    if existing is not None:
        if not replace:
            raise SavedSearchError(f"there is already a saved search called {name!r}")
        existing.query = query
        session.flush()
        return existing
    saved = SavedSearch(name=name, query=query)
    session.add(saved)
    session.flush()
    return saved


def list_saved_searches(session: Session) -> list[SavedSearch]:
    return list(session.execute(select(SavedSearch).order_by(SavedSearch.name)).scalars())


def delete_saved_search(session: Session, *, name: str) -> bool:
    """Forget the saved search *name*; False if there was none."""
    saved = session.execute(select(SavedSearch).where(SavedSearch.name == name)).scalar()
    if saved is None:
        return False
    session.delete(saved)
    session.flush()
    return True


def run_saved_search(session: Session, *, name: str, **options: Any) -> SearchResult:
    """Run the saved search *name*; *options* as for :func:`search`."""
    saved = session.execute(select(SavedSearch).where(SavedSearch.name == name)).scalar()
    if saved is None:
        raise SavedSearchError(f"no saved search called {name!r}")
    return search(session, saved.query, **options)
