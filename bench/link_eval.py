"""Score the event-link suggester against its own dev set.

Run: ``.venv/bin/python bench/link_eval.py`` (``--verbose`` lists every wrong link,
``--json`` prints the figures as JSON). The dev set is ``bench/devsets/event_links/``:
fictional event records (``events.json``, with a war and two events within it, two
floods at one place 44 years apart, a mine fire and a ferry sinking), eight short
documents written for Catena (one in Russian), and ``gold.json``: for every figure and
date claim, the event a careful archivist links it to, ``null`` when it should stay
unlinked (background dates, cumulative figures with no broader event), or ``*`` when
both answers are defensible (not scored); and for dates the role.

The claims are taken from the gold (spans of the quoted text, bounds of the gold EDTF),
so this measures the linking rules alone, not the tag suggester in front of them.
Figures printed:

* **accuracy**: claims whose suggested event (or none) is the expected one;
* **link precision**: suggested links that are right; **link recall**: expected
  links that were suggested;
* **narrowed**: cumulative or broader-scope figures given to a narrow event (the error
  the issue forbids: must be 0);
* **role accuracy**: dates whose role (event / reporting) is the expected one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from db.dates import edtf_bounds  # noqa: E402
from desktop.extract.event_links import ClaimSpan, EventInfo, suggest_event_links  # noqa: E402

DEVSET = REPO_ROOT / "bench" / "devsets" / "event_links"
ANY = "*"


@dataclass
class Tally:
    claims: int = 0
    correct: int = 0
    suggested: int = 0
    suggested_right: int = 0
    expected: int = 0
    expected_found: int = 0
    narrowed: int = 0
    roles: int = 0
    roles_right: int = 0
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "claims": self.claims,
            "accuracy": ratio(self.correct, self.claims),
            "link_precision": ratio(self.suggested_right, self.suggested),
            "link_recall": ratio(self.expected_found, self.expected),
            "narrowed": self.narrowed,
            "role_accuracy": ratio(self.roles_right, self.roles),
        }


def load_events(devset: Path) -> list[EventInfo]:
    data = json.loads((devset / "events.json").read_text(encoding="utf-8"))
    events = []
    for record in data["events"]:
        lower, upper = edtf_bounds(record.get("edtf"))
        events.append(
            EventInfo(
                ref=record["ref"],
                names=tuple(record["names"]),
                lower=lower,
                upper=upper,
                parent_ref=record.get("parent"),
                place=record.get("place"),
            )
        )
    return events


def claims_of(name: str, text: str, gold: list[dict[str, Any]]) -> list[ClaimSpan]:
    """Spans of the gold quotes, found in document order."""
    claims: list[ClaimSpan] = []
    cursor = 0
    for index, item in enumerate(gold):
        # A quote may run across a line break of the text.
        pattern = r"\s+".join(re.escape(word) for word in item["quote"].split())
        match = re.compile(pattern).search(text, cursor)
        if match is None:
            raise SystemExit(f"{name}: quote {item['quote']!r} not found after offset {cursor}")
        start, cursor = match.start(), match.start()
        lower = upper = None
        if item["kind"] == "date":
            lower, upper = edtf_bounds(item["edtf"])
            if lower is None and upper is None:
                raise SystemExit(f"{name}: EDTF {item['edtf']!r} of {item['quote']!r} is invalid")
        claims.append(ClaimSpan(item["kind"], index, start, match.end(), lower, upper))
    return claims


def score(devset: Path = DEVSET, split: str = "dev") -> Tally:
    """Score the documents of one split ("dev": the rules were written against them;
    "heldout": written afterwards and never tuned on)."""
    events = load_events(devset)
    parents = {e.ref: e.parent_ref for e in events}
    gold_docs = json.loads((devset / "gold.json").read_text(encoding="utf-8"))["documents"]
    tally = Tally()
    for name, doc in sorted(gold_docs.items()):
        if doc.get("split", "dev") != split:
            continue
        text = (devset / name).read_text(encoding="utf-8")
        gold = doc["claims"]
        links = suggest_event_links(
            text, claims_of(name, text, gold), events, published=doc.get("published")
        )
        for item, link in zip(gold, links, strict=True):
            expected = item["event"]
            got = link.event_ref
            if expected != ANY:
                tally.claims += 1
                tally.correct += got == expected
                tally.suggested += got is not None
                tally.suggested_right += got is not None and got == expected
                tally.expected += expected is not None
                tally.expected_found += expected is not None and got == expected
                if got is not None and expected is not None and parents.get(got) == expected:
                    tally.narrowed += 1  # given to an event within the expected one
                if got != expected:
                    tally.wrong.append(
                        f"{name}: {item['quote']!r} → {got} (expected {expected}): {link.reason}"
                    )
            role = item.get("role", ANY)
            if item["kind"] == "date" and role != ANY:
                tally.roles += 1
                tally.roles_right += link.role == role
                if link.role != role:
                    tally.wrong.append(
                        f"{name}: {item['quote']!r} role {link.role} (expected {role})"
                    )
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong link")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    tallies = {split: score(split=split) for split in ("dev", "heldout")}
    if args.json:
        print(json.dumps({split: t.figures() for split, t in tallies.items()}, indent=2))
        return 0
    print("Event-link suggester on bench/devsets/event_links")
    print(f"  {'':<15} {'dev':>8} {'heldout':>8}")
    for key in tallies["dev"].figures():
        row = [tallies[split].figures()[key] for split in ("dev", "heldout")]
        print(f"  {key:<15} {row[0]!s:>8} {row[1]!s:>8}")
    if args.verbose:
        for split, tally in tallies.items():
            for line in tally.wrong:
                print(f"  ✗ [{split}]", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
