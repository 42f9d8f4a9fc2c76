"""`catena events`, run in-process as a person would run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.launch.entry import main
from tests.pg_catalogues import pretend_unwritable, stored_rows


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _events(capsys: pytest.CaptureFixture[str], cat: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "events", *argv, "--catalogue", str(cat))


def _rows(cat: Path) -> tuple[object, ...]:
    """Event records, their names and the audit trail as stored (WAL included)."""
    return stored_rows(
        cat,
        (
            "SELECT * FROM event_records ORDER BY id",
            "SELECT * FROM event_record_names ORDER BY id",
            "SELECT id, action FROM events ORDER BY id",
        ),
    )


def test_add_list_show_edit_merge_split_trash(
    catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = catalogue_path
    code, out, _ = _events(
        capsys, cat, "add", "First Nagorno-Karabakh War", "--date", "1988/1994", "--kind", "war"
    )
    assert code == 0 and "EVT-000001" in out
    code, out, _ = _events(
        capsys,
        cat,
        "add",
        "Khojaly massacre",
        "--variant",
        "Ходжалинская трагедия",
        "--date",
        "1992-02-26",
        "--within",
        "evt-000001",
        "--json",
    )
    added = json.loads(out)
    assert added["action"] == "create event record"
    assert added["record"]["within"] == [
        {"reference": "EVT-000001", "name": "First Nagorno-Karabakh War"}
    ]
    assert added["record"]["names"][1] == {"name": "Ходжалинская трагедия", "script": "Cyrl"}

    code, out, _ = _events(capsys, cat, "list")
    assert code == 0 and "↳ Khojaly massacre" in out and "2 event records" in out
    assert "26 February 1992" in out and "1992-02-26" not in out  # the date in words
    code, out, _ = _events(capsys, cat, "list", "--json")
    listed = json.loads(out)
    assert [(r["reference"], r["depth"], r["within"]) for r in listed] == [
        ("EVT-000001", 0, None),
        ("EVT-000002", 1, "EVT-000001"),
    ]
    assert listed[1]["other_names"] == ["Ходжалинская трагедия"]

    code, out, _ = _events(capsys, cat, "add", "Xocalı soyqırımı", "--place", "Khojaly")
    code, out, _ = _events(capsys, cat, "merge", "EVT-000002", "EVT-000003")
    assert code == 0 and "also changed: EVT-000003" in out
    code, out, _ = _events(capsys, cat, "show", "EVT-000002")
    assert "Xocalı soyqırımı [Latn]" in out and "Place      Khojaly" in out
    assert "Within     First Nagorno-Karabakh War (EVT-000001)" in out

    code, out, _ = _events(
        capsys, cat, "split", "EVT-000002", "--name-form", "Xocalı soyqırımı", "--json"
    )
    assert code == 0 and json.loads(out)["record"]["name"] == "Xocalı soyqırımı"
    code, out, _ = _events(capsys, cat, "edit", "EVT-000004", "--place", "", "--kind", "killing")
    assert code == 0
    code, out, _ = _events(capsys, cat, "show", "EVT-000004", "--json")
    shown = json.loads(out)
    assert (shown["place"], shown["kind"]) == (None, "killing")

    code, out, _ = _events(capsys, cat, "trash", "EVT-000004")
    assert code == 0
    code, out, _ = _events(capsys, cat, "list", "--trash", "--json")
    assert sorted(r["reference"] for r in json.loads(out)) == ["EVT-000003", "EVT-000004"]
    code, out, _ = _events(capsys, cat, "trash", "EVT-000004", "--restore")
    assert code == 0 and "restore event record" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("add", "  "), "name cannot be empty"),
        (("add", "Flood", "--date", "next Tuesday"), "Date: cannot read “next Tuesday”"),
        (("add", "Flood", "--within", "EVT-000404"), "no event record 'EVT-000404'"),
        (("edit", "EVT-000001", "--within", "EVT-000002"), "contains it already"),
        (("edit", "EVT-000001", "--within", "EVT-000001"), "cannot be part of itself"),
        (("edit", "EVT-000001", "--remove-name", "War"), "preferred name"),
        (("merge", "EVT-000001", "EVT-000001"), "cannot merge EVT-000001 with itself"),
        (("merge", "EVT-000002", "EVT-000001"), "other way round"),
        (("split", "EVT-000001", "--name-form", "War"), "at least one name form"),
        (("show", "EVT-000009"), "no event record"),
        (("trash", "EVT-000001", "--restore"), "not in the trash"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(
    catalogue_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    words: str,
) -> None:
    cat = catalogue_path
    _events(capsys, cat, "add", "War")
    _events(capsys, cat, "add", "Battle", "--within", "EVT-000001")
    before = _rows(cat)
    assert len(before[0]) == 2
    code, out, err = _events(capsys, cat, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("catena events: ") and words in err, err
    assert _rows(cat) == before


def test_control_characters_are_not_stored_or_printed(
    catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = _events(capsys, catalogue_path, "add", "Flood\x1b[2J", "--notes", "a\x07b")
    assert code == 0
    code, out, _ = _events(capsys, catalogue_path, "show", "EVT-000001", "--json")
    shown = json.loads(out)
    assert (shown["name"], shown["notes"]) == ("Flood[2J", "ab")
    code, out, _ = _events(capsys, catalogue_path, "list")
    assert "\x1b" not in out


def test_list_and_show_run_on_a_read_only_catalogue_and_changes_are_refused(
    catalogue_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _events(capsys, catalogue_path, "add", "Flood")
    before = _rows(catalogue_path)
    pretend_unwritable(monkeypatch)
    code, out, err = _events(capsys, catalogue_path, "list", "--json")
    assert code == 0 and json.loads(out)[0]["reference"] == "EVT-000001"
    assert err.startswith("read-only: ")
    code, out, _ = _events(capsys, catalogue_path, "show", "EVT-000001")
    assert code == 0 and "Flood" in out
    code, _, err = _events(capsys, catalogue_path, "add", "Fire")
    assert code == 2 and err.count("\n") == 1 and "read-only" in err
    assert _rows(catalogue_path) == before
