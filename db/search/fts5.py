"""Compiling a query's text part to an FTS5 MATCH expression that is always valid.

Every term is emitted as a double-quoted FTS5 string of folded tokens, so nothing a
person types can ever be read as FTS5 syntax; AND / OR / NOT are the only operators and
they come from the tree (``db.search.syntax``), never from the typed text. FTS5's NOT
is binary (``a NOT b``), so a part made only of exclusions is compiled to its
complement and marked :attr:`FtsMatch.exclude` (``db.search.text_match``, shared with
PostgreSQL's ``db.search.tsvector``).
"""

from __future__ import annotations

from db.search.syntax import Query, Term
from db.search.text_match import Spelling, TextMatch, compile_text

FtsMatch = TextMatch
"""The FTS5 side of a query: an expression to bind to ``MATCH ?``.

When ``exclude`` is false the result is the rows that match::

    SELECT rowid FROM fts WHERE fts MATCH :expression

FTS5 has no unary NOT, so a query made only of exclusions (``-draft``,
``draft OR -final``) is compiled to its complement and ``exclude`` is true: the
result is every row *except* those that match::

    SELECT id FROM documents
    WHERE id NOT IN (SELECT rowid FROM fts WHERE fts MATCH :expression)
"""


def _quote(text: str) -> str:
    """An FTS5 string literal: nothing inside it is syntax, ``"`` is doubled."""
    return '"' + text.replace('"', '""') + '"'


def _term(term: Term) -> str:
    return _quote(term.text) + (" *" if term.prefix else "")


FTS5_SPELLING = Spelling(term=_term, and_="AND", or_="OR", and_not="NOT")


def to_fts5(node: Query | None) -> FtsMatch | None:
    """The FTS5 MATCH expression for a text node; ``None`` for no text condition.

    Every term is emitted as a quoted FTS5 string of folded tokens (``"o brien"``,
    prefixes as ``"archiv" *``), combined with parenthesised AND / OR / NOT, so the
    expression is valid FTS5 whatever was typed. See :class:`FtsMatch` for ``exclude``.
    Raises ``ValueError`` for a :class:`Field` node: fields are filters, not text.
    """
    return compile_text(node, FTS5_SPELLING)
