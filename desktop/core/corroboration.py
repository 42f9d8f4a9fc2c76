"""The corroboration matrix of a scope a person chose (``db.corroboration`` builds it).

The scope is a set of documents (references, a collection with its sub-collections,
or a search run by the search engine: ``db.selection``) and, optionally, an event
record with the events within it. The CLI's ``compare``, and the window, use these.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import event_records
from db.analysis import Comparison, compare_figures
from db.catalogue import Catalogue
from db.corroboration import Cell, Claim, Column, Matrix, Row, matrix_for_documents, matrix_of
from db.event_records import EventRecordError
from db.models import Document, EventRecord
from db.selection import Selection, SelectionError, select_documents
from desktop.core.scope import Scope, scope_conditions


class CorroborationScopeError(ValueError):
    """A matrix scope that names nothing or what is not there; the message is for the user."""


def event_subtree(session: Session, ref: str) -> list[int]:
    """The live event *ref* and every live event within it, at any depth."""
    root = event_records.require(session, ref)
    found: list[EventRecord] = [root]
    index = 0
    while index < len(found):
        for child in event_records.children_of(session, found[index]):
            if child not in found:  # a loop in old data must not hang the matrix
                found.append(child)
        index += 1
    return [record.id for record in found]


def _document_ids(session: Session, selection: Selection) -> list[int] | None:
    if selection.is_everything:
        return None
    return [doc.id for doc in select_documents(session, selection, purpose="compare")]


def compared_in_scope(
    catalogue: Catalogue,
    *,
    event: str | None = None,
    collection: str | None = None,
    search: str | None = None,
    refs: Collection[str] | None = None,
    statuses: Sequence[str] = ("accepted",),
) -> list[Comparison]:
    """The comparisons of the claims in scope: documents chosen by *refs*,
    *collection* (with its sub-collections) or *search* (at most one), and, with
    *event*, only figures linked to that event record or an event within it.

    Raises ``CorroborationScopeError`` (one line, for the user) for an unknown event,
    collection or reference, a search that does not parse, or several document choices.
    """
    try:
        selection = Selection(refs=tuple(refs or ()), collection=collection, query=search)
        with catalogue.reading() as session:
            event_ids = event_subtree(session, event) if event else None
            return compare_figures(
                session,
                statuses=tuple(statuses),
                document_ids=_document_ids(session, selection),
                event_ids=event_ids,
            )
    except (SelectionError, EventRecordError) as exc:
        raise CorroborationScopeError(str(exc)) from exc


def corroboration_matrix(
    catalogue: Catalogue,
    *,
    event: str | None = None,
    collection: str | None = None,
    search: str | None = None,
    refs: Collection[str] | None = None,
    statuses: Sequence[str] = ("accepted",),
) -> Matrix:
    """The matrix of the claims in scope (see ``compared_in_scope``)."""
    return matrix_of(
        compared_in_scope(
            catalogue,
            event=event,
            collection=collection,
            search=search,
            refs=refs,
            statuses=statuses,
        )
    )


def matrix_in_scope(
    catalogue: Catalogue, scope: Scope, *, statuses: Sequence[str] = ("accepted",)
) -> Matrix:
    """The matrix of the documents the window's sidebar *scope* shows (the library, a
    collection with its sub-collections, a saved search...); empty for a saved search
    that no longer parses, whose list says why."""
    with catalogue.reading() as session:
        try:
            conditions = scope_conditions(session, scope)
        except ValueError:
            return Matrix((), ())
        if scope.kind == "library":
            return matrix_of(compare_figures(session, statuses=tuple(statuses)))
        ids = list(session.scalars(select(Document.id).where(*conditions)))
        return matrix_for_documents(session, ids, statuses=statuses)


__all__ = [
    "Cell",
    "Claim",
    "Column",
    "CorroborationScopeError",
    "Matrix",
    "Row",
    "compared_in_scope",
    "corroboration_matrix",
    "event_subtree",
    "matrix_for_documents",
    "matrix_in_scope",
    "matrix_of",
]
