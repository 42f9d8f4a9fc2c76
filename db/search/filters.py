"""Field filters (``publisher:``, ``person:``, ``year:`` …) as SQL conditions on ``documents``.

The parser (``db.search.query``) hands over each ``name:value`` as a typed
:class:`FieldFilter`; this module says what each field means in the catalogue — which
columns, link tables and statuses count — as SQLAlchemy conditions with bound
parameters. Nothing a person types is ever pasted into SQL. Values are compared
folded, as the index compares words: on SQLite with ``catena_fold`` in SQL
(:class:`SqliteComparisons`), on PostgreSQL through folds computed when the values
were indexed (``db.search.filters_postgresql``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select

from db.collections import holds_document, subtree
from db.folding import fold_name
from db.models import (
    Agent,
    Collection,
    DateTag,
    Document,
    Figure,
    Image,
    Keyword,
    Mention,
    NameVariant,
    document_images,
    document_keywords,
)
from db.search.filters_postgresql import PostgresqlComparisons
from db.search.query import ParsedQuery
from db.search.syntax import Field, FieldFilter, QuerySyntaxError

REVIEW_FLAGS = (
    "low-confidence encoding",
    "possible duplicate",
    "fixity failed",
    "text fixity failed",
    "no text layer",
    "empty message body",
)
"""Document flags that put a document under ``status:review``."""


class SqliteComparisons:
    """The comparisons the filters need, spelled for SQLite: ``catena_fold`` (a Python
    function every catalogue connection registers) and ``json_each``."""

    def contains(self, value_column: Any, value: str) -> ColumnElement[bool]:
        return and_(
            value_column.is_not(None), func.instr(func.catena_fold(value_column), value) > 0
        )

    def word_starts(self, value_column: Any, value: str) -> ColumnElement[bool]:
        """A word of the folded column starts with *value* (names: "ali" is not "Natalia")."""
        return and_(
            value_column.is_not(None),
            func.instr(" " + func.catena_fold(value_column), " " + value) > 0,
        )

    def equals(self, value_column: Any, value: str) -> ColumnElement[bool]:
        return func.catena_fold(value_column) == value

    def starts(self, value_column: Any, value: str) -> ColumnElement[bool]:
        return func.instr(func.catena_fold(value_column), value) == 1

    def json_values(self, json_column: Any) -> Any:
        """The items of a JSON list column, in a ``value`` column."""
        return func.json_each(json_column).table_valued("value")

    def json_has_any(self, json_column: Any, values: Sequence[str]) -> ColumnElement[bool]:
        items = self.json_values(json_column)
        return exists(select(1).select_from(items).where(items.c.value.in_(values)))

    def json_length(self, json_column: Any) -> ColumnElement[int]:
        return func.coalesce(func.json_array_length(json_column), 0)


class Comparisons(Protocol):
    """How one engine compares folded values and reads JSON lists (see the classes)."""

    def contains(self, value_column: Any, value: str) -> ColumnElement[bool]: ...
    def word_starts(self, value_column: Any, value: str) -> ColumnElement[bool]: ...
    def equals(self, value_column: Any, value: str) -> ColumnElement[bool]: ...
    def starts(self, value_column: Any, value: str) -> ColumnElement[bool]: ...
    def json_values(self, json_column: Any) -> Any: ...
    def json_has_any(self, json_column: Any, values: Sequence[str]) -> ColumnElement[bool]: ...
    def json_length(self, json_column: Any) -> ColumnElement[int]: ...


SQLITE = SqliteComparisons()
POSTGRESQL = PostgresqlComparisons()


def comparisons(postgresql: bool) -> Comparisons:
    """The comparisons for the engine (by ``db.search.dialect.is_postgresql``)."""
    return POSTGRESQL if postgresql else SQLITE


def _equals(folds: Comparisons, value_column: Any, value: Field) -> ColumnElement[bool]:
    if value.prefix:
        return folds.starts(value_column, value.value)
    return folds.equals(value_column, value.value)


def _open_suggestions() -> ColumnElement[bool]:
    return or_(
        *(
            exists(select(1).where(model.document_id == Document.id, model.status == "suggested"))
            for model in (Mention, DateTag, Figure)
        )
    )


def _person(folds: Comparisons, value: Field) -> ColumnElement[bool]:
    """Documents naming the person: in a mention (its own name, or a name of the
    record it is linked to), or as author or recipient. Unquoted, a name matches by
    the start of a word ("mustafa" finds "Şəkibə Mustafayeva"); quoted, it must be the
    whole name (``person:"Ali"`` is not "Ali Aliyev"), as Refine's counts are."""
    name_key = fold_name(value.value)

    def named(column: Any) -> ColumnElement[bool]:
        if value.exact:
            return folds.equals(column, value.value)
        return folds.word_starts(column, value.value)

    mentioned = exists(
        select(1).where(
            Mention.document_id == Document.id,
            Mention.status != "rejected",
            named(Mention.name),
        )
    )

    def linked(target: Any, on: ColumnElement[bool], match: ColumnElement[bool]) -> Any:
        """A live mention of this document linked to a *target* row that *match*es."""
        return exists(
            select(1)
            .select_from(Mention)
            .join(target, on)
            .where(Mention.document_id == Document.id, Mention.status != "rejected", match)
        )

    variant = NameVariant.folded == name_key
    known = linked(
        NameVariant,
        NameVariant.agent_id == Mention.agent_id,
        variant if value.exact else or_(variant, named(NameVariant.name)),
    )
    preferred = linked(Agent, Agent.id == Mention.agent_id, named(Agent.preferred_name))
    return or_(
        mentioned,
        known,
        preferred,
        _json_names(folds, Document.authors, named),
        _json_names(folds, Document.recipients, named),
    )


def _json_names(
    folds: Comparisons, json_column: Any, named: Callable[[Any], ColumnElement[bool]]
) -> ColumnElement[bool]:
    items = folds.json_values(json_column)
    return exists(select(1).select_from(items).where(named(items.c.value)))


def _collection(folds: Comparisons, value: Field) -> ColumnElement[bool]:
    roots = select(Collection.id).where(_equals(folds, Collection.name, value))
    return holds_document(subtree(roots, name="wanted_collections"))


def _year(value: Field) -> ColumnElement[bool]:
    lower, upper = Document.published_lower, Document.published_upper
    known = or_(lower.is_not(None), upper.is_not(None))
    parts = [known]
    if value.high is not None:
        parts.append(or_(lower.is_(None), lower <= f"{value.high:04d}-12-31"))
    if value.low is not None:
        parts.append(or_(upper.is_(None), upper >= f"{value.low:04d}-01-01"))
    return and_(*parts)


def _nonempty(text_column: Any) -> ColumnElement[bool]:
    return and_(text_column.is_not(None), func.trim(text_column) != "")


def _has(value: str) -> ColumnElement[bool]:
    if value == "image":
        return exists(
            select(1)
            .select_from(document_images)
            .join(Image, Image.id == document_images.c.image_id)
            .where(document_images.c.document_id == Document.id, Image.deleted_at.is_(None))
        )
    if value == "figure":
        return exists(
            select(1).where(Figure.document_id == Document.id, Figure.status != "rejected")
        )
    if value == "date":
        return exists(
            select(1).where(DateTag.document_id == Document.id, DateTag.status != "rejected")
        )
    if value == "notes":
        return _nonempty(Document.notes)
    if value == "url":
        return _nonempty(Document.url)
    raise QuerySyntaxError(f"has:{value} is not something a document can have.", 0)


def _status(folds: Comparisons, value: str) -> ColumnElement[bool]:
    if value == "review":
        return or_(
            folds.json_length(Document.guessed) > 0,
            folds.json_has_any(Document.flags, REVIEW_FLAGS),
            _open_suggestions(),
        )
    if value == "suggested":
        return _open_suggestions()
    if value == "duplicate":
        return or_(
            Document.possible_duplicate_of_id.is_not(None),
            folds.json_has_any(Document.flags, ["possible duplicate"]),
        )
    if value == "failed-fixity":
        return folds.json_has_any(Document.flags, ["fixity failed", "text fixity failed"])
    raise QuerySyntaxError(f"status:{value} is not a status.", 0)


def _one(folds: Comparisons, name: str, value: Field) -> ColumnElement[bool]:
    if name in ("publisher", "type"):
        target = Document.publisher if name == "publisher" else Document.doc_type
        if value.exact:
            return _equals(folds, target, value)
        if value.prefix:
            return folds.word_starts(target, value.value)
        return folds.contains(target, value.value)
    if name == "person":
        return _person(folds, value)
    if name == "tag":
        return exists(
            select(1)
            .select_from(document_keywords)
            .join(Keyword, Keyword.id == document_keywords.c.keyword_id)
            .where(
                document_keywords.c.document_id == Document.id, _equals(folds, Keyword.name, value)
            )
        )
    if name == "collection":
        return _collection(folds, value)
    if name == "year":
        return _year(value)
    if name == "has":
        return _has(value.value)
    if name == "status":
        return _status(folds, value.value)
    raise QuerySyntaxError(f"{name}: is not a field this catalogue can search.", value.position)


def filter_condition(item: FieldFilter, *, postgresql: bool = False) -> ColumnElement[bool]:
    """The SQL condition on ``documents`` for one filter (never NULL, so NOT is exact),
    for SQLite or, with *postgresql*, for PostgreSQL."""
    folds = comparisons(postgresql)
    condition = or_(*(_one(folds, item.field, value) for value in item.values))
    return not_(condition) if item.negated else condition


def filter_conditions(
    parsed: ParsedQuery, *, postgresql: bool = False
) -> list[ColumnElement[bool]]:
    """The conditions for every filter of *parsed*; all of them must hold."""
    return [filter_condition(item, postgresql=postgresql) for item in parsed.filters]
