"""Where a document came from: its web address, the day it was read, who captured it,
and what the file's own metadata claimed.

A web page is cited by its URL and the day it was accessed (MLA always, Chicago when
the page gives no date, APA for pages meant to change), so both are checked here once,
for the window, the CLI and the importers alike: a URL is an absolute http(s) or ftp
address naming a host; an accessed date is one EDTF day (YYYY-MM-DD) that exists and is
not after tomorrow (a clock a day ahead somewhere on Earth is not an error).

File-internal metadata (a PDF's /CreationDate and /Author, a Word file's core
properties) is often the template's, the converter's or the machine's rather than the
document's. It is never written into the document's fields on import; it is kept in
``Document.file_guesses`` as ``{"field", "value", "source", "confidence"}`` and offered
to a person, who may accept one (an ordinary metadata edit, undone like one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from db.models import Document

WEB_SCHEMES = ("http", "https", "ftp")
LOW_CONFIDENCE = "low"
GUESS_FIELDS = ("published", "authors")  # the fields file metadata may be offered for
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ProvenanceError(ValueError):
    """A URL or accessed date that cannot be stored; the message names the field."""


def check_url(value: str) -> str:
    """*value* (stripped) when it is an absolute web address, else ``ProvenanceError``."""
    text = value.strip()
    shown = text if len(text) <= 60 else text[:59] + "…"
    if any(char.isspace() for char in text):
        raise ProvenanceError(f"URL {shown!r} has a space in it; write %20 for a space")
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise ProvenanceError(f"URL {shown!r} is not a web address ({exc})") from None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise ProvenanceError(
            f"URL {shown!r} is not a web address: it must start with http:// or https:// "
            "and name a host, e.g. https://example.org/page"
        )
    return text


def check_accessed(value: str, *, today: date | None = None) -> str:
    """*value* (stripped) when it is one existing day, YYYY-MM-DD, not in the future."""
    text = value.strip()
    match = _DAY.fullmatch(text)
    day = None
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            day = None
    if day is None:
        raise ProvenanceError(
            f"accessed date {text!r} is not a day: write YYYY-MM-DD, e.g. 2026-12-03"
        )
    latest = (today or datetime.now(UTC).date()) + timedelta(days=1)
    if day > latest:
        raise ProvenanceError(f"accessed date {text} is in the future")
    return text


@dataclass(frozen=True)
class FileGuess:
    """One value a file's own metadata offered for a field, and where it said so."""

    field: str  # "published" or "authors"
    value: str | list[str]
    source: str  # "PDF /CreationDate", "DOCX core property lastModifiedBy", …
    confidence: str = LOW_CONFIDENCE

    def as_json(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, list) else self.value
        return {
            "field": self.field,
            "value": value,
            "source": self.source,
            "confidence": self.confidence,
        }

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> FileGuess | None:
        """The guess an item stores, or None for an item of another shape."""
        field, value, source = item.get("field"), item.get("value"), item.get("source")
        if field not in GUESS_FIELDS or not isinstance(source, str):
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = list(value)
        elif not isinstance(value, str):
            return None
        confidence = item.get("confidence")
        return cls(field, value, source, confidence if isinstance(confidence, str) else "low")

    def shown(self) -> str:
        return "; ".join(self.value) if isinstance(self.value, list) else self.value


def stored_guesses(document: Document) -> list[FileGuess]:
    """Every file guess of *document*, in the order the reader made them."""
    guesses = (FileGuess.from_json(item) for item in document.file_guesses or [])
    return [guess for guess in guesses if guess is not None]


def open_guesses(document: Document) -> list[tuple[int, FileGuess]]:
    """(number from 1, guess) for guesses whose value the field does not hold yet.

    An accepted guess is the field's value, so it is no longer offered; undoing the
    acceptance brings it back. The numbers are the ones ``accept_guess`` takes.
    """
    out = []
    for number, guess in enumerate(stored_guesses(document), start=1):
        current = getattr(document, guess.field)
        if isinstance(guess.value, list):
            if list(current or []) != guess.value:
                out.append((number, guess))
        elif current != guess.value:
            out.append((number, guess))
    return out


def guess_change(document: Document, number: int) -> dict[str, Any]:
    """The metadata change that accepts guess *number* of *document* (from 1)."""
    guesses = stored_guesses(document)
    if not 1 <= number <= len(guesses):
        count = len(guesses)
        have = f"it has {count} (1–{count})" if count else "it has none"
        raise ProvenanceError(f"{document.ref} has no file-metadata guess {number}; {have}")
    guess = guesses[number - 1]
    value = list(guess.value) if isinstance(guess.value, list) else guess.value
    return {guess.field: value}
