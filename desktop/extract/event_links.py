"""Which event each figure and date of a document is about: suggestions with reasons.

A source says "613 civilians were killed in the Khojaly massacre" or, two sentences
on, "Over 1,000 were wounded"; a comparison of tolls must know both count the same
event. The rules, first that applies wins:

1. an event's name (or a variant in any script) in the claim's sentence — the
   nearest one;
2. else one in the claim's paragraph — the nearest one;
3. else an event's place in the claim's sentence ("1,000 residents of Khojaly were
   wounded"), when one event is the narrowest held there;
4. else a date in the sentence that lies within exactly one event's date bounds
   (the narrowest; events the document names are preferred, and one it never names
   counts only if it lasted at most a month);
5. else the document's main event: the event named (by name or by its place) most
   often, when it is named at least twice and at least twice as often as any other —
   except a date that lies wholly outside that event's dates (background: "the dam,
   built in 1931"), which is left unlinked unless it dates the report itself.

A figure whose sentence has cumulative wording ("since 1988", "throughout the
war"; ``db.claim_kinds`` decides) counts more than one event: it goes to the broader
event the found one lies within, stays with the found event only when that event has
events within it (it is a broad one already), and is otherwise left unlinked, never
given silently to the narrow event.

A date equal to the publication date, or in a dateline or byline, gets the role
"reporting"; one within its event's bounds gets "event". Names are matched on
``db.folding`` keys word by word (so "Xocalı" meets "Xocali", and a word may differ in
its last few letters: "massacres", "трагедии"); spellings in other scripts or
transliterations ("Khojaly", "Ходжалы") meet only through the record's name forms.

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
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
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


def _keys(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded key) of each word."""
    return [(m.start(), m.end(), fold_name(m.group(0))) for m in _WORD.finditer(text)]


def _same_word(name_key: str, text_key: str) -> bool:
    """Equal keys, or long words that differ only in an ending ("massacres")."""
    if name_key == text_key:
        return True
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
            keys = [key for _s, _e, key in _keys(name) if key]
            if keys:
                forms.setdefault(keys[0][:3], []).append((keys, event.ref, name, by_place))
    found: list[_Mention] = []
    for index, (start, _end, key) in enumerate(words):
        for keys, ref, name, by_place in forms.get(key[:3], ()):
            window = words[index : index + len(keys)]
            if len(window) == len(keys) and all(
                _same_word(k, w[2]) for k, w in zip(keys, window, strict=True)
            ):
                found.append(_Mention(start, window[-1][1], ref, name, by_place))
    return found


def _bounds(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Start offsets of the pieces *pattern* cuts *text* into."""
    return [0, *(m.end() for m in pattern.finditer(text))]


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


def _by_date(dates: list[ClaimSpan], events: list[EventInfo], named: set[str]) -> EventInfo | None:
    """The one narrowest event one of *dates* lies within (events the document names
    first); None when there is none, or two of the same width.

    An event the document never names counts only when it is short (at most
    ``MAX_UNNAMED_EVENT_DAYS``): a date inside a night's killing is evidence, a year
    inside a six-year war in an unrelated article is not.
    """
    unnamed = [e for e in events if e.ref not in named and _days(e) <= MAX_UNNAMED_EVENT_DAYS]
    for pool in ([e for e in events if e.ref in named], unnamed):
        found = {e.ref: e for d in dates for e in pool if _within(e, d.lower, d.upper)}
        if not found:
            continue
        narrowest = min(_days(e) for e in found.values())
        best = [e for e in found.values() if _days(e) == narrowest]
        return best[0] if len(best) == 1 else None
    return None


def _by_place(
    mentions: list[_Mention], sentence: tuple[int, int], events: list[EventInfo]
) -> EventInfo | None:
    """The narrowest event whose place the sentence names; None when two are as narrow
    (a town where two events of the same span happened is no evidence for either)."""
    refs = {
        m.ref for m in mentions if m.by_place and m.start >= sentence[0] and m.end <= sentence[1]
    }
    found = [e for e in events if e.ref in refs]
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
    named = {m.ref for m in mentions if not m.by_place}
    main = main_event(mentions)
    sentences = _bounds(text, _SENTENCE_END)
    paragraphs = _bounds(text, _PARAGRAPH_BREAK)
    dates = [c for c in claims if c.kind == "date"]
    published_bounds = edtf_bounds(published) if published else None
    found: list[LinkSuggestion] = []
    for claim in claims:
        s_lo, s_hi = _piece(sentences, claim.start, len(text))
        p_lo, p_hi = _piece(paragraphs, claim.start, len(text))
        ref, reason = _choose(claim, mentions, (s_lo, s_hi), (p_lo, p_hi), dates, events, named)
        if ref is None and main is not None:
            if _outside(claim, by_ref[main]) and (
                _date_role(text, claim, None, published_bounds) != "reporting"
            ):
                # "The dam, built in 1931, …": background, not the event the document
                # is about (a dateline's or the publication's date still reports it).
                reason = f"a date outside the document's main event ({main}); left unlinked"
            else:
                ref, reason = main, f"the document's main event ({by_ref[main].names[0]})"
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
    placed = _by_place(mentions, sentence, events)
    if placed is not None:
        return placed.ref, f"names {placed.ref}'s place in the same sentence"
    in_sentence = [d for d in dates if sentence[0] <= d.start < sentence[1]]
    if claim.kind == "date":
        in_sentence = [claim]
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
