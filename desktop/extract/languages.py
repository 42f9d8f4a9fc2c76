"""Which language each paragraph of a text is written in: the extractors' name for it.

The detector itself is ``db.languages`` (the catalogue stores its result with each
document and a migration computes it for older ones, so it sits below both).
"""

from __future__ import annotations

from db.languages import (
    SUPPORTED,
    LanguageMap,
    LanguageSpan,
    classify,
    detect_languages,
    document_language,
    fixed_language,
    stored_language_map,
)

__all__ = [
    "SUPPORTED",
    "LanguageMap",
    "LanguageSpan",
    "classify",
    "detect_languages",
    "document_language",
    "fixed_language",
    "stored_language_map",
]
