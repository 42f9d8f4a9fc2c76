"""Cross-source views: figures compared by what they count, and the chronology.

Catena records claims with their sources and never says which source is right. The
comparison groups figures by category (and, for breakdowns, by what exactly is
counted), lists every value with the documents that give it, and says neutrally
whether the sources agree or differ — noting when they were published at different
times, so that a figure that grew is not mistaken for a contradiction.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload, load_only

from db.folding import fold
from db.models import DateTag, Document, Figure

Verdict = Literal["agree", "differ", "single source"]

# These views need a document's reference, title and dates, never its text: loading
# whole documents made a comparison over 40,000 documents take 13 s and 600 MB.
_DOCUMENT_HEADER = (
    load_only(Document.id, Document.ref, Document.title, Document.publisher, Document.published),
    lazyload(Document.original),
)


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
    # Further values a document gives in the same group (smaller parts, restatements).
    also_stated: list[FigureSource] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({ref for g in self.groups for ref in g.documents})


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


_IRREGULAR = {
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "person",
    "persons": "person",
    "elders": "elder",
    "elderly": "elderly",
}
# Breakdowns name a part of a population; compared separately from the whole.
POPULATION_PARTS = {
    "children": {"child", "kid", "minor", "boy", "girl", "infant", "baby", "orphan"},
    "women": {"woman"},
    "men": {"man"},
    "elderly": {"elderly", "elder", "pensioner", "aged"},
}
# Counts of things rather than people: never compared with counts of people.
UNITS = {
    "family",
    "household",
    "village",
    "settlement",
    "town",
    "house",
    "building",
    "grave",
    "school",
    "region",
    "country",
    "state",
    "city",
    "district",
    "hospital",
}
# Durations ("30 years") depend on when a source was written; they are not claims
# to compare across sources.
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "decade", "century"}


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")) and len(word) > 4:
        return word[:-2]  # witnesses, churches, boxes
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _words(counted: str) -> list[str]:
    import re

    return [_singular(w) for w in re.findall(r"[a-z]+", fold(counted))]


GENERIC_PEOPLE = {
    "person",
    "resident",
    "civilian",
    "inhabitant",
    "individual",
    "victim",
    "citizen",
    "neighbour",
    "neighbor",
    "villager",
    "local",
}


def _fallback_category(counted: str) -> str:
    """Group an uncategorised figure by its head noun ("24 states" with "22 U.S.
    states"), except counts of people in general, which say too little on their own
    ("38 people over seventy" is not comparable with "352 people treated"): those are
    grouped only with the same words."""
    words = _words(counted)
    if not words:
        return "uncategorised"
    if words[-1] in GENERIC_PEOPLE or len(POPULATION_PARTS.keys() & set(words)):
        return " ".join(words)
    return words[-1]


def _bare_people(counted: str) -> bool:
    words = _words(counted)
    return not words or set(words) <= GENERIC_PEOPLE


def subject_of(counted: str) -> str | None:
    """What exactly a figure counts, when it is a part or a unit: "children", "family".

    None means people in general (civilians, residents, victims...), which is how the
    headline figures of different sources are written and compared.
    """
    words = _words(counted)
    for name, keys in POPULATION_PARTS.items():
        if keys & set(words):
            return name
    for word in words:
        if word in UNITS:
            return word
    return None


def is_duration(counted: str) -> bool:
    words = _words(counted)
    return bool(words) and words[0] in TIME_UNITS


def compare_figures(
    session: Session,
    *,
    statuses: tuple[str, ...] = ("accepted",),
    document_ids: Collection[int] | None = None,
) -> list[Comparison]:
    """Every counted thing with each source's value (optionally only among
    *document_ids*, e.g. a dossier's selection).

    Figures are grouped by category and subject (``subject_of``). Within a group a
    document's headline is its largest value — a smaller one in the same document is
    normally a subset ("56 of them were killed with special cruelty") — and only
    headlines decide whether sources agree; the other statements stay listed.
    """
    query = (
        select(Figure, Document)
        .join(Document, Figure.document_id == Document.id)
        .where(Figure.status.in_(statuses), Document.deleted_at.is_(None))
        .order_by(Document.id, Figure.start)
        .options(*_DOCUMENT_HEADER)
    )
    if document_ids is not None:
        query = query.where(Document.id.in_(list(document_ids)))
    per_group: dict[tuple[str, str | None], dict[str, list[FigureSource]]] = {}
    for figure, document in session.execute(query).all():
        if figure.category is None and (
            is_duration(figure.counted) or _bare_people(figure.counted)
        ):
            continue  # nothing comparable is said: "30 years", "38 people"
        subject = subject_of(figure.counted)
        # An uncategorised breakdown ("61 children") is compared as that part.
        category = figure.category or subject or _fallback_category(figure.counted)
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
        key = (category, None if subject == category else subject)
        per_group.setdefault(key, {}).setdefault(document.ref, []).append(source)
    comparisons = []
    for (category, subject), by_document in sorted(
        per_group.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
    ):
        values: dict[tuple[float, float | None], list[FigureSource]] = {}
        others: list[FigureSource] = []
        for sources in by_document.values():
            headline = max(sources, key=lambda s: (s.upper_value or s.value, -s.start))
            values.setdefault((headline.value, headline.upper_value), []).append(headline)
            others.extend(
                s
                for s in sources
                if (s.value, s.upper_value) != (headline.value, headline.upper_value)
            )
        groups = [ValueGroup(v, u, sources) for (v, u), sources in values.items()]
        groups.sort(key=lambda g: (-len(g.documents), g.value))
        dates = sorted({s.published for g in groups for s in g.sources if s.published})
        if len(by_document) < 2:
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
                category,
                subject,
                groups,
                verdict,
                (dates[0], dates[-1]) if dates else None,
                notes,
                others,
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
    session: Session,
    *,
    statuses: tuple[str, ...] = ("accepted",),
    document_ids: Collection[int] | None = None,
) -> list[ChronologyEntry]:
    """Dates in order of their earliest possible day; undated-year dates come last."""
    query = (
        select(DateTag, Document)
        .join(Document, DateTag.document_id == Document.id)
        .where(DateTag.status.in_(statuses), Document.deleted_at.is_(None))
        .options(*_DOCUMENT_HEADER)
    )
    if document_ids is not None:
        query = query.where(Document.id.in_(list(document_ids)))
    rows = session.execute(query).all()
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
