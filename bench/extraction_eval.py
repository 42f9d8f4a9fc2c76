"""Score the tag suggester against the reference annotations in ../shared/gold/seeds.json.

Run: ``.venv/bin/python bench/extraction_eval.py`` (``--no-baselines`` to skip the slow
dateparser/quantulum3 comparison). ``CATENA_SHARED`` points at another shared folder.

``--devset [DIR]`` scores the multilingual development set instead (default
``tests/data/extraction``): P/R/F1 per language and kind, dev and held-out parts apart,
Catena beside the dateparser + quantulum3 baseline, and the speed of ``suggest()``
(``devset_eval``). The project's code is found on ``sys.path`` *before* this checkout,
so ``PYTHONPATH=/other/worktree`` scores that worktree's suggesters with this bench.

How suggestions are counted (the gold lists what a careful archivist tags):

* A suggestion that matches a gold item is a true positive; each gold item is matched
  at most once, preferring the suggestion whose span overlaps the gold quote.
* A suggestion that matches nothing in the gold is a false positive.
* A suggestion that repeats a gold fact already matched elsewhere in the same document
  (the same date, or the same value and qualifier again, e.g. a poster restating the
  article's numbers) is a *restatement*: neither rewarded nor penalised, and shown in
  its own column so it stays visible. The baselines are scored the same way.
* Dates: EDTF strings equal. Gold annotates "since 1991" by its anchor year; the
  suggester says what the phrase means ("1991/.."), so an open-ended interval matches
  a gold year equal to its start.
* Figures: value and qualifier equal (gold "over" is the model's "more than") and the
  span overlaps an occurrence of the gold quote.
* People: distinct persons per document, names equal after ``fold_name`` (gold variants
  accepted). Organisations are reported as information only (no target).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = Path(__file__).resolve().parent
# Appended, not inserted: a PYTHONPATH naming another checkout wins, so this bench can
# score that checkout's code. The bench's own sibling modules come from this folder.
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))
DEFAULT_DEVSET = REPO_ROOT / "tests" / "data" / "extraction"

from devset_scoring import Tally  # noqa: E402

from db.folding import fold, fold_name  # noqa: E402
from desktop.extract import Suggestions, suggest  # noqa: E402

TARGETS = {"dates": 0.95, "figures": 0.95, "people": 0.85}
_QUALIFIER_ALIASES = {"over": "more than", "approximately": "about", "almost": "nearly"}


def shared_dir() -> Path:
    return Path(os.environ.get("CATENA_SHARED", REPO_ROOT.parent / "shared"))


@dataclass
class Score(Tally):
    """The seeds' tally: the dev set's, plus restatements (neither right nor wrong)."""

    restated: int = 0

    def add(self, other: Tally) -> None:
        super().add(other)
        if isinstance(other, Score):
            self.restated += other.restated


@dataclass(frozen=True)
class Item:
    """One suggestion or gold entry reduced to what is compared: a key and a span."""

    key: Any
    start: int
    end: int
    label: str


@dataclass
class Report:
    systems: dict[str, dict[str, Score]]  # system -> kind -> overall score
    documents: dict[str, dict[str, dict[str, Score]]]  # file -> system -> kind -> score
    timings_ms: list[tuple[int, float]]  # (characters, milliseconds) per document
    cpu_ms: float = 0.0  # CPU time (process_time) of every suggest() call together


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    found, position = [], text.find(quote)
    while position != -1:
        found.append((position, position + len(quote)))
        position = text.find(quote, position + 1)
    return found


def _overlaps(item: Item, spans: Iterable[tuple[int, int]]) -> bool:
    return any(item.start < e and s < item.end for s, e in spans)


def match(
    suggested: Sequence[Item],
    gold: Sequence[tuple[Item, list[tuple[int, int]]]],
    equal: Callable[[Any, Any], bool],
) -> Score:
    """One-to-one matching: overlapping spans first, then any equal gold item left."""
    score = Score()
    used: set[int] = set()
    unmatched: list[Item] = []
    for item in suggested:
        choices = [i for i, (g, _) in enumerate(gold) if i not in used and equal(item.key, g.key)]
        overlapping = [i for i in choices if _overlaps(item, gold[i][1])]
        pick = (overlapping or choices or [None])[0]
        if pick is None:
            unmatched.append(item)
        else:
            used.add(pick)
            score.tp += 1
    for item in unmatched:
        if any(equal(item.key, g.key) for g, _ in gold):
            score.restated += 1
        else:
            score.fp += 1
            score.false_positives.append(item.label)
    for i, (g, _) in enumerate(gold):
        if i not in used:
            score.fn += 1
            score.missed.append(g.label)
    return score


def _dates_equal(suggested: str, gold: str) -> bool:
    return suggested == gold or (suggested.endswith("/..") and suggested[:-3] == gold)


def _figures_equal(suggested: tuple[float, str], gold: tuple[float, str]) -> bool:
    return abs(suggested[0] - gold[0]) < 1e-9 and suggested[1] == gold[1]


def _gold_items(
    text: str, entries: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]
) -> list[tuple[Item, list[tuple[int, int]]]]:
    items = []
    for entry in entries:
        spans = _occurrences(text, entry["quote"])
        start, end = spans[0] if spans else (-1, -1)
        items.append((Item(key(entry), start, end, repr(entry["quote"])), spans))
    return items


def score_dates(text: str, doc: dict[str, Any], suggested: Sequence[Item]) -> Score:
    gold = _gold_items(text, doc.get("dates", []), lambda e: e["edtf"])
    return match(suggested, gold, _dates_equal)


def score_figures(text: str, doc: dict[str, Any], suggested: Sequence[Item]) -> Score:
    def key(entry: dict[str, Any]) -> tuple[float, str]:
        qualifier = entry.get("qualifier", "exact")
        return float(entry["value"]), _QUALIFIER_ALIASES.get(qualifier, qualifier)

    gold = _gold_items(text, doc.get("figures", []), key)
    score = match(suggested, gold, _figures_equal)
    for quote in doc.get("not_figures", []):
        for item in suggested:
            if _overlaps(item, _occurrences(text, quote)):
                score.false_positives.append(f"{item.label} (listed as not a figure)")
    return score


def _name_score(suggested: Iterable[str], gold: list[dict[str, Any]]) -> Score:
    """Distinct names per document; a gold entry is found when any of its spellings is."""
    score = Score()
    gold_keys = [
        {fold_name(n) for n in [g["name"], g.get("quote", g["name"]), *g.get("variants", [])]}
        for g in gold
    ]
    names = {fold_name(n): n for n in suggested}
    found = [False] * len(gold)
    for key, name in names.items():
        hits = [i for i, keys in enumerate(gold_keys) if key in keys]
        if hits:
            for i in hits:
                found[i] = True
        else:
            score.fp += 1
            score.false_positives.append(repr(name))
    score.tp = sum(found)
    score.fn = len(gold) - score.tp
    score.missed = [repr(g["name"]) for g, f in zip(gold, found, strict=True) if not f]
    return score


def _organisation_score(suggested: Iterable[str], gold: list[dict[str, Any]]) -> Score:
    """Organisations, loosely: folded names equal or one containing the other."""
    score = Score()
    gold_forms = [{fold(g["name"]), fold(g.get("quote", g["name"]))} for g in gold]
    names = {fold(n): n for n in suggested}
    found = [False] * len(gold)
    for key, name in names.items():
        hits = [
            i
            for i, forms in enumerate(gold_forms)
            if any(key == f or (len(key) > 4 and (key in f or f in key)) for f in forms)
        ]
        for i in hits:
            found[i] = True
        if not hits:
            score.fp += 1
            score.false_positives.append(repr(name))
    score.tp = sum(found)
    score.fn = len(gold) - score.tp
    score.missed = [repr(g["name"]) for g, f in zip(gold, found, strict=True) if not f]
    return score


def _our_items(text: str, s: Suggestions) -> tuple[list[Item], list[Item]]:
    dates = [Item(d.edtf, d.start, d.end, repr(text[d.start : d.end])) for d in s.dates]
    figures = [
        Item((f.value, f.qualifier), f.start, f.end, repr(text[f.start : f.end])) for f in s.figures
    ]
    return dates, figures


def _dateparser_items(text: str) -> list[Item]:
    """dateparser's search_dates, each datetime read as a day (EDTF YYYY-MM-DD)."""
    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"]) or []
    items, cursor = [], 0
    for surface, moment in found:
        position = text.find(surface, cursor)
        if position == -1:
            position = text.find(surface)
        cursor = max(cursor, position + 1)
        assert isinstance(moment, datetime)
        items.append(
            Item(moment.date().isoformat(), position, position + len(surface), repr(surface))
        )
    return items


def _quantulum_items(text: str) -> list[Item]:
    """quantulum3's quantities as figures with qualifier 'exact'."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        quantities = parser.parse(text)
    return [
        Item((float(q.value), "exact"), q.span[0], q.span[1], repr(q.surface)) for q in quantities
    ]


def evaluate(gold: dict[str, Any], seeds_dir: Path, baselines: bool = True) -> Report:
    """Score the suggester (and optionally the two baselines) on every gold document."""
    systems: dict[str, dict[str, Score]] = {}
    documents: dict[str, dict[str, dict[str, Score]]] = {}
    timings: list[tuple[int, float]] = []
    cpu_ms = 0.0

    def record(system: str, file: str, kind: str, score: Score) -> None:
        documents.setdefault(file, {}).setdefault(system, {})[kind] = score
        systems.setdefault(system, {}).setdefault(kind, Score()).add(score)

    texts = {
        doc["file"]: (seeds_dir / doc["file"]).read_text(encoding="utf-8")
        for doc in gold["documents"]
    }
    for text in texts.values():
        # Warm-up: the first text in a language loads that language's data (CLDR names,
        # pymorphy dictionaries) once per process; the timed pass measures the work.
        suggest(text)
    for doc in gold["documents"]:
        file = doc["file"]
        text = texts[file]
        started, cpu_started = time.perf_counter(), time.process_time()
        suggestions = suggest(text)
        cpu_ms += (time.process_time() - cpu_started) * 1000
        timings.append((len(text), (time.perf_counter() - started) * 1000))
        dates, figures = _our_items(text, suggestions)
        record("catena", file, "dates", score_dates(text, doc, dates))
        record("catena", file, "figures", score_figures(text, doc, figures))
        people = [p.name for p in suggestions.people if not p.is_organisation]
        record("catena", file, "people", _name_score(people, doc.get("persons", [])))
        organisations = [p.name for p in suggestions.people if p.is_organisation]
        record(
            "catena",
            file,
            "organisations",
            _organisation_score(organisations, doc.get("organisations", [])),
        )
        if baselines:
            record("dateparser", file, "dates", score_dates(text, doc, _dateparser_items(text)))
            record("quantulum3", file, "figures", score_figures(text, doc, _quantulum_items(text)))
    return Report(systems, documents, timings, cpu_ms)


def _row(name: str, score: Score) -> str:
    return (
        f"{name:<34} {score.tp:>4} {score.fp:>4} {score.fn:>4} {score.restated:>6}"
        f" {score.precision:>6.2f} {score.recall:>6.2f} {score.f1:>6.2f}"
    )


def print_report(report: Report, verbose: bool = False) -> None:
    header = f"{'':<34} {'TP':>4} {'FP':>4} {'FN':>4} {'restat':>6} {'P':>6} {'R':>6} {'F1':>6}"
    for kind in ("dates", "figures", "people", "organisations"):
        print(f"\n== {kind} ==")
        print(header)
        for file, by_system in report.documents.items():
            if kind in by_system.get("catena", {}):
                print(_row(f"  {file[:30]}", by_system["catena"][kind]))
        for system, kinds in report.systems.items():
            if kind in kinds:
                target = TARGETS.get(kind) if system == "catena" else None
                flag = ""
                if target is not None:
                    flag = "  ok" if kinds[kind].f1 >= target else f"  BELOW target {target}"
                print(_row(f"{system} overall", kinds[kind]) + flag)
        if verbose:
            overall = report.systems["catena"][kind]
            for label in overall.false_positives:
                print(f"    false positive: {label}")
            for label in overall.missed:
                print(f"    missed: {label}")
    per_5k = [ms * 5000 / max(chars, 1) for chars, ms in report.timings_ms]
    print(
        f"\nspeed: {statistics.mean(ms for _, ms in report.timings_ms):.1f} ms per document "
        "(after a warm-up pass over every document); "
        f"median {statistics.median(per_5k):.1f} ms per 5 KB, "
        f"max {max(per_5k):.1f} ms per 5 KB (target 15 ms); CPU time "
        f"{report.cpu_ms * 5000 / max(sum(chars for chars, _ in report.timings_ms), 1):.1f} "
        "ms per 5 KB over all documents"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-baselines", action="store_true", help="skip dateparser/quantulum3")
    parser.add_argument("-v", "--verbose", action="store_true", help="list FPs and misses")
    devset = parser.add_argument_group("multilingual development set")
    devset.add_argument(
        "--devset",
        nargs="?",
        const=DEFAULT_DEVSET,
        type=Path,
        metavar="DIR",
        help=f"score the development set in DIR (default {DEFAULT_DEVSET})",
    )
    devset.add_argument("--lang", help="only documents in this language (folder name)")
    devset.add_argument("--split", choices=("dev", "heldout"), help="only this part")
    devset.add_argument("--json", action="store_true", help="machine-readable output")
    devset.add_argument(
        "--show-errors", action="store_true", help="list missed and false items per document"
    )
    devset.add_argument(
        "--passes", type=int, default=3, help="timed passes for the speed figure (0: none)"
    )
    args = parser.parse_args(argv)
    if args.devset is not None:
        return run_devset(args)
    shared = shared_dir()
    gold_path, seeds = shared / "gold" / "seeds.json", shared / "seeds"
    if not gold_path.is_file() or not seeds.is_dir():
        print(
            f"No reference data at {shared} (expected gold/seeds.json and seeds/). "
            "It lives outside the project; set CATENA_SHARED to its folder.",
            file=sys.stderr,
        )
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    # Keep import, compile and model-loading cost out of the timings: the paragraph must
    # be long enough for the language model to be loaded (a short one is not classified).
    suggest("Warm-up: on 1 January 2000 five people met the committee in the old town hall.")
    report = evaluate(gold, seeds, baselines=not args.no_baselines)
    print_report(report, verbose=args.verbose)
    return 0


def run_devset(args: argparse.Namespace) -> int:
    """``--devset``: score the development set; 2 with a one-line message on bad data."""
    from devset_data import DevsetError, load_devset
    from devset_eval import error_lines, evaluate_devset, report_json, report_lines

    try:
        documents = load_devset(args.devset, language=args.lang, split=args.split)
    except DevsetError as exc:
        print(f"extraction_eval: {exc}", file=sys.stderr)
        return 2
    if not documents:
        print(f"extraction_eval: no documents to score in {args.devset}", file=sys.stderr)
        return 2
    report = evaluate_devset(documents, baseline=not args.no_baselines, passes=args.passes)
    code_from = Path(sys.modules[suggest.__module__].__file__ or "?").resolve().parents[2]
    if args.json:
        out = report_json(report, show_errors=args.show_errors, code=str(code_from))
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    print(f"development set {args.devset}; scoring the code in {code_from}")
    for line in report_lines(report, with_baseline=not args.no_baselines):
        print(line)
    if args.show_errors:
        print()
        for line in error_lines(report):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
