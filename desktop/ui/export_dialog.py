"""File ▸ Export: the exchange formats of desktop.exchange, for the selection or all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.catalogue import Catalogue
from desktop.ui.tasks import TaskRunner

# (format key, label, True when the output is a folder rather than a file)
FORMATS: tuple[tuple[str, str, bool], ...] = (
    ("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV tables for spreadsheets (folder)"), True),
    (
        "csl-json",
        QT_TRANSLATE_NOOP("ExportDialog", "CSL-JSON for reference managers (.json)"),
        False,
    ),
    ("ris", QT_TRANSLATE_NOOP("ExportDialog", "RIS for reference managers (.ris)"), False),
    ("bibtex", QT_TRANSLATE_NOOP("ExportDialog", "BibTeX (.bib)"), False),
    ("dc", QT_TRANSLATE_NOOP("ExportDialog", "Dublin Core XML (folder)"), True),
    ("ead", QT_TRANSLATE_NOOP("ExportDialog", "EAD finding aid (.xml)"), False),
    (
        "annotations",
        QT_TRANSLATE_NOOP("ExportDialog", "W3C Web Annotations, JSON-LD (.jsonld)"),
        False,
    ),
    ("qdpx", QT_TRANSLATE_NOOP("ExportDialog", "REFI-QDA project for QDA tools (.qdpx)"), False),
    ("bagit", QT_TRANSLATE_NOOP("ExportDialog", "BagIt preservation package (folder)"), True),
    ("catena-archive", QT_TRANSLATE_NOOP("ExportDialog", "Whole-catalogue archive (.zip)"), False),
)


class ExportDialog(QDialog):
    """Choose a format, the documents and where to write; the export runs off the UI
    thread and the dialog reports what was written or why it could not be."""

    exported = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        runner: TaskRunner,
        selected_refs: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.catalogue = catalogue
        self.runner = runner
        self.selected_refs = list(selected_refs)
        self.format = QComboBox()
        for key, label, _folder in FORMATS:
            self.format.addItem(QCoreApplication.translate("ExportDialog", label), key)
        self.selected = QRadioButton(
            self.tr("Selected documents (%Ln)", "", len(self.selected_refs))
        )
        self.everything = QRadioButton(self.tr("All documents"))
        (self.selected if self.selected_refs else self.everything).setChecked(True)
        self.selected.setEnabled(bool(self.selected_refs))
        self.output = QLineEdit()
        self.output.setAccessibleName(self.tr("Write to"))
        self.output.setAccessibleDescription(self.tr("The file or folder the export is written to"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAccessibleName(self.tr("Choose where to write"))
        self.format.setAccessibleName(self.tr("Format"))
        browse.clicked.connect(self.choose_output)
        row = QHBoxLayout()
        row.addWidget(self.output, 1)
        row.addWidget(browse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Documents"), self.selected)
        form.addRow("", self.everything)
        form.addRow(self.tr("Write to"), row)
        form.labelForField(row).setBuddy(self.output)  # a layout cannot be a buddy
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _is_folder(self) -> bool:
        key = self.format.currentData()
        return next(folder for k, _label, folder in FORMATS if k == key)

    def choose_output(self) -> None:
        if self._is_folder():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"))
        if chosen:
            self.output.setText(chosen)

    def start(self) -> None:
        target = self.output.text().strip()
        if not target:
            self.status.setText(self.tr("Choose where to write the export."))
            return
        from desktop.core.exchange import export_documents

        selection = self.selected_refs if self.selected.isChecked() else None
        fmt = self.format.currentData()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        catalogue = self.catalogue
        self.runner.run(
            lambda: export_documents(
                catalogue, format=fmt, selection=selection, output=Path(target)
            ),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(result.summary())
        self.exported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Nothing was exported: {error}").format(error=error))
        self.failed.emit(str(error))
