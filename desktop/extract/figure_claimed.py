"""The spans other suggesters claimed, indexed for the figure readers.

``SpanSet.hits`` compares a span with every claimed one; the figure readers ask once
for every number of a paragraph, and a page of dates claims dozens of spans. Sorted by
start, with the furthest end reached so far, one binary search answers instead.
"""

from __future__ import annotations

from bisect import bisect_left

from desktop.extract.text_nearby import SpanSet


class ClaimedIndex:
    """A snapshot of *claimed*: ``hits`` answers as ``SpanSet.hits`` did when made."""

    def __init__(self, claimed: SpanSet) -> None:
        spans = sorted(claimed.spans())
        self._starts = [start for start, _end in spans]
        self._furthest_end: list[int] = []
        furthest = -1
        for _start, end in spans:
            furthest = max(furthest, end)
            self._furthest_end.append(furthest)

    def hits(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a claimed span.

        The spans that start before *end* are the first ``count``; one of them reaches
        past *start* exactly when the furthest end among them does.
        """
        count = bisect_left(self._starts, end)
        return count > 0 and self._furthest_end[count - 1] > start
