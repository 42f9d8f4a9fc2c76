"""Figure suggestions: how many of what, with the qualifier the text puts on it.

A figure is a cardinal number (digits or words) together with the noun phrase it
counts ("412 fleeing villagers") and, when the clause says so, the event
("were taken hostage"). The event maps to an editable vocabulary category, so that
"perished", "murdered" and "lost their lives" compare as "killed" across sources.

Numbers that are not counts are left alone: anything the date suggester claimed
(dates, year-less days, clock times), ordinals ("41st", "214th"), identifiers
("K-93PQ7ZT1LX", "Resolution 181"), layout measurements ("14 px"), and a lone "one",
which is mostly idiom ("not one state", "one of the most") unless an event follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from desktop.extract.figure_categories import DEFAULT_VOCABULARY, Vocabulary, VocabularyMatch
from desktop.extract.figure_claimed import ClaimedIndex
from desktop.extract.figure_english import category_before, counts_without_noun, vague_figures
from desktop.extract.figure_guards import is_single_age
from desktop.extract.figure_locale import LOCALE_LANGUAGES, find_figures_in, language_by_script
from desktop.extract.languages import LanguageMap
from desktop.extract.numbers import (
    DIGIT_NUMBER,
    WORD_NUMBER,
    NumberMatch,
    find_numbers,
    parse_digits,
    parse_word_number,
)
from desktop.extract.suggestion_data import FigureSuggestion
from desktop.extract.text_nearby import PLURAL_NOUNS, SpanSet, is_plural, sentence_bounds, word_set

# Qualifier phrases immediately before the number, mapped onto model.QUALIFIERS.
_QUALIFIER_PHRASES = {
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "c.": "about", "~": "about", "approx.": "about", "over": "more than",
    "more than": "more than", "above": "more than", "in excess of": "more than",
    "upwards of": "more than", "at least": "at least", "no fewer than": "at least",
    "no less than": "at least", "a minimum of": "at least", "not less than": "at least",
    "up to": "up to", "as many as": "up to", "at most": "at most", "no more than": "at most",
    "not more than": "at most", "a maximum of": "at most", "fewer than": "fewer than",
    "less than": "fewer than", "under": "fewer than", "below": "fewer than",
}  # fmt: skip
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?<![\w])(?P<q>"
    + "|".join(re.escape(q) for q in sorted(_QUALIFIER_PHRASES, key=len, reverse=True))
    + r"))\s*$",
    re.IGNORECASE,
)
_SUFFIX_QUALIFIER = re.compile(r"(?:\+|\s+or\s+more\b|-plus\b|\s+or\s+so\b)", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"(?P<sep>\s*[-–—]\s*|\s+(?:to|and)\s+)", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)

# Words before a number that make it a label, not a count ("Resolution 181").
_IDENTIFIER_NOUNS = word_set(
    "resolution resolutions no no. nos number article art section sec chapter chap page "
    "pages p p. pp pp. paragraph para room flight route highway platform protocol decree "
    "case file item volume vol vol. issue box folder series version v law rule clause annex "
    "appendix table figure fig fig. code model unit block building apartment apt street "
    "road zone sector bus line gate level grade class act order session"
)
_LAYOUT_UNITS = re.compile(r"\s*(?:px|pt|em|rem|dpi|ppi|pixels?)\b", re.IGNORECASE)
_STOP_WORDS = word_set(
    "the a an of in on at by for with from to and or but nor were was are is be been being "
    "have has had who whom which that whose including among as than after before since "
    "during while still also not it its their this these those both per into over under "
    "across against ago later earlier each every all only alone will would could should may "
    "might can must do does did so such"
)
# Frequent past-tense verbs without "-ed", which end a noun phrase ("17 workers lost ...").
_IRREGULAR_VERBS = word_set(
    "lost took gave made left came went saw found fought held kept met ran sent spent stood "
    "told won wrote began broke brought built bought caught chose drew drove fell felt flew "
    "got grew hid hit hung knew led paid put rose said sat set shot sold sought struck threw "
    "thought wore remain remains remained last next live lived"
)
_COORDINATED = re.compile(
    r"[ ]+(?:and|or)[ ]+(?:[a-z]+[ ]+)?(?:[a-z]+s|" + "|".join(sorted(PLURAL_NOUNS)) + r")\b"
)
_AUXILIARIES = (
    r"(?:were|was|are|is|have\s+been|has\s+been|had\s+been|have|has|had|been|being|got|get|"
    r"reportedly|allegedly|later|subsequently|still|also|all|then|either|were\s+later|"
    r"(?:may|might|could|must|would)(?:\s+have)?|(?:are|were|is)\s+(?:feared|believed|thought|"
    r"said|reported)(?:\s+to\s+have)?)"
)
_BREAKDOWN_CUE = re.compile(
    r"^[\s,;:(–—-]*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them|"
    r"among\s+those|comprising)[\s:,;–—-]*$",
    re.IGNORECASE,
)
_BREAKDOWN_NEXT = re.compile(r"^[\s,;]*(?:(?:and|as\s+well\s+as)\s+)?$", re.IGNORECASE)
# The same cue after the whole's own clause: "64 residents were killed in one night,
# including 19 women" (the gap runs to the cue; no sentence ends in it).
_BREAKDOWN_CUE_LATE = re.compile(
    r"[,;:(–—-]\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|"
    r"among\s+those)[\s:,;–—-]*$",
    re.IGNORECASE,
)
_PRE_GAP = re.compile(r"^\s*(?:(?:the|of|a|an|some|all|its|their|at|least)\s+)*$", re.I)
_TOKEN = re.compile(r"\s*([A-Za-z][\w'’.-]*|%)")
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}$")
_FRACTION_OR_ORDINAL = re.compile(
    r"-(?:first|second|third|fifth|half|halves|quarter|\w+th)s?\b", re.IGNORECASE
)
_SUFFIX_UNIT = re.compile(r"\s*per\s*cent\b|\s*percent\b", re.IGNORECASE)
_TIME_UNITS = word_set("seconds minutes hours days nights weeks months years decades")
_CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros", "US$": "US dollars"}


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    value: float
    upper_value: float | None
    qualifier: str
    noun: str
    verb: VocabularyMatch | None
    category: str | None
    verb_is_after: bool
    number_start: int
    in_words_one: bool


def _is_excluded_number(text: str, number: NumberMatch) -> bool:
    """Ordinals, identifiers, glued codes and layout units are never figures."""
    start, end = number.start, number.end
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if number.in_words:
        return bool(_FRACTION_OR_ORDINAL.match(text, end))
    if before.isalpha() or before in "#@/_\\":
        return True
    if before in "-–" and start >= 2 and text[start - 2].isalnum():
        return True  # "K-93PQ7ZT1LX"; a range's second number is read with its first
    if after.isalpha() or after in "_@/":
        return True  # "41st", "93PQ", "11july"
    if after in ":" and text[end + 1 : end + 2].isdigit():
        return True
    if _LAYOUT_UNITS.match(text, end):
        return True
    previous = re.search(r"([A-Za-z][\w.]*)\s*$", text[max(0, start - 20) : start])
    return bool(previous and previous.group(1).casefold() in _IDENTIFIER_NOUNS)


def _number_at(text: str, position: int) -> tuple[int, float] | None:
    """A number (digits or words) starting exactly at *position*: (end, value)."""
    match = DIGIT_NUMBER.match(text, position)
    if match:
        scale = match.group("scale") or match.group("short")
        return match.end(), parse_digits(match.group("num"), scale)
    match = WORD_NUMBER.match(text, position)
    if match:
        value = parse_word_number(match.group(0))
        if value is not None:
            return match.end(), value
    return None


def _noun_phrase(text: str, position: int, vocabulary: Vocabulary) -> tuple[str, int, int]:
    """The counted noun phrase after a number: (phrase, end offset, where a verb may start).

    Up to three words, stopping at function words, adverbs, a second "-ing" word,
    punctuation and any vocabulary phrase (that is the event, read separately).
    """
    words: list[str] = []
    end = position
    cursor = position
    hyphen = re.match(r"-([A-Za-z]+)", text[position:])  # "44-day conflict"
    if hyphen:
        words.append(hyphen.group(1))
        end = cursor = position + hyphen.end()
    while len(words) < 3:
        match = _TOKEN.match(text, cursor)
        if not match or "\n" in text[cursor : match.start(1)]:
            break
        word = match.group(1)
        if word != "%" and not _ABBREVIATION.match(word):
            word = word.rstrip(".'’-")
        lowered = word.casefold()
        if (
            lowered in _STOP_WORDS
            or vocabulary.match_at(text, match.start(1)) is not None
            or (words and lowered in _IRREGULAR_VERBS)
            or (words and len(lowered) > 4 and lowered.endswith(("ly", "ing", "ed")))
        ):
            break
        words.append(word)
        end = match.start(1) + len(word)
        cursor = end
        if is_plural(lowered) or word == "%":
            coordinated = _COORDINATED.match(text, end)
            if coordinated and not vocabulary.find_all(coordinated.group(0)):
                words.append(coordinated.group(0).strip())
                end = cursor = coordinated.end()
            break
        if text[end : end + 1] in ",;:!?)" or (
            text[end : end + 1] == "." and not _ABBREVIATION.match(word)
        ):
            break
    return " ".join(words), end, end


def _verb_after(text: str, position: int, vocabulary: Vocabulary) -> VocabularyMatch | None:
    """An event phrase right after the noun phrase: 'were brutally murdered', 'still missing'."""
    limit = min(len(text), position + 80)
    clause_end = re.search(r"[,.;:!?\n]|\d", text[position:limit])
    window_end = position + clause_end.start() if clause_end else limit
    lead = re.compile(
        r"\s+(?:(?:of|from|in)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,2}?[\w’'.-]+\s+"
        rf"(?=(?:were|was|are|is|have|has|had)\b))?(?:(?:who|that|which)\s+)?(?:{_AUXILIARIES}\s+)*"
        r"(?:\w+ly\s+)*",
        re.IGNORECASE,
    )
    cursor = position
    match = lead.match(text, position, window_end)
    if match:
        cursor = match.end()
    return vocabulary.match_at(text[:window_end], cursor)


def _verb_before(
    text: str, position: int, sentence_start: int, vocabulary: Vocabulary
) -> VocabularyMatch | None:
    """An event phrase just before the number: 'claimed the lives of 31', 'killing 31'."""
    window_start = max(sentence_start, position - 60)
    best = None
    for match in vocabulary.find_all(text, window_start, position):
        if _PRE_GAP.match(text[match.end : position]):
            best = match
    return best


def _read_figure(
    text: str, number: NumberMatch, vocabulary: Vocabulary
) -> tuple[_Figure, int] | None:
    """Build one figure around *number*; returns it and the offset reading may resume at."""
    sentence_start, _ = sentence_bounds(text, number.start)
    start = number.start
    qualifier = "exact"
    before = text[max(0, start - 25) : start]
    q_match = _QUALIFIER_BEFORE.search(before)
    if q_match:
        qualifier = _QUALIFIER_PHRASES[q_match.group("q").casefold()]
        start = start - (len(before) - q_match.start())
    currency = None
    for symbol in sorted(_CURRENCIES, key=len, reverse=True):
        if text[max(0, number.start - len(symbol)) : number.start] == symbol:
            currency = _CURRENCIES[symbol]
            start = min(start, number.start - len(symbol))
            break
    end = number.end
    upper_value = None
    range_match = _RANGE_AFTER.match(text, end)
    if range_match:
        second = _number_at(text, range_match.end())
        is_and = range_match.group("sep").strip().casefold() == "and"
        between = _BETWEEN_BEFORE.search(text[max(0, number.start - 10) : number.start])
        if second and second[1] > number.value and (not is_and or between):
            upper_value = second[1]
            qualifier = "range"
            end = second[0]
            if between:
                start = min(start, number.start - len(between.group(0)))
    suffix = _SUFFIX_QUALIFIER.match(text, end)
    if suffix:
        qualifier = "about" if "so" in suffix.group(0).casefold() else "at least"
        end = suffix.end()
    if qualifier == "exact" and upper_value is None and is_single_age(text, start, end, "en"):
        return None  # "aged 45", "a 45-year-old man": one person's age, not a count
    noun, noun_end, verb_from = _noun_phrase(text, end, vocabulary)
    if _over_means_during(text, q_match, start, noun):
        qualifier, start = "exact", number.start
    if currency:
        noun = f"{currency} {noun}".strip()
    verb = _verb_after(text, verb_from, vocabulary)
    verb_is_after = verb is not None
    if verb is None:
        verb = _verb_before(text, start, sentence_start, vocabulary)
    category = verb.category if verb else None
    if category is None and noun:
        found = vocabulary.find_all(noun)
        category = found[0].category if found else None
    span_end = max(noun_end, verb.end if verb_is_after and verb else 0, end)
    if not noun and verb is None:
        if upper_value is None and not counts_without_noun(text, start, number.start, end):
            return None
        category = category_before(text, start, vocabulary)
        if _SUFFIX_UNIT.match(text, end):
            unit = _SUFFIX_UNIT.match(text, end)
            noun, span_end = "per cent", unit.end() if unit else end
    figure = _Figure(
        start=start,
        end=span_end,
        value=number.value,
        upper_value=upper_value,
        qualifier=qualifier,
        noun=noun,
        verb=verb,
        category=category,
        verb_is_after=verb_is_after,
        number_start=number.start,
        in_words_one=number.in_words and number.value == 1,
    )
    return figure, max(end, span_end)


_DURATION_VERBS = word_set("for lasted lasting lasts took takes spent after than")


def _over_means_during(text: str, q_match: re.Match[str] | None, start: int, noun: str) -> bool:
    """'pulled 39 survivors out over three days' is 'during'; 'lasted over 300 days' and
    a sentence-initial 'Over 300 days' are 'more than'."""
    if not q_match or q_match.group("q").casefold() != "over":
        return False
    if noun.casefold() not in _TIME_UNITS:
        return False
    previous = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 20) : start])
    if not previous or previous.group(1)[0].isupper():
        return False
    return previous.group(1).casefold() not in _DURATION_VERBS


def _counted(figure: _Figure) -> str:
    """'civilians killed', 'people taken hostage', 'wounded': noun plus the event."""
    noun = " ".join(figure.noun.split())
    if figure.verb is None:
        return noun
    event = " ".join(figure.verb.phrase.casefold().split()) if figure.verb_is_after else None
    event = event or figure.category or ""
    if noun.casefold().endswith(event):
        return noun
    return f"{noun} {event}".strip()


def _group_breakdowns(text: str, figures: list[_Figure]) -> list[int | None]:
    """part_of for each figure: '412 villagers, including 97 women, 58 children ...'.

    A figure after "and" that has its own event after it starts a new clause, not a
    member: "127 killed, including 29 children, and 35 people missing".
    """
    parents: list[int | None] = [None] * len(figures)
    index = 0
    while index < len(figures):
        parent = figures[index]
        following = index + 1
        if following < len(figures) and _starts_breakdown(
            text[parent.end : figures[following].start]
        ):
            parents[following] = index
            previous = following
            following += 1
            while (
                following < len(figures)
                and _BREAKDOWN_NEXT.match(text[figures[previous].end : figures[following].start])
                and not _new_clause(parent, figures[following])
            ):
                parents[following] = index
                previous = following
                following += 1
            index = following
        else:
            index += 1
    return parents


def _starts_breakdown(gap: str) -> bool:
    if _BREAKDOWN_CUE.match(gap):
        return True
    return bool(_BREAKDOWN_CUE_LATE.search(gap)) and not re.search(r"[.!?]\s", gap)


def _new_clause(whole: _Figure, figure: _Figure) -> bool:
    """A figure with its own event after it, other than the whole's: a new statement."""
    return (
        figure.verb_is_after
        and figure.category is not None
        and whole.category is not None
        and figure.category != whole.category
    )


def _share_event(
    text: str, figures: list[_Figure], parents: list[int | None], vocabulary: Vocabulary
) -> list[_Figure]:
    """Members of a breakdown without their own event take the group's event.

    "412 villagers were killed, including 97 women" makes the women killed too; and
    "900 pilgrims, including 120 nuns ... were abducted" makes all of them so.
    """
    result = list(figures)
    groups: dict[int, list[int]] = {}
    for child, parent in enumerate(parents):
        if parent is not None:
            groups.setdefault(parent, [parent]).append(child)
    for members in groups.values():
        whole = result[members[0]]
        # The whole's own event when it has one ("127 people were killed, including 31
        # children"); else the event after the last member ("900 pilgrims, including 120
        # nuns, were abducted").
        source = whole if whole.verb is not None and whole.category is not None else None
        source = source or next(
            (result[m] for m in reversed(members) if result[m].verb_is_after), None
        )
        source = source or next((result[m] for m in members if result[m].verb), None)
        if source is None:
            # "900 pilgrims, among them 120 nuns and 35 monks, were abducted."
            last = result[members[-1]]
            comma = re.match(r"\s*,", text[last.end :])
            verb = _verb_after(text, last.end + comma.end(), vocabulary) if comma else None
            if verb is None:
                continue
            source = replace(last, verb=verb, category=verb.category, verb_is_after=True)
        for member in members:
            if result[member].verb is None or (
                result[member].category is None and source.category is not None
            ):
                result[member] = replace(
                    result[member], verb=source.verb, category=source.category, verb_is_after=False
                )
    return result


def find_figures(
    text: str,
    claimed: SpanSet | None = None,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    *,
    languages: LanguageMap | None = None,
) -> list[FigureSuggestion]:
    """Figure suggestions in order of position; *claimed* holds spans to skip (dates).

    *languages* says which language each paragraph is in (number formats, scale words
    and qualifiers are read per language).
    """
    claimed = claimed or SpanSet()
    english, foreign = _split_by_language(text, languages)
    found = _english_figures(text, claimed, vocabulary, english)
    vague = [
        figure
        for figure in vague_figures(text, english, claimed, vocabulary)
        if not any(f.start < figure.end and figure.start < f.end for f in found)
    ]
    found += vague
    for language, start, end in foreign:
        found += find_figures_in(text, language, start, end, claimed, vocabulary)
    if not foreign and not vague:
        return found
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    new_index = {old: new for new, old in enumerate(order)}
    return [
        found[old]
        if found[old].part_of is None  # nothing to renumber: the same frozen value
        else replace(found[old], part_of=new_index[found[old].part_of])
        for old in order
    ]


def _split_by_language(
    text: str, languages: LanguageMap | None
) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
    """Spans read by the English rules, and (language, start, end) read by locale rules.

    Paragraphs in languages without their own rules (and texts without a language map)
    are read as English, which is what Catena did before it knew languages.
    """
    if languages is None:
        return [(0, len(text))], []
    english: list[tuple[int, int]] = []
    foreign: list[tuple[str, int, int]] = []
    cursor = 0
    for span in languages.spans:
        if span.start > cursor:
            _assign(languages.document, text, cursor, span.start, english, foreign)
        _assign(span.language, text, span.start, span.end, english, foreign)
        cursor = span.end
    if cursor < len(text):
        _assign(languages.document, text, cursor, len(text), english, foreign)
    return english, foreign


def _assign(
    language: str | None,
    text: str,
    start: int,
    end: int,
    english: list[tuple[int, int]],
    foreign: list[tuple[str, int, int]],
) -> None:
    if language not in LOCALE_LANGUAGES and language != "en":
        language = language_by_script(text[start:end]) or language
    if language in LOCALE_LANGUAGES:
        foreign.append((str(language), start, end))
    else:
        english.append((start, end))


def _english_figures(
    text: str, claimed: SpanSet, vocabulary: Vocabulary, spans: list[tuple[int, int]]
) -> list[FigureSuggestion]:
    """Figures read by the English rules inside *spans* (breakdowns grouped)."""
    figures: list[_Figure] = []
    resume = 0
    taken = ClaimedIndex(claimed)
    for number in find_numbers(text) if spans else []:
        if number.start < resume or taken.hits(number.start, number.end):
            continue
        if not any(start <= number.start < end for start, end in spans):
            continue
        if _is_excluded_number(text, number):
            continue
        read = _read_figure(text, number, vocabulary)
        if read is None:
            continue
        figure, resume = read
        if figure.in_words_one and figure.category is None:
            continue
        figures.append(figure)
    parents = _group_breakdowns(text, figures)
    figures = _share_event(text, figures, parents, vocabulary)
    return [
        FigureSuggestion(
            start=f.start,
            end=f.end,
            value=f.value,
            upper_value=f.upper_value,
            qualifier=f.qualifier,
            counted=_counted(f),
            category=f.category,
            part_of=parents[i],
        )
        for i, f in enumerate(figures)
    ]
