"""Content-addressed object store for originals, images and thumbnails.

Objects are named by their SHA-256 and never modified: put-once (an object already
stored is never overwritten; two processes storing the same bytes at once both succeed
and leave one object), and every read checks the bytes against the name. A write is
complete before anything references it, so a crash leaves at worst an unreferenced
object (collected later; one an import had not yet synced may be partial, and storing
the same bytes again finds it damaged and replaces it), never a reference to a missing
or partial one.

The store is an interface (``ObjectStore``) so a team can keep its originals on a
shared folder (``FolderObjectStore``, below) or on S3-compatible storage
(``S3ObjectStore``, db/objects_s3.py) without touching the catalogue code;
``db.objects_open.open_object_store`` picks one from a location string. Callers that need a file (to
draw a page, to hand Qt an image) ask for ``local_file``, which both stores can give.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from db import filesystem_sync
from db.sanitize import clean_field

CHUNK = 1 << 20
HEX = frozenset("0123456789abcdef")


class ObjectStoreError(OSError):
    """The store cannot be used (no bucket, no credentials, endpoint unreachable,
    unusable location); its text is one line naming the store and what was wrong."""

    def __init__(self, message: str) -> None:
        super().__init__(clean_field(message))

    def __str__(self) -> str:
        return str(self.args[0])


class ObjectMissing(ObjectStoreError, FileNotFoundError):
    """The store does not hold the object asked for."""


class ObjectDamaged(ObjectStoreError):
    """The stored bytes do not hash to the object's name: never handed out as evidence."""


class ObjectStore(Protocol):
    @property
    def location(self) -> str:
        """Where the objects are, for messages (a folder, or ``s3://bucket/prefix``)."""
        ...

    def put(self, data: bytes, *, sync_directory: bool = True) -> str:
        """Store *data* once and return its SHA-256 (an existing object is kept)."""
        ...

    def put_file(self, source: Path) -> str:
        """Store a file's bytes, streamed (never read whole), and return its SHA-256."""
        ...

    def sync_directories(self, hashes: Iterable[str]) -> None:
        """Make these stored objects durable (after ``put`` with ``sync_directory=False``,
        which leaves both their bytes and their names to this call); before any record
        that points at them commits."""
        ...

    def syncing(self) -> contextlib.AbstractContextManager[None]:
        """Within it, ``sync_directories`` may keep what it needs between calls (an
        import syncs once per batch, hundreds of times)."""
        ...

    def check_writable(self) -> None:
        """Raise OSError now if objects cannot be stored (read-only folder, no
        permission), instead of failing every file of an import one by one."""
        ...

    def read(self, sha256: str) -> bytes:
        """The object's bytes, SHA-256 checked: ObjectMissing / ObjectDamaged otherwise."""
        ...

    def local_file(self, sha256: str) -> Path:
        """A local file holding exactly the object's bytes (SHA-256 checked), valid while
        the store is open; a path where no file is when the object is missing or damaged
        (callers test ``is_file()``). ObjectStoreError only when the store is unreachable."""
        ...

    def exists(self, sha256: str) -> bool: ...
    def hash_of(self, sha256: str) -> str | None:
        """Re-hash the stored object (streamed); None when it is missing."""
        ...

    def delete(self, sha256: str) -> None:
        """Remove an object; only for collecting objects no record references."""
        ...

    def __iter__(self) -> Iterator[str]:
        """Hashes of the stored objects (nothing else that lies in the store)."""
        ...

    def age_seconds(self, sha256: str) -> float:
        """How long ago the object was stored (garbage collection spares young ones)."""
        ...

    def quarantine(self, sha256: str) -> str:
        """Move an object out of the store (kept, not deleted); return where it went."""
        ...


def check_sha256(sha256: str) -> str:
    """*sha256* itself if it is a lowercase SHA-256 hex digest: object names come from
    records and archives, and must never become a path or key outside the store."""
    if len(sha256) != 64 or not HEX.issuperset(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    return sha256


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fan_out(sha256: str) -> tuple[str, str]:
    """Where a folder store keeps an object: its fan-out folder (the hash's first two
    digits) and its name there (the rest); checked as a hash first."""
    check_sha256(sha256)
    return sha256[:2], sha256[2:]


def _write_all(fd: int, data: bytes) -> None:
    """All of *data* to *fd* (a write may take less than it is given)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def verified(location: str, sha256: str, data: bytes) -> bytes:
    """*data* if it hashes to *sha256*; ObjectDamaged naming the object otherwise."""
    actual = sha256_bytes(data)
    if actual != sha256:
        raise ObjectDamaged(f"object {sha256} in {location} is damaged: its bytes hash to {actual}")
    return data


_FAN = re.compile(r"[0-9a-f]{2}")
_REST = re.compile(r"[0-9a-f]{62}")
# Filesystems without hard links (FAT, some SMB shares): there put-once falls back to a
# rename, which can only ever replace an object by the very same bytes.
_READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH  # every stored object
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV}
_NO_UNNAMED_LINKS = _NO_HARD_LINKS | {errno.ENOENT, errno.EINVAL, errno.EACCES}


def _fsync_path(path: Path) -> None:
    """What was written to a stored object's file, or a rename inside a folder, on disk.
    Objects are read-only files: Linux and macOS fsync a read-only descriptor, and
    folders are opened that way too. Windows can do neither (there ``put`` always syncs
    the bytes as it writes them, and a folder cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_fsync_file = _fsync_dir = _fsync_path  # the two uses, named where they are called


#: Threads fsyncing one batch's objects at once: the filesystem's journal commits the
#: concurrent fsyncs together (50 files and folders: ~25 ms instead of ~300 on ext4).
SYNC_THREADS = 16
#: A temporary ``tmp/*.part`` file this old was left by a writer that was killed (on the
#: named path: a nameless file leaves nothing).
STALE_PART_SECONDS = 3600.0


def _fsync_all(threads: ThreadPoolExecutor, files: list[Path], folders: list[Path]) -> None:
    """Every file's bytes, then every folder, each thread taking a share (one task per
    thread and phase: a task per path cost more than the fsyncs on a fast disk)."""
    for fsync, paths in ((_fsync_file, files), (_fsync_dir, folders)):  # bytes before names
        shares = [paths[first::SYNC_THREADS] for first in range(min(SYNC_THREADS, len(paths)))]
        list(threads.map(_fsync_each, [fsync] * len(shares), shares))


def _fsync_each(fsync: Callable[[Path], None], paths: list[Path]) -> None:
    for path in paths:
        fsync(path)


class FolderObjectStore:
    """Objects as read-only files under *root* (a local or shared folder), fanned out
    by the hash's first two digits. A write is made whole first — a nameless file in its
    folder where the system allows (``_install_unnamed``), else a named one in ``tmp/``
    — then hard-linked into place (a link never replaces an existing object, so
    concurrent writers on one share cannot clobber each other), and its bytes and
    folder are fsynced before anything references it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"
        self._verified: set[str] = set()  # hashed once by this process for local_file
        self._sync_threads: ThreadPoolExecutor | None = None  # within ``syncing``
        # Files written nameless, then linked (``_install_unnamed``), until that fails.
        self._unnamed_files = hasattr(os, "O_TMPFILE")
        # One syncfs per batch instead of an fsync per file (``db.filesystem_sync``):
        # None until the first batch decides, False after a slow one.
        self._whole_filesystem_sync: bool | None = None

    # A store is pickled to import workers; threads stay with the process that has them.
    def __getstate__(self) -> dict[str, Any]:
        return {"root": self.root}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["root"])  # type: ignore[misc]

    @classmethod
    def at_location(cls, folder: Path) -> FolderObjectStore:
        """The store at *folder*, refusing one that cannot be it: a file, or a folder
        whose parent is missing (an unmounted share would otherwise fill a local copy)."""
        if folder.exists() and not folder.is_dir():
            raise ObjectStoreError(f"object store {folder}: this is a file, not a folder")
        if not folder.exists() and not folder.parent.is_dir():
            raise ObjectStoreError(
                f"object store {folder}: the folder {folder.parent} does not exist "
                "(is the shared folder mounted?)"
            )
        return cls(folder)

    @property
    def location(self) -> str:
        return str(self.root)

    def path(self, sha256: str) -> Path:
        fan_out, name = _fan_out(sha256)
        return self.root / fan_out / name

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes, *, sync_directory: bool = True) -> str:
        """Store *data* (idempotent) and return its SHA-256. With *sync_directory*
        False neither the bytes nor the name are durable yet: call
        ``sync_directories`` before any record that references the object commits
        (the import does, once per batch, for many objects at once)."""
        sha256 = sha256_bytes(data)
        # The nameless path needs no look first: its link finds an object already there
        # (and checks it, as below), and a new file is what an import nearly always has.
        if self._unnamed_files and self._install_unnamed(data, sha256, sync_directory):
            return sha256
        if self._holds_intact(sha256):
            return sha256

        def write(handle: BinaryIO) -> str:
            handle.write(data)
            return sha256

        self._install(write, sync_directory=sync_directory)
        return sha256

    def put_file(self, source: Path) -> str:
        """Store a file's bytes, copied and hashed a chunk at a time."""

        def write(handle: BinaryIO) -> str:
            digest = hashlib.sha256()
            with source.open("rb") as reading:
                while chunk := reading.read(CHUNK):
                    digest.update(chunk)
                    handle.write(chunk)
            return digest.hexdigest()

        return self._install(write, sync_directory=True)

    def _holds_intact(self, sha256: str) -> bool:
        """True if the object is stored whole; a damaged copy is moved to quarantine so
        that storing the right bytes again repairs it (put-once would keep it forever)."""
        if not self.exists(sha256):
            return False
        if self.hash_of(sha256) == sha256:
            return True
        with contextlib.suppress(FileNotFoundError):
            self.quarantine(sha256)
        return False

    def _placed_path(self, sha256: str, sync_directory: bool) -> Path:
        """Where the object goes, its fan-out folder made if it is new and, with
        *sync_directory*, fsynced into the store's folder at once so a crash cannot
        take it back (else ``sync_directories`` does, with the rest of the batch: a
        new store's first import makes most of its 256 folders)."""
        final = self.path(sha256)
        if not final.parent.is_dir():
            final.parent.mkdir(parents=True, exist_ok=True)
            if sync_directory:
                _fsync_dir(self.root)
        return final

    def _install_unnamed(self, data: bytes, sha256: str, sync_directory: bool) -> bool:
        """Write *data* as a file with no name in its final folder and give it its name
        only when whole (Linux's ``O_TMPFILE``, linked through ``/proc/self/fd``).

        Against a named temporary file in ``tmp/``: no name to create and remove in a
        folder every writer shares (about a third less kernel time a file on ext4), and
        a writer killed mid-write leaves nothing behind: the file goes with its last
        descriptor. False, having stored nothing, where the system or the filesystem
        cannot (a network share, no ``/proc``); this store then keeps to ``tmp/``."""
        folder = self._open_fan_out_folder(sha256, sync_directory)
        try:
            try:
                fd = os.open(".", os.O_TMPFILE | os.O_WRONLY, _READ_ONLY, dir_fd=folder)
            except OSError:
                self._unnamed_files = False
                return False
            try:
                os.fchmod(fd, _READ_ONLY)  # as the named path's chmod: whatever the umask
                _write_all(fd, data)
                if sync_directory:
                    os.fsync(fd)
                if not self._link_unnamed(fd, _fan_out(sha256)[1], folder, sha256):
                    return False
            finally:
                os.close(fd)
            if sync_directory:
                os.fsync(folder)
        finally:
            os.close(folder)
        return True

    def _open_fan_out_folder(self, sha256: str, sync_directory: bool) -> int:
        """A descriptor of the object's fan-out folder, made first if it is new (opened
        straight away: a look before every file cost as much as the opening)."""
        folder = os.path.join(self.root, _fan_out(sha256)[0])
        try:
            return os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            self._placed_path(sha256, sync_directory)
            return os.open(folder, os.O_RDONLY | os.O_DIRECTORY)

    def _link_unnamed(self, fd: int, name: str, folder: int, sha256: str) -> bool:
        for _attempt in range(2):
            try:
                os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=folder, follow_symlinks=True)
                return True
            except FileExistsError:
                if self._holds_intact(sha256):
                    return True  # another writer placed the same bytes first
            except OSError as exc:
                if exc.errno not in _NO_UNNAMED_LINKS:
                    raise  # a full disk, a failing one: said as for any write
                self._unnamed_files = False  # no /proc, or no such links here
                return False
        return False

    def _install(self, write: Callable[[BinaryIO], str], *, sync_directory: bool) -> str:
        self._tmp.mkdir(parents=True, exist_ok=True)
        temporary = self._tmp / f"{uuid.uuid4().hex}.part"
        try:
            with temporary.open("wb") as handle:
                sha256 = write(handle)
                handle.flush()
                if sync_directory or os.name == "nt":  # else: sync_directories
                    os.fsync(handle.fileno())
            os.chmod(temporary, _READ_ONLY)
            final = self._placed_path(sha256, sync_directory)
            for _attempt in range(2):
                if self._link(temporary, final) or self._holds_intact(sha256):
                    break  # placed, or another writer placed the same bytes first
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        if sync_directory:
            _fsync_dir(final.parent)
        return sha256

    @staticmethod
    def _link(temporary: Path, final: Path) -> bool:
        """Put *temporary* in place as *final*; False if *final* already exists."""
        try:
            os.link(temporary, final)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            os.replace(temporary, final)
        return True

    def sync_directories(self, hashes: Iterable[str]) -> None:
        """Each object's bytes, then each fan-out folder holding any of *hashes* once
        (not once per object) and the store's folder (which holds the fan-out folders
        ``put`` made), fsynced from several threads at once; the first error is raised
        after all have been tried. On a local Linux disk one syncfs of the store's
        filesystem does all of it (``db.filesystem_sync``)."""
        files = sorted({self.path(sha256) for sha256 in hashes})
        if not files:
            return
        if self._whole_filesystem_sync is None:  # decided once (it reads the mount table)
            self._whole_filesystem_sync = filesystem_sync.can_sync_whole_filesystem(self.root)
        if self._whole_filesystem_sync:
            started = time.monotonic()
            filesystem_sync.sync_filesystem(self.root)
            if time.monotonic() - started > filesystem_sync.SLOW_SECONDS:
                self._whole_filesystem_sync = False  # it waited for others' data
            return
        folders = [*sorted({path.parent for path in files}), self.root]
        if self._sync_threads is not None:
            _fsync_all(self._sync_threads, files, folders)
            return
        with ThreadPoolExecutor(max_workers=min(SYNC_THREADS, len(files))) as threads:
            _fsync_all(threads, files, folders)

    @contextlib.contextmanager
    def syncing(self) -> Iterator[None]:
        """Keep the fsync threads from one ``sync_directories`` to the next: starting
        sixteen threads for every batch cost about as much CPU as the fsyncs (0.3 ms a
        file). They end with the block, so a process that later forks workers has no
        other thread (``desktop.ingest.prepare.worker_context``)."""
        if self._sync_threads is not None:  # nested: the outer block keeps them
            yield
            return
        with ThreadPoolExecutor(max_workers=SYNC_THREADS) as threads:
            self._sync_threads = threads
            try:
                yield
            finally:
                self._sync_threads = None

    def check_writable(self) -> None:
        """Also, as an import starts: remove the temporary files a writer killed
        mid-write left behind (an import killed with ``kill -9``, or one interrupted,
        whose workers are killed, not asked to stop). They belong to no record; only
        those older than STALE_PART_SECONDS go, as another process may be writing one."""
        self._tmp.mkdir(parents=True, exist_ok=True)
        probe = self._tmp / f"probe-{uuid.uuid4().hex}"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        probe.unlink()
        self._discard_stale_parts()

    def _discard_stale_parts(self) -> None:
        stale_before = time.time() - STALE_PART_SECONDS
        for part in self._tmp.glob("*.part"):
            with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove
                if part.stat().st_mtime < stale_before:
                    part.unlink()

    def read(self, sha256: str) -> bytes:
        try:
            data = self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise ObjectMissing(f"object {sha256} is not in {self.location}") from None
        return verified(self.location, sha256, data)

    def local_file(self, sha256: str) -> Path:
        """The stored file itself, hashed the first time this process hands it out."""
        target = self.path(sha256)
        if sha256 in self._verified or not target.is_file():
            return target
        if self.hash_of(sha256) != sha256:
            return self._tmp / "damaged" / sha256  # never created: callers see no file
        self._verified.add(sha256)
        return target

    def hash_of(self, sha256: str) -> str | None:
        try:
            return sha256_file(self.path(sha256))
        except FileNotFoundError:
            return None

    def delete(self, sha256: str) -> None:
        target = self.path(sha256)
        self._verified.discard(sha256)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
            target.unlink()

    def __iter__(self) -> Iterator[str]:
        """Anything else in the folders (.DS_Store, Thumbs.db, a user's stray file,
        quarantine/ and tmp/) is not an object and is passed over."""
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

    def quarantine(self, sha256: str) -> str:
        """Move an object to ``quarantine/`` (a second damaged copy of the same name
        gets a suffix rather than replacing the first) and return its new path."""
        source = self.path(sha256)
        folder = self.root / "quarantine"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / sha256
        if target.exists():
            target = folder / f"{sha256}-{uuid.uuid4().hex[:8]}"
        os.replace(source, target)
        self._verified.discard(sha256)
        return str(target)
