"""Accessible names, descriptions and the keyboard order of the main window's own parts.

A mixin of ``MainWindow`` (through ``MenuActions``, which calls it once the menus
exist): screen readers announce a control by its accessible name, and a list or a
search box has no visible label of its own to lend one. The views and dialogs name
their own controls where they build them; this names what the window builds.
"""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QAbstractItemView, QToolButton, QWidget


class WindowAccessibility:
    """Names what the window builds and sets the library page's Tab order."""

    def _name_controls(self) -> None:
        self.filter_edit.setAccessibleName(self.tr("Search documents"))
        self.filter_edit.setAccessibleDescription(
            self.tr(
                'Words, "phrases" and fields such as publisher:, year:, person:; '
                "the list narrows as you type (Ctrl+F)"
            )
        )
        for button in self.filter_edit.findChildren(QToolButton):  # the clear button
            button.setAccessibleName(self.tr("Clear search"))
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setAccessibleDescription(
            self.tr(
                "The documents of the place chosen in the sidebar; the selected one is shown "
                "below. Delete moves the selection to the trash"
            )
        )
        self.refine_button.setAccessibleName(self.tr("Refine"))
        self.refine_button.setAccessibleDescription(self.refine_button.toolTip())
        self.sidebar.setAccessibleName(self.tr("Places"))
        self.sidebar.setAccessibleDescription(
            self.tr("Library, collections, saved searches, the other views and the trash")
        )
        self.inspector.setAccessibleName(self.tr("Inspector"))
        self.inspector.setAccessibleDescription(
            self.tr("The current tag and the selected document's metadata")
        )
        self.image_strip.setAccessibleName(self.tr("Images of this document"))
        self.image_strip.setAccessibleDescription(self.tr("Enter opens the current image"))
        self.image_grid.setAccessibleName(self.tr("All images"))
        self.image_grid.setAccessibleDescription(
            self.tr("Every image in the catalogue; Enter opens the current one")
        )
        self.pages.setAccessibleName(self.tr("Current view"))
        self.count_label.setAccessibleName(self.tr("Documents in the catalogue"))
        # Tab leaves a list instead of walking its cells (arrows walk the cells).
        for view in self.findChildren(QAbstractItemView):
            view.setTabKeyNavigation(False)
        # Tab goes from the places to the search, the list, the text and the inspector.
        order: list[QWidget] = [
            self.sidebar,
            self.filter_edit,
            self.refine_button,
            self.table,
            self.reader.text,
            self.inspector,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
