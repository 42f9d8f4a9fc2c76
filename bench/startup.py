"""How long `catena --version`, `list`, `show` and `search` take to start and answer.

Run from the repository root::

    .venv/bin/python bench/startup.py [--runs 5] [--tree DIR] [--catalogue PATH]

Each command is run as ``python -m desktop ARGS`` (what the `catena` script runs) on a
small catalogue: the four samples, imported with ``catena import --sample --no-suggest``
into a scratch folder unless ``--catalogue`` names one. Beside them, the floors the
commands stand on: a bare interpreter, ``import sqlalchemy``, ``import sqlalchemy.orm``,
``import db.models`` (the ORM with Catena's mapped classes), and the same with the
mappers configured, which SQLAlchemy does on a process's first query.

Warm, as a person scripting `catena show` sees it: one unmeasured run of each command
first, then ``--runs`` measured runs, interleaved so a burst of load on a shared machine
hits every command alike; the table gives medians of wall time and of CPU time (user +
system, from ``wait4``). Modules are run from compiled bytecode, as an installed Catena
is: ``PYTHONDONTWRITEBYTECODE`` is dropped and the bytecode goes to a scratch
``PYTHONPYCACHEPREFIX``, filled by the unmeasured run, so the tree is left clean.

Then the same commands through the installed console script (``--script``, default
this tree's ``.venv/bin/catena``), as a person types them: once in-process
(``CATENA_NO_SERVER=1``) and once answered by a warm command server
(``desktop.launch.warm_server``; started here by a first command in a scratch
XDG_RUNTIME_DIR, stopped at the end). For those the client's CPU is measured as above
and the server's child's CPU from the server's reaped-children counters
(``/proc/PID/stat``), so nothing the command costs is left out.

``--tree DIR`` measures another checkout (e.g. an exported older commit); given more
than once, the trees' runs are interleaved and the table has a column pair per tree
(a before and after measured in the same minutes). The table is printed and written
into BENCHMARKS.md between its markers (``--no-markdown`` leaves the file alone).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from benchmarks_md import write_block

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Command:
    """One measured command: how the table names it, and the words after ``python``."""

    label: str
    argv: list[str]
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)


def commands(catalogue: Path) -> list[Command]:
    catena = ["-m", "desktop", "--catalogue", str(catalogue)]
    return [
        Command("`catena --version`", ["-m", "desktop", "--version"]),
        Command("`catena list`", [*catena, "list"]),
        Command("`catena show CAT-000001`", [*catena, "show", "CAT-000001"]),
        Command("`catena search Halvern`", [*catena, "search", "Halvern"]),
        Command("floor: `python -c pass`", ["-c", "pass"]),
        Command("floor: `python -c 'import sqlalchemy'`", ["-c", "import sqlalchemy"]),
        Command("floor: `python -c 'import sqlalchemy.orm'`", ["-c", "import sqlalchemy.orm"]),
        Command("floor: `python -c 'import db.models'`", ["-c", "import db.models"]),
        Command(
            "floor: the same, mappers configured (as by a first query)",
            ["-c", "import db.models, sqlalchemy.orm as orm; orm.configure_mappers()"],
        ),
    ]


def environment(tree: Path, pycache: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("CATENA_CATALOGUE", None)
    env["CATENA_NO_SERVER"] = "1"  # these rows are the command run in its own process
    return env


def run_once(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one ``python ARGV``; a failing command ends the benchmark."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
    )
    assert process.stderr is not None
    said = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"python {' '.join(argv)} failed: {said.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def sample_catalogue(scratch: Path, env: dict[str, str], tree: Path) -> Path:
    catalogue = scratch / "Startup.catena"
    run_once(["-m", "desktop", "init", str(catalogue)], env, tree)
    run_once(
        ["-m", "desktop", "-c", str(catalogue), "import", "--sample", "--no-suggest"], env, tree
    )
    return catalogue


def script_commands(catalogue: Path) -> list[Command]:
    named = ["--catalogue", str(catalogue)]
    return [
        Command("`catena --version`", ["--version"]),
        Command("`catena list`", [*named, "list"]),
        Command("`catena show CAT-000001`", [*named, "show", "CAT-000001"]),
        Command("`catena search Halvern`", [*named, "search", "Halvern"]),
    ]


def run_script(script: Path, argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) of ``catena ARGV`` through the console script itself."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(script), *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    assert process.stderr is not None
    said = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"catena {' '.join(argv)} failed: {said.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def _server_pid(runtime: Path) -> int | None:
    for lock in (runtime / "catena").glob("*.lock"):
        text = lock.read_text().strip()
        if text and Path(f"/proc/{text}").exists():
            return int(text)
    return None


def _children_cpu(pid: int) -> float:
    """CPU seconds of the children *pid* has reaped (cutime + cstime), once it has
    reaped them all (it looks every half second while a command runs)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + 5
    while children.exists() and children.read_text().strip() and time.monotonic() < deadline:
        time.sleep(0.02)
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


@dataclass
class ScriptRows:
    """The console script's rows: in-process, and through a warm server."""

    plain: list[Command]
    warm: list[Command]
    server_cpus: list[list[float]]


def measure_script(script: Path, catalogue: Path, pycache: Path, runs: int) -> ScriptRows:
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(pycache), "CATENA_SERVER_IDLE": "600"}
    for name in ("PYTHONDONTWRITEBYTECODE", "CATENA_CATALOGUE", "PYTHONPATH"):
        env.pop(name, None)
    plain_env = {**env, "CATENA_NO_SERVER": "1"}
    rows = ScriptRows(script_commands(catalogue), script_commands(catalogue), [])
    rows.server_cpus = [[] for _ in rows.warm]
    runtime = Path(tempfile.mkdtemp(prefix="cs-", dir="/tmp"))  # short: a socket's path
    warm_env = {**env, "XDG_RUNTIME_DIR": str(runtime)}
    server = None
    try:
        run_script(script, rows.warm[1].argv, warm_env)  # no server yet: starts one
        deadline = time.monotonic() + 300
        while server is None or not list((runtime / "catena").glob("*.sock")):
            if time.monotonic() > deadline:
                raise SystemExit("the warm server did not start")
            time.sleep(0.1)
            server = _server_pid(runtime)
        for run in range(runs + 1):
            for position, plain in enumerate(rows.plain):
                wall, cpu = run_script(script, plain.argv, plain_env)
                warm = rows.warm[position]
                before = _children_cpu(server)
                warm_wall, warm_cpu = run_script(script, warm.argv, warm_env)
                if run:
                    plain.walls.append(wall)
                    plain.cpus.append(cpu)
                    warm.walls.append(warm_wall)
                    warm.cpus.append(warm_cpu)
                    rows.server_cpus[position].append(_children_cpu(server) - before)
    finally:
        if server is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(server, signal.SIGTERM)
        shutil.rmtree(runtime, ignore_errors=True)
    return rows


def script_table(rows: ScriptRows) -> str:
    lines = [
        "| command | in-process wall | in-process CPU | warm wall | warm client CPU "
        "| warm server child CPU |",
        "|---|---|---|---|---|---|",
    ]
    for plain, warm, server in zip(rows.plain, rows.warm, rows.server_cpus, strict=True):
        lines.append(
            f"| {plain.label} | {statistics.median(plain.walls):.2f} s | "
            f"{statistics.median(plain.cpus):.2f} s | {statistics.median(warm.walls):.2f} s | "
            f"{statistics.median(warm.cpus):.2f} s | {statistics.median(server):.2f} s |"
        )
    return "\n".join(lines)


def shown(path: Path) -> str:
    """*path* relative to the repository when it is inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def table(trees: list[Path], measured: list[list[Command]]) -> str:
    """One row per command; a wall and a CPU column per tree."""
    names = ["this tree" if tree == ROOT else tree.name for tree in trees]
    heads = [f"{name} wall | {name} CPU" for name in names]
    lines = [f"| command | {' | '.join(heads)} |", "|---" * (1 + 2 * len(trees)) + "|"]
    for row in zip(*measured, strict=True):
        cells = [
            f"{statistics.median(c.walls):.2f} s | {statistics.median(c.cpus):.2f} s" for c in row
        ]
        lines.append(f"| {row[0].label} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each command")
    parser.add_argument(
        "--tree",
        type=Path,
        action="append",
        help="a checkout to measure (repeat for a before and after; default: this one)",
    )
    parser.add_argument("--catalogue", type=Path, help="default: the samples, imported anew")
    parser.add_argument("--no-markdown", action="store_true", help="do not touch BENCHMARKS.md")
    parser.add_argument(
        "--script",
        type=Path,
        default=ROOT / ".venv" / "bin" / "catena",
        help="the console script to measure in-process and warm (default: this tree's)",
    )
    args = parser.parse_args(argv)
    trees = [tree.resolve() for tree in args.tree or [ROOT]]
    with tempfile.TemporaryDirectory(prefix="catena-startup-") as scratch_name:
        scratch = Path(scratch_name)
        envs = [environment(tree, scratch / "pycache") for tree in trees]
        measured = []
        for number, (tree, env) in enumerate(zip(trees, envs, strict=True)):
            # Each tree imports its own samples: an older tree may not open a newer schema.
            own = scratch / str(number)
            own.mkdir()
            measured.append(commands(args.catalogue or sample_catalogue(own, env, tree)))
        load_before = os.getloadavg()
        for run in range(args.runs + 1):  # run 0 warms the caches and is not counted
            for position in range(len(measured[0])):
                for tree, env, tree_commands in zip(trees, envs, measured, strict=True):
                    command = tree_commands[position]
                    wall, cpu = run_once(command.argv, env, tree)
                    if run:
                        command.walls.append(wall)
                        command.cpus.append(cpu)
        # The catalogue the first tree's `list` was measured on (argv: -m desktop
        # --catalogue PATH list).
        first_catalogue = Path(measured[0][1].argv[3])
        script_rows = measure_script(args.script, first_catalogue, scratch / "pycache", args.runs)
        load_after = os.getloadavg()
    words = argv if argv is not None else sys.argv[1:]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"`{' '.join(['python bench/startup.py', *words])}`: {stamp}; Python "
        f"{platform.python_version()}, {os.cpu_count()} cores; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (1-minute). Warm (one "
        f"unmeasured run first), from bytecode, medians of {args.runs}; CPU is user + "
        "system.\n\n" + table(trees, measured) + "\n\nThrough the console script "
        f"(`{shown(args.script)}`), in-process (`CATENA_NO_SERVER=1`) and answered by a warm "
        "server; the server's child's CPU is what the command itself cost there:\n\n"
        + script_table(script_rows)
    )
    print(block)
    if not args.no_markdown:
        write_block("bench/startup.py", "Command start (`bench/startup.py`, issue 23)", block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
