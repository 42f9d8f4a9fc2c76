"""`catena export` from the command line: selections, outputs, errors, progress."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from db.selection import SelectionError
from desktop.exchange import Selection, export
from desktop.launch.entry import main
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_formats_and_selections(
    rich: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = str(rich.path)
    rich.close()
    code, out, err = run(
        capsys,
        "export",
        "-f",
        "csl-json",
        "--refs",
        "cat-000001",
        "CAT-000003",
        "-o",
        str(tmp_path / "a.json"),
        "-c",
        cat,
    )
    assert code == 0, err
    assert "csl-json: 2 documents" in out
    assert [i["id"] for i in json.loads((tmp_path / "a.json").read_text("utf-8"))] == [
        "CAT-000001",
        "CAT-000003",
    ]

    code, out, err = run(
        capsys,
        "export",
        "--format",
        "csv",
        "--table",
        "people",
        "--bom",
        "--collection",
        "INQUIRY",
        "-o",
        str(tmp_path / "p.csv"),
        "-c",
        cat,
    )
    assert code == 0, err
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    code, out, err = run(
        capsys,
        "export",
        "--format",
        "ris",
        "--query",
        "Halvern",
        "-o",
        str(tmp_path / "q.ris"),
        "-c",
        cat,
    )
    assert code == 0, err
    assert (tmp_path / "q.ris").read_text("utf-8").count("ER  - ") >= 3

    code, out, err = run(
        capsys,
        "export",
        "--format",
        "Web-Annotation",
        "--statuses",
        "accepted",
        "-o",
        str(tmp_path / "t.jsonld"),
        "-c",
        cat,
    )
    assert code == 0, err
    statuses = {
        i["catena:status"]
        for i in json.loads((tmp_path / "t.jsonld").read_text("utf-8"))["first"]["items"]
    }
    assert statuses == {"accepted"}

    code, _, err = run(capsys, "export", "--format", "dc", "-o", str(tmp_path / "x.xml"), "-c", cat)
    assert code == 2 and "one file per document" in err
    code, _, err = run(capsys, "export", "--format", "pdf", "-o", str(tmp_path / "x"), "-c", cat)
    assert code == 2 and "unknown export format 'pdf'" in err
    code, _, err = run(
        capsys,
        "export",
        "-f",
        "bibtex",
        "--refs",
        "CAT-000099",
        "-o",
        str(tmp_path / "x.bib"),
        "-c",
        cat,
    )
    assert code == 2 and "no document CAT-000099" in err
    assert not (tmp_path / "x.bib").exists() and not (tmp_path / "x.bib.part").exists()
    code, _, err = run(
        capsys, "export", "-f", "csv", "--collection", "Nope", "-o", str(tmp_path / "n"), "-c", cat
    )
    assert code == 2 and "no collection named 'Nope'" in err
    code, _, err = run(
        capsys, "export", "-f", "csv", "--query", '"unclosed', "-o", str(tmp_path / "n"), "-c", cat
    )
    assert code == 2


def test_progress_and_result(rich: Catalogue, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    result = export(
        rich,
        format="bagit",
        selection=Selection(refs=("CAT-000001", "CAT-000002")),
        output=tmp_path / "bag",
        progress=lambda done, total, item: calls.append((done, total, item)),
    )
    assert calls[0][:2] == (0, 2) and calls[-1][:2] == (2, 2)
    assert result.output == tmp_path / "bag" and result.documents == 2
    assert "bagit: 2 documents" in result.summary()


def test_selection_rules(rich: Catalogue, tmp_path: Path) -> None:
    with pytest.raises(SelectionError, match="not several"):
        Selection(refs=("CAT-000001",), collection="Inquiry")
    out = tmp_path / "all.csv"
    from desktop.exchange import ExportOptions

    export(rich, format="csv", selection=None, output=out, options=ExportOptions(table="documents"))
    with out.open(encoding="utf-8", newline="") as handle:
        refs = [row["reference"] for row in csv.DictReader(handle)]
    assert "CAT-000006" not in refs  # trashed
    assert "CAT-000007" in refs  # metadata only
