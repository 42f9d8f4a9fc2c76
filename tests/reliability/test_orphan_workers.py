"""A killed importer takes its worker processes and resource tracker with it.

`catena import` parses in forked worker processes (the window, importing on a task
thread, in spawned ones). Before, a `kill -9` of the importer left the workers and
multiprocessing's resource tracker running under init, about 100 MB each, for good.
Each test starts a real import of 200 generated files, waits until its workers exist
and are busy, SIGKILLs the importer and then allows a generous minute for every
process it started to end; the catalogue must still be healthy.
``bench/orphan_drill.py`` repeats this at random moments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.catalogue import Catalogue
from tests.reliability.helpers import assert_healthy
from tests.reliability.orphan_harness import WORKERS, kill_import, make_catalogue, make_folder

WAIT_LIMIT = 60.0  # seconds; generous on purpose (a loaded two-core machine)


@pytest.mark.parametrize(
    "threaded", [False, True], ids=["catena-import", "import-on-a-thread-like-the-window"]
)
def test_killing_the_importer_ends_its_workers_and_resource_tracker(
    tmp_path: Path, threaded: bool
) -> None:
    folder = make_folder(tmp_path / "incoming")
    catalogue = make_catalogue(tmp_path / "catalogue.catena")

    outcome = kill_import(catalogue, folder, threaded=threaded, wait_limit=WAIT_LIMIT)

    assert outcome.killed, "the import finished before its workers were seen"
    # `catena import` forks its workers (no resource tracker then); a pool started
    # beside another thread, as the window's is, spawns them with a tracker.
    assert outcome.workers == WORKERS and outcome.trackers == (1 if threaded else 0)
    left = [f"{p.kind} {p.pid}: {p.command}" for p in outcome.left]
    assert left == [], f"still running {WAIT_LIMIT:.0f} s after the kill: {left}"
    with Catalogue.open(catalogue) as opened:
        assert_healthy(opened)
