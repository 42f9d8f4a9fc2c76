"""Content-addressed object store for originals, images and thumbnails.

Objects live at ``objects/ab/cdef…`` named by their SHA-256 and are never modified.
A write goes to a temporary file, is fsynced, renamed into place and its directory
fsynced, and only then referenced from the database — so a crash leaves at worst an
unreferenced object (collected later), never a reference to a missing or partial one.
An import stores many originals and references them in one commit: it renames each
into place (its data already fsynced, so any file under a final name is whole) and
fsyncs each directory once, with ``sync_directories``, just before that commit.

The store is an interface (``ObjectStore``) so a team can move objects elsewhere
without touching the catalogue code; ``FolderObjectStore`` is today's implementation.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

CHUNK = 1 << 20
_FAN = re.compile(r"[0-9a-f]{2}")
_REST = re.compile(r"[0-9a-f]{62}")


class ObjectStore(Protocol):
    def put(self, data: bytes, *, sync_directory: bool = True) -> str: ...
    def sync_directories(self, hashes: Iterable[str]) -> None:
        """Make the renames of these stored objects durable (after ``put`` with
        ``sync_directory=False``); before any record that points at them commits."""
        ...

    def check_writable(self) -> None:
        """Raise OSError now if objects cannot be stored (read-only folder, no
        permission), instead of failing every file of an import one by one."""
        ...

    def read(self, sha256: str) -> bytes: ...
    def path(self, sha256: str) -> Path: ...
    def exists(self, sha256: str) -> bool: ...
    def hash_of(self, sha256: str) -> str | None: ...
    def delete(self, sha256: str) -> None: ...
    def __iter__(self) -> Iterator[str]: ...


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(directory: Path) -> None:
    # Directory fsync makes the rename durable; not available on Windows.
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FolderObjectStore:
    """Objects as read-only files under *root*, two-level fan-out by hash."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes, *, sync_directory: bool = True) -> str:
        """Store *data* (idempotent) and return its SHA-256. With *sync_directory*
        False the rename is not yet durable: call ``sync_directories`` before any
        record that references the object commits."""
        sha256 = sha256_bytes(data)
        final = self.path(sha256)
        if final.is_file() and final.stat().st_size == len(data):
            return sha256
        self._tmp.mkdir(parents=True, exist_ok=True)
        if not final.parent.is_dir():
            final.parent.mkdir(parents=True, exist_ok=True)
            _fsync_dir(self.root)  # the new fan-out folder must survive a crash too
        temporary = self._tmp / f"{uuid.uuid4().hex}.part"
        try:
            with temporary.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(temporary, final)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        if sync_directory:
            _fsync_dir(final.parent)
        return sha256

    def sync_directories(self, hashes: Iterable[str]) -> None:
        """One fsync per fan-out folder holding any of *hashes* (not one per object)."""
        for folder in sorted({self.path(sha256).parent for sha256 in hashes}):
            _fsync_dir(folder)

    def check_writable(self) -> None:
        """Raise OSError now if objects cannot be stored (read-only folder, no
        permission), instead of failing every file of an import one by one."""
        self._tmp.mkdir(parents=True, exist_ok=True)
        probe = self._tmp / f"probe-{uuid.uuid4().hex}"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        probe.unlink()

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def hash_of(self, sha256: str) -> str | None:
        """Re-hash the stored object; None when it is missing."""
        target = self.path(sha256)
        if not target.is_file():
            return None
        return sha256_file(target)

    def delete(self, sha256: str) -> None:
        """Remove an object; only for collecting objects no record references."""
        target = self.path(sha256)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
            target.unlink()

    def __iter__(self) -> Iterator[str]:
        """Hashes of stored objects; anything else in the folders (.DS_Store,
        Thumbs.db, a user's stray file) is not an object and is passed over."""
        if not self.root.is_dir():
            return
        for fan in sorted(self.root.iterdir()):
            if not _FAN.fullmatch(fan.name) or not fan.is_dir():
                continue
            for item in sorted(fan.iterdir()):
                if _REST.fullmatch(item.name) and item.is_file():
                    yield fan.name + item.name

    def age_seconds(self, sha256: str) -> float:
        return time.time() - self.path(sha256).stat().st_mtime

    def quarantine(self, sha256: str) -> Path:
        """Move an object out of the store (kept, not deleted) and return where."""
        target = self.root / "quarantine" / sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.path(sha256), target)
        return target
