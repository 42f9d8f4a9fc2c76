"""Every suggestion carries a confidence; it is stored and orders the review queue.

Texts are written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import DateTag, Figure, Mention
from desktop.core.review import ReviewFilter, list_items
from desktop.extract import suggest
from desktop.extract.confidence import date_confidence, person_confidence, with_confidence
from desktop.extract.suggestion_data import DateSuggestion, FigureSuggestion, PersonSuggestion

TEXT = (
    "On 14 March 2003 the dam above Varnel broke and 112 people were killed. "
    "Rescuers returned on 16 March. Mayor Ilse Warden said the town would rebuild."
)


def test_every_suggestion_has_a_confidence_between_0_and_1() -> None:
    found = suggest(TEXT, document_date="2003-03-20")
    tags = [*found.dates, *found.figures, *found.people]
    assert tags and all(t.confidence is not None and 0.0 < t.confidence <= 1.0 for t in tags)


def test_confidence_is_filled_in_as_replace_would_and_a_finders_own_is_kept() -> None:
    date = DateSuggestion(3, 7, "1991", "1991-01-01", "1991-12-31", what="war")
    figure = FigureSuggestion(0, 9, 12.0, 15.0, "range", "men", None, part_of=2)
    person = PersonSuggestion(20, 31, "Ana Lima", "quoted", variants=("Lima",))
    own = PersonSuggestion(40, 44, "Ruiz", "mentioned", confidence=0.5)
    dates, figures, people = with_confidence((date,), (figure,), (person, own))
    assert dates == (replace(date, confidence=date_confidence(date)),)
    assert figures[0] == replace(figure, confidence=figures[0].confidence)
    assert figures[0].confidence is not None and figures[0].part_of == 2
    assert people == (replace(person, confidence=person_confidence(person)), own)
    assert people[1] is own and hash(people[0]) == hash(replace(person, confidence=0.95))
    assert repr(dates[0]) == repr(replace(date, confidence=dates[0].confidence))


def test_an_inferred_year_is_trusted_less_than_a_written_date() -> None:
    found = suggest(TEXT, document_date="2003-03-20")
    by_quote = {TEXT[d.start : d.end]: d for d in found.dates}
    # "16 March." ends a sentence: the stop is not part of the date.
    written, inferred = by_quote["14 March 2003"], by_quote["16 March"]
    assert inferred.inferred and written.confidence is not None
    assert inferred.confidence is not None and inferred.confidence < written.confidence


def test_a_cued_person_is_trusted_more_than_an_uncued_pair_of_words() -> None:
    cued = PersonSuggestion(0, 10, "Ilse Warden", "quoted")
    bare = PersonSuggestion(0, 10, "Ilse Warden", "mentioned")
    assert person_confidence(cued) > person_confidence(bare)
    bare_year = DateSuggestion(0, 4, "1952", "1952-01-01", "1952-12-31")
    full = DateSuggestion(0, 12, "1952-05-04", "1952-05-04", "1952-05-04")
    assert date_confidence(bare_year) < date_confidence(full)


def test_confidence_is_stored_and_the_queue_filters_and_sorts_by_it(
    sample_catalogue: Catalogue,
) -> None:
    with sample_catalogue.reading() as session:
        stored = [
            *session.execute(select(DateTag.confidence)).scalars(),
            *session.execute(select(Figure.confidence)).scalars(),
            *session.execute(select(Mention.confidence)).scalars(),
        ]
    assert stored and all(value is not None for value in stored)
    everything = list_items(sample_catalogue)
    confident = list_items(sample_catalogue, wanted=ReviewFilter(min_confidence=0.9))
    assert 0 < len(confident) < len(everything)
    assert all(item.confidence is not None and item.confidence >= 0.9 for item in confident)
    ordered = list_items(sample_catalogue, wanted=ReviewFilter(sort="confidence"))
    values = [item.confidence or 0.0 for item in ordered]
    assert values == sorted(values, reverse=True)
