"""The search language's vocabulary: the fields it knows, the tree a query parses into,
and the error for input that is not a query.

Everything else in the language builds on these: the tokenizer (``db.search.tokens``)
checks field names against :data:`FIELDS`, the parser (``db.search.query``) builds
the tree, the FTS5 compiler (``db.search.fts5``) and the field filters
(``db.search.filters``) read it. Keeping them in one module below all of those is what
lets each of them import the vocabulary without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

TEXT_FIELDS = frozenset({"publisher", "type", "person", "tag", "collection"})
"""Fields whose value is free text, compared folded (the backend decides exact or contains)."""

FIELDS = frozenset(TEXT_FIELDS | {"year", "has", "status"})
"""Every field name the search box understands (typed case-insensitively)."""

HAS_VALUES = frozenset({"image", "figure", "date", "notes", "url"})
"""``has:`` values: a document has linked images, tagged figures or dates, notes, a URL."""

STATUS_VALUES = frozenset({"review", "suggested", "duplicate", "failed-fixity"})
"""``status:`` values: needs review, has suggestions, possible duplicate, fixity failed."""


class QuerySyntaxError(ValueError):
    """A query the person must fix; ``str(error)`` is a sentence to show them.

    ``position`` is the 0-based offset of the problem in the typed text (what a text
    field's cursor API wants); the message counts characters from 1, as people do.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def at_position(position: int) -> str:
    """Where a problem is, for a message: people count characters from 1."""
    return f"at position {position + 1}"


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
