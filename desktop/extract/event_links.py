"""Which event each figure and date of a document is about: suggestions with reasons.

A source says "613 civilians were killed in the Khojaly massacre" or, two sentences
on, "Over 1,000 were wounded"; a comparison of tolls must know both count the same
event. The rules, first that applies wins:

1. an event's name (or a variant in any script) in the claim's sentence — the
   nearest one;
2. else one in the claim's paragraph — the nearest one;
3. else an event's place in the claim's sentence ("1,000 residents of Khojaly were
   wounded"), when one event is the narrowest held there (events at that place the
   sentence's dates cannot fall in are not candidates: two floods in one town);
4. else a date in the sentence that lies within exactly one event's date bounds
   (the narrowest; events the document names or places are preferred, and one it
   never mentions counts only if it lasted at most a month); or a coarse date (at most
   a year) around exactly one event the document mentions ("the spring of 1971");
5. else the document's main event: the event named (by name or by its place) most
   often, when it is named at least twice and at least twice as often as any other;
   failing that, the event most of the document's dates fall in (at least two, and
   one the document mentions: a witness who says "Brava" once and dates everything).

A date is then fitted to its day: moved to a narrower event the document mentions
that it falls in, or, when it lies wholly outside the event found, to the broader
event it falls in ("since the hostilities began in 1994"), else left unlinked as
background ("the dam, built in 1931") — unless it dates the report itself or its own
sentence names the event ("the massacre was discussed in Moscow in 1994").

Sentences end at a stop, a blank line or a short line (headline, dateline); a long
line wrapped mid-sentence does not end one.

A figure whose sentence has cumulative wording ("since 1988", "throughout the
war"; ``db.claim_kinds`` decides) counts more than one event: it goes to the broader
event the found one lies within, stays with the found event only when that event has
events within it (it is a broad one already), and is otherwise left unlinked, never
given silently to the narrow event.

A date equal to the publication date, or in a dateline or byline, gets the role
"reporting"; one within its event's bounds gets "event". Names are matched on
``db.folding`` keys word by word (so "Xocalı" meets "Xocali", and a word may differ in
its last few letters: "massacres", "трагедии"; in scripts beyond ASCII, where even
short words take case endings, a five-letter word may differ in its last two:
"осаду", "войну"); spellings in other scripts or transliterations ("Khojaly",
"Ходжалы") meet only through the record's name forms.

Measured on ``bench/devsets/event_links`` by ``bench/link_eval.py``.

Pure: text, spans and records in, suggestions out; no catalogue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from db.claim_kinds import reaches_beyond_one_event
from db.dates import edtf_bounds
from db.folding import fold_name

ClaimKindName = Literal["figure", "date"]
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n\s*\n|\n")
SHORT_LINE = 60  # a line this short that ends without a stop is a heading or a label
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BYLINE = re.compile(
    r"^\s*(?:by|published|posted|updated|dated?|опубликовано|дата|tarix|yayımlanıb)\b",
    re.IGNORECASE,
)
_DATELINE_BEFORE = re.compile(r"^\s*([^\W\d_]+(?:[ .'-]+[^\W\d_]+){0,3}),\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:[—–-]|\()")
_TOP_LINES = 5
MIN_MAIN_MENTIONS = 2
MAX_UNNAMED_EVENT_DAYS = 31
MAX_AROUND_DAYS = 366  # a date no wider than a year may point at the one event it holds


@dataclass(frozen=True)
class EventInfo:
    """What the suggester needs of an event record."""

    ref: str
    names: tuple[str, ...]
    lower: str | None = None
    upper: str | None = None
    parent_ref: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class ClaimSpan:
    """A figure or date tag: where it is, and for a date its day bounds."""

    kind: ClaimKindName
    tag_id: int
    start: int
    end: int
    lower: str | None = None
    upper: str | None = None


@dataclass(frozen=True)
class LinkSuggestion:
    """The event a claim is about (None: none could be said), why, and a date's role."""

    kind: ClaimKindName
    tag_id: int
    event_ref: str | None
    reason: str
    role: str | None = None


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    ref: str
    name: str
    by_place: bool = False  # the event's place, not its name


def _keys(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, folded key, inflecting) of each word; *inflecting* when the word is
    written in letters beyond ASCII (Cyrillic, Armenian, Georgian, ə, ı…), whose
    languages put case endings even on short words ("осаду", "войну")."""
    return [
        (m.start(), m.end(), fold_name(m.group(0)), not m.group(0).isascii())
        for m in _WORD.finditer(text)
    ]


def _same_word(name_key: str, text_key: str, inflecting: bool = False) -> bool:
    """Equal keys, or long words that differ only in an ending ("massacres"); in an
    inflecting script, five-letter words too may differ in their last two letters."""
    if name_key == text_key:
        return True
    if inflecting and len(name_key) == 5 and len(text_key) in (4, 5, 6, 7):
        return name_key[:3] == text_key[:3] and text_key.startswith(name_key[:-2])
    if len(name_key) < 6 or len(text_key) < 6 or abs(len(name_key) - len(text_key)) > 4:
        return False
    shared = next(
        (i for i, (a, b) in enumerate(zip(name_key, text_key, strict=False)) if a != b),
        min(len(name_key), len(text_key)),
    )
    return shared >= len(name_key) - 3


def find_mentions(text: str, events: list[EventInfo]) -> list[_Mention]:
    """Every place an event's name form, or its place, occurs in *text*, in text order."""
    words = _keys(text)
    forms: dict[str, list[tuple[list[str], str, str, bool]]] = {}
    for event in events:
        named = [(name, False) for name in event.names]
        if event.place and event.place.strip():
            named.append((event.place.strip(), True))
        for name, by_place in named:
            keys = [key for _s, _e, key, _i in _keys(name) if key]
            if keys:
                forms.setdefault(keys[0][:3], []).append((keys, event.ref, name, by_place))
    found: list[_Mention] = []
    for index, (start, _end, key, _inflecting) in enumerate(words):
        for keys, ref, name, by_place in forms.get(key[:3], ()):
            window = words[index : index + len(keys)]
            if len(window) == len(keys) and all(
                _same_word(k, w[2], w[3]) for k, w in zip(keys, window, strict=True)
            ):
                found.append(_Mention(start, window[-1][1], ref, name, by_place))
    return found


def _bounds(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Start offsets of the pieces *pattern* cuts *text* into."""
    return [0, *(m.end() for m in pattern.finditer(text))]


def _sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of *text*.

    A sentence ends at its stop, at a blank line, or at the end of a short line (a
    headline, a dateline, a speaker's name). A long line that breaks mid-sentence, as
    plain text and PDF text are wrapped, does not end it.
    """
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group() == "\n":
            line_start = text.rfind("\n", 0, match.start()) + 1
            if match.start() - line_start > SHORT_LINE:
                continue
        starts.append(match.end())
    return starts


def _piece(starts: list[int], position: int, length: int) -> tuple[int, int]:
    index = bisect_right(starts, position) - 1
    end = starts[index + 1] if index + 1 < len(starts) else length
    return starts[index], end


def _nearest(mentions: list[_Mention], claim: ClaimSpan, lo: int, hi: int) -> _Mention | None:
    inside = [m for m in mentions if m.start >= lo and m.end <= hi]
    if not inside:
        return None

    def distance(m: _Mention) -> int:
        return max(m.start - claim.end, claim.start - m.end, 0)

    return min(inside, key=lambda m: (distance(m), m.start))


def _within(event: EventInfo, lower: str | None, upper: str | None) -> bool:
    return bool(
        event.lower
        and event.upper
        and lower
        and upper
        and event.lower <= lower
        and upper <= event.upper
    )


def _outside(claim: ClaimSpan, event: EventInfo) -> bool:
    """A date that cannot fall within *event*'s dates (both known)."""
    if claim.kind != "date" or not (claim.lower and claim.upper):
        return False
    if not (event.lower and event.upper):
        return False
    return claim.upper < event.lower or claim.lower > event.upper


def _days(event: EventInfo) -> int:
    """How many days the event's bounds span (narrower events are likelier)."""
    try:
        return (date.fromisoformat(event.upper or "") - date.fromisoformat(event.lower or "")).days
    except ValueError:
        return 1 << 30


def _span_days(lower: str | None, upper: str | None) -> int:
    try:
        return (date.fromisoformat(upper or "") - date.fromisoformat(lower or "")).days
    except ValueError:
        return 1 << 30


def _by_date(dates: list[ClaimSpan], events: list[EventInfo], named: set[str]) -> EventInfo | None:
    """The one narrowest event one of *dates* lies within (events the document names
    first); None when there is none, or two of the same width.

    An event the document never names counts only when it is short (at most
    ``MAX_UNNAMED_EVENT_DAYS``): a date inside a night's killing is evidence, a year
    inside a six-year war in an unrelated article is not.
    """
    unnamed = [e for e in events if e.ref not in named and _days(e) <= MAX_UNNAMED_EVENT_DAYS]
    named_pool = [e for e in events if e.ref in named]
    for pool in (named_pool, unnamed):
        found = {e.ref: e for d in dates for e in pool if _within(e, d.lower, d.upper)}
        if not found:
            continue
        narrowest = min(_days(e) for e in found.values())
        best = [e for e in found.values() if _days(e) == narrowest]
        return best[0] if len(best) == 1 else None
    # A coarse date ("in the spring of 1971") around exactly one event the document
    # names or places: that event.
    around = {
        e.ref: e
        for d in dates
        if _span_days(d.lower, d.upper) <= MAX_AROUND_DAYS
        for e in named_pool
        if _within(EventInfo(e.ref, (), d.lower, d.upper), e.lower, e.upper)
    }
    return next(iter(around.values())) if len(around) == 1 else None


def _by_place(
    mentions: list[_Mention],
    sentence: tuple[int, int],
    events: list[EventInfo],
    dates: list[ClaimSpan],
) -> EventInfo | None:
    """The narrowest event whose place the sentence names; None when two are as narrow
    (a town where two events of the same span happened is no evidence for either).
    When the sentence has dates, events at that place the dates cannot fall in are not
    candidates (the flood of 1971 and the flood of 2015 in one town)."""
    refs = {
        m.ref for m in mentions if m.by_place and m.start >= sentence[0] and m.end <= sentence[1]
    }
    found = [e for e in events if e.ref in refs]
    dated = [e for e in found if any(not _outside(d, e) for d in dates)]
    if dates and dated:
        found = dated
    if not found:
        return None
    narrowest = min(_days(e) for e in found)
    best = [e for e in found if _days(e) == narrowest]
    return best[0] if len(best) == 1 else None


def main_event(mentions: list[_Mention]) -> str | None:
    """The event the document is about, when one clearly dominates its names."""
    counts = Counter(m.ref for m in mentions).most_common(2)
    if not counts or counts[0][1] < MIN_MAIN_MENTIONS:
        return None
    if len(counts) > 1 and counts[0][1] < 2 * counts[1][1]:
        return None
    return counts[0][0]


def main_event_by_dates(
    dates: list[ClaimSpan], events: list[EventInfo], mentioned: set[str]
) -> str | None:
    """When no event is named twice: the event the document's dates fall in, if at least
    two of them fall in one event the document names or places (the narrowest such
    event per date) and twice as many as in any other. A witness who says "Brava"
    once and then dates everything within the siege is speaking of the siege."""
    counts: Counter[str] = Counter()
    for claim in dates:
        holding = [e for e in events if e.ref in mentioned and _within(e, claim.lower, claim.upper)]
        if holding:
            counts[min(holding, key=_days).ref] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MAIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _reporting_position(text: str, claim: ClaimSpan) -> bool:
    """The date sits in a byline or dateline ("BAKU, 26 February 2002 —"), or alone on
    one of the document's first lines."""
    line_start = text.rfind("\n", 0, claim.start) + 1
    line_end = text.find("\n", claim.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : claim.start], text[claim.end : line_end]
    if _BYLINE.match(before):
        return True
    place = _DATELINE_BEFORE.match(before)
    # A dateline's place is a name: every word capitalised ("BAKU", "New York").
    if (
        place
        and _DATELINE_AFTER.match(after)
        and all(word[0].isupper() for word in re.findall(r"[^\W\d_]+", place.group(1)))
    ):
        return True
    bare = not re.search(r"[^\W\d_]", before + after)
    lines_above = sum(1 for line in text[:line_start].splitlines() if line.strip())
    return bare and lines_above < _TOP_LINES


def _broader(event: EventInfo, events: dict[str, EventInfo], broad: set[str]) -> str | None:
    if event.parent_ref is not None and event.parent_ref in events:
        return event.parent_ref
    return event.ref if event.ref in broad else None


def suggest_event_links(
    text: str,
    claims: list[ClaimSpan],
    events: list[EventInfo],
    *,
    published: str | None = None,
) -> list[LinkSuggestion]:
    """For each claim, the event it is about and why (see the module docstring)."""
    by_ref = {e.ref: e for e in events}
    broad = {e.parent_ref for e in events if e.parent_ref is not None}
    mentions = find_mentions(text, events)
    mentioned = {m.ref for m in mentions}  # by name or by place
    sentences = _sentence_starts(text)
    paragraphs = _bounds(text, _PARAGRAPH_BREAK)
    published_bounds = edtf_bounds(published) if published else None
    dates = [c for c in claims if c.kind == "date"]
    reporting = {
        c.tag_id for c in dates if _date_role(text, c, None, published_bounds) == "reporting"
    }
    main = main_event(mentions) or main_event_by_dates(
        [d for d in dates if d.tag_id not in reporting], events, mentioned
    )
    found: list[LinkSuggestion] = []
    for claim in claims:
        s_lo, s_hi = _piece(sentences, claim.start, len(text))
        p_lo, p_hi = _piece(paragraphs, claim.start, len(text))
        ref, reason = _choose(claim, mentions, (s_lo, s_hi), (p_lo, p_hi), dates, events, mentioned)
        if ref is None and main is not None:
            ref, reason = main, f"the document's main event ({by_ref[main].names[0]})"
        if claim.kind == "date" and ref is not None:
            ref, reason = _fit_date(
                claim,
                ref,
                reason,
                by_ref,
                mentioned,
                reporting=claim.tag_id in reporting,
                named_in_sentence=ref in _named_between(mentions, s_lo, s_hi),
            )
        if claim.kind == "figure" and ref is not None:
            quote = text[claim.start : claim.end]
            if reaches_beyond_one_event(text[s_lo : claim.start], quote, text[claim.end : s_hi]):
                wider = _broader(by_ref[ref], by_ref, broad)
                reason = (
                    f"cumulative wording; {reason}; broader event {wider}"
                    if wider is not None
                    else f"cumulative wording, and {ref} has no broader event; left unlinked"
                )
                ref = wider
        role = None
        if claim.kind == "date":
            role = _date_role(text, claim, by_ref.get(ref or ""), published_bounds)
        found.append(LinkSuggestion(claim.kind, claim.tag_id, ref, reason, role))
    return found


def _named_between(mentions: list[_Mention], lo: int, hi: int) -> set[str]:
    """Events named (not just placed) within text[lo:hi]."""
    return {m.ref for m in mentions if not m.by_place and m.start >= lo and m.end <= hi}


def _ancestors(ref: str, by_ref: dict[str, EventInfo]) -> list[str]:
    """The events *ref* lies within, nearest first."""
    chain: list[str] = []
    parent = by_ref[ref].parent_ref
    while parent is not None and parent in by_ref and parent not in chain:
        chain.append(parent)
        parent = by_ref[parent].parent_ref
    return chain


def _fit_date(
    claim: ClaimSpan,
    ref: str,
    reason: str,
    by_ref: dict[str, EventInfo],
    mentioned: set[str],
    *,
    reporting: bool,
    named_in_sentence: bool,
) -> tuple[str | None, str]:
    """Move a date to the event its day falls in.

    The rules above find the event a passage is about; a date in it may still be the
    date of an event within that one ("the war … on 3 February", when the document also
    speaks of the siege that day belongs to), of the broader event ("since the
    hostilities began in 1994" in a report on one siege), or of neither ("the dam,
    built in 1931": background, left unlinked unless it dates the report itself).
    A date whose own sentence names the event ("the massacre was discussed in Moscow
    in 1994") stays with it, as a date of another kind.
    """
    within = [
        e
        for e in by_ref.values()
        if e.ref in mentioned
        and ref in _ancestors(e.ref, by_ref)
        and _within(e, claim.lower, claim.upper)
    ]
    if within:
        narrow = min(within, key=_days)
        return narrow.ref, f"{reason}; the date lies within {narrow.ref}, part of {ref}"
    if not _outside(claim, by_ref[ref]) or reporting or named_in_sentence:
        return ref, reason
    for wider in _ancestors(ref, by_ref):
        if not _outside(claim, by_ref[wider]):
            return wider, f"{reason}; the date lies outside {ref}, within the broader {wider}"
    return None, f"{reason}; but the date lies outside {ref}'s dates: left unlinked"


def _choose(
    claim: ClaimSpan,
    mentions: list[_Mention],
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    dates: list[ClaimSpan],
    events: list[EventInfo],
    named: set[str],
) -> tuple[str | None, str]:
    """Rules 1 to 4 of the module docstring."""
    names = [m for m in mentions if not m.by_place]
    near = _nearest(names, claim, *sentence)
    if near is not None:
        return near.ref, f"names {near.name!r} in the same sentence"
    near = _nearest(names, claim, *paragraph)
    if near is not None:
        return near.ref, f"names {near.name!r} in the same paragraph"
    in_sentence = [d for d in dates if sentence[0] <= d.start < sentence[1]]
    if claim.kind == "date":
        in_sentence = [claim]
    placed = _by_place(mentions, sentence, events, in_sentence)
    if placed is not None:
        return placed.ref, f"names {placed.ref}'s place in the same sentence"
    dated = _by_date(in_sentence, events, named)
    if dated is not None:
        return dated.ref, f"a date in the sentence lies within {dated.ref}'s dates"
    return None, "no event named or dated near it"


def _date_role(
    text: str,
    claim: ClaimSpan,
    event: EventInfo | None,
    published: tuple[str | None, str | None] | None,
) -> str | None:
    if published is not None and (claim.lower, claim.upper) == published:
        return "reporting"
    if _reporting_position(text, claim):
        return "reporting"
    if event is not None and _within(event, claim.lower, claim.upper):
        return "event"
    return None
