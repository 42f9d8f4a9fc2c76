"""Migration drill: a catalogue made by the previous schema revision, full of records,
opened by this version.

The upgrade must take a verified backup first (holding exactly the old records), keep
every row of every table unchanged, leave the audit chain verifying and the search
index complete; and a migration that cannot complete must leave the catalogue at its
old revision, untouched, with one clear line.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory

from db import audit, migrate
from db.backup import verify_backup
from db.catalogue import MARKER_NAME, MARKER_TEXT, Catalogue, CatalogueError
from db.engine import make_engine
from db.fingerprints import fingerprint
from db.objects import FolderObjectStore
from tests.reliability.helpers import assert_healthy, fts_check

NOW = "2025-05-04T10:00:00.000000+00:00"


def _previous_revision() -> str:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    down = script.get_revision(migrate.head_revision()).down_revision
    assert isinstance(down, str), "the head must have exactly one previous revision"
    return down


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f'PRAGMA table_info("{table}")'))


def _insert(conn: sqlite3.Connection, table: str, **values: Any) -> int:
    """Insert through raw SQL, checking every NOT NULL column without a default is
    given (so the drill keeps up with the schema it was written against)."""
    columns = {row[1]: row for row in conn.execute(f'PRAGMA table_info("{table}")')}
    required = {name for name, row in columns.items() if row[3] and row[4] is None and not row[5]}
    missing = required - set(values)
    assert not missing, f"{table} needs {sorted(missing)}"
    known = {k: v for k, v in values.items() if k in columns}
    encoded = [json.dumps(v) if isinstance(v, list | dict) else v for v in known.values()]
    cursor = conn.execute(
        f'INSERT INTO "{table}" ({", ".join(known)}) VALUES ({", ".join("?" * len(known))})',
        encoded,
    )
    return int(cursor.lastrowid or 0)


def _event(conn: sqlite3.Connection, prev: str, n: int, action: str, target: str | None) -> str:
    uid, detail = f"00000000-0000-4000-8000-{n:012d}", {"n": n, "note": "made before"}
    digest = audit.event_digest(prev, uid, NOW, "archivist", action, target, "success", detail)
    _insert(
        conn,
        "events",
        uid=uid,
        at=NOW,
        actor="archivist",
        action=action,
        target=target,
        outcome="success",
        detail=detail,
        prev_hash=prev,
        hash=digest,
    )
    return digest


def _old_catalogue(folder: Path, revision: str) -> None:
    """A catalogue at *revision* with realistic rows in every table, by raw SQL."""
    folder.mkdir(parents=True)
    (folder / "objects").mkdir()
    (folder / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8")
    database = folder / "catalogue.sqlite"
    engine = make_engine(database)
    migrate.upgrade(engine, database=database, backups=folder / "backups", target=revision)
    engine.dispose()
    store = FolderObjectStore(folder / "objects")
    texts = [
        "HARBOUR TOWN, 14 March 2021 — About 240 residents left the lower town, said "
        'Maria Lindqvist, a nurse.\n\n"We counted 31 boats," Oskar Nilsson told reporters.\n',
        "From the council: the count of 31 boats is confirmed. Signed, Oskar Nilsson.\n",
        "Attachment: list of boats, 31 in all.\n",
    ]
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA foreign_keys = ON")
    shas = []
    for text in texts:
        sha = store.put(text.encode())
        shas.append(sha)
        _insert(
            conn,
            "blobs",
            sha256=sha,
            size=len(text.encode()),
            media_type="text/plain",
            stored_at=NOW,
        )
    image_sha, thumb_sha = store.put(b"\x89PNG fake image bytes"), store.put(b"thumb")
    for sha, size in ((image_sha, 21), (thumb_sha, 5)):
        _insert(conn, "blobs", sha256=sha, size=size, media_type="image/png", stored_at=NOW)
    common = dict(
        media_type="text/plain",
        imported_at=NOW,
        updated_at=NOW,
        title_devised=0,
        authors=[],
        recipients=[],
        guessed=[],
        flags=[],
        page_starts=[],
        set_aside=[],
    )
    doc_ids = []
    for number, (text, sha) in enumerate(zip(texts, shas, strict=True), start=1):
        values = dict(common)
        values.update(
            ref=f"CAT-{number:06d}",
            uid=f"10000000-0000-4000-8000-{number:012d}",
            text=text,
            original_sha256=sha,
            original_filename=f"source-{number}.txt",
            title=["Residents leave the lower town", None, None][number - 1],
            publisher="Harbour Gazette" if number == 1 else None,
            authors=["Ana Ruiz"] if number == 1 else [],
            published="2021-03-14",
            published_lower="2021-03-14",
            published_upper="2021-03-14",
            guessed=["published"],
            notes="checked against the print edition",
            translated_title="Los vecinos dejan la ciudad baja" if number == 1 else None,
            parent_id=doc_ids[1] if number == 3 else None,
            language="en",
        )
        # Near-duplicate data as that revision's import wrote it, where it has the columns
        # (an upgrade must keep it, or recompute it when its definition changed).
        print_ = fingerprint(text) if _has_column(conn, "documents", "fingerprint") else None
        if print_ is not None:
            values["fingerprint"] = print_.text_hash
        doc_ids.append(_insert(conn, "documents", **values))
        if print_ is not None and _has_column(conn, "document_bands", "band"):
            for band in sorted(set(print_.bands)):
                _insert(conn, "document_bands", document_id=doc_ids[-1], band=band)
    agent_ids = []
    for number, (name, variants) in enumerate(
        [
            ("Maria Lindqvist", ["Maria Lindqvist", "M. Lindqvist"]),
            ("Oskar Nilsson", ["Oskar Nilsson"]),
        ],
        start=1,
    ):
        agent_ids.append(
            _insert(
                conn,
                "agents",
                ref=f"PER-{number:06d}",
                kind="person",
                uid=f"20000000-0000-4000-8000-{number:012d}",
                preferred_name=name,
                created_at=NOW,
            )
        )
        for variant in variants:
            _insert(
                conn,
                "name_variants",
                agent_id=agent_ids[-1],
                name=variant,
                script="Latn",
                folded=variant.lower(),
            )
    span = dict(
        status="accepted", origin="suggested", created_at=NOW, updated_at=NOW, prefix="", suffix=""
    )
    first = texts[0]
    for number, (name, agent) in enumerate(
        [("Maria Lindqvist", agent_ids[0]), ("Oskar Nilsson", agent_ids[1])], start=1
    ):
        start = first.index(name)
        _insert(
            conn,
            "mentions",
            uid=f"30000000-0000-4000-8000-{number:012d}",
            document_id=doc_ids[0],
            agent_id=agent,
            name=name,
            role="quoted",
            is_organisation=0,
            start=start,
            end=start + len(name),
            quote=name,
            **span,
        )
    start = first.index("14 March 2021")
    _insert(
        conn,
        "date_tags",
        uid="40000000-0000-4000-8000-000000000001",
        document_id=doc_ids[0],
        edtf="2021-03-14",
        lower="2021-03-14",
        upper="2021-03-14",
        what="residents left",
        certainty="certain",
        start=start,
        end=start + 13,
        quote="14 March 2021",
        **span,
    )
    whole = _insert(
        conn,
        "figures",
        uid="50000000-0000-4000-8000-000000000001",
        document_id=doc_ids[0],
        value=240.0,
        qualifier="about",
        counted="residents",
        category="people",
        start=first.index("About 240"),
        end=first.index("About 240") + 9,
        quote="About 240",
        **span,
    )
    _insert(
        conn,
        "figures",
        uid="50000000-0000-4000-8000-000000000002",
        document_id=doc_ids[0],
        value=31.0,
        qualifier="exact",
        counted="boats",
        category="boats",
        part_of_id=whole,
        start=first.index("31 boats"),
        end=first.index("31 boats") + 8,
        quote="31 boats",
        **span,
    )
    image = _insert(
        conn,
        "images",
        ref="IMG-000001",
        uid="60000000-0000-4000-8000-000000000001",
        sha256=image_sha,
        thumbnail_sha256=thumb_sha,
        original_filename="boats.png",
        width=640,
        height=480,
        format="PNG",
        exif={"Make": "Camera"},
        caption="Boats at the quay",
        credit="Maria Lindqvist",
        imported_at=NOW,
    )
    conn.execute("INSERT INTO document_images VALUES (?, ?)", (doc_ids[0], image))
    parent = _insert(
        conn, "collections", uid="70000000-0000-4000-8000-000000000001", name="Flood 2021"
    )
    child = _insert(
        conn,
        "collections",
        uid="70000000-0000-4000-8000-000000000002",
        name="Council",
        parent_id=parent,
    )
    conn.execute("INSERT INTO document_collections VALUES (?, ?)", (doc_ids[0], parent))
    conn.execute("INSERT INTO document_collections VALUES (?, ?)", (doc_ids[1], child))
    keyword = _insert(conn, "keywords", name="evacuation")
    conn.execute("INSERT INTO document_keywords VALUES (?, ?)", (doc_ids[0], keyword))
    _insert(conn, "saved_searches", name="Boats", query="boats")
    _insert(
        conn,
        "dossiers",
        uid="80000000-0000-4000-8000-000000000001",
        name="Flood dossier",
        definition={"title": "Flood", "refs": ["CAT-000001"]},
        created_at=NOW,
    )
    for prefix, value in (("CAT", 4), ("PER", 3), ("IMG", 2)):
        _insert(conn, "ref_counters", prefix=prefix, next_value=value)
    prev = audit.GENESIS
    for number, (action, target) in enumerate(
        [
            ("import", "CAT-000001"),
            ("import", "CAT-000002"),
            ("tag date", "CAT-000001"),
            ("merge people", "PER-000001"),
            ("dossier printed", None),
        ],
        start=1,
    ):
        prev = _event(conn, prev, number, action, target)
    conn.commit()
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    has_index = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone()
    conn.close()
    if has_index:
        # At a revision that already has the search index, the application would have
        # indexed these documents as it wrote them; raw SQL did not, so do it here.
        _index_like_the_application(database)


def _index_like_the_application(database: Path) -> None:
    from db.search import index_store

    engine = make_engine(database)
    try:
        with engine.begin() as connection:
            ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM documents")]
            contentless = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'search_index_rows'"
            ).first()
            if contentless:
                index_store.write(connection, ids)
            else:  # revisions 0004–0013: the index stored its own text
                index_store.fill_legacy(connection)
    finally:
        engine.dispose()


def _read_as_catena(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """*row* as Catena reads it: values its column types store compactly on SQLite
    (0017: compressed texts, 16-byte uids, 8-byte timestamps) given back as the text
    they stand for, so rows compare across the upgrade by what they hold."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.types import TypeDecorator

    from db.models import Base

    model = Base.metadata.tables.get(table)
    if model is None:
        return row
    dialect = sqlite_dialect.dialect()
    for column in model.columns:
        kind = column.type
        if column.name in row and isinstance(kind, TypeDecorator):
            row[column.name] = kind.process_result_value(row[column.name], dialect)
    return row


def _dump(database: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (but the search index, its rows and facet counts, all
    derived from the others, and alembic's), as dicts of what they hold."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = [
            name
            for (name, sql) in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type='table'"
            )
            if not name.startswith(("sqlite_", "search_index", "alembic_", "facet_counts"))
            and not (sql or "").upper().startswith("CREATE VIRTUAL")
        ]
        return {
            name: sorted(
                (
                    _read_as_catena(name, dict(row))
                    for row in conn.execute(f'SELECT * FROM "{name}"')
                ),
                key=lambda row: json.dumps(row, sort_keys=True, default=str),
            )
            for name in sorted(tables)
        }
    finally:
        conn.close()


#: Columns an upgrade may recompute from the records (0006 re-derives fingerprints).
DERIVED_COLUMNS = {"documents": {"fingerprint"}}


def _assert_fingerprints_match_the_texts(dump: dict[str, list[dict[str, Any]]]) -> None:
    """Near-duplicate data after an upgrade is what the import would compute now."""
    from db.fingerprints import fingerprint

    expected_bands = []
    for row in dump["documents"]:
        print_ = fingerprint(row["text"] or "")
        assert row["fingerprint"] == (print_.text_hash if print_ else None)
        if print_ is not None:
            expected_bands += [{"document_id": row["id"], "band": b} for b in set(print_.bands)]
    key = lambda row: (row["document_id"], row["band"])  # noqa: E731
    assert sorted(dump["document_bands"], key=key) == sorted(expected_bands, key=key)


def _revision_of(database: Path) -> str:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def test_previous_schema_catalogue_is_backed_up_then_upgraded_intact(tmp_path: Path) -> None:
    previous = _previous_revision()
    folder = tmp_path / "Old.catena"
    _old_catalogue(folder, previous)
    database = folder / "catalogue.sqlite"
    before = _dump(database)
    assert sum(len(rows) for rows in before.values()) > 30

    with Catalogue.open(folder, actor="tester") as catalogue:
        report = catalogue.report
        assert report.migrated_from == previous
        assert report.schema == migrate.head_revision()
        assert report.backup is not None and report.backup.is_file()
        assert verify_backup(report.backup) is None
        # Taken first: the backup holds exactly the old records at the old revision.
        assert _revision_of(report.backup) == previous
        assert _dump(report.backup) == before
        after = _dump(database)
        for table, rows in before.items():
            if table == "document_bands":
                continue  # derived from the texts: checked below
            old_columns = set(rows[0]) if rows else set()
            old_columns -= DERIVED_COLUMNS.get(table, set())
            projected = [{k: v for k, v in row.items() if k in old_columns} for row in after[table]]
            rows = [{k: v for k, v in row.items() if k in old_columns} for row in rows]
            assert projected == rows, f"rows of {table} changed in the upgrade"
        _assert_fingerprints_match_the_texts(after)
        assert _revision_of(database) == migrate.head_revision()
        with catalogue.reading() as session:
            chain = audit.verify_chain(session)
            assert chain.ok and chain.events == 5
            check = fts_check()
            if check is not None:
                assert check(session, deep=True) == []
        assert_healthy(catalogue)
    with Catalogue.open(folder, actor="tester") as again:  # no second migration or backup
        assert again.report.backup is None and again.report.migrated_from is None


def test_a_migration_that_cannot_complete_leaves_the_old_catalogue_untouched(
    tmp_path: Path,
) -> None:
    previous = _previous_revision()
    folder = tmp_path / "Broken.catena"
    _old_catalogue(folder, previous)
    database = folder / "catalogue.sqlite"
    conn = sqlite3.connect(database)  # a dangling reference the upgrade must not bless
    conn.execute("INSERT INTO document_keywords (document_id, keyword_id) VALUES (999, 1)")
    conn.commit()
    conn.close()
    before = _dump(database)
    with pytest.raises(CatalogueError) as refused:
        Catalogue.open(folder, actor="tester")
    message = str(refused.value)
    assert "\n" not in message and "Traceback" not in message
    assert _revision_of(database) == previous
    assert _dump(database) == before
    backups = sorted((folder / "backups").glob("before-migration-*.sqlite"))
    assert len(backups) == 1 and verify_backup(backups[0]) is None
    assert _dump(backups[0]) == before
