"""SIGKILL drill: a catalogue killed at random moments loses nothing acknowledged.

A worker process (``crash_worker.py``) imports small generated documents in batches
(text, e-mail with attachments, images), tags, accepts suggestions (linking people),
creates and merges people, edits metadata, trashes and restores, and prints dossiers
through ``catena dossier``, announcing every commit before it is issued and
acknowledging it after. The parent kills it with SIGKILL at seeded random moments —
after some number of output lines, right after a commit is announced, or from a timer
inside the worker a few hundredths of a millisecond into COMMIT — and then checks the
catalogue (see ``crash_harness``): it opens, the integrity and foreign-key checks and
the search index check pass, its content is exactly the last confirmed commit or the
one in flight (never a part of a batch), every acknowledged record is there with its
sha256 and tags, every object hashes right, garbage collection removes only
unreferenced objects, the audit chain verifies, and no dossier file is torn.

``bench/sigkill_long.py --iterations 100`` runs the long version.
"""

from __future__ import annotations

from pathlib import Path

from tests.reliability.crash_harness import run_drill

ITERATIONS = 32
SEED = 20260301


def test_sigkill_drill_loses_nothing_acknowledged(tmp_path: Path) -> None:
    summary = run_drill(tmp_path, iterations=ITERATIONS, seed=SEED)
    print("\n".join(summary.lines()))
    assert summary.iterations == ITERATIONS
    # The drill must actually exercise what it claims: batches acknowledged before the
    # kills, and kills landing while a commit was in flight.
    assert summary.acked_by_kind.get("import", 0) >= ITERATIONS // 3
    assert summary.killed_with_commit_in_flight >= 2
    assert summary.documents > 0 and summary.tags > 0
