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
        # ... divisions of a country, usually named by number.
        ("displaced", "regions", None),
        (None, "provinces", None),
        (None, "District", None),
        # Countries, states and other bodies: compared, each under its own category,
        # never with a toll (whatever category the suggester gave them).
        (None, "countries", ClaimKind("countries", None)),
        (None, "U.S. states", ClaimKind("states", None)),
        (None, "states of the United States", ClaimKind("states", None)),
        ("killed", "countries condemned", ClaimKind("countries", None)),
        (None, "resolutions", ClaimKind("resolutions", None)),
        (None, "UN resolution", ClaimKind("resolutions", None)),
        (None, "parliaments", ClaimKind("parliaments", None)),
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
        # "since" and a clause that began something: the toll runs from then on.
        ("the fate of ", "nearly 500 people taken", " is unknown since the war began.", True),
        ("", "2,000 were displaced", " since Norland started its blockade", True),
        ("Since fighting broke out in the valley, ", "90 have died", "", True),
        ("", "14 died", " since the dam's gates were opened", False),
        ("Since Monday ", "40 people have been rescued", "", False),
        ("Since the flood began. ", "30 died", " on the first night.", False),
        # Russian and Azerbaijani wording of the same.
        ("С 1988 года ", "погибли 3000 человек", "", True),
        ("", "500 человек пропали без вести", " с начала войны", True),
        ("За годы оккупации ", "погибли 120 мирных жителей", "", True),
        ("В ночь на 26 февраля ", "погибли 613 человек", ".", False),
        ("1988-ci ildən bəri ", "4 min nəfər itkin düşüb", "", True),
        ("Müharibə boyu ", "3 min nəfər həlak olub", "", True),
        ("Fevralın 26-da ", "613 nəfər qətlə yetirilib", ".", False),
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
