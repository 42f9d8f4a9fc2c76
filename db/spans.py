"""Text anchors in the W3C Web Annotation manner: position plus quote with context.

A tag stores start/end offsets *and* the exact quote; its prefix and suffix (the
characters around the quote) are read from the document's working text at the offsets
(``context``), which is fixed and SHA-256-checked, so storing them again would only
double it. Offsets are fast; the quote makes a tag checkable ("does the text still
say this here?") and, with the context, re-anchorable when offsets no longer fit (a
text corrected or cleaned again, an export read by another tool).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

CONTEXT = 32


class SpanError(ValueError):
    """Offsets that do not describe a non-empty range of the text."""


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def anchor(text: str, start: int, end: int, *, context: int = CONTEXT) -> Anchor:
    """The anchor for text[start:end]."""
    if not 0 <= start < end <= len(text):
        raise SpanError(f"span {start}-{end} is outside the text (length {len(text)})")
    prefix, suffix = context_of(text, start, end, context=context)
    return Anchor(start=start, end=end, quote=text[start:end], prefix=prefix, suffix=suffix)


def context_of(text: str, start: int, end: int, *, context: int = CONTEXT) -> tuple[str, str]:
    """The *context* characters before text[start:end] and after it (fewer at the
    text's edges): a tag's prefix and suffix."""
    return text[max(0, start - context) : max(0, start)], text[max(0, end) : max(0, end) + context]


class ContextFromText:
    """A tag's prefix and suffix read from its document's working text at its offsets.

    That text is fixed and its SHA-256 recorded, so a copy of the context in every tag
    only made the catalogue bigger (issue 23, migration 0016). The ``prefix`` and
    ``suffix`` columns (``stored_prefix``/``stored_suffix``) hold a value only where it
    differs from what the text gives (a row written over a text that later changed
    behind Catena's back); the empty string, the normal case, means "as the text has
    it": it takes no room in a row and keeps the columns NOT NULL for older readers.
    """

    if TYPE_CHECKING:  # columns of the model this is mixed into (``db.models.SpanMixin``)
        start: int
        end: int
        stored_prefix: str
        stored_suffix: str

    def context_in(self, text: str) -> tuple[str, str]:
        """Prefix and suffix, *text* being the document's working text (for callers that
        read many tags of a few documents and hold the texts already)."""
        prefix, suffix = context_of(text, self.start, self.end)
        return self.stored_prefix or prefix, self.stored_suffix or suffix

    def forget_context(self) -> None:
        """The tag was moved or its text changed: its context is the text's again."""
        self.stored_prefix = self.stored_suffix = ""

    @property
    def prefix(self) -> str:
        """The characters before the quote (loads the document if it is not loaded)."""
        return self.context_in(self._document_text())[0]

    @property
    def suffix(self) -> str:
        """The characters after the quote (loads the document if it is not loaded)."""
        return self.context_in(self._document_text())[1]

    def _document_text(self) -> str:
        document = getattr(self, "document", None)
        return str(document.text) if document is not None else ""


def holds(text: str, start: int, end: int, quote: str) -> bool:
    """Whether the offsets still point at the quote."""
    return 0 <= start <= end <= len(text) and text[start:end] == quote


def reanchor(
    text: str, *, start: int, end: int, quote: str, prefix: str = "", suffix: str = ""
) -> Anchor | None:
    """Find where the quote now is: the stored offsets if they hold, else the occurrence
    whose surrounding context best matches prefix and suffix (ties: nearest to the old
    position). None when the quote no longer occurs."""
    if holds(text, start, end, quote):
        return anchor(text, start, end)
    if not quote:
        return None
    best: tuple[int, int, int] | None = None  # (-context score, distance, position)
    position = text.find(quote)
    while position != -1:
        score = _common_suffix(text[:position], prefix) + _common_prefix(
            text[position + len(quote) :], suffix
        )
        key = (-score, abs(position - start), position)
        if best is None or key < best:
            best = key
        position = text.find(quote, position + 1)
    if best is None:
        return None
    found = best[2]
    return anchor(text, found, found + len(quote))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n
