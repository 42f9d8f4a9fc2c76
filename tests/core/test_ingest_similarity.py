"""Near-duplicate detection on texts of our own making."""

from __future__ import annotations

from desktop.ingest.similarity import (
    band_keys,
    estimated_jaccard,
    is_possible_duplicate,
    minhash,
    normalised_hash,
    similarity,
)

ARTICLE = (
    "The river burst its banks early on Tuesday and flooded the lower town, forcing "
    "two hundred families to leave their homes. Firefighters used boats to reach "
    "people trapped on upper floors, and the school gymnasium was opened as a shelter. "
    "The mayor said the damage to the old bridge would take months to repair, and asked "
    "residents to avoid the riverside road until engineers had inspected it. Forecasters "
    "expect more rain on Thursday."
)
SAME_WITH_FURNITURE = (
    "Home News Weather\nSHARE PRINT\n"
    + ARTICLE.upper().replace(",", " ,")
    + "\nRelated: Storm warnings for the coast\n© 2024 Valley Daily"
)
SAME_TOPIC = (
    "Heavy rain on Tuesday flooded parts of the lower town after the river rose above "
    "its banks. Volunteers delivered blankets to the shelter in the school gymnasium, "
    "where around two hundred families spent the night. Engineers will inspect the old "
    "bridge next week; the mayor warned that repairs could be expensive. More rain is "
    "forecast for the end of the week, and the council has ordered sandbags."
)


def test_same_article_with_furniture_is_duplicate() -> None:
    assert similarity(ARTICLE, SAME_WITH_FURNITURE) > 0.9
    assert is_possible_duplicate(ARTICLE, SAME_WITH_FURNITURE)


def test_different_article_on_same_topic_is_not() -> None:
    assert similarity(ARTICLE, SAME_TOPIC) < 0.3
    assert not is_possible_duplicate(ARTICLE, SAME_TOPIC)


def test_fingerprints() -> None:
    assert normalised_hash("The  River\nrose.") == normalised_hash("the river rose")
    sig_a, sig_b, sig_c = minhash(ARTICLE), minhash(SAME_WITH_FURNITURE), minhash(SAME_TOPIC)
    assert sig_a == minhash(ARTICLE)  # stable, so it can be stored
    assert estimated_jaccard(sig_a, sig_b) > estimated_jaccard(sig_a, sig_c)
    assert set(band_keys(sig_a)) & set(band_keys(sig_b))
    assert not set(band_keys(sig_a)) & set(band_keys(sig_c))
