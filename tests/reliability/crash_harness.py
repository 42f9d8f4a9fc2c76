"""The parent side of the SIGKILL drill: start the fork server, kill children, check.

One catalogue lives through every iteration (crash, recover, carry on — as a user's
would). Each iteration forks a worker (``crash_worker.py``), waits on its output lines,
kills it with SIGKILL at a seeded random moment, then opens the catalogue and checks:

* it opens (SQLite quick check), ``PRAGMA integrity_check`` and foreign keys are clean,
  and the FTS index passes its own check (when ``db.search.index.check`` exists);
* its content digest (every row of every table) equals the last *confirmed* commit, or
  the one commit that was in flight when the kill came (announced but unconfirmed) —
  so every acknowledged batch is there, complete, and nothing else changed;
* every acknowledged record is present with its sha256 and tags (readable checks on
  top of the digest);
* every blob row's object exists and hashes right; objects no row references may
  exist (a kill between storing and committing), and ``collect_garbage`` removes
  exactly those;
* the audit hash chain verifies;
* a dossier file is either absent or a complete PDF, never a torn one.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.reliability.crash_worker import file_digest
from tests.reliability.helpers import collect_garbage_now, fts_check

WORKER = Path(__file__).resolve().with_name("crash_worker.py")
REPO_ROOT = Path(__file__).resolve().parents[2]


class DrillFailure(AssertionError):
    """A guarantee did not hold; the message says which, with the iteration's story."""


@dataclass
class DrillSummary:
    iterations: int = 0
    acked_ops: int = 0
    acked_by_kind: dict[str, int] = field(default_factory=dict)
    killed_with_commit_in_flight: int = 0
    in_flight_commit_was_durable: int = 0
    in_flight_commit_rolled_back: int = 0
    orphans_collected: int = 0
    temp_files_left: int = 0
    partial_dossiers_left: int = 0
    documents: int = 0
    images: int = 0
    tags: int = 0
    events: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.acked_by_kind.items()))
        return [
            f"iterations (SIGKILLs)          {self.iterations}",
            f"acknowledged operations        {self.acked_ops} ({kinds})",
            f"kills with a commit in flight  {self.killed_with_commit_in_flight} "
            f"(durable {self.in_flight_commit_was_durable}, "
            f"rolled back {self.in_flight_commit_rolled_back})",
            f"unreferenced objects collected {self.orphans_collected}",
            f"temp files left in objects/tmp {self.temp_files_left}",
            f"dossier .part files left       {self.partial_dossiers_left}",
            f"final catalogue                {self.documents} documents, {self.images} images, "
            f"{self.tags} tags, {self.events} audit events",
            f"wall time                      {self.seconds:.1f} s",
        ]


class _Server:
    """The fork server and a thread that turns its stdout into a queue of lines."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        first = self.next(timeout=60)
        if first is None or "server" not in first:
            raise DrillFailure(f"the crash worker did not start: {first}")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.put(raw)
        self.lines.put(None)

    def next(self, timeout: float) -> dict[str, Any] | None:
        """The next complete JSON line; None at EOF. Cut lines are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DrillFailure(f"no output from the crash worker for {timeout:.0f} s")
            try:
                raw = self.lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if raw is None:
                return None
            try:
                message = json.loads(raw)
            except ValueError:
                continue  # empty, or a line the kill cut short
            if isinstance(message, dict):
                return message

    def send(self, command: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        self.process.stdin.flush()

    def close(self) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            self.send({"quit": True})
            assert self.process.stdin is not None
            self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class _Iteration:
    number: int
    plan: str
    confirmed: str
    pending: str | None = None
    acked: list[dict[str, Any]] = field(default_factory=list)
    story: list[str] = field(default_factory=list)

    def take(self, message: dict[str, Any]) -> None:
        """Fold one complete line from the child into what is known to be durable."""
        if "error" in message:
            raise DrillFailure(
                f"the workload failed in iteration {self.number}:\n" + message["error"]
            )
        if self.pending is not None:  # any later line proves the announced commit returned
            self.confirmed, self.pending = self.pending, None
        if "prepared" in message:
            self.pending = message["digest"]
        if "ack" in message:
            self.acked.append(message)
        self.story.append(json.dumps(message)[:160])


def run_drill(
    work: Path,
    *,
    iterations: int,
    seed: int,
    progress: Any = None,
) -> DrillSummary:
    """SIGKILL a catalogue workload *iterations* times; raise DrillFailure on any breach."""
    from db.catalogue import Catalogue

    started = time.monotonic()
    rng = random.Random(seed)
    path = work / "Drill.catena"
    Catalogue.open(path, create=True, actor="crash-drill").close()
    summary = DrillSummary()
    server = _Server()
    all_acked: list[dict[str, Any]] = []
    try:
        for number in range(iterations):
            confirmed = file_digest(path / "catalogue.sqlite")
            plan = rng.choice(("lines", "lines", "commit", "self"))
            iteration = _Iteration(number, plan, confirmed)
            command = {
                "catalogue": str(path),
                "work": str(work),
                "seed": rng.getrandbits(32),
                "iteration": number,
            }
            if plan == "self":
                command["self_kill"] = [rng.randint(1, 6), rng.uniform(0.0, 0.003)]
            server.send(command)
            _kill_child(server, iteration, rng)
            _verify(path, work, iteration, all_acked, summary)
            all_acked.extend(iteration.acked)
            summary.iterations += 1
            if progress is not None:
                progress(number + 1, iterations)
    finally:
        server.close()
    summary.acked_ops = len(all_acked)
    for message in all_acked:
        summary.acked_by_kind[message["op"]] = summary.acked_by_kind.get(message["op"], 0) + 1
    summary.seconds = time.monotonic() - started
    return summary


def _kill_child(server: _Server, iteration: _Iteration, rng: random.Random) -> None:
    hello = server.next(timeout=60)
    if hello is None or "child" not in hello:
        raise DrillFailure(f"iteration {iteration.number}: the child did not start: {hello}")
    if hello["digest"] != iteration.confirmed:
        raise DrillFailure(
            f"iteration {iteration.number}: the child sees different content than the parent"
        )
    pid = int(hello["child"])
    if iteration.plan == "self":  # the child kills itself inside a commit (see worker)
        skip, delay = 10**9, 0.0
    elif iteration.plan == "commit":
        # Kill right after a commit is announced: inside COMMIT and its fsyncs, or just
        # after, when the acknowledgement has not been written yet.
        skip = rng.randint(0, 3)
        delay = rng.choice((0.0, rng.uniform(0.0, 0.0015)))
    else:
        skip = rng.randint(0, 14)
        delay = rng.uniform(0.0, 0.12)
    finished = False
    while True:
        message = server.next(timeout=60)
        if message is None:
            raise DrillFailure("the crash worker went away")
        if "exited" in message:  # the child ended on its own (ran out of work)
            finished = True
            break
        iteration.take(message)
        if "done" in message:
            continue
        if iteration.plan == "commit" and "prepared" not in message:
            continue
        if skip == 0:
            break
        skip -= 1
    if not finished:
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while True:
            message = server.next(timeout=60)
            if message is None:
                raise DrillFailure("the crash worker went away")
            if "exited" in message:
                break
            iteration.take(message)
        iteration.story.append(f"killed after {delay * 1000:.1f} ms: {message}")


def _fail(iteration: _Iteration, problem: str) -> DrillFailure:
    tail = "\n  ".join(iteration.story[-12:])
    return DrillFailure(
        f"iteration {iteration.number} (plan {iteration.plan}): {problem}\n  last lines:\n  {tail}"
    )


def _verify(
    path: Path,
    work: Path,
    iteration: _Iteration,
    earlier: list[dict[str, Any]],
    summary: DrillSummary,
) -> None:
    from sqlalchemy import select

    from db import audit
    from db.catalogue import Catalogue, CatalogueError
    from db.integrity import integrity_check
    from db.models import Agent, Blob, DateTag, Document, Event, Figure, Image, Mention

    try:
        catalogue = Catalogue.open(path, actor="crash-check", daily_backup=False)
    except CatalogueError as exc:
        raise _fail(iteration, f"the catalogue does not open after the kill: {exc}") from exc
    with catalogue:
        actual = file_digest(catalogue.database)
        if iteration.pending is not None:
            summary.killed_with_commit_in_flight += 1
            if actual == iteration.pending:
                summary.in_flight_commit_was_durable += 1
            elif actual == iteration.confirmed:
                summary.in_flight_commit_rolled_back += 1
            else:
                raise _fail(
                    iteration,
                    "the catalogue holds neither the last confirmed commit nor the one in "
                    "flight: a batch is partial, or something else changed",
                )
        elif actual != iteration.confirmed:
            raise _fail(iteration, "the catalogue differs from the last confirmed commit")

        with catalogue.reading() as session:
            findings = integrity_check(session)
            if findings:
                raise _fail(iteration, f"integrity check: {findings}")
            check = fts_check()
            if check is not None:
                problems = check(session, deep=True)
                if problems:
                    raise _fail(iteration, f"search index check: {problems}")
            chain = audit.verify_chain(session)
            if not chain.ok:
                raise _fail(iteration, f"audit chain broken at event {chain.broken_at}")

            documents = {d.ref: d for d in session.execute(select(Document)).scalars()}
            images = {i.ref: i for i in session.execute(select(Image)).scalars()}
            tag_owner: dict[str, int] = {}
            for model in (DateTag, Figure, Mention):
                for uid, document_id in session.execute(select(model.uid, model.document_id)):
                    tag_owner[uid] = document_id
            agents = set(session.execute(select(Agent.ref)).scalars())
            merged_away = {m["gone"] for m in earlier + iteration.acked if m["op"] == "merge"}
            for message in iteration.acked:
                _check_acked(iteration, message, documents, images, tag_owner, agents, merged_away)
            dossier_titles = [
                e.detail.get("title")
                for e in session.execute(
                    select(Event).where(Event.action == "dossier printed")
                ).scalars()
            ]
            for message in iteration.acked:
                if message["op"] == "dossier" and message["title"] not in dossier_titles:
                    raise _fail(iteration, f"the audit trail lacks {message['title']!r}")

            blobs = set(session.execute(select(Blob.sha256)).scalars())
            for sha in blobs:
                if catalogue.objects.hash_of(sha) != sha:
                    raise _fail(iteration, f"object {sha} is missing or altered")
            orphans = set(catalogue.objects) - blobs
            collected = collect_garbage_now(session, catalogue.objects)
            if set(collected) != orphans:
                raise _fail(iteration, f"garbage collection removed {collected}, not {orphans}")
            if set(catalogue.objects) != blobs:
                raise _fail(iteration, "objects after garbage collection differ from blob rows")
            summary.orphans_collected += len(collected)
            summary.documents = len(documents)
            summary.images = len(images)
            summary.tags = len(tag_owner)
            summary.events = chain.events
    tmp = path / "objects" / "tmp"
    summary.temp_files_left = len(list(tmp.iterdir())) if tmp.is_dir() else 0
    _check_dossiers(iteration, work, summary)


def _check_acked(
    iteration: _Iteration,
    message: dict[str, Any],
    documents: dict[str, Any],
    images: dict[str, Any],
    tag_owner: dict[str, int],
    agents: set[str],
    merged_away: set[str],
) -> None:
    op = message["op"]
    if op == "import":
        for record in message["records"]:
            ref, sha = record["ref"], record["sha256"]
            if ref in documents:
                document = documents[ref]
                if document.original_sha256 != sha:
                    raise _fail(iteration, f"acknowledged {ref} lost its original {sha}")
                for uid, kind, _status in record["tags"]:
                    if tag_owner.get(uid) != document.id:
                        raise _fail(iteration, f"acknowledged {kind} tag {uid} of {ref} is lost")
                for child_ref, child_sha in record["children"]:
                    child = documents.get(child_ref)
                    if child is None or child.original_sha256 != child_sha:
                        raise _fail(iteration, f"attachment {child_ref} of {ref} is lost")
            elif ref in images:
                if images[ref].sha256 != sha:
                    raise _fail(iteration, f"acknowledged image {ref} lost its original")
            else:
                raise _fail(iteration, f"acknowledged record {ref} ({sha}) is lost")
    elif op == "tag":
        if message["uid"] not in tag_owner:
            raise _fail(iteration, f"acknowledged tag {message['uid']} is lost")
    elif op == "merge":
        if message["gone"] in agents:
            raise _fail(iteration, f"merged record {message['gone']} is still there")
    elif op == "person" and message["agent"] not in agents | merged_away:
        raise _fail(iteration, f"acknowledged person {message['agent']} is lost")
    elif op == "dossier" and not _complete_pdf(Path(message["output"])):
        raise _fail(iteration, f"acknowledged dossier {message['output']} is not a complete PDF")


def _complete_pdf(path: Path) -> bool:
    from pypdf import PdfReader

    if not path.is_file():
        return False
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        return False
    try:
        return len(PdfReader(io.BytesIO(data), strict=True).pages) >= 1
    except Exception:  # any failure to read it back means "not a complete PDF": the verdict
        return False


def _check_dossiers(iteration: _Iteration, work: Path, summary: DrillSummary) -> None:
    folder = work / "dossiers"
    if not folder.is_dir():
        return
    for pdf in folder.glob(f"dossier-{iteration.number}.*.pdf"):
        if not _complete_pdf(pdf):
            raise _fail(iteration, f"{pdf.name} exists but is not a complete PDF")
    summary.partial_dossiers_left = len(list(folder.glob("*.part")))
