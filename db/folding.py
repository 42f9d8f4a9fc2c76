"""Text folding shared by search and name matching.

An archivist searching for "Xocali" means "Xocalı", and "Sekibe" means "Şəkibə"; a
name written "Мустафаева" is the same person as "Mustafayeva". Folding maps each of
these to one comparable key: case-folded, diacritics and script-specific letters
reduced, Cyrillic/Greek/Armenian transliterated to Latin (via anyascii, a maintained
transliteration table, rather than a table of our own).
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Return the comparison key for *text*: lower-case ASCII with single spaces.

    Punctuation other than letters, digits and spaces is kept (callers that tokenise
    decide what to do with it); only its case and script are folded.
    """
    normalised = unicodedata.normalize("NFKC", text)
    ascii_text = anyascii(normalised)
    return _SPACES.sub(" ", ascii_text.casefold()).strip()


def fold_name(name: str) -> str:
    """Order-independent key for a personal name.

    "Mustafayeva Shakiba", "Shakiba Mustafayeva" and "Mustafayeva Şəkibə" share a key,
    because archives write surnames first or last depending on the source.
    """
    words = re.findall(r"[a-z0-9]+", fold(name))
    return " ".join(sorted(words))
