"""The near-duplicate fingerprint stored in catalogues (db/fingerprints.py)."""

from __future__ import annotations

import hashlib
import random

import numpy as np

from db.fingerprints import (
    EMPTY,
    MAX_WORDS,
    NUM_BINS,
    fingerprint,
    joined_words,
    shingle_hash,
    shingle_hashes,
    signature,
    words,
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
    # Each bin keeps its smallest value, whatever the order or repeats.
    two = signature([(5 << 58) | 9, (5 << 58) | 3, (5 << 58) | 9, (7 << 58) | 1])
    assert two[5] == 3 and two[7] == 1 and two[6] == 1 + EMPTY


def test_fingerprint_ignores_layout_and_case_but_not_wording() -> None:
    print_ = fingerprint(TEXT)
    assert print_ is not None and len(print_.bands) == 16
    relaid = fingerprint(TEXT.upper().replace(" ", "\n  "))
    assert relaid == print_
    other = fingerprint(TEXT.replace("forty", "sixty"))
    assert other is not None and other.text_hash != print_.text_hash
    assert set(other.bands) & set(print_.bands)  # nearly the same text: a candidate
    assert fingerprint("Too short to judge.") is None
    assert fingerprint(" ".join(["word"] * 19)) is None
    assert fingerprint(" ".join(["word"] * 20)) is not None


def test_the_text_hash_is_still_that_of_the_folded_words() -> None:
    """documents.fingerprint is compared with values stored by earlier versions: it
    stays the SHA-256 of the folded words joined by spaces, whatever the text holds."""
    rng = random.Random(3)
    alphabet = "abcXYZ019 \t\n.,;:-–—'\"éüşəığçöЖжЩ中文ßﬁ½²ⅷ\x00"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40, 300)))
        text = " ".join(["start"] * 20) + text
        print_ = fingerprint(text)
        assert print_ is not None
        joined = " ".join(words(text)).encode("utf-8")
        assert joined_words(text) == joined, repr(text)
        assert print_.text_hash == hashlib.sha256(joined).hexdigest()
    long = " ".join(f"w{i}" for i in range(MAX_WORDS + 10))
    print_ = fingerprint(long)
    assert print_ is not None and len(words(long)) == MAX_WORDS
    assert print_.text_hash == hashlib.sha256(" ".join(words(long)).encode()).hexdigest()


def test_shingle_hashes_follow_word_order_and_fill_bins_evenly() -> None:
    assert shingle_hash("a b c d e") != shingle_hash("b a c d e")
    assert shingle_hash("a b c d e") != shingle_hash("e d c b a")
    assert shingle_hash("ab c d e f") != shingle_hash("a bc d e f")  # where words part
    assert len(shingle_hashes(b"")) == 0
    assert shingle_hashes(b"river rose").tolist() == [shingle_hash("river rose")]  # one window
    text = "the river rose above the old quay on tuesday"
    windows = shingle_hashes(text.encode())
    split = text.split()
    expected = [shingle_hash(" ".join(split[i : i + 5])) for i in range(len(split) - 4)]
    assert windows.tolist() == expected  # a window's hash does not depend on its place
    rng = random.Random(9)
    sequence = [rng.choice(("the", "a", "of", "river", "rose", "quay")) for _ in range(30_000)]
    distinct = np.unique(shingle_hashes(" ".join(sequence).encode()))
    tuples = {tuple(sequence[i : i + 5]) for i in range(len(sequence) - 4)}
    assert len(distinct) == len(tuples) > 7_000  # distinct 5-word sequences never collide
    counts = np.bincount((distinct >> np.uint64(58)).astype(np.int64), minlength=NUM_BINS)
    expected_count = len(distinct) / NUM_BINS
    chi_square = float(((counts - expected_count) ** 2 / expected_count).sum())
    assert chi_square < 120  # 63 degrees of freedom: 120 is far out in the tail


def test_a_long_text_hashes_its_windows_as_a_short_one_does() -> None:
    """Texts past the table of powers (64 KB of words) compute their own."""
    long = " ".join(f"w{i}" for i in range(20_000))
    windows = shingle_hashes(joined_words(long))
    assert len(windows) == 20_000 - 4
    for i in (0, 9_000, 19_995):
        assert windows[i] == shingle_hash(f"w{i} w{i + 1} w{i + 2} w{i + 3} w{i + 4}")


def test_stored_band_keys_do_not_change_without_a_migration() -> None:
    """Band keys live in catalogues (document_bands); a change to the algorithm needs
    a migration that recomputes them (as 0006 and 0018 do), so these values are
    pinned (and with them that no process-, machine- or run-dependent value creeps in)."""
    assert shingle_hash("the river rose above the") == 0x0AEC981B8FDD605F
    assert shingle_hash("river") == 0x7D08DFC8013B46AF
    print_ = fingerprint(TEXT)
    assert print_ is not None
    assert print_.text_hash == "1bab5dd1fcb321a26e7c8042679b757cadae149f463f6338c35630487f07a7ea"
    assert print_.bands[:3] == ("00:8fd7d4e9dc467e29", "01:19919c13c1e445f4", "02:89377e64e978ac4a")
    assert print_.bands[15] == "15:0355e0c2d9d8cabb"
