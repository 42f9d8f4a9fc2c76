"""The near-duplicate fingerprint stored in catalogues (db/fingerprints.py)."""

from __future__ import annotations

import random

from db.fingerprints import (
    EMPTY,
    NUM_BINS,
    fingerprint,
    shingle_hash,
    signature,
)

TEXT = (
    "The river rose above the old quay on Tuesday night and the council moved "
    "forty families from the lower streets to the school on the hill before dawn."
)


def _jaccard_estimate(a: set[int], b: set[int]) -> float:
    sa, sb = signature(list(a)), signature(list(b))
    return sum(x == y for x, y in zip(sa, sb, strict=True)) / NUM_BINS


def test_signature_estimates_jaccard_similarity() -> None:
    rng = random.Random(7)
    shared = {rng.getrandbits(64) for _ in range(1500)}
    only_a = {rng.getrandbits(64) for _ in range(750)}
    only_b = {rng.getrandbits(64) for _ in range(750)}
    a, b = shared | only_a, shared | only_b
    true = len(a & b) / len(a | b)  # 0.5
    assert abs(_jaccard_estimate(a, b) - true) < 0.2
    assert _jaccard_estimate(a, a) == 1.0
    assert _jaccard_estimate(only_a, only_b) < 0.2


def test_empty_bins_borrow_a_marked_value_from_the_right() -> None:
    assert signature([]) == (EMPTY,) * NUM_BINS
    one = signature([(5 << 58) | 1234])  # falls into bin 5
    assert one[5] == 1234
    assert all(value != EMPTY for value in one)
    assert one[4] == 1234 + EMPTY  # borrowed from one bin to the right
    assert one[6] == 1234 + (NUM_BINS - 1) * EMPTY  # around the end
    assert len(set(one)) == NUM_BINS  # borrowed values never equal an own value


def test_fingerprint_ignores_layout_and_case_but_not_wording() -> None:
    print_ = fingerprint(TEXT)
    assert print_ is not None and len(print_.bands) == 16
    relaid = fingerprint(TEXT.upper().replace(" ", "\n  "))
    assert relaid == print_
    other = fingerprint(TEXT.replace("forty", "sixty"))
    assert other is not None and other.text_hash != print_.text_hash
    assert set(other.bands) & set(print_.bands)  # nearly the same text: a candidate
    assert fingerprint("Too short to judge.") is None


def test_stored_band_keys_do_not_change_without_a_migration() -> None:
    """Band keys live in catalogues (document_bands); a change to the algorithm needs
    a migration that recomputes them (as 0006 does), so these values are pinned."""
    assert shingle_hash("the river rose above the") == 0x08F6661455C822E8
    print_ = fingerprint(TEXT)
    assert print_ is not None
    assert print_.bands[:3] == ("00:a423783184780269", "01:c06e21911a16eb8e", "02:c6d410c39b898089")
