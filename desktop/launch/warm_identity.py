"""Where the warm command server lives, and which code it runs.

The client (``desktop.launch.warm_client``) asks these questions on every `catena list`
before it knows whether a server can answer, so this module imports only the standard
library and does no more than a few hundred ``stat`` calls (about 5 ms).

Two hashes keep a server from ever answering with code other than the client's:

* the *place* (the socket's file name) covers the interpreter, ``sys.path`` and the
  interpreter's flags: another virtual environment, another checkout on PYTHONPATH or
  ``python -O`` gets a server of its own, side by side;
* the *identity* (checked in the handshake) covers the size and modification time of
  every source file of ``desktop`` and ``db`` plus the folders on ``sys.path`` (pip
  changes them when it installs or removes a package, a new version included). A
  server whose identity differs refuses the command and exits; the client runs the
  command itself and starts a server of the new code. Catena's version is left out:
  reading it imports ``importlib.metadata``, 20 ms of every served command's start,
  and an installation of another version changes those folders anyway.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys

import desktop

#: Unix socket paths are limited to about 104–108 bytes; longer places get no server.
_MAX_SOCKET_PATH = 100


class Place:
    """The files of one server: its socket, its lock (held while it lives) and its log.
    Paths as strings, and no dataclass: pathlib and dataclasses (with inspect) were a
    tenth of a served command's start, imported by the client for these four names."""

    __slots__ = ("folder", "lock", "log", "socket")

    def __init__(self, folder: str, socket: str, lock: str, log: str) -> None:
        self.folder = folder
        self.socket = socket
        self.lock = lock
        self.log = log


def package_root() -> str:
    """The folder holding the ``desktop`` and ``db`` packages this process imported."""
    return os.path.dirname(os.path.dirname(os.path.realpath(desktop.__file__)))


def private_folder() -> str | None:
    """$XDG_RUNTIME_DIR/catena, else catena-UID in the temporary folder: created with
    mode 0700, tightened to it if it is ours and looser, refused (None) if it is not a
    folder of our own (someone else's could let them answer our commands)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        folder = os.path.join(runtime, "catena")
    else:
        folder = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"catena-{os.getuid()}")  # noqa: S108
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        found = os.lstat(folder)
        if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
            return None
        if found.st_mode & 0o077:
            os.chmod(folder, 0o700)
    except OSError:
        return None
    return folder


def place() -> Place | None:
    """This interpreter's server files, or None where there can be no server."""
    folder = private_folder()
    if folder is None:
        return None
    key = hashlib.sha256(
        repr(
            (
                sys.executable,
                sys.path,
                tuple(sys.flags),
                sys.warnoptions,
                sys._xoptions,
                package_root(),
            )
        ).encode("utf-8", "surrogateescape")
    ).hexdigest()[:16]
    socket = os.path.join(folder, f"server-{key}.sock")
    if len(os.fsencode(socket)) > _MAX_SOCKET_PATH:
        return None
    return Place(
        folder,
        socket,
        os.path.join(folder, f"server-{key}.lock"),
        os.path.join(folder, f"server-{key}.log"),
    )


def _source_stamps(root: str) -> list[str]:
    stamps: list[str] = []
    pending = [os.path.join(root, "desktop"), os.path.join(root, "db")]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    pending.append(entry.path)
            elif entry.name.endswith(".py"):
                found = entry.stat()
                stamps.append(f"{entry.path}:{found.st_size}:{found.st_mtime_ns}")
    return sorted(stamps)


def _path_stamps() -> list[str]:
    stamps = []
    for entry in sys.path:
        try:
            stamps.append(f"{entry}:{os.stat(entry or '.').st_mtime_ns}")
        except OSError:
            stamps.append(f"{entry}:-")
    return stamps


def identity() -> str:
    """The code this process would run a command with, as a short hash."""
    parts = [*_source_stamps(package_root()), *_path_stamps()]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]
