"""Qt-free tag suggestions for imported documents: dates, figures and people.

``suggest(text)`` runs at import time for every document, so it is rules, regular
expressions and small packaged models only (no network) and takes a few milliseconds
for a page. The language of each paragraph is detected first and chooses the rules.
Dates run first and claim their spans, so the numbers inside a date never become
figures. The figure categories come from an editable :class:`Vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.extract.confidence import with_confidence
from desktop.extract.date_suggestions import find_dates
from desktop.extract.figure_categories import DEFAULT_VOCABULARY, Vocabulary
from desktop.extract.figures import find_figures
from desktop.extract.languages import LanguageMap, detect_languages
from desktop.extract.people import find_people
from desktop.extract.suggestion_data import (
    QUALIFIERS,
    ROLES,
    DateSuggestion,
    FigureSuggestion,
    PersonSuggestion,
)
from desktop.extract.text_nearby import SpanSet

__all__ = [
    "DEFAULT_VOCABULARY",
    "QUALIFIERS",
    "ROLES",
    "DateSuggestion",
    "FigureSuggestion",
    "LanguageMap",
    "PersonSuggestion",
    "Suggestions",
    "Vocabulary",
    "detect_languages",
    "suggest",
]


@dataclass(frozen=True)
class Suggestions:
    """Everything suggested for one text; offsets index into exactly that text.

    ``figures[i].part_of`` is an index into ``figures``. ``people`` includes
    organisations (``is_organisation=True``).
    """

    dates: tuple[DateSuggestion, ...]
    figures: tuple[FigureSuggestion, ...]
    people: tuple[PersonSuggestion, ...]


def suggest(
    text: str,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    *,
    languages: LanguageMap | None = None,
    document_date: str | None = None,
) -> Suggestions:
    """Suggest date, figure and people tags for *text*.

    *languages* is the language of each paragraph (detected when not given);
    *document_date* (ISO) is the date the document bears, used to complete a day and
    month written without a year.
    """
    if languages is None:
        languages = detect_languages(text)
    claimed = SpanSet()
    dates = find_dates(text, claimed, vocabulary, languages=languages, document_date=document_date)
    figures = find_figures(text, claimed, vocabulary, languages=languages)
    people = find_people(text, languages=languages)
    return Suggestions(*with_confidence(tuple(dates), tuple(figures), tuple(people)))
