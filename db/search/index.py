"""Keeping the FTS5 index in step with the catalogue, inside the same transaction.

What is indexed, per document (rowid = ``documents.id``; every column holds
:func:`db.search.index_folding.fold_for_index` of its text, so "Xocali" finds "Xocalı"):

* ``title``  — title and translated title;
* ``body``   — the working text;
* ``people`` — names of people and organisations mentioned (accepted or suggested
  mentions, as written) plus every name variant of the records they are linked to;
* ``extra``  — publisher, authors, recipients, dateline, section, notes, and the
  captions and credits of linked images.

How it stays in step (:func:`install` on a ``sessionmaker``):

1. ``after_flush`` notes which records a flush touched: documents; a mention's
   document; a name variant's or person's record; an image. Nothing is written yet.
2. ``before_flush`` and ``do_orm_execute`` catch what would otherwise be lost: when a
   person record or name variant is deleted, and when an ORM bulk ``UPDATE``/``DELETE``
   (``session.execute(update(Mention)…)``, as ``db.people`` merge and split do) runs,
   the affected documents are looked up *before* the statement changes them.
3. ``before_commit`` of the outermost transaction flushes, resolves the notes to
   document ids (person records and images → their documents, read now, so moves
   made by bulk statements are seen) and re-indexes each document once from what the
   database holds at that moment, through ``session.connection()`` — the same
   transaction, so a rollback removes index rows and records together.

Deferring the writes to commit means a document is folded and indexed once per
transaction, not once per flush (an import flushes each document several times:
record, tags, suggestions). :func:`sync` writes pending changes early; the search
functions call it so a search inside a write transaction sees its own changes.

What bypasses the index: SQL that does not go through an installed ORM session —
``text()`` statements, Core statements run on ``session.connection()`` or an engine,
bulk ``INSERT`` statements other than into mentions
(``session.execute(insert(Document), rows)``), sessions made
by other factories, and other programs editing the file. :func:`check` finds the
damage (``deep=True`` compares every row with what it should be) and :func:`rebuild`
repairs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Delete,
    Insert,
    Result,
    Select,
    Update,
    bindparam,
    event,
    inspect,
    select,
    text,
    true,
)
from sqlalchemy.exc import DatabaseError, StatementError
from sqlalchemy.orm import (
    ORMExecuteState,
    Session,
    SessionTransaction,
    UOWTransaction,
    sessionmaker,
)

from db.models import Agent, Document, Image, Mention, NameVariant, document_images
from db.search.index_folding import fold_for_index
from db.search.schema import COLUMNS

CHUNK = 500
"""Documents read and written per statement: bounded memory, few round trips."""

_PENDING = "catena.search.pending"

# Statements are spelled out (no string building), for the reader and for linters;
# they name db.search.schema.INDEX_TABLE and COLUMNS, in that order.
_DELETE_ROWS = text("DELETE FROM search_index WHERE rowid IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_INSERT_ROW = text(
    "INSERT INTO search_index (rowid, title, body, people, extra) "
    "VALUES (:rowid, :title, :body, :people, :extra)"
)
_SELECT_ROWS = text(
    "SELECT rowid, title, body, people, extra FROM search_index WHERE rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))
_DELETE_ALL = text("DELETE FROM search_index")
_OPTIMIZE = text("INSERT INTO search_index (search_index) VALUES ('optimize')")
_INTEGRITY = text("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")
_ALL_ROWIDS = text("SELECT rowid FROM search_index")

# ignore_in_autogenerate() is not called here: it imports Alembic (~0.4 s), which every
# catalogue open would then pay. Autogenerate always loads the migration scripts, and
# 0004_search_index registers the hook when it is loaded.


@dataclass
class _Pending:
    """Records touched in the current transaction, resolved to documents at commit."""

    documents: set[int] = field(default_factory=set)
    agents: set[int] = field(default_factory=set)
    images: set[int] = field(default_factory=set)
    everything: bool = False  # a statement we could not follow: re-index all

    def __bool__(self) -> bool:
        return bool(self.documents or self.agents or self.images or self.everything)


def _pending(session: Session) -> _Pending:
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = _Pending()
    return cast(_Pending, pending)


# --- what a document's index row holds ------------------------------------------------


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _join(parts: Iterable[str | None]) -> str:
    return "\n".join(part for part in parts if part)


def index_rows(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str, str, str]]:
    """The folded (title, body, people, extra) of each existing document in *ids*.

    Read with plain selects on *conn*, so it sees exactly what the transaction holds,
    whatever the ORM session has loaded or expired.
    """
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
    for agent_chunk in _chunks(chain.from_iterable(linked.values())):
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
    captions: dict[int, list[str | None]] = {}
    for doc_id, caption, credit in conn.execute(
        select(document_images.c.document_id, Image.caption, Image.credit)
        .join(Image, Image.id == document_images.c.image_id)
        .where(document_images.c.document_id.in_(ids), Image.deleted_at.is_(None))
        .order_by(document_images.c.document_id, Image.id)
    ):
        captions.setdefault(doc_id, []).extend((caption, credit))
    rows: dict[int, tuple[str, str, str, str]] = {}
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
        rows[doc_id] = (
            fold_for_index(_join([title, translated])),
            fold_for_index(body or ""),
            fold_for_index(_join(names.get(doc_id, {}))),
            fold_for_index(extra),
        )
    return rows


def index_documents(conn: Connection, ids: Iterable[int]) -> int:
    """Re-index *ids* from the database: rows of missing documents are removed.

    Returns how many documents were (re)indexed.
    """
    written = 0
    for chunk in _chunks(ids):
        rows = index_rows(conn, chunk)
        conn.execute(_DELETE_ROWS, {"ids": chunk})
        if rows:
            conn.execute(
                _INSERT_ROW,
                [
                    {"rowid": doc_id, **dict(zip(COLUMNS, values, strict=True))}
                    for doc_id, values in rows.items()
                ],
            )
            written += len(rows)
    return written


def rebuild_connection(conn: Connection) -> int:
    """Empty the index and index every document (trashed ones too); returns the count."""
    conn.execute(_DELETE_ALL)
    ids = conn.execute(select(Document.id)).scalars().all()
    count = index_documents(conn, ids)
    conn.execute(_OPTIMIZE)
    return count


def rebuild(session: Session) -> int:
    """Rebuild the whole index in the session's transaction (after bulk SQL, repairs)."""
    session.flush()
    session.info.pop(_PENDING, None)
    return rebuild_connection(session.connection())


def check(session: Session, *, deep: bool = False) -> list[str]:
    """Problems with the index, as sentences; ``[]`` when it is sound and in step.

    Runs FTS5's own integrity check, then compares indexed rowids with documents
    (missing and stale rows). With *deep*, also compares every row's content with
    what the document holds now, which finds edits made by SQL that bypassed the ORM.
    """
    session.flush()
    conn = session.connection()
    findings: list[str] = []
    damage = damage_of(conn)
    if damage:
        findings.append(damage)
    indexed = set(conn.execute(_ALL_ROWIDS).scalars())
    documents = set(conn.execute(select(Document.id)).scalars())
    missing = sorted(documents - indexed)
    stale = sorted(indexed - documents)
    if missing:
        findings.append(f"{len(missing)} documents are not in the search index: {_few(missing)}")
    if stale:
        findings.append(
            f"the search index holds {len(stale)} rows for documents that no longer exist: "
            f"{_few(stale)}"
        )
    if deep:
        outdated: list[int] = []
        for chunk in _chunks(documents & indexed):
            outdated.extend(compare_rows(conn, chunk)[1])
        if outdated:
            findings.append(
                f"{len(outdated)} documents are indexed with outdated text: {_few(outdated)}"
            )
    return findings


def damage_of(conn: Connection) -> str | None:
    """FTS5's own integrity check, as a sentence; ``None`` when the index is sound."""
    try:
        conn.execute(_INTEGRITY)
    except DatabaseError as exc:
        return f"the search index is damaged ({exc.orig}); rebuild it"
    return None


def orphan_rows(conn: Connection) -> list[int]:
    """Rowids of index rows whose document no longer exists."""
    indexed = set(conn.execute(_ALL_ROWIDS).scalars())
    return sorted(indexed - set(conn.execute(select(Document.id)).scalars()))


def compare_rows(conn: Connection, ids: Sequence[int]) -> tuple[list[int], list[int]]:
    """(absent, outdated): those of documents *ids* (at most ``CHUNK``) that have no
    index row, and those whose row differs from what :func:`index_rows` derives from
    the database now. Used by ``check(deep=True)`` and by ``catena verify``."""
    expected = index_rows(conn, ids)
    actual = {row[0]: tuple(row[1:]) for row in conn.execute(_SELECT_ROWS, {"ids": list(ids)})}
    absent = sorted(doc_id for doc_id in expected if doc_id not in actual)
    outdated = sorted(
        doc_id for doc_id, row in expected.items() if doc_id in actual and actual[doc_id] != row
    )
    return absent, outdated


def _few(ids: list[int]) -> str:
    shown = ", ".join(f"id {doc_id}" for doc_id in ids[:5])
    return shown + (", …" if len(ids) > 5 else "")


# --- session events -------------------------------------------------------------------


def _values(obj: object, key: str) -> set[int]:
    """Current and pre-flush values of an attribute, without loading anything."""
    state = inspect(obj)
    history = state.attrs[key].history
    found = {v for v in chain(history.added or (), history.unchanged or (), history.deleted or ())}
    current = state.dict.get(key)
    if current is not None:
        found.add(current)
    return {value for value in found if isinstance(value, int)}


def _documents_of_agents(conn: Connection, agent_ids: Iterable[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(agent_ids):
        found.update(
            conn.execute(
                select(Mention.document_id).where(Mention.agent_id.in_(chunk)).distinct()
            ).scalars()
        )
    return found


def _documents_of_images(conn: Connection, image_ids: Iterable[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(image_ids):
        found.update(
            conn.execute(
                select(document_images.c.document_id)
                .where(document_images.c.image_id.in_(chunk))
                .distinct()
            ).scalars()
        )
    return found


def _before_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    # Deleting a person record (or a variant) lets the database set mentions.agent_id
    # to NULL: afterwards nothing says which documents listed those names.
    agents: set[int] = set()
    for obj in session.deleted:
        if isinstance(obj, Agent) and obj.id is not None:
            agents.add(obj.id)
        elif isinstance(obj, NameVariant):
            agents.update(_values(obj, "agent_id"))
    if agents:
        _pending(session).documents.update(_documents_of_agents(session.connection(), agents))


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    pending = _pending(session)
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Document):
            if obj.id is not None:
                pending.documents.add(obj.id)
        elif isinstance(obj, Mention):
            pending.documents.update(_values(obj, "document_id"))
        elif isinstance(obj, NameVariant):
            pending.agents.update(_values(obj, "agent_id"))
        elif isinstance(obj, Agent):
            if obj.id is not None:
                pending.agents.add(obj.id)
        elif isinstance(obj, Image) and obj.id is not None:
            pending.images.add(obj.id)


_BULK_TARGETS: dict[str, Callable[[ColumnElement[bool]], Select[Any]]] = {
    "documents": lambda where: select(Document.id).where(where),
    "mentions": lambda where: select(Mention.document_id).where(where),
    "images": lambda where: (
        select(document_images.c.document_id)
        .join(Image, Image.id == document_images.c.image_id)
        .where(where)
    ),
    "name_variants": lambda where: select(Mention.document_id).where(
        Mention.agent_id.in_(select(NameVariant.agent_id).where(where))
    ),
    "document_images": lambda where: select(document_images.c.document_id).where(where),
}


def _on_execute(state: ORMExecuteState) -> Result[Any] | None:
    """Around an UPDATE/DELETE statement run through the session, note its documents.

    The rows are looked up with the statement's own WHERE clause before it runs (what
    a DELETE removes is gone afterwards) and again after (an UPDATE that moves name
    variants or mentions to another record concerns that record's documents too).
    """
    statement = state.statement
    if isinstance(statement, Insert):
        _note_inserted_mentions(state, statement)
        return None
    if not isinstance(statement, Update | Delete):
        return None
    lookup = _BULK_TARGETS.get(getattr(statement.table, "name", None) or "")
    if lookup is None:
        return None
    query = lookup(statement.whereclause if statement.whereclause is not None else true())
    pending = _pending(state.session)
    conn = state.session.connection()

    def note() -> None:
        try:
            found = conn.execute(query).scalars()
            pending.documents.update(doc_id for doc_id in found if doc_id is not None)
        except StatementError:  # a WHERE with unbound parameters: play safe
            pending.everything = True

    note()
    result = state.invoke_statement()
    note()
    return result


def _note_inserted_mentions(state: ORMExecuteState, statement: Insert) -> None:
    """Mentions added with one multi-row INSERT (tag suggestions) change their
    documents' people column; the documents are in the statement's parameters."""
    if getattr(statement.table, "name", None) != "mentions":
        return
    parameters = state.parameters
    rows = parameters if isinstance(parameters, list) else [parameters or {}]
    pending = _pending(state.session)
    for row in rows:
        document_id = row.get("document_id") if isinstance(row, dict) else None
        if isinstance(document_id, int):
            pending.documents.add(document_id)
        else:  # values given some other way: play safe
            pending.everything = True


def note_documents(session: Session, ids: Iterable[int]) -> None:
    """Re-index these documents at commit: for rows written with SQL the session's
    flush does not see (the import inserts documents with one statement each)."""
    _pending(session).documents.update(ids)


def _process(session: Session) -> None:
    pending = _pending(session)
    if not pending:
        return
    conn = session.connection()
    if pending.everything:
        index_documents(conn, conn.execute(select(Document.id)).scalars().all())
        return
    ids = set(pending.documents)
    ids |= _documents_of_agents(conn, pending.agents)
    ids |= _documents_of_images(conn, pending.images)
    index_documents(conn, ids)


def sync(session: Session) -> None:
    """Write pending index changes now (they are otherwise written at commit).

    The notes are kept until the transaction ends: if a savepoint that saw this
    write is rolled back while the changes it indexed survive, the commit
    re-indexes them from what is left.
    """
    if session.new or session.dirty or session.deleted:
        session.flush()
    _process(session)


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the outermost commit indexes everything once
    sync(session)


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


_LISTENERS: tuple[tuple[str, Any], ...] = (
    ("before_flush", _before_flush),
    ("after_flush", _after_flush),
    ("do_orm_execute", _on_execute),
    ("before_commit", _before_commit),
    ("after_transaction_end", _after_transaction_end),
)


_INSTALLED = "_catena_search_index_installed"


def install(factory: sessionmaker[Session]) -> None:
    """Keep the index in step for every session *factory* makes. Idempotent.

    Whether a factory is already set up is marked on the factory itself, not asked
    of ``event.contains``: SQLAlchemy keys listeners by ``id()`` of the session class
    a factory makes, and a new factory whose class reuses the id of a collected one
    is reported as having the listeners when it does not (seen in about one catalogue
    in a hundred opened in one process: that catalogue's writes were not indexed).
    """
    if getattr(factory, _INSTALLED, False):
        return
    for name, listener in _LISTENERS:
        event.listen(factory, name, listener)
    setattr(factory, _INSTALLED, True)
