"""Kill a running `catena import` and watch what its worker processes do.

The importer runs in a fresh interpreter with a marker in its environment, so every
process it starts (workers, multiprocessing's resource tracker) can be found again
after the kill, when they have been adopted by init (see ``process_tree``). Two ways
to import: ``catena import`` itself, whose pool starts on the main thread, and
``import_paths`` on a second thread — the way the window imports (its import task
runs on a thread of Qt's pool), so Linux's parent-death signal is not armed and the
parent pipe alone must end the workers.

Used by tests/reliability/test_orphan_workers.py and bench/orphan_drill.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.helpers import article, cli_env
from tests.reliability.process_tree import (
    ProcessInfo,
    children_of,
    kill_all,
    marked,
    new_marker,
    wait_until_gone,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2  # whatever the machine's cores: a pool is what is being tested

# `catena import ARGS...` as `python -m desktop` runs it, with the pool's size fixed.
_COMMAND = (
    "import sys\n"
    "import desktop.ingest.pipeline as pipeline\n"
    f"pipeline.default_workers = lambda: {WORKERS}\n"
    "from desktop.launch.entry import main\n"
    "sys.exit(main(['import', *sys.argv[1:]]))\n"
)
# The window's way: the import runs on a thread that is not the main one.
_THREADED = (
    "import sys, threading\n"
    "from pathlib import Path\n"
    "from db.catalogue import Catalogue\n"
    "from desktop.ingest.pipeline import ImportOptions, import_paths\n"
    "def run():\n"
    "    with Catalogue.open(Path(sys.argv[2])) as catalogue:\n"
    f"        options = ImportOptions(workers={WORKERS})\n"
    "        import_paths(catalogue, [Path(sys.argv[3])], options=options)\n"
    "task = threading.Thread(target=run)\n"
    "task.start()\n"
    "task.join()\n"
)


def make_folder(folder: Path, count: int = 200, salt: str = "") -> Path:
    """*count* distinct small text files, each a few kilobytes of news prose."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = "\n".join(article(n * 31 + k, salt) for k in range(12))
        (folder / f"report-{n:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def make_catalogue(path: Path) -> Path:
    from db.catalogue import Catalogue

    with Catalogue.open(path, create=True):
        return path


def start_importer(
    catalogue: Path, folder: Path, marker: dict[str, str], *, threaded: bool
) -> subprocess.Popen[bytes]:
    env = {**cli_env(), **marker}
    if threaded:
        argv = [sys.executable, "-c", _THREADED, "-", str(catalogue), str(folder)]
    else:
        argv = [sys.executable, "-c", _COMMAND, "--catalogue", str(catalogue), str(folder)]
    return subprocess.Popen(
        argv, env=env, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


@dataclass
class KillOutcome:
    killed: bool  # False: the import had finished before the kill was due
    workers: int  # worker processes running at the moment of the kill
    trackers: int  # resource trackers running then
    left: list[ProcessInfo]  # what still ran when the wait gave up
    seconds_to_clear: float  # from the kill until the last of them had gone


def kill_import(
    catalogue: Path,
    folder: Path,
    *,
    threaded: bool = False,
    after_seconds: float | None = None,
    wait_limit: float = 60.0,
    start_limit: float = 120.0,
) -> KillOutcome:
    """Start an import, SIGKILL it once its workers are busy (or *after_seconds*),
    and wait up to *wait_limit* seconds for every process it started to end. Whatever
    is left then is killed here, so a failing run leaves nothing behind."""
    marker = new_marker()
    importer = start_importer(catalogue, folder, marker, threaded=threaded)
    started = time.monotonic()
    try:
        while importer.poll() is None and time.monotonic() - started < start_limit:
            if after_seconds is None:
                workers = [p for p in children_of(importer.pid) if p.kind == "worker"]
                if len(workers) >= WORKERS:
                    break
            elif time.monotonic() - started >= after_seconds:
                break
            time.sleep(0.05)
        killed = importer.poll() is None
        at_kill = marked(marker)
        if killed:
            os.kill(importer.pid, signal.SIGKILL)
    finally:
        importer.wait()
    # Also what was starting at the moment of the kill and was not listed yet.
    seen = {(p.pid, p.started): p for p in [*at_kill, *marked(marker)]}
    left, waited = wait_until_gone(list(seen.values()), wait_limit)
    kill_all(left)
    return KillOutcome(
        killed=killed,
        workers=sum(p.kind == "worker" for p in at_kill),
        trackers=sum(p.kind == "resource tracker" for p in at_kill),
        left=left,
        seconds_to_clear=waited,
    )
