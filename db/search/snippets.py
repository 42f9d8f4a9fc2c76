"""Snippets: a few words around the matches, in the document's own characters.

The index holds folded text, so FTS5's ``snippet()`` would show "xocali" where the
document says "Xocalı" — wrong for an archivist who quotes. Instead the original text
is split into words, each word folded on its own (cached: the same words recur), and
the folded tokens matched against the query's terms; a match marks the original
word's characters. Only the page being shown is processed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Document
from db.search.index_folding import word_tokens

WINDOW_WORDS = 12
"""Words shown either side of the best match."""

MAX_SCAN = 300_000
"""Characters of a document searched for matches; the rest is not shown anyway."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fragment:
    """A piece of original text; ``highlights`` are (start, end) offsets into ``text``.

    ``cut_start``/``cut_end`` say whether text was left out before or after it.
    """

    text: str
    highlights: tuple[tuple[int, int], ...] = ()
    cut_start: bool = False
    cut_end: bool = False

    def marked(
        self,
        before: str = "[",
        after: str = "]",
        ellipsis: str = "…",
        escape: Callable[[str], str] = str,
    ) -> str:
        """The fragment with each highlight wrapped in *before*/*after* (e.g. HTML marks);
        *escape* is applied to every piece of the document's own text (``html.escape``)."""
        parts: list[str] = [ellipsis] if self.cut_start else []
        position = 0
        for start, end in self.highlights:
            text, mark = self.text[position:start], self.text[start:end]
            parts += [escape(text), before, escape(mark), after]
            position = end
        parts.append(escape(self.text[position:]))
        if self.cut_end:
            parts.append(ellipsis)
        return "".join(parts)


@dataclass(frozen=True)
class Snippet:
    """What a result row shows: its title and a window of its text, both highlighted."""

    title: Fragment
    body: Fragment


@dataclass(frozen=True)
class _Pattern:
    tokens: tuple[str, ...]
    prefix: bool


def _patterns(terms: Iterable[str]) -> dict[str, list[_Pattern]]:
    """Terms ("o brien", "archiv*") keyed by their first token ("" for prefix-only)."""
    by_first: dict[str, list[_Pattern]] = {}
    for term in terms:
        prefix = term.endswith("*")
        tokens = tuple(term.rstrip("*").split())
        if not tokens:
            continue
        key = "" if prefix and len(tokens) == 1 else tokens[0]
        by_first.setdefault(key, []).append(_Pattern(tokens, prefix))
    return by_first


def _token_matches(token: str, wanted: str, prefix: bool) -> bool:
    return token.startswith(wanted) if prefix else token == wanted


def _matched_words(
    words: Sequence[re.Match[str]], patterns: dict[str, list[_Pattern]]
) -> list[int]:
    """Indexes of words that are part of a match, in order."""
    flat: list[tuple[str, int]] = [
        (token, number) for number, word in enumerate(words) for token in word_tokens(word.group())
    ]
    prefix_only = patterns.get("", [])
    marked: set[int] = set()
    for position, (token, _word) in enumerate(flat):
        candidates = patterns.get(token, [])
        if prefix_only:
            candidates = candidates + [p for p in prefix_only if token.startswith(p.tokens[0])]
        for pattern in candidates:
            size = len(pattern.tokens)
            if position + size > len(flat):
                continue
            if all(
                _token_matches(
                    flat[position + k][0], pattern.tokens[k], pattern.prefix and k == size - 1
                )
                for k in range(size)
            ):
                marked.update(flat[position + k][1] for k in range(size))
    return sorted(marked)


def fragment(text: str, terms: Iterable[str], *, window: int = WINDOW_WORDS) -> Fragment:
    """The best window of *text* (most matched words) with matches highlighted.

    With *window* of 0 or less the whole text is returned, highlighted (titles).
    """
    patterns = _patterns(terms)
    scanned = text[:MAX_SCAN]
    words = list(_WORD.finditer(scanned))
    if not words:
        return Fragment(text[: 200 if window > 0 else None], cut_end=window > 0 and len(text) > 200)
    matched = _matched_words(words, patterns) if patterns else []
    if window <= 0:
        first, last = 0, len(words) - 1
        start, end = 0, len(text)
    else:
        span = 2 * window
        best, best_count, right = 0, 0, 0
        for left in range(len(matched)):
            while right < len(matched) and matched[right] - matched[left] <= span:
                right += 1
            if right - left > best_count:
                best, best_count = left, right - left
        centre = (matched[best] + matched[best + best_count - 1]) // 2 if matched else window
        first = max(0, centre - window)
        last = min(len(words) - 1, first + span)
        first = max(0, last - span)
        start, end = words[first].start(), words[last].end()
        while end < len(text) and not text[end].isspace() and not text[end].isalnum():
            end += 1  # keep the closing punctuation: "Şəkibə." not "Şəkibə…"
    highlights = tuple(
        (words[n].start() - start, words[n].end() - start) for n in matched if first <= n <= last
    )
    return Fragment(
        text[start:end],
        _merge(highlights, text[start:end]),
        cut_start=start > 0,
        cut_end=bool(_WORD.search(text, end)),
    )


def match_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Every match of *terms* in *text*, as (start, end) offsets into the text itself
    (what the reading pane marks when a document is opened from a search).

    Matching is the snippets' own: folded words against folded terms, phrases word by
    word, prefixes; neighbouring matched words join into one span. Only the first
    ``MAX_SCAN`` characters are searched.
    """
    patterns = _patterns(terms)
    if not patterns:
        return []
    words = list(_WORD.finditer(text[:MAX_SCAN]))
    spans = tuple((words[n].start(), words[n].end()) for n in _matched_words(words, patterns))
    return list(_merge(spans, text))


def _merge(highlights: tuple[tuple[int, int], ...], text: str) -> tuple[tuple[int, int], ...]:
    """Join highlights separated only by spaces or punctuation ("O'Brien" is one mark)."""
    merged: list[tuple[int, int]] = []
    for start, end in highlights:
        gap = text[merged[-1][1] : start] if merged else "\n"
        if len(gap) <= 3 and "\n" not in gap and not _WORD.search(gap):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


def snippets(
    session: Session, hits: Iterable[_HasId], terms: Iterable[str], *, window: int = WINDOW_WORDS
) -> dict[int, Snippet]:
    """Snippets for *hits* (anything with an ``id``, such as ``db.search.run.Hit``), by id.

    *terms* are folded terms as ``SearchResult.terms`` gives them.
    """
    wanted = [hit.id for hit in hits]
    if not wanted:
        return {}
    terms = list(terms)
    result: dict[int, Snippet] = {}
    for doc_id, title, body in session.execute(
        select(Document.id, Document.title, Document.text).where(Document.id.in_(wanted))
    ):
        result[doc_id] = Snippet(
            title=fragment(title or "", terms, window=0),
            body=fragment(body or "", terms, window=window),
        )
    return result
