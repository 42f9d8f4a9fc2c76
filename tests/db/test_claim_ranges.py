"""Figure claims read as intervals: which pairs of claims can both be true."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.claim_ranges import (
    QUALIFIERS,
    ClaimRange,
    agree,
    all_agree,
    claim_range,
    differ,
)

Claim = tuple[float, float | None, str]


@pytest.mark.parametrize(
    ("claim", "inside", "outside"),
    [
        ((8372, None, "exact"), [8372], [8371, 8373]),
        ((7779, None, "at least"), [7779, 8372, 1e9], [7778]),
        ((8000, None, "more than"), [8000.5, 8001, 1e9], [8000, 7999]),
        ((300, None, "at most"), [0, 1, 300], [301]),
        ((300, None, "up to"), [0, 300], [300.5]),
        ((50, None, "fewer than"), [0, 49], [50, 51]),
        ((8000, None, "nearly"), [7200, 7999], [8000, 7199]),
        ((300, None, "about"), [270, 300, 330], [269, 331]),
        ((7000, 8000, "range"), [7000, 7500, 8000], [6999, 8001]),
        ((7000, 8000, "exact"), [7000, 8000], [8001]),  # an upper value makes a range
        ((8000, 7000, "range"), [7000, 8000], [6999]),  # bounds given backwards
        ((500, None, "reportedly"), [450, 550], [449, 551]),  # unknown: read as "about"
    ],
)
def test_claim_range_contains(claim: Claim, inside: list[float], outside: list[float]) -> None:
    allowed = claim_range(*claim)
    assert [allowed.contains(n) for n in inside] == [True] * len(inside)
    assert [allowed.contains(n) for n in outside] == [False] * len(outside)


@pytest.mark.parametrize(
    ("first", "second", "expected_agree"),
    [
        # The examples.
        ((7779, None, "at least"), (8372, None, "exact"), True),
        ((7000, 8000, "range"), (8000, None, "more than"), False),
        # Their neighbours: moving the bound by one flips the answer.
        ((8373, None, "at least"), (8372, None, "exact"), False),
        ((8372, None, "at least"), (8372, None, "exact"), True),
        ((7000, 8001, "range"), (8000, None, "more than"), True),
        ((7000, 8000, "range"), (8000, None, "at least"), True),
        ((7000, 8000, "range"), (7999, None, "more than"), True),
        # Exact numbers: round numbers are not special.
        ((212, None, "exact"), (212, None, "exact"), True),
        ((212, None, "exact"), (240, None, "exact"), False),
        ((8000, None, "exact"), (7990, None, "exact"), False),
        # Open-ended claims on the same side always agree.
        ((100, None, "at least"), (5000, None, "more than"), True),
        ((100, None, "at most"), (50, None, "fewer than"), True),
        # Opposite sides meet only if they overlap.
        ((100, None, "at least"), (100, None, "at most"), True),
        ((100, None, "more than"), (100, None, "at most"), False),
        ((100, None, "at least"), (100, None, "fewer than"), False),
        ((100, None, "more than"), (150, None, "up to"), True),
        # "Nearly" is below its number, by little.
        ((8000, None, "nearly"), (7950, None, "exact"), True),
        ((8000, None, "nearly"), (8000, None, "exact"), False),
        ((8000, None, "nearly"), (5000, None, "exact"), False),
        ((8000, None, "nearly"), (7500, None, "about"), True),
        # "About" has ±10 %.
        ((300, None, "about"), (320, None, "exact"), True),
        ((300, None, "about"), (340, None, "exact"), False),
        ((300, None, "about"), (340, None, "about"), True),  # 270–330 meets 306–374
        ((1000, None, "about"), (487, None, "exact"), False),
        # Ranges against each other.
        ((10, 20, "range"), (20, 30, "range"), True),
        ((10, 20, "range"), (21, 30, "range"), False),
        ((10, 20, "range"), (12, None, "exact"), True),
        # Zero and tiny counts.
        ((0, None, "exact"), (5, None, "fewer than"), True),
        ((0, None, "nearly"), (0, None, "exact"), True),
    ],
)
def test_agree_and_differ_are_symmetric_opposites(
    first: Claim, second: Claim, expected_agree: bool
) -> None:
    a, b = claim_range(*first), claim_range(*second)
    assert agree(a, b) is expected_agree
    assert agree(b, a) is expected_agree
    assert differ(a, b) is (not expected_agree)


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_every_qualifier_agrees_with_itself_and_with_its_own_number_nearby(
    qualifier: str,
) -> None:
    upper = 130.0 if qualifier == "range" else None
    claim = claim_range(100, upper, qualifier)
    assert agree(claim, claim)
    assert claim.low <= claim.high


def test_open_ends_are_infinite_and_written_as_intervals() -> None:
    assert claim_range(7779, None, "at least") == ClaimRange(7779, math.inf, high_open=True)
    assert claim_range(7779, None, "at least").describe() == "[7,779, ∞)"
    assert claim_range(8000, None, "more than").describe() == "(8,000, ∞)"
    assert claim_range(50, None, "fewer than").describe() == "[0, 50)"
    assert claim_range(7000, 8000, "range").describe() == "[7,000, 8,000]"


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([(100, None, "at least"), (120, None, "about"), (130, None, "at most")], True),
        ([(100, None, "at least"), (120, None, "exact"), (110, None, "exact")], False),
        ([(7779, None, "at least"), (8372, None, "exact"), (8000, None, "more than")], True),
        ([(212, None, "exact")], True),
        # Open ends carried through the running intersection.
        ([(8000, None, "more than"), (8000, 9000, "range"), (8000, None, "at most")], False),
        ([(50, None, "fewer than"), (40, 50, "range"), (50, None, "at least")], False),
        ([(50, None, "at most"), (40, 50, "range"), (50, None, "at least")], True),
        ([], True),
    ],
)
def test_all_agree_is_pairwise(claims: list[Claim], expected: bool) -> None:
    assert all_agree([claim_range(*c) for c in claims]) is expected


_claims = st.tuples(
    st.integers(min_value=0, max_value=60).map(float),
    st.one_of(st.none(), st.integers(min_value=0, max_value=60).map(float)),
    st.sampled_from(QUALIFIERS),
)


@given(st.lists(_claims, max_size=6))
def test_all_agree_is_the_same_as_every_pair_agreeing(claims: list[Claim]) -> None:
    ranges = [claim_range(*c) for c in claims]
    pairwise = all(agree(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :])
    assert all_agree(ranges) is pairwise
