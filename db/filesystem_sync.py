"""One ``syncfs(2)`` for a batch of originals, where it is as safe as an fsync of each.

An import makes a batch of originals durable before the batch's records commit. On a
local Linux disk, one ``syncfs`` of the store's filesystem does what an fsync of each
original and of each folder does (their bytes and their names on disk, in one journal
commit) for about a tenth of the machine's CPU: 0.21–0.30 → 0.03–0.04 ms a file on
ext4, and a warm import of 1,000 clippings about a tenth sooner (BENCHMARKS.md).

It is used only where it says what an fsync would: Linux 5.8 or later (before, syncfs
reported no write error), and a local filesystem of a known kind (a network share's
client may flush differently). It also writes whatever other programs left unwritten
on that disk, so a batch can wait for someone else's large copy: a store whose
syncfs once took longer than ``SLOW_SECONDS`` goes back to fsyncing each file.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

#: Where one syncfs is used: local filesystems whose syncfs writes every dirty file and
#: commits the journal (tmpfs: nothing to write, as for its fsync).
LOCAL_FILESYSTEMS = frozenset({"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "tmpfs"})
#: The first Linux whose syncfs reports a write error that happened on the filesystem.
ERRORS_REPORTED_SINCE = (5, 8)
#: A syncfs slower than this waited for other programs' data: fsync each file instead.
SLOW_SECONDS = 2.0

_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


def kernel_release() -> str:
    return os.uname().release if hasattr(os, "uname") else ""


def reports_errors(release: str) -> bool:
    """Whether a kernel of *release* ("6.1.0-13-amd64") reports write errors from
    syncfs."""
    found = re.match(r"(\d+)\.(\d+)", release)
    return found is not None and (int(found[1]), int(found[2])) >= ERRORS_REPORTED_SINCE


def filesystem_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The type of the filesystem holding *path* ("ext4"), from the mount table
    (``/proc/self/mountinfo``: the longest mount point above the path); None when it
    cannot be told."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8")
        except OSError:
            return None
    target = os.path.realpath(path)
    best: tuple[int, str] | None = None
    for line in mountinfo.splitlines():
        before, separator, after = line.partition(" - ")
        fields = before.split()
        if not separator or len(fields) < 5 or not after.split():
            continue
        mount_point = _OCTAL_ESCAPE.sub(lambda match: chr(int(match[1], 8)), fields[4])
        inside = mount_point == "/" or target == mount_point
        inside = inside or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), after.split()[0])  # later mounts hide earlier ones
    return best[1] if best else None


def can_sync_whole_filesystem(path: Path) -> bool:
    """Whether ``sync_filesystem`` may stand for an fsync of each file under *path*."""
    if not sys.platform.startswith("linux") or not reports_errors(kernel_release()):
        return False
    return filesystem_type(path) in LOCAL_FILESYSTEMS and _syncfs() is not None


def sync_filesystem(path: Path) -> None:
    """Write everything unwritten on the filesystem holding *path* to disk and commit
    its journal; OSError (EIO, ENOSPC…) as fsync would raise it."""
    function = _syncfs()
    if function is None:
        raise OSError(38, os.strerror(38))  # ENOSYS: callers check first
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        if function(fd) != 0:
            import ctypes  # loaded by _syncfs already

            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number), str(path))
    finally:
        os.close(fd)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    """libc's syncfs, from the symbols the interpreter already has (no library search,
    which would start ``ldconfig``). ctypes is loaded here, by the first import that
    syncs, not by every command that opens a catalogue."""
    import ctypes

    try:
        function: Callable[[int], int] | None = getattr(
            ctypes.CDLL(None, use_errno=True), "syncfs", None
        )
    except OSError:
        return None
    return function
