"""Locating shipped resources (sample documents, icons, fonts).

Catena is distributed as installers built from the source tree (PyInstaller copies
resources/ into the bundle) or run from a checkout (`make run`), so resources are
looked up in that order: $CATENA_RESOURCES, the frozen bundle, the source tree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    named = os.environ.get("CATENA_RESOURCES")
    if named:
        return Path(named)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def sample_paths() -> list[Path]:
    """Paths of the bundled sample documents (written for Catena, fictional), by name."""
    folder = resources_dir() / "samples"
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


#: The user guide's first page, relative to the guide folder.
GUIDE_INDEX = "index.md"


def guide_dir() -> Path:
    """The user guide's folder (Markdown pages and their images).

    The guide is written in docs/guide/ of the source tree; installers copy it into the
    bundle at the same relative place (packaging/catena.spec, BUNDLED_FOLDERS), so Help ▸
    User Guide and `catena guide` find it offline in both. $CATENA_GUIDE overrides both,
    for a guide kept elsewhere.
    """
    named = os.environ.get("CATENA_GUIDE")
    if named:
        return Path(named)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "docs" / "guide"
    return Path(__file__).resolve().parents[2] / "docs" / "guide"
