"""`catena chronology`: one row per event date with its sources, narrowed to an event
(and the events within it), publication dates only when asked; JSON parsed back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from desktop.launch.entry import main
from tests.db.test_analysis import _add
from tests.db.test_chronology import _date, _event

NIGHT = "1992-02-25/1992-02-26"


def _build(catalogue: Catalogue) -> dict[str, str]:
    """A war with a massacre within it (two papers give its night) and an unrelated fire."""
    with catalogue.writing() as session:
        war = _event(session, "Karabakh war")
        massacre = _event(session, "Khojaly massacre", parent_ref=war.ref)
        fire = _event(session, "Kessin market fire")
        first = _add(session, 1, "The war began in 1988. On 25–26 February 1992 x.", "1992-03-02")
        _date(session, first, "1988", "1988", what="war began", event=war)
        _date(session, first, "25–26 February 1992", NIGHT, what="attack", event=massacre)
        second = _add(session, 2, "Printed 5 March 1992: 25–26 February 1992.", "1992-03-05")
        _date(session, second, "25–26 February 1992", NIGHT, what="attack", event=massacre)
        _date(session, second, "5 March 1992", "1992-03-05", what="printed")
        third = _add(session, 3, "The market burned on 3 May 1998.", None)
        _date(session, third, "3 May 1998", "1998-05-03", event=fire)
        return {"war": war.ref, "massacre": massacre.ref, "fire": fire.ref}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_chronology_json_has_one_row_per_event_date_with_every_source(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refs = _build(catalogue)
    code, out, _ = _run(capsys, "chronology", "--json", "-c", str(catalogue_path))
    rows = json.loads(out)
    assert code == 0
    assert [(r["edtf"], r["event_ref"], r["what"], r["documents"]) for r in rows] == [
        ("1988", refs["war"], "Karabakh war", ["CAT-000001"]),
        (NIGHT, refs["massacre"], "Khojaly massacre", ["CAT-000001", "CAT-000002"]),
        ("1998-05-03", refs["fire"], "Kessin market fire", ["CAT-000003"]),
    ]
    night = rows[1]["sources"]
    assert [(s["reference"], s["published"], s["quote"]) for s in night] == [
        ("CAT-000001", "1992-03-02", "25–26 February 1992"),
        ("CAT-000002", "1992-03-05", "25–26 February 1992"),
    ]
    assert (night[1]["start"], night[1]["end"]) == (22, 41)
    assert night[1]["what"] == "attack" and night[1]["role"] is None


def test_chronology_event_takes_its_children_and_reporting_is_asked_for(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refs = _build(catalogue)
    cat = str(catalogue_path)
    code, out, _ = _run(capsys, "chronology", "--json", "--event", refs["war"], "-c", cat)
    assert code == 0
    assert [r["event_ref"] for r in json.loads(out)] == [refs["war"], refs["massacre"]]
    code, out, _ = _run(capsys, "chronology", "--json", "--event", refs["massacre"], "-c", cat)
    assert [r["edtf"] for r in json.loads(out)] == [NIGHT]
    code, out, _ = _run(capsys, "chronology", "--json", "--include-reporting", "-c", cat)
    printed = [r for r in json.loads(out) if r["edtf"] == "1992-03-05"]
    assert [r["documents"] for r in printed] == [["CAT-000002"]]


def test_chronology_table_lists_each_source_and_unknown_event_is_one_line(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _build(catalogue)
    cat = str(catalogue_path)
    code, out, _ = _run(capsys, "chronology", "-c", cat)
    lines = [line for line in out.splitlines() if "25–26 February 1992" in line]
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("25–26 February 1992") and "Khojaly massacre" in lines[0]
    assert lines[1].startswith(" ") and lines[1].rstrip().endswith("CAT-000002")
    code, out, err = _run(capsys, "chronology", "--event", "EVT-424242", "-c", cat)
    assert code == 2 and out == ""
    assert err.startswith("catena chronology: ") and "no event record 'EVT-424242'" in err
    assert len(err.strip().splitlines()) == 1


RAW_EDTF = re.compile(r"\d{4}-\d{2}|\dX|XXXX|\.\.|\d/\d|\d[~?%]|-(?:2\d|3\d|4[01])\b")


def test_chronology_prints_words_and_json_keeps_edtf(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _build(catalogue)
    with catalogue.writing() as session:
        doc = _add(session, 4, "Each year on 26 February; in the last quarter of 2020.", None)
        _date(session, doc, "26 February", "XXXX-02-26", what="remembered")
        _date(session, doc, "last quarter of 2020", "2020-36", what="quarter")
    cat = str(catalogue_path)
    code, out, _ = _run(capsys, "chronology", "-c", cat)
    dates = [line[:28].strip() for line in out.splitlines()[2:] if line[:28].strip()]
    assert code == 0
    assert dates == [
        "1988",
        "25–26 February 1992",
        "3 May 1998",
        "the fourth quarter of 2020",
        "26 February, year unknown",
    ]
    assert not RAW_EDTF.search(out), out
    code, out, _ = _run(capsys, "chronology", "--json", "-c", cat)
    assert [r["edtf"] for r in json.loads(out)] == [
        "1988",
        NIGHT,
        "1998-05-03",
        "2020-36",
        "XXXX-02-26",
    ]


def test_chronology_speaks_the_language_asked_for(
    catalogue: Catalogue,
    catalogue_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _build(catalogue)
    cat = str(catalogue_path)
    code, out, _ = _run(capsys, "chronology", "--locale", "ru", "-c", cat)
    assert code == 0 and "25–26 февраля 1992 г." in out and "3 мая 1998 г." in out
    monkeypatch.setenv("CATENA_LOCALE", "az")
    code, out, _ = _run(capsys, "chronology", "-c", cat)
    assert "25–26 fevral 1992" in out and "3 may 1998" in out
    code, out, _ = _run(capsys, "chronology", "--locale", "en", "-c", cat)
    assert "25–26 February 1992" in out  # the option wins over the environment
