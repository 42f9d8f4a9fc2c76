"""The watchdog that ends an import worker when its parent ends (worker_watch)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from db.objects import FolderObjectStore, sha256_bytes
from desktop.ingest.prepare import POOL_THRESHOLD, Failed, Job, Preparer
from desktop.ingest.worker_watch import arm_death_signal, watch_parent
from tests.reliability.helpers import cli_env
from tests.reliability.process_tree import ProcessInfo, children_of, kill_all, wait_until_gone
from tests.reliability.worker_probes import death_signal

REPO_ROOT = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")


def test_closing_the_parents_end_of_the_pipe_calls_the_exit_hook() -> None:
    worker_end, parent_end = os.pipe()
    gone = threading.Event()
    try:
        # A parent id that never changes: only the pipe can wake the watchdog.
        watchdog = watch_parent(worker_end, gone.set, poll_seconds=3600, parent_id=lambda: 42)
        assert not gone.is_set()
        os.close(parent_end)  # what the kernel does when the parent dies
        assert gone.wait(timeout=60)
        watchdog.join(timeout=60)
        assert not watchdog.is_alive()
    finally:
        os.close(worker_end)


def test_a_changed_parent_id_calls_the_exit_hook_and_a_living_parent_does_not() -> None:
    worker_end, parent_end = os.pipe()  # held open: the parent is alive as far as it shows
    checks: list[int] = []
    calls_at_exit: list[int] = []

    def parent_id() -> int:
        checks.append(1)
        return 4242 if len(checks) <= 5 else 1  # adopted by init after five looks

    try:
        watchdog = watch_parent(
            worker_end,
            lambda: calls_at_exit.append(len(checks)),
            poll_seconds=0.01,
            parent_id=parent_id,
        )
        watchdog.join(timeout=60)
        assert not watchdog.is_alive()
        # Four checks saw the same parent and did nothing; the sixth look ended it.
        assert calls_at_exit == [6]
    finally:
        os.close(worker_end)
        os.close(parent_end)


def test_without_a_pipe_the_parent_id_alone_ends_the_worker() -> None:
    looks = iter([7, 7, 7, 1])
    gone = threading.Event()
    watch_parent(None, gone.set, poll_seconds=0.01, parent_id=lambda: next(looks))
    assert gone.wait(timeout=60)


_MIDDLE = (
    "import subprocess, sys\n"
    "child = subprocess.Popen([sys.executable, '-c', "
    "'import sys, time\\n"
    "from desktop.ingest.worker_watch import arm_death_signal\\n"
    "print(arm_death_signal(), flush=True)\\n"
    "time.sleep(600)'], stdout=subprocess.PIPE, text=True)\n"
    "print(child.stdout.readline().strip(), flush=True)\n"
    "child.wait()\n"
)


def test_the_death_signal_kills_a_process_whose_parent_is_killed() -> None:
    """Linux's belt: the kernel kills the armed process even with no watchdog running."""
    if not LINUX:
        assert arm_death_signal() is False
        return
    middle = subprocess.Popen(
        [sys.executable, "-c", _MIDDLE],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=REPO_ROOT,
    )
    child: list[ProcessInfo] = []
    try:
        assert middle.stdout is not None
        assert middle.stdout.readline().strip() == "True"
        child = children_of(middle.pid)
        assert len(child) == 1
        middle.kill()
        middle.wait()
        left, _waited = wait_until_gone(child, timeout=60)
        assert left == []
    finally:
        middle.kill()
        middle.wait()
        kill_all(child)
        if middle.stdout is not None:
            middle.stdout.close()


def _death_signals(store: Path) -> set[int]:
    data = b"x"
    jobs = [
        Job(
            Path(f"f{i}"),
            f"f{i}",
            f"f{i}",
            data,
            sha256_bytes(data),
            10,
            False,
            FolderObjectStore(store),
        )
        for i in range(POOL_THRESHOLD)
    ]
    with Preparer(2, len(jobs), function=death_signal) as preparer:
        assert preparer.parallel
        for job in jobs:
            preparer.submit(job)
        results = [preparer.next_result()[1] for _ in jobs]
    return {int(r.reason.split()[1]) for r in results if isinstance(r, Failed)}


def test_the_death_signal_is_armed_only_for_pools_started_on_the_main_thread(
    tmp_path: Path,
) -> None:
    """Linux ties the signal to the thread that started the worker: the window's
    import thread may end while the process (and a later pool) lives on, so its
    workers rely on the pipe alone."""
    if not LINUX:
        assert arm_death_signal() is False
        return
    assert _death_signals(tmp_path) == {int(signal.SIGKILL)}

    from_thread: list[set[int]] = []
    task = threading.Thread(target=lambda: from_thread.append(_death_signals(tmp_path)))
    task.start()
    task.join()
    assert from_thread == [{0}]
