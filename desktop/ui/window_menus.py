"""The main window's menus, shortcuts and the column and table context menus.

A mixin of ``MainWindow`` (``desktop.ui.main_window``): its methods use the window's
widgets and the ``Workbench``; they hold no state of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QPoint,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QMenu,
)

from db.catalogue import Catalogue
from db.date_locales import DEFAULT_DATE_LOCALE
from db.location import catalogue_location
from desktop.ui.guide_dialog import open_user_guide
from desktop.ui.language import add_language_menu
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    COLUMNS,
)
from desktop.ui.window_a11y import WindowAccessibility
from desktop.ui.window_dates import add_date_language_menu, restore_date_locale

CatalogueOpener = Callable[[Path | str], Catalogue]
REVIEW = next(c for c in COLUMNS if c.key == "review")
MATCH_COLUMN = COLUMN_KEYS.index("match")
Confirm = Callable[[str, str], bool]


class MenuActions(WindowAccessibility):
    """Menus, shortcuts and the column and table context menus."""

    date_locale = DEFAULT_DATE_LOCALE  # the language dates are shown in (window_dates)

    # --- menus ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(
            file_menu,
            self.tr("&Open Catalogue…"),
            QKeySequence.StandardKey.Open,
            self.choose_catalogue,
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(
            file_menu,
            self.tr("&New Catalogue…"),
            QKeySequence.StandardKey.New,
            self.choose_new_catalogue,
        )
        file_menu.addSeparator()
        self.import_action = self._action(
            file_menu, self.tr("&Import Files…"), QKeySequence("Ctrl+I"), self.choose_import_files
        )
        self._action(
            file_menu,
            self.tr("Import F&older…"),
            QKeySequence("Ctrl+Shift+I"),
            self.choose_import_folder,
        )
        self._action(file_menu, self.tr("Import &Sample Documents"), None, self.import_samples)
        file_menu.addSeparator()
        self.dossier_action = self._action(
            file_menu, self.tr("Print &Dossier…"), QKeySequence("Ctrl+P"), self.open_dossier_dialog
        )
        self._action(
            file_menu, self.tr("&Export…"), QKeySequence("Ctrl+E"), self.open_export_dialog
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Find…"), QKeySequence("Ctrl+F"), self.focus_filter)
        self._action(edit_menu, self.tr("&Save Search…"), None, self.save_current_search)
        edit_menu.addSeparator()
        self.trash_action = self._action(
            edit_menu,
            self.tr("Move to &Trash"),
            QKeySequence.StandardKey.Delete,
            self.trash_selected,
        )
        # Delete belongs to the list; in the text it would be surprising.
        self.trash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.trash_action)
        self.restore_action = self._action(
            edit_menu, self.tr("R&estore from Trash"), None, self.restore_selected
        )

        document_menu = self.menuBar().addMenu(self.tr("&Document"))
        self._action(document_menu, self.tr("&Suggest Tags"), None, self.suggest_selected)
        self._action(
            document_menu, self.tr("Add to &Collection…"), None, self.add_selected_to_collection
        )
        self._action(document_menu, self.tr("New C&ollection…"), None, self.new_collection)
        self._action(document_menu, self.tr("Attach &Images…"), None, self.choose_images_to_attach)
        self._action(
            document_menu, self.tr("Read Text with &OCR…"), None, lambda: self.read_text_with_ocr()
        )
        self._action(
            document_menu, self.tr("Co&rrect OCR Text…"), None, lambda: self.correct_ocr_text()
        )
        document_menu.addSeparator()
        self._action(
            document_menu,
            self.tr("Copy &Citation"),
            QKeySequence("Ctrl+Shift+C"),
            lambda: self.copy_citation(None, None),
        )

        tag_menu = self.menuBar().addMenu(self.tr("&Tag"))
        for action in self.reader.tag_actions():
            tag_menu.addAction(action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for key, label, shortcut in (
            ("library", self.tr("&Library"), "Ctrl+1"),
            ("people", self.tr("&People"), "Ctrl+2"),
            ("chronology", self.tr("&Chronology"), "Ctrl+3"),
            ("figures", self.tr("&Figures"), "Ctrl+4"),
            ("images", self.tr("&Images"), "Ctrl+5"),
            ("review", self.tr("Needs &Review"), "Ctrl+6"),
            ("trash", self.tr("&Trash"), "Ctrl+7"),
            ("events", self.tr("&Events"), "Ctrl+8"),
        ):
            self._action(
                view_menu, label, QKeySequence(shortcut), lambda k=key: self.sidebar.choose(k)
            )
        self._action(
            view_menu, self.tr("Review &Queue"), QKeySequence("Ctrl+9"), self.open_review_queue
        )
        view_menu.addSeparator()
        self.columns_menu = view_menu.addMenu(self.tr("&Columns"))
        self.column_actions: list[QAction] = []
        for n, column in enumerate(COLUMNS):
            action = QAction(QCoreApplication.translate("DocumentTableModel", column.title), self)
            action.setCheckable(True)
            action.toggled.connect(lambda on, n=n: self.set_column_shown(n, on))
            self.columns_menu.addAction(action)
            self.column_actions.append(action)
        add_date_language_menu(self, view_menu)
        add_language_menu(self, view_menu)
        self._build_team_actions(file_menu, view_menu)  # Open Team Catalogue…, Refresh

        self._build_events_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self._action(
            help_menu,
            self.tr("User &Guide"),
            QKeySequence.StandardKey.HelpContents,  # F1 (Ctrl+? on macOS)
            lambda: open_user_guide(self),
        )
        self._action(help_menu, self.tr("&About Catena"), None, self.show_about)
        self._name_controls()  # every part exists now (window_a11y)

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_catalogues():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(
                lambda _c=False, p=path: self.switch_catalogue(catalogue_location(p))
            )
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _column_menu(self, point: QPoint) -> None:
        self.columns_menu.exec(self.table.horizontalHeader().mapToGlobal(point))

    def _table_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        if self.model.scope.kind == "trash":
            menu.addAction(self.restore_action)
        else:
            menu.addAction(self.trash_action)
            menu.addAction(self.tr("Suggest Tags"), self.suggest_selected)
            menu.addAction(self.tr("Add to Collection…"), self.add_selected_to_collection)
        menu.addAction(self.dossier_action)
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    def set_column_shown(self, column: int, shown: bool) -> None:
        """Show or hide a column; the Match column's choice applies while searching."""
        if column == MATCH_COLUMN:
            self._match_wanted = shown
            self._sync_match_column()
        else:
            self.table.setColumnHidden(column, not shown)
        if COLUMNS[column].key == "review":
            self.model.set_review_shown(shown)
        hidden = [
            c.key
            for n, c in enumerate(COLUMNS)
            if (not self._match_wanted if n == MATCH_COLUMN else self.table.isColumnHidden(n))
        ]
        self.settings.setValue("documents/hidden_columns", hidden)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in (
            ("window/main_splitter", self.main_splitter),
            ("window/library_splitter", self.library_splitter),
            ("window/reading_splitter", self.reading_splitter),
        ):
            state = self.settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        hidden = self.settings.value("documents/hidden_columns")
        if hidden is None:
            hidden_keys = {c.key for c in COLUMNS if not c.shown_by_default}
        else:
            hidden_keys = {hidden} if isinstance(hidden, str) else set(hidden)
        for n, column in enumerate(COLUMNS):
            self.column_actions[n].setChecked(column.key not in hidden_keys)
            self.table.setColumnHidden(n, column.key in hidden_keys)
        self.model.set_review_shown("review" not in hidden_keys)
        self._match_wanted = "match" not in hidden_keys
        self._sync_match_column()
        self.metadata.set_style(str(self.settings.value("citation/style", "chicago")))
        restore_date_locale(self)
