"""The main window: sidebar, document list, reading pane, inspector, other views.

The window wires parts together and owns nothing but layout: documents are read
through the core's read models (``desktop.core``), every change goes through the
``Workbench`` (one undoable command per core operation) and views refresh from its
signals. Work that can take
longer than a few milliseconds (imports, suggestions, the cross-source views, the
dossier) goes through the injected ``TaskRunner``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.catalogue import Catalogue
from db.search import engine as search_engine
from desktop.core import analysis as analysis_ops
from desktop.core import image_attachments as image_ops
from desktop.core import people as people_ops
from desktop.core import views
from desktop.core.scope import facets_of
from desktop.ui.analysis_views import ChronologyView, FiguresView
from desktop.ui.corroboration_view import CorroborationView, FiguresPage
from desktop.ui.empty_catalogue import EmptyCatalogueOffer
from desktop.ui.image_views import ImageGrid, ImageListModel, ImageStrip
from desktop.ui.import_dialog import ImportReportDialog
from desktop.ui.metadata_panel import MetadataPanel
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    DocumentTableModel,
    HtmlRole,
    selected_rows,
)
from desktop.ui.people_view import PeopleView
from desktop.ui.reader import ReadingPane
from desktop.ui.refine import RefineButton
from desktop.ui.rich_cell import HtmlCellDelegate
from desktop.ui.sidebar import Place, Sidebar
from desktop.ui.suggestion_pass import SuggestionPass
from desktop.ui.tag_editor import TagEditor
from desktop.ui.tasks import TaskRunner
from desktop.ui.window_events import EventActions
from desktop.ui.window_files import FileActions
from desktop.ui.window_images import ImageActions
from desktop.ui.window_menus import MenuActions
from desktop.ui.window_search import SearchActions
from desktop.ui.window_tagging import TaggingActions
from desktop.ui.workbench import Workbench

CatalogueOpener = Callable[[Path | str], Catalogue]
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


class MainWindow(
    MenuActions, SearchActions, TaggingActions, ImageActions, FileActions, EventActions, QMainWindow
):
    """Catena's workbench over one open catalogue."""

    import_finished = Signal(object)  # ImportReport
    view_loaded = Signal(str)  # "people", "figures", "chronology", "images"
    images_attached = Signal(object)  # AttachResult
    suggestions_done = Signal(int)
    suggestion_pass_finished = Signal(object)  # PassReport, or None if it failed

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
        self.suggestion_pass: SuggestionPass | None = None
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
        self.figures_view, self.matrix_view = FiguresView(), CorroborationView()
        self.figures_page = FiguresPage(self.figures_view, self.matrix_view)
        self.chronology_view = ChronologyView()
        self.all_images = ImageListModel(self._object_path, self, runner=self.runner)
        self.image_grid = ImageGrid(self.all_images)
        self.people_view.open_passage.connect(self.open_passage)
        self.people_view.merge_requested.connect(self.merge_people)
        self.people_view.person_selected.connect(self._show_person)
        self.figures_view.open_passage.connect(self.open_passage)
        self.figures_view.reload_requested.connect(lambda: self._mark_dirty("figures"))
        self.matrix_view.open_passage.connect(self.open_passage)
        self.matrix_view.reload_requested.connect(lambda: self._mark_dirty("figures"))
        self.chronology_view.open_passage.connect(self.open_passage)
        self.chronology_view.reload_requested.connect(lambda: self._mark_dirty("chronology"))
        self.image_grid.open_requested.connect(self.open_image)

        self.pages = QStackedWidget()
        self.view_pages: dict[str, QWidget] = {
            "documents": self.library_page,
            "people": self.people_view,
            "events": self._build_events_view(),
            "figures": self.figures_page,
            "chronology": self.chronology_view,
            "images": self.image_grid,
            "review": self._build_review_view(),
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
        self._watch_bench(bench)
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

        self.reader = ReadingPane(scans=lambda: (self.catalogue, self.runner))
        self.reader.tag_requested.connect(self._tag_requested)
        self.reader.accept_requested.connect(self.bench_accept)
        self.reader.reject_requested.connect(self.bench_reject)
        self.reader.remove_requested.connect(lambda tag: self.bench.remove(tag))
        self.reader.current_tag_changed.connect(self._current_tag_changed)
        self.reader.images_dropped.connect(self.attach_images)
        self.reader.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.image_model = ImageListModel(self._object_path, self, runner=self.runner)
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
        self.tag_editor.create_person_requested.connect(lambda t, n: self.bench.link_person(t, n))
        self.metadata = MetadataPanel()
        self.metadata.save_requested.connect(lambda ref, ch: self.bench.edit_metadata(ref, ch))
        self.metadata.confirm_requested.connect(lambda ref, fields: self.bench.confirm(ref, fields))
        self.metadata.accept_guess_requested.connect(lambda r, n: self.bench.accept_guess(r, n))
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

    # --- places -----------------------------------------------------------------------
    def go_to(self, place: Place) -> None:
        self.pages.setCurrentWidget(self.view_pages[place.view])
        if place.view == "documents" and place.scope is not None:
            if place.scope != self.model.scope:
                self.model.set_scope(place.scope)
                self._dirty.add("figures")  # the matrix covers the sidebar's scope
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

            def work_people() -> list[people_ops.PersonRow]:
                return people_ops.people(catalogue)

            self.runner.run(
                work_people, on_done=deliver(self.people_view.set_people), on_error=self._failed
            )
        elif view == "figures":
            statuses, scope = self.figures_view.statuses(), self.model.scope
            in_matrix = self.matrix_view.statuses()

            def work_figures() -> tuple[list[Any], Any]:
                return analysis_ops.figures_and_matrix(catalogue, statuses, scope, in_matrix)

            self.runner.run(
                work_figures,
                on_done=deliver(self.figures_page.show_results),
                on_error=self._failed,
            )
        elif view == "chronology":
            options = self.chronology_view.options()  # statuses, include_reporting

            def work_dates() -> list[Any]:
                return analysis_ops.chronology(catalogue, **options)

            self.runner.run(
                work_dates,
                on_done=deliver(self.chronology_view.set_entries),
                on_error=self._failed,
            )
        elif view == "images":

            def work_images() -> list[views.ImageView]:
                return image_ops.all_images(catalogue)

            self.runner.run(
                work_images, on_done=deliver(self.all_images.set_images), on_error=self._failed
            )

    # --- state ----------------------------------------------------------------------
    def _catalogue_changed(self) -> None:
        # Title, server and read-only labels; importing off when it cannot be written
        # (writes are refused by Catalogue.writing() anyway). See window_team.
        self._show_where()
        self.model.refresh()
        self._refresh_sidebar()
        self._dirty.update({"people", "figures", "chronology", "images"})
        place = self.sidebar.current_place()
        if place is not None and place.view != "documents":
            self._load_view(place.view)

    def _refresh_sidebar(self) -> None:
        self.sidebar.rebuild(self.catalogue)
        count = analysis_ops.document_count(self.catalogue)
        self._total = count
        self.count_label.setText(self.tr("%Ln documents", "", count))
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
            return facets_of(catalogue, scope=scope, text=text)

        self.refine_button.setEnabled(scope.kind != "trash" and not self.model.filter_error)
        self.refine_button.set_source((id(catalogue), scope, text, self._list_generation), work)

    def _update_list_state(self) -> None:
        self._update_refine_source()
        empty_catalogue = getattr(self, "_total", 0) == 0 and self.model.scope.kind == "library"
        self.list_stack.setCurrentWidget(self.offer if empty_catalogue else self.table)
        shown = self.model.rowCount()
        text = self.tr("%Ln shown", "", shown)
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
        view = views.document_view(self.catalogue, ref)
        names = people_ops.name_forms(self.catalogue)
        categories = views.figure_categories(self.catalogue)
        figures = views.figure_choices(self.catalogue, view.id)
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

    def _current_tag_changed(self, tag: views.TagView | None) -> None:
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
            ).format(version=__version__, path=self.catalogue.location),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_suggestion_pass()  # after its current batch; the rest stay pending
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/main_splitter", self.main_splitter.saveState())
        self.settings.setValue("window/library_splitter", self.library_splitter.saveState())
        self.settings.setValue("window/reading_splitter", self.reading_splitter.saveState())
        super().closeEvent(event)
