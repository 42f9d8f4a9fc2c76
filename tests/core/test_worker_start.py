"""How import workers start: forked from a single-threaded importer on Linux (they
begin with its readers and language model instead of importing them again), spawned
as new interpreters beside other threads (the window's Qt threads) and elsewhere.

Each case runs in a fresh interpreter, whose threads the test controls (the test
runner's own process may have helper threads).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import sys, tempfile, threading
from pathlib import Path
from db.objects import FolderObjectStore
from desktop.ingest import prepare
from desktop.ingest.prepare import Job, Preparer
from tests.core import prepare_helpers

if sys.argv[1] == "with-a-thread":
    release = threading.Event()
    threading.Thread(target=release.wait, daemon=True).start()
if sys.argv[1] == "ctrl-c-at-fork":  # as if the key were pressed while a worker forks
    import os, signal
    os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))
prepare_helpers.INHERITED = "importer"
store = FolderObjectStore(Path(tempfile.mkdtemp()) / "objects")
jobs = [Job(Path(f"f{i}.txt"), f"f{i}.txt", f"f{i}.txt", b"x", "0" * 64, 10, False, store)
        for i in range(prepare.POOL_THRESHOLD)]
print(prepare.worker_context().get_start_method())
def before_fork():
    prepare_helpers.INHERITED = "importer-loaded"  # what a forked worker starts with

try:
    with Preparer(
        2, len(jobs), function=prepare_helpers.inherited_mark, before_fork=before_fork
    ) as preparer:
        for job in jobs:
            preparer.submit(job)
        marks = {preparer.next_result()[1].reason.split()[1] for _ in jobs}
except KeyboardInterrupt:
    marks = {"interrupted"}
print(" ".join(sorted(marks)))
"""


def _start(case: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, case],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    return done.stdout.split("\n")[:2]


def test_a_single_threaded_importer_forks_workers_that_inherit_what_it_holds() -> None:
    # ... including what the importer loads just before forking them (the language model).
    linux = sys.platform.startswith("linux")
    expected = ["fork", "importer-loaded"] if linux else ["spawn", "module"]
    assert _start("alone") == expected


def test_beside_another_thread_workers_are_new_interpreters() -> None:
    assert _start("with-a-thread") == ["spawn", "module"]


def test_ctrl_c_while_workers_fork_interrupts_the_import() -> None:
    """Python drops an interrupt raised in its at-fork handlers ("Exception ignored"):
    the key must be held back while workers fork, then delivered (and the process then
    ends, with no worker left to wait for)."""
    # (Spawned workers start without running the at-fork handlers: nothing to drop.)
    linux = sys.platform.startswith("linux")
    expected = ["fork", "interrupted"] if linux else ["spawn", "module"]
    assert _start("ctrl-c-at-fork") == expected


_FREEZE_SCRIPT = """
import gc, tempfile
from pathlib import Path
from db.objects import FolderObjectStore
from desktop.ingest import prepare
from desktop.ingest.prepare import Job, Preparer
from tests.core import prepare_helpers

store = FolderObjectStore(Path(tempfile.mkdtemp()) / "objects")
jobs = [Job(Path(f"f{i}.txt"), f"f{i}.txt", f"f{i}.txt", b"x", "0" * 64, 10, False, store)
        for i in range(prepare.POOL_THRESHOLD)]
with Preparer(2, len(jobs), function=prepare_helpers.frozen_objects) as preparer:
    for job in jobs:
        preparer.submit(job)
    counts = {int(preparer.next_result()[1].reason.split()[1]) for _ in jobs}
print(min(counts), gc.get_freeze_count())
"""


def test_forked_workers_start_with_the_importers_objects_frozen() -> None:
    """A forked worker's collector skips what it inherited (its pages stay shared and
    its collections short); the importer takes its own objects back after the fork."""
    done = subprocess.run(
        [sys.executable, "-c", _FREEZE_SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    in_worker, in_importer = map(int, done.stdout.split())
    if sys.platform.startswith("linux"):
        assert in_worker > 10_000  # the modules the importer had loaded
    else:
        assert in_worker == 0  # spawned: a new interpreter, nothing inherited
    assert in_importer == 0
