"""Fixity, backups, damaged catalogues and location warnings."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.backup import (
    backup_due,
    list_backups,
    restore_into,
    rotate_backup,
    table_counts,
    verify_backup,
)
from db.catalogue import Catalogue, CatalogueError
from db.database_checks import database_findings
from db.documents import NewDocument, add_document
from db.integrity import FIXITY_FLAG, collect_garbage, verify_fixity
from db.location import location_warnings
from db.models import Document, Event


def _fill(catalogue: Catalogue, count: int) -> list[str]:
    shas = []
    with catalogue.writing() as session:
        for n in range(count):
            data = f"original number {n}\n".encode()
            sha = catalogue.objects.put(data)
            add_document(
                session,
                new=NewDocument(
                    text=data.decode(),
                    media_type="text/plain",
                    original_sha256=sha,
                    original_size=len(data),
                    original_filename=f"file{n:04d}.txt",
                ),
                actor="t",
            )
            shas.append(sha)
    return shas


def test_fixity_drill_finds_exactly_the_flipped_and_the_missing(catalogue: Catalogue) -> None:
    shas = _fill(catalogue, 1000)
    flipped, deleted = shas[137], shas[862]
    path = catalogue.objects.path(flipped)
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[3] ^= 0x01
    path.write_bytes(bytes(data))
    catalogue.objects.delete(deleted)
    with catalogue.writing() as session:
        report = verify_fixity(session, catalogue.objects, actor="auditor")
    assert report.checked == 1000
    found = {(p.problem, p.sha256, tuple(p.used_by), tuple(p.file_names)) for p in report.problems}
    assert found == {
        ("altered", flipped, ("CAT-000138",), ("file0137.txt",)),
        ("missing", deleted, ("CAT-000863",), ("file0862.txt",)),
    }
    with catalogue.reading() as session:
        flagged = [d.ref for d in session.scalars(select(Document)) if FIXITY_FLAG in d.flags]
        assert sorted(flagged) == ["CAT-000138", "CAT-000863"]
        event = session.scalars(select(Event).where(Event.action == "fixity check")).one()
        assert (event.outcome, event.actor) == ("failure", "auditor")
        assert event.detail["checked"] == 1000


def test_clean_fixity_run_clears_flags(catalogue: Catalogue) -> None:
    _fill(catalogue, 3)
    with catalogue.writing() as session:
        session.scalars(select(Document)).first().flags = [FIXITY_FLAG]  # type: ignore[union-attr]
    with catalogue.writing() as session:
        assert verify_fixity(session, catalogue.objects, actor="t").ok
    with catalogue.reading() as session:
        assert all(FIXITY_FLAG not in d.flags for d in session.scalars(select(Document)))
        assert database_findings(session) == []


def test_garbage_collection_quarantines_only_old_unreferenced_objects(
    catalogue: Catalogue,
) -> None:
    kept = _fill(catalogue, 2)
    orphan = catalogue.objects.put(b"left by an interrupted import")
    fresh = catalogue.objects.put(b"stored a moment ago by another process")
    backed_up = catalogue.objects.put(b"referenced only by an older backup")
    old = 3 * 24 * 3600
    for sha in (orphan, backed_up):
        path = catalogue.objects.path(sha)
        os.utime(path, (path.stat().st_atime - old, path.stat().st_mtime - old))
    (catalogue.objects.path(kept[0]).parent / ".DS_Store").write_bytes(b"finder")
    with catalogue.writing() as session:
        moved = collect_garbage(session, catalogue.objects, keep={backed_up})
    assert moved == [orphan]
    assert sorted(catalogue.objects) == sorted([*kept, fresh, backed_up])
    assert (catalogue.objects.root / "quarantine" / orphan).read_bytes() == (
        b"left by an interrupted import"
    )


@pytest.mark.sqlite_only("file backups with SQLite's backup API; PostgreSQL's are pg_dump's")
def test_rotation_keeps_n_verified_backups(catalogue: Catalogue, tmp_path: Path) -> None:
    folder = tmp_path / "rot"
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for day in range(5):
        rotate_backup(catalogue.database, folder, keep=3, now=start + timedelta(days=day))
    names = [b.path.name for b in list_backups(folder)]
    assert len(names) == 3 and names[0].startswith("auto-20260103")
    assert all(verify_backup(b.path) is None for b in list_backups(folder))
    assert not backup_due(folder, now=start + timedelta(days=4, hours=3))
    assert backup_due(folder, now=start + timedelta(days=5, hours=1))


BACKGROUND_WRITER = """
import sys
from pathlib import Path
from db.catalogue import Catalogue
from db.documents import NewDocument, add_document
cat = Catalogue.open(Path(sys.argv[1]), daily_backup=False)
for n in range(200):
    with cat.writing() as s:
        data = f"background {n}".encode()
        sha = cat.objects.put(data)
        add_document(s, new=NewDocument(text=data.decode(), media_type="text/plain",
            original_sha256=sha, original_size=len(data), original_filename=f"bg{n}"), actor="bg")
print("done")
"""


@pytest.mark.sqlite_only("file backups with SQLite's backup API; PostgreSQL's are pg_dump's")
def test_backup_drill_while_another_process_writes(catalogue: Catalogue, tmp_path: Path) -> None:
    _fill(catalogue, 50)
    writer = subprocess.Popen(
        [sys.executable, "-c", BACKGROUND_WRITER, str(catalogue.path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    backups = [
        rotate_backup(
            catalogue.database,
            tmp_path / "b",
            keep=100,
            now=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=n),
        )
        for n in range(5)
    ]
    assert writer.wait(timeout=120) == 0
    for backup in backups:
        assert verify_backup(backup) is None
    # Restore the last one into a new folder and compare with what it captured.
    restored = tmp_path / "Restored.catena"
    shutil.copytree(catalogue.path / "objects", restored / "objects")
    sqlite3.connect(restored / "catalogue.sqlite").close()
    restore_into(backups[-1], restored / "catalogue.sqlite")
    assert table_counts(restored / "catalogue.sqlite") == table_counts(backups[-1])
    with Catalogue.open(restored, daily_backup=False) as copy, copy.writing() as session:
        count = len(session.scalars(select(Document.id)).all())
        assert count is not None and count >= 50
        report = verify_fixity(session, copy.objects, actor="t")
        assert report.ok and report.checked == count


@pytest.mark.sqlite_only("damages the catalogue.sqlite file")
def test_damaged_database_is_not_opened_and_backup_is_named(catalogue_path: Path) -> None:
    with Catalogue.open(catalogue_path) as catalogue:
        _fill(catalogue, 5)
        good = rotate_backup(
            catalogue.database, catalogue.backups, now=datetime(2030, 1, 1, tzinfo=UTC)
        )
    database = catalogue_path / "catalogue.sqlite"
    raw = bytearray(database.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page
    database.write_bytes(bytes(raw))
    with pytest.raises(CatalogueError) as info:
        Catalogue.open(catalogue_path)
    assert "failed its check" in str(info.value)
    assert str(good) in str(info.value) and "catena restore" in str(info.value)


def test_location_warnings(tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox" / "Research.catena"
    synced.mkdir(parents=True)
    assert "cloud-synchronised" in location_warnings(synced)[0]
    mounts = tmp_path / "mounts"
    mounts.write_text(f"server:/export {tmp_path / 'net'} nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    (tmp_path / "net" / "C.catena").mkdir(parents=True)
    warnings = location_warnings(tmp_path / "net" / "C.catena", mounts_file=mounts)
    assert any("network file system (nfs4)" in w for w in warnings)
    assert location_warnings(tmp_path / "net", mounts_file=tmp_path / "absent") == []
