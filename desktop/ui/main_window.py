"""The main window: sidebar, document list, reading pane, inspector, other views.

The window wires parts together and owns nothing but layout: documents are read
through ``catalogue_ops``, every change goes through the ``Workbench`` (one undoable
command per core operation) and views refresh from its signals. Work that can take
longer than a few milliseconds (imports, suggestions, the cross-source views, the
dossier) goes through the injected ``TaskRunner``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.analysis import chronology, compare_figures
from db.catalogue import Catalogue, CatalogueError
from db.documents import count_documents
from db.search import engine as search_engine
from desktop.ingest.pipeline import ImportReport
from desktop.samples import sample_paths
from desktop.ui import catalogue_ops as ops
from desktop.ui.analysis_views import ChronologyView, FiguresView
from desktop.ui.images import ImageGrid, ImageListModel, ImageStrip, ImageViewer
from desktop.ui.import_dialog import ImportJob, ImportReportDialog
from desktop.ui.metadata import MetadataPanel
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    COLUMNS,
    DocumentTableModel,
    HtmlRole,
    selected_rows,
)
from desktop.ui.people_view import PeopleView
from desktop.ui.reader import ReadingPane
from desktop.ui.refine import RefineButton
from desktop.ui.rich_cell import HtmlCellDelegate
from desktop.ui.sidebar import Place, Sidebar
from desktop.ui.tag_editor import TagEditor
from desktop.ui.tasks import TaskRunner
from desktop.ui.workbench import Workbench

CatalogueOpener = Callable[[Path], Catalogue]
REVIEW = next(c for c in COLUMNS if c.key == "review")
MATCH_COLUMN = COLUMN_KEYS.index("match")
Confirm = Callable[[str, str], bool]


def _freeze_long_lived_objects() -> None:
    """Hide everything loaded at start-up from the cyclic garbage collector.

    A full collection walks every tracked object while holding the GIL; triggered by a
    background import it froze the UI thread for a quarter of a second. The modules,
    models and widgets alive once the window exists live as long as the application,
    so freezing them (CPython's ``gc.freeze``) makes later collections small.
    """
    import gc

    if gc.get_freeze_count() == 0:
        gc.freeze()


GIL_SWITCH_INTERVAL = 0.001
"""Seconds a Python thread may hold the GIL while another waits (CPython's default is
0.005). The event loop crosses into Python several times per turn; behind a busy
import thread each crossing could wait a full interval, and turns stretched past
100 ms. A shorter interval costs the import thread a little throughput."""


def _prefer_the_event_loop() -> None:
    if sys.getswitchinterval() > GIL_SWITCH_INTERVAL:
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)


class EmptyCatalogueOffer(QWidget):
    """Shown instead of the list when a catalogue has no documents yet."""

    import_files = Signal()
    import_samples = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr(
                "This catalogue is empty.\n\nDrop files here, use File ▸ Import Files… (Ctrl+I),\n"
                "or start with Catena's sample documents."
            )
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        files_button = QPushButton(self.tr("Import Files…"))
        samples_button = QPushButton(self.tr("Import Sample Documents"))
        samples_button.setObjectName("importSamplesButton")
        files_button.clicked.connect(self.import_files)
        samples_button.clicked.connect(self.import_samples)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(files_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(samples_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Catena's workbench over one open catalogue."""

    import_finished = Signal(object)  # ImportReport
    view_loaded = Signal(str)  # "people", "figures", "chronology", "images"
    images_attached = Signal(object)  # AttachResult
    suggestions_done = Signal(int)

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        runner: TaskRunner,
        settings: QSettings,
        open_catalogue: CatalogueOpener,
    ) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.runner = runner
        self.settings = settings
        self._open_catalogue = open_catalogue
        # Asking the person is injectable so tests drive merges without a modal box.
        self.confirm: Confirm = self._ask
        self._dirty = {"people", "figures", "chronology", "images"}
        self._generations: dict[str, int] = {}
        self.last_report_dialog: ImportReportDialog | None = None
        self.setAcceptDrops(True)
        self.resize(1400, 860)

        self.undo_group = QUndoGroup(self)
        self.bench = self._make_workbench(catalogue)
        self.model = DocumentTableModel(catalogue, self)
        self._searching = False
        self._match_wanted = True
        self._list_generation = 0
        self._sort_before_search: tuple[int, Qt.SortOrder] | None = None

        self._build_library_page()
        self.people_view = PeopleView()
        self.figures_view = FiguresView()
        self.chronology_view = ChronologyView()
        self.all_images = ImageListModel(self._object_path, self)
        self.image_grid = ImageGrid(self.all_images)
        self.people_view.open_passage.connect(self.open_passage)
        self.people_view.merge_requested.connect(self.merge_people)
        self.people_view.person_selected.connect(self._show_person)
        self.figures_view.open_passage.connect(self.open_passage)
        self.figures_view.reload_requested.connect(lambda: self._mark_dirty("figures"))
        self.chronology_view.open_passage.connect(self.open_passage)
        self.chronology_view.reload_requested.connect(lambda: self._mark_dirty("chronology"))
        self.image_grid.open_requested.connect(self.open_image)

        self.pages = QStackedWidget()
        self.view_pages: dict[str, QWidget] = {
            "documents": self.library_page,
            "people": self.people_view,
            "figures": self.figures_view,
            "chronology": self.chronology_view,
            "images": self.image_grid,
        }
        for page in self.view_pages.values():
            self.pages.addWidget(page)

        self.sidebar = Sidebar()
        self.sidebar.place_chosen.connect(self.go_to)
        self.main_splitter = QSplitter()
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.pages)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([210, 1190])
        self.setCentralWidget(self.main_splitter)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.read_only_label = QLabel()  # shown for a catalogue on read-only media
        self.read_only_label.setObjectName("readOnlyLabel")
        self.statusBar().addPermanentWidget(self.read_only_label)
        self._build_menus()
        self._restore_settings()
        self._catalogue_changed()
        _freeze_long_lived_objects()
        _prefer_the_event_loop()

    # --- construction -------------------------------------------------------------------
    def _make_workbench(self, catalogue: Catalogue) -> Workbench:
        bench = Workbench(catalogue, self)
        bench.tags_changed.connect(self._tags_changed)
        bench.documents_changed.connect(self._documents_changed)
        bench.people_changed.connect(lambda: self._mark_dirty("people"))
        bench.images_changed.connect(self._images_changed)
        bench.error.connect(self._show_error)
        self.undo_group.addStack(bench.undo_stack)
        self.undo_group.setActiveStack(bench.undo_stack)
        return bench

    def _build_library_page(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(
            self.tr('Search (Ctrl+F): words, "phrases", publisher:, year:, person:…')
        )
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setObjectName("documentTable")
        self._attach_model()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        # Uniform rows let the view skip measuring 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.setColumnWidth(0, 100)
        self.table.setColumnWidth(3, 170)
        self.table.setColumnWidth(5, 100)
        self.table.setItemDelegateForColumn(MATCH_COLUMN, HtmlCellDelegate(HtmlRole, self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

        self.offer = EmptyCatalogueOffer()
        self.offer.import_files.connect(self.choose_import_files)
        self.offer.import_samples.connect(self.import_samples)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.offer)
        self.scope_label = QLabel()
        self.scope_label.setObjectName("scopeLabel")
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        self.refine_button = RefineButton(self.runner, self)
        self.refine_button.refine.connect(self.add_to_search)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(self.filter_edit, 1)
        search_row.addWidget(self.refine_button)
        list_layout.addLayout(search_row)
        list_layout.addWidget(self.list_stack, 1)
        list_layout.addWidget(self.scope_label)

        self.reader = ReadingPane()
        self.reader.tag_requested.connect(self._tag_requested)
        self.reader.accept_requested.connect(self.bench_accept)
        self.reader.reject_requested.connect(lambda tag: self.bench.reject(tag))
        self.reader.remove_requested.connect(lambda tag: self.bench.remove(tag))
        self.reader.current_tag_changed.connect(self._current_tag_changed)
        self.reader.images_dropped.connect(self.attach_images)
        self.reader.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.image_model = ImageListModel(self._object_path, self)
        self.image_strip = ImageStrip(self.image_model)
        self.image_strip.open_requested.connect(self.open_image)
        reader_box = QWidget()
        reader_layout = QVBoxLayout(reader_box)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.reader, 1)
        reader_layout.addWidget(self.image_strip)
        self.image_hint = QLabel(self.tr("No images. Drop image files on the text to attach them."))
        self.image_hint.setObjectName("imageHint")
        reader_layout.addWidget(self.image_hint)

        self.tag_editor = TagEditor()
        self.tag_editor.apply_requested.connect(
            lambda tag, changes: self.bench.edit_tag(tag, changes)
        )
        self.tag_editor.accept_requested.connect(self.bench_accept)
        self.tag_editor.reject_requested.connect(lambda tag: self.bench.reject(tag))
        self.tag_editor.remove_requested.connect(lambda tag: self.bench.remove(tag))
        self.tag_editor.create_person_requested.connect(
            lambda tag, name: self.bench.link_person(tag, name)
        )
        self.metadata = MetadataPanel()
        self.metadata.save_requested.connect(lambda ref, ch: self.bench.edit_metadata(ref, ch))
        self.metadata.confirm_requested.connect(lambda ref, fields: self.bench.confirm(ref, fields))
        self.metadata.copy_citation_requested.connect(self.copy_citation)
        self.metadata.style.currentIndexChanged.connect(
            lambda _i: self.settings.setValue("citation/style", self.metadata.style.currentData())
        )
        self.inspector = QTabWidget()
        self.inspector.setObjectName("inspector")
        self.inspector.addTab(self.tag_editor, self.tr("Tag"))
        self.inspector.addTab(self.metadata, self.tr("Metadata"))

        self.reading_splitter = QSplitter(Qt.Orientation.Vertical)
        self.reading_splitter.addWidget(list_box)
        self.reading_splitter.addWidget(reader_box)
        self.reading_splitter.setStretchFactor(0, 2)
        self.reading_splitter.setStretchFactor(1, 3)
        self.library_splitter = QSplitter()
        self.library_splitter.addWidget(self.reading_splitter)
        self.library_splitter.addWidget(self.inspector)
        self.library_splitter.setStretchFactor(0, 3)
        self.library_splitter.setStretchFactor(1, 1)
        self.library_splitter.setSizes([820, 370])
        self.library_page = self.library_splitter

    def _attach_model(self) -> None:
        self.table.setModel(self.model)
        # The column header paints each section asking whether its neighbours are
        # selected: with the table's selection that walks every selected row per
        # column (5-6 s after Select All over 100,000 documents, every repaint). Rows,
        # not columns, are selected here, so the header gets a selection of its own.
        header = self.table.horizontalHeader()
        previous = header.selectionModel()
        header.setSelectionModel(QItemSelectionModel(self.model, self.table))
        if previous is not None and previous is not self.table.selectionModel():
            previous.deleteLater()  # the last catalogue's
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._model_reset)

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
        self._action(edit_menu, self.tr("Save Search…"), None, self.save_current_search)
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
            edit_menu, self.tr("Restore from Trash"), None, self.restore_selected
        )

        document_menu = self.menuBar().addMenu(self.tr("&Document"))
        self._action(document_menu, self.tr("&Suggest Tags"), None, self.suggest_selected)
        self._action(
            document_menu, self.tr("Add to &Collection…"), None, self.add_selected_to_collection
        )
        self._action(document_menu, self.tr("New C&ollection…"), None, self.new_collection)
        self._action(document_menu, self.tr("Attach &Images…"), None, self.choose_images_to_attach)
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
        ):
            self._action(
                view_menu, label, QKeySequence(shortcut), lambda k=key: self.sidebar.choose(k)
            )
        view_menu.addSeparator()
        self.columns_menu = view_menu.addMenu(self.tr("&Columns"))
        self.column_actions: list[QAction] = []
        for n, column in enumerate(COLUMNS):
            action = QAction(self.tr(column.title), self)
            action.setCheckable(True)
            action.toggled.connect(lambda on, n=n: self.set_column_shown(n, on))
            self.columns_menu.addAction(action)
            self.column_actions.append(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Catena"), None, self.show_about)

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
            action.triggered.connect(lambda _c=False, p=path: self.switch_catalogue(Path(p)))
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

    # --- places -----------------------------------------------------------------------
    def go_to(self, place: Place) -> None:
        self.pages.setCurrentWidget(self.view_pages[place.view])
        if place.view == "documents" and place.scope is not None:
            if place.scope != self.model.scope:
                self.model.set_scope(place.scope)
            self._update_list_state()
        else:
            self._load_view(place.view)

    def _mark_dirty(self, *views: str) -> None:
        self._dirty.update(views)
        current = self.sidebar.current_place()
        if current is not None and current.view in views:
            self._load_view(current.view)

    def _load_view(self, view: str, *, force: bool = False) -> None:
        if view not in self._dirty and not force:
            return
        self._dirty.discard(view)
        catalogue = self.catalogue
        # A slow load finishing after a newer one must not overwrite it.
        generation = self._generations.get(view, 0) + 1
        self._generations[view] = generation

        def deliver(show: Callable[[Any], None]) -> Callable[[Any], None]:
            def done(result: Any) -> None:
                if generation == self._generations.get(view):
                    show(result)
                    self.view_loaded.emit(view)

            return done

        if view == "people":

            def work_people() -> list[ops.PersonRow]:
                with catalogue.reading() as session:
                    return ops.people(session)

            self.runner.run(
                work_people, on_done=deliver(self.people_view.set_people), on_error=self._failed
            )
        elif view == "figures":
            statuses = self.figures_view.statuses()

            def work_figures() -> list[Any]:
                with catalogue.reading() as session:
                    return compare_figures(session, statuses=statuses)

            self.runner.run(
                work_figures,
                on_done=deliver(self.figures_view.set_comparisons),
                on_error=self._failed,
            )
        elif view == "chronology":
            statuses = self.chronology_view.statuses()

            def work_dates() -> list[Any]:
                with catalogue.reading() as session:
                    return chronology(session, statuses=statuses)

            self.runner.run(
                work_dates,
                on_done=deliver(self.chronology_view.set_entries),
                on_error=self._failed,
            )
        elif view == "images":

            def work_images() -> list[ops.ImageView]:
                with catalogue.reading() as session:
                    return ops.all_images(session)

            self.runner.run(
                work_images, on_done=deliver(self.all_images.set_images), on_error=self._failed
            )

    # --- state ----------------------------------------------------------------------
    def _catalogue_changed(self) -> None:
        self.setWindowTitle(self.tr("Catena — {name}").format(name=self.catalogue.name))
        # Writes to a read-only catalogue are refused by Catalogue.writing() anyway (the
        # message reaches the person as any refused edit does); importing is switched off.
        read_only = self.catalogue.read_only
        self.read_only_label.setText(
            self.tr("Read-only: {path} cannot be written; changes are disabled").format(
                path=self.catalogue.path
            )
            if read_only
            else ""
        )
        self.read_only_label.setVisible(read_only)
        self.import_action.setEnabled(not read_only)
        self.model.refresh()
        self._refresh_sidebar()
        self._dirty.update({"people", "figures", "chronology", "images"})
        place = self.sidebar.current_place()
        if place is not None and place.view != "documents":
            self._load_view(place.view)

    def _refresh_sidebar(self) -> None:
        with self.catalogue.reading() as session:
            self.sidebar.rebuild(session)
            count = count_documents(session)
        self._total = count
        self.count_label.setText(self.tr("{count} documents").format(count=count))
        self._update_list_state()

    def add_to_search(self, clause: str) -> None:
        """Narrow the search by *clause* (a facet's ``field:value``) and run it."""
        current = self.filter_edit.text().strip()
        self.filter_edit.setText(f"{current} {clause}".strip())
        self.apply_filter()

    def _update_refine_source(self) -> None:
        catalogue, scope, text = self.catalogue, self.model.scope, self.model.filter_text
        self._list_generation += 1

        def work() -> dict[str, list[search_engine.FacetCount]]:
            with catalogue.reading() as session:
                return ops.facets_of(session, scope, text)

        self.refine_button.setEnabled(scope.kind != "trash" and not self.model.filter_error)
        self.refine_button.set_source((id(catalogue), scope, text, self._list_generation), work)

    def _update_list_state(self) -> None:
        self._update_refine_source()
        empty_catalogue = getattr(self, "_total", 0) == 0 and self.model.scope.kind == "library"
        self.list_stack.setCurrentWidget(self.offer if empty_catalogue else self.table)
        shown = self.model.rowCount()
        text = self.tr("{n} shown").format(n=shown)
        if self.model.filter_error:
            text += " — " + self.model.filter_error
        self.scope_label.setText(text)
        self.restore_action.setEnabled(self.model.scope.kind == "trash")

    def _model_reset(self) -> None:
        if self.reader.document is not None and self.model.row_of(self.reader.document.ref) is None:
            self.show_document(None)
        self._update_list_state()

    def selected_refs(self) -> list[str]:
        return self.model.refs_at(selected_rows(self.table.selectionModel().selection()))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected_rows(self.table.selectionModel().selection())
        if len(rows) == 1:
            self.show_row(self.model.index(rows[0], 0))
        elif not rows:
            self.show_document(None)
        else:
            self.statusBar().showMessage(
                self.tr("{n} documents selected").format(n=f"{len(rows):,}")
            )

    def show_row(self, index: QModelIndex) -> None:
        self.show_document(self.model.ref_at(index.row()))

    def show_document(self, ref: str | None, *, keep_position: bool = False) -> None:
        if ref is None:
            self.reader.clear()
            self.metadata.show_document(None)
            self.image_model.set_images([])
            self._show_strip(False)
            return
        with self.catalogue.reading() as session:
            view = ops.document_view(session, ref)
            names = ops.name_forms(session)
            categories = ops.figure_categories(session)
            figures = ops.figure_choices(session, view.id)
        self.tag_editor.set_choices(names=names, categories=categories, figures=figures)
        self.reader.show_document(view, keep_position=keep_position)
        self.metadata.show_document(view)
        self.image_model.set_images(view.images)
        self._show_strip(bool(view.images))

    def _show_strip(self, has_images: bool) -> None:
        self.image_strip.setVisible(has_images)
        self.image_hint.setVisible(not has_images and self.reader.document is not None)

    def select_ref(self, ref: str) -> bool:
        row = self.model.row_of(ref)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def open_passage(self, ref: str, start: int, end: int) -> None:
        """Show a document with text[start:end] selected, from any view."""
        if self.model.row_of(ref) is None:
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self.apply_filter()
            self.sidebar.choose("library")
        place = self.sidebar.current_place()
        if place is None or place.view != "documents":
            self.sidebar.choose("library")
        self.pages.setCurrentWidget(self.library_page)
        if self.reader.document is None or self.reader.document.ref != ref:
            self.table.clearSelection()
            self.select_ref(ref)
        self.reader.select_span(start, end)
        self.reader.focus_text()

    def _current_tag_changed(self, tag: ops.TagView | None) -> None:
        self.tag_editor.show_tag(tag)
        if tag is not None:
            self.inspector.setCurrentWidget(self.tag_editor)

    def _tags_changed(self, ref: str) -> None:
        self.model.mark_stale({ref})
        if self.reader.document is not None and self.reader.document.ref == ref:
            self.show_document(ref, keep_position=True)
        self._refresh_sidebar()
        self._mark_dirty("figures", "chronology")

    def _documents_changed(self, refs: set[str] | None) -> None:
        if refs is None:
            self.model.refresh()
            self._refresh_sidebar()
            self._mark_dirty("people", "figures", "chronology")
        else:
            self.model.mark_stale(refs)
            self._refresh_sidebar()
            if self.reader.document is not None and self.reader.document.ref in refs:
                self.show_document(self.reader.document.ref, keep_position=True)
            self._mark_dirty("figures", "chronology")

    def _images_changed(self, ref: str) -> None:
        self._mark_dirty("images")
        if self.reader.document is not None and (not ref or self.reader.document.ref == ref):
            self.show_document(self.reader.document.ref, keep_position=True)

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
            with self.catalogue.writing() as session:
                search_engine.save_search(session, name=name, query=query, replace=True)
        except ValueError as exc:  # not a search, or no name: nothing was saved
            self.statusBar().showMessage(self.tr("Not saved: {reason}").format(reason=exc), 12_000)
            return
        self._refresh_sidebar()

    def new_collection(self, name: str | None = None) -> int | None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New Collection"), self.tr("Name:"))
            if not ok or not name.strip():
                return None
        with self.catalogue.writing() as session:
            collection = ops.create_collection(session, name=name)
            collection_id = collection.id
        self._refresh_sidebar()
        return collection_id

    def add_selected_to_collection(self, collection_id: int | None = None) -> None:
        refs = self.selected_refs()
        if not refs:
            return
        if collection_id is None:
            with self.catalogue.reading() as session:
                rows = ops.collections(session)
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
        with self.catalogue.writing() as session:
            ops.add_to_collection(session, collection_id=collection_id, refs=refs)
        self._refresh_sidebar()

    # --- tagging ----------------------------------------------------------------------
    def _tag_requested(self, kind: str, start: int, end: int, role: str) -> None:
        document = self.reader.document
        if document is None:
            return
        same = [t for t in document.tags if t.kind == kind and (t.start, t.end) == (start, end)]
        if same:  # the words already carry this kind of tag: accept it rather than repeat it
            self._confirm_existing(same[0], role)
            return
        values = ops.guess_values(kind, document.text[start:end], role=role)  # type: ignore[arg-type]
        change = self.bench.add_tag(
            ref=document.ref,
            kind=kind,  # type: ignore[arg-type]
            start=start,
            end=end,
            values=values,
        )
        if change is not None:
            self.reader.place_cursor(start)
            self.inspector.setCurrentWidget(self.tag_editor)

    def _confirm_existing(self, tag: ops.TagView, role: str) -> None:
        stack = self.bench.undo_stack
        stack.beginMacro(self.tr("Tag “{quote}”").format(quote=tag.quote))
        try:
            if tag.status != "accepted":
                self.bench.accept(tag)
            if tag.kind == "mention" and role != "mentioned" and tag.values.get("role") != role:
                self.bench.edit_tag(tag, {"role": role})
        finally:
            stack.endMacro()
        self.reader.place_cursor(tag.start)

    def bench_accept(self, tag: ops.TagView) -> None:
        self.bench.accept(tag)

    def suggest_selected(self) -> None:
        refs = self.selected_refs()
        if not refs:
            return
        catalogue = self.catalogue

        def work() -> int:
            from desktop.suggest import suggest_document

            added = 0
            with catalogue.writing() as session:
                from db.documents import require_document

                for ref in refs:
                    result = suggest_document(
                        session, document=require_document(session, ref), actor=catalogue.actor
                    )
                    added += result.total
            return added

        def done(added: int) -> None:
            self.statusBar().showMessage(self.tr("{n} new suggestions").format(n=added), 8000)
            for ref in refs:
                self._tags_changed(ref)
            self.suggestions_done.emit(added)

        self.runner.run(work, on_done=done, on_error=self._failed)

    # --- trash ------------------------------------------------------------------------
    def trash_selected(self) -> None:
        refs = self.selected_refs()
        if refs and self.model.scope.kind != "trash":
            self.bench.trash(refs)
            self.statusBar().showMessage(
                self.tr("{n} document(s) moved to the Trash (Ctrl+Z to undo)").format(n=len(refs)),
                8000,
            )

    def restore_selected(self) -> None:
        refs = self.selected_refs()
        if refs and self.model.scope.kind == "trash":
            self.bench.restore(refs)

    # --- people -----------------------------------------------------------------------
    def _show_person(self, agent_id: int) -> None:
        with self.catalogue.reading() as session:
            passages = ops.passages_of(session, agent_id)
        person = next((p for p in self.people_view.model.records if p.id == agent_id), None)
        self.people_view.set_passages(person, passages)

    def merge_people(self, keep_ref: str, merge_ref: str) -> bool:
        records = {p.ref: p for p in self.people_view.model.records}
        keep, merge = records.get(keep_ref), records.get(merge_ref)
        keep_name = keep.name if keep else keep_ref
        merge_name = merge.name if merge else merge_ref
        question = self.tr(
            "Merge “{merge}” ({merge_ref}) into “{keep}” ({keep_ref})?\n\n"
            "Its name forms and passages move to {keep_ref}; {merge_ref} is removed. "
            "This cannot be undone with Ctrl+Z."
        ).format(merge=merge_name, merge_ref=merge_ref, keep=keep_name, keep_ref=keep_ref)
        if not self.confirm(self.tr("Merge People"), question):
            return False
        result = self.bench.merge_people(keep_ref, merge_ref)
        if result is None:
            return False
        self.statusBar().showMessage(
            self.tr("Merged {removed} into {kept}").format(removed=merge_ref, kept=keep_ref), 8000
        )
        self.people_view.select_ref(keep_ref)
        return True

    # --- images -----------------------------------------------------------------------
    def _object_path(self, sha256: str) -> Path:
        return self.catalogue.objects.path(sha256)

    def choose_images_to_attach(self) -> None:
        if self.reader.document is None:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach Images"),
            filter=self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.bmp *.webp)"),
        )
        if names:
            self.attach_images(self.reader.document.ref, [Path(n) for n in names])

    def attach_images(self, ref: str, paths: Sequence[Path]) -> None:
        catalogue = self.catalogue
        self.statusBar().showMessage(self.tr("Attaching {n} image(s)…").format(n=len(paths)))

        def work() -> ops.AttachResult:
            return ops.import_and_attach(catalogue, document_ref=ref, paths=list(paths))

        def done(result: ops.AttachResult) -> None:
            text = self.tr("{n} image(s) attached to {ref}").format(n=len(result.attached), ref=ref)
            if result.already:
                text += self.tr("; {n} were already attached").format(n=len(result.already))
            self.statusBar().showMessage(text, 10_000)
            if result.problems:
                QMessageBox.warning(
                    self, self.tr("Some files were not attached"), "\n".join(result.problems)
                )
            self._images_changed(ref)
            self.images_attached.emit(result)

        self.runner.run(work, on_done=done, on_error=self._failed)

    def open_image(self, image: ops.ImageView) -> ImageViewer:
        viewer = ImageViewer(image, self._object_path(image.sha256), self)
        owner = self.reader.document.ref if self.reader.document else ""
        viewer.save_requested.connect(lambda ref, ch: self.bench.edit_image(ref, ch, owner))
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
        return viewer

    # --- citation and dossier -----------------------------------------------------------
    def copy_citation(self, ref: str | None, style: str | None) -> str | None:
        ref = ref or (self.reader.document.ref if self.reader.document else None)
        if ref is None:
            return None
        style = style or self.metadata.style.currentData() or "chicago"
        with self.catalogue.reading() as session:
            text = ops.citation_text(session, ref, style)
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(self.tr("Citation copied: {text}").format(text=text), 10_000)
        return text

    def open_dossier_dialog(self) -> Any:
        from desktop.ui.dossier_dialog import DossierDialog

        dialog = DossierDialog(
            self.catalogue,
            runner=self.runner,
            selected_refs=self.selected_refs(),
            query=self.filter_edit.text(),
            style=self.metadata.style.currentData() or "chicago",
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export_dialog(self) -> Any:
        from desktop.ui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.catalogue, runner=self.runner, selected_refs=self.selected_refs(), parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- catalogues -----------------------------------------------------------------
    def choose_catalogue(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open Catalogue"))
        if folder:
            self.switch_catalogue(Path(folder))

    def choose_new_catalogue(self) -> None:
        folder, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Catalogue"), filter=self.tr("Catena catalogue (*.catena)")
        )
        if folder:
            path = Path(folder)
            if path.suffix != ".catena":
                path = path.with_name(path.name + ".catena")
            self.switch_catalogue(path, create=True)

    def switch_catalogue(self, path: Path, *, create: bool = False) -> bool:
        try:
            new = (
                Catalogue.open(path, create=True, daily_backup=False)
                if create
                else self._open_catalogue(path)
            )
        except CatalogueError as exc:
            QMessageBox.warning(self, self.tr("Cannot open catalogue"), str(exc))
            return False
        old, self.catalogue = self.catalogue, new
        self.show_document(None)
        old_bench, old_model = self.bench, self.model
        self.bench = self._make_workbench(new)
        self.undo_group.removeStack(old_bench.undo_stack)
        old_bench.deleteLater()
        self.model = DocumentTableModel(new, self)
        self.model.set_review_shown(not self.table.isColumnHidden(COLUMNS.index(REVIEW)))
        self._attach_model()
        self._reset_search()
        old_model.deleteLater()
        old.close()
        recent = [str(new.path)] + [p for p in self.recent_catalogues() if p != str(new.path)]
        self.settings.setValue("catalogues/recent", recent[:10])
        self._catalogue_changed()
        self.start_daily_backup()
        return True

    def start_daily_backup(self) -> None:
        """Take the catalogue's daily backup in the background, if one is due, and say
        how it went in the status bar (a failure stays there long enough to read)."""
        catalogue = self.catalogue

        def done(path: Path | None) -> None:
            if path is not None and catalogue is self.catalogue:
                self.statusBar().showMessage(
                    self.tr("Daily backup saved: {name}").format(name=path.name), 8000
                )

        def failed(error: BaseException) -> None:
            self.statusBar().showMessage(
                self.tr("Daily backup of “{name}” failed: {error}").format(
                    name=catalogue.name, error=error
                ),
                30_000,
            )

        self.runner.run(catalogue.backup_if_due, on_done=done, on_error=failed)

    def recent_catalogues(self) -> list[str]:
        value = self.settings.value("catalogues/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in (value or [])]

    # --- import ---------------------------------------------------------------------
    def choose_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Import Files"))
        if names:
            self.import_files([Path(n) for n in names])

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import Folder"))
        if folder:
            self.import_files([Path(folder)])

    def import_samples(self) -> None:
        self.import_files(sample_paths())

    def import_files(self, paths: list[Path], *, suggest: bool = True) -> ImportJob:
        self.import_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Importing {n} item(s)…").format(n=len(paths)))
        job = ImportJob(
            catalogue=self.catalogue,
            paths=paths,
            runner=self.runner,
            parent=self,
            suggest=suggest,
        )
        self.import_job = job
        job.finished.connect(self._import_done)
        job.failed.connect(self._import_failed)
        job.start()
        return job

    def _import_done(self, report: ImportReport) -> None:
        self.import_action.setEnabled(True)
        self.statusBar().showMessage(report.summary(), 10_000)
        # Refreshing the list, the sidebar and building a 1,000-row report each take a
        # few tens of milliseconds; one per turn of the event loop keeps every pause short.
        QTimer.singleShot(0, self._catalogue_changed)
        QTimer.singleShot(0, lambda: self._show_report(report))

    def _show_report(self, report: ImportReport) -> None:
        if (
            report.failed
            or report.count("possible duplicate", "skipped")
            or len(report.outcomes) > 1
        ):
            dialog = ImportReportDialog(report, self)
            dialog.open_reference.connect(self._open_reference)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.last_report_dialog = dialog
            dialog.destroyed.connect(lambda *_: setattr(self, "last_report_dialog", None))
            dialog.show()
        self.import_finished.emit(report)

    def _open_reference(self, ref: str) -> None:
        if ref.startswith("IMG-"):
            self.sidebar.choose("images")
            return
        self.sidebar.choose("library")
        self.select_ref(ref)

    def _import_failed(self, error: BaseException) -> None:
        self.import_action.setEnabled(True)
        self.statusBar().clearMessage()
        QMessageBox.critical(
            self,
            self.tr("Import failed"),
            self.tr("Nothing from this batch was kept:\n{error}").format(error=error),
        )

    # --- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and all(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # --- misc -------------------------------------------------------------------------
    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 12_000)
        QMessageBox.warning(self, self.tr("Not done"), text)

    def _failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(self.tr("Failed: {error}").format(error=error), 12_000)

    def show_about(self) -> None:
        from desktop import __version__

        QMessageBox.about(
            self,
            self.tr("About Catena"),
            self.tr(
                "Catena {version}\nAn offline catalogue of evidence documents.\n\nCatalogue: {path}"
            ).format(version=__version__, path=self.catalogue.path),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/main_splitter", self.main_splitter.saveState())
        self.settings.setValue("window/library_splitter", self.library_splitter.saveState())
        self.settings.setValue("window/reading_splitter", self.reading_splitter.saveState())
        super().closeEvent(event)
