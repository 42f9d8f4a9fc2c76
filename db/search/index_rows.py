"""What one document contributes to the search index and to the facet counts.

Derived from the database alone (plain selects on a connection), so it sees exactly
what the transaction holds. Two things come out per document:

* the four folded columns the FTS5 table indexes (see ``db.search.index``), with the
  SHA-256 of the working text they were folded from — the index keeps no copy of the
  body, so that hash is how a later change knows which text it must un-index;
* the facet values the document counts under (type, publisher, years, people, tags),
  exactly as the counting queries of ``db.search.facets`` find them, so maintained
  counts and counted ones agree. A trashed document counts under nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import Connection, func, select

from db.models import (
    Agent,
    Document,
    Image,
    Keyword,
    Mention,
    NameVariant,
    document_images,
    document_keywords,
)
from db.sanitize import without_nul
from db.search.index_folding import fold_for_index

CHUNK = 500
"""Documents read and written per statement: bounded memory, few round trips."""

MAX_YEAR_SPAN = 200
"""A date spanning more years than this counts only in its first year in the year facet."""

FacetValues = dict[str, list[str]]
"""Facet name → the values a document counts under (each once), facets with none left out."""


@dataclass(frozen=True)
class IndexRow:
    """One document's index entry: folded columns, the hash of its text, its facets."""

    title: str
    body: str
    people: str
    extra: str
    body_sha256: str
    facets: FacetValues

    @property
    def columns(self) -> tuple[str, str, str, str]:
        """The FTS5 columns, in table order."""
        return (self.title, self.body, self.people, self.extra)


def same_facets(first: FacetValues, second: FacetValues) -> bool:
    """Whether two rows count under the same values. The order of a facet's values is
    the order the database happened to return them in (PostgreSQL's changes as rows
    are updated), so it is not compared."""
    return first.keys() == second.keys() and all(
        sorted(values) == sorted(second[facet]) for facet, values in first.items()
    )


def body_hash(text: str) -> str:
    """SHA-256 of a working text, as the index records which text it folded."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _join(parts: Iterable[str | None]) -> str:
    return "\n".join(part for part in parts if part)


def years_counted(low_text: str | None, high_text: str | None) -> range:
    """The years a date from *low_text* to *high_text* (``YYYY`` or None) counts in;
    empty when neither end is a year."""
    low = int(low_text) if low_text and low_text.isdigit() else None
    high = int(high_text) if high_text and high_text.isdigit() else None
    start = low if low is not None else high
    end = high if high is not None else low
    if start is None or end is None:
        return range(0)
    if end < start or end - start > MAX_YEAR_SPAN:
        end = start
    return range(start, end + 1)


def _names(value: Any) -> list[str]:
    """Values of a JSON list of names (authors, recipients), as ``json_each`` lists them."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value if item is not None and not isinstance(item, dict)]
    return [str(value)]


def _people_text(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, None]]:
    """Per document, the names its people column holds, in order, each once."""
    names: dict[int, dict[str, None]] = {}
    linked: dict[int, list[int]] = {}
    for doc_id, name, agent_id in conn.execute(
        select(Mention.document_id, Mention.name, Mention.agent_id)
        .where(Mention.document_id.in_(ids), Mention.status != "rejected")
        .order_by(Mention.document_id, Mention.start, Mention.id)
    ):
        names.setdefault(doc_id, {})[name] = None
        if agent_id is not None:
            linked.setdefault(doc_id, []).append(agent_id)
    variants: dict[int, list[str]] = {}
    for agent_chunk in chunks(chain.from_iterable(linked.values())):
        for agent_id, name in conn.execute(
            select(NameVariant.agent_id, NameVariant.name)
            .where(NameVariant.agent_id.in_(agent_chunk))
            .order_by(NameVariant.agent_id, NameVariant.id)
        ):
            variants.setdefault(agent_id, []).append(name)
    for doc_id, agent_ids in linked.items():
        people = names[doc_id]
        for agent_id in agent_ids:
            for name in variants.get(agent_id, ()):
                people[name] = None
    return names


def text_rows(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str, str, str]]:
    """The folded (title, body, people, extra) of each existing document in *ids*."""
    return {doc_id: row.columns for doc_id, row in index_rows(conn, ids, facets=False).items()}


def index_rows(
    conn: Connection,
    ids: Sequence[int],
    *,
    facets: bool = True,
    folded: Mapping[int, tuple[str, str]] | None = None,
) -> dict[int, IndexRow]:
    """The index entry of each existing document in *ids* (at most a few ``CHUNK``s).

    Without *facets* the facet values are left empty and their tables not read (the
    migrations that rebuild the index of an older schema need only the columns).
    *folded* maps documents to (a text, ``fold_for_index`` of it): a body that is that
    text is not folded again (the import's workers folded it for the fingerprint).
    """
    folded = folded or {}
    docs = conn.execute(
        select(
            Document.id,
            Document.title,
            Document.translated_title,
            Document.text,
            Document.publisher,
            Document.authors,
            Document.recipients,
            Document.dateline,
            Document.section,
            Document.notes,
        ).where(Document.id.in_(ids))
    ).all()
    if not docs:
        return {}
    names = _people_text(conn, ids)
    captions: dict[int, list[str | None]] = {}
    for doc_id, caption, credit in conn.execute(
        select(document_images.c.document_id, Image.caption, Image.credit)
        .join(Image, Image.id == document_images.c.image_id)
        .where(document_images.c.document_id.in_(ids), Image.deleted_at.is_(None))
        .order_by(document_images.c.document_id, Image.id)
    ):
        captions.setdefault(doc_id, []).extend((caption, credit))
    facet_values = facets_of(conn, ids) if facets else {}
    rows: dict[int, IndexRow] = {}
    for (
        doc_id,
        title,
        translated,
        body,
        publisher,
        authors,
        recipients,
        dateline,
        section,
        notes,
    ) in docs:
        extra = _join(
            [
                publisher,
                *(authors or ()),
                *(recipients or ()),
                dateline,
                section,
                notes,
                *captions.get(doc_id, []),
            ]
        )
        rows[doc_id] = IndexRow(
            title=fold_for_index(_join([title, translated])),
            body=_folded_body(body or "", folded.get(doc_id)),
            people=fold_for_index(_join(names.get(doc_id, {}))),
            extra=fold_for_index(extra),
            body_sha256=body_hash(body or ""),
            facets=facet_values.get(doc_id, {}),
        )
    return rows


def _folded_body(body: str, known: tuple[str, str] | None) -> str:
    """``fold_for_index(body)``, taken from *known* (text, its fold) when that is this
    text (compared whole: a stored text cleaned on its way in is folded here)."""
    if known is not None and known[0] == body:
        return known[1]
    return fold_for_index(body)


def facets_of(conn: Connection, ids: Sequence[int]) -> dict[int, FacetValues]:
    """The facet values of each document in *ids* that is not trashed.

    The same rules as the counting queries in ``db.search.facets``: empty and NULL
    values count nowhere; a person is a non-rejected mention (by its record's preferred
    name when linked) or an author or recipient; a year is every year the date spans.
    """
    found: dict[int, dict[str, dict[str, None]]] = {}

    def add(doc_id: int, facet: str, value: Any) -> None:
        shown = "" if value is None else without_nul(str(value))  # an older row's NULs
        if shown == "":
            return
        found.setdefault(doc_id, {}).setdefault(facet, {})[shown] = None

    live: set[int] = set()
    for doc_id, doc_type, publisher, lower, upper, authors, recipients in conn.execute(
        select(
            Document.id,
            Document.doc_type,
            Document.publisher,
            func.substr(Document.published_lower, 1, 4),
            func.substr(Document.published_upper, 1, 4),
            Document.authors,
            Document.recipients,
        ).where(Document.id.in_(ids), Document.deleted_at.is_(None))
    ):
        live.add(doc_id)
        add(doc_id, "type", doc_type)
        add(doc_id, "publisher", publisher)
        for year in years_counted(lower, upper):
            add(doc_id, "year", f"{year:04d}")
        for name in chain(_names(authors), _names(recipients)):
            add(doc_id, "person", name)
    if not live:
        return {}
    wanted = sorted(live)
    for doc_id, name in conn.execute(
        select(Mention.document_id, func.coalesce(Agent.preferred_name, Mention.name))
        .outerjoin(Agent, Agent.id == Mention.agent_id)
        .where(Mention.document_id.in_(wanted), Mention.status != "rejected")
    ):
        add(doc_id, "person", name)
    for doc_id, name in conn.execute(
        select(document_keywords.c.document_id, Keyword.name)
        .join(Keyword, Keyword.id == document_keywords.c.keyword_id)
        .where(document_keywords.c.document_id.in_(wanted))
    ):
        add(doc_id, "tag", name)
    return {
        doc_id: {facet: list(values) for facet, values in by_facet.items()}
        for doc_id, by_facet in found.items()
    }
