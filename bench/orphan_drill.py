"""The orphan drill: SIGKILL `catena import` at random moments, count what it leaves.

Run from the repository root:

    .venv/bin/python bench/orphan_drill.py --kills 24 [--seed N] [--threaded]

Each kill gets a fresh catalogue and imports the same 200 generated text files with
two worker processes; the importer is killed a seeded random time after it starts
(anywhere from start-up to the end of a full import, timed once first; an import
that finishes first is not counted, and the next moment is drawn earlier), and every
process it started (found by a marker in their environment) must end within
``--wait`` seconds. ``--threaded`` imports on a second thread, as the window does.
Prints how many kills left processes behind and how long the slowest took to go.
Exit status 0 when no kill left anything running.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.orphan_harness import (
    kill_import,
    make_catalogue,
    make_folder,
    start_importer,
)
from tests.reliability.process_tree import new_marker


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--wait", type=float, default=60.0, help="seconds allowed to end")
    parser.add_argument("--threaded", action="store_true", help="import as the window does")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="catena-orphans-") as scratch:
        work = Path(scratch)
        folder = make_folder(work / "incoming")
        started = time.monotonic()
        full = start_importer(
            make_catalogue(work / "full.catena"), folder, new_marker(), threaded=args.threaded
        )
        full.wait()
        full_seconds = time.monotonic() - started
        print(
            f"Orphan drill: {args.kills} kills, seed {args.seed}, "
            f"{'thread (window)' if args.threaded else 'catena import'}; "
            f"a full import takes {full_seconds:.1f} s"
        )
        orphaned = finished = with_workers = stray = 0
        slowest = 0.0
        latest = full_seconds  # a kill due later than this would find the import done
        kill = 0
        while kill < args.kills:
            delay = rng.uniform(0.0, latest)
            outcome = kill_import(
                make_catalogue(work / f"run-{kill}-{finished}.catena"),
                folder,
                threaded=args.threaded,
                after_seconds=delay,
                wait_limit=args.wait,
            )
            left = ", ".join(f"{p.kind} {p.pid}" for p in outcome.left) or "nothing left"
            if not outcome.killed:  # not a kill: draw again, earlier (the machine is busy)
                finished += 1
                stray += bool(outcome.left)
                latest = delay * 0.9
                print(f"finished before {delay:5.1f} s; {left}")
                continue
            kill += 1
            orphaned += bool(outcome.left)
            slowest = max(slowest, outcome.seconds_to_clear)
            with_workers += outcome.workers > 0
            print(
                f"kill {kill:2d} at {delay:5.1f} s: {outcome.workers} workers, "
                f"{outcome.trackers} tracker; gone after {outcome.seconds_to_clear:4.1f} s; {left}"
            )
    print(
        f"{orphaned} of {args.kills} kills left processes running after {args.wait:.0f} s "
        f"({with_workers} kills hit running workers; {finished} imports finished first "
        "and were not counted); "
        f"the last process ended at most {slowest:.1f} s after its kill."
    )
    if stray:
        print(f"{stray} imports that finished left processes running")
    return 1 if orphaned or stray else 0


if __name__ == "__main__":
    raise SystemExit(main())
