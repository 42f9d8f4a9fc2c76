"""English figures that have no counted noun right after the number.

Reports often name what is counted before the number or leave it implied: "the death
toll … now stands at 37", "estimated at about 22,000", "Seventy-five of them reached
the surface", "rose from 212 … to 1,046", "Fewer than 30 per cent". Such a number is
a figure when a verb or preposition of quantity leads to it, or a partitive ("of
them"), a unit ("per cent") or a verb follows it. Vague quantities ("hundreds of
families", "thousands more") are figures too, as ranges with the qualifier "about".
"""

from __future__ import annotations

import re

from desktop.extract.figure_categories import Vocabulary, VocabularyMatch
from desktop.extract.figure_language_data import VAGUE
from desktop.extract.regex_guard import guarded
from desktop.extract.suggestion_data import FigureSuggestion
from desktop.extract.text_nearby import SpanSet, sentence_bounds

# A verb or preposition of quantity right before the number: enough on its own.
# "at" only after a verb of standing ("stands at 37", "estimated at about 22,000"), "to"
# and "from" only in a clause with a verb of change ("rose from 212 … to 1,046"), so
# "adjourned at 11" and "52 to 48" stay out.
_STRONG_CUE = re.compile(
    r"(?:\b(?:stands?|stood|standing|put|estimated|set|totalled|totaled|now|is|was|were|"
    r"are|remains?|remained|toll)\s+at"
    r"|\b(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|fell|falls|"
    r"fallen|dropped|drops|grew|grown|jumped|soared|raised|revised|reduced|brought|went\s+up|"
    r"gone\s+up|declined|doubled|tripled)\b[^.;!?]{0,60}\b(?:to|from)"
    r"|\b(?:reached|reaching|reaches|totalled|totaled|totals|totalling|numbered|confirmed|"
    r"recorded|counted|registered|provided|topped|passed|exceeded|exceeds|surpassed))\s+$",
    re.IGNORECASE,
)
# A weaker lead ("was", "of"), which also needs a partitive, unit, verb or stop after.
_CUE_BEFORE = re.compile(
    r"(?:\b(?:was|were|is|are|of|by|reported|listed|gave|lists|list|count|hit|hits|"
    r"estimated|total|all|altogether|aged|ages)|^)[\s,]+$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"\s*(?:of\s+(?:them|us|whom|these|those|which)\b|per\s*cent\b|percent\b|more\b|"
    r"(?:are|were|was|is|did|do|have|had|remain|remained|remain|may|might|could|still|"
    r"died|survived|arrived|returned|escaped)\b|[.,;:)]|$)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"1\d{3}|20\d{2}")
_VAGUE_FOLLOWED = re.compile(
    r"\s+(?:of\b|more\b|were\b|are\b|have\b|had\b|gathered\b|fled\b|died\b|remain\w*|"
    r"still\b|live\w*|[a-z]+ed\b)",
    re.IGNORECASE,
)
_VAGUE = guarded(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<g{i}>{fragment})" for i, fragment in enumerate(VAGUE["en"]))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_VAGUE_VALUES = list(VAGUE["en"].values())


def counts_without_noun(text: str, start: int, number_start: int, end: int) -> bool:
    """Whether a number with nothing counted after it is still a figure.

    *start* is where the figure begins (its qualifier), *number_start* the digits or
    words, *end* where the number (or range) ends.
    """
    raw = text[number_start:end]
    if _YEAR.fullmatch(raw):
        return False
    if start < number_start:  # a qualifier or "from/between" leads to it
        return True
    line_start = max(text.rfind("\n", 0, start) + 1, start - 90)
    if _STRONG_CUE.search(text[line_start:start]):
        return True
    if not _CUE_AFTER.match(text, end):
        return False
    before = text[max(line_start, start - 40) : start]
    if not before.strip() or re.search(r"[.!?:;]\s*$", before):
        return raw[:1].isupper() or (raw[:1].isdigit() and bool(before.strip()))
    return bool(_CUE_BEFORE.search(before))


def category_before(text: str, position: int, vocabulary: Vocabulary) -> str | None:
    """The nearest event phrase earlier in the sentence ("the death toll … stands at")."""
    sentence_start, _ = sentence_bounds(text, position)
    found = vocabulary.find_all(text, max(sentence_start, position - 90), position)
    return found[-1].category if found else None


_COORDINATION = re.compile(
    r"\s*(?:,|and|or|и|или|і|та|або|və|ve|veya|և|ու|და|ან|et|ou|y|o|und|oder|e|ed)\s*",
    re.IGNORECASE,
)


def single_category(text: str, events: list[VocabularyMatch]) -> str | None:
    """The category of the first event, unless a second, different one is coordinated
    with it: "hundreds of thousands … massacred and expelled" says two things at once,
    so the figure is neither "killed" nor "displaced" for comparison."""
    first = events[0]
    second = events[1] if len(events) > 1 else None
    if (
        second
        and second.category != first.category
        and _COORDINATION.fullmatch(text, first.end, second.start)
    ):
        return None
    return first.category


def vague_figures(
    text: str, spans: list[tuple[int, int]], claimed: SpanSet, vocabulary: Vocabulary
) -> list[FigureSuggestion]:
    """ "Hundreds of families", "thousands more", "dozens of people" in English spans."""
    found = []
    for start, end in spans:
        for match in _VAGUE.finditer(text, start, end):
            if claimed.hits(match.start(), match.end()):
                continue
            if not _VAGUE_FOLLOWED.match(text, match.end()):
                continue
            value, upper = _VAGUE_VALUES[int(str(match.lastgroup)[1:])]
            tail = re.match(r"\s+of\s+([A-Za-z]+)|\s+(more)", text[match.end() :])
            noun = next((g for g in tail.groups() if g), "") if tail else ""
            span_end = match.end() + (tail.end() if tail else 0)
            category = None
            after = vocabulary.find_all(text, span_end, min(len(text), span_end + 60))
            if after and not re.search(r"[.;!?]", text[span_end : after[0].start]):
                category = single_category(text, after)
            found.append(
                FigureSuggestion(
                    start=match.start(),
                    end=span_end,
                    value=value,
                    upper_value=upper,
                    qualifier="about",
                    counted=noun,
                    category=category,
                )
            )
    return found
