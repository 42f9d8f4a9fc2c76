"""Tag suggestions as plain data: spans of a text with a structured value.

Suggesters never touch the catalogue. The catalogue stores each suggestion as a tag
with status "suggested"; offsets are character offsets into the exact text given.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("author", "witness", "quoted", "recipient", "signatory", "mentioned", "photographer")
QUALIFIERS = (
    "exact",
    "about",
    "at least",
    "more than",
    "at most",
    "fewer than",
    "nearly",
    "up to",
    "range",
)


@dataclass(frozen=True)
class DateSuggestion:
    start: int
    end: int
    edtf: str  # "1992-02-25/1992-02-26", "XXXX-02-26", "2020-Q4" style per EDTF level 1/2
    lower: str | None  # ISO date of the earliest day covered, for sorting; None if unknown
    upper: str | None  # ISO date of the latest day covered
    what: str | None = None  # what happened, when the sentence says
    certainty: str = "certain"  # "certain", "approximate", "uncertain"
    inferred: bool = False  # the year is not written: taken from the context or document date
    confidence: float | None = None  # 0–1, how often such a suggestion is right (confidence.py)


@dataclass(frozen=True)
class FigureSuggestion:
    start: int  # the span covers the number and the counted noun phrase
    end: int
    value: float
    upper_value: float | None
    qualifier: str  # one of QUALIFIERS
    counted: str  # "civilians killed"
    category: str | None  # normalised vocabulary entry: "killed", "wounded", "hostages"...
    part_of: int | None = None  # index, in the same result list, of the figure this breaks down
    confidence: float | None = None  # 0–1, how often such a suggestion is right (confidence.py)


@dataclass(frozen=True)
class PersonSuggestion:
    start: int
    end: int
    name: str  # display form as written, e.g. "Mustafayeva Shakiba"
    role: str  # one of ROLES
    is_organisation: bool = False
    description: str | None = None  # title or office when the text gives one
    variants: tuple[str, ...] = ()  # other spellings the text gives, e.g. in another script
    confidence: float | None = None  # 0–1, how often such a suggestion is right (confidence.py)
