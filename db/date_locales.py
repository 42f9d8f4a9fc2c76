"""How each supported language says the parts of a date: the grammar ``in_words`` fills.

``db.date_words.in_words`` decides *what* a value says (a day, a season, a decade, an
interval open at one end); a ``DatePhrases`` says it in one language. Month names come
from CLDR through Babel, so they are the forms a reader of that language expects
(Russian "26 февраля" but "февраль 1992 г."); the few phrases CLDR lacks (seasons,
quarters, "year unknown", "about") are written here, one class per language.

The language is always passed in (``phrases_for(code)``); nothing here reads the
environment, so two windows or a test can use two languages side by side. An
unsupported language falls back to English rather than to a half-translated mix.

Russian needs the genitive after "с", "до" and "около" ("с февраля 1992 г."), so every
shape takes ``genitive``; the other languages ignore it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar, Literal

from db.month_names import MONTH_NAMES

DATE_LOCALES = {"en": "English", "az": "Azərbaycan", "ru": "Русский"}
DEFAULT_DATE_LOCALE = "en"


def date_locale(code: str | None) -> str:
    """The supported language *code* names ("ru_RU" and "ru-RU" are "ru"); English
    for anything else."""
    language = (code or "").replace("-", "_").split("_")[0].lower()
    return language if language in DATE_LOCALES else DEFAULT_DATE_LOCALE


@lru_cache(maxsize=16)
def _months(locale: str, context: Literal["format", "stand-alone"]) -> dict[int, str]:
    # The supported locales' names are kept in db.month_names (checked against Babel
    # by a test): importing Babel and its CLDR data just to print a date slowed every
    # `catena list` and `show`. Any other locale still asks Babel.
    known = MONTH_NAMES.get((locale, context))
    if known is not None:
        return dict(known)
    from babel.dates import get_month_names

    names = get_month_names("wide", context, locale)
    return {number: str(names[number]) for number in range(1, 13)}


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


class DatePhrases:
    """English, and the shape every language follows."""

    code = "en"
    # EDTF sub-year codes 21-41 (seasons, hemisphere seasons, quarters, four-month
    # thirds, halves); the English table is also the citation styles' one.
    sub_years: ClassVar[dict[int, str]] = {
        21: "spring",
        22: "summer",
        23: "autumn",
        24: "winter",
        25: "northern spring",
        26: "northern summer",
        27: "northern autumn",
        28: "northern winter",
        29: "southern spring",
        30: "southern summer",
        31: "southern autumn",
        32: "southern winter",
        33: "first quarter",
        34: "second quarter",
        35: "third quarter",
        36: "fourth quarter",
        37: "first four months",
        38: "middle four months",
        39: "last four months",
        40: "first half",
        41: "second half",
    }
    undated = "undated"
    about_takes_genitive = False  # Russian "около" does
    unknown_year = "year unknown"
    unknown_end = "an unknown year"

    def month(self, number: int, *, with_day: bool, genitive: bool = False) -> str:
        """The month's name as it stands beside a day, or alone with its year."""
        return _months(self.code, "format" if with_day or genitive else "stand-alone")[number]

    def year(self, year: int, *, genitive: bool = False) -> str:
        return str(year) if year > 0 else f"{1 - year} BC"

    def day(self, day: int, month: str, year: str) -> str:
        return f"{day} {month} {year}"

    def month_year(self, month: str, year: str) -> str:
        return f"{month} {year}"

    def sub_year(self, code: int, year: str, *, genitive: bool = False) -> str:
        name = self.sub_years[code]
        return f"{name} {year}" if code <= 32 else f"the {name} of {year}"

    def sub_year_name(self, code: int, *, genitive: bool = False) -> str:
        """The grouping's name without a year, as the first end of "spring to summer"."""
        name = self.sub_years[code]
        return name if code <= 32 else f"the {name}"

    def decade(self, first_year: int, *, genitive: bool = False) -> str:
        return f"the {first_year}s"

    def century(self, number: int, *, genitive: bool = False) -> str:
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
        return f"the {number}{suffix or 'th'} century"

    def without_year(self, parts: str) -> str:
        """A day or month whose year is unknown ("XXXX-02-26")."""
        return f"{parts}, year unknown"

    def about(self, text: str) -> str:
        return f"about {text}"

    def uncertain(self, text: str) -> str:
        # "(?)", the cataloguer's mark for a doubtful date: a bare "1992?" reads as the
        # EDTF code it came from.
        return f"{text} (?)"

    def from_(self, text: str) -> str:
        return f"from {text}"

    def until(self, text: str) -> str:
        return f"until {text}"

    def span(self, first: str, last: str) -> str:
        return f"{first} to {last}"

    def days(self, first: int, last: int, month: str, year: str) -> str:
        return f"{first}–{last} {month} {year}"

    def years(self, first: int, last: int) -> str:
        """Two plain years of the common era ("1988 to 1994")."""
        return self.span(self.year(first), self.year(last))


class RussianPhrases(DatePhrases):
    """Русский: "26 февраля 1992 г.", "весна 1943 г.", "с 1980 г.", "1990-е годы"."""

    code = "ru"
    sub_years_nominative: ClassVar[dict[int, str]] = {
        21: "весна",
        22: "лето",
        23: "осень",
        24: "зима",
        25: "северная весна",
        26: "северное лето",
        27: "северная осень",
        28: "северная зима",
        29: "южная весна",
        30: "южное лето",
        31: "южная осень",
        32: "южная зима",
        33: "I квартал",
        34: "II квартал",
        35: "III квартал",
        36: "IV квартал",
        37: "первая треть",
        38: "вторая треть",
        39: "последняя треть",
        40: "первое полугодие",
        41: "второе полугодие",
    }
    sub_years_genitive: ClassVar[dict[int, str]] = {
        21: "весны",
        22: "лета",
        23: "осени",
        24: "зимы",
        25: "северной весны",
        26: "северного лета",
        27: "северной осени",
        28: "северной зимы",
        29: "южной весны",
        30: "южного лета",
        31: "южной осени",
        32: "южной зимы",
        33: "I квартала",
        34: "II квартала",
        35: "III квартала",
        36: "IV квартала",
        37: "первой трети",
        38: "второй трети",
        39: "последней трети",
        40: "первого полугодия",
        41: "второго полугодия",
    }
    undated = "без даты"
    about_takes_genitive = True
    unknown_year = "год неизвестен"
    unknown_end = "год неизвестен"

    def year(self, year: int, *, genitive: bool = False) -> str:
        return f"{year} г." if year > 0 else f"{1 - year} г. до н. э."

    def sub_year(self, code: int, year: str, *, genitive: bool = False) -> str:
        return f"{self.sub_year_name(code, genitive=genitive)} {year}"

    def sub_year_name(self, code: int, *, genitive: bool = False) -> str:
        table = self.sub_years_genitive if genitive else self.sub_years_nominative
        return table[code]

    def decade(self, first_year: int, *, genitive: bool = False) -> str:
        return f"{first_year}-х годов" if genitive else f"{first_year}-е годы"

    def century(self, number: int, *, genitive: bool = False) -> str:
        return f"{_roman(number)} века" if genitive else f"{_roman(number)} век"

    def without_year(self, parts: str) -> str:
        return f"{parts}, год неизвестен"

    def about(self, text: str) -> str:
        return f"около {text}"

    def from_(self, text: str) -> str:
        return f"с {text}"

    def until(self, text: str) -> str:
        return f"до {text}"

    def span(self, first: str, last: str) -> str:
        return f"{first} – {last}"

    def years(self, first: int, last: int) -> str:
        return f"{first}–{last} гг."


class AzerbaijaniPhrases(DatePhrases):
    """Azərbaycan: "26 fevral 1992", "yaz 1943", "1990-cı illər", "1980 – …"."""

    code = "az"
    sub_years: ClassVar[dict[int, str]] = {
        21: "yaz",
        22: "yay",
        23: "payız",
        24: "qış",
        25: "şimal yazı",
        26: "şimal yayı",
        27: "şimal payızı",
        28: "şimal qışı",
        29: "cənub yazı",
        30: "cənub yayı",
        31: "cənub payızı",
        32: "cənub qışı",
        33: "I rüb",
        34: "II rüb",
        35: "III rüb",
        36: "IV rüb",
        37: "ilk dörd ay",
        38: "orta dörd ay",
        39: "son dörd ay",
        40: "birinci yarımil",
        41: "ikinci yarımil",
    }
    undated = "tarixsiz"
    unknown_year = "il məlum deyil"
    unknown_end = "il məlum deyil"

    def year(self, year: int, *, genitive: bool = False) -> str:
        return str(year) if year > 0 else f"e.ə. {1 - year}"

    def sub_year(self, code: int, year: str, *, genitive: bool = False) -> str:
        return f"{self.sub_years[code]} {year}"

    def sub_year_name(self, code: int, *, genitive: bool = False) -> str:
        return self.sub_years[code]

    def decade(self, first_year: int, *, genitive: bool = False) -> str:
        return f"{first_year}-{_azerbaijani_ordinal_suffix(first_year)} illər"

    def century(self, number: int, *, genitive: bool = False) -> str:
        return f"{_roman(number)} əsr"

    def without_year(self, parts: str) -> str:
        return f"{parts}, il məlum deyil"

    def about(self, text: str) -> str:
        return f"təxminən {text}"

    # Azerbaijani marks "from"/"until" with suffixes that follow the last spoken
    # number; a dash says the same without risking a wrong suffix.
    def from_(self, text: str) -> str:
        return f"{text} – …"

    def until(self, text: str) -> str:
        return f"… – {text}"

    def span(self, first: str, last: str) -> str:
        return f"{first} – {last}"


# The ordinal suffix follows the vowel of the last number word said aloud:
# 1990 "doxsan" -> 1990-cı, 1980 "səksən" -> 1980-ci, 1900 "yüz" -> 1900-cü.
_TENS_SUFFIX = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}
_UNITS_SUFFIX = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}


def _azerbaijani_ordinal_suffix(number: int) -> str:
    if number % 10:
        return _UNITS_SUFFIX[number % 10]
    if number % 100:
        return _TENS_SUFFIX[number % 100 // 10]
    if number % 1000:
        return "cü"  # yüz
    return "ci"  # min


_PHRASES: dict[str, DatePhrases] = {
    "en": DatePhrases(),
    "ru": RussianPhrases(),
    "az": AzerbaijaniPhrases(),
}


def phrases_for(locale: str | None) -> DatePhrases:
    """The phrases of *locale* (any spelling ``date_locale`` reads)."""
    return _PHRASES[date_locale(locale)]
