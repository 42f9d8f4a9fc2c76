"""The text part of a query as one boolean expression with a binary NOT, for any engine.

FTS5's NOT is binary (``a NOT b``), so a part made only of exclusions is compiled to
its complement and marked :attr:`TextMatch.exclude`. PostgreSQL's tsquery has a unary
``!``, but its text part is compiled the same way, so both engines run the same plan:
the same rows are ranked, and a query of exclusions only is "every document except
the matches" on both (``SearchResult.ranked`` is false for it on both).

The engine's spelling (how a term is quoted, what AND / OR / "and not" look like) is a
:class:`Spelling`; ``db.search.fts5`` and ``db.search.tsvector`` each define one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from db.search.syntax import And, Field, Not, Query, Term


@dataclass(frozen=True, slots=True)
class TextMatch:
    """An engine's match expression for a query's text part.

    When ``exclude`` is false the result is the rows that match *expression*; when it
    is true, every row *except* those that match (a query made only of exclusions,
    such as ``-draft`` or ``draft OR -final``).
    """

    expression: str
    exclude: bool = False


@dataclass(frozen=True, slots=True)
class Spelling:
    """How one engine writes terms and operators."""

    term: Callable[[Term], str]
    and_: str  # joins parts that must all match
    or_: str  # joins alternatives
    and_not: str  # "left <and_not> right": rows of left without those of right


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


def _without(keep: _Compiled, drop: _Compiled, spelling: Spelling) -> str:
    left = keep.expression if keep.atomic else f"({keep.expression})"
    right = drop.expression if drop.atomic else f"({drop.expression})"
    return f"{left} {spelling.and_not} {right}"


def _compile(node: Query, spelling: Spelling) -> _Compiled:
    """Compile *node*, possibly as a complement, since the NOT used is binary (a NOT b)."""
    if isinstance(node, Term):
        return _Compiled(spelling.term(node), False, True)
    if isinstance(node, Not):
        inner = _compile(node.child, spelling)
        return _Compiled(inner.expression, not inner.complement, inner.atomic)
    if isinstance(node, Field):
        raise ValueError(f"field {node.name}: is a filter, not part of the text expression")
    if not node.children:
        raise ValueError(f"{type(node).__name__} node without children")
    parts = [_compile(child, spelling) for child in node.children]
    plain = [part for part in parts if not part.complement]
    negated = [part for part in parts if part.complement]
    if isinstance(node, And):
        if not plain:  # not a and not b == not (a or b)
            either = _wrap(negated, spelling.or_)
            return _Compiled(either.expression, True, either.atomic)
        keep = _wrap(plain, spelling.and_)
        if not negated:
            return keep
        return _Compiled(_without(keep, _wrap(negated, spelling.or_), spelling), False, False)
    if not negated:
        return _wrap(plain, spelling.or_)
    # p OR not n1 OR not n2 == not (n1 AND n2 AND NOT p)
    both = _wrap(negated, spelling.and_)
    if not plain:
        return _Compiled(both.expression, True, both.atomic)
    return _Compiled(_without(both, _wrap(plain, spelling.or_), spelling), True, False)


def compile_text(node: Query | None, spelling: Spelling) -> TextMatch | None:
    """*node* as one expression in *spelling*; ``None`` for no text condition.
    Raises ``ValueError`` for a :class:`Field` node: fields are filters, not text."""
    if node is None:
        return None
    compiled = _compile(node, spelling)
    return TextMatch(compiled.expression, exclude=compiled.complement)
