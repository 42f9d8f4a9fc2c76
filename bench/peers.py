"""Catena's import beside two peers, on the same generated corpus, in one run.

Run from the repository root::

    .venv/bin/python bench/peers.py [--count 1000] [--seed 3] [--runs 3]

Three importers read the same ``bench/make_corpus.py`` files into a fresh store each
run (a new catalogue, calibre library or recoll index), ``--runs`` times each,
interleaved so a burst of load on a shared machine hits all three alike. The stores
are all deleted at the end, not between runs (``--delete-between-runs`` does that, to
see what it costs the next importer: ``run_once``):

* ``catena import`` three times over: with ``--defer-suggestions`` (the files stored,
  catalogued, fingerprinted and indexed, each marked "suggestions pending": the time
  until the import is acknowledged), in a process of its own (``CATENA_NO_SERVER=1``,
  as a first command runs: its ~1 s start-up and its workers' model loading counted)
  and answered by a warm command server (as every later command runs:
  ``bench/warm_peer.py``); and as a person types it, answered by the server (the same
  import, then the suggestion pass that stores the tags: the time until every
  suggestion is stored). All run as ``python -m desktop`` from this tree;
* ``calibredb add -r`` (calibre: copies the files into its library and reads their
  metadata; no full text, no tags);
* ``recollindex`` (recoll, C++: full-text index only; nothing stored, no metadata
  guessed, no tags).

Wall time and CPU time (user + system of the command and every process it waited for,
from ``wait4``) are measured per run; the table gives the medians. CPU time is the
steadier figure when other work shares the machine: the load average before and after
is printed beside the table. A peer that is not installed is named in the table (and
``apt-get install calibre recoll`` installs both on Debian); Catena is measured anyway.
The table is printed and written into BENCHMARKS.md between its markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from benchmarks_md import write_block

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from bench.warm_peer import WarmServer  # noqa: E402


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


@dataclass
class Peer:
    """One importer: its label, the program it needs, and how to run it once."""

    label: str
    program: str
    package: str  # what provides *program* (the Debian package)
    prepare: Callable[[Path, Path], list[str]]  # (corpus, fresh work folder) → argv
    environment: dict[str, str] = field(default_factory=dict)
    timings: list[Timing] = field(default_factory=list)
    server: WarmServer | None = None  # the command is answered by this server

    @property
    def available(self) -> bool:
        return shutil.which(self.program) is not None


def _catena_deferred(corpus: Path, work: Path) -> list[str]:
    return _catena_import(corpus, work, "--defer-suggestions")


def _catena_import(
    corpus: Path, work: Path, *options: str, environment: dict[str, str] | None = None
) -> list[str]:
    catalogue = work / "Peers.catena"
    environment = environment or _catena_environment()
    subprocess.run(  # from the tree measured: `-m` puts the working folder first on the path
        [sys.executable, "-m", "desktop", "init", str(catalogue)],
        check=True,
        capture_output=True,
        env=environment,
        cwd=environment["PYTHONPATH"],
    )
    return [
        sys.executable,
        "-m",
        "desktop",
        "--catalogue",
        str(catalogue),
        "import",
        *options,
        str(corpus),
    ]


def _catena_environment() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "CATENA_NO_SERVER": "1",
    }


def _calibre(corpus: Path, work: Path) -> list[str]:
    library = work / "calibre-library"
    library.mkdir()
    return ["calibredb", "--library-path", str(library), "add", "-r", str(corpus)]


def _recoll(corpus: Path, work: Path) -> list[str]:
    config = work / "recoll-config"
    config.mkdir()
    (config / "recoll.conf").write_text(f"topdirs = {corpus}\n", encoding="utf-8")
    return ["recollindex", "-c", str(config), "-z"]


def _before(tree: Path) -> Peer:
    """``catena import`` from another checkout (e.g. main before this change), run with
    the same Python and interleaved with the rest, so both face the same load."""
    commit = subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    environment = {**_catena_environment(), "PYTHONPATH": str(tree)}
    return Peer(
        f"`catena import` before (every suggestion stored; {commit or tree.name})",
        sys.executable,
        str(tree),
        lambda corpus, work: _catena_import(corpus, work, environment=environment),
        environment,
    )


def peers(server: WarmServer) -> list[Peer]:
    served = server.environment
    return [
        Peer(
            "`catena import --defer-suggestions` (stored, suggestions pending), own process",
            sys.executable,
            "this tree",
            _catena_deferred,
            _catena_environment(),
        ),
        Peer(
            "`catena import --defer-suggestions`, warm server (later commands)",
            sys.executable,
            "this tree",
            lambda corpus, work: _catena_import(
                corpus, work, "--defer-suggestions", environment=served
            ),
            served,
            server=server,
        ),
        Peer(
            "`catena import` (the same, then every suggestion stored), warm server",
            sys.executable,
            "this tree",
            lambda corpus, work: _catena_import(corpus, work, environment=served),
            served,
            server=server,
        ),
        Peer(
            "`calibredb add -r` (metadata only)",
            "calibredb",
            "calibre",
            _calibre,
            {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ),
        Peer("`recollindex` (full-text only, C++)", "recollindex", "recoll", _recoll),
    ]


def run_once(peer: Peer, corpus: Path, scratch: Path, *, delete_after: bool = False) -> Timing:
    """Run *peer* once in a fresh folder; its wall and CPU time (children included).

    The folder is left for the end of the whole benchmark unless *delete_after*: on
    ext4, creating files just after thousands were deleted costs several times more
    kernel time (its inode allocator skips inodes freed in the last minutes, ``perf``:
    ``recently_deleted``), so deleting one run's catalogue or library charged the next
    importer that stores files (catena, calibredb) for this script's own clean-up."""
    work = Path(tempfile.mkdtemp(prefix="peer-", dir=scratch))
    try:
        argv = peer.prepare(corpus, work)
        log = work / "stderr.log"  # a file, not a pipe: recollindex logs a lot
        served_before = 0.0
        if peer.server is not None:
            peer.server.settle()  # the `catena init` above is a served command too
            served_before = peer.server.children_cpu()
        with log.open("wb") as errors:
            start = time.perf_counter()
            process = subprocess.Popen(
                argv,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=peer.environment or None,
                # Catena's tree (``python -m`` puts the working folder first on the path,
                # and a warm server answers only clients with its own path), else *work*.
                cwd=peer.environment.get("PYTHONPATH", work),
            )
            _pid, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        served = 0.0
        if peer.server is not None:
            peer.server.settle()
            served = peer.server.children_cpu() - served_before
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            said = log.read_text(encoding="utf-8", errors="replace").strip()[-400:]
            raise SystemExit(f"{peer.label} failed (exit {process.returncode}): {said}")
        return Timing(wall, usage.ru_utime + usage.ru_stime + served)
    finally:
        if delete_after:
            shutil.rmtree(work, ignore_errors=True)


def _machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.machine()}, {os.cpu_count()} cores{f' ({cpu})' if cpu else ''}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def _versions() -> str:
    """The peers' Debian package versions (neither prints one the same way)."""
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Package} ${Version}\\n", "calibre", "recoll"],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return ", ".join(line for line in out.splitlines() if line.split()[1:])


def table(measured: list[Peer], files: int) -> str:
    lines = [
        "| importer | wall (median) | docs/s | CPU (median) | CPU ms/doc | runs (wall s) |",
        "|---|---|---|---|---|---|",
    ]
    for peer in measured:
        if not peer.timings:
            lines.append(
                f"| {peer.label} | not installed (`{peer.program}`: "
                f"`apt-get install {peer.package}`) | | | | |"
            )
            continue
        wall = statistics.median(t.wall for t in peer.timings)
        cpu = statistics.median(t.cpu for t in peer.timings)
        runs = ", ".join(f"{t.wall:.1f}" for t in peer.timings)
        lines.append(
            f"| {peer.label} | {wall:.1f} s | {files / wall:.0f} | {cpu:.1f} s "
            f"| {1000 * cpu / files:.1f} | {runs} |"
        )
    return "\n".join(lines)


def _measure(
    measured: list[Peer], corpus: Path, scratch: Path, runs: int, *, delete_after: bool
) -> None:
    """Each importer once per round, round after round (interleaved)."""
    for run in range(runs):
        for peer in measured:
            if peer.available:
                timing = run_once(peer, corpus, scratch, delete_after=delete_after)
                peer.timings.append(timing)
                print(
                    f"run {run + 1}: {peer.label}: {timing.wall:.1f} s wall, "
                    f"{timing.cpu:.1f} s CPU",
                    file=sys.stderr,
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-markdown", action="store_true", help="do not touch BENCHMARKS.md")
    parser.add_argument(
        "--before",
        type=Path,
        metavar="TREE",
        help="also measure `catena import` from this checkout (e.g. /work/main)",
    )
    parser.add_argument(
        "--delete-between-runs",
        action="store_true",
        help="delete each run's catalogue, library or index before the next run starts "
        "(by default they are all deleted at the end: see run_once)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="catena-peers-") as scratch_name:
        scratch = Path(scratch_name)
        corpus = make_corpus(args.count, args.seed, scratch / "corpus")
        files = sum(1 for path in corpus.rglob("*") if path.is_file())
        server = WarmServer(scratch, _catena_environment())
        server.start(corpus, scratch)
        measured = peers(server)
        if args.before is not None:
            measured.insert(0, _before(args.before.resolve()))
        load_before = os.getloadavg()
        try:
            _measure(measured, corpus, scratch, args.runs, delete_after=args.delete_between_runs)
        finally:
            server.stop()
        load_after = os.getloadavg()
    missing = [f"{peer.program} ({peer.package})" for peer in measured if not peer.available]
    command = "python bench/peers.py " + " ".join(argv if argv is not None else sys.argv[1:])
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    notes = [
        f"`{command.strip()}`: {files} files from `bench/make_corpus.py {args.count} "
        f"--seed {args.seed}`, a fresh catalogue, library or index each run, medians of "
        f"{args.runs}, {stamp}; "
        + (
            "each run's folder deleted before the next run."
            if args.delete_between_runs
            else "every run's folder kept until all had run (see `run_once`)."
        ),
        f"Machine: {_machine()}; {_versions() or 'no peer installed'}.",
        f"The machine was shared: load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after (1-minute); CPU time is user + system of the command "
        "and every process it waited for (for a served command, of the server's child that "
        "ran it and its workers).",
    ]
    if missing:
        notes.append(f"Not installed, so not measured: {', '.join(missing)}.")
    block = "\n".join(notes) + "\n\n" + table(measured, files)
    print(block)
    if not args.no_markdown:
        write_block("bench/peers.py", "Import beside the peers (`bench/peers.py`, issue 23)", block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
