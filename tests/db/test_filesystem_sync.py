"""Where one syncfs may stand for an fsync of each original (db.filesystem_sync): a
local filesystem of a known kind, on a Linux that reports write errors from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import db.filesystem_sync as filesystem_sync
from db.filesystem_sync import filesystem_type, reports_errors

MOUNTS = "\n".join(
    [
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
        "30 22 0:26 / /proc rw,nosuid shared:5 - proc proc rw",
        "41 22 0:35 / /home/anna/My\\040Share rw - cifs //nas/share rw,vers=3.0",
        "42 22 8:17 / /srv/archive rw - xfs /dev/sdb1 rw",
        "43 42 0:40 / /srv/archive/team rw - nfs4 nas:/team rw",
        "44 22 0:41 / /srv/archive2 rw - btrfs /dev/sdc1 rw",
    ]
)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/anna/Clippings.catena", "ext4"),
        ("/home/anna/My Share/Clippings.catena", "cifs"),  # the mount table escapes spaces
        ("/srv/archive/Clippings.catena", "xfs"),
        ("/srv/archive/team/Clippings.catena", "nfs4"),  # the deepest mount holds it
        ("/srv/archive2/objects", "btrfs"),  # not inside /srv/archive
        ("/srv/archive", "xfs"),
    ],
)
def test_the_filesystem_holding_a_store_is_read_from_the_mount_table(
    path: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filesystem_sync.os.path, "realpath", lambda value: str(value))
    assert filesystem_type(Path(path), MOUNTS) == kind


def test_a_mount_table_that_says_nothing_tells_nothing() -> None:
    assert filesystem_type(Path("/srv/x"), "") is None
    assert filesystem_type(Path("/srv/x"), "not a mount line\n") is None


@pytest.mark.parametrize(
    ("release", "reported"),
    [("5.8.0", True), ("6.1.0-13-amd64", True), ("5.7.19", False), ("4.19.0", False), ("", False)],
)
def test_syncfs_reports_write_errors_from_linux_5_8(release: str, reported: bool) -> None:
    assert reports_errors(release) is reported


def test_one_syncfs_only_on_a_local_disk_of_a_linux_that_reports_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(filesystem_sync.sys, "platform", "linux")
    monkeypatch.setattr(filesystem_sync, "kernel_release", lambda: "6.1.0")
    kinds = {"/data": "ext4", "/share": "nfs4", "/stick": "vfat", "/odd": None}
    monkeypatch.setattr(filesystem_sync, "filesystem_type", lambda path: kinds[str(path)])
    allowed = {path: filesystem_sync.can_sync_whole_filesystem(Path(path)) for path in kinds}
    assert allowed == {"/data": True, "/share": False, "/stick": False, "/odd": False}
    monkeypatch.setattr(filesystem_sync, "kernel_release", lambda: "5.4.0")
    assert not filesystem_sync.can_sync_whole_filesystem(Path("/data"))
    monkeypatch.setattr(filesystem_sync, "kernel_release", lambda: "6.1.0")
    monkeypatch.setattr(filesystem_sync.sys, "platform", "darwin")
    assert not filesystem_sync.can_sync_whole_filesystem(Path("/data"))


def test_the_store_s_own_folder_is_synced_where_the_system_can(tmp_path: Path) -> None:
    (tmp_path / "object").write_bytes(b"bytes to make durable")
    if sys.platform.startswith("linux"):
        filesystem_sync.sync_filesystem(tmp_path)  # returns once written: no error here
        with pytest.raises(OSError):
            filesystem_sync.sync_filesystem(tmp_path / "missing")
    else:
        assert not filesystem_sync.can_sync_whole_filesystem(tmp_path)
