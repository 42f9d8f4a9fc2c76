"""The "Refine" button beside the search field: facet counts of the current list.

Opening its menu shows, per type, publisher, year, person and tag, how many of the
listed documents have each value; choosing one adds that field to the search
(``type:report``), so every refinement is visible, editable and can be saved as a
search. Counting a large result takes seconds, so it runs on the task runner when the
menu is opened (never on every keystroke) and is kept until the list or the
catalogue changes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from db.search.facets import FACETS, FacetCount
from db.search.query import field_clause
from desktop.ui.tasks import TaskRunner

Facets = Mapping[str, Sequence[FacetCount]]
FacetWork = Callable[[], Facets]


def _titles() -> dict[str, str]:
    return {
        "type": QCoreApplication.translate("RefineButton", "Type"),
        "publisher": QCoreApplication.translate("RefineButton", "Publisher"),
        "year": QCoreApplication.translate("RefineButton", "Year"),
        "person": QCoreApplication.translate("RefineButton", "Person"),
        "tag": QCoreApplication.translate("RefineButton", "Tag"),
    }


class RefineButton(QToolButton):
    """A menu button whose menu lists facet values; ``refine`` carries the clause."""

    refine = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refineButton")
        self.setText(QCoreApplication.translate("RefineButton", "Refine"))
        self.setToolTip(
            QCoreApplication.translate(
                "RefineButton", "Counts by type, publisher, year, person and tag for this list"
            )
        )
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._runner = runner
        self._menu = QMenu(self)
        self._menu.aboutToShow.connect(self._about_to_show)
        self.setMenu(self._menu)
        self._key: Hashable = None
        self._work: FacetWork | None = None
        self._counted: tuple[Hashable, Facets | str] | None = None
        self._counting: Hashable = None

    def set_source(self, key: Hashable, work: FacetWork) -> None:
        """What the menu counts: *work* computes the facets of the list named *key*."""
        if key != self._key:
            self._key, self._work = key, work
            self._counted = None

    def invalidate(self) -> None:
        """The catalogue changed: count again next time."""
        self._counted = None

    # --- menu -----------------------------------------------------------------------
    def _about_to_show(self) -> None:
        if self._counted is not None and self._counted[0] == self._key:
            self._fill(self._counted[1])
            return
        self._fill(QCoreApplication.translate("RefineButton", "Counting…"))
        self.count()

    def count(self) -> None:
        """Count the current list's facets (in the background with a threaded runner)."""
        if self._work is None or self._counting == self._key:
            return
        key = self._key
        self._counting = key
        self._runner.run(
            self._work,
            on_done=lambda result: self._arrived(key, result),
            on_error=lambda error: self._arrived(key, str(error)),
        )

    def _arrived(self, key: Hashable, result: Facets | str) -> None:
        if self._counting == key:
            self._counting = None
        if key != self._key:
            return  # the list changed meanwhile; the next opening counts again
        self._counted = (key, result)
        self._fill(result)

    def _fill(self, result: Facets | str) -> None:
        menu = self._menu
        for action in menu.actions():  # clear() leaves submenus made by addMenu alive
            submenu = action.menu()
            if submenu is not None:
                submenu.deleteLater()
        menu.clear()
        if isinstance(result, str):
            menu.addAction(result).setEnabled(False)
            return
        titles = _titles()
        for facet in FACETS:
            values = list(result.get(facet, ()))
            submenu = menu.addMenu(titles[facet])
            submenu.setObjectName(f"facet_{facet}")
            submenu.setEnabled(bool(values))
            for item in values:
                clause = field_clause(facet, item.value)
                # "&" would mark a keyboard mnemonic ("AT&T" shown as "ATT")
                label = item.value.replace("&", "&&")
                action = submenu.addAction(f"{label}  ({item.count:,})")
                action.setData(clause)
                action.setEnabled(clause is not None)
                if clause is not None:
                    action.triggered.connect(lambda _c=False, q=clause: self.refine.emit(q))

    def facet_actions(self, facet: str) -> list[Any]:
        """The actions of one facet's submenu (for keyboard users' tests and scripts)."""
        for action in self._menu.actions():
            submenu = action.menu()
            if submenu is not None and submenu.objectName() == f"facet_{facet}":
                return list(submenu.actions())
        return []


__all__ = ["RefineButton"]
