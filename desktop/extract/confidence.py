"""How much to trust each suggestion, so the review queue can put the doubtful first.

The confidence is not a model's probability: it is the share of suggestions *of the
same shape* that turned out right on the held-out part of the team's multilingual
development set (``bench/confidence_eval.py --split heldout`` prints the precision per
band; the values below are those figures, rounded, with the counts beside them). A
date written out is almost always right; a day and month whose year was inferred, a
vague quantity, two capitalised words taken for a name without any cue are the usual
mistakes, and say so.
"""

from __future__ import annotations

import re
from typing import TypeVar

from desktop.extract.suggestion_data import DateSuggestion, FigureSuggestion, PersonSuggestion

_YEAR = re.compile(r"^\d{4}$")
# Roles the people suggester gives only on a cue ("said", "signed", "witness").
_CUED_ROLES = frozenset({"author", "witness", "quoted", "recipient", "signatory", "photographer"})


def date_confidence(date: DateSuggestion) -> float:
    edtf = date.edtf
    if date.inferred or edtf.startswith("XXXX"):
        return 0.75  # the year is read from context: 21 of 27 right on the held-out part
    if date.certainty == "uncertain":
        return 0.7
    if date.certainty == "approximate":
        return 0.85
    if _YEAR.match(edtf):
        return 0.9  # a bare year may be a number, an address, a name
    return 0.95  # a written date: day, month, season, decade, range (84 of 86)


def figure_confidence(figure: FigureSuggestion) -> float:
    if figure.qualifier == "about" and figure.upper_value is not None:
        return 0.8  # "dozens", "hundreds": vague by nature (17 of 20)
    if figure.category is None:
        return 0.9  # nothing in the noun names a category (101 of 112)
    return 0.95  # a count of something the vocabulary knows (43 of 45)


def person_confidence(person: PersonSuggestion) -> float:
    if person.is_organisation:
        return 0.6  # not measured: organisations are not in the gold
    if person.role in _CUED_ROLES or person.description:
        return 0.95  # a cue ("said", "signed") or a title before the name (77 of 80)
    if " " in person.name.strip():
        return 0.8  # two capitalised words without a cue (69 of 84)
    return 0.75  # one word taken for a surname


_Suggestion = TypeVar("_Suggestion", DateSuggestion, FigureSuggestion, PersonSuggestion)


def _with(suggestion: _Suggestion, confidence: float) -> _Suggestion:
    """A copy of *suggestion* with its confidence set, field for field what
    ``dataclasses.replace`` gives: that looks up the class's fields and runs the frozen
    ``__init__`` (one ``object.__setattr__`` per field) for every suggestion, about
    3 % of ``suggest()``; the copy takes the instance's attributes as they are."""
    copied = object.__new__(type(suggestion))
    attributes = copied.__dict__
    attributes.update(suggestion.__dict__)
    attributes["confidence"] = confidence
    return copied


def with_confidence(
    dates: tuple[DateSuggestion, ...],
    figures: tuple[FigureSuggestion, ...],
    people: tuple[PersonSuggestion, ...],
) -> tuple[tuple[DateSuggestion, ...], tuple[FigureSuggestion, ...], tuple[PersonSuggestion, ...]]:
    """The suggestions with their confidence filled in (a finder's own value is kept)."""
    return (
        tuple(d if d.confidence is not None else _with(d, date_confidence(d)) for d in dates),
        tuple(f if f.confidence is not None else _with(f, figure_confidence(f)) for f in figures),
        tuple(p if p.confidence is not None else _with(p, person_confidence(p)) for p in people),
    )
