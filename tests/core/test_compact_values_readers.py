"""Migration 0017 seen from every reader: the sample catalogue (documents, suggested
tags, events) gives the same review queue, documents, search results, comparisons
and exports after being stepped back to 0016's plain storage and upgraded again, and
``catena verify`` finds nothing wrong; a catalogue written by this version opens and
searches."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from db.engine import make_engine
from db.migrate import downgrade
from desktop.launch.entry import main

pytestmark = pytest.mark.sqlite_only("migration 0017 rewrites SQLite's stored values only")


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _readers(folder: Path, capsys: pytest.CaptureFixture[str], out: Path) -> dict[str, object]:
    cat = ("-c", str(folder))
    seen: dict[str, object] = {
        "review": json.loads(_cli(capsys, "review", *cat, "--json")),
        "list": json.loads(_cli(capsys, "list", *cat, "--json")),
        "compare": json.loads(_cli(capsys, "compare", *cat, "--suggested", "--json")),
        "chronology": json.loads(_cli(capsys, "chronology", *cat, "--json")),
    }
    for ref in ("CAT-000001", "CAT-000002", "CAT-000003"):
        seen[ref] = json.loads(_cli(capsys, "show", *cat, ref, "--json"))
    for query in ("the", "killed", '"the city"', "year:1992"):
        seen[query] = json.loads(_cli(capsys, "search", *cat, query, "--json"))
    _cli(capsys, "export", *cat, "-f", "csv", "-o", str(out / "csv"), "--force")
    seen["csv"] = {p.name: p.read_text("utf-8") for p in sorted((out / "csv").iterdir())}
    _cli(capsys, "export", *cat, "-f", "annotations", "-o", str(out / "a.jsonld"), "--force")
    annotations = json.loads((out / "a.jsonld").read_text("utf-8"))
    seen["annotations"] = annotations["first"]["items"]  # (the collection's id is new)
    return seen


def test_every_reader_gives_the_same_after_0017(
    sample_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = sample_catalogue.path
    sample_catalogue.close()
    before = _readers(folder, capsys, tmp_path / "before")
    assert before["review"] and before["annotations"]
    engine = make_engine(folder / "catalogue.sqlite")
    downgrade(engine, target="0016")
    engine.dispose()
    conn = sqlite3.connect(folder / "catalogue.sqlite")
    stored = {row[0] for row in conn.execute("SELECT typeof(text) FROM documents")}
    conn.close()
    assert stored == {"text"}
    after = _readers(folder, capsys, tmp_path / "after")  # the first opens and upgrades
    assert after == before
    verified = json.loads(_cli(capsys, "verify", "-c", str(folder), "--json"))
    assert verified["problems"] == [] and verified["texts"]["problems"] == []
    assert verified["database"] == ["ok"] and verified["audit_trail"]["ok"] is True


def test_a_catalogue_written_now_opens_and_searches(
    tmp_path: Path, write_texts, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "New.catena"
    _cli(capsys, "init", str(folder))
    files = write_texts({"a.txt": "On 3 May 1992 the dam at Halvern failed; 212 died.\n"})
    _cli(capsys, "import", "-c", str(folder), str(files))
    Catalogue.open(folder, actor="tester").close()
    found = json.loads(_cli(capsys, "search", "-c", str(folder), "halvern", "--json"))
    assert [r["reference"] for r in found["results"]] == ["CAT-000001"]
    shown = json.loads(_cli(capsys, "show", "-c", str(folder), "CAT-000001", "--json"))
    assert shown["text"].startswith("On 3 May 1992 the dam at Halvern failed")
