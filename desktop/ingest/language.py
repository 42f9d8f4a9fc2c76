"""Guess a document's language offline: script first, then stop words.

Good enough to label a catalogue record and to tell body text from interface words
in another language; not a general-purpose identifier.
"""

from __future__ import annotations

import re
from collections import Counter

from desktop.ingest.furniture_words import split_words

_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        split_words("the and of to in is that for was on with as by it are from this have")
    ),
    "ru": frozenset(split_words("и в не на что с по как это он она они из за от для к же но")),
    "az": frozenset(split_words("və bu bir ilə üçün da də olan ki onun isə olaraq edib həm qədər")),
    "tr": frozenset(split_words("ve bu bir ile için da de olan ki onun gibi daha çok ama olarak")),
    "fr": frozenset(split_words("le la les et des du de un une est que en dans pour pas qui sur")),
    "de": frozenset(
        split_words("der die das und ist nicht ein eine zu den von mit sich des auf für")
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def guess_language(text: str) -> str | None:
    """BCP 47 code of the dominant language of *text*, or None when unclear."""
    words = [w.casefold() for w in _WORD.findall(text[:50_000])]
    if not words:
        return None
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff")
    if cyrillic > len(words) / 2:
        return "ru"
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stops) for lang, stops in _STOP_WORDS.items()}
    # Azerbaijani and Turkish share many words; the letter ə only occurs in Azerbaijani.
    if "ə" in text[:50_000].casefold():
        scores["az"] += counts.total() // 20 + 1
    lang, best = max(scores.items(), key=lambda item: item[1])
    if best < max(1, len(words) // 50):
        return None
    return lang


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
