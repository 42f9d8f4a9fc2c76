"""The language a dossier is printed in: its headings, labels, notes and dates in words.

The dossier is Qt-free, so it uses the standard library's gettext: the messages are
marked ``_("…")`` (``ngettext`` for counts, ``N_`` for tables translated where used),
extracted by ``python -m tools.i18n update`` into ``locales/dossier.pot`` and the
``locales/<lang>/LC_MESSAGES/dossier.po`` catalogues kept in git; ``make`` compiles
them to .mo. A build speaks one language from start to end (``speaking``); the choice
is carried in a context variable so two dossiers printed at once in two threads keep
their own. Without a compiled catalogue the text stays English.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from db.date_locales import date_locale

LANGUAGES = {"en": "English", "az": "Azərbaycanca", "ru": "Русский"}
DOMAIN = "dossier"
LOCALES = Path(__file__).resolve().parent / "locales"

_language: ContextVar[str] = ContextVar("dossier_language", default="en")
_catalogue: ContextVar[gettext.NullTranslations | None] = ContextVar(
    "dossier_catalogue", default=None
)
_ENGLISH = gettext.NullTranslations()


def catalogue(language: str, folder: Path | None = None) -> gettext.NullTranslations:
    """The compiled catalogue of *language*; English (no translation) when there is none."""
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        DOMAIN, localedir=str(folder or LOCALES), languages=[language], fallback=True
    )


@contextmanager
def speaking(language: str | None, folder: Path | None = None) -> Iterator[str]:
    """Print in *language* ("en", "az", "ru"; anything else is English) inside the block."""
    code = date_locale(language)
    tokens = (_language.set(code), _catalogue.set(catalogue(code, folder)))
    try:
        yield code
    finally:
        _catalogue.reset(tokens[1])
        _language.reset(tokens[0])


def current_language() -> str:
    """The language being printed in: also the locale of every date in words."""
    return _language.get()


def number(value: int) -> str:
    """A count as the language writes it (CLDR): "1,234", "1 234", "1.234"."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=current_language()))


def _(message: str) -> str:
    return (_catalogue.get() or _ENGLISH).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return (_catalogue.get() or _ENGLISH).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it with ``_`` where used."""
    return message


__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "catalogue",
    "current_language",
    "ngettext",
    "number",
    "speaking",
]
