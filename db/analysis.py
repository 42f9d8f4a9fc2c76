"""Cross-source views: figures compared by what they count, and the chronology
(computed in ``db.chronology``, re-exported here).

Catena records claims with their sources and never says which source is right. The
comparison groups figures by category (and, for breakdowns, by what exactly is
counted), lists every value with the documents that give it, and says neutrally
whether the sources agree or differ — noting when they were published at different
times, so that a figure that grew is not mistaken for a contradiction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, lazyload, load_only

from db.chronology import ChronologyRow, ChronologySource, chronology, event_names
from db.claim_kinds import claim_kind, reaches_beyond_one_event
from db.claim_periods import date_groups
from db.claim_ranges import all_agree, claim_range
from db.date_words import in_words
from db.models import Document, Figure

Verdict = Literal["agree", "differ", "single source"]
# Characters of text read on each side of a figure to find its sentence.
_CONTEXT = 160
_TEXTS_AT_ONCE = 500

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
    # The event record the group's figures are linked to; None for unlinked figures.
    event_ref: str | None = None
    event_name: str | None = None
    # For unlinked figures: the event date their documents share (EDTF, shown in
    # words); None for documents that share none.
    period: str | None = None

    @property
    def documents(self) -> list[str]:
        return sorted({ref for g in self.groups for ref in g.documents})


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def compare_figures(
    session: Session,
    *,
    statuses: tuple[str, ...] = ("accepted",),
    document_ids: Collection[int] | None = None,
    event_ids: Collection[int] | None = None,
) -> list[Comparison]:
    """Every counted thing with each source's value (optionally only among
    *document_ids*, e.g. a dossier's selection, and only figures linked to one of
    *event_ids*).

    Groups are per event first: figures linked to different event records never
    share a group (two massacres' "killed" are two questions, not a disagreement),
    and unlinked figures group only with unlinked ones of documents that date the
    same event (``db.claim_periods``: a 1987 toll is never compared with a 1992 one).

    Only claims are compared: figures that count what happened (``claim_kind``:
    killed, wounded, hostages, houses destroyed...), never durations, anniversaries,
    numbers of countries or unit numbers. They are grouped by category and subject (a
    part such as "children"; "cumulative" for a toll that reaches beyond one event,
    "since 1988"). Within a group a document's headline is its largest value — a
    smaller one in the same document is normally a subset ("56 of them were killed
    with special cruelty") — and only headlines decide whether sources agree: they
    differ when two of them cannot both be true once their qualifiers are read
    (``db.claim_ranges``), not merely when the numbers are unequal.
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
    if event_ids is not None:
        query = query.where(Figure.event_record_id.in_(list(event_ids)))
    per_group: dict[tuple[int | None, str, str | None], dict[str, list[FigureSource]]] = {}
    rows = [
        (figure, document, *sentence)
        for (figure, document), sentence in _with_sentences(session, session.execute(query).all())
    ]
    unlinked_documents = {
        document.ref: document.id
        for figure, document, _b, _a in rows
        if figure.event_record_id is None
    }
    groups_of = date_groups(session, set(unlinked_documents.values()), statuses)
    for figure, document, before, after in rows:
        kind = claim_kind(
            figure.category, figure.counted, in_breakdown=figure.part_of_id is not None
        )
        if kind is None:
            continue  # not a count of what happened: "30 years", "17 countries"
        subject = kind.subject
        if reaches_beyond_one_event(before or "", figure.quote, after or ""):
            subject = f"{subject}, cumulative" if subject else "cumulative"
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
        key = (figure.event_record_id, kind.category, subject)
        per_group.setdefault(key, {}).setdefault(document.ref, []).append(source)
    events = event_names(session, {event_id for event_id, _, _ in per_group})
    comparisons = []
    for (event_id, category, subject), by_document in per_group.items():
        if event_id is not None:
            comparisons.append(
                replace(
                    _comparison(category, subject, by_document),
                    event_ref=events[event_id][0],
                    event_name=events[event_id][1],
                )
            )
            continue
        # Unlinked figures: compared only among documents that date the same event
        # (db.claim_periods).
        by_date_group: dict[int, dict[str, list[FigureSource]]] = {}
        for ref, listed in by_document.items():
            group = groups_of[unlinked_documents[ref]].key
            by_date_group.setdefault(group, {})[ref] = listed
        for grouped in by_date_group.values():
            first_document = unlinked_documents[next(iter(grouped))]
            comparisons.append(
                replace(
                    _comparison(category, subject, grouped),
                    period=groups_of[first_document].shared,
                )
            )
    comparisons.sort(
        key=lambda c: (c.category, c.subject or "", c.event_ref or "", c.period or "~")
    )
    return comparisons


def _comparison(
    category: str, subject: str | None, by_document: dict[str, list[FigureSource]]
) -> Comparison:
    """One group's values, its verdict by intervals, and neutral notes."""
    values: dict[tuple[float, float | None], list[FigureSource]] = {}
    others: list[FigureSource] = []
    headlines: list[FigureSource] = []
    for sources in by_document.values():
        headline = max(sources, key=lambda s: (s.upper_value or s.value, -s.start))
        headlines.append(headline)
        values.setdefault((headline.value, headline.upper_value), []).append(headline)
        others.extend(
            s for s in sources if (s.value, s.upper_value) != (headline.value, headline.upper_value)
        )
    groups = [ValueGroup(v, u, sources) for (v, u), sources in values.items()]
    groups.sort(key=lambda g: (-len(g.documents), g.value))
    dates = sorted({s.published for g in groups for s in g.sources if s.published})
    ranges = [claim_range(s.value, s.upper_value, s.qualifier) for s in headlines]
    if len(by_document) < 2:
        verdict: Verdict = "single source"
    elif all_agree(ranges):
        verdict = "agree"
    else:
        verdict = "differ"
    notes = []
    if verdict == "agree" and len(groups) > 1:
        ordered = sorted(headlines, key=lambda s: (s.value, s.upper_value or s.value))
        stated = "; ".join(dict.fromkeys(as_written(s) for s in ordered))
        notes.append(f"The figures are written differently but can all be true ({stated}).")
    if verdict == "differ" and len(dates) > 1:
        # Notes are read by people (window, CLI, dossier): the dates in words.
        first, last = in_words(dates[0]), in_words(dates[-1])
        notes.append(
            f"The sources were published at different times ({first} to {last}); "
            "a later figure may reflect later information."
        )
    published = (dates[0], dates[-1]) if dates else None
    return Comparison(category, subject, groups, verdict, published, notes, others)


def as_written(source: FigureSource) -> str:
    """ "at least 7,779", "7,000–8,000": a value with its qualifier, for notes."""
    return written_value(source.value, source.upper_value, source.qualifier)


def written_value(value: float, upper_value: float | None, qualifier: str) -> str:
    """A value or interval with its qualifier ("about 200"), as notes and the matrix say it."""
    number = format_number(value)
    if upper_value is not None:
        return f"{number}–{format_number(upper_value)}"
    return ("" if qualifier == "exact" else f"{qualifier} ") + number


def _with_sentences(
    session: Session, rows: Sequence[Row[Figure, Document]]
) -> list[tuple[tuple[Figure, Document], tuple[str, str]]]:
    """Each figure with the text's _CONTEXT characters before and after it, for "since
    1988" several words before the number (the tag's own context is too short).

    Read in Python, a document's text once for all its figures and _TEXTS_AT_ONCE
    texts at a time: SQLite stores texts compressed (``db.column_types``), so SQL's
    ``substr`` cannot cut them, and whole texts are too big to hold all at once."""
    wanted = sorted({document.id for _figure, document in rows})
    by_document: dict[int, list[Figure]] = {}
    for figure, document in rows:
        by_document.setdefault(document.id, []).append(figure)
    sentences: dict[int, tuple[str, str]] = {}
    for at in range(0, len(wanted), _TEXTS_AT_ONCE):
        chunk = wanted[at : at + _TEXTS_AT_ONCE]
        for doc_id, text in session.execute(
            select(Document.id, Document.text).where(Document.id.in_(chunk))
        ):
            for figure in by_document[doc_id]:
                before = text[max(0, figure.start - _CONTEXT) : figure.start]
                sentences[figure.id] = (before, text[figure.end : figure.end + _CONTEXT])
    return [((figure, document), sentences[figure.id]) for figure, document in rows]


__all__ = [
    "ChronologyRow",
    "ChronologySource",
    "Comparison",
    "FigureSource",
    "ValueGroup",
    "Verdict",
    "as_written",
    "chronology",
    "compare_figures",
    "format_number",
    "written_value",
]
