"""The long SIGKILL drill: kill a catalogue workload N times and check every guarantee.

Run from the repository root:

    .venv/bin/python bench/sigkill_long.py --iterations 100 [--seed N] [--keep DIR]

Each iteration forks a worker that imports, tags, merges people, edits and prints
dossiers on one catalogue, SIGKILLs it at a random moment, then checks that the
catalogue opens, passes SQLite's integrity and foreign-key checks and the search index
check, holds exactly the last confirmed commit (or the one in flight, whole), keeps
every acknowledged record with its sha256 and tags, that every object hashes right and
garbage collection removes only unreferenced objects, and that the audit chain
verifies. ``make test`` runs a short version (tests/reliability/test_crash_safety.py).
Exit status 0 when every iteration passed, 1 with the failing iteration's story.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.crash_harness import DrillFailure, run_drill


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it")
    args = parser.parse_args()

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} kills checked", end="", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="catena-sigkill-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        print(f"SIGKILL drill: {args.iterations} iterations, seed {args.seed}, in {work}")
        try:
            summary = run_drill(work, iterations=args.iterations, seed=args.seed, progress=progress)
        except DrillFailure as failure:
            print(f"\nFAILED (seed {args.seed}): {failure}")
            return 1
    print()
    print("\n".join(summary.lines()))
    print("All guarantees held after every kill.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
