"""Warnings about where a catalogue lives.

SQLite's locking is unreliable on network file systems, and sync clients (Dropbox,
OneDrive, iCloud, Google Drive) copy a database file mid-transaction or produce
"conflicted copies". A catalogue there works, but the user should know the risk.
"""

from __future__ import annotations

import os
from pathlib import Path

from db.dialects import is_server_url

NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smbfs",
    "smb3",
    "afpfs",
    "9p",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.rclone",
    "ncpfs",
}
SYNC_FOLDER_NAMES = (
    "dropbox",
    "onedrive",
    "icloud",
    "google drive",
    "googledrive",
    "mobile documents",
    "nextcloud",
    "owncloud",
    "box sync",
    "pcloud",
)


def _mount_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    resolved = str(path.resolve())
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def location_warnings(path: Path, *, mounts_file: Path = Path("/proc/mounts")) -> list[str]:
    warnings = []
    lowered = str(path.resolve()).lower()
    for name in SYNC_FOLDER_NAMES:
        if f"{os.sep}{name}" in lowered:
            warnings.append(
                f"this catalogue is inside a cloud-synchronised folder ({name}); sync "
                "clients can copy the database mid-write. Keep catalogues in a local "
                "folder; to copy one elsewhere, use `catena backup` for the database and "
                "copy its objects/ folder (originals never change)."
            )
            break
    kind = _mount_type(path, mounts_file)
    if kind is not None and kind.lower() in NETWORK_FILESYSTEMS:
        warnings.append(
            f"this catalogue is on a network file system ({kind}); SQLite's locking is "
            "not reliable there. Keep catalogues on a local disk."
        )
    return warnings


def catalogue_location(text: str | Path) -> Path | str:
    """What a person typed to name a catalogue, as ``Catalogue.open`` takes it: a
    server URL kept as text (``Path`` would fold its ``//``), anything else a folder
    with ``~`` expanded. The one place the CLI and the window tell the two apart."""
    if isinstance(text, str) and is_server_url(text):
        return text.strip()
    return Path(text).expanduser()
