"""The CPU-bound half of importing a file, run in worker processes for large imports.

Parsing, the near-duplicate fingerprint and tag suggestions only read the file's
bytes, so they can run anywhere; only storing and cataloguing need the catalogue's
write lock. :class:`Preparer` runs :func:`prepare_file` for many files at once in a
pool of processes (Python threads would share one core), while the importing process
writes the previous batch. Small imports skip the pool: starting a process costs
more than parsing a handful of files.

Every result is a :class:`Prepared` or a ``FileOutcome`` saying why the file failed;
:func:`prepare_file` never raises. A worker that dies (a reader crashing the
interpreter, the system killing it for memory) does not end the import: from then
on files are prepared one at a time in a fresh pool, and the one that kills it again
is reported as failed. Workers also end when the importing process does, however it
ends (``worker_watch``), so a killed import leaves no process behind.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.fingerprints import Fingerprint, fingerprint, folded_whole
from db.objects import ObjectStore
from desktop.ingest.language import map_languages
from desktop.ingest.limits import DEFAULT_LIMITS
from desktop.ingest.parsed import IngestError, ParsedDocument
from desktop.ingest.readers import parse
from desktop.ingest.worker_watch import WORKER_NICENESS, start_worker

if TYPE_CHECKING:
    from db.languages import LanguageMap
    from desktop.extract import Suggestions
    from desktop.ingest.outcomes import FileOutcome

#: Below this many files to parse, preparing in the importing process is faster.
POOL_THRESHOLD = 64
#: Files handed to the pool ahead of the one being written (bounds memory).
LOOKAHEAD_PER_WORKER = 64
#: Files a worker takes at a time. Each hand-over costs a pickle and a pipe write each
#: way and wakes the pool's threads in the importer, which otherwise competed with the
#: writer for its core once per file.
CHUNK_SIZE = 8
__all__ = ["WORKER_NICENESS"]  # (kept here for the tests; see worker_watch)

#: Seconds a new pool may take to answer; a pool that cannot is not used.
STARTUP_TIMEOUT = 60.0


@dataclass(frozen=True)
class Job:
    """What a worker needs: picklable, no catalogue or callbacks."""

    path: Path
    shown: str
    filename: str
    data: bytes
    sha256: str
    max_bytes: int
    suggest: bool
    objects: ObjectStore  # the catalogue's own store (pickled to a worker): the original goes here
    # Languages to OCR scans and pictures of documents in; None: no OCR at this import.
    ocr_languages: tuple[str, ...] | None = None
    # False: the importer fsyncs the original (bytes and folder) with its whole batch,
    # before the batch's commit.
    sync_directory: bool = True


@dataclass(frozen=True)
class Prepared:
    path: Path
    data: bytes
    sha256: str
    parsed: ParsedDocument
    print_: Fingerprint | None
    suggestions: Suggestions | None
    # The text as the search index folds it, folded here for the fingerprint: the
    # writer's index then need not fold it again (``db.documents.NewDocument``).
    folded_text: str | None = None


@dataclass(frozen=True)
class Failed:
    """A file that could not be prepared; ``reason`` is one line for the user."""

    reason: str


def prepare_file(job: Job) -> Prepared | Failed:
    """Parse *job*'s bytes, store them in the object store, fingerprint the text and
    suggest tags; never raises.

    The original is stored (written and linked into place) here, before the record
    that points at it is committed, as always; doing it in the workers keeps the
    writes off the process that holds the catalogue's write lock. Unless
    ``job.sync_directory`` is True (then it is fsynced here, bytes and folder), the
    importer makes it durable with the rest of its batch, all fsyncs at once, before
    the batch's commit (``_write_batch``).
    """
    try:
        parsed = parse(
            job.data, job.filename, limits=replace(DEFAULT_LIMITS, max_bytes=job.max_bytes)
        )
    except IngestError as exc:
        return Failed(exc.reason)
    except Exception as exc:  # a reader bug must not stop the import; say what it was
        return Failed(f"could not be read ({type(exc).__name__}: {exc})")
    if job.ocr_languages is not None:
        parsed = _with_ocr(parsed, job)
    try:
        if job.objects.put(job.data, sync_directory=job.sync_directory) != job.sha256:
            return Failed("could not store the original: it changed while being imported")
    except OSError as exc:
        return Failed(f"could not store the original: {exc.strerror or exc}")
    if parsed.image is not None:
        return Prepared(job.path, job.data, job.sha256, parsed, None, None)
    try:
        folded = folded_whole(parsed.text)
        print_ = fingerprint(parsed.text, folded=folded)
        languages = map_languages(parsed) if parsed.text else None
        suggestions = _suggest(parsed, languages) if job.suggest and languages is not None else None
    except Exception as exc:  # same: a suggester bug costs the suggestions only
        return Failed(f"could not be analysed ({type(exc).__name__}: {exc})")
    return Prepared(job.path, job.data, job.sha256, parsed, print_, suggestions, folded)


def prepare_for_importer(job: Job) -> Prepared | Failed:
    """``prepare_file`` for a worker whose importer holds *job*: the result comes back
    without the original's bytes (``Prepared.data`` empty), which the importer read
    itself and puts back (``with_original``). Pickling them back doubled what crossed
    between the processes for every file."""
    result = prepare_file(job)
    return replace(result, data=b"") if isinstance(result, Prepared) else result


def with_original(job: Job, result: Prepared | Failed) -> Prepared | Failed:
    """*result* of ``prepare_for_importer`` with *job*'s bytes back in place."""
    if isinstance(result, Prepared) and not result.data:
        return replace(result, data=job.data)
    return result


def _with_ocr(parsed: ParsedDocument, job: Job) -> ParsedDocument:
    """A scan or picture read by OCR (in this worker: OCR is the slowest step of all).
    A page that cannot be drawn keeps the document as it was, with the reason."""
    from desktop.ingest.ocr import try_ocr  # imported where it runs (Tesseract, pdfium)

    assert job.ocr_languages is not None
    try:
        return try_ocr(parsed, job.data, job.ocr_languages)
    except IngestError as exc:
        return replace(parsed, flags=[*parsed.flags, "OCR failed"], ocr_note=exc.reason)
    except Exception as exc:  # an OCR bug costs the OCR text only, never the file
        note = f"OCR failed ({type(exc).__name__}: {exc})"
        return replace(parsed, flags=[*parsed.flags, "OCR failed"], ocr_note=note)


def _suggest(parsed: ParsedDocument, languages: LanguageMap) -> Suggestions:
    """Suggestions with the paragraph languages just detected (once) and the day the
    document bears, which completes a day and month written without a year."""
    from desktop.extract import suggest  # rules only; imported where it runs
    from desktop.extract.document_context import document_day

    return suggest(parsed.text, languages=languages, document_date=document_day(parsed.published))


def default_workers() -> int:
    """One worker per core the process may use, at most four (the writer is the limit)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def worker_context() -> multiprocessing.context.BaseContext:
    """How workers start: forked where that is safe, spawned elsewhere.

    A spawned worker is a new interpreter that imports the readers and loads the
    language model again (about a second of CPU each, on every import); a forked one
    starts with everything the importer already holds, in a millisecond. Forking is
    safe only on Linux (macOS's system libraries refuse to run in a forked child) and
    only while this process has no other thread: a thread holding a lock at the fork
    leaves that lock held for ever in the child. `catena import` forks (its pool starts
    before any other thread: ``ProcessPoolExecutor`` forks every worker before its own
    manager thread); the window, whose process runs Qt's threads, spawns.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold back Ctrl-C while workers are forked; it is delivered right after.

    Python runs the handlers registered for ``os.fork`` (``logging``'s, among others)
    in the parent just after each fork; a Ctrl-C landing then raises inside one of
    them, where Python prints "Exception ignored" and drops it: the import went on as
    if no key had been pressed, and ``logging``'s lock could stay taken, hanging the
    process at its next log call. Blocked, the signal waits for the end of the block.
    (Workers unblock it as they start: ``worker_watch.start_worker``.)
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: spawn only, nothing to hold
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextlib.contextmanager
def _objects_frozen() -> Iterator[None]:
    """Forked workers start with the importer's objects out of the collector's sight.

    A forked worker shares the importer's memory until it writes to a page; the
    cyclic collector writes to every object it visits, so each full collection in a
    worker copied the pages of every module and of the language model's Python side,
    and visited objects that can never become garbage there. Frozen before the fork
    (``gc.freeze``), they stay out of the workers' collections; the importer takes
    its own back as soon as the workers have started."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()


# The import's prepare_file, or another job of the same shape (the suggestion pass's
# suggest_one): a picklable top-level function of one picklable job that never raises.
PrepareFunction = Callable[[Any], Any]


@dataclass
class _Chunk:
    """Jobs handed to one worker together; *future* is set once they are sent."""

    jobs: list[Any]
    future: Future[list[Any]] | None = None


def run_each(function: PrepareFunction, jobs: list[Any]) -> list[Any]:
    """*function* of each of *jobs*, in a worker (it never raises)."""
    return [function(job) for job in jobs]


class Preparer:
    """Prepare jobs in order, in worker processes or (few jobs, one worker) inline.

    ``submit`` queues a job; ``results`` yields ``(job, result)`` in submission order.
    Use as a context manager so the pool is shut down, also on cancel or error, and
    from one thread: workers start from the thread that submits (see ``_new_pool``).
    """

    def __init__(
        self,
        workers: int,
        expected_jobs: int,
        function: PrepareFunction = prepare_file,
        *,
        before_fork: Callable[[], None] | None = None,
    ) -> None:
        self._function = function
        # Loads what every worker will use (the language model), once, where workers
        # are forked (they then share it); spawned workers load their own.
        self._before_fork = before_fork
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._use_pool = workers > 1 and expected_jobs >= POOL_THRESHOLD
        # Each job with its chunk and place in it (no chunk: it runs alone).
        self._queue: deque[tuple[Any, _Chunk | None, int]] = deque()
        self._filling: _Chunk | None = None  # the chunk not sent yet
        self._one_at_a_time = False  # after a worker died: see _after_crash

    @property
    def parallel(self) -> bool:
        return self._use_pool

    @property
    def capacity(self) -> int:
        """How many jobs may wait in the queue before results should be taken."""
        return self._workers * LOOKAHEAD_PER_WORKER if self._use_pool else 1

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_exc: object) -> None:
        self.close(abandon=exc_type is not None)

    def close(self, *, abandon: bool = False) -> None:
        """Shut the pool down; *abandon* (Ctrl-C, an error): without waiting for the
        files in the workers' hands, whose results nobody will read."""
        for _job, chunk, _index in self._queue:
            if chunk is not None and chunk.future is not None:
                chunk.future.cancel()
        self._queue.clear()
        self._filling = None
        if self._pool is not None:
            if abandon:
                _abandon(self._pool)
            else:
                self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __len__(self) -> int:
        return len(self._queue)

    def submit(self, job: Any) -> None:
        """Queue *job*; it goes to a worker with the next CHUNK_SIZE - 1 jobs, or as
        soon as its result is asked for."""
        if not self._use_pool or self._one_at_a_time:
            self._queue.append((job, None, 0))
            return
        chunk = self._filling or _Chunk([])
        self._filling = chunk
        self._queue.append((job, chunk, len(chunk.jobs)))
        chunk.jobs.append(job)
        if len(chunk.jobs) >= CHUNK_SIZE:
            self._send()

    def next_result(self) -> tuple[Any, Any]:
        """The oldest submitted job and its result (waits for it)."""
        job, chunk, index = self._queue.popleft()
        if chunk is not None and chunk is self._filling:
            self._send()
        if chunk is None or chunk.future is None:
            return job, self._run_alone(job)
        try:
            return job, chunk.future.result()[index]
        except BrokenProcessPool:
            return job, self._after_crash(job)

    def _send(self) -> None:
        """Hand the chunk being filled to the pool (its jobs run inline, one by one,
        when no pool can start here)."""
        chunk, self._filling = self._filling, None
        if chunk is not None:
            chunk.future = self._start(run_each, self._function, chunk.jobs)

    def _start(self, function: Callable[..., Any], *arguments: Any) -> Future[Any] | None:
        """Hand a call to the pool; None when no pool can run here (then it runs inline)."""
        if self._pool is None:
            self._pool = self._new_pool()
            if self._pool is None:
                self._use_pool = False
                return None
        return self._pool.submit(function, *arguments)

    def _new_pool(self) -> ProcessPoolExecutor | None:
        """A started pool, or None if workers cannot start in this program (a script
        without a ``__main__`` guard, a frozen build without ``freeze_support``)."""
        context = worker_context()
        if context.get_start_method() == "fork":
            if self._before_fork is not None:
                self._before_fork()
            _flush_standard_streams()  # or a forked worker could print them again
        pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=context,
            initializer=start_worker,
            # Workers start from the thread that submits (this one, for the pool's
            # life). Linux's parent-death signal follows that thread, so it is safe
            # only on the main thread; the window imports on a task thread.
            initargs=(threading.current_thread() is threading.main_thread(),),
        )
        try:
            with _interrupts_held(), _objects_frozen():  # the first submit forks the workers
                probe = pool.submit(os.getpid)
            probe.result(timeout=STARTUP_TIMEOUT)
        except Exception:  # BrokenProcessPool, a timeout, a start-up error
            pool.shutdown(wait=False, cancel_futures=True)
            return None
        except BaseException:  # Ctrl-C while the workers start: they must end with it
            _abandon(pool)
            raise
        return pool

    def _discard_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _run_alone(self, job: Any) -> Any:
        """Run *job* with nothing else in flight, so a crash is this file's alone
        (inline when there is no pool)."""
        future = self._start(self._function, job) if self._use_pool else None
        if future is None:
            return self._function(job)
        try:
            return future.result()
        except BrokenProcessPool:
            self._discard_pool()
            return Failed("the reader stopped unexpectedly on this file (its process ended)")

    def _after_crash(self, job: Any) -> Any:
        """A worker died: every job in flight, and every later one, is run one at a time
        in a fresh pool, so the file that kills a worker is the only one it fails.
        Slower, but a crashing reader is rare and nothing else is lost."""
        self._discard_pool()
        self._one_at_a_time = True
        self._filling = None
        self._queue = deque((queued, None, 0) for queued, _chunk, _index in self._queue)
        return self._run_alone(job)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """End *pool* now: its workers are killed, not asked to finish.

    A graceful shutdown sends each worker a stop through the job queue; interrupted
    early (Ctrl-C just after the workers were forked), CPython's pool could lose those
    stops, leaving the importer waiting at exit for idle workers that never end (seen
    in about 1 in 50 interrupted imports). Killed workers are reaped by the pool's own
    thread, which then ends as for any broken pool. A file a worker was storing may
    leave a partial temporary file in the object store, as a killed import always
    could; nothing is recorded for it, and a later import's start removes it
    (``FolderObjectStore.check_writable``).
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())  # CPython's
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError, AttributeError):
            process.join(timeout=STARTUP_TIMEOUT)


def outcome_for(job: Job, failed: Failed) -> FileOutcome:
    from desktop.ingest.outcomes import FileOutcome

    return FileOutcome(job.shown, "failed", reason=failed.reason, sha256=job.sha256)
