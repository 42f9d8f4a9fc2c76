"""A catalogue: a folder ``NAME.catena/`` holding the database and the object store.

``Catalogue.open`` checks the folder, upgrades the schema (after keeping a copy) and
hands out sessions. It holds no global state: callers pass the catalogue (or a
session from it) explicitly to every operation.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db import migrate
from db.audit import default_actor
from db.backup import BackupError, backup_due, database_health, newest_verified, rotate_backup
from db.engine import make_engine, writer
from db.location import location_warnings
from db.objects import FolderObjectStore
from db.search import index as search_index

DATABASE_NAME = "catalogue.sqlite"
OBJECTS_DIR = "objects"
BACKUPS_DIR = "backups"
MARKER_NAME = "CATENA"
FULL_CHECK_LIMIT = 32 * 1024 * 1024
"""Bytes up to which every open runs ``quick_check``, which reads the whole file: at
this size about 0.1 s warm, 0.5 s from a cold disk. (At 256 MB a 10,000-document
catalogue took 3.4 s to open cold.) Larger files are checked fully by the daily
backup and ``catena verify``."""
MARKER_TEXT = (
    "This folder is a Catena catalogue. Do not edit, move or delete files inside it by hand;\n"
    "originals are under objects/, named by their SHA-256.\n"
)


class CatalogueError(Exception):
    """A catalogue cannot be opened or created; the message says why, for the user."""


@dataclass(frozen=True)
class OpenReport:
    created: bool
    migrated_from: str | None
    schema: str
    backup: Path | None
    warnings: tuple[str, ...] = ()


def _backup_if_due(database: Path, backups: Path) -> Path | None:
    if not backup_due(backups):
        return None
    return rotate_backup(database, backups)


class Catalogue:
    """An open catalogue. Use ``Catalogue.open(path)``; close it when done."""

    def __init__(self, path: Path, engine: Engine, report: OpenReport, actor: str) -> None:
        self.path = path
        self.engine = engine
        self.objects = FolderObjectStore(path / OBJECTS_DIR)
        self.report = report
        self.actor = actor
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(writer(engine), expire_on_commit=False)
        search_index.install(self._reader)
        search_index.install(self._writer)

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(".catena")

    @property
    def database(self) -> Path:
        return self.path / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.path / BACKUPS_DIR

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        actor: str | None = None,
        daily_backup: bool = True,
    ) -> Catalogue:
        """Open the catalogue at *path*; with *create*, make it if it does not exist.

        An existing database gets SQLite's quick check first: a damaged catalogue is
        not opened (and not migrated); the message names the newest verified backup.
        """
        folder = Path(path).expanduser()
        database = folder / DATABASE_NAME
        created = False
        if not database.exists():
            if not create:
                if folder.exists() and any(folder.iterdir()):
                    raise CatalogueError(f"{folder} is not a Catena catalogue (no {DATABASE_NAME})")
                raise CatalogueError(
                    f"no catalogue at {folder}; create one with: catena init {folder}"
                )
            if folder.exists() and not folder.is_dir():
                raise CatalogueError(f"{folder} exists and is not a folder")
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
                rescue = newest_verified(folder / BACKUPS_DIR)
                advice = (
                    f"The newest verified backup is {rescue}; restore it with: "
                    f"catena restore {rescue} --catalogue {folder}"
                    if rescue
                    else "No verified backup was found in its backups folder."
                )
                raise CatalogueError(
                    f"the catalogue database at {database} failed its check ({health}). " + advice
                )
        engine = make_engine(database)
        try:
            result = migrate.upgrade(engine, database=database, backups=folder / BACKUPS_DIR)
        except migrate.MigrationError as exc:
            engine.dispose()
            raise CatalogueError(str(exc)) from exc
        except Exception as exc:
            engine.dispose()
            raise CatalogueError(f"cannot open the catalogue at {folder}: {exc}") from exc
        warnings = list(location_warnings(folder))
        if daily_backup:
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
        )
        return cls(folder, engine, report, actor or default_actor())

    def backup_if_due(self) -> Path | None:
        """Take the daily backup if the newest is a day old or there is none; returns
        the new backup's path, or None when none was due. Raises ``BackupError``.

        The window opens with ``daily_backup=False`` and calls this on a worker thread
        once it is showing: at 100,000 documents the copy and its check take seconds,
        which the person should not spend looking at nothing. The copy is made through
        SQLite's backup API on its own connection, so work in the window goes on.
        """
        return _backup_if_due(self.database, self.backups)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work. Closing the session ends (rolls back) its
        transaction; loaded objects stay readable afterwards, detached."""
        with self._reader() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction: commits if the block succeeds, rolls back if it raises."""
        with self._writer() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
