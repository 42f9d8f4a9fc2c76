"""Collections (folders a person files documents into) and saved searches.

The sidebar lists both; a collection covers its sub-collections everywhere (see
``db.collections``), and a saved search is checked before it is kept, so nothing is
saved that cannot run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from db import collections as filing
from db.catalogue import Catalogue
from db.models import Collection, SavedSearch
from db.search import engine as search_engine
from desktop.core.changes import Changes, Done


@dataclass(frozen=True)
class CollectionRow:
    id: int
    parent_id: int | None
    name: str


def collections(catalogue: Catalogue) -> list[CollectionRow]:
    """Every collection, by name (the sidebar nests them by ``parent_id``)."""
    with catalogue.reading() as session:
        rows = session.execute(
            select(Collection.id, Collection.parent_id, Collection.name).order_by(Collection.name)
        )
        return [CollectionRow(i, p, n) for i, p, n in rows]


def saved_searches(catalogue: Catalogue) -> list[tuple[int, str, str]]:
    """Every saved search as (id, name, query), by name."""
    with catalogue.reading() as session:
        rows = session.execute(
            select(SavedSearch.id, SavedSearch.name, SavedSearch.query).order_by(SavedSearch.name)
        )
        return [(i, n, q) for i, n, q in rows]


def new_collection(catalogue: Catalogue, *, name: str, parent_id: int | None = None) -> Done[int]:
    """A new collection; returns its id."""
    with catalogue.writing() as session:
        collection = filing.create_collection(session, name=name, parent_id=parent_id)
        collection_id = collection.id
    return Done(collection_id, Changes(sidebar=True))


def file_documents(catalogue: Catalogue, *, collection_id: int, refs: Sequence[str]) -> Done[int]:
    """Put documents in a collection; returns how many were new to it."""
    with catalogue.writing() as session:
        added = filing.add_to_collection(session, collection_id=collection_id, refs=refs)
    return Done(added, Changes(sidebar=True))


def save_search(catalogue: Catalogue, *, name: str, query: str, replace: bool = True) -> Done[str]:
    """Keep *query* under *name*; a query that does not parse is refused (ValueError)."""
    with catalogue.writing() as session:
        saved = search_engine.save_search(session, name=name, query=query, replace=replace)
        saved_name = saved.name
    return Done(saved_name, Changes(sidebar=True))
