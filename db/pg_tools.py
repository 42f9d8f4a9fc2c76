"""PostgreSQL's own programs (``pg_dump``, ``pg_restore``): found, checked, run.

A backup of a PostgreSQL catalogue is made by the server's tools, not by Catena
reading rows: they know every object (triggers, sequences, grants) and their format
is what an administrator restores with. What can go wrong is said in one line each:
the program is missing, it is older than the server (``pg_dump`` refuses a newer
server), the role may not read what it must, the server cannot be reached.

Which program: the folder given (``pg_bin``), else the newest of Debian's
``/usr/lib/postgresql/<major>/bin`` that is at least the server's major version,
else the one on ``PATH``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from db.backup import BackupError
from db.sanitize import for_terminal

DEBIAN_VERSIONS = Path("/usr/lib/postgresql")
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")


def _quoted_value(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def libpq_target(location: str | URL) -> tuple[str, dict[str, str]]:
    """A libpq connection string for the tools, and the environment they need: the
    password goes in ``PGPASSWORD``, never on a command line others can read."""
    url = make_url(location)
    parts: dict[str, str] = {}
    if url.host:
        parts["host"] = url.host
    if url.port:
        parts["port"] = str(url.port)
    if url.username:
        parts["user"] = url.username
    if url.database:
        parts["dbname"] = url.database
    for key, value in url.query.items():
        parts[key] = value if isinstance(value, str) else value[-1]
    conninfo = " ".join(f"{key}={_quoted_value(value)}" for key, value in parts.items())
    env = {"PGPASSWORD": url.password} if url.password else {}
    return conninfo, env


def _candidates(name: str, server_major: int, pg_bin: Path | None) -> list[Path]:
    if pg_bin is not None:
        return [pg_bin / name]
    found: list[tuple[int, Path]] = []
    if DEBIAN_VERSIONS.is_dir():
        for folder in DEBIAN_VERSIONS.iterdir():
            if folder.name.isdigit() and int(folder.name) >= server_major:
                found.append((int(folder.name), folder / "bin" / name))
    paths = [path for _major, path in sorted(found, reverse=True)]
    on_path = shutil.which(name)
    if on_path is not None:
        paths.append(Path(on_path))
    return paths


def tool_major(tool: Path) -> int | None:
    """The major version *tool* reports (``pg_dump (PostgreSQL) 15.18`` → 15)."""
    try:
        answer = subprocess.run(
            [str(tool), "--version"], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = _VERSION.search(answer.stdout)
    return int(found.group(1)) if found else None


def find_tool(name: str, *, server_major: int, pg_bin: Path | None = None) -> Path:
    """The program *name* able to work with a PostgreSQL *server_major* server."""
    existing = [path for path in _candidates(name, server_major, pg_bin) if path.is_file()]
    if not existing:
        where = f"in {pg_bin}" if pg_bin is not None else "on this computer"
        raise BackupError(
            f"{name} was not found {where}: install PostgreSQL's client programs "
            f"(Debian/Ubuntu: apt-get install postgresql-client-{server_major}) "
            "or put them on PATH"
        )
    versions = [(tool_major(path), path) for path in existing]
    for major, path in versions:
        if major is not None and major >= server_major:
            return path
    major, path = versions[0]
    said = "an unknown version" if major is None else f"version {major}"
    raise BackupError(
        f"{path} is {said} but the server runs PostgreSQL {server_major}: {name} must be "
        f"at least as new as the server; install postgresql-client-{server_major}"
    )


def _first_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if "error:" in line or "ERROR:" in line or "FATAL:" in line:
            text = re.split(r"(?:error|ERROR|FATAL):\s*", line)[-1]
            return for_terminal(text, one_line=True)
    return for_terminal(lines[0], one_line=True) if lines else "no message"


def explain_failure(name: str, stderr: str, *, role: str | None) -> str:
    """One line for a failed run of *name*, from what it wrote to stderr."""
    first = _first_error(stderr)
    lowered = stderr.lower()
    if "permission denied" in lowered:
        who = f"the role {role!r}" if role else "this role"
        return (
            f"{name}: {who} may not read everything a backup needs ({first}); back up as "
            "the catalogue's owner or a member of its reader, tagger or editor role"
        )
    if "version mismatch" in lowered or "unsupported version" in lowered:
        return (
            f"{name} does not match the server or the backup ({first}); "
            "install the client programs of the server's version"
        )
    if "could not connect" in lowered or "connection to server" in lowered:
        return f"{name} cannot reach the server ({first})"
    return f"{name} failed: {first}"


def run_tool(
    tool: Path, arguments: Sequence[str], *, location: str | URL, role: str | None
) -> None:
    """Run *tool* with *arguments* against *location* (its connection string and
    password added here); raise ``BackupError`` with one line if it fails."""
    conninfo, extra_env = libpq_target(location)
    env = {**os.environ, **extra_env}
    try:
        done = subprocess.run(
            [str(tool), *arguments, "--no-password", f"--dbname={conninfo}"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    except OSError as exc:
        raise BackupError(f"{tool.name} could not be started: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        raise BackupError(explain_failure(tool.name, done.stderr, role=role))
