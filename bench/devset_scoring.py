"""One-to-one scoring of suggestions against the development set's gold.

A suggestion and a gold item match when they say the same thing *and* the
suggestion's span overlaps the gold item's own occurrence of its quote:

* dates: EDTF strings equal;
* figures: value and qualifier equal, and the upper bound too when the gold has one;
* people: names equal after ``db.folding.fold_name``, in any word order, the
  suggestion's name or one of its variants (organisations are left out
  before scoring: they are neither people found nor false people).

Each gold item takes at most one suggestion and each suggestion at most one gold item;
the pairing is a maximum matching (augmenting paths), so the order in which
suggestions come never costs a match. Every occurrence counts: a date written three
times is three gold items, found or missed one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from devset_data import GoldItem


@dataclass(frozen=True)
class Found:
    """One suggestion reduced to what is compared: a key and a span."""

    key: Any
    start: int
    end: int
    shown: str


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    # Indices of the suggestions paired with a gold item (one document's match only).
    paired: set[int] = field(default_factory=set)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.false_positives += other.false_positives
        self.missed += other.missed

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def dates_equal(found: Any, gold: Any) -> bool:
    return bool(found == gold)


def figures_equal(found: Any, gold: Any) -> bool:
    """(value, qualifier, upper): the upper bound counts only when the gold gives one."""
    value, qualifier, upper = found
    gold_value, gold_qualifier, gold_upper = gold
    if not _close(value, gold_value) or qualifier != gold_qualifier:
        return False
    return gold_upper is None or (upper is not None and _close(upper, gold_upper))


def names_equal(found: Any, gold: Any) -> bool:
    """*found* is one name key or the set of a suggestion's name forms (its name and
    the variants the text gives: a later "Stalin" is stored under "Joseph Stalin" with
    "Stalin" as a variant, and is right for a gold "Stalin")."""
    if isinstance(found, frozenset):
        return gold in found
    return bool(found == gold)


EQUALS: dict[str, Callable[[Any, Any], bool]] = {
    "dates": dates_equal,
    "figures": figures_equal,
    "people": names_equal,
}


def _overlaps(found: Found, gold: GoldItem) -> bool:
    return found.start < gold.end and gold.start < found.end


def match(
    found: Sequence[Found], gold: Sequence[GoldItem], equal: Callable[[Any, Any], bool]
) -> Tally:
    """Pair suggestions with gold items one to one, as many pairs as possible."""
    options = [
        [g for g, item in enumerate(gold) if equal(f.key, item.key) and _overlaps(f, item)]
        for f in found
    ]
    owner: dict[int, int] = {}  # gold index -> suggestion index

    def augment(f: int, visited: set[int]) -> bool:
        for g in options[f]:
            if g in visited:
                continue
            visited.add(g)
            if g not in owner or augment(owner[g], visited):
                owner[g] = f
                return True
        return False

    for f in range(len(found)):
        augment(f, set())
    paired = set(owner.values())
    tally = Tally(tp=len(owner), paired=paired)
    for f, item in enumerate(found):
        if f not in paired:
            tally.fp += 1
            tally.false_positives.append(item.shown)
    for g, gold_item in enumerate(gold):
        if g not in owner:
            tally.fn += 1
            tally.missed.append(gold_item.shown)
    return tally


def score_kind(kind: str, found: Sequence[Found], gold: Sequence[GoldItem]) -> Tally:
    return match(found, gold, EQUALS[kind])
