"""The editable vocabulary that maps what a text says to a figure category.

Archives disagree on wording: one source says "perished", another "lost their lives",
a third "claimed the lives of". Comparing figures across sources needs one category
("killed") for all of them. The mapping is plain data so a user-editable file (JSON
with the same shape as ``DEFAULT_VOCABULARY.to_mapping()``) can replace or extend it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.extract.regex_guard import guarded

DEFAULT_MAPPING: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed",
        "kill",
        "killing",
        "killings",
        "perished",
        "murdered",
        "slaughtered",
        "massacred",
        "executed",
        "slain",
        "shot dead",
        "burned alive",
        "burned to death",
        "burnt to death",
        "beheaded",
        "lost their lives",
        "lost their life",
        "lost his life",
        "lost her life",
        "claimed the lives of",
        "took the lives of",
        "died",
        "dead",
        "deaths",
        "death toll",
        "fatalities",
        "annihilated",
        "wiped out",
    ),
    "wounded": ("wounded", "injured", "injuries", "maimed", "hurt"),
    "hostages": (
        "hostages",
        "hostage",
        "taken hostage",
        "held hostage",
        "taken captive",
        "held captive",
        "taken prisoner",
        "captured",
        "abducted",
        "kidnapped",
        "captives",
        "prisoners of war",
    ),
    "missing": (
        "missing",
        "went missing",
        "gone missing",
        "disappeared",
        "unaccounted for",
        "whereabouts unknown",
    ),
    "displaced": (
        "displaced",
        "internally displaced",
        "refugees",
        "expelled",
        "deported",
        "evacuated",
        "fled",
        "forced to flee",
        "uprooted",
        "driven from their homes",
        "lost their homes",
        "left homeless",
        "made homeless",
    ),
    "orphaned": ("orphaned", "orphans", "lost both parents", "lost one parent", "lost a parent"),
    "detained": ("arrested", "detained", "imprisoned", "jailed"),
    # Magnitude of damage ("41 houses were burned"): compared like casualty counts.
    "destroyed": (
        "destroyed",
        "burned",
        "burnt",
        "burned down",
        "burnt down",
        "razed",
        "demolished",
        "flattened",
        "levelled",
        "leveled",
        "reduced to rubble",
    ),
    "damaged": ("damaged",),
}


@dataclass(frozen=True)
class VocabularyMatch:
    start: int
    end: int
    phrase: str  # as written in the text
    category: str


@dataclass(frozen=True)
class Vocabulary:
    """Categories and their synonyms (multi-word phrases allowed, case-insensitive).

    Matching prefers the longest phrase, so "taken hostage" wins over "hostage" and
    "lost both parents" is "orphaned", not "lost".
    """

    categories: Mapping[str, tuple[str, ...]]
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for category, synonyms in self.categories.items():
            for phrase in (category, *synonyms):
                lookup.setdefault(_key(phrase), category)
        phrases = sorted(lookup, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) or "(?!)"
        object.__setattr__(self, "_lookup", lookup)
        object.__setattr__(
            self, "_pattern", guarded(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        )

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Iterable[str]]) -> Vocabulary:
        """Build from ``{"killed": ["perished", ...], ...}`` (e.g. a loaded JSON file)."""
        return cls(
            {str(k).strip().casefold(): tuple(str(s) for s in v) for k, v in mapping.items()}
        )

    @classmethod
    def from_json_file(cls, path: Path) -> Vocabulary:
        """Load a user's vocabulary file; same shape as :meth:`to_mapping`."""
        return cls.from_mapping(json.loads(path.read_text(encoding="utf-8")))

    def to_mapping(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self.categories.items()}

    def extended(self, mapping: Mapping[str, Iterable[str]]) -> Vocabulary:
        """A copy with extra synonyms or categories merged in (user additions)."""
        merged = {k: list(v) for k, v in self.categories.items()}
        for category, synonyms in mapping.items():
            merged.setdefault(category.casefold(), []).extend(synonyms)
        return Vocabulary.from_mapping(merged)

    def category_of(self, phrase: str) -> str | None:
        return self._lookup.get(_key(phrase))

    def match_at(self, text: str, position: int) -> VocabularyMatch | None:
        """The longest vocabulary phrase starting exactly at *position*, if any."""
        match = self._pattern.match(text, position)
        return self._to_match(match) if match else None

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[VocabularyMatch]:
        end = len(text) if end is None else end
        return [self._to_match(m) for m in self._pattern.finditer(text, start, end)]

    def _to_match(self, match: re.Match[str]) -> VocabularyMatch:
        phrase = match.group(0)
        return VocabularyMatch(match.start(), match.end(), phrase, self._lookup[_key(phrase)])


def _key(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


DEFAULT_VOCABULARY = Vocabulary.from_mapping(DEFAULT_MAPPING)
