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
# `catena list` run by a test must not leave a warm command server behind (it would
# live for its idle time); tests/launch/ starts its own, in private folders it removes.
os.environ["CATENA_NO_SERVER"] = "1"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): checks the SQLite file itself (pragmas, file backups, WAL, "
        "the head file); left out of the CATENA_TEST_ENGINE=postgresql run, which has "
        "no such file. The reason is required.",
    )
    config.addinivalue_line(
        "markers",
        "own_database: the test makes its own PostgreSQL database whatever the engine "
        "(the team engine's own tests); it runs once, in the main run, and is left out "
        "of the CATENA_TEST_ENGINE=postgresql run, where it would only repeat itself.",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL run, leave out what would only repeat the SQLite run: the tests
    of SQLite's file (each must say why it is SQLite-only), the tests that make their
    own PostgreSQL database (they ran in the main run), and the tests that never reach
    the engine choice (tests/engine_choice.py: parsers, extractors, CLI arguments,
    catalogues a test makes itself in a folder): those give the same result on both
    engines, so running them twice tests nothing more."""
    from tests.engine_choice import reason_left_out

    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None and not (marker.args and str(marker.args[0]).strip()):
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs a reason")
    if os.environ.get("CATENA_TEST_ENGINE", "sqlite").strip().lower() != "postgresql":
        return
    reasons = {item.nodeid: reason_left_out(item) for item in items}
    left_out = [item for item in items if reasons[item.nodeid]]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not reasons[item.nodeid]]
    config.stash[_LEFT_OUT] = [(item.nodeid, reasons[item.nodeid]) for item in left_out]


_LEFT_OUT = pytest.StashKey[list[tuple[str, str]]]()


def pytest_report_collectionfinish(config: pytest.Config) -> list[str]:
    """Say in the run's header what the PostgreSQL run left out, and why."""
    from tests.engine_choice import summary_lines

    return summary_lines(config.stash.get(_LEFT_OUT, []))


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """The same count at the end, next to the totals; the list itself with
    CATENA_TEST_LIST_LEFT_OUT=1 (to check that nothing reaching a catalogue is in it)."""
    from tests.engine_choice import summary_lines

    left_out = config.stash.get(_LEFT_OUT, [])
    for line in summary_lines(left_out):
        terminalreporter.write_line(line)
    if os.environ.get("CATENA_TEST_LIST_LEFT_OUT"):
        for nodeid, reason in left_out:
            terminalreporter.write_line(f"left out ({reason}): {nodeid}")


@pytest.fixture
def model_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the language model is asked to read (``db.languages._read_all``),
    starting with no paragraph answers kept."""
    import threading

    import db.languages

    monkeypatch.setattr(db.languages, "_kept", threading.local())
    asked: list[str] = []
    read_all = db.languages._read_all

    def recording(texts: list[str]) -> list[tuple[str, float]]:
        asked.extend(texts)
        return read_all(texts)

    monkeypatch.setattr(db.languages, "_read_all", recording)
    return asked


@pytest.fixture
def index_folds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every value the search index folds itself (``db.search.index_rows``), so a test
    can tell which texts it took already folded."""
    import db.search.index_rows as rows_module

    folded: list[str] = []
    fold = rows_module.fold_for_index

    def recording(value: str) -> str:
        folded.append(value)
        return fold(value)

    monkeypatch.setattr(rows_module, "fold_for_index", recording)
    return folded


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
# template folder for each test (the Anki/Calibre habit). With
# CATENA_TEST_ENGINE=postgresql the same fixtures give catalogues on the PostgreSQL
# server named by CATENA_TEST_POSTGRES instead (tests/pg_catalogues.py): then
# ``catalogue_path`` is that catalogue's URL, not a folder.


@pytest.fixture(scope="session")
def engine_choice() -> str:
    from tests.pg_catalogues import test_engine

    return test_engine()


@pytest.fixture(scope="session")
def pg_session_database(engine_choice: str):  # type: ignore[no-untyped-def]
    """The session's PostgreSQL catalogue database (only with the postgresql engine)."""
    from tests.pg_catalogues import session_database

    assert engine_choice == "postgresql"
    with session_database() as database:
        yield database


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.catalogue import Catalogue

    # (A folder on either engine: tests that copy it want a folder; the PostgreSQL
    # catalogue fixtures use pg_empty_state instead.)
    folder = tmp_path_factory.mktemp("template") / "Template.catena"
    Catalogue.open(folder, create=True, actor="tester").close()
    return folder


@pytest.fixture(scope="session")
def pg_empty_state(pg_session_database, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The session database made a new, empty catalogue, and that state saved."""
    from db.catalogue import Catalogue

    objects = tmp_path_factory.mktemp("pg_template_objects")
    Catalogue.open(
        pg_session_database.url, create=True, actor="tester", objects=str(objects)
    ).close()
    pg_session_database.save("empty")
    return pg_session_database


@pytest.fixture
def catalogue_path(request: pytest.FixtureRequest, engine_choice: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh empty catalogue, closed: a folder, or (PostgreSQL) the server's URL."""
    import shutil

    if engine_choice == "postgresql":
        database = request.getfixturevalue("pg_empty_state")
        objects = tmp_path / "objects"
        objects.mkdir()
        database.restore("empty", str(objects))
        return database.url
    template = request.getfixturevalue("catalogue_template")
    target = tmp_path / "Test.catena"
    shutil.copytree(template, target)
    return target


@pytest.fixture
def catalogue(catalogue_path: Path):  # type: ignore[no-untyped-def]
    from db.catalogue import Catalogue

    opened = Catalogue.open(catalogue_path, actor="tester")
    yield opened
    opened.close()


def _import_samples(catalogue) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.resources import sample_paths
    from desktop.ingest.pipeline import import_paths

    import_paths(catalogue, sample_paths())


@pytest.fixture(scope="session")
def samples_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue holding Catena's sample documents with their suggestions, imported
    once per test session; tests copy it instead of importing again."""
    from db.catalogue import Catalogue

    folder = tmp_path_factory.mktemp("samples") / "Samples.catena"
    opened = Catalogue.open(folder, create=True, actor="tester", daily_backup=False)
    try:
        _import_samples(opened)
    finally:
        opened.close()
    return folder


@pytest.fixture(scope="session")
def pg_samples_state(pg_empty_state, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The samples imported into the session database once, that state saved; returns
    the database and the folder holding the samples' originals."""
    from db.catalogue import Catalogue

    objects = tmp_path_factory.mktemp("pg_samples_objects") / "objects"
    objects.mkdir()
    pg_empty_state.restore("empty", str(objects))
    opened = Catalogue.open(pg_empty_state.url, actor="tester", daily_backup=False)
    try:
        _import_samples(opened)
    finally:
        opened.close()
    pg_empty_state.save("samples")
    return pg_empty_state, objects


@pytest.fixture
def sample_catalogue(request: pytest.FixtureRequest, engine_choice: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh copy of the samples catalogue, open; changes stay in this test."""
    import shutil

    from db.catalogue import Catalogue

    if engine_choice == "postgresql":
        database, saved_objects = request.getfixturevalue("pg_samples_state")
        objects = tmp_path / "objects"
        shutil.copytree(saved_objects, objects)
        database.restore("samples", str(objects))
        target: Path | str = database.url
    else:
        target = tmp_path / "Samples.catena"
        shutil.copytree(request.getfixturevalue("samples_template"), target)
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
