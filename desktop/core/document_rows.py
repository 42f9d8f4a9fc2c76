"""The document list's read model: which ids, in which order, and each row's cells.

The window's table model keeps only the ids of one query and asks for rows a page at
a time (100,000 documents cost one id query and a page of rows). Everything that
touches the database for it is here, Qt-free, so the same list can be printed or
benchmarked without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from db.search import engine as search_engine
from db.search.snippets import Fragment, snippets
from desktop.core.scope import (
    Scope,
    filter_condition,
    review_reasons,
    scope_conditions,
    scope_within,
)

REF_CHUNK = 5_000
"""Ids per query when a large selection's references are read."""

# The column each sortable key orders by; None: relevance to the search.
SORT_COLUMNS: dict[str, Any] = {
    "ref": Document.id,
    "title": Document.title,
    "doc_type": Document.doc_type,
    "publisher": Document.publisher,
    "authors": Document.authors,
    "published": Document.published_lower,
    "dateline": Document.dateline,
    "language": Document.language,
    "imported": Document.imported_at,
    "review": Document.id,
    "match": None,
}


@dataclass(frozen=True)
class DocumentRow:
    """One row of the list, as text ready to show."""

    id: int
    ref: str
    title: str
    doc_type: str
    publisher: str
    authors: str
    published: str
    dateline: str
    language: str
    imported: str
    review: str
    guessed: frozenset[str]


@dataclass(frozen=True)
class ListIds:
    """The ids of a list, the search's folded terms (for snippets) and, when the search
    was refused, why (the list then shows nothing rather than everything)."""

    ids: list[int]
    terms: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class _Hit:
    """What ``snippets`` needs of a hit: its id."""

    id: int


def list_ids(
    catalogue: Catalogue, *, scope: Scope, text: str, sort_key: str, descending: bool
) -> ListIds:
    """The documents of *scope* matching *text*, ordered by *sort_key*.

    Sorting by "match" orders by relevance, as ``catena search`` ranks, among the
    scope's own documents (so a collection is ranked even when the word is common in
    the library).
    """
    trash = scope.kind == "trash"
    with catalogue.reading() as session:
        try:
            conditions = scope_conditions(session, scope)
            extra = filter_condition(session, text, trash=trash)
        except ValueError as exc:  # a query the search engine refuses: say why
            return ListIds([], (), str(exc))
        terms = search_engine.search_terms(text) if extra is not None else ()
        if extra is not None:
            conditions.append(extra)
        if sort_key == "match" and text.strip():
            ordered = search_engine.search_ids(
                session,
                text,
                order="relevance",
                within=scope_within(session, scope),
                trash=trash,
            )
            if descending:
                ordered.reverse()
            return ListIds(ordered, terms)
        key = SORT_COLUMNS.get(sort_key)
        if key is None:  # relevance without a search: reference order
            key = Document.id
        ordering = key.desc() if descending else key.asc()
        query = select(Document.id).where(*conditions).order_by(ordering.nulls_last(), Document.id)
        return ListIds(list(session.execute(query).scalars()), terms)


def rows_of(
    catalogue: Catalogue, ids: Sequence[int], *, review: bool, removed: str = "(removed)"
) -> dict[int, DocumentRow]:
    """Rows for *ids* (one page); a document deleted meanwhile gets a placeholder row
    titled *removed*. *review* adds why each needs review (three more queries)."""
    found: dict[int, DocumentRow] = {}
    with catalogue.reading() as session:
        result = session.execute(
            select(
                Document.id,
                Document.ref,
                Document.title,
                Document.title_devised,
                Document.doc_type,
                Document.publisher,
                Document.authors,
                Document.published,
                Document.dateline,
                Document.language,
                Document.imported_at,
                Document.guessed,
            ).where(Document.id.in_(ids))
        )
        reasons = review_reasons(session, ids) if review else {}
        for (
            doc_id,
            ref,
            title,
            devised,
            doc_type,
            publisher,
            authors,
            published,
            dateline,
            language,
            imported,
            guessed,
        ) in result:
            shown = title or ""
            found[doc_id] = DocumentRow(
                id=doc_id,
                ref=ref,
                title=f"[{shown}]" if devised and shown else shown,
                doc_type=doc_type or "",
                publisher=publisher or "",
                authors="; ".join(authors or ()),
                published=published or "",
                dateline=dateline or "",
                language=language or "",
                imported=(imported or "")[:16].replace("T", " "),
                review=" · ".join(reasons.get(doc_id, ())),
                guessed=frozenset(guessed or ()),
            )
    for doc_id in ids:
        found.setdefault(
            doc_id, DocumentRow(doc_id, "", removed, "", "", "", "", "", "", "", "", frozenset())
        )
    return found


def match_snippets(
    catalogue: Catalogue, ids: Sequence[int], terms: Sequence[str]
) -> dict[int, Fragment | None]:
    """Each document's words around its best match of *terms* (None: no match)."""
    with catalogue.reading() as session:
        made = snippets(session, [_Hit(i) for i in ids], tuple(terms))
    return {i: (made[i].body if i in made else None) for i in ids}


def id_of(catalogue: Catalogue, ref: str) -> int | None:
    with catalogue.reading() as session:
        found = session.execute(select(Document.id).where(Document.ref == ref)).scalar()
    return None if found is None else int(found)


def refs_of(catalogue: Catalogue, ids: Sequence[int]) -> list[str]:
    """References of *ids* in that order, read in a few queries however many there are
    (Select All over 100,000 documents, then Trash or Dossier)."""
    refs: dict[int, str] = {}
    with catalogue.reading() as session:
        for start in range(0, len(ids), REF_CHUNK):
            chunk = list(ids[start : start + REF_CHUNK])
            found = session.execute(select(Document.id, Document.ref).where(Document.id.in_(chunk)))
            refs.update((doc_id, ref) for doc_id, ref in found)
    return [refs[doc_id] for doc_id in ids if doc_id in refs]
