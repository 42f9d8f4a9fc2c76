"""Shared fixtures.

The real sample documents live outside the project (../shared, present in CI, absent in
a user's fresh clone). Tests that need them take the ``seeds_dir``/``gold`` fixtures,
which skip with a message saying exactly that when the folder is not there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CATENA_SHARED", REPO_ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} not present (fresh clone without ../shared); runs in CI")
    return seeds


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    path = SHARED / "gold" / "seeds.json"
    if not path.is_file():
        pytest.skip(f"{path} not present (fresh clone without ../shared); runs in CI")
    return json.loads(path.read_text(encoding="utf-8"))
