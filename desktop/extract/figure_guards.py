"""Numbers that are not counts, per language: ordinals, labels, years and days of dates.

"366-cı alay", "la 5e division", "5ª divisione", "3. Tümen" and "მე-5" are ordinals;
"статья 7", "Art. 12", "7 saylı məktəb" are labels; "1943 года", "en 1992" are years;
"22 марта", "fevralın 26-da", "մարտի 22-ին" are days of a date. The date suggester
claims most dates first; these guards catch what it leaves, so a year never becomes a
figure. Month names come from CLDR through Babel.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from babel.dates import get_month_names

from desktop.extract.figure_language_data import (
    AGE_AFTER,
    AGE_BEFORE,
    DECADE_BEFORE,
    FRACTIONS_AFTER,
    IDENTIFIERS_AFTER,
    IDENTIFIERS_BEFORE,
    ORDINAL_ENDINGS,
    ORDINAL_PREFIXES,
    TIME_AFTER,
    TIME_BEFORE,
    YEAR_PREPOSITIONS,
    YEAR_WORDS,
)
from desktop.extract.regex_guard import guarded
from desktop.extract.text_nearby import word_set

_YEAR_RANGE = (1000, 2100)
_MODERN_YEARS = (1900, 2030)
_COMPARED = re.compile(
    r"[-‑'’]\w+\s+(?:ավելի|պակաս|մეტ\w*|ნაკლებ\w*|çox|artıq|az|fazla|yakın|yaxın|qədər|kadar)"
    r"(?!\w)"
)
# Words for people (and households) after a four-digit count: "1500 человек", "2000 kişi".
_PEOPLE = re.compile(
    r"[\s\u00a0]+(?:человек|людей|жител|семей|семь|осіб|людей|мешканц|родин|nəfər|adam|ailə|"
    r"kişi|insan|aile|մարդ|ընտանիք|ადამიან|ოჯახ|personnes|habitants|familles|personas|"
    r"habitantes|familias|menschen|personen|einwohner|familien|persone|abitanti|famiglie|"
    r"people|persons|families|residents)",
    re.IGNORECASE,
)


@lru_cache(maxsize=16)
def _month_pattern(language: str) -> re.Pattern[str]:
    """Any month name of *language* (CLDR wide names in both contexts), as it is inflected.

    Russian and Ukrainian decline the name ("марта", "марте": stem plus a short
    ending); Azerbaijani, Turkish, Armenian and Georgian glue case endings to it
    ("fevralın", "մարտի", "მარტს"); the others write it as it is. Abbreviations count
    only with their full stop ("févr.", "Sept.").
    """
    locales = [Locale.parse(language)]
    if language == "az":
        locales.append(Locale("az", script="Cyrl"))
    forms: set[str] = set()
    for locale in locales:
        for context in ("format", "stand-alone"):
            for name in get_month_names("wide", context, locale).values():
                name = str(name).casefold()
                if language in ("ru", "uk"):
                    stem = name[:-1] if name[-1] in "ьйяаі" else name
                    forms.add(re.escape(stem) + r"(?:а|я|е|ь|й|у|і|ю|ом|ем)?")
                elif language in ("az", "tr", "hy", "ka"):
                    stem = name[:-1] if language == "ka" and name.endswith("ი") else name
                    forms.add(re.escape(stem) + r"\w{0,6}")
                    if language == "ka" and len(stem) > 4 and stem[-2] in "ეა":
                        forms.add(re.escape(stem[:-2] + stem[-1]) + r"\w{0,6}")  # "სექტემბრის"
                else:
                    forms.add(re.escape(name))
            for name in get_month_names("abbreviated", context, locale).values():
                name = str(name).casefold().rstrip(".")
                if len(name) >= 3 and language not in ("ru", "uk", "az", "tr", "hy", "ka"):
                    forms.add(re.escape(name) + r"\.")
    body = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _compiled(fragment: str, template: str) -> re.Pattern[str] | None:
    if not fragment:
        return None
    return re.compile(template.replace("FRAGMENT", fragment), re.IGNORECASE)


@lru_cache(maxsize=64)
def _compiled_search(fragment: str, template: str) -> re.Pattern[str] | None:
    """As ``_compiled``, for a pattern searched along a window: guarded, so the engine
    skips in C the places where none of the label words can begin."""
    if not fragment:
        return None
    return guarded(template.replace("FRAGMENT", fragment), re.IGNORECASE)


def is_ordinal(text: str, start: int, end: int, language: str) -> bool:
    """Digits with an ordinal ending or prefix ("366-cı", "5e", "მე-5", "3. Tümen")."""
    ending = _compiled(ORDINAL_ENDINGS.get(language, ""), "(?:FRAGMENT)")
    if ending and ending.match(text, end):
        return True
    prefix = _compiled(ORDINAL_PREFIXES.get(language, ""), "(?:FRAGMENT)")
    if prefix and prefix.search(text[max(0, start - 4) : start]):
        return True
    if language in ("de", "tr", "az") and _STOP_THEN_WORD.match(text, end, end + 3):
        following = _STOP_THEN_WORD.match(text, end)
        word = following.group(1) if following else ""
        # "3. Tümen", "5. Kompanie" — but "… 37. Die Polizei" ends a sentence.
        return bool(word) and (word[0].islower() or language != "de" or _noun_after_ordinal(word))
    return False


_SENTENCE_STARTERS = word_set(
    "die der das ein eine es sie er wir ich am im in nach bei auch laut und doch aber "
    "dabei damit dann denn so zudem seit bis von vom zum zur viele alle einige weitere "
    "mehrere nur noch heute später damals danach diese dieser dieses man unter trotz "
    "während wegen als wie wo was wer weitere insgesamt zugleich zusätzlich zwei drei"
)


def _noun_after_ordinal(word: str) -> bool:
    return word.casefold() not in _SENTENCE_STARTERS


# Patterns the guards below use, compiled once (not looked up in re's cache per number).
_STOP_THEN_WORD = re.compile(r"\.[ \u00a0]+(\w+)")
_WORD_BEFORE_NUMBER = re.compile(r"(\w+)\.?[\s\u00a0,]+$")
_GLUED_ENDING = re.compile(r"[-‑'’][^\W\d]")
_CLAUSE_ENDS_AFTER_YEAR = re.compile(r"\s*(?:[-–—/]\s*\d{2,4}\b|[,.;:)»\"”]|$)")
_GERMAN_LOWER_WORD = re.compile(r"[ \u00a0]+[a-zäöüß]")
_MINUTES_AFTER = re.compile(r"[:h]\d{2}\b")
_HOURS_BEFORE = re.compile(r"\d{1,2}[:]$")
_CLOCK = re.compile(r"(\d{1,2})[.:]\d{2}")
_PHONE_MARK = re.compile(r"[+(]")
_LABEL_CLOSER = re.compile(r"[.)]\s")
_NUMBERED = re.compile(r"\d[-‑.'’]?[^\W\d]{0,5}[\s\u00a0]+$")


def is_identifier(text: str, start: int, end: int, language: str) -> bool:
    """A label, not a count: "статья 7", "Nr. 5", "№ 12", "7 saylı", "Art. 3"."""
    before = _compiled_search(
        IDENTIFIERS_BEFORE.get(language, ""),
        r"(?:^|(?<=[\s(«\"„“'’]))(?:FRAGMENT)[\s\u00a0]*$",
    )
    window_start = max(0, start - 36)  # "régiment de sécurité 192"
    label = before.search(text[window_start:start]) if before else None
    # "108-ე მუხლით 2 პირი", "7-я статья, 3 человека": the label already has its number.
    if label and not _NUMBERED.search(
        text[max(0, window_start + label.start() - 12) : window_start + label.start()]
    ):
        return True
    if text[max(0, start - 2) : start].strip() in ("№", "#", "§"):
        return True
    after = _compiled(IDENTIFIERS_AFTER.get(language, ""), r"[\s\u00a0]+(?:FRAGMENT)(?!\w)")
    return bool(after and after.match(text, end))


# Between a day and its month: an ending, a second day of a range ("9 по 12",
# "11 y 12", "14-ից 16-ը") and a linking word ("de", "del", "di").
_RANGE_WORDS = (
    r"по|до|и|і|та|y|e|et|au|à|al|a|bis|und|and|to|ilə|və|ile|ve|ai|alle|e\s+il|e\s+i|"
    r"y\s+el|y\s+el\s+día|და|և|ու"
)
_BEFORE_MONTH = (
    r"[-‑.'’]?\w{0,5}"
    r"(?:(?:[ \u00a0]*[-–—/][ \u00a0]*|[ \u00a0]+(?:" + _RANGE_WORDS + r")[ \u00a0]+|"
    r"[ \u00a0]+(?:e|et|y)[ \u00a0]+l['’]|"
    r"[-‑'’]\w{1,5}[ \u00a0]+)\d{1,2}[-‑.'’]?\w{0,5})?"
    r"[ \u00a0]+(?:(?:de|del|di|of|d['’])[ \u00a0]+)?"
)


@lru_cache(maxsize=16)
def _day_before_month(language: str) -> re.Pattern[str]:
    return re.compile(_BEFORE_MONTH + f"(?:{_month_pattern(language).pattern})", re.IGNORECASE)


def is_date_part(text: str, start: int, end: int, language: str) -> bool:
    """A day or year next to a month name ("22 марта", "fevralın 26-da", "juin 1942"),
    also the first day of a range within a month ("с 9 по 12 августа")."""
    months = _month_pattern(language)
    if _day_before_month(language).match(text, end):
        return True
    # A month before the number: "fevralın 26-da", "նոյեմբերի 20" (Azerbaijani, Armenian
    # and Turkish put the day after the month), "juin 1942" (a year). Elsewhere a day
    # follows its month only as a year: "აგვისტოში 228 მოქალაქე" (in August, 228) counts.
    if end - start != 4 and language not in ("az", "hy", "tr"):
        return False
    before = text[max(0, start - 25) : start]
    word = _WORD_BEFORE_NUMBER.search(before)
    return bool(word and months.fullmatch(word.group(1)))


def is_year(text: str, start: int, end: int, value: float, language: str) -> bool:
    """A bare year: 4 digits in 1000–2100 with a year word after, a preposition before,
    a case ending glued on ("1992-ci", "1992'de"), or nothing after it in the clause."""
    raw = text[start:end]
    if not raw.isdigit() or len(raw) != 4 or not _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]:
        return False
    tail = text[end : end + 20]
    year_words = _compiled(YEAR_WORDS.get(language, ""), r"[-‑'’]?\w*[\s\u00a0]*(?:FRAGMENT)(?!\w)")
    if year_words and year_words.match(tail):
        return True
    if _GLUED_ENDING.match(tail) and language in ("az", "tr", "hy", "ka"):
        return not _COMPARED.match(tail)  # "1992-ci", "1992'de" — not "1200-ից ավելի"
    if _CLAUSE_ENDS_AFTER_YEAR.match(tail):
        return True
    if language == "de" and _GERMAN_LOWER_WORD.match(tail):
        return True  # "2010 dagegen", "1990 als": a German count is followed by its noun
    if _MODERN_YEARS[0] <= value <= _MODERN_YEARS[1] and not _PEOPLE.match(tail):
        return True  # "1999 depreminde": counts this size are rarely written without a group
    prepositions = _compiled(
        YEAR_PREPOSITIONS.get(language, ""), r"(?:^|(?<=[\s(]))(?:FRAGMENT)[\s\u00a0]+$"
    )
    return bool(prepositions and prepositions.search(text[max(0, start - 15) : start]))


def is_clock_time(
    text: str, start: int, end: int, language: str = "en", value: float = 0.0
) -> bool:
    """ "14:30", "9.30 Uhr", "9h30", "sept heures", "saat 11.00", "a las siete"."""
    if _MINUTES_AFTER.match(text[end : end + 3]) or _HOURS_BEFORE.match(
        text[max(0, start - 3) : start]
    ):
        return True
    after = _compiled(TIME_AFTER.get(language, ""), r"[\s\u00a0]*(?:FRAGMENT)(?!\w)")
    if after and after.match(text, end):
        return True
    clock = _CLOCK.fullmatch(text, start, end)
    if clock:
        value = float(clock.group(1))
    if value > 24:
        return False
    before = _compiled(TIME_BEFORE.get(language, ""), r"(?:^|(?<=[\s(]))(?:FRAGMENT)[\s\u00a0]+$")
    return bool(before and before.search(text[max(0, start - 16) : start]))


def is_decade(text: str, start: int, language: str) -> bool:
    """ "anni Sessanta", "años sesenta", "années trente"."""
    before = _compiled(DECADE_BEFORE.get(language, ""), r"(?:^|(?<=\s))(?:FRAGMENT)[\s\u00a0]+$")
    return bool(before and before.search(text[max(0, start - 20) : start]))


_PHONE = re.compile(r"(?:\+|\(0|\b0)[\d()\s/-]{6,}\d|\d{2,4}(?:[ -]\d{2,4}){3,}")
_PHONE_CUE = re.compile(r"(?:tel|тел|ტელ|հեռ|fax|факс|phone)\w*\.?:?[\s(]*$", re.IGNORECASE)


_NEAR_PHONE_AFTER = re.compile(r"[ )/-]+\d|\)")
_NEAR_PHONE_BEFORE = re.compile(r"(?:\d[ /-]|\) |\(|\+)$")


def is_phone(text: str, start: int, end: int) -> bool:
    """ "(032) 241 96 07", "+7 495 123 45 67", "Tel. 0421 22 33"."""
    if not _NEAR_PHONE_AFTER.match(text, end) and not _NEAR_PHONE_BEFORE.search(
        text, max(0, start - 2), start
    ):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    offset = start - line_start
    return any(a <= offset < b for a, b in _phone_spans(line))


@lru_cache(maxsize=64)
def _phone_spans(line: str) -> tuple[tuple[int, int], ...]:
    return tuple(
        (match.start(), match.end())
        for match in _PHONE.finditer(line)
        if _PHONE_CUE.search(line[: match.start()]) or _PHONE_MARK.search(match.group())
    )


def is_list_label(text: str, start: int, end: int) -> bool:
    """ "1. Los días…", "2) …": a number opening a line, closed by a stop or bracket."""
    if not _LABEL_CLOSER.match(text, end, end + 2):
        return False  # tested first: the line before may be a whole paragraph long
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def is_single_age(text: str, start: int, end: int, language: str) -> bool:
    """ "в возрасте 45 лет", "45 yaşında", "aged 45", "45 years old": one person's age."""
    after = _compiled(AGE_AFTER.get(language, ""), "(?:FRAGMENT)")
    if after and after.match(text, end):
        return True
    before = _compiled(AGE_BEFORE.get(language, ""), r"(?:^|(?<=[\s(]))(?:FRAGMENT)[\s\u00a0]+$")
    if not before or not before.search(text[max(0, start - 20) : start]):
        return False
    # "a los 12 años", "mit 15 Jahren": the age word follows; "con 40 heridos" is a count.
    return language == "en" or bool(_AGE_UNIT.match(text, end))


_AGE_UNIT = re.compile(
    r"[\s\u00a0]+(?:años|jahren|jahre|anni|ans|лет|года|років|роки|рік|წლის)(?!\w)", re.IGNORECASE
)


def is_fraction(text: str, end: int, language: str) -> bool:
    """ "zwei Drittel", "deux tiers", "две трети": a share, not a count."""
    after = _compiled(FRACTIONS_AFTER.get(language, ""), r"[\s\u00a0]+(?:FRAGMENT)(?!\w)")
    return bool(after and after.match(text, end))
