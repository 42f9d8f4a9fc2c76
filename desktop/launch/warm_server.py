"""The warm command server: a process that has already imported the command line, so
that `catena list`, `show` and `search` need not import SQLAlchemy and the models again
(about a second of CPU on every command; BENCHMARKS.md, "Command start").

The design is Mercurial's chg: one server per user and installation, listening on a
Unix socket in a private folder (``desktop.launch.warm_identity``); for each command it
forks a child that takes the client's descriptors, folder and environment and runs the
same ``desktop.cli.main.main`` a fresh process would (``desktop.launch.warm_child``).

The server itself never opens a catalogue and holds no catalogue data: it imports
modules, reads each client's hello (argv, folder, environment) and forks. Everything a
command reads or writes happens in the child, which exits when the command ends, so
nothing of one command (a catalogue's contents, its connections, its locks) can reach
another. The server exits after an idle time ($CATENA_SERVER_IDLE seconds, default
900) and removes its socket; a client of other code makes it exit at once.

Started by ``desktop.launch.warm_client.start_server`` as
``python -c BOOT --socket PATH --lock PATH`` with the client's ``sys.path``.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gc
import importlib
import os
import select
import signal
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any

from desktop.cli.command_words import command_word
from desktop.launch import warm_identity, warm_wire
from desktop.launch.warm_child import serve_command

DEFAULT_IDLE = 900.0
DEFAULT_RUNNER = "desktop.launch.entry:run_command"
#: What the routed commands need, imported once here instead of in every child.
PRELOAD = (
    "desktop.cli.main",
    "desktop.cli.search",
    "desktop.cli.metadata",
    "desktop.cli.review",
    "desktop.cli.maintenance",
    "desktop.cli.tagging",
    "desktop.core.imports",
    "desktop.ingest.pipeline",
    "desktop.ingest.suggest_worker",
)
#: Commands after which the server also loads what their workers use (the language
#: model, the suggesters' word lists: ~0.7 s of CPU and ~150 MB per process), so that
#: the next import's forked workers start with it. Not at start: a person who only
#: lists and searches never pays for it.
WARMS_FOR_IMPORT = frozenset({"import", "suggest"})
_LOCK_WAIT = 3.0


def idle_seconds(environ: dict[str, str] | os._Environ[str] = os.environ) -> float:
    try:
        return max(0.0, float(environ.get("CATENA_SERVER_IDLE", DEFAULT_IDLE)))
    except ValueError:
        return DEFAULT_IDLE


def _lock(path: Path) -> int | None:
    """Hold *path*'s lock for the server's life: one server per place. Waits a little
    for a server that was told to exit; None when another one keeps it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + _LOCK_WAIT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())  # who holds it, for a person or a test
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                return None
            time.sleep(0.05)


def _peer_is_us(conn: socket.socket) -> bool:
    """SO_PEERCRED's uid, where the system has it (the folder's 0700 is the guard
    elsewhere)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    raw = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", raw)
    return bool(uid == os.getuid())


def _runner(spec: str) -> Any:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def preload() -> None:
    """Import what the routed commands use and configure the mappers, as a first query
    would, so that children start with all of it done."""
    for name in PRELOAD:
        importlib.import_module(name)
    import sqlalchemy.orm

    import db.models  # noqa: F401  (the mapped classes)

    sqlalchemy.orm.configure_mappers()
    _freeze_for_children()


def _freeze_for_children() -> None:
    """Put everything loaded so far out of the cyclic collector's reach (``gc.freeze``).

    Each command runs in a forked child that shares these pages until it writes to
    them, and the collector writes to every object it visits: a child's first full
    collection copied the pages of every module and the language model's Python side,
    and every collection in a command (an import runs hundreds) walked objects that
    can never be garbage. Frozen here, a child collects only what it made itself."""
    gc.collect()
    gc.freeze()


def warm_for_import() -> None:
    """Load the language model and the suggesters' data, as a first document would."""
    from db.languages import document_language
    from desktop.extract import suggest

    sample = "On 3 May 2020 the council said that 300 people had signed the letter."
    document_language(sample)
    suggest(sample)
    _freeze_for_children()


class Server:
    def __init__(
        self, socket_path: Path, identity: str, runner: Any, idle: float, lock: int
    ) -> None:
        self.lock = lock
        self.socket_path = socket_path
        self.identity = identity
        self.runner = runner
        self.idle = idle
        self.children: set[int] = set()
        self.warm_for_import = False
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # A stale one: its server (which held the lock) is gone.
        socket_path.unlink(missing_ok=True)
        self.listener.bind(str(socket_path))
        os.chmod(socket_path, 0o600)
        self.inode = os.stat(socket_path).st_ino
        self.listener.listen(16)

    def still_ours(self) -> bool:
        try:
            return os.stat(self.socket_path).st_ino == self.inode
        except OSError:
            return False

    def close(self) -> None:
        if self.still_ours():
            self.socket_path.unlink()
        self.listener.close()

    def reap(self) -> None:
        for pid in list(self.children):
            try:
                done, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.children.discard(pid)

    def run(self) -> None:
        last = time.monotonic()
        while True:
            self.reap()
            if self.children:
                last = time.monotonic()
                wait = 0.5
            else:
                wait = self.idle - (time.monotonic() - last)
                if wait <= 0 or not self.still_ours():
                    return
            readable, _, _ = select.select([self.listener], [], [], min(wait, 60.0))
            if readable:
                conn, _address = self.listener.accept()
                with conn:
                    if not self.answer(conn):
                        return
                last = time.monotonic()

    def answer(self, conn: socket.socket) -> bool:
        """Read one hello and fork its command; False when this server must exit."""
        conn.settimeout(5.0)
        try:
            if not _peer_is_us(conn):
                return True
            hello, fds = warm_wire.receive(conn, max_fds=3)
        except (OSError, warm_wire.WireError, ValueError):
            return True
        try:
            if hello.get("identity") != self.identity:
                # Stop answering first, so the client's new server can take the place.
                self.close()
                warm_wire.send(conn, {"refused": "identity"})
                return False
            pid = os.fork()
            if pid == 0:
                self.listener.close()
                os.close(self.lock)  # a long command must not keep the place locked
                serve_command(conn, hello, fds, self.runner)
                os._exit(1)  # (it never returns; never fall back into the server's loop)
            self.children.add(pid)
        except OSError:
            pass
        finally:
            for fd in fds:
                os.close(fd)
        if not self.warm_for_import and command_word(hello.get("argv", [])) in WARMS_FOR_IMPORT:
            self.warm_for_import = True
            with contextlib.suppress(Exception):  # a failure here costs only the speed-up
                warm_for_import()
        return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="catena-warm-server")
    parser.add_argument("--socket", type=Path, required=True)
    parser.add_argument("--lock", type=Path, required=True)
    parser.add_argument("--runner", default=DEFAULT_RUNNER, help="module:function(argv)")
    args = parser.parse_args(argv)
    identity = warm_identity.identity()  # before the imports: a later edit is seen
    lock = _lock(args.lock)
    if lock is None:
        return 0
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    runner = _runner(args.runner)
    preload()
    server = Server(args.socket, identity, runner, idle_seconds(), lock)
    try:
        server.run()
    finally:
        server.close()
        os.close(lock)
    print("catena warm server: idle or replaced, exiting", flush=True)
    return 0
