"""The near-duplicate fingerprint (``db.fingerprints``): its CPU cost per document and
how well its band keys separate near-duplicates from unrelated texts.

    .venv/bin/python bench/fingerprint_bench.py [N] [--corpus DIR] [--pairs P]

*Cost*: ``fingerprint()`` over the N clippings of ``bench/make_corpus.py N --seed 3``
(made in a temporary folder unless ``--corpus`` names one), CPU time of this process,
first pass (a fresh process: caches cold, as in a new import worker) and second pass.

*Quality*: P near-duplicate pairs (a clipping and a copy of it with page furniture
added and/or some words changed) and P unrelated pairs (two different clippings).
A pair is *caught* when the two texts share a band key. Near-duplicates are grouped by
the true Jaccard similarity of their shingle sets, beside the rate the banding should
give, ``1 - (1 - J**4)**16``; the false-negative rate is over pairs with J >= 0.7
(what the import's full comparison would call a possible duplicate), the
false-positive rate over the unrelated pairs. The same seed gives the same pairs, so
two versions of the module are compared on the same texts.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.make_corpus import make_corpus
from db.fingerprints import BANDS, fingerprint, shingles_of, words

FURNITURE_HEAD = (
    "Home News World Business Sport Culture Opinion Weather Subscribe Log in "
    "Share this article on social media Print Email"
)
FURNITURE_TAIL = (
    "Related stories More from this section Most read today Comments are closed "
    "Advertisement Terms of use Privacy policy Contact the newsroom All rights reserved "
    "Sign up for the morning briefing delivered to your inbox every weekday"
)
BUCKETS = (
    (0.9, 1.01),
    (0.8, 0.9),
    (0.7, 0.8),
    (0.6, 0.7),
    (0.5, 0.6),
    (0.4, 0.5),
    (0.3, 0.4),
    (0.2, 0.3),
    (0.1, 0.2),
    (0.0, 0.1),
)


def _texts(count: int, corpus: Path | None) -> list[str]:
    if corpus is None:
        corpus = Path(tempfile.mkdtemp(prefix="catena-fp-")) / "corpus"
        make_corpus(count, seed=3, out=corpus)
    files = sorted(corpus.rglob("*.txt"))[:count]
    return [path.read_text(encoding="utf-8") for path in files]


def _variant(text: str, other: str, rng: random.Random) -> str:
    """The same article saved again: furniture around it and/or a few words changed;
    one pair in three keeps only part of the article, the rest from *other* (so every
    similarity from 0 to 1 is represented)."""
    tokens = text.split()
    if rng.random() < 1 / 3:
        kept = int(len(tokens) * rng.uniform(0.05, 1.0))
        tokens = tokens[:kept] + other.split()[kept:]
    rate = rng.choice((0.0, 0.005, 0.01, 0.02, 0.04, 0.08))
    for _ in range(int(len(tokens) * rate)):
        tokens[rng.randrange(len(tokens))] = rng.choice(("the", "said", "town", "report"))
    if rng.random() < 0.3 and len(tokens) > 200:  # a missing closing paragraph
        tokens = tokens[: int(len(tokens) * rng.uniform(0.6, 0.95))]
    body = " ".join(tokens)
    if rng.random() < 0.7:  # each site its own furniture: words of the menus, shuffled
        head, tail = FURNITURE_HEAD.split(), FURNITURE_TAIL.split()
        rng.shuffle(head)
        rng.shuffle(tail)
        body = f"{' '.join(head)}\n{body}\n{' '.join(tail[: rng.randrange(10, len(tail))])}"
    return body


def _jaccard(a: str, b: str) -> float:
    sa, sb = shingles_of(words(a)), shingles_of(words(b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def _shares_a_key(a: str, b: str) -> bool:
    pa, pb = fingerprint(a), fingerprint(b)
    return pa is not None and pb is not None and bool(set(pa.bands) & set(pb.bands))


def cost(texts: list[str]) -> tuple[float, float]:
    """CPU ms per document: first pass, second pass."""
    passes = []
    for _ in range(2):
        start = time.process_time()
        for text in texts:
            fingerprint(text)
        passes.append((time.process_time() - start) * 1000 / len(texts))
    return passes[0], passes[1]


def quality(texts: list[str], pairs: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    usable = [t for t in texts if fingerprint(t) is not None]
    caught: dict[tuple[float, float], list[int]] = {bucket: [0, 0] for bucket in BUCKETS}
    expected: dict[tuple[float, float], float] = dict.fromkeys(BUCKETS, 0.0)
    missed_high = high = low = caught_low = 0
    for _ in range(pairs):
        text, other = rng.sample(usable, 2)
        copy = _variant(text, other, rng)
        j = _jaccard(text, copy)
        bucket = next(b for b in BUCKETS if b[0] <= j < b[1])
        hit = _shares_a_key(text, copy)
        caught[bucket][0] += hit
        caught[bucket][1] += 1
        expected[bucket] += 1 - (1 - j**4) ** BANDS
        if j >= 0.7:
            high += 1
            missed_high += not hit
        if j < 0.2:
            low += 1
            caught_low += hit
    print(f"near-duplicate pairs: {pairs}")
    for bucket in BUCKETS:
        hits, n = caught[bucket]
        if n:
            theory = expected[bucket] / n
            print(
                f"  J in [{bucket[0]:.1f}, {min(bucket[1], 1):.1f}): {hits}/{n} share a key"
                f" ({hits / n:.1%}; banding theory {theory:.1%})"
            )
    print(f"  false negatives (J >= 0.7): {missed_high}/{high} = {missed_high / max(high, 1):.2%}")
    print(f"  candidates at J < 0.2: {caught_low}/{low} = {caught_low / max(low, 1):.2%}")
    false_positive = 0
    js = []
    for _ in range(pairs):
        a, b = rng.sample(range(len(usable)), 2)
        js.append(_jaccard(usable[a], usable[b]))
        false_positive += _shares_a_key(usable[a], usable[b])
    print(
        f"unrelated pairs: {pairs}, mean J {sum(js) / len(js):.4f}, max J {max(js):.3f}; "
        f"false positives {false_positive}/{pairs} = {false_positive / pairs:.2%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--pairs", type=int, default=2000)
    args = parser.parse_args()
    texts = _texts(args.count, args.corpus)
    kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024
    first, second = cost(texts)
    print(f"fingerprint(): {len(texts)} clippings, {kb:.1f} KB each on average")
    print(f"  CPU per document: first pass {first:.3f} ms, second pass {second:.3f} ms")
    if args.pairs:
        quality(texts, args.pairs)


if __name__ == "__main__":
    main()
