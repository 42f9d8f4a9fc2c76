"""What the PostgreSQL run leaves out (tests/engine_choice.py): only tests the engine
choice cannot reach, and, to be safe, none that ask for fixtures at run time."""

from __future__ import annotations

import json
import types
from typing import Any

import pytest

from tests.engine_choice import (
    NO_ENGINE,
    OWN_DATABASE,
    SQLITE_ONLY,
    reason_left_out,
    summary_lines,
)


def _pure(text: str) -> None:
    assert text


def _asks(request: Any) -> None:
    request.getfixturevalue("catalogue")


def _fixture_that_asks(request: Any) -> Any:
    return request.getfixturevalue("sample_catalogue")


class _Item:
    """Just what reason_left_out reads of a pytest.Function."""

    def __init__(
        self,
        names: list[str],
        function: Any = _pure,
        markers: tuple[str, ...] = (),
        fixtures: dict[str, Any] | None = None,
    ) -> None:
        self.fixturenames = names
        self.function = function
        self.module = json  # any module whose source does not name the variable
        self._markers = markers
        definitions = {
            name: [types.SimpleNamespace(func=func)] for name, func in (fixtures or {}).items()
        }
        self._fixtureinfo = types.SimpleNamespace(name2fixturedefs=definitions)

    def get_closest_marker(self, name: str) -> object | None:
        return name if name in self._markers else None


def _reason(item: _Item) -> str:
    return reason_left_out(item)  # type: ignore[arg-type]


def test_a_test_reaching_the_engine_choice_runs_on_postgresql() -> None:
    names = ["catalogue", "catalogue_path", "engine_choice", "tmp_path"]
    assert _reason(_Item(names)) == ""


def test_a_test_that_never_reaches_it_is_left_out() -> None:
    assert _reason(_Item(["tmp_path", "capsys"])) == NO_ENGINE


def test_markers_say_why_first() -> None:
    assert _reason(_Item(["engine_choice"], markers=("sqlite_only",))) == SQLITE_ONLY
    assert _reason(_Item(["tmp_path"], markers=("own_database",))) == OWN_DATABASE


@pytest.mark.parametrize(
    "item",
    [
        _Item(["request"], function=_asks),
        _Item(["which", "request"], fixtures={"which": _fixture_that_asks}),
    ],
    ids=["test asks", "fixture asks"],
)
def test_asking_for_fixtures_at_run_time_keeps_the_test(item: _Item) -> None:
    assert _reason(item) == ""


def test_a_module_reading_the_engine_variable_keeps_its_tests() -> None:
    item = _Item(["tmp_path"])
    item.module = types.ModuleType("reads")
    item.module.__file__ = __file__  # this file names the variable: CATENA_TEST_ENGINE
    assert _reason(item) == ""


def test_the_summary_counts_each_reason() -> None:
    lines = summary_lines([("a", NO_ENGINE), ("b", NO_ENGINE), ("c", SQLITE_ONLY)])
    assert len(lines) == 1
    assert "3 tests left out" in lines[0]
    assert f"2 {NO_ENGINE}" in lines[0] and f"1 {SQLITE_ONLY}" in lines[0]
    assert summary_lines([]) == []
