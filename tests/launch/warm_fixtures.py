"""A private folder for warm command servers, the clients run against it, and a
teardown that kills every server (and its children) the test started, whatever failed.

Clients are ``python -m tests.launch.warm_probe`` from the repository root, servers are
started by ``python -m tests.launch.warm_start``: the same ``sys.path`` for both, so
both find the same socket.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    imported_sqlalchemy: bool


def wait_until(condition: Callable[[], bool], what: str, limit: float = 180.0) -> None:
    """Wait for an event (bounded only so a broken server cannot hang the suite)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


class Warm:
    def __init__(self, runtime: Path) -> None:
        self.runtime = runtime
        self.folder = runtime / "catena"
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "CATENA_SERVER_IDLE": "300"}
        for name in ("CATENA_NO_SERVER", "CATENA_CATALOGUE", "PYTHONIOENCODING"):
            self.env.pop(name, None)

    def run(
        self, args: list[str], stdin: str | None = None, umask: str | None = None, **env: str
    ) -> Outcome:
        probe = self.runtime / "probe.json"
        probe.unlink(missing_ok=True)
        command = [sys.executable, "-m", "tests.launch.warm_probe", *args]
        if umask is not None:  # the client's umask, set by a shell in front of it
            command = ["sh", "-c", f'umask {umask} && exec "$@"', "sh", *command]
        done = subprocess.run(
            command,
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            env={**self.env, "CATENA_TEST_PROBE": str(probe), **env},
            cwd=ROOT,
            timeout=300,
        )
        imported = json.loads(probe.read_text())["sqlalchemy"] if probe.exists() else True
        return Outcome(done.returncode, done.stdout, done.stderr, imported)

    def popen(self, args: list[str], **env: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.launch.warm_probe", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**self.env, **env},
            cwd=ROOT,
        )

    def sockets(self) -> list[Path]:
        return sorted(self.folder.glob("*.sock")) if self.folder.exists() else []

    def live_servers(self) -> list[int]:
        """Pids of the servers holding their lock now."""
        pids = []
        for lock in self.folder.glob("*.lock") if self.folder.exists() else ():
            with lock.open("r+") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    text = lock.read_text().strip()
                    if text:
                        pids.append(int(text))
                else:
                    fcntl.flock(handle, fcntl.LOCK_UN)
        return pids

    def answering(self) -> bool:
        import socket

        for path in self.sockets():
            with socket.socket(socket.AF_UNIX) as probe, contextlib.suppress(OSError):
                probe.connect(str(path))
                return True
        return False

    def start(self, runner: str | None = None, **env: str) -> int:
        """Start a server (optionally with a stand-in runner); its pid once it answers."""
        subprocess.run(
            [sys.executable, "-m", "tests.launch.warm_start", *([runner] if runner else [])],
            env={**self.env, **env},
            cwd=ROOT,
            check=True,
            timeout=60,
        )
        wait_until(lambda: self.answering() and bool(self.live_servers()), "the server")
        return self.live_servers()[0]

    def kill_all(self) -> int:
        """Kill every process of this folder; how many were found."""
        found = 0
        for pid in self.live_servers():
            found += 1
            with contextlib.suppress(ProcessLookupError):
                group = os.getpgid(pid)  # its own session: the commands' children too
                if group != os.getpgrp():
                    os.killpg(group, signal.SIGKILL)
        # Any process still naming this folder (a server that never took its lock).
        for entry in Path("/proc").glob("[0-9]*/cmdline"):
            with contextlib.suppress(OSError, ValueError):
                if str(self.runtime).encode() in entry.read_bytes():
                    os.kill(int(entry.parent.name), signal.SIGKILL)
                    found += 1
        return found


@contextlib.contextmanager
def warm_folder() -> Iterator[Warm]:
    # Short: a Unix socket's path must fit in about 100 bytes.
    runtime = Path(tempfile.mkdtemp(prefix="cw-", dir="/tmp"))
    warm = Warm(runtime)
    try:
        yield warm
    finally:
        # Again until a pass finds none: a client may have been starting a server.
        wait_until(lambda: warm.kill_all() == 0, "no process of the test's folder left")
        shutil.rmtree(runtime, ignore_errors=True)
