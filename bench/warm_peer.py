"""A private warm command server for ``bench/peers.py``: `catena import` as a person's
second and later commands run it (``desktop.launch.warm_server``).

The server lives in its own runtime folder, so it is neither a person's server nor
one a test started. It is started the way a person starts it (a first routed command,
here ``catena init``, runs in its own process and leaves a server behind) and warmed by
one untimed import, after which it holds the language model and the suggesters' data
as it would for the rest of a working day.

A served command runs in the server's forked child, not in the `catena` process the
benchmark waits for; its CPU time (and that of the workers it waited for) reaches the
server when the server reaps the child, so it is read from the server's
``cutime + cstime`` in ``/proc`` (Linux) before and after each run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

from tests.launch.warm_fixtures import wait_until
from tests.reliability.process_tree import has_unreaped_children

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class WarmServer:
    def __init__(self, scratch: Path, environment: dict[str, str]) -> None:
        self.runtime = scratch / "run"
        self.runtime.mkdir(mode=0o700)
        self.environment = {**environment, "XDG_RUNTIME_DIR": str(self.runtime)}
        self.environment.pop("CATENA_NO_SERVER", None)
        self.environment["CATENA_SERVER_IDLE"] = "3600"
        self.pid = 0

    def _catena(self, *argv: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "desktop", *argv],
            check=True,
            capture_output=True,
            env=self.environment,
            cwd=self.environment["PYTHONPATH"],
        )

    def start(self, corpus: Path, scratch: Path) -> None:
        """Start the server as a first command does, then warm it with one import of
        a few of the corpus's files into a catalogue of its own."""
        warm_up = scratch / "warm-up"
        sample = warm_up / "files"
        sample.mkdir(parents=True)
        for path in sorted(p for p in corpus.rglob("*.txt"))[:80]:
            shutil.copy(path, sample / path.name)
        self._catena("init", str(warm_up / "Warm.catena"))
        wait_until(self._answering, "the warm server to answer")
        self._catena("--catalogue", str(warm_up / "Warm.catena"), "import", str(sample))
        self.settle()

    def _answering(self) -> bool:
        for path in (self.runtime / "catena").glob("*.sock"):
            with socket.socket(socket.AF_UNIX) as probe:
                try:
                    probe.connect(str(path))
                except OSError:
                    continue
            lock = path.with_suffix(".lock")
            text = lock.read_text().strip() if lock.exists() else ""
            if text:
                self.pid = int(text)
                return True
        return False

    def settle(self) -> None:
        """Wait until the server has reaped every command child (then their CPU time
        is in its counters)."""
        wait_until(lambda: not has_unreaped_children(self.pid), "the served command to be reaped")

    def children_cpu(self) -> float:
        """Seconds of CPU of the server's reaped children (and what they waited for)."""
        fields = (Path("/proc") / str(self.pid) / "stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[13]) + int(fields[14])) / _TICKS  # cutime, cstime

    def stop(self) -> None:
        if self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
