"""Is a suggestion's confidence worth reading? Precision per confidence band.

Run: ``PYTHONPATH=. .venv/bin/python bench/confidence_eval.py [--split dev|heldout]``.

Every suggestion on the multilingual development set (``tests/data/extraction``) is
scored as ``bench/extraction_eval.py --devset`` scores it (one to one, per occurrence);
then, per kind and per confidence value, how many were right. A useful confidence
orders the bands: the review queue sorted by confidence shows the likely mistakes
first. ``desktop/extract/confidence.py`` sets the values from these figures.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO_ROOT = BENCH.parent
for entry in (str(BENCH), str(REPO_ROOT)):
    if entry not in sys.path:
        sys.path.append(entry)

from devset_data import KINDS, load_devset  # noqa: E402
from devset_eval import catena_found, catena_suggester  # noqa: E402
from devset_scoring import score_kind  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=REPO_ROOT / "tests" / "data" / "extraction")
    parser.add_argument("--split", choices=("dev", "heldout"))
    args = parser.parse_args(argv)
    bands: dict[tuple[str, float | None], list[int]] = defaultdict(lambda: [0, 0])
    for document in load_devset(args.devset):
        if args.split and document.split != args.split:
            continue
        suggestions = catena_suggester(document.text, document.document_date)
        found = catena_found(document.text, suggestions)
        confidences = {
            "dates": [d.confidence for d in suggestions.dates],
            "figures": [f.confidence for f in suggestions.figures],
            "people": [p.confidence for p in suggestions.people if not p.is_organisation],
        }
        for kind in KINDS:
            tally = score_kind(kind, found[kind], document.gold[kind])
            for index, confidence in enumerate(confidences[kind]):
                band = bands[(kind, confidence)]
                band[0] += 1
                band[1] += index in tally.paired
    print(f"{'kind':<8} {'confidence':>10} {'suggested':>9} {'right':>6} {'precision':>9}")
    for (kind, confidence), (total, right) in sorted(
        bands.items(), key=lambda item: (item[0][0], -(item[0][1] or 0))
    ):
        shown = "none" if confidence is None else f"{confidence:.2f}"
        print(f"{kind:<8} {shown:>10} {total:>9} {right:>6} {right / total:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
