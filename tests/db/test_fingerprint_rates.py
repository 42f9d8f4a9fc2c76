"""How often the band keys make two texts candidates, over a generated set (seeded, so
every run sees the same texts): copies of an article almost always, unrelated
articles almost never, partial copies about as often as the banding's theory says
(``1 - (1 - J**4)**16`` for Jaccard similarity J). Figures for the real corpus:
``bench/fingerprint_bench.py``."""

from __future__ import annotations

import random

from db.fingerprints import BANDS, fingerprint, shingles_of, words

LETTERS = "abcdefghijklmnopqrstuvwxyz"
MENU = [
    "home",
    "news",
    "world",
    "sport",
    "weather",
    "subscribe",
    "share",
    "print",
    "related",
    "most",
    "read",
    "contact",
]


def _vocabulary(rng: random.Random) -> list[str]:
    return ["".join(rng.choice(LETTERS) for _ in range(rng.randrange(2, 11))) for _ in range(4000)]


def _article(rng: random.Random, vocabulary: list[str], weights: list[float]) -> str:
    return " ".join(rng.choices(vocabulary, weights, k=rng.randrange(250, 1200)))


def _jaccard(a: str, b: str) -> float:
    sa, sb = shingles_of(words(a)), shingles_of(words(b))
    return len(sa & sb) / len(sa | sb)


def _candidates(a: str, b: str) -> bool:
    pa, pb = fingerprint(a), fingerprint(b)
    assert pa is not None and pb is not None
    return bool(set(pa.bands) & set(pb.bands))


def _copy(rng: random.Random, article: str) -> str:
    """Saved again: menus around it, one word in 50 to 100 changed."""
    tokens = article.split()
    for _ in range(len(tokens) // rng.randrange(50, 100)):
        tokens[rng.randrange(len(tokens))] = rng.choice(MENU)
    head, tail = rng.sample(MENU, 8), rng.sample(MENU, 6)
    return "\n".join((" ".join(head), " ".join(tokens), " ".join(tail)))


def test_copies_meet_unrelated_texts_do_not_and_partial_copies_follow_the_theory() -> None:
    rng = random.Random(2026)
    vocabulary = _vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]  # Zipf-like use
    articles = [_article(rng, vocabulary, weights) for _ in range(300)]

    copies = [(article, _copy(rng, article)) for article in articles]
    similar = [pair for pair in copies if _jaccard(*pair) >= 0.7]
    assert len(similar) > 250
    missed = sum(not _candidates(*pair) for pair in similar)
    assert missed <= 2  # theory: at most 0.3 % at J = 0.7, far less above

    unrelated = [tuple(rng.sample(articles, 2)) for _ in range(600)]
    assert sum(_candidates(a, b) for a, b in unrelated) <= 1

    caught = expected = 0.0
    low_caught = low = 0
    for _ in range(400):  # the first part of one article, the rest of another
        a, b = rng.sample(articles, 2)
        kept = int(len(a.split()) * rng.uniform(0.1, 0.95))
        partial = " ".join(a.split()[:kept] + b.split()[kept:])
        if len(partial.split()) < 100:
            continue
        j, hit = _jaccard(a, partial), _candidates(a, partial)
        caught += hit
        expected += 1 - (1 - j**4) ** BANDS
        if j < 0.2:
            low, low_caught = low + 1, low_caught + hit
    assert abs(caught - expected) < 0.15 * expected  # within sampling error of theory
    assert low > 50 and low_caught / low < 0.05
