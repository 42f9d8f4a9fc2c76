"""A document's language, offline: the detector the suggesters use, plus one-word hints.

``guess_language`` labels the catalogue record and tells the cleaner which menu words
are the page's own. It asks ``db.languages`` (py3langid with the Azerbaijani script
corrections) for the paragraph map that ``map_languages`` then draws for the suggesters,
so the record and the suggestions never disagree about a Ukrainian or Spanish page.
``word_language`` looks at one word's alphabet only, for lines too short to classify.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from db.languages import LanguageMap, detect_languages, languages_of_document

if TYPE_CHECKING:
    from desktop.ingest.parsed import ParsedDocument

# Languages written with the letters each ``word_language`` answer stands for: a word
# with those letters is no sign of a foreign menu in a document in one of them.
_SAME_LETTERS: dict[str, frozenset[str]] = {
    "ru": frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "az"}),
    "az": frozenset({"az"}),
    "tr": frozenset({"tr", "az"}),
    "de": frozenset({"de", "tr", "az", "sv", "fi", "et", "hu", "lb"}),
    "fr": frozenset({"fr", "it", "es", "pt", "ca", "oc", "ro"}),
}


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the dominant language of *text*, or None when unclear.

    It is the language of most of its paragraphs' letters, as ``map_languages`` says of
    the cleaned text (the whole text is read only when no paragraph is long enough); the
    paragraphs' answers are kept for ``map_languages``, so those the cleaner leaves
    alone are not read twice."""
    return detect_languages(text, keep=True).document


def map_languages(parsed: ParsedDocument) -> LanguageMap:
    """Detect the language of each paragraph of *parsed*'s final text and keep it on
    *parsed* (``language_spans``, stored with the document); a language the file did not
    declare becomes the detector's, read from the cleaned text, and stays a guess."""
    found, language = languages_of_document(parsed.text, parsed.language, parsed.guessed)
    parsed.language_spans = found.as_json() or None
    if language != parsed.language:
        parsed.language = language
        parsed.guessed.add("language")
    return found


def word_language(word: str) -> str | None:
    """Language whose alphabet *word* needs (for one-word lines), if it is distinctive."""
    lower = word.casefold()
    if re.search(r"[\u0400-\u04ff]", lower):
        return "ru"
    if "ə" in lower:
        return "az"
    if re.search(r"[ğış]", lower):
        return "tr"  # or az; either way not English/French/German
    if re.search(r"[äöüß]", lower):
        return "de"
    if re.search(r"[àâçéèêëîïôûùœ]", lower):
        return "fr"
    return None


def foreign_word(word: str, document: str) -> bool:
    """Whether *word*'s alphabet says it is not in the *document*'s language."""
    alphabet = word_language(word)
    return alphabet is not None and document not in _SAME_LETTERS.get(alphabet, {alphabet})
