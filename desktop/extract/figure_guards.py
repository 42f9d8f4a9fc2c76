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
    IDENTIFIERS_AFTER,
    IDENTIFIERS_BEFORE,
    ORDINAL_ENDINGS,
    ORDINAL_PREFIXES,
    YEAR_PREPOSITIONS,
    YEAR_WORDS,
)

_YEAR_RANGE = (1000, 2100)
_STEM_KEEP = 4  # month names are matched by their first letters plus any ending


@lru_cache(maxsize=16)
def _month_pattern(language: str) -> re.Pattern[str]:
    """Any month name of *language* (all widths and cases CLDR gives) with endings."""
    locales = [Locale.parse(language)]
    if language == "az":
        locales.append(Locale("az", script="Cyrl"))
    stems: set[str] = set()
    for locale in locales:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for name in get_month_names(width, context, locale).values():
                    name = str(name).casefold().rstrip(".")
                    if len(name) < 3:
                        continue
                    stems.add(name[: max(_STEM_KEEP, len(name) - 2)] if width == "wide" else name)
    body = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})\w*", re.IGNORECASE)


@lru_cache(maxsize=64)
def _compiled(fragment: str, template: str) -> re.Pattern[str] | None:
    if not fragment:
        return None
    return re.compile(template.replace("FRAGMENT", fragment), re.IGNORECASE)


def is_ordinal(text: str, start: int, end: int, language: str) -> bool:
    """Digits with an ordinal ending or prefix ("366-cı", "5e", "მე-5", "3. Tümen")."""
    ending = _compiled(ORDINAL_ENDINGS.get(language, ""), "(?:FRAGMENT)")
    if ending and ending.match(text, end):
        return True
    prefix = _compiled(ORDINAL_PREFIXES.get(language, ""), "(?:FRAGMENT)")
    if prefix and prefix.search(text[max(0, start - 4) : start]):
        return True
    if language in ("de", "tr", "az") and re.match(r"\.[ \u00a0]+\w", text[end : end + 3]):
        following = re.match(r"\.[ \u00a0]+(\w+)", text[end:])
        word = following.group(1) if following else ""
        # "3. Tümen", "5. Kompanie" — but "… 37. Die Polizei" ends a sentence.
        return bool(word) and (word[0].islower() or language != "de" or _noun_after_ordinal(word))
    return False


_SENTENCE_STARTERS = frozenset(
    "die der das ein eine es sie er wir ich am im in nach bei auch laut und doch aber "
    "dabei damit dann denn so zudem seit bis von vom zum zur".split()
)


def _noun_after_ordinal(word: str) -> bool:
    return word.casefold() not in _SENTENCE_STARTERS


def is_identifier(text: str, start: int, end: int, language: str) -> bool:
    """A label, not a count: "статья 7", "Nr. 5", "№ 12", "7 saylı", "Art. 3"."""
    before = _compiled(
        IDENTIFIERS_BEFORE.get(language, ""), r"(?:^|(?<=[\s(«\"„“]))(?:FRAGMENT)[\s\u00a0]*$"
    )
    if before and before.search(text[max(0, start - 20) : start]):
        return True
    if text[max(0, start - 2) : start].strip() in ("№", "#", "§"):
        return True
    after = _compiled(IDENTIFIERS_AFTER.get(language, ""), r"[\s\u00a0]+(?:FRAGMENT)(?!\w)")
    return bool(after and after.match(text, end))


def is_date_part(text: str, start: int, end: int, language: str) -> bool:
    """A day or year next to a month name ("22 марта", "fevralın 26-da", "juin 1942")."""
    months = _month_pattern(language)
    after = re.match(r"[-‑.'’]?\w*[\s\u00a0]+", text[end : end + 12])
    if after and months.match(text, end + after.end()):
        return True
    before = text[max(0, start - 25) : start]
    word = re.search(r"(\w+)\.?[\s\u00a0,]+$", before)
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
    if re.match(r"[-‑'’][^\W\d]", tail) and language in ("az", "tr", "hy", "ka"):
        return True
    if re.match(r"\s*(?:[-–—/]\s*\d{2,4}\b|[,.;:)»\"”]|$)", tail):
        return True
    prepositions = _compiled(
        YEAR_PREPOSITIONS.get(language, ""), r"(?:^|(?<=[\s(]))(?:FRAGMENT)[\s\u00a0]+$"
    )
    return bool(prepositions and prepositions.search(text[max(0, start - 15) : start]))


def is_clock_time(text: str, start: int, end: int) -> bool:
    """"14:30", "9.30 Uhr", "9h30"."""
    return bool(re.match(r"[:h]\d{2}\b", text[end : end + 3])) or bool(
        re.match(r"\d{1,2}[:]$", text[max(0, start - 3) : start])
    )
