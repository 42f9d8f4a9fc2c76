"""The whole-catalogue archive: export, import into an empty catalogue, compare everything.

The comparison reads both SQLite files directly (not through the exporter's code):
every column of every table, with integer ids replaced by the UUID, name or hash of
the row they point at, plus the search index and every stored object's hash.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

from db import audit
from db.base import Base
from db.catalogue import Catalogue
from desktop.exchange import ExchangeError, Selection, export, import_archive
from desktop.exchange.archive import ARCHIVED_TABLES, MANIFEST, catalogue_is_empty
from desktop.exchange.archive_schema import NOT_ARCHIVED
from desktop.launch.entry import main
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)

NAMED_BY = {"keywords": "name", "saved_searches": "name", "blobs": "sha256"}


def snapshot(database: Path) -> dict[str, Any]:
    """Every row of every table, ids replaced by stable keys; events in order."""
    con = sqlite3.connect(database)
    try:
        tables = [
            name
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not name.startswith(("sqlite_", "search_index", "facet_counts"))
            and name != "alembic_version"
        ]
        columns = {t: [r[1] for r in con.execute(f"PRAGMA table_info('{t}')")] for t in tables}
        keys: dict[str, dict[int, Any]] = {}
        for table in tables:
            key = "uid" if "uid" in columns[table] else NAMED_BY.get(table)
            if key and "id" in columns[table]:
                keys[table] = dict(con.execute(f"SELECT id, {key} FROM {table}"))
        result: dict[str, Any] = {}
        for table in tables:
            fks = {
                row[3]: row[2]
                for row in con.execute(f"PRAGMA foreign_key_list('{table}')")
                if row[4] == "id"
            }
            # tables without an id (link tables, bands) are sorted below; some have no rowid
            order = "id" if "id" in columns[table] else "1"
            rows = []
            for values in con.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                row = []
                for name, value in zip(columns[table], values, strict=True):
                    if name == "id" and table in keys:
                        continue
                    if name == "id":
                        continue  # name_variants: an internal id nothing points at
                    if name in fks and value is not None:
                        value = ("→", fks[name], keys[fks[name]][value])
                    row.append((name, value))
                rows.append(tuple(row))
            result[table] = rows if table == "events" else sorted(rows, key=repr)
        documents = keys["documents"]
        result["search_index"] = sorted(  # what each row was made from (no text is kept)
            (documents[rowid], *rest)
            for rowid, *rest in con.execute(
                "SELECT id, title, people, extra, body_sha256, facets FROM search_index_rows"
            )
        )
        result["facet_counts"] = sorted(con.execute("SELECT * FROM facet_counts"))
        return result
    finally:
        con.close()


def objects_of(folder: Path) -> dict[str, str]:
    found = {}
    for path in (folder / "objects").glob("??/*"):
        found[path.parent.name + path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_every_table_is_archived() -> None:
    assert set(ARCHIVED_TABLES) == set(Base.metadata.tables) - set(NOT_ARCHIVED)


@pytest.mark.parametrize("name", ["archive", "archive.zip"])
def test_round_trip_reproduces_every_record_and_object(
    rich: Catalogue, tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    result = export(rich, format="catena-archive", selection=None, output=out)
    assert result.counts["documents"] == 7 and result.counts["objects"] == len(
        objects_of(rich.path)
    )
    before = snapshot(rich.database)
    rich.close()

    target = tmp_path / "Copy.catena"
    with Catalogue.open(target, create=True, actor="importer") as copy:
        report = import_archive(copy, out)
        assert report.counts["documents"] == 7 and report.objects == result.counts["objects"]
        with copy.reading() as session:
            chain = audit.verify_chain(session)
        assert chain.ok
    after = snapshot(target / "catalogue.sqlite")

    assert set(after) == set(before)
    for table in before:
        if table == "events":
            continue
        assert after[table] == before[table], table
    # The source records the export itself after the archive is written, so the
    # archive holds every event up to (not including) that one.
    assert dict(before["events"][-1])["action"] == "export"
    assert after["events"][:-1] == before["events"][:-1]
    last = dict(after["events"][-1])
    assert last["action"] == "import archive" and last["actor"] == "importer"
    assert len(before["documents"]) == 7 and len(before["mentions"]) > 10
    assert before["document_images"] and before["document_keywords"] and before["figures"]

    source_objects, copied = objects_of(rich.path), objects_of(target)
    assert copied == source_objects
    assert all(name == digest for name, digest in copied.items())


def test_manifest_describes_the_archive(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "a.zip"
    export(rich, format="catena-archive", selection=None, output=out)
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        assert manifest["format"] == "catena-archive" and manifest["version"] == 1
        assert set(manifest["tables"]) == set(ARCHIVED_TABLES)
        for info in manifest["tables"].values():
            data = archive.read(info["file"])
            assert hashlib.sha256(data).hexdigest() == info["sha256"]
            assert len(json.loads(data)) == info["rows"]
        for item in manifest["objects"]:
            data = archive.read(item["path"])
            assert hashlib.sha256(data).hexdigest() == item["sha256"] and len(data) == item["size"]
        documents = json.loads(archive.read("records/documents.json"))
    assert "id" not in documents[0] and "parent" in documents[0]
    by_ref = {d["ref"]: d for d in documents}
    assert by_ref["CAT-000004"]["parent"] == by_ref["CAT-000003"]["uid"]
    assert by_ref["CAT-000007"]["original_sha256"] is None


def test_a_folder_archive_zipped_by_hand_imports(rich: Catalogue, tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "made" / "archive"
    export(rich, format="catena-archive", selection=None, output=out)
    zipped = Path(shutil.make_archive(str(tmp_path / "by-hand"), "zip", out.parent, "archive"))
    with Catalogue.open(tmp_path / "Z.catena", create=True, actor="i") as copy:
        report = import_archive(copy, zipped)
    assert report.counts["documents"] == 7 and not report.warnings


def test_import_refuses_a_catalogue_that_is_not_empty(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "archive"
    export(rich, format="catena-archive", selection=None, output=out)
    before = snapshot(rich.database)
    with pytest.raises(ExchangeError, match=r"is not empty \(7 documents"):
        import_archive(rich, out)
    assert snapshot(rich.database) == before


def test_a_damaged_archive_imports_nothing(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "archive"
    export(rich, format="catena-archive", selection=None, output=out)
    victim = next((out / "objects").glob("??/*"))
    victim.chmod(0o644)
    victim.write_bytes(victim.read_bytes() + b"!")
    target = tmp_path / "Empty.catena"
    with Catalogue.open(target, create=True, actor="importer") as copy:
        with pytest.raises(ExchangeError, match="damaged"):
            import_archive(copy, out)
        with copy.reading() as session:
            assert catalogue_is_empty(session) == {}
    assert objects_of(target) == {}


def test_an_edited_records_file_is_refused(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "archive"
    export(rich, format="catena-archive", selection=None, output=out)
    records = out / "records" / "figures.json"
    records.write_text(
        records.read_text(encoding="utf-8").replace('"accepted"', '"rejected"', 1), encoding="utf-8"
    )
    with Catalogue.open(tmp_path / "E.catena", create=True, actor="i") as copy:
        with pytest.raises(ExchangeError, match="does not match its checksum"):
            import_archive(copy, out)
        with copy.reading() as session:
            assert catalogue_is_empty(session) == {}


def test_archive_is_always_the_whole_catalogue(rich: Catalogue, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="whole catalogue"):
        export(
            rich,
            format="catena-archive",
            selection=Selection(refs=("CAT-000001",)),
            output=tmp_path / "a",
        )


def test_cli_export_and_import_archive(
    rich: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(rich.path)
    rich.close()
    archive = tmp_path / "all.zip"
    assert main(["export", "--format", "catena-archive", "-o", str(archive), "-c", source]) == 0
    assert "catena-archive: 7 documents" in capsys.readouterr().out
    target = tmp_path / "New.catena"
    assert main(["init", str(target)]) == 0
    assert main(["import-archive", str(archive), "-c", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Imported" in out and "7 documents" in out
    assert main(["import-archive", str(archive), "-c", str(target)]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert main(["list", "--json", "-c", str(target), "--trash"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["reference"] for d in listed] == [f"CAT-{n:06d}" for n in range(1, 8)]
    with Catalogue.open(target) as copy, copy.writing() as session:
        # New records continue the archived numbering instead of reusing a code.
        from db.refs import DOCUMENT_PREFIX, next_ref

        assert next_ref(session, DOCUMENT_PREFIX) == "CAT-000008"
