"""Odd folder names, restores that never rewind reference codes, newer schemas, and a
busy database that must not be reported as damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.backup import (
    SAFETY_PREFIX,
    database_health,
    list_backups,
    make_backup,
    restore_into,
    rotate_backup,
    verify_backup,
)
from db.catalogue import Catalogue, CatalogueError
from db.documents import NewDocument, add_document

FILE_BACKUPS = "restores a folder from its file backups; PostgreSQL restores with pg_restore"


def _add(catalogue: Catalogue, n: int) -> str:
    with catalogue.writing() as session:
        data = f"document {n}".encode()
        sha = catalogue.objects.put(data)
        return add_document(
            session,
            new=NewDocument(
                text=data.decode(),
                media_type="text/plain",
                original_sha256=sha,
                original_size=len(data),
                original_filename=f"{n}.txt",
            ),
            actor="t",
        ).ref


@pytest.mark.parametrize(
    "name", ["What?.catena", "Case #12.catena", "100%25 sure.catena", "Şəkibə & Co.catena"]
)
def test_folder_names_with_uri_characters(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    with Catalogue.open(folder, create=True) as catalogue:
        _add(catalogue, 1)
        backup = rotate_backup(catalogue.database, catalogue.backups)
        assert verify_backup(backup) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it
    with Catalogue.open(folder) as catalogue, catalogue.reading() as session:
        from db.documents import count_documents

        assert count_documents(session) == 1
    assert database_health(folder / "catalogue.sqlite").state == "ok"


@pytest.mark.sqlite_only(
    "restore of a folder from its file backups; PostgreSQL restores with pg_restore"
)
def test_restore_never_reuses_reference_codes(catalogue: Catalogue, tmp_path: Path) -> None:
    assert _add(catalogue, 0) == "CAT-000001"
    backup = make_backup(catalogue.database, tmp_path / "b", prefix="manual-")
    assert _add(catalogue, 1) == "CAT-000002"
    restore_into(backup, catalogue.database)
    assert _add(catalogue, 2) == "CAT-000003"


@pytest.mark.sqlite_only(
    "restore of a folder from its file backups; PostgreSQL restores with pg_restore"
)
def test_safety_copies_survive_rotation(catalogue: Catalogue) -> None:
    safety = make_backup(catalogue.database, catalogue.backups, prefix=SAFETY_PREFIX)
    for _ in range(4):
        rotate_backup(catalogue.database, catalogue.backups, keep=2)
    assert safety.exists()
    assert len(list_backups(catalogue.backups)) == 2


@pytest.mark.sqlite_only(
    "edits catalogue.sqlite and its backups folder; PostgreSQL: test_postgresql_catalogue"
)
def test_catalogue_from_a_newer_version_is_refused_unchanged(catalogue_path: Path) -> None:
    database = catalogue_path / "catalogue.sqlite"
    conn = sqlite3.connect(database)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = sorted(p.name for p in (catalogue_path / "backups").iterdir())
    with pytest.raises(CatalogueError, match="newer version of Catena"):
        Catalogue.open(catalogue_path)
    assert sorted(p.name for p in (catalogue_path / "backups").iterdir()) == before


@pytest.mark.sqlite_only("SQLite's file lock")
def test_a_locked_database_is_busy_not_damaged(catalogue_path: Path) -> None:
    holder = sqlite3.connect(catalogue_path / "catalogue.sqlite")
    holder.execute("PRAGMA journal_mode = DELETE")  # exclusive locks block readers
    holder.execute("BEGIN EXCLUSIVE")
    try:
        health = database_health(catalogue_path / "catalogue.sqlite")
        assert health.state in ("ok", "unavailable")
        assert health.state != "damaged"
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.sqlite_only(
    "restore of a folder from its file backups; PostgreSQL restores with pg_restore"
)
def test_restore_refuses_a_backup_from_another_catalogue(
    catalogue: Catalogue, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from desktop.launch.entry import main

    with Catalogue.open(tmp_path / "Other.catena", create=True) as other:
        _add(other, 42)
        foreign = make_backup(other.database, tmp_path / "foreign", prefix="manual-")
    path = str(catalogue.path)
    catalogue.close()
    assert main(["restore", str(foreign), "--dry-run", "-c", path]) == 2
    assert "does not hold" in capsys.readouterr().err
