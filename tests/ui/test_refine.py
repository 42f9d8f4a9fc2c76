"""The Refine button counts in the background, shows that it is counting, and never
shows the counts of a list that is no longer on screen."""

from __future__ import annotations

from typing import Any

import pytest

from db.search.facets import FacetCount
from desktop.ui.refine import RefineButton


class HeldRunner:
    """Keeps work until the test delivers it, as a busy thread pool would."""

    def __init__(self) -> None:
        self.held: list[tuple[Any, Any, Any]] = []

    def run(self, work: Any, *, on_done: Any, on_error: Any) -> None:
        self.held.append((work, on_done, on_error))

    def deliver(self) -> None:
        work, on_done, on_error = self.held.pop(0)
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
            return
        on_done(result)


@pytest.fixture
def runner() -> HeldRunner:
    return HeldRunner()


@pytest.fixture
def button(runner: HeldRunner, qtbot) -> RefineButton:  # type: ignore[no-untyped-def]
    made = RefineButton(runner)
    qtbot.addWidget(made)
    return made


def _texts(button: RefineButton) -> list[str]:
    return [action.text() for action in button.menu().actions()]


def test_counting_is_shown_then_replaced_by_the_counts(
    runner: HeldRunner, button: RefineButton
) -> None:
    button.set_source("a", lambda: {"type": [FacetCount("report", 3)]})
    button.menu().aboutToShow.emit()
    assert _texts(button) == ["Counting…"]
    button.menu().aboutToShow.emit()  # opened again while counting: one job, not two
    assert len(runner.held) == 1
    runner.deliver()
    assert [a.text() for a in button.facet_actions("type")] == ["report  (3)"]
    assert button.facet_actions("type")[0].data() == 'type:"report"'
    button.menu().aboutToShow.emit()  # counted already: no new job
    assert runner.held == []


def test_counts_of_a_list_no_longer_shown_are_dropped(
    runner: HeldRunner, button: RefineButton
) -> None:
    button.set_source("old", lambda: {"type": [FacetCount("letter", 9)]})
    button.menu().aboutToShow.emit()
    button.set_source("new", lambda: {"type": [FacetCount("report", 1)]})
    runner.deliver()  # the old list's counts arrive late
    assert button.facet_actions("type") == []
    button.menu().aboutToShow.emit()
    runner.deliver()
    assert [a.text() for a in button.facet_actions("type")] == ["report  (1)"]


def test_a_failed_count_says_why_and_a_value_without_a_clause_is_disabled(
    runner: HeldRunner, button: RefineButton
) -> None:

    def broken() -> dict[str, list[FacetCount]]:
        raise ValueError("the catalogue is closed")

    button.set_source("x", broken)
    button.menu().aboutToShow.emit()
    runner.deliver()
    assert _texts(button) == ["the catalogue is closed"]
    button.set_source("y", lambda: {"publisher": [FacetCount('The "Daily"', 2)]})
    button.menu().aboutToShow.emit()
    runner.deliver()
    (action,) = button.facet_actions("publisher")
    assert not action.isEnabled()
    chosen: list[str] = []
    button.refine.connect(chosen.append)
    button.set_source("z", lambda: {"year": [FacetCount("1992", 4)]})
    button.menu().aboutToShow.emit()
    runner.deliver()
    button.facet_actions("year")[0].trigger()
    assert chosen == ["year:1992"]
