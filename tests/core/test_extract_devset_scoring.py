"""The development-set scorer (bench/devset_*.py) counts what it says it counts, and the
development set in tests/data/extraction is well formed (its guard)."""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from db.dates import is_valid_edtf
from desktop.extract import QUALIFIERS
from desktop.extract.languages import SUPPORTED

REPO_ROOT = Path(__file__).resolve().parents[2]
BENCH = REPO_ROOT / "bench"
# CATENA_DEVSET checks a set being written elsewhere before it joins the project.
DEVSET = Path(os.environ.get("CATENA_DEVSET") or REPO_ROOT / "tests" / "data" / "extraction")
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))

devset_data = importlib.import_module("devset_data")
devset_scoring = importlib.import_module("devset_scoring")
devset_eval = importlib.import_module("devset_eval")
extraction_eval = importlib.import_module("extraction_eval")

Found = devset_scoring.Found
GoldItem = devset_data.GoldItem


def _gold(key: Any, start: int, end: int, kind: str = "dates") -> Any:
    return GoldItem(kind, key, start, end, "q", f"gold {key}@{start}")


def _write(folder: Path, lang: str, stem: str, text: str, gold: dict[str, Any]) -> Path:
    (folder / lang).mkdir(parents=True, exist_ok=True)
    (folder / lang / f"{stem}.txt").write_text(text, encoding="utf-8")
    path = folder / lang / f"{stem}.json"
    path.write_text(json.dumps({"language": lang, **gold}, ensure_ascii=False), encoding="utf-8")
    return path


def test_one_gold_item_takes_one_suggestion_only() -> None:
    gold = [_gold("1943-03-22", 10, 20)]
    found = [Found("1943-03-22", 10, 20, "a"), Found("1943-03-22", 12, 18, "b")]
    tally = devset_scoring.score_kind("dates", found, gold)
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)
    assert tally.false_positives == ["b"]


def test_pairing_is_maximal_whatever_the_order_of_suggestions() -> None:
    # The first suggestion overlaps both gold items, the second only the first item:
    # a greedy pairing would give the first item to the first suggestion and lose one.
    gold = [_gold("1992", 0, 10), _gold("1992", 8, 20)]
    found = [Found("1992", 5, 12, "wide"), Found("1992", 0, 4, "left")]
    tally = devset_scoring.score_kind("dates", found, gold)
    assert (tally.tp, tally.fp, tally.fn) == (2, 0, 0)


def test_equal_value_elsewhere_in_the_text_is_not_a_match() -> None:
    gold = [_gold("1992-02-26", 0, 10)]
    found = [Found("1992-02-26", 30, 40, "later")]
    tally = devset_scoring.score_kind("dates", found, gold)
    assert (tally.tp, tally.fp, tally.fn) == (0, 1, 1)
    assert tally.missed == ["gold 1992-02-26@0"]


def test_overlapping_span_with_another_value_is_not_a_match() -> None:
    tally = devset_scoring.score_kind(
        "dates", [Found("1992-02", 0, 10, "x")], [_gold("1992-02-26", 0, 10)]
    )
    assert (tally.tp, tally.fp, tally.fn) == (0, 1, 1)


def test_figures_compare_upper_bound_only_when_the_gold_has_one() -> None:
    gold_range = [_gold((12.0, "range", 77.0), 0, 9, "figures")]
    gold_plain = [_gold((140.0, "more than", None), 0, 9, "figures")]

    def score(gold: list[Any], key: tuple[float, str, float | None]) -> int:
        return int(devset_scoring.score_kind("figures", [Found(key, 0, 9, "s")], gold).tp)

    assert score(gold_range, (12.0, "range", 77.0)) == 1
    assert score(gold_range, (12.0, "range", None)) == 0
    assert score(gold_range, (12.0, "range", 70.0)) == 0
    assert score(gold_plain, (140.0, "more than", 150.0)) == 1
    assert score(gold_plain, (140.0, "about", None)) == 0
    assert score(gold_plain, (141.0, "more than", None)) == 0


def test_repeated_quote_kth_item_is_kth_occurrence(tmp_path: Path) -> None:
    text = "On 5 May they met. On 5 May they left. Then 5 May came again."
    path = _write(
        tmp_path,
        "en",
        "01-may",
        text,
        {"document_date": "1990-01-02", "dates": [{"quote": "5 May", "edtf": "1990-05-05?"}] * 2},
    )
    document = devset_data.load_document(path)
    first, second = document.gold["dates"]
    assert (first.start, second.start) == (3, 22)
    assert document.split == "dev" and document.document_date == "1990-01-02"
    # A suggestion on the third occurrence matches neither annotated one.
    found = [Found("1990-05-05?", 22, 27, "second"), Found("1990-05-05?", 44, 49, "third")]
    tally = devset_scoring.score_kind("dates", found, document.gold["dates"])
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)


def test_quote_missing_from_the_text_is_a_one_line_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "ru", "02-x", "Сталин приехал.", {"people": [{"quote": "Берия", "name": "Берия"}]}
    )
    with pytest.raises(devset_data.DevsetError) as caught:
        devset_data.load_document(path)
    message = str(caught.value)
    assert str(path) in message and "people[0]" in message and "'Берия'" in message
    assert "\n" not in message


def test_quote_listed_more_often_than_it_occurs_is_an_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "fr",
        "03-x",
        "Vers 1920, puis en 1930.",
        {"dates": [{"quote": "1930", "edtf": "1930"}, {"quote": "1930", "edtf": "1930"}]},
    )
    with pytest.raises(devset_data.DevsetError, match=r"dates\[1\].*listed 2 times.*occurs 1"):
        devset_data.load_document(path)


def test_split_follows_the_number_and_a_contrary_declaration_is_an_error(tmp_path: Path) -> None:
    # Stems 01-06 are dev (tuned on), 07 and above held out (written afterwards, unseen).
    last_dev = _write(tmp_path, "de", "06-a", "Text.", {"split": "dev"})
    assert devset_data.load_document(last_dev).split == "dev"
    held = _write(tmp_path, "de", "07-b", "Text.", {})
    assert devset_data.load_document(held).split == "heldout"
    wrong = _write(tmp_path, "de", "05-c", "Text.", {"split": "heldout"})
    with pytest.raises(devset_data.DevsetError, match="split"):
        devset_data.load_document(wrong)


def _fake_suggestions(text: str) -> Any:
    start = text.index("JOSEPH STALIN")
    org = text.index("Red Cross")
    return SimpleNamespace(
        dates=(),
        figures=(),
        people=(
            SimpleNamespace(
                start=start,
                end=start + 13,
                name="Joseph Stalin",
                is_organisation=False,
                variants=(),
            ),
            SimpleNamespace(
                start=org, end=org + 9, name="Red Cross", is_organisation=True, variants=()
            ),
        ),
    )


def test_people_fold_names_and_organisations_are_not_false_people(tmp_path: Path) -> None:
    text = "JOSEPH STALIN wrote to the Red Cross."
    _write(
        tmp_path,
        "en",
        "01-a",
        text,
        {"people": [{"quote": "JOSEPH STALIN", "name": "Joseph Stalin"}]},
    )
    documents = devset_data.load_devset(tmp_path)
    report = devset_eval.evaluate_devset(
        documents, lambda text, _date: _fake_suggestions(text), baseline=False, passes=0
    )
    tally = report.scores["catena"]["dev"]["en"]["people"]
    assert (tally.tp, tally.fp, tally.fn) == (1, 0, 0)


def test_suggester_gets_the_document_date_and_filters_apply(tmp_path: Path) -> None:
    _write(tmp_path, "en", "01-a", "One.", {"document_date": "2021-03-04"})
    _write(tmp_path, "fr", "07-b", "Deux.", {"document_date": None})
    seen: list[tuple[str, str | None]] = []

    def suggester(text: str, document_date: str | None) -> Any:
        seen.append((text, document_date))
        return SimpleNamespace(dates=(), figures=(), people=())

    devset_eval.evaluate_devset(
        devset_data.load_devset(tmp_path), suggester, baseline=False, passes=2
    )
    assert seen == [("One.", "2021-03-04"), ("Deux.", None)] * 3  # scoring + 2 timed passes
    assert [d.name for d in devset_data.load_devset(tmp_path, language="fr")] == ["fr/07-b"]
    assert [d.name for d in devset_data.load_devset(tmp_path, split="dev")] == ["en/01-a"]


def test_command_reports_json_per_split_language_and_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        tmp_path,
        "de",
        "01-a",
        "Am 9. Juni 1942 starben 12 Menschen.",
        {
            "document_date": None,
            "dates": [{"quote": "9. Juni 1942", "edtf": "1942-06-09"}],
            "figures": [{"quote": "12 Menschen", "value": 12, "qualifier": "exact"}],
        },
    )
    code = extraction_eval.main(["--devset", str(tmp_path), "--json", "--passes", "1"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["documents"] == {"dev": 1}
    catena = out["scores"]["catena"]["dev"]["de"]
    assert catena["dates"]["tp"] + catena["dates"]["fn"] == 1
    assert catena["figures"]["tp"] + catena["figures"]["fn"] == 1
    assert "figures" not in out["scores"]["baseline"]["dev"]["de"]  # quantulum3: English only
    assert out["speed"]["worst_document"] == "de/01-a"
    assert len(out["speed"]["cpu_passes_ms_per_5k_chars"]) == 1  # CPU time beside the wall


def test_command_refuses_bad_gold_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "it", "01-a", "Testo.", {"dates": [{"quote": "1943", "edtf": "1943"}]})
    assert extraction_eval.main(["--devset", str(tmp_path), "--no-baselines"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "dates[0]" in err and "Traceback" not in err


def test_development_set_is_well_formed() -> None:
    """The data's guard: every gold quote occurs (as often as listed), every EDTF is
    valid, every qualifier is one Catena knows, every text has its gold and back."""
    if not DEVSET.is_dir():
        return  # the set lives in the project once it is merged; nothing to check before
    for text_path in DEVSET.glob("*/*.txt"):
        assert text_path.with_suffix(".json").is_file(), f"{text_path}: no gold beside it"
    for json_path in DEVSET.glob("*/*.json"):
        assert json_path.with_suffix(".txt").is_file(), f"{json_path}: no text beside it"
    documents = devset_data.load_devset(DEVSET)  # raises on a missing quote
    for document in documents:
        data = json.loads(document.path.read_text(encoding="utf-8"))
        assert document.language in SUPPORTED, document.path
        assert document.path.parent.name == document.language, document.path
        for entry in data.get("dates", []):
            assert is_valid_edtf(entry["edtf"]), (document.path, entry)
        for entry in data.get("figures", []):
            assert entry.get("qualifier", "exact") in QUALIFIERS, (document.path, entry)
        if data.get("document_date"):
            assert is_valid_edtf(data["document_date"]), document.path


def test_a_repeated_surname_counts_through_the_suggestions_variants(tmp_path: Path) -> None:
    text = "Stalin Iosif signed. Later Stalin left."
    _write(
        tmp_path,
        "en",
        "01-a",
        text,
        {
            "people": [
                {"quote": "Stalin Iosif", "name": "Iosif Stalin"},
                {"quote": "Stalin", "name": "Stalin"},
            ]
        },
    )
    later = text.index("Stalin", 5)
    found = SimpleNamespace(
        dates=(),
        figures=(),
        people=(
            SimpleNamespace(
                start=0, end=12, name="Stalin Iosif", is_organisation=False, variants=()
            ),
            SimpleNamespace(
                start=later,
                end=later + 6,
                name="Iosif Stalin",
                is_organisation=False,
                variants=("Stalin",),
            ),
        ),
    )
    documents = devset_data.load_devset(tmp_path)
    report = devset_eval.evaluate_devset(
        documents, lambda _text, _date: found, baseline=False, passes=0
    )
    tally = report.scores["catena"]["dev"]["en"]["people"]
    assert (tally.tp, tally.fp, tally.fn) == (2, 0, 0)


def test_quotes_skip_occurrences_inside_longer_quotes_and_inside_words(tmp_path: Path) -> None:
    text = "On 28 August Helen Okafor spoke; on 8 August Okafor left."
    path = _write(
        tmp_path,
        "en",
        "01-a",
        text,
        {
            "dates": [{"quote": "8 August", "edtf": "2020-08-08?"}],
            "people": [
                {"quote": "Helen Okafor", "name": "Helen Okafor"},
                {"quote": "Okafor", "name": "Okafor"},
            ],
        },
    )
    document = devset_data.load_document(path)
    (date,) = document.gold["dates"]
    assert text[date.start - 3 : date.end] == "on 8 August"
    full, surname = document.gold["people"]
    assert surname.start > full.end
