"""Opening a catalogue that lives on a PostgreSQL server (``Catalogue.open(url)``).

A server catalogue has no folder: its database is the URL's, and its originals are in
a shared object store (a folder every window reaches under the same path, or an
``s3://`` location) whose location ``catena init URL --objects WHERE`` records in the
database (``db.settings``); every later open reads it there. What a folder catalogue
checks with files on open (SQLite's quick check, the WAL, the daily copy, the head
file) has no counterpart here: the server keeps its own pages whole, backups are
``pg_dump``'s, and the audit head is a row written in each committing transaction.

``catena init`` also sets up the team's rights (``db.pg_roles.install_team_rights``:
group roles, grants, the audit guard); after that, every open that migrates sets the
rights of new tables, and every event's actor is the server's login role.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from db import audit, migrate
from db.dialects import postgresql
from db.objects import ObjectStore, ObjectStoreError
from db.objects_open import open_object_store
from db.pg_roles import TeamRightsError, install_team_rights, roles_of_connection, server_actor
from db.settings import OBJECTS, read_setting, write_setting


class ServerCatalogueError(Exception):
    """The server catalogue cannot be opened or made; the message says why."""


@dataclass(frozen=True)
class ServerOpened:
    engine: Engine
    objects: ObjectStore
    objects_location: str
    created: bool
    migration: migrate.MigrationResult
    warnings: tuple[str, ...]
    server_actor: str | None
    """The login role the server records as every event's actor (``db.pg_audit_guard``
    installed), which Catena must hash with; None when the catalogue has no guard."""
    read_only: bool = False
    """Opened read-only: asked for, or the login may not write (``server_writable``)."""


def object_store_at(location: str) -> ObjectStore:
    """The object store at *location* (a shared folder or ``s3://…``), checked now."""
    try:
        return open_object_store(location)
    except ObjectStoreError as exc:
        raise ServerCatalogueError(str(exc)) from exc


def stored_location(objects: str) -> str:
    """*objects* as it is recorded: a folder made absolute (every window must reach it
    under that path), an ``s3://`` location as given."""
    if "://" in objects:
        return objects.strip()
    return str(Path(objects).expanduser().resolve())


def _new_object_store(location: str) -> ObjectStore:
    """The store a new catalogue will use, its folder made (not the folder's parents:
    a missing parent is an unmounted share, which must not fill a local copy)."""
    if "://" not in location:
        try:
            Path(location).mkdir(exist_ok=True)
        except OSError as exc:
            raise ServerCatalogueError(
                f"cannot make the object store folder {location}: {exc.strerror or exc}"
            ) from exc
    return object_store_at(location)


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() LIMIT 1"
        ).first()
    return found is not None


def _team_rights_installed(engine: Engine) -> bool:
    """Whether the owner set up the team's roles (``catena init``): its reader role
    exists. Then every migration is followed by setting the new tables' rights."""
    with engine.connect() as conn:
        reader = roles_of_connection(conn).reader
        found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": reader})
        return found.first() is not None


def _set_team_rights(engine: Engine) -> None:
    try:
        with engine.begin() as conn:
            install_team_rights(conn)
    except TeamRightsError as exc:
        raise ServerCatalogueError(str(exc)) from exc


def _actor_from_server(engine: Engine) -> str | None:
    with engine.connect() as conn:
        guarded = conn.execute(
            text("SELECT 1 FROM pg_trigger WHERE tgname = 'catena_events_actor'")
        ).first()
        return server_actor(conn) if guarded is not None else None


def open_server(
    location: str,
    *,
    create: bool,
    objects: str | None,
    read_only: bool | None,
    team_rights: bool = False,
) -> ServerOpened:
    """Connect to the catalogue at *location*, bring its schema up to date (or make it,
    with *create*) and open its object store. Raises ``ServerCatalogueError``.
    *read_only* None means: read-only when this login may not write (``server_writable``),
    as a folder catalogue on read-only media is."""
    shown = postgresql.shown(location)
    try:
        engine = postgresql.make_engine(location, read_only=bool(read_only))
    except ValueError as exc:
        raise ServerCatalogueError(str(exc)) from exc
    try:
        if read_only is None:
            read_only = postgresql.reachable(engine) is None and not server_writable(engine)
            if read_only:
                engine.dispose()
                engine = postgresql.make_engine(location, read_only=True)
        opened = _open(
            engine,
            shown,
            create=create,
            objects=objects,
            read_only=read_only,
            team_rights=team_rights,
        )
        return replace(opened, read_only=read_only)
    except BaseException:
        engine.dispose()
        raise


def server_writable(engine: Engine) -> bool:
    """Whether the server lets this catalogue be changed: not a hot standby, not a
    database the owner set read-only (``default_transaction_read_only``). Such a
    catalogue then opens read-only, reading working and changes refused before they
    start, instead of failing at the first one. (A team reader is not read-only: it
    records the dossiers it prints; its rights refuse the rest, ``db.pg_roles``.)"""
    with engine.connect() as conn:
        return conn.exec_driver_sql("SHOW transaction_read_only").scalar() != "on"


def _open(
    engine: Engine,
    shown: str,
    *,
    create: bool,
    objects: str | None,
    read_only: bool,
    team_rights: bool,
) -> ServerOpened:
    problem = postgresql.reachable(engine)
    if problem is not None:
        raise ServerCatalogueError(f"cannot reach the catalogue database {shown}: {problem}")
    before = migrate.current_revision(engine)
    if before is None and _has_tables(engine):
        raise ServerCatalogueError(f"{shown} is not a Catena catalogue (it holds other tables)")
    if before is None and not create:
        raise ServerCatalogueError(
            f"no catalogue in {shown}; create one with: catena init URL --objects FOLDER"
        )
    if before is None and not objects:
        raise ServerCatalogueError(
            "a catalogue on a server keeps its originals in a shared store: "
            "catena init URL --objects FOLDER (or s3://bucket/prefix)"
        )
    wanted = stored_location(objects) if objects else None
    new_store: ObjectStore | None = None
    if before is None and wanted is not None:  # checked before anything is made
        new_store = _new_object_store(wanted)
    try:
        migration = (
            migrate.require_current(engine)
            if read_only
            else migrate.upgrade(engine, database=None, backups=None)
        )
    except migrate.MigrationError as exc:
        raise ServerCatalogueError(str(exc)) from exc
    migrated = migration.from_revision != migration.to_revision
    if (before is None and team_rights) or (
        before is not None and migrated and _team_rights_installed(engine)
    ):
        _set_team_rights(engine)  # new tables get their grants, events their guard
    warnings: list[str] = []
    with Session(engine) as session:
        recorded = read_setting(session, OBJECTS)
    if recorded is not None and wanted is not None and wanted != recorded:
        raise ServerCatalogueError(
            f"{shown} keeps its originals in {recorded}, not {wanted}; nothing was changed"
        )
    if not read_only:
        with Session(postgresql.writer(engine)) as session, session.begin():
            if recorded is None and wanted is not None:
                write_setting(session, OBJECTS, wanted)
            session.info[audit.HEAD_IN_DATABASE_KEY] = True
            head, made = audit.anchor_head_in_database(session)
        if made and head.last_id is not None:
            warnings.append(
                f"the audit trail's head was not yet recorded; recorded it now at {head.describe()}"
            )
    location = recorded or wanted
    if location is None:
        raise ServerCatalogueError(
            f"{shown} does not say where its originals are (no '{OBJECTS}' setting)"
        )
    store = new_store or object_store_at(location)
    return ServerOpened(
        engine,
        store,
        location,
        before is None,
        migration,
        tuple(warnings),
        _actor_from_server(engine),
    )
