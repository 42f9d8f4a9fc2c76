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

The FTS5 table is contentless (``db.search.schema``): ``search_index_rows`` records what
each row was made from, and ``db.search.index_store`` writes the three together with
the facet counts. A document whose text is about to change or which is about to be
deleted is un-indexed just before (``before_flush``, ``do_orm_execute``), while the
database still holds the text it was indexed with.

What bypasses the index: SQL that does not go through an installed ORM session —
``text()`` statements, Core statements run on ``session.connection()`` or an engine,
bulk ``INSERT`` statements other than into mentions
(``session.execute(insert(Document), rows)``), sessions made
by other factories, and other programs editing the file. :func:`check` finds the
damage (``deep=True`` compares every row with what it should be) and :func:`rebuild`
repairs it; a text changed that way is noticed at the next write of its document,
which then rebuilds the whole index (nothing else says which words to remove).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
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

from db.models import (
    Agent,
    Collection,
    Document,
    Image,
    Keyword,
    Mention,
    NameVariant,
    document_images,
)
from db.search import index_store, tsvector_store
from db.search.dialect import is_postgresql
from db.search.index_rows import CHUNK, index_rows, same_facets
from db.search.index_rows import chunks as _chunks

__all__ = ["CHUNK", "index_rows"]  # re-exported: callers read rows and chunk through here

_PENDING = "catena.search.pending"

_INTEGRITY = text("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")
_INDEXED_IDS = text("SELECT id FROM search_index_docsize")
_INDEXED_IDS_POSTGRESQL = text("SELECT id FROM search_index")
_RECORDED_IDS = text("SELECT id FROM search_index_rows")
_RECORDED_FACETS = text("SELECT facets FROM search_index_rows")
_FACET_COUNTS = text("SELECT facet, value, documents FROM facet_counts")

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
    names: bool = False  # collections or tags added or renamed (PostgreSQL folds them)
    folded: dict[int, tuple[str, str]] = field(default_factory=dict)  # see note_documents

    def __bool__(self) -> bool:
        return bool(self.documents or self.agents or self.images or self.everything or self.names)


def _pending(session: Session) -> _Pending:
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = _Pending()
    return cast(_Pending, pending)


# --- writing ------------------------------------------------------------------------


def index_documents(
    conn: Connection, ids: Iterable[int], *, folded: Mapping[int, tuple[str, str]] | None = None
) -> int:
    """Re-index *ids* from the database: rows of missing documents are removed, facet
    counts follow. Returns how many documents were (re)indexed. *folded*: texts already
    folded (``index_rows``)."""
    return index_store.write(conn, ids, folded=folded)


def tidy(session: Session, replaced: int) -> None:
    """After an operation that re-indexed many documents (*replaced* of them: the
    suggestion pass), merge the index's segments so that their replaced entries do not
    stay on disk (``fts5_store.MERGE_PAGES_PER_REPLACED_ROW``); in the session's
    transaction."""
    session.flush()
    index_store.tidy(session.connection(), replaced)


def rebuild_connection(conn: Connection) -> int:
    """Empty the index and index every document (trashed ones too); returns the count."""
    return index_store.rebuild(conn)


def rebuild(session: Session) -> int:
    """Rebuild the whole index in the session's transaction (after bulk SQL, repairs)."""
    session.flush()
    session.info.pop(_PENDING, None)
    return rebuild_connection(session.connection())


def check(session: Session, *, deep: bool = False) -> list[str]:
    """Problems with the index, as sentences; ``[]`` when it is sound and in step.

    Runs FTS5's own integrity check and compares the index with its record of rows and
    the facet counts with their rows, then compares indexed documents with documents
    (missing and stale rows). With *deep*, also compares every row with what the
    document holds now, which finds edits made by SQL that bypassed the ORM.
    """
    session.flush()
    conn = session.connection()
    findings: list[str] = []
    damage = damage_of(conn)
    if damage:
        findings.append(damage)
    indexed = set(conn.execute(_RECORDED_IDS).scalars())
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
    """What only a rebuild repairs, as a sentence; ``None`` when the index is sound:
    FTS5's own integrity check (SQLite), index rows with no record of what they hold
    (they cannot be removed one by one), and facet counts that differ from their rows."""
    postgresql = is_postgresql(conn)
    if not postgresql:
        try:
            conn.execute(_INTEGRITY)
        except DatabaseError as exc:
            return f"the search index is damaged ({exc.orig}); rebuild it"
    indexed_ids = _INDEXED_IDS_POSTGRESQL if postgresql else _INDEXED_IDS
    unrecorded = set(conn.execute(indexed_ids).scalars()) ^ set(
        conn.execute(_RECORDED_IDS).scalars()
    )
    if unrecorded:
        return (
            f"the search index and its record of rows disagree on {len(unrecorded)} "
            f"documents ({_few(sorted(unrecorded))}); rebuild it"
        )
    expected: Counter[tuple[str, str]] = Counter()
    for (facets,) in conn.execute(_RECORDED_FACETS):
        for facet, values in index_store.decode_facets(facets).items():
            expected.update((facet, value) for value in values)
    counted = {(facet, value): n for facet, value, n in conn.execute(_FACET_COUNTS)}
    if counted != dict(expected):
        wrong = len(set(counted.items()) ^ set(expected.items()))
        return f"{wrong} facet counts differ from the documents' rows; rebuild the index"
    return None


def orphan_rows(conn: Connection) -> list[int]:
    """Ids of index rows whose document no longer exists."""
    indexed = set(conn.execute(_RECORDED_IDS).scalars())
    return sorted(indexed - set(conn.execute(select(Document.id)).scalars()))


def compare_rows(conn: Connection, ids: Sequence[int]) -> tuple[list[int], list[int]]:
    """(absent, outdated): those of documents *ids* (at most ``CHUNK``) that have no
    index row, and those whose row (columns, text hash, facet values) differs from
    what :func:`index_rows` derives from the database now. Used by
    ``check(deep=True)`` and by ``catena verify``."""
    expected = index_rows(conn, ids)
    actual = index_store.stored_rows(conn, ids)
    absent = sorted(doc_id for doc_id in expected if doc_id not in actual)
    outdated = sorted(
        doc_id
        for doc_id, row in expected.items()
        if doc_id in actual
        and not (
            actual[doc_id].same_columns(row) and same_facets(actual[doc_id].facets, row.facets)
        )
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


def _text_changes(session: Session) -> set[int]:
    """Documents this flush deletes or gives a new text: un-indexed before it runs."""
    found: set[int] = set()
    for obj in session.deleted:
        if isinstance(obj, Document) and obj.id is not None:
            found.add(obj.id)
    for obj in session.dirty:
        if (
            isinstance(obj, Document)
            and obj.id is not None
            and inspect(obj).attrs.text.history.has_changes()
        ):
            found.add(obj.id)
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
    # The index holds no text: a text is un-indexed while the database still has it.
    changing = _text_changes(session)
    if changing:
        index_store.evict(session.connection(), changing)
        _pending(session).documents.update(changing)


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
        elif isinstance(obj, Collection | Keyword):
            pending.names = True


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
    where = statement.whereclause if statement.whereclause is not None else true()
    query = lookup(where)
    pending = _pending(state.session)
    conn = state.session.connection()
    if getattr(statement.table, "name", None) == "documents" and _may_change_text(state, statement):
        _evict_before(state, conn, where)

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


def _evict_before(state: ORMExecuteState, conn: Connection, where: ColumnElement[bool]) -> None:
    """Un-index the texts a statement on documents replaces or deletes, while they
    exist (by the primary keys of a bulk UPDATE by rows, else by its WHERE)."""
    parameters = state.parameters
    rows = parameters if isinstance(parameters, list) else []
    by_key = [row.get("id") for row in rows if isinstance(row, dict)]
    try:
        if rows and all(isinstance(doc_id, int) for doc_id in by_key):
            ids: Iterable[int] = cast(list[int], by_key)
        else:
            ids = conn.execute(select(Document.id).where(where)).scalars().all()
        index_store.evict(conn, ids)
    except StatementError:  # a WHERE with unbound parameters: rebuilt from scratch if need be
        _pending(state.session).everything = True


def _may_change_text(state: ORMExecuteState, statement: Update | Delete) -> bool:
    """A DELETE of documents, or an UPDATE that sets (or may set) their text."""
    if isinstance(statement, Delete):
        return True
    named = {getattr(key, "key", key) for key in getattr(statement, "_values", None) or {}}
    parameters = state.parameters
    rows = parameters if isinstance(parameters, list) else [parameters or {}]
    named.update(key for row in rows if isinstance(row, dict) for key in row)
    multi = getattr(statement, "_multi_values", None) or getattr(statement, "_ordered_values", None)
    return "text" in named or bool(multi)


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


def note_documents(
    session: Session, ids: Iterable[int], *, folded: Mapping[int, tuple[str, str]] | None = None
) -> None:
    """Re-index these documents at commit: for rows written with SQL the session's
    flush does not see (the import inserts documents with one statement each).
    *folded* maps some of them to (their text, ``fold_for_index`` of it), which the
    index uses if that is still the text it finds (the import's workers fold it)."""
    pending = _pending(session)
    pending.documents.update(ids)
    if folded:
        pending.folded.update(folded)


def _process(session: Session) -> None:
    pending = _pending(session)
    if not pending:
        return
    conn = session.connection()
    if pending.names and is_postgresql(conn):
        tsvector_store.note_names(conn)
    if pending.everything:
        index_documents(conn, conn.execute(select(Document.id)).scalars().all())
        return
    ids = set(pending.documents)
    ids |= _documents_of_agents(conn, pending.agents)
    ids |= _documents_of_images(conn, pending.images)
    index_documents(conn, ids, folded=pending.folded)


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


def create_postgresql_tables(conn: Connection) -> int:
    """Create the search index's tables on a PostgreSQL database that has the models'
    tables, and fill them (what migration 0014 does there); returns the documents
    indexed. For databases built with ``Base.metadata.create_all`` (tests, tools)."""
    from db.search import schema_postgresql

    for statement in schema_postgresql.CREATE_ALL_SQL:
        conn.execute(text(statement))
    return rebuild_connection(conn)
