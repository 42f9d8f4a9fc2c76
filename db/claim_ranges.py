"""What a figure claim allows: an interval read from its value and its qualifier.

Sources rarely state a count the same way. "At least 7,779 were killed" and "8,372
were killed" are both true if 8,372 died; "between 7,000 and 8,000" and "more than
8,000" cannot both be. Comparing the bare numbers (7,779 ≠ 8,372) calls the first pair
a contradiction and misses nothing in the second, so the comparison compares the
intervals each claim allows instead:

==================  ===========================  ======================================
qualifier           allowed counts               why
==================  ===========================  ======================================
exact               [N, N]                       the text gives one number
at least            [N, ∞)                       "no fewer than", "7,000 or more"
more than           (N, ∞)                       "over", "in excess of"
at most, up to      [0, N]                       "no more than", "as many as"
fewer than          [0, N)                       "less than", "under"
nearly              [N − 10 %, N)                see ``NEARLY_SHORTFALL``
about               [N − 10 %, N + 10 %]         see ``ABOUT_TOLERANCE``
range               [A, B]                       "between A and B", "A–B"
==================  ===========================  ======================================

Round numbers are not special: "8,000" is read as exactly 8,000 unless the text
qualifies it, because guessing that a source rounded would hide real disagreements.
Everything here is pure arithmetic on the stored tag values; nothing reads the text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# "About N" in reports of casualties is a rounded estimate. Rounding to the first one
# or two significant digits (the usual way: "about 300", "some 8,000") moves a count
# by at most 5–10 % of itself in the common cases (e.g. 7,600 → "about 8,000" is 5 %,
# 270 → "about 300" is 10 %), so ±10 % accepts every such rounding and no more.
ABOUT_TOLERANCE = 0.10
# "Nearly N" means short of N, and by little: "nearly 8,000" for 7,950 or 7,300, not
# for 5,000. The same 10 % as "about" keeps the two readings symmetrical.
NEARLY_SHORTFALL = 0.10

QUALIFIERS = (
    "exact",
    "about",
    "at least",
    "more than",
    "at most",
    "fewer than",
    "nearly",
    "up to",
    "range",
)


@dataclass(frozen=True)
class ClaimRange:
    """The counts a claim allows: from *low* to *high* (``math.inf`` when open-ended);
    an ``*_open`` end excludes its bound ("more than 8,000" excludes 8,000)."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, count: float) -> bool:
        above = count > self.low or (count == self.low and not self.low_open)
        below = count < self.high or (count == self.high and not self.high_open)
        return above and below

    def describe(self) -> str:
        """Interval notation for notes and tests: "[7,779, ∞)", "(8,000, ∞)"."""
        left = "(" if self.low_open else "["
        right = ")" if self.high_open or math.isinf(self.high) else "]"
        high = "∞" if math.isinf(self.high) else _number(self.high)
        return f"{left}{_number(self.low)}, {high}{right}"


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def claim_range(value: float, upper_value: float | None, qualifier: str) -> ClaimRange:
    """The interval a figure tag allows (see the module's table).

    A stored upper value makes a range whatever the qualifier says (the suggester and
    people both write "range" for it, older tags may say "exact"). A qualifier this
    module does not know is read like "about": an unfamiliar hedge must never turn
    into a contradiction between sources.
    """
    low, high = (value, upper_value) if upper_value is not None else (value, value)
    if high < low:
        low, high = high, low
    if upper_value is not None or qualifier == "range":
        return ClaimRange(low, high)
    if qualifier == "exact":
        return ClaimRange(value, value)
    if qualifier == "at least":
        return ClaimRange(value, math.inf, high_open=True)
    if qualifier == "more than":
        return ClaimRange(value, math.inf, low_open=True, high_open=True)
    if qualifier in ("at most", "up to"):
        return ClaimRange(0.0, value)
    if qualifier == "fewer than":
        return ClaimRange(0.0, value, high_open=True)
    if qualifier == "nearly":
        return ClaimRange(value * (1 - NEARLY_SHORTFALL), value, high_open=value > 0)
    return ClaimRange(value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE))


def ranges_meet(first: ClaimRange, second: ClaimRange) -> bool:
    """True when some count lies in both intervals."""
    low = max(first.low, second.low)
    high = min(first.high, second.high)
    if low < high:
        return True
    if low > high:
        return False
    # They touch at one point: it must belong to both.
    return first.contains(low) and second.contains(low)


def agree(first: ClaimRange, second: ClaimRange) -> bool:
    """Both claims can be true at once ("at least 7,779" and "8,372")."""
    return ranges_meet(first, second)


def differ(first: ClaimRange, second: ClaimRange) -> bool:
    """The two claims cannot both be true ("between 7,000 and 8,000", "more than 8,000")."""
    return not ranges_meet(first, second)


def all_agree(ranges: Sequence[ClaimRange]) -> bool:
    """Every pair of claims can be true together.

    Intervals on a line that meet pairwise always share one point (Helly's theorem in
    one dimension), so this intersects them all at once: linear in the number of
    sources, where comparing every pair was quadratic (a "killed" group over 3,000
    documents is 4.5 million pairs).
    """
    if not ranges:
        return True
    common = ranges[0]
    for allowed in ranges[1:]:
        if not ranges_meet(common, allowed):
            return False
        common = _intersection(common, allowed)
    return True


def _intersection(first: ClaimRange, second: ClaimRange) -> ClaimRange:
    """The counts both allow (the two must meet): the higher low end, the lower high
    end, each open if the interval it comes from is open there."""
    if first.low == second.low:
        low, low_open = first.low, first.low_open or second.low_open
    else:
        low, low_open = max((first.low, first.low_open), (second.low, second.low_open))
    if first.high == second.high:
        high, high_open = first.high, first.high_open or second.high_open
    elif first.high < second.high:
        high, high_open = first.high, first.high_open
    else:
        high, high_open = second.high, second.high_open
    return ClaimRange(low, high, low_open, high_open)
