"""The recovery a damaged catalogue advertises must work, as printed.

A byte flipped in the database header or in a b-tree page: `catena list` refuses the
catalogue and prints a `catena restore …` command. That exact command (split as a
shell would) must restore the newest verified backup, keep the damaged file aside
byte for byte, and leave a catalogue whose `verify` and `log --verify` pass.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from db.backup import list_backups
from desktop.launch.entry import main
from tests.reliability.helpers import assert_one_line_message, run_cli

PAGE = 4096


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def backed_up(tmp_path: Path, capsys: pytest.CaptureFixture[str], write_texts) -> Path:  # type: ignore[no-untyped-def]
    """A catalogue with the four samples in a verified backup, then one document more
    (which the backup does not hold), closed cleanly (no -wal left)."""
    folder = tmp_path / "Damaged case #1.catena"  # a name that needs quoting in a shell
    assert run(capsys, "init", str(folder))[0] == 0
    assert run(capsys, "import", "--sample", "-c", str(folder))[0] == 0
    assert run(capsys, "backup", "-c", str(folder))[0] == 0
    late = write_texts({"late.txt": "A late addition, after the backup.\n"})
    assert run(capsys, "import", str(late), "-c", str(folder))[0] == 0
    assert not (folder / "catalogue.sqlite-wal").exists()
    return folder


def _flip_header_magic(database: Path) -> None:
    _flip(database, 0)  # "SQLite format 3": the file is no longer a database


def _flip_header_reserved_bytes(database: Path) -> None:
    _flip(database, 20)  # bytes reserved per page: every page's layout goes wrong


def _flip_btree_page(database: Path) -> None:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'").fetchone()
    conn.close()
    _flip(database, (root[0] - 1) * PAGE)  # the page-type byte of the table's b-tree


def _flip(database: Path, offset: int) -> None:
    raw = bytearray(database.read_bytes())
    raw[offset] ^= 0xFF
    database.write_bytes(bytes(raw))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "header magic": _flip_header_magic,
    "header reserved bytes": _flip_header_reserved_bytes,
    "b-tree page": _flip_btree_page,
}


def _printed_restore(err: str) -> list[str]:
    line = assert_one_line_message(err, "list")
    assert "restore it with: " in line, line
    argv = shlex.split(line.split("restore it with: ", 1)[1])
    assert argv[:2] == ["catena", "restore"], argv
    return argv[1:]


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_the_printed_restore_command_brings_a_damaged_catalogue_back(
    damage: str, backed_up: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = backed_up / "catalogue.sqlite"
    DAMAGE[damage](database)
    damaged_bytes = database.read_bytes()

    code, _, err = run(capsys, "list", "-c", str(backed_up))
    assert code == 2
    argv = _printed_restore(err)
    newest = list_backups(backed_up / "backups")[-1].path
    assert Path(argv[1]) == newest and Path(argv[3]) == backed_up

    # A dry run works on the damaged catalogue too, and changes nothing.
    before = sorted(p.relative_to(backed_up) for p in backed_up.rglob("*"))
    code, out, err = run(capsys, *argv, "--dry-run")
    assert code == 0, err
    assert "damaged" in out and "Dry run: nothing was changed." in out
    assert sorted(p.relative_to(backed_up) for p in backed_up.rglob("*")) == before
    assert database.read_bytes() == damaged_bytes

    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "Restored from" in out
    restored_output = out

    # The damaged file is kept, byte for byte, where the message said.
    kept = [p for p in (backed_up / "backups").iterdir() if p.name.startswith("damaged-")]
    assert len(kept) == 1 and str(kept[0]) in out
    assert (kept[0] / "catalogue.sqlite").read_bytes() == damaged_bytes

    code, out, _ = run(capsys, "list", "--json", "-c", str(backed_up))
    assert code == 0
    assert [d["reference"] for d in json.loads(out)] == [f"CAT-00000{n}" for n in range(1, 5)]
    code, out, err = run(capsys, "verify", "-c", str(backed_up))
    assert code == 0, out + err
    assert "4 objects checked: 0 problems." in out
    code, out, _ = run(capsys, "log", "--verify", "--json", "-c", str(backed_up))
    assert code == 0
    log = json.loads(out)
    assert log["chain"]["ok"] and log["head"]["problem"] is None
    restore = [e for e in log["events"] if e["action"] == "restore catalogue"]
    assert len(restore) == 1
    assert restore[0]["detail"]["replaced_database"] == "damaged"
    assert restore[0]["detail"]["previous state kept in"] == str(kept[0])
    # The head of the trail that was replaced (it held the late import) is on record.
    assert restore[0]["detail"]["replaced_chain_events"] > log["chain"]["events"] - 3
    # Where the damaged database still shows its reference counters, the code handed
    # out after the backup (CAT-000005, the late import) is not handed out again;
    # where it cannot, the restore says so.
    late = backed_up.parent / "later"
    late.mkdir()
    (late / "later.txt").write_text("Imported after the restore.\n", encoding="utf-8")
    assert run(capsys, "import", str(late), "-c", str(backed_up))[0] == 0
    listed = json.loads(run(capsys, "list", "--json", "-c", str(backed_up))[1])
    if "reference counters cannot be read" in restored_output:
        assert listed[-1]["reference"] == "CAT-000005"
    else:
        assert listed[-1]["reference"] == "CAT-000006"


def test_the_printed_command_works_when_pasted_into_a_shell(
    backed_up: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same, in a separate process, as a person pasting the line would run it."""
    _flip_header_reserved_bytes(backed_up / "catalogue.sqlite")
    result = run_cli("list", "-c", str(backed_up))
    assert result.returncode == 2
    argv = _printed_restore(result.stderr)
    result = run_cli(*argv)
    assert result.returncode == 0, result.stderr
    for command in (("verify",), ("log", "--verify")):
        result = run_cli(*command, "-c", str(backed_up))
        assert result.returncode == 0, result.stdout + result.stderr


def test_restore_without_naming_a_backup_takes_the_newest_verified_one(
    backed_up: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newest = list_backups(backed_up / "backups")[-1].path
    _flip_btree_page(backed_up / "catalogue.sqlite")
    code, out, err = run(capsys, "restore", "-c", str(backed_up))
    assert code == 0, err
    assert f"Restored from {newest}." in out
    assert run(capsys, "log", "--verify", "-c", str(backed_up))[0] == 0


def test_a_backup_whose_originals_are_missing_is_refused_and_nothing_changes(
    backed_up: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = backed_up / "catalogue.sqlite"
    _flip_header_magic(database)
    damaged = database.read_bytes()
    original = next(p for p in (backed_up / "objects").rglob("*") if p.is_file())
    original.chmod(0o644)
    original.unlink()
    code, _, err = run(capsys, "restore", "-c", str(backed_up))
    assert code == 2
    assert "does not hold" in assert_one_line_message(err, "restore")
    assert database.read_bytes() == damaged
    assert not [p for p in (backed_up / "backups").iterdir() if p.name.startswith("damaged-")]


def test_a_deleted_database_is_restored_too(
    backed_up: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (backed_up / "catalogue.sqlite").unlink()
    code, out, err = run(capsys, "restore", "-c", str(backed_up))
    assert code == 0, err
    assert "missing" in out
    assert run(capsys, "verify", "-c", str(backed_up))[0] == 0
    assert run(capsys, "log", "--verify", "-c", str(backed_up))[0] == 0
