"""Worker processes end when the process that started them ends, however it ends.

A pool's workers wait for jobs on a queue whose write end every worker holds too, so
when the importer is killed (``kill -9``, the window force-quit, the system out of
memory) no worker ever sees the queue close: they would sit under init for good,
about 100 MB each, with multiprocessing's resource tracker beside them. Three
mechanisms, each for a case the others miss:

* The **parent pipe**, on every system. A spawned worker keeps one end of a pipe
  whose other end only the parent holds (on Windows, a handle to the parent process);
  when the parent dies the kernel closes it, and a watchdog thread blocked on it
  wakes and ends the worker. This is the guarantee; the others are belts.
* ``PR_SET_PDEATHSIG`` on Linux: the kernel sends the worker SIGKILL when its parent
  goes, even if the worker's Python is stuck (its watchdog thread could not run).
  The kernel's "parent" is the *thread* that started the worker, not the process, so
  it is armed only when the pool is started by the main thread (``catena import``);
  the window starts its pools in a short-lived task thread, whose end must not kill
  workers that are still wanted.
* The **parent id**: a worker whose parent has died is adopted by another process
  (macOS, BSD, Linux), so ``os.getppid()`` changes; the watchdog checks it between
  waits, in case the pipe was somehow kept open by a stray copy of its end.

The resource tracker needs nothing of its own: it ends when the last holder of its
pipe does, that is, the parent and every worker.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import wait

#: Seconds between checks of the parent's id (the pipe wakes the watchdog at once).
PARENT_POLL_SECONDS = 2.0
#: A worker ended because its parent had gone (nobody is left to read it; for ps).
EXIT_PARENT_GONE = 3

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_PR_SET_NAME = 15
#: What ``ps``/``top`` show for a worker on Linux (a forked one would otherwise carry
#: the importer's name, a spawned one "python").
WORKER_NAME = b"catena-worker"


def exit_now() -> None:
    """End this worker at once: no clean-up handlers, no flushing for a reader that
    is gone, nothing that could block on the dead parent's queues."""
    os._exit(EXIT_PARENT_GONE)


def parent_sentinel() -> int | None:
    """What becomes ready when this process's multiprocessing parent ends (the read
    end of its start-up pipe on Unix, a process handle on Windows); None outside a
    multiprocessing child."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return None
    try:
        return parent.sentinel
    except ValueError:  # not a started process: nothing to wait on
        return None


def watch_parent(
    sentinel: int | None,
    on_parent_gone: Callable[[], None] = exit_now,
    *,
    poll_seconds: float = PARENT_POLL_SECONDS,
    parent_id: Callable[[], int] = os.getppid,
) -> threading.Thread:
    """Start a daemon thread that calls *on_parent_gone* once, as soon as *sentinel*
    becomes ready (the parent's end of the pipe closed) or this process's parent id
    differs from the one it had now. The checks stop after the call (the default
    hook never returns)."""
    first_parent = parent_id()

    def run() -> None:
        while True:
            if sentinel is not None:
                if wait([sentinel], timeout=poll_seconds):
                    break
            else:
                time.sleep(poll_seconds)
            if parent_id() != first_parent:
                break
        on_parent_gone()

    watchdog = threading.Thread(target=run, name="catena-parent-watchdog", daemon=True)
    watchdog.start()
    return watchdog


def arm_death_signal() -> bool:
    """Ask Linux to SIGKILL this process when the thread that started it ends; False
    where there is no such thing (other systems) or the call failed."""
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0)
    return False


def guard_worker(death_signal: bool) -> None:
    """Run in each worker as it starts: tie its life to its parent's.

    *death_signal* says whether the parent started this worker from a thread that
    lives as long as the parent process (see the module's notes).
    """
    if death_signal:
        arm_death_signal()
    # Also covers a parent that died before the signal was armed: its pipe is
    # already closed, so the watchdog fires on its first wait.
    watch_parent(parent_sentinel())


WORKER_NICENESS = 10
"""How much workers step back for the process that started them (Unix ``nice``)."""


def _lower_priority() -> None:
    """Run in each worker as it starts: the workers keep both cores busy, and the
    window's process (its event loop and the one writer) must still get the CPU
    first, or the window stutters while a large import runs."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)


def start_worker(death_signal: bool) -> None:
    """Each worker's initializer (``prepare.Preparer``): step back for the window,
    and end with the parent (a killed importer must not leave its workers running).
    It lives here, in a module that imports almost nothing, so a worker that only
    suggests tags (``suggest_worker``) starts without the readers or the database."""
    _lower_priority()
    _name_process()
    if hasattr(signal, "pthread_sigmask"):  # held while the importer forked this worker
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    guard_worker(death_signal)


def _name_process() -> None:
    """Call this process a Catena worker where the system shows thread names (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_NAME, WORKER_NAME, 0, 0, 0)
