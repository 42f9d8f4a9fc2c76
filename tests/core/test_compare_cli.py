"""`catena compare` scoped by event, collection, search and references; the matrix
as text, JSON and CSV (parsed back, formulas protected)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from db import event_records
from db.catalogue import Catalogue
from desktop.launch.entry import main
from tests.core.corroboration_data import HOSTILE_TITLE, build


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_without_options_lists_every_comparison_with_its_event(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build(catalogue)
    code, out, _ = _run(capsys, "compare", "--json", "-c", str(catalogue_path))
    comparisons = json.loads(out)
    assert code == 0
    assert [(c["event_ref"], c["verdict"]) for c in comparisons] == [
        (built.dam, "differ"),
        (built.wave, "single source"),
        (built.market, "agree"),
    ]
    code, out, _ = _run(capsys, "compare", "-c", str(catalogue_path))
    assert f"killed [{built.dam} Varnel dam collapse]: sources differ" in out


def test_compare_scoped_by_event_and_collection(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build(catalogue)
    cat = str(catalogue_path)
    code, out, _ = _run(capsys, "compare", "--json", "--event", built.market, "-c", cat)
    assert code == 0 and [c["event_ref"] for c in json.loads(out)] == [built.market]
    code, out, _ = _run(capsys, "compare", "--matrix", "--collection", "Dam reports", "-c", cat)
    assert code == 0
    assert out.index("CAT-000002 (10 March 1987)  250 “250 dead”") < out.index("CAT-000001")
    assert "Kessin" not in out


def test_matrix_json_has_columns_by_publication_and_cells_with_spans(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build(catalogue)
    code, out, _ = _run(
        capsys, "compare", "--matrix", "--json", "--search", "dam", "-c", str(catalogue_path)
    )
    matrix = json.loads(out)
    assert code == 0
    assert [c["reference"] for c in matrix["columns"]] == ["CAT-000002", "CAT-000001"]
    (row,) = matrix["rows"]
    assert (row["event_ref"], row["verdict"]) == (built.dam, "differ")
    (claim,) = row["cells"]["CAT-000002"]
    assert claim["tag_id"] == built.tag_ids["CAT-000002"]
    assert (claim["quote"], claim["start"], claim["end"]) == ("250 dead", 10, 18)


def test_matrix_csv_parses_back_with_formulas_protected(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build(catalogue)
    with catalogue.writing() as session:
        event_records.require(session, built.market).preferred_name = HOSTILE_TITLE
    code, out, _ = _run(capsys, "compare", "--csv", "-c", str(catalogue_path))
    table = list(csv.reader(io.StringIO(out)))
    assert code == 0
    heading, first = table[0], table[1]
    assert heading[:6] == ["event", "event name", "counted", "subject", "verdict", "notes"]
    assert heading[6:] == [
        "CAT-000002 (10 March 1987)",  # a sheet for people: dates in words
        "CAT-000001 (14 March 1987)",
        "CAT-000004 (1 January 1990)",
        "CAT-000003 (n.d.)",
        "CAT-000005 (n.d.)",
    ]
    assert first[:5] == [built.dam, "Varnel dam collapse", "killed", "", "differ"]
    assert first[6:8] == ["250 “250 dead”", "212 “212 dead”"]
    market = next(line for line in table if line[0] == built.market)
    assert market[1] == "'" + HOSTILE_TITLE  # a spreadsheet shows it, never runs it
    assert len(table) == 4 and all(len(line) == len(heading) for line in table)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--event", "EVT-424242"), "no event record 'EVT-424242'"),
        (("--collection", "Nowhere"), "no collection named 'Nowhere'"),
        (("--collection", "Dam reports", "--search", "dam"), "not several"),
        (("CAT-000077",), "no document CAT-000077"),
    ],
)
def test_bad_scope_is_a_one_line_message(
    catalogue: Catalogue,
    catalogue_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    message: str,
) -> None:
    build(catalogue)
    code, out, err = _run(capsys, "compare", *argv, "-c", str(catalogue_path))
    assert code == 2 and out == ""
    assert err.startswith("catena compare: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
