"""Which tests the ``CATENA_TEST_ENGINE=postgresql`` run leaves out, and why.

That run repeats tests/db and tests/core to check Catena on PostgreSQL. The engine
reaches a test in one way only: the session fixture ``engine_choice``
(tests/conftest.py), which every catalogue fixture (``catalogue_path``, ``catalogue``,
``sample_catalogue`` and the ``pg_*`` states) depends on; nothing in db/ or desktop/
reads ``CATENA_TEST_ENGINE``. A test whose fixtures, followed all the way down, never
include ``engine_choice`` therefore runs exactly as in the SQLite run (pure functions,
parsers, extractors, CLI arguments, a catalogue the test makes itself in a folder): it
is left out. Kept, to be safe: a test or fixture that asks for fixtures by name at run
time (``request.getfixturevalue``), which the static list cannot see, and a test module
that reads the variable itself.
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any

import pytest

ENGINE_FIXTURE = "engine_choice"
SQLITE_ONLY = "SQLite's own file (sqlite_only)"
OWN_DATABASE = "makes its own PostgreSQL database (own_database)"
NO_ENGINE = "never reaches the engine choice (no catalogue fixture)"


def reason_left_out(item: pytest.Item) -> str:
    """Why *item* is left out of the PostgreSQL run; empty when it runs there."""
    if item.get_closest_marker("sqlite_only"):
        return SQLITE_ONLY
    if item.get_closest_marker("own_database"):
        return OWN_DATABASE
    if reaches_engine(item):
        return ""
    return NO_ENGINE


def reaches_engine(item: pytest.Item) -> bool:
    """Whether the engine choice can reach *item* (see the module's docstring)."""
    names = getattr(item, "fixturenames", None)
    if names is None or ENGINE_FIXTURE in names:
        return True  # not a plain test function: keep it rather than guess
    function = getattr(item, "function", None)
    if function is None or _asks_at_run_time(function):
        return True
    module = getattr(item, "module", None)
    if module is not None and _reads_engine_variable(module):
        return True
    info = getattr(item, "_fixtureinfo", None)
    definitions: dict[str, Any] = getattr(info, "name2fixturedefs", {}) or {}
    return any(
        _asks_at_run_time(definition.func)
        for name in names
        for definition in definitions.get(name, ())
    )


@cache
def _source(function: Any) -> str:
    try:
        return inspect.getsource(inspect.unwrap(function))
    except (OSError, TypeError):
        return "getfixturevalue"  # source unknown: assume the worst, keep the test


def _asks_at_run_time(function: Any) -> bool:
    return "getfixturevalue" in _source(function)


@cache
def _reads_engine_variable(module: Any) -> bool:
    try:
        return "CATENA_TEST_ENGINE" in inspect.getsource(module)
    except (OSError, TypeError):
        return True


def summary_lines(left_out: list[tuple[str, str]]) -> list[str]:
    """One line per reason: how many tests the PostgreSQL run left out."""
    if not left_out:
        return []
    counts: dict[str, int] = {}
    for _nodeid, reason in left_out:
        counts[reason] = counts.get(reason, 0) + 1
    parts = ", ".join(f"{count} {reason}" for reason, count in sorted(counts.items()))
    return [
        f"PostgreSQL run: {len(left_out)} tests left out as they ran in the SQLite run "
        f"unchanged: {parts}"
    ]
