"""PostgreSQL engine set-up: a team's catalogue on a server, and its write transactions.

Writers are serialised with one transaction-level advisory lock, taken as the first
statement of every write transaction (``pg_advisory_xact_lock``) and released by the
server at commit or rollback — even when the client dies. This is the PostgreSQL form
of SQLite's ``BEGIN IMMEDIATE``, and the same guarantee the rest of Catena is written
against: inside a write transaction no other writer commits, so

- the audit chain's head read at the start is still the head at commit (one chain,
  never a fork),
- reference counters, duplicate checks ("is this original catalogued?") and the
  find-or-create of people and keywords see every earlier writer's rows (each
  statement of a READ COMMITTED transaction reads what was committed before it, and
  every earlier writer committed before this one got the lock),
- index rows of one document are never rewritten by two transactions at once.

Readers take no lock and never wait (MVCC). A team of archivists writes a few
transactions a second at most, so one writer at a time costs nothing anyone sees;
finer locks would each have to be right in every write path to keep the chain whole.

``LOCK_TIMEOUT_MS`` bounds the wait for that lock (and any row lock): a writer stuck
behind a long import gets a one-line "busy" error instead of hanging.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

LOCK_TIMEOUT_MS = 60_000
WRITE_OPTION = "catena_serialised_writer"
WRITE_LOCK_KEY = 0x4341_5445_4E41  # "CATENA" in ASCII
"""The advisory lock every write transaction holds (one namespace per database)."""
DRIVER = "postgresql+psycopg"


def engine_url(location: str | URL) -> URL:
    """*location* (``postgresql://``, ``postgres://`` or ``postgresql+psycopg://``) as
    a SQLAlchemy URL for the psycopg 3 driver. Raises ``ValueError`` on a bad URL."""
    try:
        url = location if isinstance(location, URL) else make_url(location.strip())
    except ArgumentError as exc:  # said as a ValueError, the way callers catch it
        raise ValueError(f"not a database URL: {shown(location)}") from exc
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise ValueError(f"not a PostgreSQL URL: {shown(location)}")
    if not url.database:
        raise ValueError(f"the URL names no database: {shown(location)}")
    return url.set(drivername=DRIVER)


def shown(location: str | URL) -> str:
    """*location* as it may be printed: the password, if any, replaced by ***."""
    try:
        url = location if isinstance(location, URL) else make_url(location.strip())
    except ArgumentError:
        return "<unreadable URL>"
    return url.render_as_string(hide_password=True)


def _on_begin(conn: Any) -> None:
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_engine(location: str | URL, *, read_only: bool = False) -> Engine:
    """An engine for the PostgreSQL database at *location*; with *read_only*, one whose
    transactions the server refuses to let write."""
    url = location if isinstance(location, URL) else engine_url(location)
    options = f"-c lock_timeout={LOCK_TIMEOUT_MS}"
    if read_only:
        options += " -c default_transaction_read_only=on"
    engine = create_engine(
        url,
        pool_pre_ping=True,  # a server restart between two actions is not an error
        connect_args={"options": options, "application_name": "catena"},
    )
    event.listen(engine, "begin", _on_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions take the writers' lock first."""
    return engine.execution_options(**{WRITE_OPTION: True})


def reachable(engine: Engine) -> str | None:
    """None when the server answers; else its one-line reason."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return reason[0] if reason else type(exc).__name__
    return None
