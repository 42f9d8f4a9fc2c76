"""Migrations: one head, up and down with data present, models match the scripts,
and an older catalogue is backed up before it is upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from db import migrate
from db.base import Base
from db.catalogue import Catalogue
from db.engine import make_engine
from db.migrate import alembic_config, current_revision, downgrade, head_revision, upgrade


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_exactly_one_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == [head_revision()]


def test_recorded_head_is_the_scripts_head() -> None:
    """Opening compares alembic_version with RECORDED_HEAD without Alembic; a new
    migration that forgets to move it would leave catalogues at the old schema."""
    assert head_revision() == migrate.RECORDED_HEAD


def test_models_match_migrations(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "c.sqlite")
    upgrade(engine, database=tmp_path / "c.sqlite", backups=tmp_path / "b")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def _seed_rows(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO blobs VALUES ('" + "a" * 64 + "', 3, 'text/plain', 'now')")
    conn.execute(
        "INSERT INTO documents (id, ref, uid, title, title_devised, authors, recipients, text,"
        " media_type, guessed, flags, page_starts, set_aside, original_sha256, imported_at,"
        " updated_at) VALUES (1, 'CAT-000001', 'u1', 'T', 0, '[]', '[]', 'abc', 'text/plain',"
        " '[]', '[]', '[]', '[]', '" + "a" * 64 + "', 'now', 'now')"
    )
    conn.execute(
        'INSERT INTO date_tags (uid, document_id, start, "end", quote, prefix, suffix, status,'
        " origin, created_at, updated_at, edtf, certainty) VALUES ('d1', 1, 0, 3, 'abc', '', '',"
        " 'accepted', 'manual', 'now', 'now', '1992', 'certain')"
    )
    conn.commit()


def _counts(database: Path) -> tuple[int, int]:
    conn = sqlite3.connect(database)
    try:
        return (
            conn.execute("SELECT count(*) FROM documents").fetchone()[0],
            conn.execute("SELECT count(*) FROM date_tags").fetchone()[0],
        )
    finally:
        conn.close()


def test_upgrade_downgrade_upgrade_keeps_rows(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    first, *later = _revisions()
    assert later, "this test needs at least two revisions"
    upgrade(engine, database=database, backups=tmp_path / "b", target=first)
    conn = sqlite3.connect(database)
    _seed_rows(conn)
    conn.close()
    upgrade(engine, database=database, backups=tmp_path / "b")
    assert current_revision(engine) == head_revision()
    assert _counts(database) == (1, 1)
    downgrade(engine, target=first)
    assert current_revision(engine) == first
    assert _counts(database) == (1, 1)  # batch table rebuilds must not cascade-delete
    upgrade(engine, database=database, backups=tmp_path / "b")
    assert current_revision(engine) == head_revision()
    assert _counts(database) == (1, 1)
    with engine.connect() as c:
        assert c.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_opening_an_older_catalogue_backs_it_up_first(tmp_path: Path) -> None:
    folder = tmp_path / "Old.catena"
    folder.mkdir()
    database = folder / "catalogue.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=folder / "backups", target=_revisions()[0])
    engine.dispose()
    conn = sqlite3.connect(database)
    _seed_rows(conn)
    conn.close()
    with Catalogue.open(folder) as catalogue:
        assert catalogue.report.migrated_from == _revisions()[0]
        backup = catalogue.report.backup
        assert backup is not None and backup.is_file()
    assert _counts(backup) == (1, 1)
    backup_conn = sqlite3.connect(backup)
    version = backup_conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    backup_conn.close()
    assert version == _revisions()[0]
    assert _counts(database) == (1, 1)


def test_a_pending_upgrade_is_known_before_opening(tmp_path: Path) -> None:
    from db.migrate import upgrade_pending

    folder = tmp_path / "Old.catena"
    folder.mkdir()
    database = folder / "catalogue.sqlite"
    assert not upgrade_pending(database)  # nothing there yet: a new catalogue
    engine = make_engine(database)
    upgrade(engine, database=database, backups=folder / "backups", target=_revisions()[-2])
    engine.dispose()
    before = database.read_bytes()
    assert upgrade_pending(database)
    assert database.read_bytes() == before  # asking changed nothing
    Catalogue.open(folder).close()
    assert not upgrade_pending(database)
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    assert not upgrade_pending(tmp_path / "junk.sqlite")


def test_0007_records_the_hash_of_every_existing_text_and_goes_back(tmp_path: Path) -> None:
    import hashlib

    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0006")
    conn = sqlite3.connect(database)
    _seed_rows(conn)  # document 1, text 'abc', with a date tag
    conn.execute(
        "INSERT INTO documents (id, ref, uid, title, title_devised, authors, recipients, text,"
        " media_type, guessed, flags, page_starts, set_aside, imported_at, updated_at)"
        " VALUES (2, 'CAT-000002', 'u2', 'Ş', 0, '[]', '[]', 'Xocalı şahidi', 'text/plain',"
        " '[]', '[]', '[]', '[]', 'now', 'now')"
    )
    conn.commit()
    conn.close()

    def hashes() -> list[tuple[int, str | None]]:
        with engine.connect() as c:
            return [tuple(r) for r in c.execute(text("SELECT id, text_sha256 FROM documents"))]

    upgrade(engine, database=database, backups=tmp_path / "b", target="0007")
    assert hashes() == [
        (1, hashlib.sha256(b"abc").hexdigest()),
        (2, hashlib.sha256("Xocalı şahidi".encode()).hexdigest()),
    ]
    downgrade(engine, target="0006")
    with engine.connect() as c:
        columns = {row[1] for row in c.execute(text("PRAGMA table_info(documents)"))}
        rows = c.execute(text("SELECT id, text FROM documents ORDER BY id")).all()
    assert "text_sha256" not in columns
    assert [tuple(r) for r in rows] == [(1, "abc"), (2, "Xocalı şahidi")]
    assert _counts(database) == (2, 1)
    upgrade(engine, database=database, backups=tmp_path / "b")
    assert hashes()[0] == (1, hashlib.sha256(b"abc").hexdigest())
    engine.dispose()


def test_0006_recomputes_fingerprints_and_bands_from_the_texts(tmp_path: Path) -> None:
    """Stale near-duplicate data from before 0006 is replaced by what the import
    computes now (the migration drill once checked this when 0006 was the head)."""
    from db.fingerprints import fingerprint

    body = "The dam above the town gave way at night and the water reached the square. " * 4
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0005")
    conn = sqlite3.connect(database)
    _seed_rows(conn)
    conn.execute("UPDATE documents SET text = ?, fingerprint = ? WHERE id = 1", (body, "f" * 64))
    conn.execute("INSERT INTO document_bands (document_id, band) VALUES (1, ?)", ("b" * 40,))
    conn.commit()
    conn.close()
    upgrade(engine, database=database, backups=tmp_path / "b", target="0006")
    expected = fingerprint(body)
    assert expected is not None
    with engine.connect() as c:
        stored = c.execute(text("SELECT fingerprint FROM documents WHERE id = 1")).scalar()
        bands = {row[0] for row in c.execute(text("SELECT band FROM document_bands"))}
    engine.dispose()
    assert stored == expected.text_hash
    assert bands == set(expected.bands)


def test_0008_event_records_go_up_down_and_up_with_data(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0007")
    conn = sqlite3.connect(database)
    _seed_rows(conn)
    conn.close()
    upgrade(engine, database=database, backups=tmp_path / "b", target="0008")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO event_records (id, ref, uid, preferred_name, edtf, lower, upper,"
                " created_at) VALUES (1, 'EVT-000001', 'e1', 'War', '1988/1994', '1988-01-01',"
                " '1994-12-31', 'now')"
            )
        )
        c.execute(
            text(
                "INSERT INTO event_record_names (event_record_id, name, script, folded)"
                " VALUES (1, 'War', 'Latn', 'war')"
            )
        )
        c.execute(text("UPDATE date_tags SET event_record_id = 1, role = 'event'"))
    downgrade(engine, target="0007")
    with engine.connect() as c:
        tables = {row[0] for row in c.execute(text("SELECT name FROM sqlite_master"))}
        date_columns = {row[1] for row in c.execute(text("PRAGMA table_info(date_tags)"))}
        figure_columns = {row[1] for row in c.execute(text("PRAGMA table_info(figures)"))}
    assert not {"event_records", "event_record_names"} & tables
    assert not {"event_record_id", "role"} & date_columns
    assert "event_record_id" not in figure_columns
    assert _counts(database) == (1, 1)
    upgrade(engine, database=database, backups=tmp_path / "b")
    with engine.connect() as c:
        row = c.execute(text("SELECT edtf, event_record_id, role FROM date_tags")).one()
        assert c.execute(text("SELECT count(*) FROM event_records")).scalar() == 0
        assert c.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    engine.dispose()
    assert tuple(row) == ("1992", None, None)


def test_0009_event_link_status_goes_up_down_and_up_with_data(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0007")
    conn = sqlite3.connect(database)
    _seed_rows(conn)
    conn.close()
    upgrade(engine, database=database, backups=tmp_path / "b", target="0008")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO event_records (id, ref, uid, preferred_name, created_at)"
                " VALUES (1, 'EVT-000001', 'e1', 'War', 'now')"
            )
        )
        c.execute(text("UPDATE date_tags SET event_record_id = 1, role = 'event'"))
    upgrade(engine, database=database, backups=tmp_path / "b", target="0009")
    with engine.connect() as c:
        # A link made before 0009 was made by a person: it is accepted.
        assert c.execute(text("SELECT event_link_status FROM date_tags")).scalar() == "accepted"
    with engine.begin() as c:
        c.execute(text("UPDATE date_tags SET event_link_status = 'suggested'"))
    downgrade(engine, target="0008")
    with engine.connect() as c:
        for table in ("date_tags", "figures"):
            columns = {row[1] for row in c.execute(text(f"PRAGMA table_info({table})"))}
            assert "event_link_status" not in columns
        kept = c.execute(text("SELECT event_record_id, role FROM date_tags")).one()
    assert tuple(kept) == (1, "event")
    assert _counts(database) == (1, 1)
    upgrade(engine, database=database, backups=tmp_path / "b")
    with engine.begin() as c:
        status = c.execute(text("SELECT event_link_status FROM date_tags")).scalar()
        assert c.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        sql = c.execute(text("SELECT sql FROM sqlite_master WHERE name = 'figures'")).scalar()
    engine.dispose()
    assert status == "accepted"
    assert "event_link_status IN ('suggested', 'accepted')" in str(sql)


def test_0011_provenance_columns_go_up_down_and_up_with_data(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0009")
    conn = sqlite3.connect(database)
    _seed_rows(conn)
    conn.close()
    upgrade(engine, database=database, backups=tmp_path / "b", target="0011")
    with engine.begin() as c:
        # A document from before 0011 has no provenance and no file guesses.
        row = c.execute(text("SELECT accessed, captured_by, file_guesses FROM documents")).one()
        assert tuple(row) == (None, None, "[]")
        c.execute(
            text(
                "UPDATE documents SET url = 'https://example.org/a', accessed = '2025-03-03',"
                " captured_by = 'Ana Lima', file_guesses = '[{\"field\": \"published\"}]'"
            )
        )
    downgrade(engine, target="0009")
    with engine.connect() as c:
        columns = {row[1] for row in c.execute(text("PRAGMA table_info(documents)"))}
        kept = c.execute(text("SELECT url, title FROM documents")).one()
    assert not columns & {"accessed", "captured_by", "file_guesses"}
    assert tuple(kept) == ("https://example.org/a", "T")
    assert _counts(database) == (1, 1)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0011")
    with engine.connect() as c:
        row = c.execute(text("SELECT accessed, file_guesses FROM documents")).one()
        assert c.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    engine.dispose()
    assert tuple(row) == (None, "[]")
