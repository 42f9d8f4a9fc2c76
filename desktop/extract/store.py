"""Store tag suggestions in the catalogue, and accept them in bulk.

The suggesters (``desktop.extract``) only read text; this module turns their output
into tags with status "suggested". Spans that already carry a tag of the same kind —
accepted, suggested or *rejected* — are skipped, which is what keeps a rejected
suggestion rejected when suggestions run again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from db.dates import edtf_bounds
from db.models import Document, new_uid, utcnow
from db.spans import anchor
from db.suggested_tags import SuggestedRows, write_suggested
from db.tags import TagKind, span_keys
from desktop.extract import Suggestions
from desktop.extract.document_context import suggest_for_document


class Suggestible(Protocol):
    """What storing suggestions needs of a document: a ``Document``, or the import's
    record of one it has just written without loading it."""

    @property
    def id(self) -> int: ...
    @property
    def ref(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class SuggestResult:
    document_ref: str
    added: dict[str, int]
    skipped: int

    @property
    def total(self) -> int:
        return sum(self.added.values())


def store_suggestions(
    session: Session,
    *,
    document: Suggestible,
    suggestions: Suggestions,
    actor: str,
    new_document: bool = False,
    existing: set[tuple[str, int, int]] | None = None,
) -> SuggestResult:
    """Add *suggestions* for *document* as suggested tags; returns what was added.

    *existing* is the spans of the document's tags when the caller has read them
    already (the suggestion pass reads a whole batch's at once); otherwise they are
    read here.

    Builds the rows here (spans anchored, bounds of dates worked out) and writes them
    through ``db.suggested_tags`` (bulk inserts, search index, audit). Tags already
    loaded on *document* are not refreshed until the transaction ends.
    """
    text = document.text
    # A document catalogued in this same transaction has no tags yet: skip the lookup.
    if existing is None:
        existing = set() if new_document else span_keys(session, document.id)
    added = {"date": 0, "figure": 0, "mention": 0}
    skipped = 0
    now = utcnow()

    def fresh(kind: TagKind, start: int, end: int) -> dict[str, Any] | None:
        nonlocal skipped
        if (kind, start, end) in existing or not 0 <= start < end <= len(text):
            skipped += 1
            return None
        existing.add((kind, start, end))
        added[kind] += 1
        a = anchor(text, start, end)
        return {
            "uid": new_uid(),
            "document_id": document.id,
            "start": a.start,
            "end": a.end,
            "quote": a.quote,  # prefix and suffix: read from the text (SpanMixin)
            "status": "suggested",
            "origin": "suggested",
            "note": None,
            "created_at": now,
            "updated_at": now,
        }

    rows = SuggestedRows()
    for date in suggestions.dates:
        if (row := fresh("date", date.start, date.end)) is not None:
            lower, upper = (date.lower, date.upper)
            if lower is None and upper is None:
                lower, upper = edtf_bounds(date.edtf)
            row.update(
                edtf=date.edtf,
                what=date.what,
                certainty=date.certainty,
                lower=lower,
                upper=upper,
                confidence=date.confidence,
            )
            rows.dates.append(row)
    for index, figure in enumerate(suggestions.figures):
        if (row := fresh("figure", figure.start, figure.end)) is not None:
            row.update(
                value=figure.value,
                upper_value=figure.upper_value,
                qualifier=figure.qualifier,
                counted=figure.counted,
                category=figure.category,
                part_of_id=None,
                confidence=figure.confidence,
            )
            rows.figures.append((index, figure.part_of, row))
    for person in suggestions.people:
        if (row := fresh("mention", person.start, person.end)) is not None:
            row.update(
                name=person.name,
                variants=list(person.variants),
                role=person.role,
                is_organisation=person.is_organisation,
                agent_id=None,
                confidence=person.confidence,
            )
            rows.mentions.append(row)
    write_suggested(
        session,
        document_id=document.id,
        document_ref=document.ref,
        rows=rows,
        added=added,
        actor=actor,
    )
    return SuggestResult(document.ref, added, skipped)


def suggest_document(
    session: Session, *, document: Document, actor: str, new_document: bool = False
) -> SuggestResult:
    """Suggest and store tags for a catalogued *document*, read with its stored
    paragraph languages and its publication day (``document_context``)."""
    suggestions = suggest_for_document(
        document.text,
        language_spans=document.language_spans,
        language=document.language,
        published=document.published,
    )
    return store_suggestions(
        session,
        document=document,
        suggestions=suggestions,
        actor=actor,
        new_document=new_document,
    )
