"""The suggestion pass after an import, in the background, shown in the status bar.

The window's import stores the files with their suggestions left pending (the
suggesters are the slowest step), then this job runs the pass
(``desktop.core.suggestions.suggest_pending_documents``) on the window's task runner:
a progress bar with a Stop button sits in the status bar while the window stays in
use. Stopping keeps every batch already stored; the rest stay marked "suggestions
pending" and the status bar says how many, until the next pass (after the next
import, or ``catena suggest --pending``) does them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar, QToolButton

from db.catalogue import Catalogue
from desktop.core.suggestions import suggest_pending_documents
from desktop.ingest.suggest_pass import PassReport
from desktop.ui.tasks import Progress, TaskRunner


class SuggestionPass(QObject):
    """One pass: ``finished`` with its ``PassReport`` (also when stopped), or ``failed``."""

    finished = Signal(object)  # PassReport
    failed = Signal(object)  # BaseException

    def __init__(self, *, catalogue: Catalogue, runner: TaskRunner, status: QStatusBar) -> None:
        super().__init__(status)
        self._catalogue = catalogue
        self._runner = runner
        self._status = status
        self.progress = Progress(self)
        self.bar = QProgressBar()
        self.bar.setObjectName("suggestionPassProgress")
        self.bar.setMaximumWidth(260)
        self.bar.setRange(0, 0)  # busy until the first batch is stored
        self.bar.setFormat(self.tr("Suggesting tags: %v of %m"))
        self.bar.setTextVisible(True)
        self.stop_button = QToolButton()
        self.stop_button.setObjectName("suggestionPassStop")
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(
            self.tr("Stop suggesting tags; what is stored is kept, the rest stays pending")
        )
        self.stop_button.clicked.connect(self.stop)
        self.progress.changed.connect(self._show_progress)
        self.running = False

    def start(self) -> None:
        catalogue, progress = self._catalogue, self.progress
        self._status.addPermanentWidget(self.bar)
        self._status.addPermanentWidget(self.stop_button)
        self.bar.show()
        self.stop_button.show()
        self.running = True

        def work() -> PassReport:
            return suggest_pending_documents(
                catalogue, progress=progress.report, cancelled=progress.is_cancelled
            ).value

        self._runner.run(work, on_done=self._done, on_error=self._failed)

    def stop(self) -> None:
        self.progress.cancel()
        self.stop_button.setEnabled(False)

    def _show_progress(self, done: int, total: int, _item: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _close(self) -> None:
        self.running = False
        for widget in (self.bar, self.stop_button):
            self._status.removeWidget(widget)
            widget.deleteLater()

    def _done(self, report: PassReport) -> None:
        self._close()
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._close()
        self.failed.emit(error)
