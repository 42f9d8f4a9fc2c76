"""`catena verify`, `backup`, `restore` (with dry run) and `log --verify`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.catalogue import Catalogue
from db.models import Event
from desktop.launch.entry import main
from tests.db.index_damage import replace_body
from tests.pg_catalogues import change_text


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def sampled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`init` and `import --sample`, run once for the module; tests take copies."""
    folder = tmp_path_factory.mktemp("maintenance") / "M.catena"
    assert main(["init", str(folder)]) == 0
    assert main(["import", "--sample", "-c", str(folder)]) == 0
    return folder


@pytest.fixture
def cat(sampled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    target = tmp_path / "M.catena"
    shutil.copytree(sampled, target)
    capsys.readouterr()  # what the module's set-up printed
    return str(target)


def test_verify_reports_altered_originals(cat: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "verify", "-c", cat)
    assert code == 0 and "4 objects checked: 0 problems." in out
    listed = json.loads(run(capsys, "list", "--json", "-c", cat)[1])
    target = Path(cat) / "objects" / listed[1]["sha256"][:2] / listed[1]["sha256"][2:]
    os.chmod(target, 0o644)
    target.write_bytes(target.read_bytes() + b"tampered")
    code, out, _ = run(capsys, "verify", "--json", "-c", cat)
    report = json.loads(out)
    assert code == 1
    assert report["problems"] == [
        {
            "sha256": listed[1]["sha256"],
            "problem": "altered",
            "used_by": ["CAT-000002"],
            "files": [listed[1]["filename"]],
        }
    ]


def test_backup_restore_dry_run_then_restore(
    cat: str,
    tmp_path: Path,
    write_texts,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = tmp_path / "before-more.sqlite"
    code, out, _ = run(capsys, "backup", "--to", str(backup), "-c", cat)
    assert code == 0 and "(verified)" in out
    folder = write_texts({"late.txt": "A late addition\n"})
    run(capsys, "import", str(folder), "-c", cat)
    code, out, _ = run(capsys, "restore", str(backup), "--dry-run", "-c", cat)
    assert code == 0 and "Dry run: nothing was changed." in out
    assert "documents" in out
    assert len(json.loads(run(capsys, "list", "--json", "-c", cat)[1])) == 5
    code, out, _ = run(capsys, "restore", str(backup), "-c", cat)
    assert code == 0 and "previous state is kept" in out
    assert len(json.loads(run(capsys, "list", "--json", "-c", cat)[1])) == 4
    code, _, err = run(capsys, "restore", str(tmp_path / "nothing.sqlite"), "-c", cat)
    assert code == 2 and "cannot be restored" in err


def test_log_verify_detects_a_rewritten_event(cat: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "log", "--verify", "-c", cat)
    assert code == 0 and "intact" in out
    total = json.loads(run(capsys, "log", "--verify", "--json", "-c", cat)[1])["chain"]["events"]
    assert total >= 4  # at least the four imports
    with Catalogue.open(cat) as catalogue, catalogue.writing() as session:
        session.execute(sa.update(Event).where(Event.id == 2).values(target="CAT-000099"))
    code, out, _ = run(capsys, "log", "--verify", "--json", "-c", cat)
    assert code == 1
    assert json.loads(out)["chain"] == {"events": total, "ok": False, "broken_at": 2}


def _id_of(cat: str, ref: str) -> int:
    conn = sqlite3.connect(Path(cat) / "catalogue.sqlite")
    try:
        return int(conn.execute("SELECT id FROM documents WHERE ref = ?", (ref,)).fetchone()[0])
    finally:
        conn.close()


def _found(capsys: pytest.CaptureFixture[str], cat: str, query: str) -> list[str]:
    found = json.loads(run(capsys, "search", query, "--json", "-c", cat)[1])
    return [hit["reference"] for hit in found["results"]]


def test_verify_names_a_document_whose_stored_text_changed(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    change_text(cat, "CAT-000001", lambda text: text.replace("212", "\x1212"))
    assert run(capsys, "log", "--verify", "-c", cat)[0] == 0  # the audit trail cannot see it
    code, out, _ = run(capsys, "verify", "-c", cat)
    assert code == 1
    assert "4 objects checked: 0 problems." in out  # the original is intact
    assert "CAT-000001  stored text differs from its recorded SHA-256" in out
    assert "verify --repair" in out
    code, out, _ = run(capsys, "verify", "--json", "-c", cat)
    report = json.loads(out)
    assert code == 1 and report["problems"] == [] and report["repairs"] == []
    assert report["texts"] == {
        "checked": 4,
        "problems": [
            {
                "reference": "CAT-000001",
                "problem": "text altered",
                "detail": "stored text differs from its recorded SHA-256",
            }
        ],
        "index": [],
    }
    shown = json.loads(run(capsys, "show", "CAT-000001", "--json", "-c", cat)[1])
    assert "text fixity failed" in shown["flags"]
    events = json.loads(run(capsys, "log", "--json", "-c", cat)[1])["events"]
    assert [e["outcome"] for e in events if e["action"] == "text fixity check"][-1] == "failure"


def test_verify_repair_restores_the_text_and_rebuilds_the_index_row(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = json.loads(run(capsys, "show", "CAT-000001", "--json", "-c", cat)[1])["text"]
    assert "212" in before
    change_text(cat, "CAT-000001", lambda text: text.replace("212", "\x1212"))
    replace_body(Path(cat) / "catalogue.sqlite", _id_of(cat, "CAT-000004"), "nothing to see")
    assert json.loads(run(capsys, "search", "nothing", "--json", "-c", cat)[1])["total"] == 1
    assert "CAT-000004" not in _found(capsys, cat, "witnesses")
    code, out, _ = run(capsys, "verify", "--repair", "--json", "-c", cat)
    report = json.loads(out)
    assert code == 0, out
    assert [(r["reference"], r["outcome"]) for r in report["repairs"]] == [
        ("CAT-000001", "restored"),
        ("CAT-000004", "reindexed"),
    ]
    assert report["texts"]["problems"] == []
    shown = json.loads(run(capsys, "show", "CAT-000001", "--json", "-c", cat)[1])
    assert shown["text"] == before and "text fixity failed" not in shown["flags"]
    assert json.loads(run(capsys, "search", "nothing", "--json", "-c", cat)[1])["total"] == 0
    assert "CAT-000004" in _found(capsys, cat, "witnesses")
    assert run(capsys, "verify", "-c", cat)[0] == 0
    assert run(capsys, "log", "--verify", "-c", cat)[0] == 0
