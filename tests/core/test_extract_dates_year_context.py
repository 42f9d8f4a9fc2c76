"""Which year a day written without one gets: the periods and narrative around it.

Sentences written for these tests (invented events). Each pins one clue of
``date_year_context``: a period written just before that holds the day's month, a
month dated earlier in the same paragraph, a narrative that has come back to the
document's present, and a day the document's year would put months after the document.
"""

from __future__ import annotations

from desktop.extract.date_suggestions import find_dates
from desktop.extract.languages import fixed_language


def _dates(text: str, language: str, document_date: str) -> list[tuple[str, str]]:
    found = find_dates(text, languages=fixed_language(text, language), document_date=document_date)
    return [(text[d.start : d.end], d.edtf) for d in found]


def test_a_period_two_paragraphs_up_dates_a_day_the_document_year_would_put_in_the_future() -> None:
    text = (
        "Die Seuche dauerte von Juni bis September 1873.\n\n"
        "Die Stadt richtete drei Lazarette ein.\n\n"
        "Der Stadtarzt kam am 14. Juli zurück."
    )
    assert ("14. Juli", "1873-07-14?") in _dates(text, "de", "2019-03-02")


def test_a_season_written_before_dates_a_day_of_its_months() -> None:
    text = (
        "Müxbir: 1984-cü ilin payızında kənddə nə oldu?\n"
        "Sakin: Noyabrın 3-də çay daşdı, körpü yıxıldı."
    )
    assert ("Noyabrın 3-də", "1984-11-03?") in _dates(text, "az", "2015-06-01")


def test_a_month_dated_earlier_in_the_paragraph_beats_a_later_bare_year() -> None:
    text = (
        "Пожар начался 5 марта 2009 года в цехе, построенном в 1974 году. "
        "Тушение продолжалось с 5 по 8 марта."
    )
    assert ("с 5 по 8 марта", "2009-03-05?/2009-03-08?") in _dates(text, "ru", "2012-01-20")


def test_a_historical_season_far_above_does_not_date_a_day_of_the_report_month() -> None:
    text = (
        "Report issued 20 May 2021.\n\n"
        "The last comparable drought, in the spring of 1976, emptied the reservoir.\n\n"
        "Water trucks were sent out.\n\n"
        "Rationing began on 11 May."
    )
    assert ("11 May", "2021-05-11?") in _dates(text, "en", "2021-05-20")


def test_a_narrative_that_came_back_to_the_present_no_longer_dates_a_day() -> None:
    text = (
        "The bridge collapsed on 3 October 1979.\n\n"
        "A new bridge is due to open by 2027, the mayor said.\n\n"
        "Wreaths will be laid on 5 October."
    )
    assert ("5 October", "2024-10-05?") in _dates(text, "en", "2024-10-03")


def test_an_aside_about_an_earlier_year_keeps_the_narrative() -> None:
    text = (
        "We left the village on 2 March 1944.\n\n"
        "Our house was rebuilt only in 1961.\n\n"
        "On 9 March we reached the coast."
    )
    assert ("9 March", "1944-03-09?") in _dates(text, "en", "2004-05-05")


def test_a_step_back_to_a_day_months_after_the_document_stays_in_the_narrative() -> None:
    text = (
        "The roof gave way on 27 October 2017.\n\n"
        "The hearings ran from 2018 to 2020.\n\n"
        "A miner had warned the manager on 19 October."
    )
    assert ("19 October", "2017-10-19?") in _dates(text, "en", "2020-02-14")


def test_a_later_day_compares_with_the_written_day_not_a_completed_one() -> None:
    text = (
        "The dam broke on 4 April 1953.\n\n"
        "Rescuers arrived on 8 April.\n\n"
        "One family was found alive on 6 April."
    )
    assert ("6 April", "1953-04-06?") in _dates(text, "en", "2003-04-04")
