"""Which figures are claims about how much happened, and so may be compared.

A text is full of numbers that are not counts of what happened: "the 30th
anniversary", "a war of 44 days", "17 countries condemned it", "the 7th region",
"Brigade 41", "aged 12". Comparing those across sources produces groups nobody asked
for ("region: 7 vs 12 — sources differ"). Only casualty and magnitude counts are
claims a reader checks across sources: killed, wounded, missing, hostages, displaced,
detained, orphaned, houses destroyed. This module decides which is which from tables
of words (plain data, easy to extend), never from a particular sentence.

It also says what exactly a claim counts (a part such as "children", a unit such as
"family") and whether its wording reaches beyond one event ("since 1988", "in total
throughout the conflict"), so that a cumulative toll is not compared with one day's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from db.folding import fold

# Tag categories (the extraction vocabulary's, and a few common spellings people type)
# mapped onto the category claims are compared under.
COUNT_CATEGORIES: dict[str, str] = {
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "missing": "missing",
    "disappeared": "missing",
    "hostages": "hostages",
    "captured": "hostages",
    "abducted": "hostages",
    "displaced": "displaced",
    "refugees": "displaced",
    "deported": "displaced",
    "expelled": "displaced",
    "orphaned": "orphaned",
    "detained": "detained",
    "arrested": "detained",
    "imprisoned": "detained",
    "destroyed": "destroyed",
    "damaged": "damaged",
}
# Uncategorised figures that still measure an event: things destroyed or damaged
# ("96 houses burned down", "3 schools destroyed"). Both a noun and a word for the
# damage must be present; "96 houses" alone says nothing about what happened.
DAMAGE_WORDS: dict[str, str] = {
    "destroyed": "destroyed",
    "burned": "destroyed",
    "burnt": "destroyed",
    "razed": "destroyed",
    "demolished": "destroyed",
    "flattened": "destroyed",
    "levelled": "destroyed",
    "leveled": "destroyed",
    "damaged": "damaged",
    "looted": "damaged",
    "shelled": "damaged",
}
DAMAGEABLE = {
    "house",
    "home",
    "dwelling",
    "building",
    "school",
    "hospital",
    "church",
    "mosque",
    "shop",
    "village",
    "apartment",
    "bridge",
    "vehicle",
}
# Nouns that make a number something other than a count of what happened: time
# spans and ages, places and bodies counted as such, military unit numbers, money and
# measures, repetitions. A figure counting one of these is never compared, whatever
# category the suggester gave it ("killed 30 years ago" is not 30 killed).
NEVER_COMPARED = {
    # durations, anniversaries, ages, calendar
    *("second", "minute", "hour", "day", "night", "week", "month", "year", "decade"),
    *("century", "anniversary", "birthday", "age", "generation"),
    # divisions of a country, usually named by number ("the 7th region", "District 4")
    *("region", "province", "district", "county", "municipality", "session"),
    # military formations and their numbers
    *("unit", "brigade", "battalion", "division", "regiment", "company", "platoon"),
    *("corps", "squadron", "army", "fleet"),
    # money, measures, repetitions
    *("percent", "per", "dollar", "euro", "pound", "manat", "rouble", "ruble", "kilometre"),
    *("kilometer", "km", "metre", "meter", "mile", "hectare", "kilogram", "kg", "ton"),
    *("tonne", "litre", "liter", "time", "page", "article", "language"),
}
# Countries, states and other bodies counted as such ("22 states recognised it", "14
# countries condemned it"): sources can disagree about these too, so they are compared,
# but each under its own category, never with a toll of what happened to people.
BODIES: dict[str, str] = {
    "country": "countries",
    "state": "states",
    "nation": "nations",
    "government": "governments",
    "republic": "republics",
    "parliament": "parliaments",
    "resolution": "resolutions",
    "organisation": "organisations",
    "organization": "organisations",
    "delegation": "delegations",
    "embassy": "embassies",
}
# Parts of a population, compared separately from the whole ("including 61 children").
# The first that matches wins, so the narrower parts come first ("elderly men").
POPULATION_PARTS = {
    "children": {"child", "kid", "minor", "boy", "girl", "infant", "baby", "orphan"},
    "elderly": {"elderly", "elder", "pensioner", "aged"},
    "women": {"woman"},
    "men": {"man"},
}
# Parts that are also how a whole toll is written: "4 men were arrested", "8,000 men
# and boys". A figure counting them is a part only inside a breakdown ("including 23
# men"); on its own it is the headline count of people.
PARTS_ONLY_IN_BREAKDOWNS = {"men"}
# Counts of groups or things rather than people: never compared with counts of people.
UNITS = {
    "family",
    "household",
    "village",
    "settlement",
    "town",
    "house",
    "home",
    "building",
    "grave",
    "school",
    "city",
    "hospital",
}
# Words around a figure that widen it beyond one event: a cumulative toll.
_BROADER_SCOPE = re.compile(
    # English: "since 1988", "since the start of", "since the war began", "since
    # Russia started its invasion", "since fighting broke out"
    r"\b(?:since\s+(?:\d{4}|the\s+(?:start|beginning|outbreak))|"
    r"since\s+(?:[\w'-]+\s+){0,8}?(?:began|begun|started|broke\s+out|erupted)\b|"
    # Russian: "с 1988 года", "с начала войны", "за годы войны/конфликта/оккупации",
    # "за всё время конфликта"
    r"с\s+\d{4}\s+года|с\s+начала\s+(?:войны|конфликта|оккупации)|"
    r"за\s+(?:годы|время|всё\s+время)\s+(?:войны|конфликта|оккупации)|"
    # Azerbaijani: "1988-ci ildən bəri", "müharibə boyu", "münaqişə ərzində",
    # "işğal dövründə"
    r"\d{4}(?:-?(?:ci|cı|cu|cü))?\s+ildən\s+bəri|"
    r"(?:müharibə|münaqişə|işğal)\s+(?:boyu|ərzində|dövründə)|"
    r"throughout\s+the\s+(?:war|conflict|occupation|years)|over\s+the\s+(?:years|decades)|in\s+the\s+course\s+of\s+the\s+(?:war|conflict)|"
    r"(?:whole|entire)\s+(?:war|conflict|period)|cumulative)",
    re.IGNORECASE,
)
# Every pattern above contains one of these: a cheap test that rules most figures out.
_SCOPE_WORDS = (
    *("since", "throughout", "over the", "course", "whole", "entire", "cumulative"),
    *("с ", "за ", "bəri", "boyu", "ərzində", "dövründə"),
)
_IRREGULAR = {
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "person",
    "persons": "person",
    "elders": "elder",
    "elderly": "elderly",
}


@dataclass(frozen=True)
class ClaimKind:
    """Under what a figure is compared: its category and, for a part or a unit, which."""

    category: str
    subject: str | None


def singular(word: str) -> str:
    """A plural English noun's singular, enough to match the tables ("witnesses")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")) and len(word) > 4:
        return word[:-2]  # witnesses, churches, boxes
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def words_of(counted: str) -> list[str]:
    """The counted phrase's words, folded and singular ("Children killed" → child, killed)."""
    return [singular(w) for w in re.findall(r"[a-z]+", fold(counted))]


def subject_of(counted: str, *, in_breakdown: bool = True) -> str | None:
    """What exactly a figure counts, when it is a part or a unit: "children", "family".

    None means people in general (civilians, residents, victims...), which is how the
    headline figures of different sources are written and compared. Outside a
    breakdown (*in_breakdown* false) the parts in ``PARTS_ONLY_IN_BREAKDOWNS`` count
    people in general.
    """
    words = words_of(counted)
    for name, keys in POPULATION_PARTS.items():
        if name in PARTS_ONLY_IN_BREAKDOWNS and not in_breakdown:
            continue
        if keys & set(words):
            return name
    for word in words:
        if word in UNITS:
            return word
    return None


def is_never_compared(counted: str) -> bool:
    """The figure counts time, divisions, formations or measures, not anything a
    source could be checked on.

    "12-year-old" is caught through "year"; a percentage through its sign or the word.
    """
    return "%" in counted or bool(NEVER_COMPARED & set(words_of(counted)))


@lru_cache(maxsize=8192)  # the same few phrases ("people killed") recur in every document
def claim_kind(
    category: str | None, counted: str, *, in_breakdown: bool = False
) -> ClaimKind | None:
    """Under what a figure is compared, or None when it is not a comparable claim.

    * A category in ``COUNT_CATEGORIES`` is a casualty or magnitude count.
    * Any other category is one a person added to the vocabulary for an event; it is
      compared under its own name.
    * An uncategorised figure is compared only when it names damage to things
      ("40 houses destroyed"); otherwise nothing says what happened to what it counts.
    * Whatever the category, a figure counting time, divisions, formations or
      measures (``NEVER_COMPARED``) is never compared; one counting countries, states
      or other bodies (``BODIES``) is compared under that body's own category only.

    *in_breakdown* says the figure is part of another ("including 23 men").
    """
    if not counted.strip() and category is None:
        return None
    if is_never_compared(counted):
        return None
    words = words_of(counted)
    body = next((BODIES[w] for w in words if w in BODIES), None)
    if body is not None:
        return ClaimKind(body, None)
    subject = subject_of(counted, in_breakdown=in_breakdown)
    if category is not None:
        name = fold(category).strip()
        compared_as = COUNT_CATEGORIES.get(name, name)
        return ClaimKind(compared_as, None if subject == compared_as else subject)
    damage = next((DAMAGE_WORDS[w] for w in words if w in DAMAGE_WORDS), None)
    thing = next((w for w in words if w in DAMAGEABLE), None)
    if damage is None or thing is None:
        return None
    return ClaimKind(damage, thing)


def reaches_beyond_one_event(prefix: str, quote: str, suffix: str) -> bool:
    """The words around a figure make it cumulative ("since 1988", "throughout the war").

    Only the figure's own sentence counts: the context is cut at the nearest full stop
    (or line break) on either side.
    """
    lowered = f"{prefix} {quote} {suffix}".casefold()
    if not any(word in lowered for word in _SCOPE_WORDS):
        return False  # the common case, decided without a regular expression
    before = re.split(r"[.!?\n]\s", prefix)[-1]
    after = re.split(r"[.!?\n](?:\s|$)", suffix)[0]
    return bool(_BROADER_SCOPE.search(f"{before} {quote} {after}"))
