"""Read models of the analysis views: figures compared across sources, the chronology.

Thin on purpose: the comparison and the chronology are computed in ``db.analysis``;
this module gives the window and the CLI the same catalogue-level entry points, each
in its own read transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db import analysis
from db.catalogue import Catalogue
from db.chronology import ChronologyRow
from db.corroboration import Matrix
from db.documents import count_documents
from db.event_records import EventRecordError
from desktop.core.corroboration import CorroborationScopeError, event_subtree, matrix_in_scope
from desktop.core.scope import Scope


def figures_compared(catalogue: Catalogue, *, statuses: Sequence[str]) -> list[Any]:
    """Figures grouped by what they count, each group's sources side by side."""
    with catalogue.reading() as session:
        return analysis.compare_figures(session, statuses=tuple(statuses))


def figures_and_matrix(
    catalogue: Catalogue,
    statuses: Sequence[str],
    scope: Scope,
    matrix_statuses: Sequence[str],
) -> tuple[list[Any], Matrix]:
    """The Figures place's two tabs in one background load: every comparison, and the
    corroboration matrix of the sidebar's *scope*."""
    return (
        figures_compared(catalogue, statuses=statuses),
        matrix_in_scope(catalogue, scope, statuses=matrix_statuses),
    )


def chronology(
    catalogue: Catalogue,
    *,
    statuses: Sequence[str],
    event: str | None = None,
    include_reporting: bool = False,
) -> list[ChronologyRow]:
    """One row per event date with every source that gives it, in order; with *event*
    (a reference, EVT-…) only dates linked to that event or an event within it.
    Publication dates are left out unless *include_reporting*.

    Raises ``CorroborationScopeError`` (one line, for the user) for an unknown event.
    """
    try:
        with catalogue.reading() as session:
            event_ids = event_subtree(session, event) if event else None
            return analysis.chronology(
                session,
                statuses=tuple(statuses),
                event_ids=event_ids,
                include_reporting=include_reporting,
            )
    except EventRecordError as exc:
        raise CorroborationScopeError(str(exc)) from exc


def document_count(catalogue: Catalogue) -> int:
    """Documents not in the Trash."""
    with catalogue.reading() as session:
        return count_documents(session)
