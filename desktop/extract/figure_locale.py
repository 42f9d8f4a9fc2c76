"""Figure suggestions in paragraphs written in a language other than English.

Every number that is not a label, an ordinal, a year or part of a date counts
something, so the reader takes each number in the paragraph's own format (digits,
scale words, words, vague quantities), puts on it the qualifier and range the
language's grammar marks (``figure_language_data``), and gives it the category the
nearest event word in its clause says (``figure_vocabulary``), before or after it:
"число погибших достигло 370" and "370 человек погибли" are both "killed".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from desktop.extract.figure_categories import Vocabulary
from desktop.extract.figure_claimed import ClaimedIndex
from desktop.extract.figure_english import single_category
from desktop.extract.figure_guards import (
    is_clock_time,
    is_date_part,
    is_decade,
    is_fraction,
    is_identifier,
    is_list_label,
    is_ordinal,
    is_phone,
    is_single_age,
    is_year,
)
from desktop.extract.figure_language_data import (
    APPROXIMATE_INVERSION,
    CHANGE_AFTER_UP_TO,
    CHANGE_BEFORE_UP_TO,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RANGE_BETWEEN,
    RANGE_CLOSERS,
    RANGE_NEEDS_OPENER,
    RANGE_OPENERS,
    VAGUE,
)
from desktop.extract.figure_vocabulary import find_categories
from desktop.extract.number_locale import (
    digit_pattern,
    find_locale_digits,
    parse_locale_digits,
    scale_value,
)
from desktop.extract.number_words import find_word_numbers
from desktop.extract.regex_guard import guarded
from desktop.extract.suggestion_data import FigureSuggestion
from desktop.extract.text_nearby import SpanSet

# Languages read by these rules; English has its own reader in ``figures``.
LOCALE_LANGUAGES = frozenset({"ru", "uk", "az", "tr", "hy", "ka", "fr", "es", "de", "it"})
_SCRIPTS = (
    (re.compile(r"[\u0530-\u058f]"), "hy"),
    (re.compile(r"[\u10a0-\u10ff]"), "ka"),
    (re.compile(r"[әҹјӘҸЈ]"), "az"),
    (re.compile(r"[іїєґІЇЄҐ]"), "uk"),
    (re.compile(r"[\u0400-\u04ff]"), "ru"),
    (re.compile(r"[əƏ]"), "az"),
    (re.compile(r"[ğışİ]"), "tr"),
)


def language_by_script(text: str) -> str | None:
    """A paragraph the detector named a language without rules ("bg", "mk", a short
    line): the script says which of ours reads its numbers (Armenian, Georgian,
    Cyrillic, Azerbaijani ə, Turkish ğ/ı/ş)."""
    for pattern, language in _SCRIPTS:
        if pattern.search(text):
            return language
    return None


_CLAUSE_END = re.compile(r"[.;:!?\n։]|,\s")
_NOUN = re.compile(r"[\s\u00a0]*([^\W\d_][\w'’ʼ-]*)")
_CATEGORY_REACH = 60
_SENTENCE_BREAK = re.compile(r"[.;!?\n։]")


class _Candidate(NamedTuple):  # a named tuple, cheap to make (see number_locale.DigitNumber)
    start: int
    end: int
    value: float
    upper: float | None
    in_digits: bool
    vague: bool
    lone_word: bool  # one number word of value 1 ("un", "bir"): mostly an article
    scaled: bool


_RANGE_TABLES = {language: {between: "range"} for language, between in RANGE_BETWEEN.items()}
_PATTERNS: dict[tuple[int, str], tuple[re.Pattern[str], list[str]]] = {}


def _alternatives(table: dict[str, str], template: str) -> tuple[re.Pattern[str], list[str]]:
    """One pattern with a named group per table entry, compiled once per table."""
    key = (id(table), template)
    if key not in _PATTERNS:
        body = "|".join(f"(?P<g{i}>{fragment})" for i, fragment in enumerate(table))
        pattern = guarded(template.replace("BODY", body), re.IGNORECASE)
        _PATTERNS[key] = (pattern, list(table.values()))
    return _PATTERNS[key]


def _table_match(
    table: dict[str, str], template: str, text: str, position: int, *, search: bool = False
) -> tuple[re.Match[str], str] | None:
    if not table:
        return None
    pattern, values = _alternatives(table, template)
    match = pattern.search(text) if search else pattern.match(text, position)
    if not match or match.lastgroup is None:
        return None
    return match, values[int(match.lastgroup[1:])]


def _vague(text: str, language: str, start: int, end: int) -> list[_Candidate]:
    table = VAGUE.get(language)
    if not table:
        return []
    values = list(table.values())
    found = []
    for match in _vague_pattern(language).finditer(text, start, end):
        value, upper = values[int(str(match.lastgroup)[1:])]
        found.append(
            _Candidate(match.start(), match.end(), value, upper, False, True, False, False)
        )
    return found


@lru_cache(maxsize=16)
def _vague_pattern(language: str) -> re.Pattern[str]:
    body = "|".join(f"(?P<g{i}>{fragment})" for i, fragment in enumerate(VAGUE[language]))
    return guarded(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _candidates(text: str, language: str, start: int, end: int) -> list[_Candidate]:
    """Every number-like thing in the paragraph, overlapping ones resolved."""
    found = [
        _Candidate(n.start, n.end, n.value, None, True, False, False, n.scaled)
        for n in find_locale_digits(text, language, start, end)
    ]
    found += [
        _Candidate(
            w.start, w.end, w.value, None, False, False, w.parts == 1 and w.value == 1, False
        )
        for w in find_word_numbers(text, language, start, end)
    ]
    found += _vague(text, language, start, end)
    # Earliest first; at one start, vague before words ("тысячи людей"), longest first.
    found.sort(key=lambda c: (c.start, not c.vague, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for candidate in found:
        if kept and candidate.start < kept[-1].end:
            previous = kept[-1]
            if not previous.vague and candidate.end > previous.end and not previous.in_digits:
                kept[-1] = candidate  # "две тысячи" read as a word number, not "тысячи"
            continue
        kept.append(candidate)
    return kept


_PERCENT_SIGN = re.compile(r"[\s\u00a0]?%")
_SENTENCE_END_BEFORE = re.compile(r"[.!?:\n]\s*$")


@lru_cache(maxsize=128)
def _compiled_i(source: str) -> re.Pattern[str]:
    """A language's grammar fragment compiled once, case-insensitive (not rebuilt and looked
    up in re's own cache for every number)."""
    return re.compile(source, re.IGNORECASE)


_GLUED_DIGITS = re.compile(r"[/.,]\d")
_PERCENT_WORD = re.compile(r"(?:per|por|pour)[\s\u00a0]+$", re.IGNORECASE)  # "per cento"
# After a year or a day that is not a count, the other end of its range goes too:
# "1941–1945", "с 9 по 12", "9-dan 11-dək", "14-ից 16-ը" (a day, or a year of 2–4 digits).
_RANGE_SKIP = re.compile(
    r"(?:(?:[-‑'’]\w{1,5})?(?:\s*[-–—/]\s*|\s+(?:по|до|и|і|та|y|e|et|au|al|a|bis|und|ilə|və|"
    r"ile|ve|and|to)\s+)|[-‑'’](?:dan|dən|den|ten|tan|ից|დან|იდან)\s+)(?:\d{1,2}|\d{4})(?!\d)"
    r"(?:[-‑'’]\w{1,5})?"
)


def _century_word(text: str, start: int, value: float) -> bool:
    """ "il Novecento", "gli anni Duemila": a capitalised hundred inside a sentence."""
    if value < 100 or not text[start].isupper():
        return False
    before = text[max(0, start - 3) : start]
    return bool(before.strip()) and not _SENTENCE_END_BEFORE.search(before)


def _as_number_word(text: str, candidate: _Candidate, language: str, paragraph: int) -> _Candidate:
    """ "менше тисячі", "более тысячи": after a qualifier the plural is one thousand."""
    qualifier, _ = _qualifier_before(text, candidate.start, language, paragraph)
    words = find_word_numbers(text, language, candidate.start, candidate.end)
    if qualifier == "exact" or len(words) != 1 or words[0].end != candidate.end:
        return candidate
    return _Candidate(
        candidate.start, candidate.end, words[0].value, None, False, False, False, False
    )


def _excluded(text: str, candidate: _Candidate, language: str) -> bool:
    if candidate.vague:
        return False
    start, end = candidate.start, candidate.end
    if candidate.lone_word or (candidate.value < 1 and not candidate.in_digits):
        return True
    if is_fraction(text, end, language):
        return True
    if not candidate.in_digits:
        return (
            bool(_PERCENT_WORD.search(text, max(0, start - 6), start))
            or _century_word(text, start, candidate.value)
            or is_identifier(text, start, end, language)
            or is_date_part(text, start, end, language)
            or is_decade(text, start, language)
            or is_clock_time(text, start, end, language, candidate.value)
        )
    if is_list_label(text, start, end) or is_phone(text, start, end):
        return True
    before = text[start - 1] if start else " "
    if before.isalpha() or before in "#@/_\\":
        return True
    if before in "-–" and start >= 2 and text[start - 2].isalnum():
        return True
    if _GLUED_DIGITS.match(text, end):  # "12/3", "1.2.1990"
        return True
    return (
        (
            is_ordinal(text, start, end, language)
            and not _qualified_at_full_stop(text, candidate, language)
        )
        or is_identifier(text, start, end, language)
        or is_clock_time(text, start, end, language, candidate.value)
        or is_date_part(text, start, end, language)
        or is_year(text, start, end, candidate.value, language)
    )


def _qualified_at_full_stop(text: str, candidate: _Candidate, language: str) -> bool:
    """ "ən azı 12. Qardaşım …": a number a qualifier counts ends its sentence; it is not
    an ordinal "12." (an ordinal is never "at least" or "about")."""
    if not text.startswith(".", candidate.end):
        return False
    paragraph = max(0, candidate.start - 40)
    return _qualifier_before(text, candidate.start, language, paragraph)[0] != "exact"


def _second_number(
    text: str, position: int, language: str, candidates: list[_Candidate]
) -> _Candidate | None:
    for candidate in candidates:
        if candidate.start == position and not candidate.vague:
            return candidate
        if candidate.start > position:
            break
    match = digit_pattern(language).match(text, position)
    if not match:
        return None
    scale = match.group("scale")
    value = parse_locale_digits(match.group("num"), language, scale is not None)
    if scale:
        value *= scale_value(scale, language)
    return _Candidate(match.start(), match.end(), value, None, True, False, False, bool(scale))


def _range(
    text: str, first: _Candidate, language: str, candidates: list[_Candidate], paragraph: int
) -> tuple[_Candidate, int] | None:
    """The second number of a range and where the opener starts ("от", "dai", "entre")."""
    found = (
        _table_match(_RANGE_TABLES[language], "(?:BODY)", text, first.end)
        if (language in RANGE_BETWEEN)
        else None
    )
    if not found:
        return None
    separator = found[0]
    second = _second_number(text, separator.end(), language, candidates)
    if second is None:
        return None
    opener_start = first.start
    opener = RANGE_OPENERS.get(language, "")
    opener_match = (
        _compiled_i(rf"(?:^|(?<=[\s(]))(?:{opener})[\s\u00a0]*$").search(
            text[paragraph : first.start]
        )
        if opener
        else None
    )
    if opener_match:
        opener_start = paragraph + opener_match.start()
    needs = RANGE_NEEDS_OPENER.get(language, "")
    if (
        needs
        and _compiled_i(rf"\s*(?:{needs})\s*").fullmatch(separator.group())
        and not opener_match
    ):
        closer = RANGE_CLOSERS.get(language)
        if not closer or not _compiled_i(closer).match(text[second.end : second.end + 40]):
            return None
    first_value = first.value
    if second.scaled and not first.scaled and first.in_digits:
        first_value *= second.value / _unscaled(text, second, language)
    if second.value <= first_value:
        return None
    return second, opener_start


def _unscaled(text: str, number: _Candidate, language: str) -> float:
    match = digit_pattern(language).match(text, number.start)
    if not match:
        return number.value
    return parse_locale_digits(match.group("num"), language, True) or 1.0


def _qualifier_before(text: str, start: int, language: str, paragraph: int) -> tuple[str, int]:
    window_start = max(paragraph, start - 40)
    window = text[window_start:start]
    inverted = APPROXIMATE_INVERSION.get(language)
    if inverted and _compiled_i(rf"(?<!\w){inverted}[\s\u00a0]+$").search(window):
        return "about", start  # "человек двадцать": about twenty people
    found = _table_match(
        QUALIFIERS_BEFORE.get(language, {}),
        r"(?:^|(?<=[\s(«\"„“'’]))(?:BODY)[\s\u00a0]*(?:(?:el|la|los|las|le|les|il|i|gli|lo|l['’]|"
        r"die|der|den)[\s\u00a0]+|l['’])?$",
        window,
        0,
        search=True,
    )
    if not found:
        return "exact", start
    match, qualifier = found
    if qualifier == "up to":
        change = CHANGE_BEFORE_UP_TO.get(language)
        if change and _compiled_i(change).search(window[: match.start()]):
            return "exact", start
    return qualifier, window_start + match.start()


def _category(
    text: str,
    start: int,
    end: int,
    language: str,
    paragraph: tuple[int, int],
    vocabulary: Vocabulary | None = None,
) -> str | None:
    """The event word nearest the figure in its clause, after it first.

    The language's own stems are read first; then the user's vocabulary, which may hold
    words of any language ("погибли" added by hand).
    """
    after_limit = min(paragraph[1], end + _CATEGORY_REACH)
    clause = _CLAUSE_END.search(text, end, after_limit)
    after_end = clause.start() if clause else after_limit
    after = find_categories(text, language, end, after_end)
    if not after and vocabulary is not None:
        after = vocabulary.find_all(text, end, after_end)
    if after:
        return single_category(text, after)
    before_start = max(paragraph[0], start - _CATEGORY_REACH)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, before_start, start)]
    if breaks:
        before_start = breaks[-1]
    before = find_categories(text, language, before_start, start)
    if not before and vocabulary is not None:
        before = vocabulary.find_all(text, before_start, start)
    return before[-1].category if before else None


def _counted(text: str, position: int, limit: int) -> tuple[str, int]:
    match = _NOUN.match(text, position, limit)
    if not match:
        return "", position
    return match.group(1), match.end(1)


def find_figures_in(
    text: str,
    language: str,
    start: int,
    end: int,
    claimed: SpanSet,
    vocabulary: Vocabulary | None = None,
) -> list[FigureSuggestion]:
    """Figures in the paragraph ``text[start:end]`` written in *language*.

    *vocabulary* is the user's editable vocabulary, read after the language's own stems.
    """
    candidates = _candidates(text, language, start, end)
    figures: list[FigureSuggestion] = []
    resume = start
    taken = ClaimedIndex(claimed)
    for index, candidate in enumerate(candidates):
        if candidate.start < resume or taken.hits(candidate.start, candidate.end):
            continue
        if _excluded(text, candidate, language):
            if candidate.in_digits:  # "1941–1945", "9-dan 11-dək": the second goes too
                skip = _RANGE_SKIP.match(text, candidate.end, min(end, candidate.end + 16))
                resume = skip.end() if skip else candidate.end
            continue
        if candidate.vague and candidate.upper is not None:
            candidate = _as_number_word(text, candidate, language, start)
        figure_start = candidate.start
        qualifier = "exact"
        value, upper, number_end = candidate.value, candidate.upper, candidate.end
        if candidate.vague:
            qualifier = "about"
            if upper is None:  # "cerca de un millar", "près d'une centaine"
                found, figure_start = _qualifier_before(text, candidate.start, language, start)
                qualifier = "about" if found == "exact" else found
        else:
            qualifier, figure_start = _qualifier_before(text, candidate.start, language, start)
            ranged = _range(text, candidate, language, candidates[index + 1 :], start)
            if ranged and is_clock_time(
                text, ranged[0].start, ranged[0].end, language, ranged[0].value
            ):
                resume = ranged[0].end  # "von 9 bis 16 Uhr"
                continue
            if ranged:
                second, opener_start = ranged
                if second.scaled and not candidate.scaled and candidate.in_digits:
                    value *= second.value / _unscaled(text, second, language)
                upper, qualifier, number_end = second.value, "range", second.end
                figure_start = min(figure_start, opener_start)
        if (
            qualifier == "exact"
            and upper is None
            and is_single_age(text, candidate.start, candidate.end, language)
        ):
            resume = candidate.end
            continue
        after = _table_match(QUALIFIERS_AFTER.get(language, {}), "(?:BODY)", text, number_end)
        if after and not upper:
            qualifier, number_end = after[1], after[0].end()
            change = CHANGE_AFTER_UP_TO.get(language)
            if qualifier == "up to" and change and _compiled_i(change).match(text[number_end:]):
                qualifier = "exact"
        percent = _PERCENT_SIGN.match(text, number_end, number_end + 2)
        if percent:
            number_end = percent.end()
        elif text[max(start, figure_start - 1) : figure_start] == "%":
            figure_start -= 1
        noun, noun_end = _counted(text, number_end, end)
        span_end = max(number_end, noun_end)
        figures.append(
            FigureSuggestion(
                start=figure_start,
                end=span_end,
                value=value,
                upper_value=upper,
                qualifier=qualifier,
                counted="%" if percent else noun,
                category=_category(
                    text, figure_start, number_end, language, (start, end), vocabulary
                ),
            )
        )
        resume = number_end
    return figures
