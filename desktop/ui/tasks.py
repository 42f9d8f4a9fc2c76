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
