"""Month names of every supported language, read from CLDR (through Babel) once per process.

CLDR gives each month in its format form (the one used inside a date: Russian "марта",
Armenian "դեկտեմբերի") and its stand-alone form ("март"), wide and abbreviated. Running
text inflects further ("в марте", "у березні", "fevralın", "Şubat'ta", "აპრილს",
"դեկտեմբերին"), so each language also has a stem rule and its case endings in
``date_grammar``: the stem is a CLDR form less one of the language's stem endings, and any
stem followed by one of its case endings is read as that month. No inflected form is
typed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from desktop.extract.date_grammar import GRAMMARS

if TYPE_CHECKING:
    from babel import Locale

_KEEP_READ = 4096  # tokens remembered per language by MonthWords.number
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def fold(token: str) -> str:
    """The key a month word is looked up by: case-folded, one kind of apostrophe."""
    return token.translate(_APOSTROPHES).casefold()


@dataclass(frozen=True)
class MonthWords:
    """One language's month vocabulary."""

    language: str
    exact: dict[str, int]  # folded full forms (CLDR wide, with or without a case ending)
    stems: dict[str, int]  # folded stems that take the language's case endings
    endings: tuple[str, ...]  # folded case endings, longest first

    # Tokens already read (a text names the same few months again and again; each new
    # word costs a look at every case ending). Cleared when it grows past a page's worth.
    _read: dict[str, int | None] = field(default_factory=dict, compare=False, repr=False)

    def number(self, token: str) -> int | None:
        """The month a written token names, or None ("mar." -> 3, "березні" -> 3)."""
        if token in self._read:
            return self._read[token]
        if len(self._read) > _KEEP_READ:
            self._read.clear()
        found = self._read[token] = self._number(token)
        return found

    def _number(self, token: str) -> int | None:
        word = fold(token).rstrip(".").replace("'", "")
        if word in self.exact:
            return self.exact[word]
        for ending in self.endings:
            if ending and word.endswith(ending) and word[: -len(ending)] in self.stems:
                return self.stems[word[: -len(ending)]]
        return self.stems.get(word)

    def forms(self) -> set[str]:
        """Every folded word this language reads as a month (stems with their endings)."""
        found = set(self.exact) | set(self.stems)
        for stem in self.stems:
            found.update(stem + ending for ending in self.endings)
        return found


def _names(locale: Locale, width: str) -> dict[int, set[str]]:
    from babel.dates import get_month_names  # Babel loads on first use, not at import

    found: dict[int, set[str]] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names(width, context, locale).items():
            found.setdefault(int(number), set()).add(str(name))
    return found


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def month_words(language: str) -> MonthWords:
    """The month vocabulary of *language* (all of its CLDR locales, e.g. az and az_Cyrl)."""
    from babel import Locale

    grammar = GRAMMARS[language]
    exact: dict[str, int] = {}
    stems: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    for locale_id in grammar.locales:
        locale = Locale.parse(locale_id)
        for number, names in _names(locale, "wide").items():
            for name in names:
                exact[fold(name)] = number
                stem = fold(name)
                for strip in grammar.stem_endings:
                    if strip and stem.endswith(strip) and len(stem) - len(strip) >= 2:
                        stem = stem[: -len(strip)]
                        break
                stems[stem] = number
                for vowel in grammar.syncope:
                    # "იანვარ" -> "იანვრ": the stem's last vowel drops before a vowel ending
                    if len(stem) > 3 and stem[-2] == vowel:
                        stems[stem[:-2] + stem[-1]] = number
        for number, names in _names(locale, "abbreviated").items():
            for name in names:
                short = fold(name).rstrip(".")
                if len(short) >= 3 and short not in exact:
                    abbreviations[short] = number
    for extra, number in grammar.extra_abbreviations.items():
        abbreviations[fold(extra)] = number
    endings = tuple(sorted({fold(e) for e in grammar.case_endings}, key=len, reverse=True))
    exact.update({k: v for k, v in abbreviations.items() if k not in exact})
    return MonthWords(language, exact, stems, endings)
