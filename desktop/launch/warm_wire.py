"""The warm server's messages: JSON objects, each after an 8-byte header (a magic word
and the body's length), over a Unix stream socket; file descriptors ride on the header.

A conversation, client (C) and the server's per-command child (S):

    C: hello {identity, argv, argv0, cwd, env, streams} + stdin, stdout, stderr fds
    S: {"ready": child pid}   or   {"refused": why}   (then the connection closes)
    C: {"go": true}
    S: {"exit": code}

The child starts the command only after "go", and the client sends "go" only once it
has committed to the server's answer: a client that gave up before it runs the command
itself, and the child, reading end-of-file instead of "go", runs nothing. So a command
runs once, never twice, whatever fails when.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import struct

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing: a few ms of
if TYPE_CHECKING:  # every served command's start (mypy reads the name as typing's)
    from typing import Any

_MAGIC = b"CTN1"
_HEADER = struct.Struct("!4sI")
_MAX_BODY = 16 * 1024 * 1024


class WireError(Exception):
    """The other side closed the connection or sent something that is not a message."""


def send(sock: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    body = json.dumps(message).encode("utf-8", "surrogateescape")
    header = _HEADER.pack(_MAGIC, len(body))
    if fds:
        socket.send_fds(sock, [header], fds)
    else:
        sock.sendall(header)
    sock.sendall(body)


def _exactly(sock: socket.socket, size: int, start: bytes = b"") -> bytes:
    data = bytearray(start)
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise WireError("the connection closed")
        data += chunk
    return bytes(data)


def receive(sock: socket.socket, max_fds: int = 0) -> tuple[dict[str, Any], list[int]]:
    """The next message and the descriptors that came with it (the caller closes them)."""
    if max_fds:
        first, fds, _flags, _address = socket.recv_fds(sock, _HEADER.size, max_fds)
    else:
        first, fds = sock.recv(_HEADER.size), []
    if not first:
        raise WireError("the connection closed")
    try:
        magic, size = _HEADER.unpack(_exactly(sock, _HEADER.size, first))
        if magic != _MAGIC or size > _MAX_BODY:
            raise WireError("not a Catena message")
        message = json.loads(_exactly(sock, size).decode("utf-8", "surrogateescape"))
        if not isinstance(message, dict):
            raise WireError("not a Catena message")
    except BaseException:
        for fd in fds:
            _close(fd)
        raise
    return message, fds


def _close(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)
