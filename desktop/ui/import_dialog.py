"""Importing with a progress dialog, cancel, and a per-file report at the end.

The import runs through the window's task runner (a worker thread in the application,
synchronous in tests). Progress crosses threads as a queued Qt signal; Cancel sets a
flag the pipeline polls between files, so what was already imported is kept and the
report says the run was cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.catalogue import Catalogue
from desktop.core.imports import import_files
from desktop.ingest.pipeline import FileOutcome, ImportReport
from desktop.ui.models.records import RecordColumn, RecordRole, RecordTableModel
from desktop.ui.tasks import Progress, TaskRunner

STATUS_ORDER = {"failed": 0, "possible duplicate": 1, "skipped": 2, "duplicate": 3, "imported": 4}


def _bold_if_failed(outcome: FileOutcome) -> QFont | None:
    if outcome.status != "failed":
        return None
    font = QFont()
    font.setBold(True)
    return font


def explain(outcome: FileOutcome) -> str:
    if outcome.status == "duplicate":
        return f"already in the catalogue as {outcome.duplicate_of}; nothing added"
    if outcome.status == "possible duplicate":
        return f"imported; its text is very close to {outcome.duplicate_of} (flagged for review)"
    if outcome.status == "imported":
        return outcome.title or ""
    return outcome.reason or ""


STATUS_WORDS = {
    "imported": QT_TRANSLATE_NOOP("ImportReport", "imported"),
    "duplicate": QT_TRANSLATE_NOOP("ImportReport", "duplicate"),
    "possible duplicate": QT_TRANSLATE_NOOP("ImportReport", "possible duplicate"),
    "failed": QT_TRANSLATE_NOOP("ImportReport", "failed"),
    "skipped": QT_TRANSLATE_NOOP("ImportReport", "skipped"),
}


def status_words(status: str) -> str:
    return QCoreApplication.translate("ImportReport", STATUS_WORDS.get(status, status))


def summary_words(report: ImportReport) -> str:
    """The report's one-line summary in the window's language (``ImportReport.summary``
    stays English for the CLI and the logs)."""

    # Counts go through local names: pyside6-lupdate misses calls with dotted arguments.
    imported, duplicates, failed = report.imported, report.duplicates, report.failed
    parts = [
        QCoreApplication.translate("ImportReport", "%Ln imported", None, imported),
        QCoreApplication.translate("ImportReport", "%Ln duplicates", None, duplicates),
    ]
    possible = report.count("possible duplicate")
    if possible:
        parts.append(
            QCoreApplication.translate(
                "ImportReport", "%Ln possible duplicates (imported, flagged)", None, possible
            )
        )
    parts.append(QCoreApplication.translate("ImportReport", "%Ln failed", None, failed))
    skipped = report.count("skipped")
    if skipped:
        parts.append(QCoreApplication.translate("ImportReport", "%Ln skipped", None, skipped))
    text = ", ".join(parts)
    if report.cancelled:
        text += QCoreApplication.translate("ImportReport", " — cancelled before the end")
    return text


class ReportModel(RecordTableModel[FileOutcome]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                RecordColumn(
                    QT_TRANSLATE_NOOP("ImportReport", "Result"),
                    lambda o: status_words(o.status),
                    sort_key=lambda o: STATUS_ORDER.get(o.status, 9),
                    font=_bold_if_failed,
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("ImportReport", "File"),
                    lambda o: Path(o.path).name,
                    tooltip=lambda o: o.path,
                ),
                RecordColumn(QT_TRANSLATE_NOOP("ImportReport", "Reference"), lambda o: o.ref or ""),
                RecordColumn(
                    QT_TRANSLATE_NOOP("ImportReport", "Details"), explain, tooltip=explain
                ),
            ],
            parent,
            context="ImportReport",
        )


class ImportReportDialog(QDialog):
    """What happened to every file; problems first, each with its reason."""

    open_reference = Signal(str)

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import Report"))
        self.resize(860, 420)
        self.report = report
        heading = QLabel(summary_words(report))
        heading.setObjectName("importSummary")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.model = ReportModel(self)
        self._outcomes = sorted(
            report.outcomes, key=lambda o: (STATUS_ORDER.get(o.status, 9), o.path)
        )
        self.model.set_records(self._outcomes)
        self.table = QTableView()
        self.table.setObjectName("importReportTable")
        self.table.setAccessibleName(self.tr("Files imported"))
        self.table.setAccessibleDescription(
            self.tr("What happened to each file, problems first; Enter opens an imported file")
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        # Fixed widths: measuring 1,000 rows to fit them would stall the event loop.
        for column, width in enumerate((130, 260, 100)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.problems_only = QCheckBox(self.tr("Show only files that need attention"))
        self.problems_only.toggled.connect(self._filter)
        hint = QLabel(self.tr("Double-click an imported file to open it."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.problems_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _filter(self, only: bool) -> None:
        attention = ("failed", "possible duplicate", "skipped")
        self.model.set_records(
            [o for o in self._outcomes if o.status in attention] if only else self._outcomes
        )

    def _open(self, index: Any) -> None:
        outcome = index.data(RecordRole)
        if isinstance(outcome, FileOutcome) and outcome.ref:
            self.open_reference.emit(outcome.ref)


class ImportJob(QObject):
    """One import: progress dialog while it runs, then ``finished`` with the report."""

    finished = Signal(object)  # ImportReport
    failed = Signal(object)  # BaseException

    def __init__(
        self,
        *,
        catalogue: Catalogue,
        paths: Sequence[Path],
        runner: TaskRunner,
        parent: QWidget,
        suggest: bool = True,
        defer_suggestions: bool = False,
        batch_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._paths = list(paths)
        self._runner = runner
        self._suggest = suggest
        self._defer = defer_suggestions
        self._batch_size = batch_size
        self.progress = Progress(self)
        self.dialog = QProgressDialog(
            self.tr("Preparing the import…"), self.tr("Cancel"), 0, 0, parent
        )
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(self.tr("Importing"))
        self.dialog.setMinimumDuration(400)  # quick imports never flash a dialog
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.progress.changed.connect(self._show_progress)

    @property
    def suggests(self) -> bool:
        """True when the import left suggestions for the window's pass."""
        return self._suggest and self._defer

    def start(self) -> None:
        catalogue, paths, progress = self._catalogue, self._paths, self.progress
        # The pipeline stores tag suggestions itself (worked out in its worker
        # processes), or leaves them pending for the window's suggestion pass.
        suggest, defer, batch_size = self._suggest, self._defer, self._batch_size or None

        def work() -> ImportReport:
            return import_files(
                catalogue,
                paths=paths,
                suggest=suggest,
                defer_suggestions=defer,
                batch_size=batch_size,
                progress=progress.report,
                cancelled=progress.is_cancelled,
            ).value

        self._runner.run(work, on_done=self._done, on_error=self._failed)

    def cancel(self) -> None:
        self.progress.cancel()
        self.dialog.setLabelText(self.tr("Cancelling after the current file…"))

    def _show_progress(self, done: int, total: int, item: str) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        name = Path(item).name if item else ""
        self.dialog.setLabelText(
            self.tr("Importing {done} of {total}\n{name}").format(done=done, total=total, name=name)
        )

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _done(self, report: ImportReport) -> None:
        self._close()
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._close()
        self.failed.emit(error)
