"""Compiling a query's text part to an FTS5 MATCH expression that is always valid.

Every term is emitted as a double-quoted FTS5 string of folded tokens, so nothing a
person types can ever be read as FTS5 syntax; AND / OR / NOT are the only operators and
they come from the tree (``db.search.syntax``), never from the typed text. FTS5's NOT
is binary (``a NOT b``), so a part made only of exclusions is compiled to its
complement and marked :attr:`FtsMatch.exclude`.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.search.syntax import And, Field, Not, Query, Term


@dataclass(frozen=True, slots=True)
class FtsMatch:
    """The FTS5 side of a query: an expression to bind to ``MATCH ?``.

    When ``exclude`` is false the result is the rows that match::

        SELECT rowid FROM fts WHERE fts MATCH :expression

    FTS5 has no unary NOT, so a query made only of exclusions (``-draft``,
    ``draft OR -final``) is compiled to its complement and ``exclude`` is true: the
    result is every row *except* those that match::

        SELECT id FROM documents
        WHERE id NOT IN (SELECT rowid FROM fts WHERE fts MATCH :expression)
    """

    expression: str
    exclude: bool = False


def _quote(text: str) -> str:
    """An FTS5 string literal: nothing inside it is syntax, ``"`` is doubled."""
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class _Compiled:
    expression: str
    complement: bool  # the node's rows are all rows EXCEPT those matching expression
    atomic: bool  # safe to combine without parentheses


def _wrap(parts: list[_Compiled], operator: str) -> _Compiled:
    if len(parts) == 1:
        return _Compiled(parts[0].expression, False, parts[0].atomic)
    text = f" {operator} ".join(
        part.expression if part.atomic else f"({part.expression})" for part in parts
    )
    return _Compiled(text, False, False)


def _without(keep: _Compiled, drop: _Compiled) -> str:
    left = keep.expression if keep.atomic else f"({keep.expression})"
    right = drop.expression if drop.atomic else f"({drop.expression})"
    return f"{left} NOT {right}"


def _compile(node: Query) -> _Compiled:
    """Compile *node*, possibly as a complement, since FTS5's NOT is binary (a NOT b)."""
    if isinstance(node, Term):
        return _Compiled(_quote(node.text) + (" *" if node.prefix else ""), False, True)
    if isinstance(node, Not):
        inner = _compile(node.child)
        return _Compiled(inner.expression, not inner.complement, inner.atomic)
    if isinstance(node, Field):
        raise ValueError(f"field {node.name}: is a filter, not part of the FTS5 expression")
    if not node.children:
        raise ValueError(f"{type(node).__name__} node without children")
    parts = [_compile(child) for child in node.children]
    plain = [part for part in parts if not part.complement]
    negated = [part for part in parts if part.complement]
    if isinstance(node, And):
        if not plain:  # not a and not b == not (a or b)
            either = _wrap(negated, "OR")
            return _Compiled(either.expression, True, either.atomic)
        keep = _wrap(plain, "AND")
        if not negated:
            return keep
        return _Compiled(_without(keep, _wrap(negated, "OR")), False, False)
    if not negated:
        return _wrap(plain, "OR")
    # p OR not n1 OR not n2 == not (n1 AND n2 AND NOT p)
    both = _wrap(negated, "AND")
    if not plain:
        return _Compiled(both.expression, True, both.atomic)
    return _Compiled(_without(both, _wrap(plain, "OR")), True, False)


def to_fts5(node: Query | None) -> FtsMatch | None:
    """The FTS5 MATCH expression for a text node; ``None`` for no text condition.

    Every term is emitted as a quoted FTS5 string of folded tokens (``"o brien"``,
    prefixes as ``"archiv" *``), combined with parenthesised AND / OR / NOT, so the
    expression is valid FTS5 whatever was typed. See :class:`FtsMatch` for ``exclude``.
    Raises ``ValueError`` for a :class:`Field` node: fields are filters, not text.
    """
    if node is None:
        return None
    compiled = _compile(node)
    return FtsMatch(compiled.expression, exclude=compiled.complement)
