"""Spelling variants for "search with variants": one place names and words, many spellings.

Folding already makes "Xocalı", "XOCALI" and "Xocali" one word, and transliterates
Cyrillic; it cannot know that English sources write the same town "Khojaly",
"Khodjaly" or "Hojaly". Those are romanisation choices, not letters, so they live in
a table people can extend: :data:`VARIANT_GROUPS` below (edit it, or load a JSON list
of lists with :func:`load_variants`). A search expands its terms with the table
(:func:`expand_variants`) only when the person asks for variants; ordinary searches
stay literal, which is what an archivist checking a quotation needs.

Entries are written as sources write them (any script, any case); they are folded
when the table is built, so "Ходжалы" and "Xocalı" enter as ``khodzhaly`` and
``xocali``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from db.folding import fold
from db.search.syntax import And, Not, Or, Query, Term

VARIANT_GROUPS: tuple[tuple[str, ...], ...] = (
    ("Khojaly", "Xocalı", "Hojaly", "Khodjaly", "Khodzhaly", "Ходжалы", "Xocali", "Hocalı"),
    ("Karabakh", "Qarabağ", "Karabagh", "Garabagh", "Карабах", "Gharabagh"),
    ("Aghdam", "Ağdam", "Agdam", "Агдам"),
    ("Shusha", "Şuşa", "Shushi", "Шуша"),
    ("Khankendi", "Xankəndi", "Stepanakert", "Степанакерт"),
    ("Askeran", "Əsgəran", "Asgaran", "Аскеран"),
    ("Baku", "Bakı", "Баку"),
    ("Azerbaijan", "Azərbaycan", "Azerbaidjan", "Азербайджан"),
    ("Ganja", "Gəncə", "Gyandzha", "Гянджа", "Kirovabad"),
)
"""Groups of spellings that name the same thing; every member finds every other."""

_TOKEN = re.compile(r"[a-z0-9]+")


def _key(spelling: str) -> str:
    return " ".join(_TOKEN.findall(fold(spelling)))


@dataclass(frozen=True)
class VariantTable:
    """Folded spelling → every folded spelling of its group (itself included, first)."""

    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]]) -> VariantTable:
        table: dict[str, list[str]] = {}
        for group in groups:
            keys = list(dict.fromkeys(key for key in map(_key, group) if key))
            for key in keys:
                merged = table.setdefault(key, [])
                merged.extend(other for other in keys if other not in merged)
        return cls({key: (key, *(o for o in others if o != key)) for key, others in table.items()})

    def spellings(self, folded: str) -> tuple[str, ...]:
        """All spellings for *folded* (folded tokens joined by spaces); itself if none."""
        return self.groups.get(folded, (folded,))

    def __contains__(self, folded: object) -> bool:
        return folded in self.groups


def load_variants(path: Path) -> VariantTable:
    """A table from a JSON file holding a list of groups (lists of spellings)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(
        isinstance(group, list) and all(isinstance(item, str) for item in group) for group in data
    ):
        raise ValueError(f"{path}: expected a JSON list of lists of spellings")
    return VariantTable.from_groups(data)


DEFAULT_VARIANTS = VariantTable.from_groups(VARIANT_GROUPS)
"""The table :data:`VARIANT_GROUPS` makes; what ``search(variants=True)`` uses."""

MAX_VARIANT_ALTERNATIVES = 32
"""A phrase whose words all have variants expands to at most this many phrases."""


def _expand_term(term: Term, table: VariantTable) -> Query:
    if term.text in table:
        spellings = table.spellings(term.text)
    else:
        choices = [table.spellings(token) for token in term.text.split(" ")]
        spellings = tuple(
            " ".join(combo)
            for combo in itertools.islice(itertools.product(*choices), MAX_VARIANT_ALTERNATIVES)
        )
    if len(spellings) == 1:
        return term
    return Or(
        tuple(Term(spelling, term.prefix, term.position) for spelling in spellings),
        position=term.position,
    )


def expand_variants(node: Query | None, table: VariantTable = DEFAULT_VARIANTS) -> Query | None:
    """*node* with every term replaced by ``OR`` of its spellings in *table*."""
    if node is None:
        return None
    if isinstance(node, Term):
        return _expand_term(node, table)
    if isinstance(node, Not):
        child = expand_variants(node.child, table)
        assert child is not None
        return Not(child, node.position)
    if isinstance(node, And):
        return And(tuple(_expanded(node.children, table)))
    if isinstance(node, Or):
        flat: list[Query] = []
        for child in _expanded(node.children, table):
            flat.extend(child.children if isinstance(child, Or) else (child,))
        return Or(tuple(flat), node.position)
    return node


def _expanded(children: Iterable[Query], table: VariantTable) -> Iterator[Query]:
    for child in children:
        expanded = expand_variants(child, table)
        assert expanded is not None
        yield expanded
