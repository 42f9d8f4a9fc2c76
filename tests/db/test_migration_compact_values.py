"""Migration 0017: a 0016 catalogue's texts, UUIDs, timestamps and band keys are
rewritten compactly (and back on the way down), every value reading the same through
the models before and after, fixity intact; an upgrade ends compacted, and from then
on a close gives free pages back to the disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.catalogue import Catalogue
from db.engine import make_engine
from db.fingerprints import fingerprint
from db.migrate import downgrade, upgrade
from db.models import Blob, DateTag, Document, DocumentBand, Event, Figure, Mention
from db.text_fixity import verify_texts
from tests.db.test_column_types import TEXT, _document

pytestmark = pytest.mark.sqlite_only("migration 0017 rewrites SQLite's stored values only")

COLUMNS = {
    "documents": ("uid", "text", "imported_at", "updated_at"),
    "mentions": ("uid", "created_at", "updated_at"),
    "events": ("uid", "at"),
    "blobs": ("stored_at",),
    "document_bands": ("band",),
}


def _raw(database: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(database)
    try:
        return {
            table: sorted(
                conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr
            )
            for table, columns in COLUMNS.items()
        }
    finally:
        conn.close()


def _read(catalogue: Catalogue) -> dict[str, list[tuple[object, ...]]]:
    """Every value of the converted columns, as the models read them."""
    models = {
        "documents": Document,
        "mentions": Mention,
        "events": Event,
        "blobs": Blob,
        "document_bands": DocumentBand,
    }
    with catalogue.reading() as session:
        return {
            table: sorted(
                (
                    tuple(getattr(row, c) for c in COLUMNS[table])
                    for row in session.execute(select(model)).scalars()
                ),
                key=repr,
            )
            for table, model in models.items()
        }


def _at_0016(tmp_path: Path) -> tuple[Path, dict[str, list[tuple[object, ...]]]]:
    """A catalogue with a document, a tag, bands and events, stepped back to 0016."""
    folder = tmp_path / "C.catena"
    catalogue = Catalogue.open(folder, create=True, actor="tester", daily_backup=False)
    _document(catalogue)
    with catalogue.writing() as session:  # a value in another form, kept as it is
        session.execute(text("UPDATE events SET at = '2026-12-04 10:00' WHERE id = 1"))
    values = _read(catalogue)
    catalogue.close()
    engine = make_engine(folder / "catalogue.sqlite")
    downgrade(engine, target="0016")
    engine.dispose()
    return folder, values


def _but_bands(values: dict[str, list[tuple[object, ...]]]) -> dict[str, list[tuple[object, ...]]]:
    return {table: rows for table, rows in values.items() if table != "document_bands"}


def test_0016_holds_plain_text_and_0017_compacts_it(tmp_path: Path) -> None:
    folder, values = _at_0016(tmp_path)
    database = folder / "catalogue.sqlite"
    old = _raw(database)
    assert all(isinstance(v, str) for rows in old.values() for row in rows for v in row)
    assert old["documents"][0][1] == TEXT  # the text itself, as 0016 stored it
    # Every value as 0016 stored it is what the models read (but the band keys, which
    # 0018 recomputes from the text both ways: checked below).
    assert _but_bands(old) == _but_bands(values)

    catalogue = Catalogue.open(folder, actor="tester", daily_backup=False)
    try:
        read = _read(catalogue)
        assert _but_bands(read) == _but_bands(values)
        print_ = fingerprint(TEXT)
        assert print_ is not None
        assert read["document_bands"] == sorted(((band,) for band in print_.bands), key=repr)
        with catalogue.writing() as session:
            report = verify_texts(session, actor="tester")
        assert report.checked == 1 and report.problems == []
    finally:
        catalogue.close()
    new = _raw(database)
    kinds = {table: {type(v).__name__ for row in rows for v in row} for table, rows in new.items()}
    assert kinds == {
        "documents": {"bytes"},
        "mentions": {"bytes"},
        "events": {"bytes", "str"},  # the one timestamp in another form stays text
        "blobs": {"bytes"},
        "document_bands": {"bytes"},
    }
    assert (folder / "backups").is_dir() and any((folder / "backups").iterdir())


def test_0017_goes_down_and_up_again_to_the_same_bytes(tmp_path: Path) -> None:
    folder, _values = _at_0016(tmp_path)
    database = folder / "catalogue.sqlite"
    at_0016 = _raw(database)
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b")
    at_0017 = _raw(database)
    downgrade(engine, target="0016")
    assert _raw(database) == at_0016
    upgrade(engine, database=database, backups=tmp_path / "b")
    assert _raw(database) == at_0017
    engine.dispose()


def test_an_upgrade_ends_compacted_and_a_close_releases_free_pages(tmp_path: Path) -> None:
    folder, _values = _at_0016(tmp_path)
    database = folder / "catalogue.sqlite"
    catalogue = Catalogue.open(folder, actor="tester", daily_backup=False)
    for number in range(20):
        _document(catalogue, f"{number} " + TEXT[::-1] * 3, tags=False)
    with catalogue.writing() as session:
        for document in session.execute(select(Document)).scalars():
            session.delete(document)
        for model in (DateTag, Figure, Mention):
            assert session.execute(select(model)).first() is None
    with catalogue.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA auto_vacuum").scalar() == 2
        assert (conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0) > 0
    catalogue.close()
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
