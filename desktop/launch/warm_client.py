"""The `catena` side of the warm command server (``desktop.launch.warm_server``).

Quick commands (ROUTED) are handed to a running server of the same code, which answers
in a fraction of the second a fresh process spends importing SQLAlchemy. This module
and what it imports are standard library only: it decides whether the server can
answer before anything heavy is imported. When no server answers the command runs
in-process as before and ``start_server`` leaves one starting in the background for
next time. $CATENA_NO_SERVER=1 turns all of it off; so does a platform without Unix
sockets and fork (Windows), and a frozen (PyInstaller) build, whose executable cannot
run the server's ``-c`` start-up line.

Exactly once: the client commits to the server only when the child says it is ready,
by sending "go" (``desktop.launch.warm_wire``). Before that, any failure means the
command runs in-process; after it, a server that stops without an exit code is
reported in one line (exit 255) and the command is not run again.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import sys
from collections.abc import Sequence
from types import FrameType

from desktop.cli.command_words import command_word
from desktop.launch import warm_identity, warm_wire

#: Commands worth a server: the quick ones, whose start-up is most of their time, and
#: the import and the suggestion pass, whose workers a server's child forks already
#: holding the readers and the language model. The window, the demo, the self-test and
#: anything else Qt-bound or rare always run in their own process.
ROUTED = frozenset({"list", "show", "search", "review", "log", "init", "import", "suggest"})
#: Forwarded to the child while it runs the command (Ctrl-C, a closed terminal, kill).
FORWARDED = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)  # (Windows has no SIGHUP; it never gets this far, but imports this module)
EXIT_LOST = 255
_HANDSHAKE_TIMEOUT = 10.0
_BOOT = (
    "import json, os, sys; sys.path[:] = json.loads(os.environ.pop('CATENA_WARM_PATH')); "
    "from desktop.launch.warm_server import main; sys.exit(main(sys.argv[1:]))"
)


def enabled() -> bool:
    """Whether this platform and environment allow a server at all."""
    if os.environ.get("CATENA_NO_SERVER", "") not in ("", "0"):
        return False
    if getattr(sys, "frozen", False):  # a PyInstaller build: its executable is not Python
        return False
    return hasattr(socket, "AF_UNIX") and hasattr(os, "fork") and sys.platform != "win32"


def wanted(argv: Sequence[str]) -> bool:
    return command_word(argv) in ROUTED and enabled()


def _stream_specs() -> list[dict[str, object]] | None:
    specs = []
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "encoding"):
            return None
        specs.append(
            {
                "encoding": stream.encoding,
                "errors": stream.errors,
                "line_buffering": getattr(stream, "line_buffering", False),
                "write_through": getattr(stream, "write_through", False),
                "buffered": not isinstance(getattr(stream, "buffer", None), io.FileIO),
            }
        )
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:  # a closed standard descriptor: nothing to hand over
            return None
    return specs


def _peer_is_us(sock: socket.socket) -> bool:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    import struct

    raw = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    return bool(struct.unpack("3i", raw)[1] == os.getuid())


class Attempt:
    """One try at the server: ``answer`` is the exit code, or None when the command
    must run in-process; ``start`` says whether a new server should then be started."""

    def __init__(self) -> None:
        self.answer: int | None = None
        self.start = False


def run_through_server(argv: Sequence[str]) -> Attempt:
    attempt = Attempt()
    place = warm_identity.place()
    specs = _stream_specs()
    if place is None or specs is None:
        return attempt
    umask = os.umask(0o077)
    os.umask(umask)
    try:
        hello = {
            "identity": warm_identity.identity(),
            "argv": list(argv),
            "argv0": sys.argv[0] if sys.argv else "catena",
            "cwd": os.getcwd(),
            "umask": umask,
            "env": dict(os.environ),
            "streams": specs,
        }
    except OSError:  # the working folder was removed
        return attempt
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with sock:
        sock.settimeout(_HANDSHAKE_TIMEOUT)
        try:
            sock.connect(str(place.socket))
        except OSError:  # none there, or a stale socket: run here, start one
            attempt.start = True
            return attempt
        try:
            if not _peer_is_us(sock):
                return attempt
            warm_wire.send(sock, hello, [0, 1, 2])
            reply, _ = warm_wire.receive(sock)
        except (OSError, warm_wire.WireError, ValueError):
            return attempt
        if "ready" not in reply:
            attempt.start = reply.get("refused") == "identity"
            return attempt
        attempt.answer = _follow(sock, int(reply["ready"]))
    return attempt


def _follow(sock: socket.socket, child: int) -> int | None:
    """Commit to the child: forward signals to it and wait for its exit code (None
    when it went away before it could read "go": then it ran nothing)."""

    def forward(number: int, _frame: FrameType | None) -> None:
        with contextlib.suppress(OSError):
            os.kill(child, number)

    before = {number: signal.signal(number, forward) for number in FORWARDED}
    try:
        try:
            warm_wire.send(sock, {"go": True})
        except OSError:  # its end is closed: it cannot have read "go"
            return None
        sock.settimeout(None)
        try:
            done, _ = warm_wire.receive(sock)
            return int(done["exit"])
        except (OSError, warm_wire.WireError, ValueError, KeyError, TypeError):
            print(
                "catena: the command server stopped before the command finished; "
                "its output may be incomplete (CATENA_NO_SERVER=1 runs commands without it)",
                file=sys.stderr,
            )
            return EXIT_LOST
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def start_server(runner: str | None = None) -> None:
    """Start a server for this interpreter's place in the background (double fork, own
    session, output to a log in the private folder); returns at once. *runner*
    ("module:function") replaces the command line, for tests."""
    place = warm_identity.place()
    if place is None:
        return
    from subprocess import _args_from_interpreter_flags  # type: ignore[attr-defined]

    command = [
        sys.executable,
        *_args_from_interpreter_flags(),
        "-c",
        _BOOT,
        "--socket",
        str(place.socket),
        "--lock",
        str(place.lock),
        *(["--runner", runner] if runner else []),
    ]
    env = {**os.environ, "CATENA_WARM_PATH": json.dumps(sys.path)}
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.waitpid(pid, 0)
        return
    try:  # the intermediate child: only exec-safe calls from here
        os.setsid()
        if os.fork():
            os._exit(0)
        null = os.open(os.devnull, os.O_RDWR)
        log = os.open(place.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.chdir("/")
        os.execve(sys.executable, command, env)  # noqa: S606  (no shell: argv as is)
    finally:
        os._exit(127)
