"""Prepare functions for tests/core/test_prepare.py; they run in spawned worker
processes, so they live in an importable module rather than in the test file."""

from __future__ import annotations

import os

from desktop.ingest.prepare import Failed, Job, Prepared, prepare_file


def prepare_or_die(job: Job) -> Prepared | Failed:
    """Like prepare_file, but a file named ``die-*.txt`` ends the worker process
    abruptly, as a reader crashing the interpreter would."""
    if job.filename.startswith("die-"):
        os._exit(3)
    return prepare_file(job)


def worker_pid(job: Job) -> Failed:
    """Which process prepared *job* (carried in the reason, a picklable string)."""
    return Failed(f"{job.filename} {os.getpid()}")


def worker_niceness(job: Job) -> Failed:
    """The worker's scheduling niceness (Unix), carried in the reason."""
    return Failed(f"{job.filename} {os.nice(0)}")


#: Set by a test in the importing process: a forked worker sees the value, a spawned
#: one (a new interpreter) the module's own.
INHERITED = "module"


def inherited_mark(job: Job) -> Failed:
    """What this worker's copy of INHERITED says, carried in the reason."""
    return Failed(f"{job.filename} {INHERITED}")


def frozen_objects(job: Job) -> Failed:
    """How many objects this worker's cyclic collector leaves alone (``gc.freeze``)."""
    import gc

    return Failed(f"{job.filename} {gc.get_freeze_count()}")
