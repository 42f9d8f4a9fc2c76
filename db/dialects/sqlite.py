"""SQLite engine set-up (a catalogue folder): the pragmas every connection needs, and
write transactions.

Each connection gets ``foreign_keys=ON`` (SQLite's default is off, per connection),
WAL (readers never block the writer), ``synchronous=FULL`` (a committed transaction
survives power loss — this is evidence) and a busy timeout so a second process waits
instead of failing at once. A read-only engine (read-only media, no write permission)
gets none of the pragmas that would write: it opens the file through
``db.backup.read_only_uri``.

Writes start with ``BEGIN IMMEDIATE``: a deferred transaction that reads and then
writes can hit SQLITE_BUSY without waiting when another process writes meanwhile;
taking the write lock up front makes the busy timeout apply.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import ConnectionPoolEntry

from db.backup import read_only_uri
from db.search.index_folding import register_sql_functions

BUSY_TIMEOUT_MS = 10_000
INCREMENTAL = 2
"""``PRAGMA auto_vacuum``'s value for INCREMENTAL (see ``release_free_pages``)."""
WRITE_OPTION = "catena_begin_immediate"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    _prepare(dbapi_connection, writable=True)


def _on_connect_read_only(
    dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry
) -> None:
    _prepare(dbapi_connection, writable=False)


def _prepare(dbapi_connection: sqlite3.Connection, *, writable: bool) -> None:
    # Let us emit BEGIN ourselves (see _on_begin); pysqlite's implicit BEGIN is deferred.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if writable:  # these would write; the file is WAL already if Catena made it
            # In a new, empty file only (an upgrade's VACUUM sets it in older ones; see
            # ``release_free_pages``): on an existing file even setting it unchanged
            # would wait for another process's write lock here, at every connect.
            if cursor.execute("PRAGMA page_count").fetchone()[0] == 0:
                cursor.execute("PRAGMA auto_vacuum = INCREMENTAL")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()
    register_sql_functions(dbapi_connection)  # catena_fold(), for search filters


def release_free_pages(engine: Engine) -> None:
    """Give the file's free pages back to the disk, as a catalogue closes.

    Pages emptied while writing (search index segments merged, rows rewritten) stay
    in the file as free pages, which SQLite reuses but never returns: an import of
    1,000 clippings leaves about 60 (0.25 MB). With ``auto_vacuum = INCREMENTAL``
    (set in every file Catena makes, and at an upgrade's VACUUM) they are moved to
    the end and cut off in a few milliseconds. Never waits for another writer and
    never fails the close: the pages are simply released at a later close."""
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            if raw.execute("PRAGMA auto_vacuum").fetchone()[0] != INCREMENTAL:
                return
            if raw.execute("PRAGMA freelist_count").fetchone()[0] == 0:
                return
            raw.execute("PRAGMA busy_timeout = 0")
            try:  # executescript steps the pragma to the end (execute frees one page)
                raw.executescript("PRAGMA incremental_vacuum;")
            finally:
                raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error:
        return


def _on_begin(conn: Any) -> None:
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _on_error(context: ExceptionContext) -> None:
    """Never let a transaction continue after SQLite ended it on its own.

    On SQLITE_FULL, SQLITE_IOERR and some others SQLite rolls back the whole
    transaction, savepoints included. Because we issue BEGIN ourselves, the driver
    would then run the rest of a batch in autocommit mode, one statement at a time —
    half a batch committed, reference codes reused. Treating the connection as lost
    makes every later statement of that unit of work fail, so nothing more is written
    and the caller's rollback is the whole story.
    """
    conn = context.connection
    raw = getattr(context.sqlalchemy_exception, "connection_invalidated", None)
    if conn is None or raw:
        return
    dbapi = conn.connection.dbapi_connection
    if conn.in_transaction() and dbapi is not None and not dbapi.in_transaction:
        context.is_disconnect = True


def make_engine(database: Path, *, read_only: bool = False) -> Engine:
    """An engine for the catalogue database file at *database*; with *read_only*, one
    that cannot write it (and creates nothing beside it when the folder is read-only)."""
    # The pool hands a connection to one thread at a time; background jobs (imports in
    # the window) use pooled connections from worker threads, hence no thread check.
    # URL.create, not an f-string: a folder named "What?.catena" or "Case #12.catena"
    # must not be read as URL options or a fragment (read_only_uri percent-encodes).
    url = (
        URL.create("sqlite+pysqlite", database=read_only_uri(database), query={"uri": "true"})
        if read_only
        else URL.create("sqlite+pysqlite", database=str(database))
    )
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "handle_error", _on_error)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions take the write lock up front."""
    return engine.execution_options(**{WRITE_OPTION: True})
