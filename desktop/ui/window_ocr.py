"""The main window's OCR commands: read a scan's text, correct an OCR text.

A mixin of ``MainWindow`` (through ``ImageActions``): Document ▸ Read Text with OCR
runs ``desktop.core.ocr.ocr_document`` on the window's task runner with a progress
dialog whose Cancel stops between pages; Document ▸ Correct OCR Text saves a person's
correction as a new text version (``correct_ocr_text``), tags following their words.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop.core import ocr as ocr_ops
from desktop.ingest.ocr_engine import LANGUAGES, OcrUnavailable, engine, parse_languages


class _PageProgress(QObject):
    """Pages read so far, carried from the worker thread to the dialog."""

    changed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.stop = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.changed.emit(done, total)


class CorrectionDialog(QDialog):
    """The working text to correct, with a reminder that the scan stays the evidence."""

    def __init__(self, ref: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle(self.tr("Correct OCR Text — {ref}").format(ref=ref))
        note = QLabel(
            self.tr(
                "Correct what OCR misread. The scan stays the evidence; the corrected text "
                "is saved as a new version, tags follow their words, and the change is "
                "recorded in the audit trail."
            )
        )
        note.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        self.editor.setAccessibleName(self.tr("Text to correct"))
        self.editor.setTabChangesFocus(True)  # Tab reaches the buttons: no focus trap
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)


class OcrActions:
    """Reading scans with OCR and correcting their text."""

    def ocr_languages_choice(self) -> tuple[str, ...] | None:
        """Ask which languages to read in (codes joined by +); None when cancelled."""
        known = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        spec, ok = QInputDialog.getText(
            self,
            self.tr("Read Text with OCR"),
            self.tr("Languages of the scan, joined by + (e.g. eng+rus):\n{known}").format(
                known=known
            ),
            text=self.settings.value("ocr/languages", "eng"),
        )
        if not ok:
            return None
        try:
            languages = parse_languages(spec)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Read Text with OCR"), str(exc))
            return None
        self.settings.setValue("ocr/languages", "+".join(languages))
        return languages

    def read_text_with_ocr(self, languages: tuple[str, ...] | None = None) -> Any:
        """OCR the document on screen, off the UI thread; returns the progress dialog."""
        document = self.reader.document
        if document is None:
            return None
        try:
            engine()
        except OcrUnavailable as exc:
            QMessageBox.information(self, self.tr("OCR unavailable"), str(exc))
            return None
        languages = languages or self.ocr_languages_choice()
        if not languages:
            return None
        catalogue, ref = self.catalogue, document.ref
        progress = _PageProgress()
        dialog = QProgressDialog(
            self.tr("Reading {ref}…").format(ref=ref), self.tr("Cancel"), 0, 0, self
        )
        dialog.setObjectName("ocrProgress")
        dialog.setWindowTitle(self.tr("Reading text with OCR"))
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(progress.stop.set)
        progress.changed.connect(
            lambda done, total: (
                dialog.setMaximum(max(total, 1)),
                dialog.setValue(done),
                dialog.setLabelText(
                    self.tr("Reading page {n} of {total}…").format(n=done + 1, total=total)
                ),
            )
        )

        def work() -> ocr_ops.OcrDone:
            return ocr_ops.ocr_document(
                catalogue,
                ref=ref,
                languages=languages,
                progress=progress.report,
                cancelled=progress.stop.is_set,
            ).value

        def done(result: ocr_ops.OcrDone) -> None:
            dialog.reset()
            self.statusBar().showMessage(
                self.tr(
                    "{ref}: OCR text, {words} words ({doubtful} doubtful), {n} suggestions"
                ).format(
                    ref=ref,
                    words=result.words,
                    doubtful=result.low_confidence_words,
                    n=result.suggested,
                ),
                12_000,
            )
            self.bench.undo_stack.clear()  # earlier steps name offsets of the old text
            self._tags_changed(ref)
            self.show_document(ref, keep_position=False)

        def failed(error: BaseException) -> None:
            dialog.reset()
            self._failed(error)

        self.runner.run(work, on_done=done, on_error=failed)
        self.ocr_progress = dialog
        self._ocr_progress_signal = progress  # kept alive while the work runs
        return dialog

    def correct_ocr_text(self, text: str | None = None) -> None:
        """Open the correction dialog (or save *text* directly, for tests and scripts)."""
        document = self.reader.document
        if document is None:
            return
        ref = document.ref
        if text is None:
            dialog = CorrectionDialog(ref, document.text, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text = dialog.editor.toPlainText()
        catalogue, corrected = self.catalogue, text

        def work() -> Any:
            return ocr_ops.correct_ocr_text(catalogue, ref=ref, text=corrected).value

        def done(report: Any) -> None:
            self.statusBar().showMessage(
                self.tr("{ref}: text version {n} saved; {m} tags follow corrected words").format(
                    ref=ref, n=report.version, m=len(report.tags_requoted)
                ),
                10_000,
            )
            self.bench.undo_stack.clear()  # earlier steps name offsets of the old text
            self._tags_changed(ref)
            self.show_document(ref, keep_position=True)

        self.runner.run(work, on_done=done, on_error=self._failed)
