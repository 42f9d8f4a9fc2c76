"""The `catena` command, run in-process like a user would run it."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.launch.entry import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("catena ")


def test_python_dash_m_desktop_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("catena ")


def test_init_import_list_show_round(
    tmp_path: Path,
    write_texts,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    cat = str(tmp_path / "Work.catena")
    code, out, _ = run(capsys, "init", cat)
    assert code == 0 and "Created catalogue" in out
    code, _, err = run(capsys, "init", cat)
    assert code == 2 and "already a Catena catalogue" in err

    folder = write_texts({"a.txt": "Report on the 1911 flood\nbody\n", "b.txt": "Second\n"})
    code, out, _ = run(capsys, "import", str(folder), "--catalogue", cat, "--json")
    report = json.loads(out)
    assert code == 0 and report["imported"] == 2
    assert [f["status"] for f in report["files"]] == ["imported", "imported"]

    code, out, _ = run(capsys, "list", "--json", "--catalogue", cat)
    listed = json.loads(out)
    assert [d["reference"] for d in listed] == ["CAT-000001", "CAT-000002"]
    assert listed[0]["title"] == "Report on the 1911 flood"
    assert listed[0]["sha256"] == hashlib.sha256((folder / "a.txt").read_bytes()).hexdigest()

    code, out, _ = run(capsys, "show", "cat-000001", "--catalogue", cat)
    assert code == 0 and "Report on the 1911 flood" in out and "(guessed)" not in out.split("\n")[0]
    code, out, _ = run(capsys, "show", "CAT-000001", "--json", "--catalogue", cat)
    assert json.loads(out)["text"].startswith("Report on the 1911 flood")
    code, _, err = run(capsys, "show", "CAT-000099", "--catalogue", cat)
    assert code == 2 and "no document" in err


def test_catalogue_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = tmp_path / "Env.catena"
    run(capsys, "init", str(cat))
    monkeypatch.setenv("CATENA_CATALOGUE", str(cat))
    code, out, _ = run(capsys, "import", "--sample")
    assert code == 0 and "imported" in out
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) >= 3


def test_named_catalogue_must_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", "--catalogue", str(tmp_path / "nope"))
    assert code == 2 and "catena init" in err


def test_import_reports_failures_with_exit_1(
    tmp_path: Path,
    write_texts,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    cat = str(tmp_path / "W.catena")
    run(capsys, "init", cat)
    folder = write_texts({"good.txt": "Fine\n", "bad.xyz": "?"})
    code, out, _ = run(capsys, "import", str(folder), "-c", cat)
    assert code == 1
    assert "failed        " in out and "bad.xyz" in out
    assert "1 imported, 0 duplicates, 1 failed" in out
    code, _, err = run(capsys, "import", str(tmp_path / "absent"), "-c", cat)
    assert code == 2 and "not found" in err
    big = write_texts({"big.txt": "x" * 300_000}, folder="big")
    code, out, _ = run(capsys, "import", str(big), "--max-mb", "0.1", "--json", "-c", cat)
    reason = json.loads(out)["files"][0]["reason"]
    assert code == 1 and "import limit" in reason


def test_gui_without_display_runs_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    mine = tmp_path / "Mine.catena"
    run(capsys, "init", str(mine))
    code, out, err = run(capsys, "gui", "--catalogue", str(mine))
    assert code == 0
    assert "No display found" in err and "was not opened or changed" in err
    assert "Imported the sample documents: 4 imported" in out
    assert "CAT-000004" in out
    code, out, _ = run(capsys, "list", "--json", "-c", str(mine))
    assert json.loads(out) == []  # the user's catalogue was left alone


def test_demo_refuses_an_existing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "Mine.catena"
    run(capsys, "init", str(mine))
    code, _, err = run(capsys, "demo", "-c", str(mine))
    assert code == 2 and "already exists" in err
    code, out, _ = run(capsys, "demo", "-c", str(tmp_path / "Fresh.catena"))
    assert code == 0 and "Sample dossier:" in out
    assert (tmp_path / "Fresh dossier.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.seeds
def test_seeds_acceptance(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = str(tmp_path / "Seeds.catena")
    run(capsys, "init", cat)
    code, out, _ = run(capsys, "import", str(seeds_dir), "--catalogue", cat)
    assert code == 0 and "5 imported, 0 duplicates, 0 failed" in out
    code, out, _ = run(capsys, "list", "--json", "--catalogue", cat)
    listed = json.loads(out)
    expected = {hashlib.sha256(p.read_bytes()).hexdigest() for p in seeds_dir.glob("*.txt")}
    assert len(listed) == 5
    assert {d["sha256"] for d in listed} == expected
    assert all(d["reference"].startswith("CAT-") and d["title"] for d in listed)
    code, out, _ = run(capsys, "import", str(seeds_dir), "--catalogue", cat)
    assert "0 imported, 5 duplicates, 0 failed" in out


def test_a_busy_catalogue_is_a_clear_one_line_error(
    tmp_path: Path,
    write_texts,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import sqlite3

    import db.dialects.sqlite

    cat = tmp_path / "Busy.catena"
    run(capsys, "init", str(cat))
    monkeypatch.setattr(db.dialects.sqlite, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(cat / "catalogue.sqlite")
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "import", str(write_texts({"a.txt": "A\n"})), "-c", str(cat))
    finally:
        holder.rollback()
        holder.close()
    assert code == 2
    assert "the catalogue is busy" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
