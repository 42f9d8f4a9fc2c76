"""A team catalogue on a PostgreSQL server, as the window opens and watches it.

Three things the window needs that a folder catalogue never asks:

- *who am I there*: the server role a person connected as, and what that role may do
  (``has_table_privilege``): a role that can only read opens the catalogue read-only,
  so changes are switched off before the person tries one instead of refused after;
- *why could it not open*: libpq's messages are long and technical; ``explain`` turns
  the common ones (server unreachable, wrong or missing password, no such database,
  no permission) into one line that says what to do;
- *did someone else change it*: the newest audit event's id is a one-row read, cheap
  enough to ask every few seconds; when it moves, the window reloads its lists.

Passwords are never part of what is remembered: ``without_password`` is the URL a
window may store (recent catalogues); a password typed once lives only in memory.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from db.catalogue import Catalogue, CatalogueError
from db.dialects import postgresql
from db.models import Event
from db.pg_roles import refusal_message, server_message

CONNECT_TIMEOUT_S = 8
"""How long opening waits for a server that does not answer (libpq's connect_timeout)."""

WRITE_TABLES = {"editor": "documents", "tagger": "date_tags"}
"""The table whose INSERT privilege tells each right apart (strongest first); a role
with neither can only read."""


class TeamError(CatalogueError):
    """A server catalogue could not be opened; the message is one line saying why."""


class PasswordNeeded(TeamError):
    """The server asks for a password that libpq (``~/.pgpass``, ``PGPASSWORD``) did not
    have, or the one given was wrong (*wrong* True): ask the person, then try again."""

    def __init__(self, message: str, *, wrong: bool) -> None:
        super().__init__(message)
        self.wrong = wrong


@dataclass(frozen=True)
class ServerAccess:
    """Where a server catalogue is and what this person's role may do there."""

    server: str  # "host:port", or "local socket"
    database: str
    role: str  # the server's current_user
    right: str  # "editor", "tagger" or "reader"

    @property
    def read_only(self) -> bool:
        return self.right == "reader"

    @property
    def can_import(self) -> bool:
        return self.right == "editor"


def parsed(location: str) -> URL:
    """*location* as a psycopg URL; ``TeamError`` naming what is wrong with it."""
    try:
        return postgresql.engine_url(location)
    except ValueError as exc:
        raise TeamError(str(exc)) from exc


def without_password(location: str) -> str:
    """The URL with any password removed: what a window may remember."""
    url = parsed(location)
    bare = URL.create(  # (URL.set ignores None: it cannot take a password away)
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return bare.render_as_string(hide_password=False)


def with_password(location: str, password: str | None) -> str:
    """The URL carrying *password* (kept in memory only, never written anywhere)."""
    url = parsed(location)
    if password:
        url = url.set(password=password)
    return url.render_as_string(hide_password=False)


def password_in(location: str) -> str | None:
    try:
        return make_url(location.strip()).password or None
    except ArgumentError:
        return None


def server_of(url: URL) -> str:
    host = url.host or str(url.query.get("host") or "")
    if not host or host.startswith("/"):
        return "local socket"
    return f"{host}:{url.port or 5432}"


def explain(reason: str, url: URL) -> TeamError:
    """libpq's or Catena's *reason* for not opening, as the one line a person reads."""
    lowered = reason.lower()
    server, user = server_of(url), url.username or "(your login name)"
    database = url.database or "?"
    if "password authentication failed" in lowered:
        return PasswordNeeded(f"wrong password for {user} on {server}", wrong=True)
    if "no password supplied" in lowered or "password is required" in lowered:
        return PasswordNeeded(f"the server {server} asks for {user}'s password", wrong=False)
    if f'database "{database.lower()}" does not exist' in lowered:
        return TeamError(f"there is no database {database} on {server}")
    if "permission denied" in lowered or "not permitted to log in" in lowered:
        return TeamError(f"no permission: {user} may not open {database} on {server}")
    if f'role "{user.lower()}" does not exist' in lowered:
        return TeamError(f"the server {server} has no login role {user}")
    unreachable = (
        "connection refused",
        "could not translate host name",
        "timeout expired",
        "no route to host",
        "network is unreachable",
        "no such file or directory",
        "could not connect",
        "is the server running",
        "connection to server",
    )
    if any(part in lowered for part in unreachable):
        return TeamError(f"cannot reach the PostgreSQL server {server}; is it running?")
    if "not a catena catalogue" in lowered or "no catalogue in" in lowered:
        return TeamError(f"{database} on {server} is not a Catena catalogue")
    return TeamError(reason.strip().splitlines()[0] if reason.strip() else "cannot open")


def _probe_url(url: URL) -> URL:
    if "connect_timeout" in url.query:
        return url
    return url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})


def probe(location: str) -> ServerAccess:
    """Connect once to the server catalogue at *location* and say who this is there.
    Raises ``TeamError`` (``PasswordNeeded`` when a password is wanted)."""
    url = parsed(location)
    engine = postgresql.make_engine(_probe_url(url), read_only=True)
    try:
        problem = postgresql.reachable(engine)
        if problem is not None:
            raise explain(problem, url)
        with engine.connect() as conn:
            role = str(conn.execute(text("SELECT current_user")).scalar_one())
            database = str(conn.execute(text("SELECT current_database()")).scalar_one())
            tables = [
                conn.execute(text("SELECT to_regclass(:t)"), {"t": t}).scalar()
                for t in ("public.alembic_version", "public.documents")
            ]
            if None in tables:
                raise TeamError(f"{database} on {server_of(url)} is not a Catena catalogue")
            if not conn.execute(
                text("SELECT has_table_privilege('public.documents', 'SELECT')")
            ).scalar_one():
                raise TeamError(
                    f"no permission: {role} may not read the catalogue {database} "
                    f"on {server_of(url)}"
                )
            right = "reader"
            for name, table in WRITE_TABLES.items():
                if conn.execute(
                    text("SELECT has_table_privilege(:t, 'INSERT')"), {"t": f"public.{table}"}
                ).scalar_one():
                    right = name
                    break
        return ServerAccess(server_of(url), database, role, right)
    except TeamError:
        raise
    except Exception as exc:  # a driver error mid-probe: said in one line
        reason = str(getattr(exc, "orig", None) or exc)
        raise explain(reason, url) from exc
    finally:
        engine.dispose()


def open_team_catalogue(location: str) -> tuple[Catalogue, ServerAccess]:
    """Open the server catalogue at *location*, read-only for a role that can only
    read. Raises ``TeamError`` with one line (``PasswordNeeded`` to ask for one)."""
    access = probe(location)
    try:
        catalogue = Catalogue.open(location, read_only=access.read_only, daily_backup=False)
    except CatalogueError as exc:
        raise explain(str(exc), parsed(location)) from exc
    return catalogue, access


def access_of(catalogue: Catalogue) -> ServerAccess | None:
    """Who this person is on the catalogue's server; None for a folder catalogue."""
    if not catalogue.on_server or catalogue.url is None:
        return None
    return probe(catalogue.url)


@dataclass(frozen=True)
class TrailMoves:
    """What the audit trail says happened since a window last looked."""

    newest: int  # the newest event's id (0 for none)
    by_others: int  # events after the one looked at whose actor is not this window's


def trail_moves(catalogue: Catalogue, *, after: int, mine: Collection[str]) -> TrailMoves:
    """The newest audit event and how many events after *after* were made by someone
    other than *mine* (this window's actor names: its own changes need no reload).
    The trail moves whenever anyone changes the catalogue, so this one indexed read is
    how a window notices others."""
    others = Event.id > after
    if mine:
        others = others & Event.actor.not_in(list(mine))
    with catalogue.reading() as session:
        newest = session.scalar(select(func.max(Event.id)))
        by_others = session.scalar(select(func.count()).select_from(Event).where(others))
    return TrailMoves(int(newest or 0), int(by_others or 0))


ServerError = DBAPIError
"""What a server catalogue's action may raise besides Catena's own refusals: the
server refused it (a role without the right), or could not be reached mid-session."""

PERSON_ERRORS: tuple[type[Exception], ...] = (ValueError, ServerError)
"""Errors an action reports to the person in one line (``person_message``)."""


def person_message(exc: BaseException) -> str:
    """*exc* as one line for the person: Catena's own refusals as they are; a server's
    refusal or silence said plainly, with "nothing was changed"."""
    if not isinstance(exc, DBAPIError):
        return str(exc)
    refused = refusal_message(exc)  # the same words as the CLI's
    if refused is not None:
        return refused
    primary = server_message(exc)
    if isinstance(exc, OperationalError):
        return f"the catalogue's server did not answer ({primary}); nothing was changed"
    return f"the catalogue's server refused this ({primary}); nothing was changed"
