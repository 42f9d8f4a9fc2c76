"""What a worker of the suggestion pass runs: the suggesters on one document's text.

Kept apart from ``suggest_pass`` (which reads and writes the catalogue) so that a
worker process imports only the suggesters: no database layer, no readers. Workers
start once per pass, and on two cores their start-up is not free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.extract import Suggestions


@dataclass(frozen=True)
class SuggestJob:
    """One marked document's text and what the suggesters are told about it."""

    id: int
    text: str
    language_spans: Any
    language: str | None
    published: str | None


def suggest_one(job: SuggestJob) -> Suggestions | str:
    """The document's suggestions, or why they could not be made (never raises)."""
    from desktop.extract.document_context import suggest_for_document  # where it runs

    try:
        return suggest_for_document(
            job.text,
            language_spans=job.language_spans,
            language=job.language,
            published=job.published,
        )
    except Exception as exc:  # a suggester bug costs this document's suggestions only
        return f"could not be analysed ({type(exc).__name__}: {exc})"
