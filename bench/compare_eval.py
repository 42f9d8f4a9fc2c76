"""Score the cross-source comparison against the fictional corroboration dev set.

Run: ``.venv/bin/python bench/compare_eval.py`` (``--json FILE`` keeps the numbers,
``--verbose`` lists every missed and noise group). The dev set and its gold are in
``bench/devsets/corroboration/`` (see its README).

What it does, as a person would: import the dev set's folder into a new catalogue in a
temporary folder (``desktop.core.imports.import_files``: the real pipeline with tag
suggestions), then accept every suggestion (``catena suggest --all --accept``:
``desktop.core.suggestions.suggest_tags``), then compare figures
(``db.analysis.compare_figures``) and score the comparisons with two or more sources:

* a comparison *matches* a gold group when category and subject are equal, all its
  documents belong to the gold group's event, and it shares at least two documents
  with the gold group;
* **group recall**: gold groups matched by some comparison;
* **noise groups**: comparisons that match no gold group (a non-count number, a wrong
  category, or documents of different events in one group);
* **disagreement precision**: comparisons saying "differ" that match a gold
  disagreement; **disagreement recall**: gold disagreements found as "differ".

The comparison is run three ways: over the whole catalogue with no event links
(every event's "killed" in one group), once per event over that event's documents (what
a dossier's selection gives), and over the whole catalogue after linking each
document's figures to one event record per dev-set event (what ``catena compare``
shows once figures are linked: ``compare_figures`` never groups figures of
different event records together).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from sqlalchemy import update  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from db import event_records  # noqa: E402
from db.analysis import Comparison, compare_figures  # noqa: E402
from db.catalogue import Catalogue  # noqa: E402
from db.models import Document, Figure  # noqa: E402
from desktop.core.imports import import_files  # noqa: E402
from desktop.core.suggestions import live_references, suggest_tags  # noqa: E402

DEVSET = REPO_ROOT / "bench" / "devsets" / "corroboration"

Source = tuple[str, str]  # (event folder, file name)


@dataclass(frozen=True)
class GoldGroup:
    event: str
    category: str
    subject: str | None
    documents: frozenset[str]
    disagree: bool

    @property
    def label(self) -> str:
        subject = f" ({self.subject})" if self.subject else ""
        return f"{self.event}: {self.category}{subject}"


@dataclass(frozen=True)
class Produced:
    """A comparison with two or more sources, reduced to what scoring needs."""

    category: str
    subject: str | None
    differ: bool
    sources: frozenset[Source]
    values: str

    @property
    def label(self) -> str:
        subject = f" ({self.subject})" if self.subject else ""
        events = ",".join(sorted({event for event, _ in self.sources}))
        verdict = "differ" if self.differ else "agree"
        return f"{events}: {self.category}{subject} {verdict} [{self.values}]"


@dataclass
class Score:
    gold_groups: int = 0
    matched_groups: int = 0
    produced: int = 0
    noise: int = 0
    mixed_events: int = 0
    said_differ: int = 0
    differ_correct: int = 0
    gold_disagreements: int = 0
    disagreements_found: int = 0
    missed: list[str] = field(default_factory=list)
    noise_groups: list[str] = field(default_factory=list)
    wrong_differ: list[str] = field(default_factory=list)

    @property
    def group_recall(self) -> float:
        return self.matched_groups / self.gold_groups if self.gold_groups else 1.0

    @property
    def disagreement_precision(self) -> float:
        return self.differ_correct / self.said_differ if self.said_differ else 1.0

    @property
    def disagreement_recall(self) -> float:
        return (
            self.disagreements_found / self.gold_disagreements if self.gold_disagreements else 1.0
        )


def load_gold(path: Path) -> list[GoldGroup]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        GoldGroup(
            event["folder"],
            group["category"],
            group["subject"],
            frozenset(group["documents"]),
            bool(group["disagree"]),
        )
        for event in data["events"]
        for group in event["groups"]
    ]


def matches(produced: Produced, gold: GoldGroup) -> bool:
    events = {event for event, _ in produced.sources}
    shared = {name for event, name in produced.sources if event == gold.event} & gold.documents
    return (
        (produced.category, produced.subject) == (gold.category, gold.subject)
        and events == {gold.event}
        and len(shared) >= 2
    )


def score(produced: Sequence[Produced], gold: Sequence[GoldGroup]) -> Score:
    """Group recall, noise and disagreement precision/recall (see the module doc)."""
    result = Score(gold_groups=len(gold), produced=len(produced))
    result.gold_disagreements = sum(1 for g in gold if g.disagree)
    for group in gold:
        found = [p for p in produced if matches(p, group)]
        if found:
            result.matched_groups += 1
            if group.disagree and any(p.differ for p in found):
                result.disagreements_found += 1
        else:
            result.missed.append(group.label)
    for comparison in produced:
        matched = [g for g in gold if matches(comparison, g)]
        if len({event for event, _ in comparison.sources}) > 1:
            result.mixed_events += 1
        if not matched:
            result.noise += 1
            result.noise_groups.append(comparison.label)
        if comparison.differ:
            result.said_differ += 1
            if any(g.disagree for g in matched):
                result.differ_correct += 1
            else:
                result.wrong_differ.append(comparison.label)
    return result


def reduce(comparisons: Iterable[Comparison], source_of: dict[str, Source]) -> list[Produced]:
    """The comparisons with two or more sources, as (event, file) sets."""
    produced = []
    for comparison in comparisons:
        if comparison.verdict == "single source":
            continue
        values = ", ".join(
            f"{s.qualifier + ' ' if s.qualifier != 'exact' else ''}{g.label} {s.document_ref}"
            for g in comparison.groups
            for s in g.sources
        )
        produced.append(
            Produced(
                comparison.category,
                comparison.subject,
                comparison.verdict == "differ",
                frozenset(source_of[ref] for ref in comparison.documents),
                values,
            )
        )
    return produced


def build_catalogue(folder: Path, devset: Path) -> tuple[Catalogue, dict[str, Source]]:
    """Import the dev set and accept every suggestion; map references to (event, file)."""
    catalogue = Catalogue.open(folder, create=True, actor="compare-eval", daily_backup=False)
    report = import_files(catalogue, paths=[devset]).value
    source_of: dict[str, Source] = {}
    for outcome in report.outcomes:
        if outcome.ref is None:
            continue
        path = Path(outcome.path)
        source_of[outcome.ref] = (path.parent.name, path.name)
    suggest_tags(catalogue, refs=live_references(catalogue), accept=True)
    return catalogue, source_of


def link_events(session: Session, source_of: dict[str, Source]) -> None:
    """One event record per dev-set event; every figure of its documents linked to it
    (as a person linking figures to events would, perfectly)."""
    ids = {doc.ref: doc.id for doc in session.query(Document)}
    for event in sorted({event for event, _ in source_of.values()}):
        ref = event_records.create(session, name=event, actor="compare-eval").ref
        record_id = event_records.require(session, ref).id
        members = [ids[doc_ref] for doc_ref, (e, _) in source_of.items() if e == event]
        session.execute(
            update(Figure).where(Figure.document_id.in_(members)).values(event_record_id=record_id)
        )


def evaluate(devset: Path = DEVSET) -> dict[str, Score]:
    gold = load_gold(devset / "gold.json")
    with tempfile.TemporaryDirectory(prefix="compare-eval-") as work:
        catalogue, source_of = build_catalogue(Path(work) / "Eval.catena", devset)
        try:
            with catalogue.reading() as session:
                whole = compare_figures(session)
                ids = {doc.ref: doc.id for doc in session.query(Document)}
                per_event: list[Comparison] = []
                for event in sorted({event for event, _ in source_of.values()}):
                    members = [ids[ref] for ref, (e, _) in source_of.items() if e == event]
                    per_event.extend(compare_figures(session, document_ids=members))
            with catalogue.writing() as session:
                link_events(session, source_of)
            with catalogue.reading() as session:
                linked = compare_figures(session)
        finally:
            catalogue.close()
    return {
        "whole catalogue": score(reduce(whole, source_of), gold),
        "per event": score(reduce(per_event, source_of), gold),
        "linked to events": score(reduce(linked, source_of), gold),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--json", type=Path, help="write the scores to this file")
    parser.add_argument("--verbose", action="store_true", help="list missed and noise groups")
    args = parser.parse_args(argv)
    scores = evaluate(args.devset)
    header = f"{'mode':<17}{'recall':>8}{'groups':>8}{'noise':>7}{'mixed':>7}"
    print(header + f"{'differ P':>10}{'differ R':>10}")
    for mode, s in scores.items():
        print(
            f"{mode:<17}{s.group_recall:>8.2f}{s.matched_groups:>4}/{s.gold_groups:<3}"
            f"{s.noise:>7}{s.mixed_events:>7}"
            f"{s.disagreement_precision:>6.2f} {s.differ_correct:>2}/{s.said_differ:<2}"
            f"{s.disagreement_recall:>5.2f} {s.disagreements_found}/{s.gold_disagreements}"
        )
        if args.verbose:
            for title, items in (
                ("missed", s.missed),
                ("noise", s.noise_groups),
                ("differ, not a gold disagreement", s.wrong_differ),
            ):
                for item in items:
                    print(f"    {title}: {item}")
    if args.json:
        payload: dict[str, Any] = {mode: asdict(s) for mode, s in scores.items()}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
