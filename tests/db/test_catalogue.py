"""Opening, creating and refusing catalogue folders; the connection settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from db.catalogue import Catalogue, CatalogueError
from db.migrate import head_revision


def test_create_makes_database_objects_and_marker(tmp_path: Path) -> None:
    with Catalogue.open(tmp_path / "New.catena", create=True) as catalogue:
        assert catalogue.report.created
        assert catalogue.report.schema == head_revision()
        assert catalogue.name == "New"
    assert (tmp_path / "New.catena" / "catalogue.sqlite").is_file()
    assert (tmp_path / "New.catena" / "objects").is_dir()
    assert "Catena catalogue" in (tmp_path / "New.catena" / "CATENA").read_text()


@pytest.mark.sqlite_only("SQLite's per-connection pragmas")
def test_every_connection_has_the_safety_pragmas(catalogue: Catalogue) -> None:
    with catalogue.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_missing_catalogue_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="catena init"):
        Catalogue.open(tmp_path / "absent.catena")


def test_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CatalogueError, match="not a Catena catalogue"):
        Catalogue.open(tmp_path)
    with pytest.raises(CatalogueError, match="already holds other files"):
        Catalogue.open(tmp_path, create=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_file_where_the_catalogue_should_be_is_refused_in_one_line(tmp_path: Path) -> None:
    """A catalogue is a folder: a file given instead (a database copied out, a typo)
    is named as such, to open or to create, and left as it was."""
    stray = tmp_path / "Clippings.catena"
    stray.write_text("not a catalogue\n")
    for create in (False, True):
        with pytest.raises(CatalogueError, match="is a file, not a Catena catalogue") as caught:
            Catalogue.open(stray, create=create)
        assert "\n" not in str(caught.value)
    assert stray.read_text() == "not a catalogue\n"


def test_the_database_file_given_for_its_catalogue_names_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Clippings.catena"
    Catalogue.open(folder, create=True, daily_backup=False).close()
    database = next(path for path in folder.iterdir() if path.suffix == ".sqlite")
    with pytest.raises(CatalogueError, match="database inside a catalogue") as caught:
        Catalogue.open(database)
    assert str(caught.value).endswith(f"give its folder, {folder}")


def test_reopening_keeps_data_and_takes_no_backup(catalogue_path: Path) -> None:
    from db.documents import count_documents

    with Catalogue.open(catalogue_path) as catalogue:
        assert catalogue.report.backup is None
        assert not catalogue.report.created
        with catalogue.reading() as session:
            assert count_documents(session) == 0


def test_write_block_rolls_back_on_error(catalogue: Catalogue) -> None:
    from db.models import Keyword

    with pytest.raises(RuntimeError), catalogue.writing() as session:
        session.add(Keyword(name="kept?"))
        session.flush()
        raise RuntimeError("boom")
    with catalogue.reading() as session:
        assert session.query(Keyword).count() == 0


@pytest.mark.sqlite_only("SQLite's quick_check of the file on open")
def test_large_catalogues_get_a_light_check_on_open(
    catalogue_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.catalogue as module

    seen: list[bool] = []
    real = module.database_health

    def spy(database: Path, *, thorough: bool = True):  # type: ignore[no-untyped-def]
        seen.append(thorough)
        return real(database, thorough=thorough)

    monkeypatch.setattr(module, "database_health", spy)
    Catalogue.open(catalogue_path).close()
    monkeypatch.setattr(module, "FULL_CHECK_LIMIT", 0)
    Catalogue.open(catalogue_path).close()
    assert seen == [True, False]
