"""Which documents an operation covers: references, a collection, a search, or all.

One definition serves dossiers, exports and the window, so "the collection" or "this
search" means the same documents everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.collections import holds_document, subtree
from db.folding import fold
from db.models import Collection, Document


class SelectionError(ValueError):
    """A selection that names nothing, or names what is not there; for the user."""


@dataclass(frozen=True)
class Selection:
    """Which documents an operation covers: references, a collection, a search, or all.

    At most one of the three may be given; none means every document not in the trash.
    A collection includes its sub-collections, because that is what a person filing
    documents into nested folders expects "the collection" to mean.
    """

    refs: tuple[str, ...] = ()
    collection: str | None = None
    query: str | None = None

    def __post_init__(self) -> None:
        chosen = sum(bool(x) for x in (self.refs, self.collection, self.query))
        if chosen > 1:
            raise SelectionError(
                "choose documents by references, a collection or a search, not several"
            )

    @property
    def is_everything(self) -> bool:
        return not (self.refs or self.collection or self.query)

    def describe(self) -> str:
        if self.refs:
            return "Documents " + ", ".join(self.refs)
        if self.collection:
            return f"Collection “{self.collection}”"
        if self.query:
            return f"Search: {self.query}"
        return "All documents in the catalogue"


def find_collections(session: Session, name: str) -> list[Collection]:
    """Collections whose name matches *name* after folding (case, diacritics)."""
    wanted = fold(name)
    return [c for c in session.execute(select(Collection)).scalars() if fold(c.name) == wanted]


def collection_subtree(collection: Collection) -> list[Collection]:
    """*collection* and every collection nested under it, depth first: the order a
    finding aid (EAD) lists them in. Which documents a collection covers is answered
    by ``db.collections``; this only orders the records for output."""
    found, stack = [], [collection]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(sorted(current.children, key=lambda c: c.id, reverse=True))
    return found


def select_documents(
    session: Session, selection: Selection, *, purpose: str = "use"
) -> list[Document]:
    """The chosen documents in reference order; an empty choice is an error."""
    query = select(Document).where(Document.deleted_at.is_(None)).order_by(Document.id)
    if selection.refs:
        wanted = [ref.strip().upper() for ref in selection.refs]
        found = list(session.execute(query.where(Document.ref.in_(wanted))).scalars())
        missing = sorted(set(wanted) - {doc.ref for doc in found})
        if missing:
            raise SelectionError(f"no document {', '.join(missing)} in this catalogue")
        return found
    if selection.collection:
        collections = find_collections(session, selection.collection)
        if not collections:
            raise SelectionError(f"no collection named {selection.collection!r}")
        roots = select(Collection.id).where(Collection.id.in_([c.id for c in collections]))
        documents = list(session.execute(query.where(holds_document(subtree(roots)))).scalars())
    elif selection.query:
        documents = _search(session, selection.query)
    else:
        documents = list(session.execute(query).scalars())
    if not documents:
        raise SelectionError(f"the selection is empty: no documents to {purpose}")
    return documents


def _search(session: Session, text: str) -> list[Document]:
    from db.search import engine

    try:
        ids = engine.search_ids(session, text)
    except ValueError as exc:  # QuerySyntaxError carries a message for the person
        raise SelectionError(str(getattr(exc, "message", exc))) from exc
    rows = {
        doc.id: doc
        for doc in session.execute(select(Document).where(Document.id.in_(ids))).scalars()
    }
    return sorted((rows[i] for i in ids if i in rows), key=lambda doc: doc.id)
