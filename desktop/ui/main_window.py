"""The main window: document list, reading pane, menus, status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.catalogue import Catalogue, CatalogueError
from db.documents import count_documents, require_document
from desktop.ingest.pipeline import ImportReport, import_paths
from desktop.samples import sample_paths
from desktop.ui.models.documents import DocumentTableModel
from desktop.ui.tasks import TaskRunner

CatalogueOpener = Callable[[Path], Catalogue]


class ReadingPane(QWidget):
    """The selected document: a heading with its metadata, then its text, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setObjectName("documentHeading")
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("documentText")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.meta)
        layout.addWidget(self.text, 1)

    def show_document(self, catalogue: Catalogue, ref: str) -> None:
        with catalogue.reading() as session:
            document = require_document(session, ref)
            title = document.title or self.tr("Untitled")
            self.heading.setText(f"[{title}]" if document.title_devised else title)
            guessed = set(document.guessed)
            parts = [document.ref]
            for name, value in (
                ("doc_type", document.doc_type),
                ("publisher", document.publisher),
                ("authors", ", ".join(document.authors)),
                ("published", document.published),
                ("dateline", document.dateline),
            ):
                if value:
                    parts.append(f"{value}{' (?)' if name in guessed else ''}")
            self.meta.setText("  ·  ".join(parts))
            self.text.setPlainText(document.text)

    def clear(self) -> None:
        self.heading.clear()
        self.meta.clear()
        self.text.clear()


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
        self.setAcceptDrops(True)
        self.resize(1200, 760)

        self.model = DocumentTableModel(catalogue, self)
        self.table = QTableView()
        self.table.setObjectName("documentTable")
        self.table.setModel(self.model)
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
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 100)
        self.table.setColumnWidth(2, 160)
        self.table.setColumnWidth(3, 100)

        self.offer = EmptyCatalogueOffer()
        self.offer.import_files.connect(self.choose_import_files)
        self.offer.import_samples.connect(self.import_samples)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.offer)

        self.reader = ReadingPane()
        splitter = QSplitter()
        splitter.addWidget(self.list_stack)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._build_menus()
        self._catalogue_changed()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # --- menus ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(
            file_menu,
            self.tr("&Open Catalogue…"),
            QKeySequence.StandardKey.Open,
            self.choose_catalogue,
        )
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
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Catena"), None, self.show_about)

    def _action(
        self,
        menu: object,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # --- state ----------------------------------------------------------------------
    def _catalogue_changed(self) -> None:
        self.setWindowTitle(self.tr("Catena — {name}").format(name=self.catalogue.name))
        self.model.refresh()
        with self.catalogue.reading() as session:
            count = count_documents(session)
        self.count_label.setText(self.tr("{count} documents").format(count=count))
        self.list_stack.setCurrentWidget(self.table if count else self.offer)
        if not count:
            self.reader.clear()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) == 1:
            self.show_row(rows[0])
        elif not rows:
            self.reader.clear()

    def show_row(self, index: QModelIndex) -> None:
        self.reader.show_document(self.catalogue, self.model.ref_at(index.row()))

    def select_ref(self, ref: str) -> bool:
        row = self.model.row_of(ref)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

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
            new = Catalogue.open(path, create=True) if create else self._open_catalogue(path)
        except CatalogueError as exc:
            QMessageBox.warning(self, self.tr("Cannot open catalogue"), str(exc))
            return False
        old, self.catalogue = self.catalogue, new
        self.model.deleteLater()
        self.model = DocumentTableModel(new, self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        old.close()
        recent = [str(new.path)] + [p for p in self.recent_catalogues() if p != str(new.path)]
        self.settings.setValue("catalogues/recent", recent[:10])
        self._catalogue_changed()
        return True

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

    def import_files(self, paths: list[Path]) -> None:
        catalogue = self.catalogue
        self.import_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Importing {n} item(s)…").format(n=len(paths)))
        self.runner.run(
            lambda: import_paths(catalogue, paths),
            on_done=self._import_done,
            on_error=self._import_failed,
        )

    def _import_done(self, report: ImportReport) -> None:
        self.import_action.setEnabled(True)
        self.statusBar().showMessage(report.summary(), 10_000)
        self._catalogue_changed()
        self.import_finished.emit(report)
        if report.failed:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Import finished with problems"),
                report.summary(),
                parent=self,
            )
            box.setDetailedText("\n".join(o.describe() for o in report.outcomes))
            box.open()

    def _import_failed(self, error: BaseException) -> None:
        self.import_action.setEnabled(True)
        self.statusBar().clearMessage()
        QMessageBox.critical(
            self,
            self.tr("Import failed"),
            self.tr("Nothing from this batch was kept:\n{error}").format(error=error),
        )

    # --- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: object) -> None:
        mime = event.mimeData()  # type: ignore[attr-defined]
        if mime.hasUrls() and all(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()  # type: ignore[attr-defined]

    def dropEvent(self, event: object) -> None:
        urls = event.mimeData().urls()  # type: ignore[attr-defined]
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        if paths:
            self.import_files(paths)

    # --- misc -------------------------------------------------------------------------
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
        super().closeEvent(event)
