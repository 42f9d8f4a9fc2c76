"""The search box's query language: parse what a person types into a safe, typed query.

Why a language of our own: FTS5's MATCH syntax raises on everyday input (``O'Brien``,
``C++``, a trailing ``AND``, a leading ``-x``), and an archivist must never see an SQL
error. So the search box speaks the small language people know from web search, and
this module turns it into

* a typed tree (frozen dataclasses; :data:`Query` is the union of node types),
* an FTS5 MATCH expression (:func:`to_fts5`) in which every term is a double-quoted
  FTS5 string, so nothing a person types can ever be read as FTS5 syntax, and
* field filters (:class:`FieldFilter`) that the backend turns into SQL with bound
  parameters, never by pasting text into SQL.

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
from enum import Enum, auto
from typing import TypeAlias

from db.folding import fold

TEXT_FIELDS = frozenset({"publisher", "type", "person", "tag", "collection"})
"""Fields whose value is free text, compared folded (the backend decides exact or contains)."""

FIELDS = frozenset(TEXT_FIELDS | {"year", "has", "status"})
"""Every field name the search box understands (typed case-insensitively)."""

HAS_VALUES = frozenset({"image", "figure", "date", "notes", "url"})
"""``has:`` values: a document has linked images, tagged figures or dates, notes, a URL."""

STATUS_VALUES = frozenset({"review", "suggested", "duplicate", "failed-fixity"})
"""``status:`` values: needs review, has suggestions, possible duplicate, fixity failed."""

MAX_QUERY_LENGTH = 10_000
"""Longer input is refused rather than parsed: nobody types it, and it bounds the work."""

MAX_NESTING = 20
"""Parentheses deeper than this are refused, keeping well inside Python's recursion
limit and FTS5's expression-depth limit (256)."""

_TOKEN = re.compile(r"[a-z0-9]+")
_FIELD_START = re.compile(r"([A-Za-z]+):")
_YEAR_SPAN = re.compile(r"([0-9]{1,4})?\.\.([0-9]{1,4})?")
_YEAR_DASH = re.compile(r"([0-9]{1,4})-([0-9]{1,4})")
_YEAR = re.compile(r"[0-9]{1,4}")
_KEYWORDS = frozenset({"OR", "AND", "NOT"})
_WORD_STOP = frozenset("()")


class QuerySyntaxError(ValueError):
    """A query the person must fix; ``str(error)`` is a sentence to show them.

    ``position`` is the 0-based offset of the problem in the typed text (what a text
    field's cursor API wants); the message counts characters from 1, as people do.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


# --- The tree -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """Words that must appear together: one token (``xocali``) or a phrase (``o brien``).

    ``text`` is folded tokens joined by single spaces. ``prefix`` makes the last token
    a prefix (``archiv*`` matches "archive", "archivist").
    """

    text: str
    prefix: bool = False
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Field:
    """One ``name:value`` as typed, validated.

    ``value`` is folded (the catalogue compares folded text). For ``year`` the range is
    in ``low``/``high`` (``None`` = open end; ``year:1992`` is 1992..1992). ``prefix``
    (free-text fields only) means the value ended in ``*``: match values starting with it.
    ``exact`` (free-text fields only) means the value was quoted: ``type:letter`` finds
    "open letter" too, ``type:"letter"`` only documents whose type is "letter".
    """

    name: str
    value: str
    low: int | None = None
    high: int | None = None
    prefix: bool = False
    exact: bool = False
    raw: str = field(default="", compare=False)
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Not:
    """Rows that do not match ``child``."""

    child: Query
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class And:
    """Rows matching every child (at least two; nested ANDs are flattened)."""

    children: tuple[Query, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Rows matching any child (at least two; nested ORs are flattened)."""

    children: tuple[Query, ...]
    position: int = field(default=0, compare=False)


Query: TypeAlias = Term | Field | Not | And | Or
"""A node of the query tree."""


@dataclass(frozen=True, slots=True)
class FieldFilter:
    """A field condition the backend applies with bound SQL parameters.

    A row passes if it matches any of ``values`` (usually one; several come from
    ``type:letter OR type:report``); with ``negated`` it passes if it matches none.
    All filters of a :class:`ParsedQuery` must hold (AND).
    """

    field: str
    values: tuple[Field, ...]
    negated: bool = False

    @property
    def value(self) -> str:
        """The folded value when there is only one (the common case)."""
        return self.values[0].value


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


# --- Tokens ---------------------------------------------------------------------------


class _Kind(Enum):
    WORD = auto()
    PHRASE = auto()
    FIELD = auto()
    LPAREN = auto()
    RPAREN = auto()
    MINUS = auto()
    NOT = auto()
    AND = auto()
    OR = auto()
    END = auto()


_OPERAND_START = frozenset(
    {_Kind.WORD, _Kind.PHRASE, _Kind.FIELD, _Kind.LPAREN, _Kind.MINUS, _Kind.NOT}
)
_NO_OPERAND = frozenset({_Kind.END, _Kind.RPAREN, _Kind.OR, _Kind.AND})


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _Kind
    position: int
    text: str = ""  # word or phrase as typed (stars removed); field value as typed
    name: str = ""  # field name, lower-case
    prefix: bool = False
    quoted: bool = False


def _at(position: int) -> str:
    return f"at position {position + 1}"


def _closing_quote(text: str, opening: int) -> int:
    end = text.find('"', opening + 1)
    if end < 0:
        raise QuerySyntaxError(
            f'Unclosed quote {_at(opening)}: add a closing " to end the phrase.', opening
        )
    return end


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace() and text[end] not in _WORD_STOP:
        end += 1
    return end


def _tokenize(text: str) -> list[_Token]:
    """Split *text* into tokens; raises on unclosed quotes and unknown fields."""
    tokens: list[_Token] = []
    i = 0
    length = len(text)
    while i < length:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "(":
            tokens.append(_Token(_Kind.LPAREN, i))
            i += 1
        elif char == ")":
            tokens.append(_Token(_Kind.RPAREN, i))
            i += 1
        elif char == '"':
            end = _closing_quote(text, i)
            stars = end + 1
            while stars < length and text[stars] == "*":
                stars += 1
            tokens.append(_Token(_Kind.PHRASE, i, text[i + 1 : end], prefix=stars > end + 1))
            i = stars
        elif char == "-" and i + 1 < length and not text[i + 1].isspace() and text[i + 1] != ")":
            tokens.append(_Token(_Kind.MINUS, i))
            i += 1
        elif (match := _FIELD_START.match(text, i)) and not text.startswith("//", match.end()):
            token, i = _field_token(text, match)
            tokens.append(token)
        else:
            end = _word_end(text, i)
            word = text[i:end]
            after_minus = bool(tokens) and tokens[-1].kind is _Kind.MINUS
            if word in _KEYWORDS and not after_minus:
                tokens.append(_Token(_Kind[word], i, word))
            else:
                stem = word.rstrip("*")
                tokens.append(_Token(_Kind.WORD, i, stem, prefix=len(stem) < len(word)))
            i = end
    return tokens


def _field_token(text: str, match: re.Match[str]) -> tuple[_Token, int]:
    start = match.start()
    name = match.group(1).lower()
    if name not in FIELDS:
        raise QuerySyntaxError(
            f"Unknown field '{match.group(1)}:' {_at(start)} — known fields are "
            f"{', '.join(f'{known}:' for known in sorted(FIELDS))}. "
            "To search for the text itself, put it in quotes.",
            start,
        )
    value_start = match.end()
    if text.startswith('"', value_start):
        end = _closing_quote(text, value_start)
        value = text[value_start + 1 : end]
        return _Token(_Kind.FIELD, start, value, name=name, quoted=True), end + 1
    end = _word_end(text, value_start)
    return _Token(_Kind.FIELD, start, text[value_start:end], name=name), end


# --- Leaves ---------------------------------------------------------------------------


def _term(token: _Token) -> Term | None:
    tokens = _TOKEN.findall(fold(token.text))
    if not tokens:
        return None  # punctuation only ("C++" keeps "c"; "++" keeps nothing)
    return Term(" ".join(tokens), prefix=token.prefix, position=token.position)


def _field(token: _Token) -> Field:
    name = token.name
    raw = token.text
    position = token.position
    if name in TEXT_FIELDS:
        stem = raw if token.quoted else raw.rstrip("*")
        value = fold(stem)
        if not value:
            raise QuerySyntaxError(
                f'{name}: {_at(position)} needs a value, like {name}:word or {name}:"two words".',
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
            f"{name}: {_at(position)} expects one of {', '.join(sorted(allowed))}{shown}.",
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
            f"year: {_at(position)} expects a year or a range like 1992..2021 "
            f"(or ..2000, 1990..){shown}.",
            position,
        )
    if low is not None and high is not None and low > high:
        raise QuerySyntaxError(
            f"year:{raw} {_at(position)} ends before it starts; write year:{high}..{low}.",
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

    def __init__(self, tokens: list[_Token], length: int) -> None:
        self._tokens = [*tokens, _Token(_Kind.END, length)]
        self._index = 0
        self._depth = 0

    def _peek(self) -> _Token:
        return self._tokens[self._index]

    def _take(self) -> _Token:
        token = self._tokens[self._index]
        if token.kind is not _Kind.END:
            self._index += 1
        return token

    def parse(self) -> Query | None:
        node = self._and()
        token = self._peek()
        if token.kind is _Kind.RPAREN:
            raise _unmatched(token)
        return node

    def _needs_operand_after(self, operator: _Token) -> None:
        if self._peek().kind in _NO_OPERAND:
            word = operator.text
            raise QuerySyntaxError(
                f"'{word}' {_at(operator.position)} has nothing after it. To search for the "
                f"word itself, write it in lower case ({word.lower()}) or in quotes.",
                operator.position,
            )

    def _and(self) -> Query | None:
        token = self._peek()
        if token.kind in (_Kind.OR, _Kind.AND):
            raise QuerySyntaxError(
                f"'{token.text}' {_at(token.position)} has nothing before it. To search for "
                f"the word itself, write it in lower case ({token.text.lower()}) or in quotes.",
                token.position,
            )
        parts = [self._or()]
        while True:
            token = self._peek()
            if token.kind is _Kind.AND:
                self._take()
                self._needs_operand_after(token)
                parts.append(self._or())
            elif token.kind in _OPERAND_START:
                parts.append(self._or())
            else:
                return _all_of(parts)

    def _or(self) -> Query | None:
        parts = [self._unary()]
        position = -1
        while self._peek().kind is _Kind.OR:
            operator = self._take()
            if position < 0:
                position = operator.position
            self._needs_operand_after(operator)
            parts.append(self._unary())
        return _any_of(parts, max(position, 0))

    def _unary(self) -> Query | None:
        negated = False
        position = self._peek().position
        while self._peek().kind in (_Kind.MINUS, _Kind.NOT):
            operator = self._take()
            negated = not negated
            if operator.kind is _Kind.NOT:
                self._needs_operand_after(operator)
        node = self._primary()
        return _negate(node, position) if negated else node

    def _primary(self) -> Query | None:
        token = self._take()
        if token.kind in (_Kind.WORD, _Kind.PHRASE):
            return _term(token)
        if token.kind is _Kind.FIELD:
            return _field(token)
        if token.kind is _Kind.LPAREN:
            return self._group(token)
        if token.kind is _Kind.RPAREN:
            raise _unmatched(token)
        # Unreachable: operators check for an operand, "-" only precedes one.
        raise QuerySyntaxError(f"Unexpected '{token.text}' {_at(token.position)}.", token.position)

    def _group(self, opening: _Token) -> Query | None:
        if self._depth >= MAX_NESTING:
            raise QuerySyntaxError(
                f"Too many nested parentheses {_at(opening.position)} "
                f"(at most {MAX_NESTING} levels).",
                opening.position,
            )
        if self._peek().kind is _Kind.RPAREN:
            self._take()
            return None  # "()" asks for nothing
        if self._peek().kind is _Kind.END:
            raise _unclosed(opening)
        self._depth += 1
        node = self._and()
        self._depth -= 1
        if self._peek().kind is not _Kind.RPAREN:
            raise _unclosed(opening)
        self._take()
        return node


def _unmatched(token: _Token) -> QuerySyntaxError:
    return QuerySyntaxError(
        f"Unmatched ')' {_at(token.position)}: there is no '(' before it.", token.position
    )


def _unclosed(token: _Token) -> QuerySyntaxError:
    return QuerySyntaxError(
        f"Unclosed '(' {_at(token.position)}: add a ')' to end the group.", token.position
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
                f"OR {_at(inner.position)} joins a field with words; a field can only be "
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
            f"OR {_at(inner.position)} joins different fields or groups{joined}; OR can only "
            "join plain values of one field, like type:letter OR type:report.",
            inner.position,
        )
    position = node.position if isinstance(node, Not) else 0
    raise QuerySyntaxError(
        f"Excluding a group that contains a field {_at(position)} isn't supported; exclude "
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
    return f"{name}:{value}" if _word_end(value, 0) == len(value) else None


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
    tokens = _tokenize(text)
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


# --- FTS5 -----------------------------------------------------------------------------


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
