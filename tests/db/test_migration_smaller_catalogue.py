"""Migration 0016: a tag's stored prefix and suffix become empty where the document's
text gives the same characters (the tag then reads them from the text), are kept where
the text has changed under them, and come back from the text on the way down; the
near-duplicate bands move to a (band, document) key without a rowid table, every row
kept, and both of their queries still use an index."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.engine import make_engine
from db.migrate import RECORDED_HEAD, downgrade, upgrade
from db.models import DateTag, Figure, Mention
from db.spans import anchor

BLOB = "a" * 64
TEXT = (
    "On 12 March 1987 the embankment failed below the old mill. At least 212 people were "
    "killed, among them 61 children, said Olga Tarasova of the district office in Halvern."
)


def _document(conn: sqlite3.Connection, doc_id: int, body: str) -> None:
    conn.execute(
        "INSERT INTO documents (id, ref, uid, title, title_devised, authors, recipients, text,"
        " media_type, guessed, flags, page_starts, set_aside, original_sha256, imported_at,"
        " updated_at) VALUES (?, ?, ?, 'T', 0, '[]', '[]', ?, 'text/plain', '[]', '[]', '[]',"
        " '[]', ?, 'now', 'now')",
        (doc_id, f"CAT-{doc_id:06d}", f"00000000-0000-4000-8000-{doc_id:012d}", body, BLOB),
    )


def _columns(quote: str, *, prefix: str | None = None) -> tuple[object, ...]:
    start = TEXT.index(quote)
    a = anchor(TEXT, start, start + len(quote))
    return a.start, a.end, a.quote, a.prefix if prefix is None else prefix, a.suffix


def _seed(database: Path) -> None:
    """Tags as 0014 wrote them (context stored), in a document past the first chunk of
    500 too; the figure's prefix disagrees with the text (changed by another program)."""
    conn = sqlite3.connect(database)
    conn.execute(f"INSERT INTO blobs VALUES ('{BLOB}', 3, 'text/plain', 'now')")
    for doc_id in range(1, 503):
        _document(conn, doc_id, TEXT if doc_id in (1, 502) else "abc")
    span = 'start, "end", quote, prefix, suffix, status, origin, created_at, updated_at'
    tail = "'suggested', 'suggested', 'now', 'now'"
    for doc_id in (1, 502):
        conn.execute(
            f"INSERT INTO date_tags (uid, document_id, {span}, edtf, certainty)"
            f" VALUES (?, ?, ?, ?, ?, ?, ?, {tail}, '1987-03-12', 'certain')",
            (f"d{doc_id}", doc_id, *_columns("12 March 1987")),
        )
        conn.execute(
            f"INSERT INTO mentions (uid, document_id, {span}, name, role, is_organisation)"
            f" VALUES (?, ?, ?, ?, ?, ?, ?, {tail}, 'Olga Tarasova', 'quoted', 0)",
            (f"m{doc_id}", doc_id, *_columns("Olga Tarasova")),
        )
    conn.execute(
        f"INSERT INTO figures (uid, document_id, {span}, value, qualifier, counted)"
        f" VALUES ('f1', 1, ?, ?, ?, ?, ?, {tail}, 212, 'at least', 'people killed')",
        _columns("212", prefix="as the text once was "),
    )
    conn.executemany(
        "INSERT INTO document_bands (document_id, band) VALUES (?, ?)",
        [(doc_id, f"{band:02d}:{doc_id % 7:016x}") for doc_id in (1, 2, 502) for band in range(16)],
    )
    conn.commit()
    conn.close()


def _bands(database: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(database)
    try:
        return sorted(conn.execute("SELECT document_id, band FROM document_bands"))
    finally:
        conn.close()


def _plans(database: Path) -> tuple[str, str]:
    """How SQLite finds candidates sharing bands, and a document's bands to delete."""
    conn = sqlite3.connect(database)
    try:
        lookup = conn.execute(
            "EXPLAIN QUERY PLAN SELECT document_id FROM document_bands WHERE band IN (?, ?)"
            " GROUP BY document_id",
            ("00:0", "01:0"),
        ).fetchall()
        delete = conn.execute(
            "EXPLAIN QUERY PLAN DELETE FROM document_bands WHERE document_id = ?", (1,)
        ).fetchall()
        return " ".join(row[-1] for row in lookup), " ".join(row[-1] for row in delete)
    finally:
        conn.close()


def _quick_check(database: Path) -> str:
    conn = sqlite3.connect(database)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        conn.close()


def _stored(database: Path) -> dict[str, tuple[str, str]]:
    conn = sqlite3.connect(database)
    try:
        return {
            uid: (prefix, suffix)
            for table in ("date_tags", "figures", "mentions")
            for uid, prefix, suffix in conn.execute(f"SELECT uid, prefix, suffix FROM {table}")
        }
    finally:
        conn.close()


def test_0016_stores_only_context_the_text_does_not_give(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0015")
    _seed(database)
    before, bands = _stored(database), _bands(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0016")
    after = _stored(database)
    for uid in ("d1", "m1", "d502", "m502"):
        assert after[uid] == ("", "")
    assert after["f1"] == ("as the text once was ", "")
    assert _bands(database) == bands and len(bands) == 48
    lookup, delete = _plans(database)
    assert "USING PRIMARY KEY (band=?)" in lookup
    assert "USING COVERING INDEX ix_document_bands_document_id (document_id=?)" in delete
    assert _quick_check(database) == "ok"
    downgrade(engine, target="0015")
    assert _stored(database) == before
    assert _bands(database) == bands
    assert "ix_document_bands_band" in _plans(database)[0]
    upgrade(engine, database=database, backups=tmp_path / "b", target="0016")  # (0017: bytes)
    assert _bands(database) == bands
    engine.dispose()


def test_tags_read_their_context_from_the_text_after_0016(tmp_path: Path) -> None:
    folder = tmp_path / "Old.catena"
    folder.mkdir()
    database = folder / "catalogue.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0015")
    engine.dispose()
    _seed(database)
    catalogue = Catalogue.open(folder, daily_backup=False)
    try:
        with catalogue.reading() as session:
            date = session.scalars(select(DateTag).where(DateTag.uid == "d502")).one()
            mention = session.scalars(select(Mention).where(Mention.uid == "m1")).one()
            figure = session.scalars(select(Figure).where(Figure.uid == "f1")).one()
            assert (date.prefix, date.suffix) == _columns("12 March 1987")[3:]
            assert (mention.prefix, mention.suffix) == _columns("Olga Tarasova")[3:]
            assert figure.prefix == "as the text once was "
            assert figure.suffix == _columns("212")[4]
    finally:
        catalogue.close()


def test_0016_drops_only_indexes_no_query_needs(tmp_path: Path) -> None:
    """The queries those indexes could serve still find their rows by an index."""
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b")
    engine.dispose()
    conn = sqlite3.connect(database)
    try:
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert not {"ix_events_action", "ix_text_versions_document_id"} & indexes

        def plan(sql: str) -> str:
            return " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, (1,)))

        # desktop/dossier/scan_crops.py and db/ocr_texts.py, as they ask
        assert "INDEX ix_events_target" in plan(
            "SELECT id FROM events WHERE target = ? AND action = 'ocr'"
        )
        assert "INDEX sqlite_autoindex_text_versions_1 (document_id=?)" in plan(
            "SELECT max(number) FROM text_versions WHERE document_id = ?"
        )
        assert "INDEX sqlite_autoindex_text_versions_1 (document_id=?)" in plan(
            "DELETE FROM text_versions WHERE document_id = ?"
        )
    finally:
        conn.close()


def test_an_upgrade_across_0016_gives_the_freed_space_back(tmp_path: Path) -> None:
    """Emptied contexts and the rebuilt bands table leave free pages; the upgrade ends
    with a VACUUM, so the file holds none (SQLite would otherwise keep them)."""
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0015")
    _seed(database)
    upgrade(engine, database=database, backups=tmp_path / "b")
    engine.dispose()
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        # 0018 recomputed the 48 seeded keys from the texts: 16 for each of the two
        # documents long enough to judge.
        assert conn.execute("SELECT count(*) FROM document_bands").fetchone()[0] == 32
    finally:
        conn.close()
    assert sorted(p.name for p in (tmp_path / "b").iterdir())[0].startswith(
        "before-migration-0015-"
    )


def test_a_vacuum_without_room_leaves_the_upgraded_catalogue_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """VACUUM needs the file's size again on the disk; when it fails the upgrade has
    still happened and the catalogue opens."""
    real_connect = sqlite3.dbapi2.connect  # what SQLAlchemy's engine connects with

    class NoRoom(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if sql.strip().upper() == "VACUUM":
                raise sqlite3.OperationalError("database or disk is full")
            return super().execute(sql, *args)

    folder = tmp_path / "Old.catena"
    folder.mkdir()
    database = folder / "catalogue.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0015")
    engine.dispose()
    _seed(database)
    monkeypatch.setattr(
        sqlite3.dbapi2, "connect", lambda *a, **k: real_connect(*a, **{**k, "factory": NoRoom})
    )
    catalogue = Catalogue.open(folder, daily_backup=False)
    try:
        with catalogue.reading() as session:
            assert session.scalars(select(Mention.uid).order_by(Mention.uid)).all() == [
                "m1",
                "m502",
            ]
        with catalogue.engine.connect() as conn:  # not compacted (a close releases them)
            assert (conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0) > 0
    finally:
        catalogue.close()
    monkeypatch.undo()
    raw = sqlite3.connect(database)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (RECORDED_HEAD,)
        assert raw.execute("PRAGMA quick_check").fetchone() == ("ok",)
    finally:
        raw.close()
