"""The suggester meets its targets on the development set, scored by the bench script."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from desktop.extract import suggest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _load_eval() -> ModuleType:
    path = REPO_ROOT / "bench" / "extraction_eval.py"
    spec = importlib.util.spec_from_file_location("extraction_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extraction_eval", module)
    spec.loader.exec_module(module)
    return module


extraction_eval = _load_eval()


@pytest.mark.seeds
def test_targets_met_on_seeds(gold: dict[str, Any], seeds_dir: Path) -> None:
    report = extraction_eval.evaluate(gold, seeds_dir, baselines=False)
    overall = report.systems["catena"]
    for kind, target in extraction_eval.TARGETS.items():
        assert overall[kind].f1 >= target, (kind, overall[kind])


@pytest.mark.seeds
def test_not_figures_are_never_suggested(gold: dict[str, Any], seeds_dir: Path) -> None:
    for doc in gold["documents"]:
        text = (seeds_dir / doc["file"]).read_text(encoding="utf-8")
        figures = suggest(text).figures
        for quote in doc.get("not_figures", []):
            position = text.find(quote)
            assert position != -1
            assert not [
                f for f in figures if f.start < position + len(quote) and position < f.end
            ], quote


@pytest.mark.seeds
def test_offsets_and_part_of_are_consistent(gold: dict[str, Any], seeds_dir: Path) -> None:
    for doc in gold["documents"]:
        text = (seeds_dir / doc["file"]).read_text(encoding="utf-8")
        result = suggest(text)
        for item in (*result.dates, *result.figures, *result.people):
            assert 0 <= item.start < item.end <= len(text)
        for figure in result.figures:
            if figure.part_of is not None:
                assert result.figures[figure.part_of].part_of is None
                assert result.figures[figure.part_of].start < figure.start


def test_matching_counts_restatements_apart() -> None:
    item = extraction_eval.Item
    gold = [(item((5.0, "exact"), 0, 3, "g"), [(0, 3)])]
    suggested = [item((5.0, "exact"), 0, 2, "a"), item((5.0, "exact"), 10, 12, "b")]
    score = extraction_eval.match(suggested, gold, extraction_eval._figures_equal)
    assert (score.tp, score.fp, score.fn, score.restated) == (1, 0, 0, 1)
    wrong = [item((6.0, "exact"), 0, 2, "c")]
    score = extraction_eval.match(wrong, gold, extraction_eval._figures_equal)
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_open_interval_matches_its_anchor_year() -> None:
    assert extraction_eval._dates_equal("1991/..", "1991")
    assert not extraction_eval._dates_equal("1991/..", "1992")
    assert not extraction_eval._dates_equal("1991", "1991/1992")


def test_main_reports_missing_shared_folder(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CATENA_SHARED", str(tmp_path / "absent"))
    assert extraction_eval.main(["--no-baselines"]) == 2
    assert "CATENA_SHARED" in capsys.readouterr().err
