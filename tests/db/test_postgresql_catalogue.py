"""A catalogue on a PostgreSQL server: made, opened, migrated and audited there.

Each test makes its own scratch database on the server named by
``CATENA_TEST_POSTGRES`` (tests/pg_catalogues.py) and drops it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select, text

from db.audit import record, verify_chain
from db.base import Base
from db.catalogue import Catalogue, CatalogueError, ReadOnlyCatalogue
from db.dialects import is_server_url
from db.location import catalogue_location
from db.migrate import RECORDED_HEAD, current_revision
from db.models import Event
from db.settings import AUDIT_HEAD, OBJECTS, read_setting
from tests.pg_catalogues import scratch_database

pytestmark = pytest.mark.own_database


@pytest.fixture
def database_url() -> Iterator[str]:
    with scratch_database("pgcore") as url:
        yield url


def test_init_records_the_object_store_and_every_open_reads_it(
    database_url: str, tmp_path: Path
) -> None:
    objects = tmp_path / "shared" / "originals"
    with pytest.raises(CatalogueError, match="cannot make the object store folder"):
        Catalogue.open(database_url, create=True, objects=str(objects))  # share not mounted
    objects.parent.mkdir()
    with Catalogue.open(database_url, create=True, objects=str(objects), actor="ana") as made:
        assert made.report.created and made.report.schema == RECORDED_HEAD
        assert made.on_server and made.folder is None
        with made.reading() as session:
            assert read_setting(session, OBJECTS) == str(objects.resolve())
    assert objects.is_dir()
    with Catalogue.open(database_url, actor="ben") as again:
        assert not again.report.created
        assert isinstance(again.objects.path("a" * 64), Path)
        assert again.objects.path("a" * 64).is_relative_to(objects.resolve())


def test_the_url_is_shown_without_its_password(database_url: str, tmp_path: Path) -> None:
    with_password = database_url.replace("root@", "root:hunter2@", 1)
    assert "hunter2" in with_password
    with Catalogue.open(with_password, create=True, objects=str(tmp_path)) as catalogue:
        assert "hunter2" not in catalogue.location and "***" in catalogue.location
        assert "hunter2" not in catalogue.read_only_refusal()
        # On a server, a refusal names the role's right, not read-only media.
        assert "your PostgreSQL role may only read it" in catalogue.read_only_refusal()


def test_a_new_server_catalogue_needs_its_object_store(database_url: str) -> None:
    with pytest.raises(CatalogueError, match="--objects"):
        Catalogue.open(database_url, create=True)
    engine = create_engine(database_url)
    assert current_revision(engine) is None  # nothing was made
    engine.dispose()


def test_an_empty_database_is_not_opened_without_create(database_url: str) -> None:
    with pytest.raises(CatalogueError, match="catena init"):
        Catalogue.open(database_url)


def test_a_database_holding_other_tables_is_refused(database_url: str, tmp_path: Path) -> None:
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer)"))
    engine.dispose()
    with pytest.raises(CatalogueError, match="not a Catena catalogue"):
        Catalogue.open(database_url, create=True, objects=str(tmp_path))


def test_another_object_store_for_an_existing_catalogue_is_refused(
    database_url: str, tmp_path: Path
) -> None:
    Catalogue.open(database_url, create=True, objects=str(tmp_path / "one")).close()
    with pytest.raises(CatalogueError, match="keeps its originals in"):
        Catalogue.open(database_url, create=True, objects=str(tmp_path / "two"))


def test_migrations_on_postgresql_match_the_models(database_url: str, tmp_path: Path) -> None:
    Catalogue.open(database_url, create=True, objects=str(tmp_path)).close()
    engine = create_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_the_audit_head_is_kept_in_the_database_and_a_cut_is_found(
    database_url: str, tmp_path: Path
) -> None:
    with Catalogue.open(database_url, create=True, objects=str(tmp_path)) as catalogue:
        for n in range(3):
            with catalogue.writing() as session:
                record(session, action="note", actor="ana", target=f"N{n}")
        with catalogue.reading() as session:
            report = verify_chain(session)
            assert report.ok and report.events == 3
            assert report.recorded == report.head
            assert "catalogue_settings.audit_head" in report.describe()
            assert read_setting(session, AUDIT_HEAD) is not None
        with catalogue.engine.begin() as conn:  # the owner cuts the newest event off
            last = conn.execute(select(Event.id).order_by(Event.id.desc()).limit(1)).scalar()
            conn.execute(Event.__table__.delete().where(Event.id == last))  # type: ignore[attr-defined]
        with catalogue.reading() as session:
            cut = verify_chain(session)
    assert not cut.ok and "CUT OFF" in cut.describe()


def test_a_typed_location_is_a_url_or_a_folder() -> None:
    url = "postgresql://archive.example/khojaly"
    assert catalogue_location(url) == url and is_server_url(url)
    assert catalogue_location("~/K.catena") == Path("~/K.catena").expanduser()
    assert not is_server_url(Path("postgresql:/x"))


def test_a_catalogue_from_a_newer_catena_is_refused_unchanged(
    database_url: str, tmp_path: Path
) -> None:
    Catalogue.open(database_url, create=True, objects=str(tmp_path)).close()
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(CatalogueError, match="newer version of Catena"):
        Catalogue.open(database_url)
    assert current_revision(engine) == "9999"
    engine.dispose()


def test_catena_init_and_backup_on_a_server(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.launch.entry import main

    share = tmp_path / "share"
    assert main(["init", database_url]) == 2  # no --objects: one line, nothing made
    assert "--objects" in capsys.readouterr().err
    assert main(["init", database_url, "--objects", str(share)]) == 0
    assert "Created catalogue" in capsys.readouterr().out
    assert main(["backup", "-c", database_url]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--to FOLDER" in err
    assert main(["backup", "-c", database_url, "--to", str(tmp_path / "dumps")]) == 0
    out = capsys.readouterr().out
    assert f"the object store ({share})" in out
    assert [p.suffix for p in sorted((tmp_path / "dumps").iterdir())] == [".dump", ".json"]


def test_a_database_the_server_keeps_read_only_opens_read_only(
    database_url: str, tmp_path: Path
) -> None:
    """As a folder on read-only media does: reading works, a change is refused before
    it starts (a hot standby, or a database the owner set read-only)."""
    with Catalogue.open(database_url, create=True, objects=str(tmp_path), actor="ana") as made:
        assert not made.read_only
    name = database_url.rsplit("/", 1)[1].split("?", 1)[0]
    admin = create_engine(database_url.replace(f"/{name}", "/postgres", 1))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    admin.dispose()
    with Catalogue.open(database_url, actor="ben") as shared:
        assert shared.read_only and shared.report.read_only
        with shared.reading() as session:
            assert read_setting(session, OBJECTS) == str(tmp_path.resolve())
        with pytest.raises(ReadOnlyCatalogue, match="read-only"), shared.writing():
            pass
