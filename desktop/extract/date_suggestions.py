"""Date suggestions: find dates in running text, in the paragraph's language, as EDTF.

EDTF (the Library of Congress Extended Date/Time Format) is what the catalogue stores
because archival dates are rarely single days: "11–13 July 1995" is an interval,
"June 2010" a month, "each year on 11 July" a day of an unknown year,
"since 1991" an interval open at its end. Each suggestion also carries ISO lower/upper
bounds so the catalogue can sort and filter without an EDTF parser.

Which rules read a paragraph: the English patterns (``date_patterns_en``; they also
read numeric dates in any language) and the rules of the paragraph's own language
(``date_multilingual``). Month names of another language are read too, but only where
the word is not also a month of the paragraph's language, so a Spanish paragraph taken
for French, or a Ukrainian one taken for Russian, still gives its dates.

A day and month without a year ("13 April", "26 fevral") is completed from the context
or the document's own date (see ``_complete``) and marked as inferred: EDTF
"2021-04-13?", certainty "uncertain". With nothing to complete it from it is
"XXXX-04-13" when the text dates anything else, and only claimed (never a figure) in a
fragment with no date at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from desktop.extract.date_anchors import MonthWord, month_languages, read_words, with_words_before
from desktop.extract.date_core import Day, Found, valid
from desktop.extract.date_gate import any_of, first_branch
from desktop.extract.date_multilingual import (
    LANGUAGES,
    NEAR_MONTH,
    find_in_language,
    find_periods,
    patterns_for,
    period_anchors,
    qualify,
)
from desktop.extract.date_patterns_en import (
    BARE_YEAR,
    ENGLISH_LEAD,
    PATTERNS,
    TIME,
    Handler,
    bare_year,
    open_since,
)
from desktop.extract.date_year_context import (
    beyond_document,
    month_context_year,
    moved_on,
    year_bearing,
)
from desktop.extract.figure_categories import DEFAULT_VOCABULARY, Vocabulary, VocabularyMatch
from desktop.extract.languages import LanguageMap
from desktop.extract.regex_guard import FirstCharacterIndex, guarded
from desktop.extract.suggestion_data import DateSuggestion
from desktop.extract.text_nearby import SpanSet, digit_windows, sentence_bounds

_EVENT_WORDS = guarded(
    r"\b(?:massacre|genocide|attack(?:ed)?|war|conflict|clashes|agreement|ceasefire|"
    r"cease-fire|election|resolution|convention|treaty|founded|launched|adopted|signed|"
    r"declared|published|invaded|erupted|occupied|liberated|commemorat\w+|ended|began|"
    r"established|opened|closed|recogni[sz]ed|elected|appointed|died|born)\b",
    re.IGNORECASE,
)


# The English shapes that need no month name (ISO and numeric dates, quarters, decades,
# ranges of years): the only ones worth trying where no English month is written.
_MONTH_GROUP = re.compile(r"\(\?P<m(?:\d|_)?>")
_NO_MONTH = [(p, h) for p, h in PATTERNS if not _MONTH_GROUP.search(p.pattern)]
# The same lists by the character a match can start with (see regex_guard).
_ENGLISH = FirstCharacterIndex(PATTERNS, itemgetter(0))
_ENGLISH_NO_MONTH = FirstCharacterIndex(_NO_MONTH, itemgetter(0))
_ENGLISH_LEAD = FirstCharacterIndex((ENGLISH_LEAD,), lambda pattern: pattern)


def _spans(text: str, languages: LanguageMap | None) -> list[tuple[int, int, str | None]]:
    if languages is None or not languages.spans:
        return [(0, len(text), None if languages is None else languages.document)]
    spans: list[tuple[int, int, str | None]] = []
    position = 0
    for span in languages.spans:
        if span.start > position:
            spans.append((position, span.start, languages.document))
        spans.append((span.start, span.end, span.language))
        position = span.end
    if position < len(text):
        spans.append((position, len(text), languages.document))
    return spans


_DIGIT_RUN = re.compile(r"\d+")


def _between(positions: list[int], start: int, end: int) -> list[int]:
    """The sorted *positions* in ``[start, end)``."""
    return positions[bisect_left(positions, start) : bisect_left(positions, end)]


def _candidates(text: str, languages: LanguageMap | None) -> list[Found]:
    """Every match of every rule that applies, the paragraph's language first.

    Patterns are tried only where a date can start (a number, a month name, or a word
    just before one), with ``match`` rather than a scan of the whole text: on a page
    that is most of the cost saved.
    """
    found: list[Found] = []
    spans = _spans(text, languages)
    runs = list(_DIGIT_RUN.finditer(text))
    digits = [run.start() for run in runs]
    # A decade ends in 0 ("1990-х", "anni '70"); a century has one or two digits.
    periodic = [run.start() for run in runs if run.end() - run.start() <= 2 or run[0][-1] == "0"]
    words = read_words(text)
    for s_start, s_end, language in spans:
        if language in LANGUAGES:
            points = _between(periodic, s_start, s_end)
            points += [d - 1 for d in points if d and text[d - 1] in "'’"]  # "del '94"
            points += period_anchors(text, s_start, s_end, language)
            if points:
                starts = words.plain_between(max(s_start, min(points) - 30), s_end)
                anchors = with_words_before(points, starts)
                found += find_periods(text, anchors, s_end, language)
    for w_start, w_end in digit_windows(text):
        starts, months = words.between(w_start, w_end)
        window_digits = _between(digits, w_start, w_end)
        for s_start, s_end, language in spans:
            start, end = max(w_start, s_start), min(w_end, s_end)
            if start < end:
                local_starts = starts if start <= w_start and w_end <= end else None
                found += _in_language(
                    text,
                    start,
                    end,
                    language,
                    months if local_starts is not None else _months_between(months, start, end),
                    window_digits if local_starts is not None else _between(digits, start, end),
                    local_starts if local_starts is not None else _between(starts, start, end),
                )
        found += _in_english(text, w_end, months, window_digits, starts)
    return found


def _months_between(months: list[MonthWord], start: int, end: int) -> list[MonthWord]:
    return [month for month in months if start <= month[0] < end]


_Shapes = tuple[tuple[re.Pattern[str], Handler], ...]
# (the shapes, one pattern for any of them or None, the shapes to try where it fails,
# the shapes to try where it matches by each of them: see date_gate.first_branch)
_Gated = tuple[_Shapes, re.Pattern[str] | None, _Shapes, tuple[_Shapes, ...]]


def _gated(shapes: _Shapes) -> _Gated:
    gate, left_out = any_of([pattern for pattern, _handler in shapes])
    from_branch = tuple(
        tuple(shape for index, shape in enumerate(shapes) if index >= k or index in left_out)
        for k in range(len(shapes))
    )
    return shapes, gate, tuple(shapes[index] for index in left_out), from_branch


class _EnglishAtCharacter(dict[str, tuple[_Gated, _Gated, bool]]):
    """The English shapes that can start with a character, with a month name near and
    without (each with ``any_of`` them, see ``_gated``), and whether a lead word can."""

    def __missing__(self, character: str) -> tuple[_Gated, _Gated, bool]:
        found = (
            _gated(_ENGLISH.at(character)),
            _gated(_ENGLISH_NO_MONTH.at(character)),
            bool(_ENGLISH_LEAD.at(character)),
        )
        self[character] = found
        return found


_ENGLISH_AT = _EnglishAtCharacter()


def _in_english(
    text: str, end: int, months: list[MonthWord], digits: list[int], word_starts: list[int]
) -> list[Found]:
    """Candidates of the English patterns (which also read numeric dates in any
    language) in one digit window ending at *end*."""
    found: list[Found] = []
    english_words = patterns_for("en")
    english = [position for position, languages, _ in months if "en" in languages]
    english_starts = set(english)
    count = len(english)
    for anchor in with_words_before(digits + english, word_starts):
        first = text[anchor]
        near_month, far_from_months, lead = _ENGLISH_AT[first]
        if not (first.isdigit() or anchor in english_starts) and not (
            lead and ENGLISH_LEAD.match(text, anchor)
        ):
            continue
        index = bisect_left(english, anchor)
        near = index < count and english[index] - anchor <= NEAR_MONTH
        shapes, gate, left_out, from_branch = near_month if near else far_from_months
        if gate is not None:
            opened = gate.match(text, anchor, end)
            # None: only those left out can match; else none joined before the one that did
            shapes = left_out if opened is None else from_branch[first_branch(opened)]
        for pattern, handler in shapes:
            match = pattern.match(text, anchor, end)
            if match is not None:
                result = handler(match)
                if result is not None:
                    found.append(qualify(english_words, text, result))
    return found


def _in_language(
    text: str,
    start: int,
    end: int,
    language: str | None,
    words: list[MonthWord],
    digits: list[int],
    word_starts: list[int],
) -> list[Found]:
    """Candidates in ``text[start:end]`` (one paragraph language, one digit window):
    *words*, *digits* and *word_starts* are those of that stretch."""
    found: list[Found] = []
    own = language if language in LANGUAGES else None
    months = month_languages(words, own)
    if own is not None:
        positions = months.get(own, [])  # in order, as *words* are
        anchors = with_words_before(digits + positions, word_starts)
        found += find_in_language(text, anchors, end, own, positions)
    else:
        for digit in digits:
            match = BARE_YEAR.match(text, digit, end)
            year = bare_year(text, match) if match is not None else None
            if year is not None:
                found.append(qualify(patterns_for("en"), text, year))
    for other in sorted(months.keys() - {own, "en"}):
        positions = months[other]
        near = [d for d in digits if any(0 <= p - d <= 60 for p in positions)]
        anchors = with_words_before(near + positions, word_starts)
        found += find_in_language(text, anchors, end, other, positions)
    return found


def _choose(candidates: list[Found]) -> list[Found]:
    """Longest match wins; ties go to the earlier candidate (the paragraph's language)."""
    ranked = sorted(candidates, key=lambda f: (-(f.end - f.start), f.start))
    chosen: list[Found] = []
    taken = SpanSet()
    for found in ranked:
        if not taken.hits(found.start, found.end):
            taken.add(found.start, found.end)
            chosen.append(found)
    return sorted(chosen, key=lambda f: f.start)


def _year_of(found: Found) -> int | None:
    """The year a found date ends in, if it has a known year."""
    if not found.emit or found.upper is None or "X" in found.edtf:
        return None
    return int(found.upper[:4])


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DAY_PRECISION = re.compile(r"\d{4}-\d{2}-\d{2}")


def _complete(text: str, chosen: list[Found], document_date: str | None) -> list[Found]:
    """Give each year-less day its year (see the module docstring).

    In order: a year or a full date written earlier in the same paragraph ("En 1995 …
    C'était le 16 juillet"); else the last full date before it, as a narrative's days
    follow each other, unless the day would then fall on or before that date (a
    narrative does not step back: "le 10 mars 1906 … du 10 mars au 30 juin" in a 2006
    article is 2006); else the document's date; else the last year written before. A
    month is a weak anchor ("la crue de septembre 1958 … jusqu'au 12 octobre" in a
    2020 report is 2020).
    """
    document_year = None
    if document_date and document_date[:4].isdigit():
        document_year = int(document_date[:4])
    dated = any(_year_of(found) is not None for found in chosen)
    result: list[Found] = []
    last_day: Found | None = None
    last_written_day: Found | None = None  # a narrative steps back from a written day
    paragraph_anchor: Found | None = None
    any_year: int | None = None
    written: list[Found] = []  # dates with their year written out, in order
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    for found in chosen:
        if paragraph_anchor is not None and _PARAGRAPH_BREAK.search(
            text, paragraph_anchor.end, found.start
        ):
            paragraph_anchor = None
        if found.yearless is not None:
            month, day = found.yearless
            before = bisect_right(breaks, found.start)
            paragraph_start = breaks[before - 1] if before else 0
            future = beyond_document(document_date, month, day)
            reach_back = bool(written) and (
                bisect_right(breaks, written[-1].start) >= before - 1 or future
            )
            year = month_context_year(written, paragraph_start, month, reach_back=reach_back)
            if year is None and paragraph_anchor is not None:
                year = _year_of(paragraph_anchor)
            elif year is None and last_day is not None and last_day.upper is not None:
                candidate = _year_of(last_day)
                step_from = last_day
                if last_written_day is not None and _year_of(last_written_day) == candidate:
                    step_from = last_written_day
                assert step_from.upper is not None
                follows = candidate is not None and (
                    document_year is None
                    or document_year <= candidate
                    or (candidate, month, day) > _month_day(step_from.upper)
                )
                if (follows and not moved_on(written, last_day, document_year)) or future:
                    year = candidate
            found = _with_year(found, year or document_year or any_year, dated)
        year = _year_of(found)
        if year is not None:
            any_year = year
            if year_bearing(found) and not found.inferred:
                written.append(found)
            precise = _DAY_PRECISION.match(found.edtf)
            if precise:
                last_day = found
                if not found.inferred:
                    last_written_day = found
            if (precise or found.edtf.rstrip("~?").isdigit()) and not found.inferred:
                paragraph_anchor = found
        result.append(found)
    return result


def _month_day(iso: str) -> tuple[int, int, int]:
    return int(iso[:4]), int(iso[5:7]), int(iso[8:10])


def _with_year(found: Found, year: int | None, dated: bool) -> Found:
    first = found.yearless
    last = found.yearless_end or first
    assert first is not None and last is not None
    if year is None:
        if not dated:
            return found
        edtf = Day(None, *first).edtf()
        if found.yearless_end is not None:
            edtf += "/" + Day(None, *last).edtf()
        return Found(found.start, found.end, edtf, None, None)
    first_year = year - 1 if last[0] < first[0] else year
    if not (valid(first_year, *first) and valid(year, *last)):
        return found
    start, end = Day(first_year, *first), Day(year, *last)
    edtf = start.edtf() + "?"
    if found.yearless_end is not None:
        edtf += "/" + end.edtf() + "?"
    return Found(
        found.start, found.end, edtf, start.lower(), end.upper(), "uncertain", inferred=True
    )


_EventWords = tuple[list[VocabularyMatch], list[re.Match[str]]]


def _what(
    text: str,
    start: int,
    end: int,
    vocabulary: Vocabulary,
    sentences: dict[tuple[int, int], _EventWords] | None = None,
) -> str | None:
    """The event nearest the date in its sentence, when the sentence names one.

    *sentences* keeps each sentence's event words for the next date in it (a sentence
    with five dates was read five times)."""
    bounds = sentence_bounds(text, start)
    words = sentences.get(bounds) if sentences is not None else None
    if words is None:
        words = (
            vocabulary.find_all(text, *bounds),
            list(_EVENT_WORDS.finditer(text, *bounds)),
        )
        if sentences is not None:
            sentences[bounds] = words
    candidates: list[tuple[int, str]] = []
    for vm in words[0]:
        candidates.append((min(abs(vm.start - end), abs(start - vm.end)), vm.category))
    for em in words[1]:
        if em.start() >= end or em.end() <= start:
            candidates.append(
                (min(abs(em.start() - end), abs(start - em.end())), em.group(0).casefold())
            )
    if not candidates:
        return None
    return min(candidates)[1]


def find_dates(
    text: str,
    claimed: SpanSet | None = None,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    *,
    languages: LanguageMap | None = None,
    document_date: str | None = None,
) -> list[DateSuggestion]:
    """Date suggestions in order of position.

    *languages* says which language each paragraph is in (rules are chosen per
    language; without it the text is read as English, plus any other language's month
    names); *document_date* (ISO) completes a day and month given without a year.

    Every span recognised as a date, a year-less day or a clock time is added to
    *claimed*, so the figure suggester can skip the numbers inside them.
    """
    chosen = _complete(text, _choose(_candidates(text, languages)), document_date)
    if claimed is not None:
        for found in chosen:
            claimed.add(found.start, found.end)
        for w_start, w_end in digit_windows(text):
            for match in TIME.finditer(text, w_start, w_end):
                claimed.add(match.start(), match.end())
    suggestions = []
    sentences: dict[tuple[int, int], _EventWords] = {}
    for found in chosen:
        if not found.emit:
            continue
        found = open_since(text, found)
        suggestions.append(
            DateSuggestion(
                start=found.start,
                end=found.end,
                edtf=found.edtf,
                lower=found.lower,
                upper=found.upper,
                what=_what(text, found.start, found.end, vocabulary, sentences),
                certainty=found.certainty,
                inferred=found.inferred,
            )
        )
    return suggestions
