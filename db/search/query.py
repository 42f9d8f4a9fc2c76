"""The search box's query language: parse what a person types into a safe, typed query.

Why a language of our own: FTS5's MATCH syntax raises on everyday input (``O'Brien``,
``C++``, a trailing ``AND``, a leading ``-x``), and an archivist must never see an SQL
error. So the search box speaks the small language people know from web search, and
this module (the parser) turns it into

* a typed tree (frozen dataclasses from ``db.search.syntax``; :data:`Query` is the
  union of node types),
* an FTS5 MATCH expression (``db.search.fts5.to_fts5``) in which every term is a
  double-quoted FTS5 string, so nothing a person types can ever be read as FTS5
  syntax, and
* field filters (:class:`FieldFilter`) that ``db.search.filters`` turns into SQL with
  bound parameters, never by pasting text into SQL.

Splitting the typed text into tokens is ``db.search.tokens``'s job.

Anything typed becomes either a :class:`ParsedQuery` or a :class:`QuerySyntaxError`
whose message is a sentence for the person and whose position points at the problem.

Grammar (informal; keywords are upper-case only, so "or" is an ordinary word)::

    query    := and_expr                   (empty or blank: everything)
    and_expr := or_expr ( ["AND"] or_expr )*   (juxtaposition means AND)
    or_expr  := unary ( "OR" unary )*
    unary    := ( "-" | "NOT" )* primary   ("-" must touch what it excludes: -draft)
    primary  := word ["*"] | '"' phrase '"' ["*"] | field | "(" and_expr ")"
    field    := name ":" ( value | '"' quoted value '"' )   (quoted: the whole value)

OR binds tighter than AND, as in web search: ``Xocali OR Khojaly massacre`` means
``(Xocali OR Khojaly) massacre``. Parentheses group explicitly.

Fields: ``publisher: type: person: tag: collection:`` (free text), ``year:`` (``1992``,
``1992..2021``, ``..2000``, ``1990..``, also ``1992-2021``), ``has:`` (one of
:data:`HAS_VALUES`) and ``status:`` (one of :data:`STATUS_VALUES`). A word that starts
with letters and a colon is always a field, so ``note:`` is an error that says to use
quotes; ``http://…`` is the one exception, because pasted addresses are common.

Terms and folding: the index stores ``fold(text)`` tokenised by FTS5's ``unicode61``
tokenizer. ``fold`` output is lower-case ASCII, and for ASCII ``unicode61`` keeps
letters and digits and treats everything else as a separator, so a term's tokens are
exactly ``[a-z0-9]+`` runs of its folded text: ``C++`` is the token ``c``,
``O'Brien`` the phrase ``o brien``, ``Xocalı`` the token ``xocali``. A term with no
tokens (``++``, a lone ``-``) is dropped; if nothing at all is left the query is an
error ("Nothing to search for"). If the index ever uses ``tokenchars``, :data:`_TOKEN`
must change with it.

Fields and OR: the top level of a query is a conjunction; each conjunct is either pure
text (goes to :attr:`ParsedQuery.text`) or a field filter. ``OR`` may join values of
one field (``type:letter OR type:report`` becomes one filter with two values), but not
a field with words or two different fields (``tag:war OR Xocali``): that cannot be one
FTS5 expression plus ANDed SQL filters, so it is rejected with a message saying so.
Likewise ``-( … )`` around a group containing a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from db.folding import fold
from db.search.fts5 import FtsMatch, to_fts5
from db.search.syntax import (
    FIELDS,
    HAS_VALUES,
    STATUS_VALUES,
    TEXT_FIELDS,
    And,
    Field,
    FieldFilter,
    Not,
    Or,
    Query,
    QuerySyntaxError,
    Term,
    at_position,
)
from db.search.tokens import NO_OPERAND, OPERAND_START, Kind, Token, tokenize, word_end

MAX_QUERY_LENGTH = 10_000
"""Longer input is refused rather than parsed: nobody types it, and it bounds the work."""

MAX_NESTING = 20
"""Parentheses deeper than this are refused, keeping well inside Python's recursion
limit and FTS5's expression-depth limit (256)."""

_TOKEN = re.compile(r"[a-z0-9]+")
_YEAR_SPAN = re.compile(r"([0-9]{1,4})?\.\.([0-9]{1,4})?")
_YEAR_DASH = re.compile(r"([0-9]{1,4})-([0-9]{1,4})")
_YEAR = re.compile(r"[0-9]{1,4}")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed query: a text part for FTS5 and field filters, all of which must hold.

    ``text`` holds only :class:`Term`, :class:`Not`, :class:`And` and :class:`Or` nodes
    (or is ``None``: no text condition); compile it with :func:`to_fts5`. An empty
    query (nothing typed) has neither and means "every document".
    """

    text: Query | None = None
    filters: tuple[FieldFilter, ...] = ()
    source: str = field(default="", compare=False)

    @property
    def is_everything(self) -> bool:
        """True when there is no condition at all (blank search box)."""
        return self.text is None and not self.filters

    @property
    def fts(self) -> FtsMatch | None:
        """``to_fts5(self.text)``, for the backend's convenience."""
        return to_fts5(self.text)


# --- Leaves ---------------------------------------------------------------------------


def _term(token: Token) -> Term | None:
    tokens = _TOKEN.findall(fold(token.text))
    if not tokens:
        return None  # punctuation only ("C++" keeps "c"; "++" keeps nothing)
    return Term(" ".join(tokens), prefix=token.prefix, position=token.position)


def _field(token: Token) -> Field:
    name = token.name
    raw = token.text
    position = token.position
    if name in TEXT_FIELDS:
        stem = raw if token.quoted else raw.rstrip("*")
        value = fold(stem)
        if not value:
            raise QuerySyntaxError(
                f"{name}: {at_position(position)} needs a value, "
                f'like {name}:word or {name}:"two words".',
                position,
            )
        return Field(
            name,
            value,
            prefix=len(stem) < len(raw),
            exact=token.quoted,
            raw=raw,
            position=position,
        )
    value = fold(raw)
    if name == "year":
        low, high = _year_range(value, raw, position)
        return Field(name, value, low=low, high=high, raw=raw, position=position)
    allowed = HAS_VALUES if name == "has" else STATUS_VALUES
    if value not in allowed:
        shown = f" (not '{raw}')" if raw else ""
        raise QuerySyntaxError(
            f"{name}: {at_position(position)} expects one of {', '.join(sorted(allowed))}{shown}.",
            position,
        )
    return Field(name, value, raw=raw, position=position)


def _year_range(value: str, raw: str, position: int) -> tuple[int | None, int | None]:
    low: int | None
    high: int | None
    if _YEAR.fullmatch(value):
        low = high = int(value)
    elif (span := _YEAR_SPAN.fullmatch(value)) and (span.group(1) or span.group(2)):
        low = int(span.group(1)) if span.group(1) else None
        high = int(span.group(2)) if span.group(2) else None
    elif dash := _YEAR_DASH.fullmatch(value):
        low, high = int(dash.group(1)), int(dash.group(2))
    else:
        shown = f", not '{raw}'" if raw else ""
        raise QuerySyntaxError(
            f"year: {at_position(position)} expects a year or a range like 1992..2021 "
            f"(or ..2000, 1990..){shown}.",
            position,
        )
    if low is not None and high is not None and low > high:
        raise QuerySyntaxError(
            f"year:{raw} {at_position(position)} ends before it starts; write year:{high}..{low}.",
            position,
        )
    return low, high


# --- Tree building --------------------------------------------------------------------


def _all_of(parts: list[Query | None]) -> Query | None:
    children: list[Query] = []
    for part in parts:
        if isinstance(part, And):
            children.extend(part.children)
        elif part is not None:
            children.append(part)
    if not children:
        return None
    return children[0] if len(children) == 1 else And(tuple(children))


def _any_of(parts: list[Query | None], position: int) -> Query | None:
    children: list[Query] = []
    for part in parts:
        if isinstance(part, Or):
            children.extend(part.children)
        elif part is not None:
            children.append(part)  # a dropped alternative ("x OR ++") just goes away
    if not children:
        return None
    return children[0] if len(children) == 1 else Or(tuple(children), position=position)


def _negate(node: Query | None, position: int) -> Query | None:
    if node is None:
        return None
    if isinstance(node, Not):
        return node.child
    return Not(node, position=position)


class _Parser:
    """Recursive descent over the token list; see the module docstring's grammar."""

    def __init__(self, tokens: list[Token], length: int) -> None:
        self._tokens = [*tokens, Token(Kind.END, length)]
        self._index = 0
        self._depth = 0

    def _peek(self) -> Token:
        return self._tokens[self._index]

    def _take(self) -> Token:
        token = self._tokens[self._index]
        if token.kind is not Kind.END:
            self._index += 1
        return token

    def parse(self) -> Query | None:
        node = self._and()
        token = self._peek()
        if token.kind is Kind.RPAREN:
            raise _unmatched(token)
        return node

    def _needs_operand_after(self, operator: Token) -> None:
        if self._peek().kind in NO_OPERAND:
            word = operator.text
            raise QuerySyntaxError(
                f"'{word}' {at_position(operator.position)} has nothing after it. To search "
                f"for the word itself, write it in lower case ({word.lower()}) or in quotes.",
                operator.position,
            )

    def _and(self) -> Query | None:
        token = self._peek()
        if token.kind in (Kind.OR, Kind.AND):
            raise QuerySyntaxError(
                f"'{token.text}' {at_position(token.position)} has nothing before it. To search "
                f"for the word itself, write it in lower case ({token.text.lower()}) or in quotes.",
                token.position,
            )
        parts = [self._or()]
        while True:
            token = self._peek()
            if token.kind is Kind.AND:
                self._take()
                self._needs_operand_after(token)
                parts.append(self._or())
            elif token.kind in OPERAND_START:
                parts.append(self._or())
            else:
                return _all_of(parts)

    def _or(self) -> Query | None:
        parts = [self._unary()]
        position = -1
        while self._peek().kind is Kind.OR:
            operator = self._take()
            if position < 0:
                position = operator.position
            self._needs_operand_after(operator)
            parts.append(self._unary())
        return _any_of(parts, max(position, 0))

    def _unary(self) -> Query | None:
        negated = False
        position = self._peek().position
        while self._peek().kind in (Kind.MINUS, Kind.NOT):
            operator = self._take()
            negated = not negated
            if operator.kind is Kind.NOT:
                self._needs_operand_after(operator)
        node = self._primary()
        return _negate(node, position) if negated else node

    def _primary(self) -> Query | None:
        token = self._take()
        if token.kind in (Kind.WORD, Kind.PHRASE):
            return _term(token)
        if token.kind is Kind.FIELD:
            return _field(token)
        if token.kind is Kind.LPAREN:
            return self._group(token)
        if token.kind is Kind.RPAREN:
            raise _unmatched(token)
        # Unreachable: operators check for an operand, "-" only precedes one.
        raise QuerySyntaxError(
            f"Unexpected '{token.text}' {at_position(token.position)}.", token.position
        )

    def _group(self, opening: Token) -> Query | None:
        if self._depth >= MAX_NESTING:
            raise QuerySyntaxError(
                f"Too many nested parentheses {at_position(opening.position)} "
                f"(at most {MAX_NESTING} levels).",
                opening.position,
            )
        if self._peek().kind is Kind.RPAREN:
            self._take()
            return None  # "()" asks for nothing
        if self._peek().kind is Kind.END:
            raise _unclosed(opening)
        self._depth += 1
        node = self._and()
        self._depth -= 1
        if self._peek().kind is not Kind.RPAREN:
            raise _unclosed(opening)
        self._take()
        return node


def _unmatched(token: Token) -> QuerySyntaxError:
    return QuerySyntaxError(
        f"Unmatched ')' {at_position(token.position)}: there is no '(' before it.", token.position
    )


def _unclosed(token: Token) -> QuerySyntaxError:
    return QuerySyntaxError(
        f"Unclosed '(' {at_position(token.position)}: add a ')' to end the group.", token.position
    )


# --- Splitting text from fields -------------------------------------------------------


def _has_field(node: Query) -> bool:
    if isinstance(node, Field):
        return True
    if isinstance(node, Not):
        return _has_field(node.child)
    if isinstance(node, And | Or):
        return any(_has_field(child) for child in node.children)
    return False


def _filter(node: Query) -> FieldFilter:
    """The filter a top-level conjunct containing a field stands for, or a clear error."""
    negated = isinstance(node, Not)
    inner = node.child if isinstance(node, Not) else node
    if isinstance(inner, Field):
        return FieldFilter(inner.name, (inner,), negated)
    if isinstance(inner, Or):
        if not all(_has_field(child) for child in inner.children):
            raise QuerySyntaxError(
                f"OR {at_position(inner.position)} joins a field with words; a field can only be "
                "OR-ed with other values of the same field. Put the field outside the OR, "
                "like type:letter (Xocali OR Khojaly).",
                inner.position,
            )
        values = [child for child in inner.children if isinstance(child, Field)]
        names = sorted({value.name for value in values})
        if len(values) == len(inner.children) and len(names) == 1:
            return FieldFilter(names[0], tuple(values), negated)
        joined = f" ({', '.join(f'{name}:' for name in names)})" if len(names) > 1 else ""
        raise QuerySyntaxError(
            f"OR {at_position(inner.position)} joins different fields or groups{joined}; "
            "OR can only join plain values of one field, like type:letter OR type:report.",
            inner.position,
        )
    position = node.position if isinstance(node, Not) else 0
    raise QuerySyntaxError(
        f"Excluding a group that contains a field {at_position(position)} isn't supported; exclude "
        "the field on its own instead, like -type:letter.",
        position,
    )


def _split(tree: Query | None) -> tuple[Query | None, tuple[FieldFilter, ...]]:
    conjuncts: list[Query]
    if tree is None:
        conjuncts = []
    elif isinstance(tree, And):
        conjuncts = list(tree.children)
    else:
        conjuncts = [tree]
    text: list[Query | None] = []
    filters: list[FieldFilter] = []
    for conjunct in conjuncts:
        if _has_field(conjunct):
            filters.append(_filter(conjunct))
        else:
            text.append(conjunct)
    return _all_of(text), tuple(filters)


def field_clause(name: str, value: str) -> str | None:
    """The clause that finds documents whose field *name* is *value*
    (``type:"report"``, ``year:1992``), as a facet adds it to the search box.

    None when the language cannot say it: an unknown field, a blank value, or a value
    holding a double quote (a quoted value ends at the next quote).
    """
    if name not in FIELDS or not value.strip() or '"' in value:
        return None
    if name in TEXT_FIELDS:  # quoted: this value as a whole, not any value containing it
        return f'{name}:"{value}"'
    return f"{name}:{value}" if word_end(value, 0) == len(value) else None


def parse_query(text: str) -> ParsedQuery:
    """Parse what was typed into the search box.

    Blank input is the empty query (every document). Raises :class:`QuerySyntaxError`
    with a sentence for the person when the input cannot be a search, including when
    it has no letters or digits to search for.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(
            f"The search is too long ({len(text)} characters; at most {MAX_QUERY_LENGTH}).",
            MAX_QUERY_LENGTH,
        )
    tokens = tokenize(text)
    if not tokens:
        return ParsedQuery(source=text)
    text_part, filters = _split(_Parser(tokens, len(text)).parse())
    if text_part is None and not filters:
        raise QuerySyntaxError(
            "Nothing to search for: the search has no letters or digits "
            "(punctuation on its own is ignored).",
            0,
        )
    return ParsedQuery(text_part, filters, source=text)


def highlight_terms(parsed: ParsedQuery) -> list[str]:
    """Folded terms and phrases worth highlighting in results, in query order, once each.

    Excluded terms are left out (they cannot appear in a match). A prefix term is
    given as its stem ("archiv" for ``archiv*``): highlight words starting with it.
    """
    found: dict[str, None] = {}

    def walk(node: Query, excluded: bool) -> None:
        if isinstance(node, Term):
            if not excluded:
                found.setdefault(node.text)
        elif isinstance(node, Not):
            walk(node.child, not excluded)
        elif isinstance(node, And | Or):
            for child in node.children:
                walk(child, excluded)

    if parsed.text is not None:
        walk(parsed.text, False)
    return list(found)
