"""import-archive refuses what would fail the catalogue's own checks later (issue 15,
item 5), repairs what can be repaired safely, and writes nothing when it refuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from db import audit
from db.catalogue import Catalogue
from db.models import Document
from desktop.exchange import ExchangeError, export, import_archive
from desktop.exchange.archive import catalogue_is_empty
from desktop.launch.entry import main
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)
from tests.reliability.hostile_archive_cases import (
    read_manifest,
    read_rows,
    reseal,
    row_set,
    rows_edit,
    write_manifest,
)


@pytest.fixture(name="archive")
def archive_fixture(rich: Catalogue, tmp_path: Path) -> Path:
    out = tmp_path / "archive"
    export(rich, format="catena-archive", selection=None, output=out)
    return out


def _empty(tmp_path: Path, name: str = "New.catena") -> Path:
    target = tmp_path / name
    assert main(["init", str(target)]) == 0
    return target


def _is_untouched(target: Path) -> None:
    with Catalogue.open(target, daily_backup=False) as catalogue:
        with catalogue.reading() as session:
            assert catalogue_is_empty(session) == {}
            assert audit.verify_chain(session).events == 0
        assert list(catalogue.objects) == []


def test_an_edited_audit_event_is_refused_before_anything_is_written(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the edited archive imported with exit 0 and `log --verify` then failed."""
    rows_edit("events", lambda events: events[3].update(actor="mallory"))(archive)
    target = _empty(tmp_path)
    capsys.readouterr()
    assert main(["import-archive", str(archive), "-c", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("catena import-archive: archive: records/events.json, row 4, field hash:")
    assert "does not match its hash: the audit trail was altered" in err
    _is_untouched(target)
    assert main(["log", "--verify", "-c", str(target)]) == 0


def test_an_archive_missing_an_original_is_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: it imported without a word and `catena verify` reported the loss later."""
    manifest = read_manifest(archive)
    documents = {d["original_sha256"]: d["ref"] for d in read_rows(archive, "documents")}
    gone = next(o for o in manifest["objects"] if o["sha256"] in documents)
    manifest["objects"].remove(gone)
    write_manifest(archive, manifest)
    (archive / gone["path"]).unlink()
    target = _empty(tmp_path)
    capsys.readouterr()
    assert main(["import-archive", str(archive), "-c", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"catena import-archive: archive lacks object {gone['sha256']}, used by "
        f"{documents[gone['sha256']]}; nothing was imported\n"
    )
    _is_untouched(target)
    # Not even the flag accepts an object the archive does not admit to lacking.
    assert main(["import-archive", str(archive), "--allow-missing-objects", "-c", str(target)]) == 2
    _is_untouched(target)


def test_an_object_lost_before_the_export_needs_the_flag(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = read_manifest(archive)
    gone = manifest["objects"].pop(0)
    manifest["missing_objects"] = [gone["sha256"]]
    write_manifest(archive, manifest)
    (archive / gone["path"]).unlink()
    target = _empty(tmp_path)
    capsys.readouterr()
    assert main(["import-archive", str(archive), "-c", str(target)]) == 2
    assert "import with --allow-missing-objects to accept that" in capsys.readouterr().err
    _is_untouched(target)
    assert main(["import-archive", str(archive), "--allow-missing-objects", "-c", str(target)]) == 0
    err = capsys.readouterr().err
    assert f"warning: object {gone['sha256']}" in err
    assert "already missing when the archive was made; `catena verify` will report it" in err
    assert main(["verify", "-c", str(target)]) == 1
    assert "MISSING" in capsys.readouterr().out


def test_a_counter_behind_its_references_is_raised(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: accepted as it was, and every later `catena import` failed on UNIQUE."""
    row_set("ref_counters", 0, next_value=2)(archive)
    prefix = read_rows(archive, "ref_counters")[0]["prefix"]
    assert prefix == "CAT"
    target = _empty(tmp_path)
    capsys.readouterr()
    assert main(["import-archive", str(archive), "-c", str(target)]) == 0
    assert (
        "warning: the archive's counter for CAT references was 2 although CAT-000007 exists; "
        "it is set to 8" in capsys.readouterr().err
    )
    note = tmp_path / "new note.txt"
    note.write_text("A new note about the dam, written later.\n", encoding="utf-8")
    assert main(["import", str(note), "--no-suggest", "-c", str(target)]) == 0
    assert "CAT-000008" in capsys.readouterr().out


def test_absurd_counters_are_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 2**70 overflowed SQLite INTEGER with a traceback."""
    row_set("ref_counters", 0, next_value=2**70)(archive)
    target = _empty(tmp_path)
    capsys.readouterr()
    assert main(["import-archive", str(archive), "-c", str(target)]) == 2
    assert capsys.readouterr().err == (
        "catena import-archive: archive: records/ref_counters.json, row 1, field next_value: "
        "1180591620717411303424 is out of range (0 to 9,223,372,036,854,775,807); nothing was "
        "imported\n"
    )
    _is_untouched(target)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"version": "abc"},
            "archive: the manifest's version must be a whole number, not text ('abc'); "
            "nothing was imported",
        ),
        (
            {"tables": ["documents"]},
            "archive: the manifest's tables must be an object (table → file), not a list; "
            "nothing was imported",
        ),
    ],
)
def test_malformed_manifests_are_one_line(
    archive: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, object],
    message: str,
) -> None:
    manifest = read_manifest(archive)
    manifest.update(change)
    write_manifest(archive, manifest)
    target = _empty(tmp_path)
    capsys.readouterr()
    assert main(["import-archive", str(archive), "-c", str(target)]) == 2
    assert capsys.readouterr().err == f"catena import-archive: {message}\n"
    _is_untouched(target)


def test_published_not_a_date_in_an_archive_is_refused(archive: Path, tmp_path: Path) -> None:
    row_set("documents", 0, published="not-a-date")(archive)
    with Catalogue.open(tmp_path / "N.catena", create=True, actor="i") as copy:
        with pytest.raises(ExchangeError) as refused:
            import_archive(copy, archive)
        with copy.reading() as session:
            assert catalogue_is_empty(session) == {}
    assert str(refused.value) == (
        "archive: records/documents.json, row 1 (CAT-000001), field published: 'not-a-date' "
        "is not an EDTF date (e.g. 1987, 1987-03, 1987-03-14, 1987~ or 1987/1988); nothing "
        "was imported"
    )


def test_a_failed_write_takes_the_stored_objects_back(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.exchange.archive as module

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "_write", disk_full)
    target = tmp_path / "F.catena"
    with (
        Catalogue.open(target, create=True, actor="i") as copy,
        pytest.raises(OSError, match="No space"),
    ):
        import_archive(copy, archive)
    _is_untouched(target)


def test_a_zipped_archive_with_a_resealed_edit_is_checked_too(
    archive: Path, tmp_path: Path
) -> None:
    rows = read_rows(archive, "documents")
    rows[0]["authors"] = "Edith Carrow"
    reseal(archive, "documents", json.dumps(rows).encode(), len(rows))
    zipped = Path(shutil.make_archive(str(tmp_path / "z"), "zip", archive.parent, "archive"))
    with Catalogue.open(tmp_path / "Z.catena", create=True, actor="i") as copy:
        with pytest.raises(ExchangeError, match=r"field authors: must be a list of names"):
            import_archive(copy, zipped)
        with copy.reading() as session:
            assert session.scalar(select(Document.id)) is None


def test_an_unknown_event_link_status_in_an_archive_is_refused(
    archive: Path, tmp_path: Path
) -> None:
    row_set("figures", 0, event_link_status="maybe")(archive)
    with Catalogue.open(tmp_path / "N.catena", create=True, actor="i") as copy:
        with pytest.raises(ExchangeError) as refused:
            import_archive(copy, archive)
        with copy.reading() as session:
            assert catalogue_is_empty(session) == {}
    assert "field event_link_status: 'maybe' is not one of suggested, accepted" in str(
        refused.value
    )
    assert "\n" not in str(refused.value)
