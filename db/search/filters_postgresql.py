"""Field filters' comparisons on PostgreSQL: folded values looked up in ``search_folds``,
JSON lists read with ``jsonb`` functions (SQLite's are in ``db.search.filters``).

SQLite compares ``catena_fold(column)`` with the folded value typed; PostgreSQL cannot
run ``db.folding.fold``, so each catalogue value a filter may compare is folded in
Python when its document is indexed (``db.search.tsvector_store``) and the filter asks
which raw values fold to something that matches: ``column IN (SELECT raw FROM
search_folds WHERE folded …)``. "Contains" and "a word starts with" are ``LIKE``
patterns (escaped) that ``pg_trgm``'s index serves; "equals" and "starts with" use the
B-tree index. The answers are the SQLite ones: same fold, same tests on its output.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Text,
    and_,
    case,
    cast,
    column,
    false,
    func,
    literal,
    or_,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import JSONB, array

_FOLDS = table("search_folds", column("raw", Text), column("folded", Text))
_NUL = "\x00"


def _raw_where(value_column: Any, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return and_(
        value_column.is_not(None),
        value_column.in_(select(_FOLDS.c.raw).where(condition)),
    )


class PostgresqlComparisons:
    """The comparisons ``db.search.filters`` needs, spelled for PostgreSQL. A value
    holding NUL matches nothing: PostgreSQL text cannot hold that character."""

    def contains(self, value_column: Any, value: str) -> ColumnElement[bool]:
        if _NUL in value:
            return false()
        return _raw_where(value_column, _FOLDS.c.folded.contains(value, autoescape=True))

    def word_starts(self, value_column: Any, value: str) -> ColumnElement[bool]:
        if _NUL in value:
            return false()
        folded = _FOLDS.c.folded
        return _raw_where(
            value_column,
            or_(
                folded.startswith(value, autoescape=True),
                folded.contains(" " + value, autoescape=True),
            ),
        )

    def equals(self, value_column: Any, value: str) -> ColumnElement[bool]:
        if _NUL in value:
            return false()
        return _raw_where(value_column, _FOLDS.c.folded == value)

    def starts(self, value_column: Any, value: str) -> ColumnElement[bool]:
        if _NUL in value:
            return false()
        return _raw_where(value_column, _FOLDS.c.folded.startswith(value, autoescape=True))

    def json_values(self, json_column: Any) -> Any:
        """The items of a JSON list column, as text, in a ``value`` column."""
        return func.jsonb_array_elements_text(_as_array(json_column)).table_valued("value")

    def json_has_any(self, json_column: Any, values: Sequence[str]) -> ColumnElement[bool]:
        condition = cast(json_column, JSONB).has_any(array(list(values), type_=Text))
        return typing.cast(ColumnElement[bool], condition)

    def json_length(self, json_column: Any) -> ColumnElement[int]:
        return func.jsonb_array_length(_as_array(json_column), type_=Integer)


def _as_array(json_column: Any) -> ColumnElement[Any]:
    """The column as ``jsonb``, an empty list when it holds no list (or NULL)."""
    as_jsonb = cast(json_column, JSONB)
    return case(
        (func.jsonb_typeof(as_jsonb) == "array", as_jsonb),
        else_=literal("[]", JSONB),
    )
