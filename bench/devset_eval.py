"""Score Catena and the dateparser + quantulum3 baseline on the development set.

Run through ``bench/extraction_eval.py --devset [DIR]`` (see its ``--help``). For every
document ``suggest(text, document_date=…)`` is called as the import calls it (language
detection included), then scored one to one per kind (``devset_scoring``); the dev
part (stems 01–06) and the held-out part (07 and above) are reported apart, per
language and kind. Speed is the whole ``suggest()`` over every scored document: one
warm-up pass (the scoring itself), then *passes* timed passes; the figure is the median
pass, in milliseconds per 5,000 characters, and the slowest document is named. The
same passes are also given in CPU time (``time.process_time``), the honest figure when
other programs share the machine's cores.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from devset_baseline import FIGURE_LANGUAGES, dateparser_dates, quantulum_figures
from devset_data import KINDS, SPLITS, DevDocument, name_key
from devset_scoring import Found, Tally, score_kind

Suggester = Callable[[str, str | None], Any]  # (text, document_date) -> Suggestions
CATENA, BASELINE = "catena", "baseline"
PER = 5000  # characters in the "per 5 KB" figure


def catena_suggester(text: str, document_date: str | None) -> Any:
    from desktop.extract import suggest

    return suggest(text, document_date=document_date)


def catena_found(text: str, suggestions: Any) -> dict[str, list[Found]]:
    """Suggestions as comparable items; organisations are not people (not scored)."""

    def shown(start: int, end: int, said: str) -> str:
        return f"{text[start:end]!r} = {said}"

    dates = [
        Found(d.edtf, d.start, d.end, shown(d.start, d.end, d.edtf)) for d in suggestions.dates
    ]
    figures = []
    for f in suggestions.figures:
        upper = f"–{f.upper_value:g}" if f.upper_value is not None else ""
        figures.append(
            Found(
                (float(f.value), f.qualifier, f.upper_value),
                f.start,
                f.end,
                shown(f.start, f.end, f"{f.qualifier} {f.value:g}{upper}"),
            )
        )
    people = [
        Found(
            frozenset(name_key(form) for form in (p.name, *p.variants)),
            p.start,
            p.end,
            shown(p.start, p.end, p.name),
        )
        for p in suggestions.people
        if not p.is_organisation
    ]
    return {"dates": dates, "figures": figures, "people": people}


@dataclass
class Speed:
    ms_per_5k: float  # the median pass
    passes: list[float]  # every pass, ms per 5,000 characters
    worst_document: str
    worst_ms: float  # that document's median time
    worst_chars: int
    # The same passes in CPU time (process_time): on a machine other people share, the
    # wall clock also counts the time this process waited for a core.
    cpu_ms_per_5k: float = 0.0  # the median pass
    cpu_passes: list[float] = field(default_factory=list)

    @property
    def worst_per_5k(self) -> float:
        return self.worst_ms * PER / max(self.worst_chars, 1)

    def as_json(self) -> dict[str, Any]:
        return {
            "ms_per_5k_chars": round(self.ms_per_5k, 2),
            "passes_ms_per_5k_chars": [round(p, 2) for p in self.passes],
            "worst_document": self.worst_document,
            "worst_document_ms": round(self.worst_ms, 2),
            "worst_document_chars": self.worst_chars,
            "worst_document_ms_per_5k_chars": round(self.worst_per_5k, 2),
            "cpu_ms_per_5k_chars": round(self.cpu_ms_per_5k, 2),
            "cpu_passes_ms_per_5k_chars": [round(p, 2) for p in self.cpu_passes],
        }


@dataclass
class DevsetReport:
    # system -> split -> language -> kind -> tally
    scores: dict[str, dict[str, dict[str, dict[str, Tally]]]] = field(default_factory=dict)
    # document name -> kind -> catena's tally (for --show-errors)
    documents: dict[str, dict[str, Tally]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # split -> documents
    speed: Speed | None = None

    def record(self, system: str, document: DevDocument, kind: str, tally: Tally) -> None:
        by_language = self.scores.setdefault(system, {}).setdefault(document.split, {})
        by_language.setdefault(document.language, {}).setdefault(kind, Tally()).add(tally)

    def overall(self, system: str, split: str, kind: str) -> Tally:
        total = Tally()
        for kinds in self.scores.get(system, {}).get(split, {}).values():
            if kind in kinds:
                total.add(kinds[kind])
        return total


def measure_speed(
    documents: Sequence[DevDocument], suggester: Suggester, passes: int
) -> Speed | None:
    """Median of *passes* timed passes over *documents* (call after a warm-up pass)."""
    if passes <= 0 or not documents:
        return None
    chars = sum(len(d.text) for d in documents)
    per_document: dict[str, list[float]] = {d.name: [] for d in documents}
    totals = []
    cpu_totals = []
    for _ in range(passes):
        total = 0.0
        cpu_started = time.process_time()
        for document in documents:
            started = time.perf_counter()
            suggester(document.text, document.document_date)
            elapsed = (time.perf_counter() - started) * 1000
            per_document[document.name].append(elapsed)
            total += elapsed
        cpu_totals.append((time.process_time() - cpu_started) * 1000 * PER / max(chars, 1))
        totals.append(total * PER / max(chars, 1))
    sizes = {d.name: len(d.text) for d in documents}
    medians = {name: statistics.median(times) for name, times in per_document.items()}
    worst = max(medians, key=lambda name: medians[name] * PER / max(sizes[name], 1))
    return Speed(
        statistics.median(totals),
        totals,
        worst,
        medians[worst],
        sizes[worst],
        statistics.median(cpu_totals),
        cpu_totals,
    )


def evaluate_devset(
    documents: Sequence[DevDocument],
    suggester: Suggester = catena_suggester,
    *,
    baseline: bool = True,
    passes: int = 3,
) -> DevsetReport:
    """Score every document for Catena (and the baseline), then time the suggester."""
    report = DevsetReport()
    for document in documents:
        report.counts[document.split] = report.counts.get(document.split, 0) + 1
        found = catena_found(document.text, suggester(document.text, document.document_date))
        for kind in KINDS:
            tally = score_kind(kind, found[kind], document.gold[kind])
            report.record(CATENA, document, kind, tally)
            report.documents.setdefault(document.name, {})[kind] = tally
        if baseline:
            dates = dateparser_dates(document)
            report.record(
                BASELINE, document, "dates", score_kind("dates", dates, document.gold["dates"])
            )
            figures = quantulum_figures(document)
            if figures is not None:
                report.record(
                    BASELINE,
                    document,
                    "figures",
                    score_kind("figures", figures, document.gold["figures"]),
                )
    report.speed = measure_speed(documents, suggester, passes)
    return report


def _cells(tally: Tally | None) -> str:
    if tally is None:
        return f"{'n/a':>27}"
    return (
        f"{tally.tp:>4} {tally.fp:>4} {tally.fn:>4} "
        f"{tally.precision:>4.2f} {tally.recall:>4.2f} {tally.f1:>5.2f}"
    )


def _baseline_cell(report: DevsetReport, split: str, language: str | None, kind: str) -> str:
    if kind == "people":
        return "   (finds no people)"
    if language is None:
        by_language = report.scores.get(BASELINE, {}).get(split, {}).values()
        if not any(kind in kinds for kinds in by_language):
            return "   n/a (quantulum3 reads English only)"
        tally = report.overall(BASELINE, split, kind)
    else:
        tally = report.scores.get(BASELINE, {}).get(split, {}).get(language, {}).get(kind)
        if tally is None and kind == "figures" and language not in FIGURE_LANGUAGES:
            return "   n/a (quantulum3 reads English only)"
    return "  " + _cells(tally)


def report_lines(report: DevsetReport, *, with_baseline: bool) -> list[str]:
    """The per-split, per-language, per-kind tables and the speed line."""
    lines: list[str] = []
    columns = f"{'TP':>4} {'FP':>4} {'FN':>4} {'P':>4} {'R':>4} {'F1':>5}"
    head = f"{'lang':<5}{'kind':<9}{'gold':>5}   {columns}"
    if with_baseline:
        head += f"  |  baseline: {columns}"
    for split in SPLITS:
        languages = report.scores.get(CATENA, {}).get(split, {})
        if not languages:
            continue
        lines += ["", f"== {split} ({report.counts.get(split, 0)} documents) ==", head]
        for language in sorted(languages):
            for index, kind in enumerate(KINDS):
                tally = languages[language][kind]
                line = f"{language if index == 0 else '':<5}{kind:<9}{tally.tp + tally.fn:>5}   "
                line += _cells(tally)
                if with_baseline:
                    line += "  |" + _baseline_cell(report, split, language, kind)
                lines.append(line)
        for index, kind in enumerate(KINDS):
            tally = report.overall(CATENA, split, kind)
            line = f"{'all' if index == 0 else '':<5}{kind:<9}{tally.tp + tally.fn:>5}   "
            line += _cells(tally)
            if with_baseline:
                line += "  |" + _baseline_cell(report, split, None, kind)
            lines.append(line)
    if with_baseline:
        lines += [
            "",
            "baseline: dateparser search_dates(languages=[lang]) for dates; quantulum3 for "
            "figures, English only (its 'all' row counts English documents only)",
        ]
    if report.speed is not None:
        s = report.speed
        lines += [
            "",
            f"speed: suggest() {s.ms_per_5k:.1f} ms per 5 KB wall clock, {s.cpu_ms_per_5k:.1f} "
            f"ms CPU time (5,000 characters; median of {len(s.passes)} passes after a "
            "warm-up, language detection included); "
            f"worst document {s.worst_document}: {s.worst_per_5k:.1f} ms per 5 KB "
            f"({s.worst_ms:.1f} ms for {s.worst_chars:,} characters)",
        ]
    return lines


def error_lines(report: DevsetReport) -> list[str]:
    """Every missed gold item and false suggestion of Catena, document by document."""
    lines: list[str] = []
    for name, kinds in report.documents.items():
        for kind, tally in kinds.items():
            for shown in tally.missed:
                lines.append(f"{name} {kind} missed: {shown}")
            for shown in tally.false_positives:
                lines.append(f"{name} {kind} false: {shown}")
    return lines


def report_json(report: DevsetReport, *, show_errors: bool, code: str = "") -> dict[str, Any]:
    scores = {
        system: {
            split: {
                language: {kind: tally.as_json() for kind, tally in kinds.items()}
                for language, kinds in by_language.items()
            }
            | {
                "all": {
                    kind: report.overall(system, split, kind).as_json()
                    for kind in KINDS
                    if any(kind in kinds for kinds in by_language.values())
                }
            }
            for split, by_language in splits.items()
        }
        for system, splits in report.scores.items()
    }
    out: dict[str, Any] = {
        "code": code,
        "documents": report.counts,
        "scores": scores,
        "baseline": "dateparser search_dates (dates); quantulum3, English only (figures)",
        "speed": report.speed.as_json() if report.speed else None,
    }
    if show_errors:
        out["errors"] = {
            name: {
                kind: {"missed": tally.missed, "false": tally.false_positives}
                for kind, tally in kinds.items()
            }
            for name, kinds in report.documents.items()
        }
    return out
