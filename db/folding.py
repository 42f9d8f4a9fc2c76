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


_APOSTROPHES = re.compile(r"['’ʼ`´]")
_DIGRAPHS = (("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "h"), ("ph", "f"))
_Y_BETWEEN_VOWELS = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
_DOUBLED = re.compile(r"(.)\1+")


def _loose_word(word: str) -> str:
    """A transliteration-tolerant key for one name word.

    The same Azerbaijani or Russian name reaches English sources in several
    romanisations: Şəkibə/Shakiba (ş→sh, ə→a), Мустафаева/Mustafayeva (an inserted y),
    Ольга/Olga (a soft sign). Folding digraphs, the a/e distinction, a y between
    vowels and doubled letters lets these meet without a table per language.
    """
    for digraph, single in _DIGRAPHS:
        word = word.replace(digraph, single)
    word = word.replace("e", "a")
    word = _Y_BETWEEN_VOWELS.sub("", word)
    return _DOUBLED.sub(r"\1", word)


def strict_name_key(name: str) -> str:
    """Order-independent key with case, diacritics, script letters (ə→e, ş→s, ı→i,
    ğ→g) and Cyrillic transliteration folded, but spelling otherwise kept: the key
    under which two mentions are linked to one person without asking anyone."""
    words = re.findall(r"[a-z0-9]+", _APOSTROPHES.sub("", fold(name)))
    return " ".join(sorted(words))


def fold_name(name: str) -> str:
    """Order- and romanisation-independent key for a personal name.

    "Mustafayeva Shakiba", "Shakiba Mustafayeva" and "Mustafayeva Şəkibə" share a key,
    because archives write surnames first or last, and in several scripts.
    """
    words = re.findall(r"[a-z0-9]+", _APOSTROPHES.sub("", fold(name)))
    return " ".join(sorted(_loose_word(word) for word in words))
