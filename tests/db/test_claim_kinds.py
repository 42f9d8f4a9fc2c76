"""Which figures are comparable claims, under what, and which reach beyond one event."""

from __future__ import annotations

import pytest

from db.claim_kinds import ClaimKind, claim_kind, reaches_beyond_one_event, singular


@pytest.mark.parametrize(
    ("category", "counted", "expected"),
    [
        # Casualty and magnitude counts, under the compared category.
        ("killed", "civilians killed", ClaimKind("killed", None)),
        ("killed", "people", ClaimKind("killed", None)),
        ("killed", "children killed", ClaimKind("killed", "children")),
        ("killed", "women", ClaimKind("killed", "women")),
        ("killed", "families", ClaimKind("killed", "family")),
        ("wounded", "wounded", ClaimKind("wounded", None)),
        ("injured", "people injured", ClaimKind("wounded", None)),
        ("Hostages", "people taken hostage", ClaimKind("hostages", None)),
        ("abducted", "girls", ClaimKind("hostages", "children")),
        ("missing", "residents still missing", ClaimKind("missing", None)),
        ("displaced", "families displaced", ClaimKind("displaced", "family")),
        ("refugees", "refugees", ClaimKind("displaced", None)),
        ("detained", "men arrested", ClaimKind("detained", None)),
        ("killed", "men", ClaimKind("killed", None)),
        ("killed", "men and boys", ClaimKind("killed", "children")),
        ("arrested", "protesters", ClaimKind("detained", None)),
        ("orphaned", "children orphaned", ClaimKind("orphaned", "children")),
        # A category someone added to the vocabulary is compared under its own name.
        ("tortured", "prisoners tortured", ClaimKind("tortured", None)),
        # Uncategorised damage to things is a magnitude count.
        (None, "houses destroyed", ClaimKind("destroyed", "house")),
        (None, "homes burned down", ClaimKind("destroyed", "home")),
        (None, "schools damaged", ClaimKind("damaged", "school")),
        (None, "villages razed", ClaimKind("destroyed", "village")),
        # Never compared: durations, anniversaries, ages.
        (None, "years", None),
        (None, "days of siege", None),
        ("killed", "years ago", None),
        (None, "anniversary", None),
        ("killed", "year-old boy", None),
        (None, "hours", None),
        # ... numbers of countries, states, resolutions, regions.
        (None, "countries", None),
        (None, "U.S. states", None),
        ("displaced", "regions", None),
        (None, "resolutions", None),
        (None, "provinces", None),
        # ... unit and brigade numbers, measures, money, percentages.
        (None, "brigade", None),
        ("killed", "battalions", None),
        (None, "kilometres", None),
        (None, "dollars", None),
        ("killed", "% of the population", None),
        (None, "times", None),
        # Uncategorised counts that say nothing about what happened.
        (None, "people", None),
        (None, "children", None),
        (None, "houses", None),
        (None, "", None),
        (None, "destroyed", None),
    ],
)
def test_claim_kind(category: str | None, counted: str, expected: ClaimKind | None) -> None:
    assert claim_kind(category, counted) == expected


@pytest.mark.parametrize(
    ("counted", "alone", "in_breakdown"),
    [
        ("men killed", None, "men"),
        ("elderly men", "elderly", "elderly"),
        ("women killed", "women", "women"),
        ("children killed", "children", "children"),
        ("civilians killed", None, None),
    ],
)
def test_men_are_a_part_only_inside_a_breakdown(
    counted: str, alone: str | None, in_breakdown: str | None
) -> None:
    assert claim_kind("killed", counted) == ClaimKind("killed", alone)
    assert claim_kind("killed", counted, in_breakdown=True) == ClaimKind("killed", in_breakdown)


@pytest.mark.parametrize(
    ("prefix", "quote", "suffix", "expected"),
    [
        ("Since 1988 ", "30,000 people were killed", " in the region.", True),
        ("In total, ", "8,000 people were killed", " throughout the conflict.", True),
        ("", "120 civilians died", " over the years of occupation", True),
        ("during the whole war ", "3,000 went missing", "", True),
        ("In the war as a whole ", "3,000 went missing", "", False),
        ("", "3,000 went missing", " during the entire conflict.", True),
        ("", "a cumulative 4,000 dead", "", True),
        ("On 26 February ", "613 people were killed", ".", False),
        ("In total, ", "613 people were killed", " that night.", False),
        ("The dead ", "613 people were killed", " in one night. Since 1988 the war", False),
        ("Since 1988 the war went on. On the night ", "613 were killed", ".", False),
        ("", "40 people died", " since the start of the shelling", True),
        ("", "12 were wounded", " throughout the day", False),
    ],
)
def test_reaches_beyond_one_event(prefix: str, quote: str, suffix: str, expected: bool) -> None:
    assert reaches_beyond_one_event(prefix, quote, suffix) is expected


@pytest.mark.parametrize(
    ("plural", "single"),
    [
        ("witnesses", "witness"),
        ("churches", "church"),
        ("families", "family"),
        ("children", "child"),
        ("houses", "house"),
        ("bus", "bus"),
        ("crisis", "crisis"),
    ],
)
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single
