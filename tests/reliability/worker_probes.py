"""Prepare functions that report on the worker process running them; they run in
spawned workers, so they live in an importable module rather than in a test file."""

from __future__ import annotations

import ctypes
import os

from desktop.ingest.prepare import Failed, Job

_PR_GET_PDEATHSIG = 2  # from <linux/prctl.h>


def death_signal(job: Job) -> Failed:
    """The signal Linux sends this worker when its parent goes (0: none), and the
    worker's pid, carried in the reason (a picklable string)."""
    value = ctypes.c_int(-1)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_GET_PDEATHSIG, ctypes.byref(value), 0, 0, 0)
    return Failed(f"{job.filename} {value.value} {os.getpid()}")
