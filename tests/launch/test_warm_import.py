"""`catena import` answered by the warm command server: the same report and catalogue
as in a process of its own, and a client killed with SIGKILL takes the served import
and its workers with it (``desktop.launch.warm_child.end_with_client``).

Each test has its own private folder and kills every server it started in teardown
(tests.launch.warm_fixtures).
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from desktop.ingest.prepare import POOL_THRESHOLD
from tests.launch.warm_fixtures import Warm, wait_until, warm_folder
from tests.reliability.helpers import assert_healthy
from tests.reliability.orphan_harness import make_folder
from tests.reliability.process_tree import ProcessInfo, children_of, wait_until_gone


@pytest.fixture
def warm() -> Iterator[Warm]:
    with warm_folder() as folder:
        yield folder


def _descendants(pid: int) -> list[ProcessInfo]:
    found: list[ProcessInfo] = []
    waiting = [pid]
    while waiting:
        for child in children_of(waiting.pop()):
            found.append(child)
            waiting.append(child.pid)
    return found


def _listing(warm: Warm, catalogue: Path) -> str:
    """`catena list`, the catalogue's own path (in its last line) left out."""
    listed = warm.run(["--catalogue", str(catalogue), "list"], CATENA_NO_SERVER="1").out
    return listed.replace(str(catalogue), "CATALOGUE")


def _served_import(warm: Warm, tmp_path: Path) -> tuple[Path, int, subprocess.Popen[str]]:
    """A long import (600 files) started through a fresh server: the catalogue, the
    server's pid and the running client."""
    folder = make_folder(tmp_path / "incoming", count=600)
    catalogue = tmp_path / "Served.catena"
    assert warm.run(["init", str(catalogue)], CATENA_NO_SERVER="1").code == 0
    server = warm.start()
    client = warm.popen(["--catalogue", str(catalogue), "import", str(folder)])
    return catalogue, server, client


def test_a_served_import_reports_and_stores_what_a_fresh_process_does(
    warm: Warm, tmp_path: Path
) -> None:
    folder = make_folder(tmp_path / "incoming", count=POOL_THRESHOLD + 6)  # uses workers
    here, served_into = tmp_path / "Here.catena", tmp_path / "Served.catena"
    for catalogue in (here, served_into):
        assert warm.run(["init", str(catalogue)], CATENA_NO_SERVER="1").code == 0
    command = ["import", "--defer-suggestions", str(folder)]
    fresh = warm.run(["--catalogue", str(here), *command], CATENA_NO_SERVER="1")
    assert fresh.code == 0 and fresh.imported_sqlalchemy

    warm.start()
    served = warm.run(["--catalogue", str(served_into), *command])
    assert not served.imported_sqlalchemy  # the server's child imported, not the client
    assert (served.code, served.out, served.err) == (fresh.code, fresh.out, fresh.err)
    assert f"{POOL_THRESHOLD + 6} imported" in served.out
    assert _listing(warm, served_into) == _listing(warm, here)
    with Catalogue.open(served_into) as opened:
        assert_healthy(opened)


def _workers_started(server: int, client: subprocess.Popen[str], count: int) -> list[ProcessInfo]:
    """Wait until the served import runs *count* workers (or has ended); the server's
    descendants then."""
    seen: list[ProcessInfo] = []

    def started() -> bool:
        seen[:] = _descendants(server)
        return sum(p.kind == "worker" for p in seen) >= count or client.poll() is not None

    wait_until(started, "the served import's workers")
    return seen


def test_killing_the_client_ends_the_served_import_and_its_workers(
    warm: Warm, tmp_path: Path
) -> None:
    catalogue, server, client = _served_import(warm, tmp_path)
    try:
        busy = _workers_started(server, client, 2)
        assert client.poll() is None, "the import ended before it could be killed"
        os.kill(client.pid, signal.SIGKILL)
        client.wait(timeout=60)
        remaining, _waited = wait_until_gone(busy, 60)  # generous: a loaded machine
        left = [f"{p.kind} {p.pid}" for p in remaining]
        assert left == [], f"still running a minute after the client was killed: {left}"
        assert server in warm.live_servers()  # the server itself goes on
    finally:
        client.kill()
        client.wait(timeout=60)
    with Catalogue.open(catalogue) as opened:
        assert_healthy(opened)


def test_a_served_import_is_interrupted_by_ctrl_c_like_a_fresh_one(
    warm: Warm, tmp_path: Path
) -> None:
    catalogue, server, client = _served_import(warm, tmp_path)
    try:
        _workers_started(server, client, 1)
        client.send_signal(signal.SIGINT)
        _out, err = client.communicate(timeout=300)
    finally:
        client.kill()
    assert client.returncode == 130
    assert "Traceback" not in err
    with Catalogue.open(catalogue) as opened:
        assert_healthy(opened)
