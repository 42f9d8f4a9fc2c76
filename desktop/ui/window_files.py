"""The main window's files: citations, dossiers, exports, switching catalogues, the
daily backup, imports and drops.

A mixin of ``MainWindow`` (``desktop.ui.main_window``): its methods use the window's
widgets and the ``Workbench``; they hold no state of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from db.catalogue import Catalogue, CatalogueError
from desktop.core import views
from desktop.core.resources import sample_paths
from desktop.core.suggestions import pending_suggestions
from desktop.ingest.pipeline import ImportReport
from desktop.ingest.suggest_pass import PassReport
from desktop.ui.import_dialog import ImportJob, ImportReportDialog, summary_words
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    COLUMNS,
    DocumentTableModel,
)
from desktop.ui.suggestion_pass import SuggestionPass
from desktop.ui.team_open import remembered_name
from desktop.ui.window_team import TeamActions

CatalogueOpener = Callable[[Path | str], Catalogue]
REVIEW = next(c for c in COLUMNS if c.key == "review")
MATCH_COLUMN = COLUMN_KEYS.index("match")
Confirm = Callable[[str, str], bool]


class FileActions(TeamActions):
    """Citations, dossiers, exports, switching catalogues, the daily backup, imports and drops."""

    # --- citation and dossier -----------------------------------------------------------
    def copy_citation(self, ref: str | None, style: str | None) -> str | None:
        ref = ref or (self.reader.document.ref if self.reader.document else None)
        if ref is None:
            return None
        style = style or self.metadata.style.currentData() or "chicago"
        text = views.citation_text(self.catalogue, ref=ref, style=style)
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

    def switch_catalogue(self, path: Path | str, *, create: bool = False) -> bool:
        try:
            new = (
                Catalogue.open(path, create=True, daily_backup=False)
                if create
                else self._open_catalogue(path)
            )
        except CatalogueError as exc:
            QMessageBox.warning(self, self.tr("Cannot open catalogue"), str(exc))
            return False
        self.stop_suggestion_pass()  # it writes to the catalogue being closed
        self.adopt_catalogue(new)
        return True

    def adopt_catalogue(self, new: Catalogue) -> None:
        """Show the opened catalogue *new* in this window instead of the current one."""
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
        name = remembered_name(new)  # a server's URL without its password
        recent = [name] + [p for p in self.recent_catalogues() if p != name]
        self.settings.setValue("catalogues/recent", recent[:10])
        self._catalogue_changed()
        self.start_daily_backup()
        self.resume_suggestion_pass()

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
        self.statusBar().showMessage(self.tr("Importing %Ln item(s)…", "", len(paths)))
        job = ImportJob(
            catalogue=self.catalogue,
            paths=paths,
            runner=self.runner,
            parent=self,
            suggest=suggest,
            # The files first, their tags after: see _start_suggestion_pass.
            defer_suggestions=suggest,
        )
        self.import_job = job
        job.finished.connect(self._import_done)
        job.failed.connect(self._import_failed)
        job.start()
        return job

    def _import_done(self, report: ImportReport) -> None:
        self.import_action.setEnabled(True)
        self.statusBar().showMessage(summary_words(report), 10_000)
        if self.import_job is not None and self.import_job.suggests:
            self._start_suggestion_pass()
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

    # --- the suggestion pass after an import --------------------------------------------
    def _start_suggestion_pass(self) -> None:
        """Suggest tags for what the import left pending (and any earlier pass left),
        in the background; one pass at a time (a running one takes the new documents)."""
        running = self.suggestion_pass
        if running is not None and running.running:
            return
        job = SuggestionPass(catalogue=self.catalogue, runner=self.runner, status=self.statusBar())
        self.suggestion_pass = job
        job.finished.connect(self._suggestion_pass_done)
        job.failed.connect(self._suggestion_pass_failed)
        job.start()

    def resume_suggestion_pass(self) -> None:
        """On opening a catalogue: suggest tags, in the background as after an import,
        for the documents still marked "suggestions pending" (a command-line import
        with ``--defer-suggestions``, a pass stopped or cut short by a closed window).
        Not where this window may not write (read-only media, a role that may not
        import): the marks stay for someone who may."""
        catalogue = self.catalogue
        if not self.import_action.isEnabled():
            return

        def resume(pending: int) -> None:
            if pending and catalogue is self.catalogue:
                self._start_suggestion_pass()

        def unknown(_error: BaseException) -> None:
            pass  # not read (a server out of reach): the marks stay for the next opening

        self.runner.run(lambda: pending_suggestions(catalogue), on_done=resume, on_error=unknown)

    def stop_suggestion_pass(self) -> None:
        """Stop a running pass after its current batch (closing the window does)."""
        if self.suggestion_pass is not None and self.suggestion_pass.running:
            self.suggestion_pass.stop()
            wait = getattr(self.runner, "wait", None)
            if wait is not None:
                wait(30_000)

    def _suggestion_pass_done(self, report: PassReport) -> None:
        if report.remaining:
            message = self.tr("Suggestions pending for %Ln document(s)", "", report.remaining)
        else:
            message = self.tr("Tags suggested for %Ln document(s)", "", report.done)
        shown = self.statusBar().currentMessage()  # the import's summary: kept in front
        self.statusBar().showMessage(
            f"{shown}; {message}" if shown else message, 0 if report.remaining else 10_000
        )
        QTimer.singleShot(0, self._catalogue_changed)
        self.suggestion_pass_finished.emit(report)

    def _suggestion_pass_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(
            self.tr("Suggesting tags stopped: {error}").format(error=error), 0
        )
        self.suggestion_pass_finished.emit(None)

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
