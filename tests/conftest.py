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


# --- catalogues --------------------------------------------------------------------
# Migrating a catalogue takes a moment; do it once per session and copy the closed
# template folder for each test (the Anki/Calibre habit).


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.catalogue import Catalogue

    folder = tmp_path_factory.mktemp("template") / "Template.catena"
    Catalogue.open(folder, create=True, actor="tester").close()
    return folder


@pytest.fixture
def catalogue_path(catalogue_template: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "Test.catena"
    shutil.copytree(catalogue_template, target)
    return target


@pytest.fixture
def catalogue(catalogue_path: Path):  # type: ignore[no-untyped-def]
    from db.catalogue import Catalogue

    opened = Catalogue.open(catalogue_path, actor="tester")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def samples_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue holding Catena's sample documents with their suggestions, imported
    once per test session; tests copy it instead of importing again."""
    from db.catalogue import Catalogue
    from desktop.core.resources import sample_paths
    from desktop.ingest.pipeline import import_paths

    folder = tmp_path_factory.mktemp("samples") / "Samples.catena"
    opened = Catalogue.open(folder, create=True, actor="tester", daily_backup=False)
    try:
        import_paths(opened, sample_paths())
    finally:
        opened.close()
    return folder


@pytest.fixture
def sample_catalogue(samples_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh copy of the samples catalogue, open; changes stay in this test."""
    import shutil

    from db.catalogue import Catalogue

    target = tmp_path / "Samples.catena"
    shutil.copytree(samples_template, target)
    opened = Catalogue.open(target, actor="tester", daily_backup=False)
    yield opened
    opened.close()


@pytest.fixture
def write_texts(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write {relative name: text or bytes} under a fresh folder; returns the folder."""

    def write(files: dict[str, str | bytes], folder: str = "incoming") -> Path:
        root = tmp_path / folder
        for name, content in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return root

    return write
