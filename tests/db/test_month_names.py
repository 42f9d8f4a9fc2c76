"""The month names kept in db.month_names are exactly Babel's (CLDR) for each locale."""

from __future__ import annotations

from babel.dates import get_month_names

from db.date_locales import DATE_LOCALES
from db.month_names import MONTH_NAMES


def test_kept_month_names_are_babels() -> None:
    for locale in DATE_LOCALES:
        for context in ("format", "stand-alone"):
            names = get_month_names("wide", context, locale)
            wanted = {number: str(names[number]) for number in range(1, 13)}
            assert MONTH_NAMES[(locale, context)] == wanted, (locale, context)


def test_every_date_locale_has_its_names_kept() -> None:
    assert set(MONTH_NAMES) == {
        (locale, context) for locale in DATE_LOCALES for context in ("format", "stand-alone")
    }
