"""What the suggesters are told about a document besides its words.

Two things change what a text means: the language of each paragraph (which rules read
"13 апреля" or "8.372") and the day the document bears (which completes "13 April" to
a year, marked as inferred). The catalogue keeps the first with the document
(``documents.language_spans``) and the second as its publication date; every caller of
``suggest`` on a catalogued document goes through here, so none forgets either.
"""

from __future__ import annotations

import re
from typing import Any

from db.dates import is_valid_edtf
from desktop.extract import DEFAULT_VOCABULARY, Suggestions, Vocabulary, suggest
from desktop.extract.languages import LanguageMap, detect_languages, stored_language_map

_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def document_day(published: str | None) -> str | None:
    """*published* (EDTF) when it is one whole calendar day, as ISO ``YYYY-MM-DD``;
    None for a month, a year, an interval or an uncertain day: a year inferred from
    those would be a guess on a guess."""
    if published and _FULL_DAY.fullmatch(published) and is_valid_edtf(published):
        return published
    return None


def document_languages(text: str, stored: Any, language: str | None) -> LanguageMap:
    """The stored map of *text* (``language_spans``), or a fresh one when none was
    stored or it does not fit the text; *language* is the document's own."""
    found = stored_language_map(stored, language)
    if found is None or (found.spans and found.spans[-1].end > len(text)):
        return detect_languages(text, document=language)
    return found


def suggest_for_document(
    text: str,
    *,
    language_spans: Any,
    language: str | None,
    published: str | None,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> Suggestions:
    """``suggest`` for a catalogued document, with its languages and its day."""
    return suggest(
        text,
        vocabulary,
        languages=document_languages(text, language_spans, language),
        document_date=document_day(published),
    )
