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
from db.corroboration import Matrix
from db.documents import count_documents
from desktop.core.corroboration import matrix_in_scope
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


def chronology(catalogue: Catalogue, *, statuses: Sequence[str]) -> list[Any]:
    """Every tagged date with the statuses given, in order."""
    with catalogue.reading() as session:
        return analysis.chronology(session, statuses=tuple(statuses))


def document_count(catalogue: Catalogue) -> int:
    """Documents not in the Trash."""
    with catalogue.reading() as session:
        return count_documents(session)
