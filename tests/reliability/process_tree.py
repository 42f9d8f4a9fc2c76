"""Find the processes a killed `catena import` left behind, from /proc (Linux).

psutil is not a dependency, and this kernel may lack /proc/<pid>/task/*/children, so
processes are found by reading /proc/<pid>/stat (the parent id) and
/proc/<pid>/environ: every process the importer starts inherits its environment, so
a marker variable set for one run finds its workers and its resource tracker even
after they have been adopted by init. Used by tests/reliability/test_orphan_workers.py
and bench/orphan_drill.py.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.ingest.worker_watch import WORKER_NAME

PROC = Path("/proc")
MARKER_VARIABLE = "CATENA_ORPHAN_DRILL"


@dataclass(frozen=True)
class ProcessInfo:
    """One process, named so that a later process reusing its pid is not mistaken for it."""

    pid: int
    parent: int
    started: int  # clock ticks after boot: with the pid, unique on this machine
    command: str
    name: str = ""  # the kernel's name for it (/proc/<pid>/comm)

    @property
    def kind(self) -> str:
        if "resource_tracker" in self.command:
            return "resource tracker"
        if self.name == WORKER_NAME.decode() or "multiprocessing.spawn" in self.command:
            return "worker"  # forked workers carry the importer's command line
        return "other"


def new_marker() -> dict[str, str]:
    """Environment entries that tag one run's processes."""
    return {MARKER_VARIABLE: uuid.uuid4().hex}


def _read_stat(pid: int) -> tuple[str, int, int, str] | None:
    """(state, parent pid, start time, name) of *pid*, None if it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name is in parentheses and may contain spaces and parentheses.
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[19]), name


def _command(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _pids() -> Iterator[int]:
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            yield int(entry.name)


def _info(pid: int) -> ProcessInfo | None:
    stat = _read_stat(pid)
    if stat is None or stat[0] in "ZX":
        return None
    return ProcessInfo(pid, stat[1], stat[2], _command(pid), stat[3])


def children_of(parent: int) -> list[ProcessInfo]:
    """The living processes whose parent is *parent* (workers, resource tracker)."""
    found = []
    for pid in _pids():
        stat = _read_stat(pid)
        if stat is not None and stat[1] == parent:
            info = _info(pid)
            if info is not None:
                found.append(info)
    return found


def has_unreaped_children(parent: int) -> bool:
    """Whether *parent* has a child it has not reaped yet, ended ones (zombies)
    included: until it reaps them, their CPU time is not in its counters."""
    return any((stat := _read_stat(pid)) is not None and stat[1] == parent for pid in _pids())


def marked(marker: dict[str, str]) -> list[ProcessInfo]:
    """The living processes whose environment carries *marker* (other than this one)."""
    ((name, value),) = marker.items()
    needle = f"{name}={value}".encode()
    found = []
    for pid in _pids():
        if pid == os.getpid():
            continue
        try:
            environment = (PROC / str(pid) / "environ").read_bytes().split(b"\0")
        except OSError:  # gone, or not ours
            continue
        if needle in environment:
            info = _info(pid)
            if info is not None:
                found.append(info)
    return found


def alive(process: ProcessInfo) -> bool:
    """Whether *process* still runs (a zombie waiting for init to reap it does not)."""
    stat = _read_stat(process.pid)
    return stat is not None and stat[0] not in "ZX" and stat[2] == process.started


def wait_until_gone(
    processes: list[ProcessInfo], timeout: float, step: float = 0.1
) -> tuple[list[ProcessInfo], float]:
    """Poll until none of *processes* runs or *timeout* seconds pass: what still runs,
    and the seconds waited."""
    start = time.monotonic()
    while True:
        remaining = [p for p in processes if alive(p)]
        waited = time.monotonic() - start
        if not remaining or waited >= timeout:
            return remaining, waited
        time.sleep(step)


def kill_all(processes: list[ProcessInfo]) -> None:
    """SIGKILL what is left of *processes* (so a failing check leaves no litter)."""
    for process in processes:
        if alive(process):
            with contextlib.suppress(OSError):  # it ended meanwhile
                os.kill(process.pid, signal.SIGKILL)
