"""Anchors: offsets plus quote, and re-anchoring when offsets no longer fit."""

from __future__ import annotations

import pytest

from db.spans import SpanError, anchor, holds, reanchor

TEXT = "The flood came at night. The flood left 212 dead. The flood was remembered."


def test_anchor_keeps_quote_and_context() -> None:
    start = TEXT.index("212 dead")
    a = anchor(TEXT, start, start + 8, context=10)
    assert a.quote == "212 dead"
    assert a.prefix == "lood left "
    assert TEXT[a.start - len(a.prefix) : a.start] == a.prefix
    assert TEXT[a.end : a.end + len(a.suffix)] == a.suffix
    assert holds(TEXT, a.start, a.end, a.quote)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (3, 2), (0, len(TEXT) + 1)])
def test_bad_offsets_are_refused(start: int, end: int) -> None:
    with pytest.raises(SpanError):
        anchor(TEXT, start, end)


def test_reanchor_follows_text_that_moved() -> None:
    start = TEXT.index("212 dead")
    a = anchor(TEXT, start, start + 8)
    moved = "Preface added later. " + TEXT
    found = reanchor(
        moved, start=a.start, end=a.end, quote=a.quote, prefix=a.prefix, suffix=a.suffix
    )
    assert found is not None
    assert moved[found.start : found.end] == "212 dead"
    assert found.start == start + len("Preface added later. ")


def test_reanchor_uses_context_to_pick_among_repeats() -> None:
    second = TEXT.index("The flood", 1)
    a = anchor(TEXT, second, second + 9)
    shifted = "X" * 7 + TEXT
    found = reanchor(
        shifted, start=a.start, end=a.end, quote=a.quote, prefix=a.prefix, suffix=a.suffix
    )
    assert found is not None
    assert found.start == second + 7


def test_reanchor_gives_none_when_quote_is_gone() -> None:
    assert reanchor("nothing here", start=0, end=3, quote="212 dead") is None
