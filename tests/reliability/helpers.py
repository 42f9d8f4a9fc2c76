"""Helpers shared by the reliability tests: run `catena` as a user would, check health."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]

# `catena` in a fresh interpreter; the busy timeout can be lowered first so a test of
# the "catalogue is busy" path does not wait the full ten seconds.
_CLI = (
    "import sys\n"
    "import db.dialects.sqlite\n"
    "if sys.argv[1] != '-': db.dialects.sqlite.BUSY_TIMEOUT_MS = int(sys.argv[1])\n"
    "from desktop.launch.entry import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


def cli_command(*argv: str, busy_timeout_ms: int | None = None) -> list[str]:
    busy = "-" if busy_timeout_ms is None else str(busy_timeout_ms)
    return [sys.executable, "-c", _CLI, busy, *argv]


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CATENA_CATALOGUE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def run_cli(*argv: str, busy_timeout_ms: int | None = None, timeout: float = 120) -> Any:
    return subprocess.run(
        cli_command(*argv, busy_timeout_ms=busy_timeout_ms),
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=REPO_ROOT,
        timeout=timeout,
    )


class CliProcess:
    """`catena` running in the background; output goes to files, so a long report
    cannot fill a pipe and stall the command while the test does other work."""

    def __init__(self, *argv: str, busy_timeout_ms: int | None = None) -> None:
        # Closed in finish(); a context manager cannot span the command's lifetime.
        self._out = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self._err = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            cli_command(*argv, busy_timeout_ms=busy_timeout_ms),
            stdout=self._out,
            stderr=self._err,
            text=True,
            env=cli_env(),
            cwd=REPO_ROOT,
        )

    def running(self) -> bool:
        return self.process.poll() is None

    def finish(self, timeout: float = 120) -> tuple[int, str, str]:
        code = self.process.wait(timeout=timeout)
        texts = []
        for handle in (self._out, self._err):
            handle.seek(0)
            texts.append(handle.read())
            handle.close()
        return code, texts[0], texts[1]


def start_cli(*argv: str, busy_timeout_ms: int | None = None) -> CliProcess:
    return CliProcess(*argv, busy_timeout_ms=busy_timeout_ms)


def assert_one_line_message(err: str, command: str) -> str:
    """stderr is exactly one line, `catena COMMAND: ...`, with no traceback in it."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err
    assert "[SQL:" not in err and "sqlalche.me" not in err, err
    assert len(lines) == 1, err
    assert lines[0].startswith(f"catena {command}: "), err
    return lines[0]


def assert_healthy(catalogue: Any) -> None:
    """Integrity and foreign keys, the search index, the audit chain, every object."""
    from sqlalchemy import select

    from db import audit
    from db.integrity import integrity_check
    from db.models import Blob

    with catalogue.reading() as session:
        assert integrity_check(session) == []
        check = fts_check()
        if check is not None:
            assert check(session, deep=True) == []
        assert audit.verify_chain(session).ok
        for sha in session.execute(select(Blob.sha256)).scalars():
            assert catalogue.objects.hash_of(sha) == sha, sha


def fts_check() -> Any:
    """``db.search.index.check`` when the search index module provides it, else None."""
    try:
        from db.search import index
    except ImportError:
        return None
    return getattr(index, "check", None)


def article(n: int, salt: str = "") -> str:
    """A small news text that yields date, figure and people suggestions."""
    return (
        f"TARTU, {n % 27 + 1} March 2021 — About {n * 7 + 3} people gathered at the "
        f"square, said Anna Petrova, a teacher. Item {n}{salt}.\n\n"
        f'"We counted {n * 3 + 1} buses," Ivan Sokolov told reporters. Serial {n:05d}{salt}.\n'
    )


def collect_garbage_now(session: Any, objects: Any) -> list[str]:
    """``collect_garbage`` without its grace period for young objects, when it has one
    (the tests know no other process is importing)."""
    import inspect

    from db.integrity import collect_garbage

    if "grace_seconds" in inspect.signature(collect_garbage).parameters:
        return list(collect_garbage(session, objects, grace_seconds=0))
    return list(collect_garbage(session, objects))
