"""The main window's the search field, saved searches and collections.

A mixin of ``MainWindow`` (``desktop.ui.main_window``): its methods use the window's
widgets and the ``Workbench``; they hold no state of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
)

from db.catalogue import Catalogue
from desktop.core import collections as collection_ops
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    COLUMNS,
)

CatalogueOpener = Callable[[Path | str], Catalogue]
REVIEW = next(c for c in COLUMNS if c.key == "review")
MATCH_COLUMN = COLUMN_KEYS.index("match")
Confirm = Callable[[str, str], bool]


class SearchActions:
    """The search field, saved searches and collections."""

    # --- filter and searches ----------------------------------------------------------
    def focus_filter(self) -> None:
        if self.pages.currentWidget() is not self.library_page:
            self.sidebar.choose("library")
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def apply_filter(self) -> None:
        """Run the search field. Starting a search sorts by relevance and shows the
        Match column (snippets); clearing it restores the sort the person had."""
        self._filter_timer.stop()
        text = self.filter_edit.text()
        searching = bool(text.strip())
        sort: tuple[int, Qt.SortOrder] | None = None
        header = self.table.horizontalHeader()
        if searching and self._sort_before_search is None:
            self._sort_before_search = (header.sortIndicatorSection(), header.sortIndicatorOrder())
            sort = (MATCH_COLUMN, Qt.SortOrder.AscendingOrder)
        elif not searching and self._sort_before_search is not None:
            sort, self._sort_before_search = self._sort_before_search, None
            if sort[0] == MATCH_COLUMN:
                sort = (0, Qt.SortOrder.AscendingOrder)
        if not searching and self.model.sort_key == "match":
            sort = (0, Qt.SortOrder.AscendingOrder)  # nothing to rank by
        if sort is not None:
            self._show_sort(*sort)
        self._searching = searching
        self._sync_match_column()
        self.model.set_filter(text, sort=sort)
        self.reader.set_search_terms(self.model.search_terms)
        self._update_list_state()

    def _reset_search(self) -> None:
        """A fresh model (another catalogue): no search, reference order."""
        blocked = self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(blocked)
        self._show_sort(0, Qt.SortOrder.AscendingOrder)
        self._searching, self._sort_before_search = False, None
        self.reader.set_search_terms(())
        self._sync_match_column()

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Move the header's sort arrow without the header re-sorting the model (the
        model is told its sort with its search: one id query, not one per change)."""
        header = self.table.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(blocked)

    def _sync_match_column(self) -> None:
        """Show the Match column while searching (unless hidden by the person); it then
        takes the spare width, and the title gives it up."""
        shown = self._searching and self._match_wanted
        header = self.table.horizontalHeader()
        if shown and header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch:
            width = header.sectionSize(1)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(1, max(180, width // 3))
            header.setSectionResizeMode(MATCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        elif not shown and header.sectionResizeMode(1) != QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(MATCH_COLUMN, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(MATCH_COLUMN, not shown)
        self.model.set_match_shown(shown)

    def save_current_search(self, name: str | None = None) -> None:
        query = self.filter_edit.text().strip()
        if not query:
            self.statusBar().showMessage(self.tr("Type a search first, then save it."), 6000)
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Save Search"), self.tr("Name:"), text=query
            )
            if not ok or not name.strip():
                return
        try:
            collection_ops.save_search(self.catalogue, name=name, query=query, replace=True)
        except ValueError as exc:  # not a search, or no name: nothing was saved
            self.statusBar().showMessage(self.tr("Not saved: {reason}").format(reason=exc), 12_000)
            return
        self._refresh_sidebar()

    def new_collection(self, name: str | None = None) -> int | None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New Collection"), self.tr("Name:"))
            if not ok or not name.strip():
                return None
        try:
            collection_id = collection_ops.new_collection(self.catalogue, name=name).value
        except ValueError as exc:
            self.statusBar().showMessage(self.tr("Not created: {reason}").format(reason=exc), 8000)
            return None
        self._refresh_sidebar()
        return collection_id

    def add_selected_to_collection(self, collection_id: int | None = None) -> None:
        refs = self.selected_refs()
        if not refs:
            return
        if collection_id is None:
            rows = collection_ops.collections(self.catalogue)
            if not rows:
                collection_id = self.new_collection()
            else:
                names = [r.name for r in rows]
                name, ok = QInputDialog.getItem(
                    self, self.tr("Add to Collection"), self.tr("Collection:"), names, 0, False
                )
                if not ok:
                    return
                collection_id = rows[names.index(name)].id
        if collection_id is None:
            return
        collection_ops.file_documents(self.catalogue, collection_id=collection_id, refs=refs)
        self._refresh_sidebar()
