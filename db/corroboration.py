"""The corroboration matrix: which source says what about each counted thing.

Built from ``db.analysis.compare_figures``: one row per (event, what is counted,
subject), one column per source document in order of publication (undated last), and
in each cell the claim as the source wrote it — its quote, qualifier and value or
interval — with the tag id and character span, so a person can open the passage.
Rows where the sources differ come first, because those are the ones to read; each
row keeps the comparison's neutral verdict and notes, never a judgement of which
source is right. It lives in ``db`` so the dossier and the core build the same
matrix; choosing the scope is ``desktop.core.corroboration``'s job.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.analysis import Comparison, FigureSource, Verdict, compare_figures, written_value
from db.date_locales import DEFAULT_DATE_LOCALE
from db.date_words import in_words

_VERDICT_ORDER: dict[str, int] = {"differ": 0, "agree": 1, "single source": 2}


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
    period: str | None = None  # unlinked figures: the years their dates give

    def scope(self, locale: str = DEFAULT_DATE_LOCALE) -> str:
        """Whose figures the row holds: "EVT-1 Khojaly massacre", or for unlinked
        figures "no event linked, shared date 25–26 February 1992"."""
        if self.event_ref:
            return f"{self.event_ref} {self.event_name or ''}".strip()
        if self.period:
            return f"no event linked, shared date {in_words(self.period, locale)}"
        return "no event linked"

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
        period=comparison.period,
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
        key=lambda r: (
            _VERDICT_ORDER[r.verdict],
            r.event_ref or "",
            r.period or "~",
            r.category,
            r.subject or "",
        ),
    )
    return Matrix(tuple(ordered), tuple(rows))


def matrix_for_documents(
    session: Session, document_ids: Collection[int], *, statuses: Sequence[str] = ("accepted",)
) -> Matrix:
    """The matrix over *document_ids* inside an open read (the dossier's data)."""
    return matrix_of(compare_figures(session, statuses=tuple(statuses), document_ids=document_ids))


__all__ = ["Cell", "Claim", "Column", "Matrix", "Row", "matrix_for_documents", "matrix_of"]
