"""One command in the warm server's forked child, made to look like a fresh `catena`.

A fresh process would have the client's working folder, environment, locale and
standard streams; the child takes each from the client's hello before it runs the
command: it puts the client's descriptors on 0, 1 and 2 (so programs it starts inherit
them too), changes folder, takes the umask, replaces ``os.environ``, sets LC_CTYPE and
the time zone from it as a starting interpreter does, and rebuilds
``sys.stdin``/``stdout``/``stderr`` with the encodings, error handlers and buffering
the client's own interpreter chose for them. It then runs the same function a fresh
process runs and turns its outcome into an exit code the way the interpreter does
(``SystemExit``, an uncaught exception's traceback and 1, 130 for an interrupt that
got past the command line's own handler).
"""

from __future__ import annotations

import atexit
import fcntl
import io
import locale
import os
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from desktop.launch import warm_wire

Runner = Callable[[list[str]], object]

_NAMES = ("<stdin>", "<stdout>", "<stderr>")


def _stream(fd: int, spec: dict[str, Any]) -> io.TextIOWrapper:
    reading = fd == 0
    raw = io.FileIO(fd, "r" if reading else "w", closefd=False)
    raw.name = _NAMES[fd]
    buffered: Any
    if reading:
        buffered = io.BufferedReader(raw)
    elif not spec.get("buffered", True):  # python -u, PYTHONUNBUFFERED
        buffered = raw
    else:
        buffered = io.BufferedWriter(raw)
    stream = io.TextIOWrapper(
        buffered,
        encoding=spec["encoding"],
        errors=spec["errors"],
        newline="\n",
        line_buffering=bool(spec["line_buffering"]),
        write_through=bool(spec["write_through"]),
    )
    stream.mode = "r" if reading else "w"  # type: ignore[misc]
    return stream


def take_over(hello: dict[str, Any], fds: Sequence[int]) -> None:
    """Become the client's command: descriptors, folder, environment, locale, streams."""
    if len(fds) != 3:
        raise ValueError("three standard descriptors expected")
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    for fd in fds:
        if fd > 2:
            os.close(fd)
    os.chdir(hello["cwd"])
    os.umask(int(hello["umask"]))
    os.environ.clear()
    os.environ.update(hello["env"])
    time.tzset()  # local time from the client's TZ, not the server's
    try:
        locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:
        locale.setlocale(locale.LC_CTYPE, "C")
    streams = [_stream(fd, spec) for fd, spec in enumerate(hello["streams"])]
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams  # type: ignore[misc]
    sys.argv = [hello["argv0"], *hello["argv"]]


def outcome(runner: Runner, argv: list[str]) -> int:
    """Run *runner* and return the exit code a fresh interpreter would exit with."""
    try:
        result: object = runner(argv)
    except SystemExit as exit:
        result = exit.code
    except KeyboardInterrupt:
        traceback.print_exc()
        return 130
    except BaseException:
        sys.excepthook(*sys.exc_info())
        return 1
    if result is None:
        return 0
    if isinstance(result, int):
        return result
    print(result, file=sys.stderr)
    return 1


def _finish(code: int) -> int:
    """What the interpreter does at exit: atexit functions, then flushed streams (120
    when stdout cannot be flushed, as Python exits then)."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout and code == 0:
                code = 120
    return code


def end_with_client(conn: socket.socket) -> None:
    """End this command the moment its client process dies, however it dies.

    Ctrl-C, a closed terminal and ``kill`` reach the command because the client
    forwards them; ``kill -9`` of the client forwards nothing. Without this an import
    whose `catena` was killed would go on in the server's child, out of the person's
    reach. The kernel signals SIGIO when the connection becomes readable, which it
    does when the client's end closes (the client sends nothing after "go"); the
    handler then ends this child as the kill ended the client, and its workers follow
    (``desktop.ingest.worker_watch``). No thread: the child must stay single-threaded
    so that an import may fork its workers (``desktop.ingest.prepare.worker_context``).
    Where the system has no SIGIO for sockets, nothing is armed.
    """
    number = getattr(signal, "SIGIO", None)
    asynchronous = getattr(os, "O_ASYNC", None)
    owner = getattr(fcntl, "F_SETOWN", None)
    if number is None or asynchronous is None or owner is None:
        return

    def client_gone(_number: int, _frame: FrameType | None) -> None:
        try:
            waiting = conn.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return  # nothing to read: a spurious signal, the client is still there
        except OSError:
            waiting = b""
        if not waiting:
            os.kill(os.getpid(), signal.SIGKILL)

    signal.signal(number, client_gone)
    try:
        fcntl.fcntl(conn.fileno(), owner, os.getpid())
        flags = fcntl.fcntl(conn.fileno(), fcntl.F_GETFL)
        fcntl.fcntl(conn.fileno(), fcntl.F_SETFL, flags | asynchronous)
    except OSError:
        signal.signal(number, signal.SIG_DFL)
        return
    client_gone(number, None)  # it may have died before the signal was armed


def _stop_watching_client() -> None:
    """The command is over: the client closing its end now is the normal end."""
    number = getattr(signal, "SIGIO", None)
    if number is not None:
        signal.signal(number, signal.SIG_IGN)


def serve_command(
    conn: socket.socket, hello: dict[str, Any], fds: list[int], runner: Runner
) -> None:
    """The whole life of a forked child; never returns."""
    code = 0
    try:
        for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            take_over(hello, fds)
        except Exception as exc:  # whatever it was, the command has not started
            warm_wire.send(conn, {"refused": f"could not take the client's place: {exc}"})
            os._exit(0)
        conn.settimeout(None)
        warm_wire.send(conn, {"ready": os.getpid()})
        try:
            go, _ = warm_wire.receive(conn)
        except KeyboardInterrupt:  # Ctrl-C before the command started: as at start-up
            go = {"go": True, "interrupted": True}
        if not go.get("go"):
            os._exit(0)
        end_with_client(conn)
        code = 130 if go.get("interrupted") else outcome(runner, list(hello["argv"]))
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command is over: report it
        _stop_watching_client()
        code = _finish(code)
        warm_wire.send(conn, {"exit": code})
    except BaseException:  # the client reports a server that stopped mid-command
        os._exit(1)
    os._exit(0)
