"""The comparison benchmark's scoring, and its run over the fictional dev set."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parents[2]


def _load_eval() -> ModuleType:
    path = REPO_ROOT / "bench" / "compare_eval.py"
    spec = importlib.util.spec_from_file_location("compare_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("compare_eval", module)
    spec.loader.exec_module(module)
    return module


compare_eval = _load_eval()
GoldGroup = compare_eval.GoldGroup
Produced = compare_eval.Produced


def _gold() -> list[GoldGroup]:
    return [
        GoldGroup("e1", "killed", None, frozenset({"a", "b", "c"}), False),
        GoldGroup("e1", "missing", None, frozenset({"a", "b"}), True),
        GoldGroup("e2", "killed", None, frozenset({"x", "y"}), True),
    ]


def test_score_counts_matches_noise_mixed_events_and_disagreements() -> None:
    produced = [
        Produced("killed", None, False, frozenset({("e1", "a"), ("e1", "c")}), ""),
        Produced("missing", None, True, frozenset({("e1", "a"), ("e1", "b")}), ""),
        # Two events in one group: noise, and its "differ" is wrong.
        Produced("killed", None, True, frozenset({("e1", "b"), ("e2", "x")}), ""),
        # A non-count number made into a group: noise.
        Produced("country", None, True, frozenset({("e1", "a"), ("e1", "b")}), ""),
        # Right thing, wrong subject: noise, and the gold group is missed.
        Produced("killed", "children", True, frozenset({("e2", "x"), ("e2", "y")}), ""),
    ]
    score = compare_eval.score(produced, _gold())
    assert (score.matched_groups, score.gold_groups) == (2, 3)
    assert score.missed == ["e2: killed"]
    assert (score.noise, score.mixed_events) == (3, 1)
    assert (score.differ_correct, score.said_differ) == (1, 4)
    assert (score.disagreements_found, score.gold_disagreements) == (1, 2)
    assert score.disagreement_precision == 0.25


def test_a_group_sharing_one_document_with_the_gold_does_not_match() -> None:
    produced = [Produced("killed", None, False, frozenset({("e1", "a"), ("e1", "z")}), "")]
    score = compare_eval.score(produced, _gold())
    assert score.matched_groups == 0 and score.noise == 1


def test_gold_file_names_existing_documents_of_its_event() -> None:
    devset = compare_eval.DEVSET
    data = json.loads((devset / "gold.json").read_text(encoding="utf-8"))
    assert len(data["events"]) >= 4
    for event in data["events"]:
        folder = devset / event["folder"]
        assert 3 <= len(list(folder.glob("*.txt"))) <= 5
        for group in event["groups"]:
            assert len(group["documents"]) >= 2
            assert all((folder / name).is_file() for name in group["documents"])


def test_the_dev_set_per_event_finds_disagreements_without_false_alarms() -> None:
    scores = compare_eval.evaluate()
    per_event = scores["per event"]
    assert per_event.noise == 0
    assert per_event.disagreement_precision == 1.0
    assert per_event.matched_groups >= 13
    # One catalogue without event links mixes events: the reason event links are needed.
    assert scores["whole catalogue"].mixed_events > 0
