"""Run catalogue work off the UI thread and deliver results on the main thread.

Everything that can take more than a few milliseconds goes through a ``TaskRunner``.
The window receives the runner as a parameter, so tests pass ``ImmediateRunner`` and
get the same callbacks synchronously, with no threads and no sleeps.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Work = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner(Protocol):
    def run(self, work: Work, *, on_done: Done, on_error: Failed) -> None: ...


class ImmediateRunner:
    """Runs work at once in the caller's thread (tests, trivial work)."""

    def run(self, work: Work, *, on_done: Done, on_error: Failed) -> None:
        try:
            result = work()
        except Exception as exc:  # delivered to the caller, never lost
            on_error(exc)
            return
        on_done(result)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            exc.__notes__ = [*getattr(exc, "__notes__", []), traceback.format_exc()]
            self._relay.failed.emit(exc)
            return
        self._relay.done.emit(result)


class ThreadPoolRunner:
    """Runs work on Qt's global thread pool; callbacks arrive via queued signals."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()
        self._lock = threading.Lock()

    def run(self, work: Work, *, on_done: Done, on_error: Failed) -> None:
        relay = _Relay()  # created in the calling (main) thread: its slots run there

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            with self._lock:
                self._relays.discard(relay)
            callback(value)

        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        with self._lock:
            self._relays.add(relay)
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = -1) -> bool:
        return bool(self._pool.waitForDone(msecs))


class Progress(QObject):
    """Progress and cancellation shared between a background job and the UI.

    The job calls ``report`` from its own thread; the signal is queued to the UI thread
    (this object lives there), and reports closer together than ``interval`` seconds
    are dropped, so a fast job cannot flood the event loop with 1,000 repaints.
    ``cancel`` is a flag the job polls between items.
    """

    changed = Signal(int, int, str)  # done, total, current item

    def __init__(self, parent: QObject | None = None, *, interval: float = 0.05) -> None:
        super().__init__(parent)
        self._interval = interval
        self._last = 0.0
        self._cancelled = threading.Event()

    def report(self, done: int, total: int, item: str = "") -> None:
        import time

        now = time.monotonic()
        if done >= total or now - self._last >= self._interval:
            self._last = now
            self.changed.emit(done, total, item)

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()
