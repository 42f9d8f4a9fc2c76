"""The corroboration matrix: which source says what about each counted thing.

A read model over ``db.analysis.compare_figures``: one row per (event, what is
counted, subject), one column per source document in order of publication (undated
last), and in each cell the claim as the source wrote it — its quote, qualifier and
value or interval — with the tag id and character span, so a person can open the
passage. Rows where the sources differ come first, because those are the ones to
read; each row keeps the comparison's neutral verdict and notes, never a judgement
of which source is right.

The scope is a set of documents (references, a collection with its sub-collections,
or a search run by the search engine: ``db.selection``) and, optionally, an event
record with the events within it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import event_records
from db.analysis import Comparison, FigureSource, Verdict, compare_figures, written_value
from db.catalogue import Catalogue
from db.event_records import EventRecordError
from db.models import EventRecord
from db.selection import Selection, SelectionError, select_documents

_VERDICT_ORDER: dict[str, int] = {"differ": 0, "agree": 1, "single source": 2}


class CorroborationScopeError(ValueError):
    """A matrix scope that names nothing or what is not there; the message is for the user."""


@dataclass(frozen=True)
class Claim:
    """One figure as its source wrote it, with what is needed to open the passage."""

    tag_id: int
    quote: str
    qualifier: str
    value: float
    upper_value: float | None
    start: int
    end: int
    status: str

    @property
    def as_written(self) -> str:
        """ "at least 7,779", "7,000–8,000": the value with its qualifier."""
        return written_value(self.value, self.upper_value, self.qualifier)


@dataclass(frozen=True)
class Cell:
    """What one document claims in one row: its headline first, then any further
    values it gives there (a smaller part, a restatement)."""

    document_ref: str
    claims: tuple[Claim, ...]

    @property
    def headline(self) -> Claim:
        return self.claims[0]


@dataclass(frozen=True)
class Column:
    """A source document, as a column heading."""

    ref: str
    title: str | None
    publisher: str | None
    published: str | None


@dataclass(frozen=True)
class Row:
    """One counted thing of one event, with each source's claim and the verdict."""

    event_ref: str | None
    event_name: str | None
    category: str
    subject: str | None
    verdict: Verdict
    notes: tuple[str, ...]
    cells: dict[str, Cell]  # by document reference

    @property
    def label(self) -> str:
        """ "killed — children", as the comparison headings say it."""
        return self.category + (f" — {self.subject}" if self.subject else "")


@dataclass(frozen=True)
class Matrix:
    """Rows (disagreements first) by columns (sources in order of publication)."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def cell(self, row: Row, column: Column) -> Cell | None:
        return row.cells.get(column.ref)


def _claim(source: FigureSource) -> Claim:
    return Claim(
        tag_id=source.figure_id,
        quote=source.quote,
        qualifier=source.qualifier,
        value=source.value,
        upper_value=source.upper_value,
        start=source.start,
        end=source.end,
        status=source.status,
    )


def _row(comparison: Comparison) -> Row:
    headlines: dict[str, list[FigureSource]] = {}
    for group in comparison.groups:
        for source in group.sources:
            headlines.setdefault(source.document_ref, []).append(source)
    for source in comparison.also_stated:
        headlines.setdefault(source.document_ref, []).append(source)
    cells = {
        ref: Cell(ref, tuple(_claim(s) for s in sources)) for ref, sources in headlines.items()
    }
    return Row(
        event_ref=comparison.event_ref,
        event_name=comparison.event_name,
        category=comparison.category,
        subject=comparison.subject,
        verdict=comparison.verdict,
        notes=tuple(comparison.notes),
        cells=cells,
    )


def matrix_of(comparisons: Sequence[Comparison]) -> Matrix:
    """The matrix of already computed comparisons (the dossier has them)."""
    columns: dict[str, Column] = {}
    for comparison in comparisons:
        for source in [s for g in comparison.groups for s in g.sources]:
            columns.setdefault(
                source.document_ref,
                Column(
                    source.document_ref, source.document_title, source.publisher, source.published
                ),
            )
    ordered = sorted(
        columns.values(), key=lambda c: (c.published is None, c.published or "", c.ref)
    )
    rows = sorted(
        (_row(c) for c in comparisons),
        key=lambda r: (_VERDICT_ORDER[r.verdict], r.event_ref or "", r.category, r.subject or ""),
    )
    return Matrix(tuple(ordered), tuple(rows))


def _event_subtree(session: Session, ref: str) -> list[int]:
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
            event_ids = _event_subtree(session, event) if event else None
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


def matrix_for_documents(
    session: Session, document_ids: Collection[int], *, statuses: Sequence[str] = ("accepted",)
) -> Matrix:
    """The matrix over *document_ids* inside an open read (the dossier's data)."""
    return matrix_of(compare_figures(session, statuses=tuple(statuses), document_ids=document_ids))


__all__ = [
    "Cell",
    "Claim",
    "Column",
    "CorroborationScopeError",
    "Matrix",
    "Row",
    "compared_in_scope",
    "corroboration_matrix",
    "matrix_for_documents",
    "matrix_of",
]
