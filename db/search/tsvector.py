"""PostgreSQL's side of the text search: the tsvector a document is indexed as, and the
tsquery a query's text part is compiled to (FTS5's counterpart is ``db.search.fts5``).

Both are built here, in Python, as literals PostgreSQL parses without its text-search
parser or dictionaries (``CAST(:v AS tsvector)``, ``CAST(:q AS tsquery)``). Why not
``to_tsvector('simple', …)``: PostgreSQL's parser reads ``news.az`` as a host name,
``o-brien`` as one hyphenated word plus its parts, ``1e5`` as a number, so the tokens
would differ from FTS5's ``unicode61`` ones and the engines would find different
documents. Here a token is what it is on SQLite and in the query parser: a
``[a-z0-9]+`` run of the folded text (``db.search.index_folding.fold_for_index``).

The vector holds the four columns with weights, the way bm25 weighs them on SQLite:
title A, people B, extra C, body D (ranked by ``ts_rank_cd`` with
:data:`RANK_WEIGHTS`). Positions run on from column to column with a gap of one, so a
phrase never spans two columns (FTS5 matches phrases within a column).

PostgreSQL's limits, and what is done about them:

* positions stop at 16,383 and a lexeme keeps at most 256 of them (in English "the"
  passes 256 at about 4,000 words): a word beyond is still found, but a phrase there
  would not be. So a document that passes either limit ("lossy") also holds every
  pair of neighbouring tokens of each column as one lexeme (``'o brien'``, no
  position), and a phrase term matches its ``<->`` chain OR all its pairs. Phrases of
  two tokens are then exact in every document; a longer phrase in a lossy document
  can match where its pairs occur apart (``"a b c"`` where "a b" and "b c" are);
* a lexeme is at most 2,046 bytes: a longer "word" (an encoded blob pasted as text)
  is not indexed, and a query term holding one finds nothing (as on SQLite, where no
  document holds such a word either in practice);
* a tsvector is at most 1 MB: a text with so many distinct words keeps its words but
  loses the body's positions, and beyond that the pairs, then the words past the limit.
"""

from __future__ import annotations

import re
from itertools import pairwise

from db.search.syntax import Query, Term
from db.search.text_match import Spelling, TextMatch, compile_text

MAX_POSITION = 16_383
MAX_POSITIONS_PER_LEXEME = 256
MAX_LEXEME_BYTES = 2_046
VECTOR_BUDGET = 1_000_000
"""Bytes of lexemes and positions a vector may hold (PostgreSQL refuses above 1 MB)."""

WEIGHT_OF_COLUMN = {"title": "A", "people": "B", "extra": "C", "body": "D"}
"""tsvector weight per index column; the columns are laid out in this order."""

RANK_WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"
"""``ts_rank_cd`` weights for D, C, B, A: body 1, extra 3, people 5, title 10, as the
bm25 column weights of ``db.search.run.WEIGHTS``."""

_TOKEN = re.compile(r"[a-z0-9]+")
_NEVER = "('a' & !'a')"
"""A tsquery no document matches: what a term with an unindexable word becomes."""


# --- the query --------------------------------------------------------------------------


def _term(term: Term) -> str:
    tokens = term.text.split(" ")
    if any(len(token) > MAX_LEXEME_BYTES for token in tokens):
        return _NEVER
    star = ":*" if term.prefix else ""
    # tokens are [a-z0-9]+ (db.search.query), so quoting needs no escapes
    if len(tokens) == 1:
        return f"'{tokens[0]}'{star}"
    chain = " <-> ".join(f"'{token}'" for token in tokens) + star
    pairs = [f"{first} {second}" for first, second in pairwise(tokens)]
    if any(len(pair) > MAX_LEXEME_BYTES for pair in pairs):
        return f"({chain})"  # no document holds such a pair ("!" binds tighter than "<->")
    quoted = [f"'{pair}'" for pair in pairs]
    quoted[-1] += star
    together = quoted[0] if len(quoted) == 1 else "(" + " & ".join(quoted) + ")"
    return f"(({chain}) | {together})"  # the pairs: lossy documents (module doc)


TSQUERY_SPELLING = Spelling(term=_term, and_="&", or_="|", and_not="& !")


def to_tsquery(node: Query | None) -> TextMatch | None:
    """The tsquery text for a query's text part (``CAST(:q AS tsquery)``); ``None`` for
    no text condition. Phrases are ``<->`` chains, prefixes ``:*``; ``exclude`` as in
    ``db.search.fts5.to_fts5``. Raises ``ValueError`` for a field node."""
    return compile_text(node, TSQUERY_SPELLING)


# --- the document -----------------------------------------------------------------------


def _positions(columns: dict[str, list[str]]) -> tuple[dict[str, list[str]], bool]:
    """Lexeme → its positions with weight letters, in column order (see module doc),
    and whether a position was left out (the document is lossy)."""
    found: dict[str, list[str]] = {}
    lossy = False
    position = 0
    for name, weight in WEIGHT_OF_COLUMN.items():
        letter = "" if weight == "D" else weight
        for token in columns[name]:
            position += 1
            if len(token) > MAX_LEXEME_BYTES:
                continue
            places = found.setdefault(token, [])
            if position <= MAX_POSITION and len(places) < MAX_POSITIONS_PER_LEXEME:
                places.append(f"{position}{letter}")
            else:
                lossy = True
        position += 1  # a gap: no phrase across two columns
    return found, lossy


def _add_pairs(found: dict[str, list[str]], columns: dict[str, list[str]]) -> None:
    """Each column's neighbouring tokens as lexemes of their own, without positions."""
    for tokens in columns.values():
        for first, second in pairwise(tokens):
            pair = f"{first} {second}"
            if len(pair) <= MAX_LEXEME_BYTES:
                found.setdefault(pair, [])


def _size(lexeme: str, places: list[str]) -> int:
    return len(lexeme) + 1 + (2 + 2 * len(places) if places else 0)


def _fits(found: dict[str, list[str]]) -> bool:
    return sum(_size(lexeme, places) for lexeme, places in found.items()) <= VECTOR_BUDGET


def _fit(found: dict[str, list[str]]) -> dict[str, list[str]]:
    if _fits(found):
        return found
    # Too large: keep the positions of the title, people and extra; body words stripped.
    kept = {
        lexeme: [place for place in places if place[-1] in "ABC"]
        for lexeme, places in found.items()
    }
    fitted: dict[str, list[str]] = {}
    used = 0
    for lexeme, places in kept.items():
        used += _size(lexeme, places)
        if used > VECTOR_BUDGET:
            break
        fitted[lexeme] = places
    return fitted


def document_vector(title: str, body: str, people: str, extra: str) -> str:
    """The tsvector literal for a document's folded columns (``CAST(:v AS tsvector)``)."""
    folded = {"title": title, "body": body, "people": people, "extra": extra}
    columns = {name: _TOKEN.findall(folded[name]) for name in WEIGHT_OF_COLUMN}
    found, lossy = _positions(columns)
    if lossy or not _fits(found):
        _add_pairs(found, columns)  # after the words: the first to go if too large
    found = _fit(found)
    return " ".join(
        f"'{lexeme}':{','.join(places)}" if places else f"'{lexeme}'"
        for lexeme, places in found.items()
    )
