"""`catena search`: text and JSON output, facets, variants, and query errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.launch.entry import main

ARTICLE = (
    "Xocalı survivors speak\n\n"
    "By Aysel Quliyeva, Caspian Evening Post\n"
    "March 2, 1992\n\n"
    "XOCALI, March 2 — Şəkibə Mustafayeva said the town was shelled at night.\n"
)
LETTER = "Letter about the Khojaly commission\n\nDear Sir, the commission will meet in May.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cat(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    write_texts,  # type: ignore[no-untyped-def]
) -> str:
    path = str(tmp_path / "S.catena")
    run(capsys, "init", path)
    folder = write_texts({"article.txt": ARTICLE, "letter.txt": LETTER})
    code, _, _ = run(capsys, "import", str(folder), "-c", path, "--no-suggest")
    assert code == 0
    return path


def test_search_prints_hits_with_marked_snippets(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "Sekibe", "-c", cat)
    assert code == 0
    assert "CAT-000001" in out and "[Şəkibə]" in out
    assert "1 document matches" in out


def test_search_json_is_documented_shape(cat: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--json", "--facets", "xocali", "-c", cat)
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "query",
        "total",
        "offset",
        "limit",
        "ranked",
        "terms",
        "results",
        "facets",
    }
    assert data["total"] == 1 and data["terms"] == ["xocali"] and data["ranked"] is True
    hit = data["results"][0]
    assert hit["reference"] == "CAT-000001" and isinstance(hit["score"], float)
    snippet = hit["snippet"]
    start, end = snippet["highlights"][0]
    assert snippet["text"][start:end] in ("Xocalı", "XOCALI")
    assert set(data["facets"]) == {"type", "publisher", "year", "person", "tag"}


def test_search_variants_and_limit(cat: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "--json", "khojaly", "-c", cat)
    assert [hit["reference"] for hit in json.loads(out)["results"]] == ["CAT-000002"]
    _, out, _ = run(capsys, "search", "--json", "--variants", "khojaly", "-c", cat)
    assert len(json.loads(out)["results"]) == 2
    _, out, _ = run(capsys, "search", "--json", "--variants", "--limit", "1", "khojaly", "-c", cat)
    data = json.loads(out)
    assert data["total"] == 2 and len(data["results"]) == 1


def test_blank_search_lists_everything(cat: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--json", "-c", cat)
    assert code == 0 and json.loads(out)["total"] == 2


@pytest.mark.parametrize("query", ["foo AND", '"open', "note:x", "++"])
def test_query_errors_are_one_line_and_exit_2(
    cat: str, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, err = run(capsys, "search", query, "-c", cat)
    assert code == 2 and out == ""
    assert err.startswith("catena search: ") and err.count("\n") == 1
