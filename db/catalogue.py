"""A catalogue: a folder ``NAME.catena/`` holding the database and the object store,
or a PostgreSQL database (a URL) with a shared object store (``db.server_catalogue``).

``Catalogue.open`` checks the folder, upgrades the schema (after keeping a copy) and
hands out sessions. It holds no global state: callers pass the catalogue (or a
session from it) explicitly to every operation.

A catalogue that cannot be written (a write-protected USB stick handed over as
evidence, a folder without write permission) opens read-only: reading works, every
write is refused with one line, and nothing — no backup, no head file, no ``-shm`` —
is created in it.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db import audit, migrate
from db.audit import HEAD_FILE_KEY, HEAD_IN_DATABASE_KEY, default_actor
from db.audit_head import HEAD_FILE_NAME
from db.backup import (
    BackupError,
    Health,
    backup_due,
    database_health,
    folder_writable,
    newest_verified,
    rotate_backup,
    wal_has_changes,
)
from db.dialects import is_server_url
from db.dialects.postgresql import shown as shown_url
from db.dialects.sqlite import release_free_pages
from db.engine import make_engine, writer
from db.location import location_warnings
from db.objects import FolderObjectStore, ObjectStore
from db.search import index as search_index
from db.server_catalogue import ServerCatalogueError, open_server

DATABASE_NAME = "catalogue.sqlite"
OBJECTS_DIR = "objects"
BACKUPS_DIR = "backups"
MARKER_NAME = "CATENA"
FULL_CHECK_LIMIT = 32 * 1024 * 1024
"""Bytes up to which every open runs ``quick_check``, which reads the whole file: at
this size about 0.1 s warm, 0.5 s from a cold disk. (At 256 MB a 10,000-document
catalogue took 3.4 s to open cold.) Larger files are checked fully by the daily
backup and ``catena verify``."""
QUICK_CHECK_MAX_FINDINGS = 100  # PRAGMA quick_check reports at most this many
MARKER_TEXT = (
    "This folder is a Catena catalogue. Do not edit, move or delete files inside it by hand;\n"
    "originals are under objects/, named by their SHA-256.\n"
)


class CatalogueError(Exception):
    """A catalogue cannot be opened or created; the message says why, for the user."""


class ReadOnlyCatalogue(CatalogueError, ValueError):
    """A write was asked of a catalogue opened read-only; nothing was changed.

    Also a ValueError: the window reports refused edits (ValueErrors from the tag,
    people and document operations) to the person, and this is one of those."""


@dataclass(frozen=True)
class OpenReport:
    created: bool
    migrated_from: str | None
    schema: str
    backup: Path | None
    warnings: tuple[str, ...] = ()
    read_only: bool = False


def catalogue_writable(folder: Path) -> bool:
    """Whether the catalogue in *folder* can be changed: its folder (for the WAL's
    files, backups, the head file) and its database file, if there is one, writable."""
    database = folder / DATABASE_NAME
    return folder_writable(folder) and (not database.exists() or os.access(database, os.W_OK))


def read_only_notice(folder: Path | str) -> str:
    return f"read-only: {folder} is on read-only media or not writable by you; changes are disabled"


def shell_quoted(path: Path) -> str:
    """*path* as it can be pasted into this platform's command line."""
    if os.name == "nt":
        return subprocess.list2cmdline([str(path)])
    return shlex.quote(str(path))


def restore_advice(folder: Path, *, writable: bool = True) -> str:
    """What to run about a damaged database in *folder* (one sentence)."""
    rescue = newest_verified(folder / BACKUPS_DIR)
    if rescue is None:
        return "No verified backup was found in its backups folder."
    if not writable:
        return (
            f"The newest verified backup is {rescue}; the catalogue is read-only, so copy "
            "the folder to a writable disk and restore the copy with `catena restore`."
        )
    return (
        f"The newest verified backup is {rescue}; restore it with: "
        f"catena restore {shell_quoted(rescue)} --catalogue {shell_quoted(folder)}"
    )


def first_finding(health: Health) -> str:
    """The first of SQLite's findings, on one line, and how many more there are."""
    lines = [
        line.strip()
        for line in health.message.splitlines()
        if line.strip() and not line.startswith("***")
    ]
    if not lines:
        return health.state
    capped = "+" if len(lines) >= QUICK_CHECK_MAX_FINDINGS else ""  # it stops counting there
    more = f"; {len(lines) - 1}{capped} more findings" if len(lines) > 1 else ""
    return lines[0] + more


def _backup_if_due(database: Path, backups: Path) -> Path | None:
    if not backup_due(backups):
        return None
    return rotate_backup(database, backups)


def _unreadable_log(database: Path) -> bool:
    """A write-ahead log with changes but no ``-shm`` beside it: read-only, SQLite can
    neither read it (it needs ``-shm``) nor make the ``-shm`` it needs."""
    shm = database.with_name(database.name + "-shm")
    return wal_has_changes(database) and not shm.exists()


def _anchor_head(engine: Engine, head_file: Path) -> list[str]:
    """Record the audit trail's head outside the database if it is not yet; returns
    what to tell the person (once: the next open finds the file)."""
    try:
        with Session(engine) as session:
            head, made = audit.anchor_head(session, head_file)
    except OSError as exc:
        return [f"cannot write {head_file}: {exc.strerror or exc}"]
    if not made or head.last_id is None:
        return []
    return [
        f"the audit trail's head was not yet recorded outside the database (a catalogue "
        f"from an older Catena); recorded it now in {head_file.name} at {head.describe()}. "
        "From here on, removing the newest events is detected."
    ]


class Catalogue:
    """An open catalogue. Use ``Catalogue.open(path_or_url)``; close it when done."""

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        report: OpenReport,
        actor: str,
        *,
        objects: ObjectStore | None = None,
        url: str | None = None,
        objects_location: str | None = None,
    ) -> None:
        self.folder = path
        """The catalogue's folder; None for a catalogue on a PostgreSQL server."""
        self.url = url
        """The server catalogue's URL as given (None for a folder); see ``location``."""
        self.engine = engine
        if objects is None:
            assert path is not None, "a server catalogue is opened with its object store"
            objects = FolderObjectStore(path / OBJECTS_DIR)
        self.objects = objects
        if objects_location is None:
            assert path is not None, "a server catalogue is opened with its store's location"
            objects_location = str(path / OBJECTS_DIR)
        self.objects_location = objects_location
        """Where the originals are, as recorded: a folder, or ``s3://…``."""
        self.report = report
        self.actor = actor
        self.read_only = report.read_only
        # Sessions know where the audit head is kept: commits that record events keep
        # it up to date, and audit.verify_chain checks the trail still reaches it.
        head: dict[str, object] = (
            {HEAD_FILE_KEY: path / HEAD_FILE_NAME} if path else {HEAD_IN_DATABASE_KEY: True}
        )
        self._reader = sessionmaker(engine, expire_on_commit=False, info=head)
        self._writer = sessionmaker(writer(engine), expire_on_commit=False, info=head)
        search_index.install(self._reader)
        search_index.install(self._writer)

    @property
    def on_server(self) -> bool:
        return self.folder is None

    @property
    def location(self) -> str:
        """Where the catalogue is, as it may be shown: its folder, or its URL without
        the password. Every message that names a catalogue uses this."""
        if self.folder is not None:
            return str(self.folder)
        return shown_url(self.url or "")

    @property
    def path(self) -> Path:
        """The catalogue's folder. Raises ``CatalogueError`` on a server catalogue,
        which has none: callers that need files (backups, restore) say so."""
        if self.folder is None:
            raise CatalogueError(
                f"the catalogue {self.location} is on a PostgreSQL server and has no folder"
            )
        return self.folder

    @property
    def name(self) -> str:
        if self.folder is None:
            return self.engine.url.database or "catalogue"
        return self.folder.name.removesuffix(".catena")

    @property
    def database(self) -> Path:
        return self.path / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.path / BACKUPS_DIR

    @property
    def head_file(self) -> Path:
        return self.path / HEAD_FILE_NAME

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        actor: str | None = None,
        daily_backup: bool = True,
        read_only: bool | None = None,
        objects: str | None = None,
        team_rights: bool = False,
    ) -> Catalogue:
        """Open the catalogue at *path* (a folder, or a ``postgresql://`` URL); with
        *create*, make it if it does not exist.

        An existing database gets SQLite's quick check first: a damaged catalogue is
        not opened (and not migrated); the message names the newest verified backup
        and the command that restores it. *read_only* None means: read-only when the
        catalogue cannot be written (see ``catalogue_writable``). *objects* is where a
        new server catalogue keeps its originals (a folder or ``s3://``); a folder
        catalogue keeps them inside itself and ignores it. *team_rights*: a new server
        catalogue gets the team's roles and grants (``catena init``; see docs/team.md).
        """
        if is_server_url(path):
            return cls._open_server(
                str(path),
                create=create,
                actor=actor,
                read_only=read_only,
                objects=objects,
                team_rights=team_rights,
            )
        folder = Path(path).expanduser()
        database = folder / DATABASE_NAME
        created = False
        if not database.exists():
            if folder.exists() and not folder.is_dir():
                if folder.name == DATABASE_NAME and (folder.parent / MARKER_NAME).exists():
                    raise CatalogueError(
                        f"{folder} is the database inside a catalogue: give its folder, "
                        f"{folder.parent}"
                    )
                raise CatalogueError(f"{folder} is a file, not a Catena catalogue (a folder)")
            if not create:
                if folder.exists() and any(folder.iterdir()):
                    raise CatalogueError(f"{folder} is not a Catena catalogue (no {DATABASE_NAME})")
                raise CatalogueError(
                    f"no catalogue at {folder}; create one with: catena init {folder}"
                )
            if folder.exists() and any(folder.iterdir()):
                raise CatalogueError(
                    f"{folder} already holds other files; choose a new or empty folder"
                )
            try:
                folder.mkdir(parents=True, exist_ok=True)
                (folder / OBJECTS_DIR).mkdir(exist_ok=True)
                (folder / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8")
            except OSError as exc:
                raise CatalogueError(
                    f"cannot create a catalogue at {folder}: {exc.strerror}"
                ) from exc
            created = True
        else:
            if read_only is None:
                read_only = not catalogue_writable(folder)
            if read_only and not folder_writable(folder) and _unreadable_log(database):
                raise CatalogueError(
                    f"the catalogue at {folder} is read-only and its last changes are still "
                    f"in {database.name}-wal, which SQLite cannot read without writing "
                    f"beside it; copy the folder to a writable disk and open the copy"
                )
            # Every page is read on open while that is cheap; a large catalogue gets a
            # header and schema check here and its full check in the daily backup.
            thorough = database.stat().st_size <= FULL_CHECK_LIMIT
            health = database_health(database, thorough=thorough)
            if health.state == "unavailable":
                raise CatalogueError(
                    f"the catalogue database at {database} cannot be read right now "
                    f"({health.message}); if another program is using it, try again shortly"
                )
            if health.state == "damaged":
                finding = first_finding(health)
                raise CatalogueError(
                    f"the catalogue database at {database} failed its check ({finding}). "
                    + restore_advice(folder, writable=not read_only)
                )
        read_only = bool(read_only) and not created
        engine = make_engine(database, read_only=read_only)
        try:
            result = (
                migrate.require_current(engine)
                if read_only
                else migrate.upgrade(engine, database=database, backups=folder / BACKUPS_DIR)
            )
        except migrate.MigrationError as exc:
            engine.dispose()
            raise CatalogueError(str(exc)) from exc
        except Exception as exc:
            engine.dispose()
            raise CatalogueError(f"cannot open the catalogue at {folder}: {exc}") from exc
        warnings = list(location_warnings(folder))
        if not read_only:
            warnings.extend(_anchor_head(engine, folder / HEAD_FILE_NAME))
        if daily_backup and not read_only:
            try:
                _backup_if_due(database, folder / BACKUPS_DIR)
            except BackupError as exc:
                warnings.append(str(exc))
        report = OpenReport(
            created=created,
            migrated_from=result.from_revision if result.backup else None,
            schema=result.to_revision,
            backup=result.backup,
            warnings=tuple(warnings),
            read_only=read_only,
        )
        return cls(folder, engine, report, actor or default_actor())

    @classmethod
    def _open_server(
        cls,
        url: str,
        *,
        create: bool,
        actor: str | None,
        read_only: bool | None,
        objects: str | None,
        team_rights: bool,
    ) -> Catalogue:
        try:
            opened = open_server(
                url,
                create=create,
                objects=objects,
                read_only=read_only,
                team_rights=team_rights,
            )
        except ServerCatalogueError as exc:
            raise CatalogueError(str(exc)) from exc
        except Exception as exc:
            raise CatalogueError(f"cannot open the catalogue {shown_url(url)}: {exc}") from exc
        report = OpenReport(
            created=opened.created,
            migrated_from=opened.migration.from_revision
            if opened.migration.from_revision != opened.migration.to_revision and not opened.created
            else None,
            schema=opened.migration.to_revision,
            backup=None,
            warnings=opened.warnings,
            read_only=opened.read_only,
        )
        # With the audit guard, the server writes its login role as each event's actor;
        # Catena hashes the same name, so the chain verifies (db.pg_audit_guard).
        who = opened.server_actor or actor or default_actor()
        return cls(
            None,
            opened.engine,
            report,
            who,
            objects=opened.objects,
            url=url,
            objects_location=opened.objects_location,
        )

    def read_only_refusal(self) -> str:
        why = (
            "your PostgreSQL role may only read it, or the server is read-only"
            if self.on_server
            else "read-only media or no write permission"
        )
        return (
            f"the catalogue at {self.location} is read-only ({why}); changes are disabled "
            "and nothing was changed"
        )

    def backup_if_due(self) -> Path | None:
        """Take the daily backup if the newest is a day old or there is none; returns
        the new backup's path, or None when none was due. Raises ``BackupError``.

        The window opens with ``daily_backup=False`` and calls this on a worker thread
        once it is showing: at 100,000 documents the copy and its check take seconds,
        which the person should not spend looking at nothing. The copy is made through
        SQLite's backup API on its own connection, so work in the window goes on.
        A read-only catalogue gets none: there is nowhere to put it.
        """
        if self.read_only or self.folder is None:  # a server's backups are pg_dump's
            return None
        return _backup_if_due(self.database, self.backups)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work. Closing the session ends (rolls back) its
        transaction; loaded objects stay readable afterwards, detached."""
        with self._reader() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction: commits if the block succeeds, rolls back if it raises.
        Raises ``ReadOnlyCatalogue`` at once on a catalogue opened read-only."""
        if self.read_only:
            raise ReadOnlyCatalogue(self.read_only_refusal())
        with self._writer() as session, session.begin():
            yield session

    def close(self) -> None:
        if not self.read_only and self.engine.dialect.name == "sqlite":
            release_free_pages(self.engine)
        self.engine.dispose()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
