"""Cross-source views: figures compared by what they count, and the chronology.

Catena records claims with their sources and never says which source is right. The
comparison groups figures by category (and, for breakdowns, by what exactly is
counted), lists every value with the documents that give it, and says neutrally
whether the sources agree or differ — noting when they were published at different
times, so that a figure that grew is not mistaken for a contradiction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.folding import fold
from db.models import DateTag, Document, Figure

Verdict = Literal["agree", "differ", "single source"]


@dataclass(frozen=True)
class FigureSource:
    figure_id: int
    document_ref: str
    document_title: str | None
    publisher: str | None
    published: str | None
    value: float
    upper_value: float | None
    qualifier: str
    counted: str
    quote: str
    start: int
    end: int
    status: str


@dataclass(frozen=True)
class ValueGroup:
    value: float
    upper_value: float | None
    sources: list[FigureSource]

    @property
    def documents(self) -> list[str]:
        return sorted({s.document_ref for s in self.sources})

    @property
    def label(self) -> str:
        text = format_number(self.value)
        if self.upper_value is not None:
            text += f"–{format_number(self.upper_value)}"
        return text


@dataclass(frozen=True)
class Comparison:
    category: str
    subject: str | None  # for breakdowns: what exactly is counted ("women killed")
    groups: list[ValueGroup]
    verdict: Verdict
    published_range: tuple[str, str] | None
    notes: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({ref for g in self.groups for ref in g.documents})


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def compare_figures(
    session: Session, *, statuses: tuple[str, ...] = ("accepted",)
) -> list[Comparison]:
    rows = session.execute(
        select(Figure, Document)
        .join(Document, Figure.document_id == Document.id)
        .where(Figure.status.in_(statuses), Document.deleted_at.is_(None))
        .order_by(Document.id, Figure.start)
    ).all()
    buckets: dict[tuple[str, str | None], dict[tuple[float, float | None], list[FigureSource]]]
    buckets = {}
    for figure, document in rows:
        category = figure.category or fold(figure.counted) or "uncategorised"
        subject = fold(figure.counted) if figure.part_of_id is not None else None
        source = FigureSource(
            figure_id=figure.id,
            document_ref=document.ref,
            document_title=document.title,
            publisher=document.publisher,
            published=document.published,
            value=figure.value,
            upper_value=figure.upper_value,
            qualifier=figure.qualifier,
            counted=figure.counted,
            quote=figure.quote,
            start=figure.start,
            end=figure.end,
            status=figure.status,
        )
        values = buckets.setdefault((category, subject), {})
        group = values.setdefault((figure.value, figure.upper_value), [])
        if all(s.document_ref != document.ref for s in group):
            group.append(source)
    comparisons = []
    for (category, subject), values in sorted(
        buckets.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
    ):
        groups = [ValueGroup(v, u, sources) for (v, u), sources in values.items()]
        groups.sort(key=lambda g: (-len(g.documents), g.value))
        documents = {s.document_ref for g in groups for s in g.sources}
        dates = sorted({s.published for g in groups for s in g.sources if s.published})
        if len(documents) < 2:
            verdict: Verdict = "single source"
        elif len(groups) == 1:
            verdict = "agree"
        else:
            verdict = "differ"
        notes = []
        if verdict == "differ" and len(dates) > 1:
            notes.append(
                f"The sources were published at different times ({dates[0]} to {dates[-1]}); "
                "a later figure may reflect later information."
            )
        comparisons.append(
            Comparison(
                category, subject, groups, verdict, (dates[0], dates[-1]) if dates else None, notes
            )
        )
    return comparisons


@dataclass(frozen=True)
class ChronologyEntry:
    tag_id: int
    edtf: str
    lower: str | None
    upper: str | None
    what: str | None
    quote: str
    start: int
    end: int
    document_ref: str
    document_title: str | None
    published: str | None
    status: str


def chronology(
    session: Session, *, statuses: tuple[str, ...] = ("accepted",)
) -> list[ChronologyEntry]:
    """Dates in order of their earliest possible day; undated-year dates come last."""
    rows = session.execute(
        select(DateTag, Document)
        .join(Document, DateTag.document_id == Document.id)
        .where(DateTag.status.in_(statuses), Document.deleted_at.is_(None))
    ).all()
    entries = [
        ChronologyEntry(
            tag.id,
            tag.edtf,
            tag.lower,
            tag.upper,
            tag.what,
            tag.quote,
            tag.start,
            tag.end,
            doc.ref,
            doc.title,
            doc.published,
            tag.status,
        )
        for tag, doc in rows
    ]
    entries.sort(
        key=lambda e: (e.lower is None, e.lower or "", e.upper or "", e.document_ref, e.start)
    )
    return entries
