"""Collections and what "a collection" covers: itself and every sub-collection.

A person filing documents into nested folders expects "the collection" to mean the
folder and everything under it. The search's ``collection:`` field, the window's
sidebar, dossiers and exports all ask that question, so it is answered here once, as
one recursive query the database runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import CTE, ColumnElement, Select, exists, select
from sqlalchemy.orm import Session

from db.models import Collection, Document, document_collections


def subtree(roots: Select[Any], *, name: str = "collection_subtree") -> CTE:
    """The ids of the collections *roots* selects and of all nested under them.

    ``nesting=True`` lets two such subtrees sit in one statement (two ``collection:``
    clauses of one search).
    """
    tree = roots.cte(name, recursive=True, nesting=True)
    return tree.union_all(select(Collection.id).where(Collection.parent_id == tree.c.id))


def holds_document(tree: CTE) -> ColumnElement[bool]:
    """A condition on ``Document.id``: the document is filed somewhere in *tree*."""
    return exists(
        select(1).where(
            document_collections.c.document_id == Document.id,
            document_collections.c.collection_id.in_(select(tree.c.id)),
        )
    )


def subtree_ids(session: Session, root_ids: Iterable[int]) -> list[int]:
    """The ids of *root_ids* and of every collection nested under them."""
    roots = select(Collection.id).where(Collection.id.in_(list(root_ids)))
    tree = subtree(roots)
    return list(session.execute(select(tree.c.id)).scalars())


def create_collection(session: Session, *, name: str, parent_id: int | None = None) -> Collection:
    """A new (possibly nested) collection; a blank name is refused."""
    cleaned = name.strip()
    if not cleaned:
        raise ValueError("a collection needs a name")
    collection = Collection(name=cleaned, parent_id=parent_id)
    session.add(collection)
    session.flush()
    return collection


def add_to_collection(session: Session, *, collection_id: int, refs: Sequence[str]) -> int:
    """Put documents in a collection; returns how many were new to it."""
    collection = session.get(Collection, collection_id)
    if collection is None:
        raise ValueError(f"no collection #{collection_id}")
    wanted = {ref.strip().upper() for ref in refs}
    found = {
        d.ref: d
        for d in session.execute(select(Document).where(Document.ref.in_(wanted))).scalars()
    }
    missing = sorted(wanted - set(found))
    if missing:
        raise ValueError(f"no document {', '.join(missing)} in this catalogue")
    added = 0
    for ref in refs:
        document = found[ref.strip().upper()]
        if document not in collection.documents:
            collection.documents.append(document)
            added += 1
    session.flush()
    return added
