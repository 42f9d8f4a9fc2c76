"""The dossier dialog: what to print (selection, style, sections, title), then print.

The builder (``desktop.dossier.build``) is the only code that touches ReportLab, and it
is loaded only when a person actually prints: with ``importlib`` rather than an import
statement, so the window neither pays for ReportLab at start-up nor depends on it in
the import graph that the "only desktop.dossier imports ReportLab" contract checks.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.catalogue import Catalogue
from desktop.dossier.data import SECTION_NAMES
from desktop.ui.language import LANGUAGE_NAMES, installed_language
from desktop.ui.tasks import Progress, TaskRunner

STYLE_NAMES = (
    ("chicago", QT_TRANSLATE_NOOP("DossierDialog", "Chicago (17th ed.)")),
    ("apa", QT_TRANSLATE_NOOP("DossierDialog", "APA (7th ed.)")),
    ("mla", QT_TRANSLATE_NOOP("DossierDialog", "MLA (9th ed.)")),
)
SECTION_LABELS = {
    "cover": QT_TRANSLATE_NOOP("DossierDialog", "Cover"),
    "contents": QT_TRANSLATE_NOOP("DossierDialog", "Contents"),
    "documents": QT_TRANSLATE_NOOP("DossierDialog", "Documents and tagged excerpts"),
    "witnesses": QT_TRANSLATE_NOOP("DossierDialog", "Witness index"),
    "chronology": QT_TRANSLATE_NOOP("DossierDialog", "Chronology"),
    "figures": QT_TRANSLATE_NOOP("DossierDialog", "Figures compared across sources"),
    "plates": QT_TRANSLATE_NOOP("DossierDialog", "Image plates"),
    "bibliography": QT_TRANSLATE_NOOP("DossierDialog", "Bibliography"),
    "corroboration": QT_TRANSLATE_NOOP("DossierDialog", "Corroboration"),
    "fixity": QT_TRANSLATE_NOOP("DossierDialog", "Fixity appendix (SHA-256)"),
}
SavePath = Callable[[str], Path | None]
Opener = Callable[[Path], None]

#: Each glyph warning line starts with how many characters it is about
#: ("3 characters in CAT-000001 could not be printed …", see ``desktop.dossier.glyphs``).
_COUNTED = re.compile(r"([\d,]+) characters? ")
WARNINGS_SHOWN = 5  # lines shown under the status when the appendix was not printed


def builder_module() -> Any | None:
    """``desktop.dossier.build`` if this version has it, else None."""
    try:
        return importlib.import_module("desktop.dossier.build")
    except ImportError:
        return None


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class DossierDialog(QDialog):
    built = Signal(object)  # Path of the written PDF
    build_failed = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        runner: TaskRunner,
        selected_refs: Sequence[str],
        query: str = "",
        style: str = "chicago",
        save_path: SavePath | None = None,
        opener: Opener = open_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dossierDialog")
        self.setWindowTitle(self.tr("Print Dossier"))
        self._catalogue = catalogue
        self._runner = runner
        self._selected = list(selected_refs)
        self._save_path = save_path or self._ask_path
        self._opener = opener
        self._appendix_printed = True  # of the dossier being printed (see _done)
        self.progress = Progress(self)
        self.progress.changed.connect(self._show_progress)

        self.title = QLineEdit(self.tr("Dossier"))
        self.title.setObjectName("dossierTitle")
        self.subtitle = QLineEdit()
        self.compiler = QLineEdit(catalogue.actor)
        self.title.setAccessibleName(self.tr("Title"))
        self.subtitle.setAccessibleName(self.tr("Subtitle"))
        self.compiler.setAccessibleName(self.tr("Compiled by"))

        self.use_selected = QRadioButton(
            self.tr("The %Ln selected document(s)", "", len(self._selected))
        )
        self.use_all = QRadioButton(self.tr("All documents in the catalogue"))
        self.use_query = QRadioButton(self.tr("Documents matching a search:"))
        self.query = QLineEdit(query)
        self.query.setObjectName("dossierQuery")
        self.query.setAccessibleName(self.tr("Search for the documents"))
        self.query.setAccessibleDescription(self.tr("The dossier holds the documents it finds"))
        self.query.textEdited.connect(lambda _t: self.use_query.setChecked(True))
        group = QButtonGroup(self)
        for button in (self.use_selected, self.use_all, self.use_query):
            group.addButton(button)
        self.use_selected.setEnabled(bool(self._selected))
        (self.use_selected if self._selected else self.use_all).setChecked(True)
        selection_box = QGroupBox(self.tr("Documents"))
        selection_layout = QVBoxLayout(selection_box)
        selection_layout.addWidget(self.use_selected)
        selection_layout.addWidget(self.use_all)
        selection_layout.addWidget(self.use_query)
        selection_layout.addWidget(self.query)
        self.include_suggested = QCheckBox(self.tr("Include tags not yet accepted (suggestions)"))
        selection_layout.addWidget(self.include_suggested)

        self.style = QComboBox()
        self.style.setObjectName("dossierStyle")
        self.style.setAccessibleName(self.tr("Citation style"))
        for key, name in STYLE_NAMES:
            self.style.addItem(QCoreApplication.translate("DossierDialog", name), key)
        self.style.setCurrentIndex(max(0, self.style.findData(style)))

        # The dossier's own language (headings, labels, dates in words): the window's
        # by default, any of the three on request.
        self.language = QComboBox()
        self.language.setObjectName("dossierLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(installed_language())))

        self.sections: dict[str, QCheckBox] = {}
        sections_box = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(sections_box)
        for n, name in enumerate(SECTION_NAMES):
            label = SECTION_LABELS.get(name, name)
            box = QCheckBox(QCoreApplication.translate("DossierDialog", label))
            box.setObjectName(f"section_{name}")
            box.setChecked(True)
            self.sections[name] = box
            grid.addWidget(box, n // 2, n % 2)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Compiled by"), self.compiler)
        form.addRow(self.tr("Citation style"), self.style)
        form.addRow(self.tr("Language"), self.language)

        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("dossierStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # paths and warnings as written
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.build_button = QPushButton(self.tr("Print to PDF…"))
        self.build_button.setObjectName("buildDossierButton")
        self.build_button.setAccessibleDescription(
            self.tr("Choose where to save the PDF, then print the dossier to it")
        )
        self.build_button.setDefault(True)
        self.buttons.addButton(self.build_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.build_button.clicked.connect(self.build)
        self.buttons.rejected.connect(self.reject)
        if builder_module() is None:
            self.build_button.setEnabled(False)
            self.status.setText(self.tr("The dossier builder is not available in this version."))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(selection_box)
        layout.addWidget(sections_box)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        # Tab enters the buttons at the default one: Cancel must come after it.
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QWidget.setTabOrder(self.build_button, cancel)

    # --- the spec ---------------------------------------------------------------------
    def spec_values(self) -> dict[str, Any]:
        """What the person chose, in ``DossierSpec``'s field names."""
        values: dict[str, Any] = {
            "title": self.title.text().strip() or self.tr("Dossier"),
            "subtitle": self.subtitle.text().strip() or None,
            "compiler": self.compiler.text().strip() or None,
            "style": self.style.currentData(),
            "language": self.language.currentData(),
            "sections": tuple(n for n in SECTION_NAMES if self.sections[n].isChecked()),
            "include_suggested": self.include_suggested.isChecked(),
        }
        if self.use_selected.isChecked():
            values["refs"] = tuple(self._selected)
        elif self.use_query.isChecked() and self.query.text().strip():
            values["query"] = self.query.text().strip()
        return values

    def spec(self) -> Any:
        module = builder_module()
        if module is None:
            raise RuntimeError("the dossier builder is not available")
        known = set(module.DossierSpec.__dataclass_fields__)
        return module.DossierSpec(**{k: v for k, v in self.spec_values().items() if k in known})

    # --- building ---------------------------------------------------------------------
    def _ask_path(self, title: str) -> Path | None:
        suggested = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Dossier"),
            str(Path.home() / f"{suggested or 'Dossier'}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def build(self) -> None:
        module = builder_module()
        if module is None:
            return
        spec = self.spec()
        if not spec.sections:
            self.status.setText(self.tr("Choose at least one section."))
            return
        target = self._save_path(spec.title)
        if target is None:
            return
        catalogue, progress = self._catalogue, self.progress
        self._appendix_printed = "fixity" in spec.sections
        self.build_button.setEnabled(False)
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Gathering and typesetting…"))

        def work() -> Any:
            from desktop.core.dossiers import print_dossier

            done = print_dossier(catalogue, spec=spec, output=target, progress=progress.report)
            return done.value  # the WrittenDossier: path and warnings

        self._runner.run(work, on_done=self._done, on_error=self._failed)

    def _show_progress(self, done: int, total: int, _item: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, written: Any) -> None:
        """Show where the dossier went and what in it could not be printed exactly.

        ``written`` is the core's ``WrittenDossier``; its warnings are the lines the
        fixity appendix lists. If that appendix was left out, the first lines are shown
        here, so a person is never told to look for a list that is not in the PDF.
        """
        path: Path = written.path
        warnings: tuple[str, ...] = tuple(written.warnings)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.build_button.setEnabled(True)
        message = self.tr("Saved {path}").format(path=path)
        if warnings:
            message += "; " + self._describe_warnings(warnings)
        self.status.setText(message)
        self.status.setToolTip("\n".join(warnings[:50]))
        self.built.emit(path)
        self._opener(path)

    def _describe_warnings(self, warnings: Sequence[str]) -> str:
        counts = [_COUNTED.match(line) for line in warnings]
        if all(counts):
            n = sum(int(m.group(1).replace(",", "")) for m in counts if m)
            what = (
                self.tr("1 character could not be printed exactly")
                if n == 1
                else self.tr("{n} characters could not be printed exactly").format(n=f"{n:,}")
            )
        else:  # a line of another shape: count the lines instead
            what = self.tr(
                "%Ln notes on characters that could not be printed exactly", "", len(warnings)
            )
        if self._appendix_printed:
            return what + self.tr(" — listed in the appendix")
        shown = [f"• {line}" for line in warnings[:WARNINGS_SHOWN]]
        if len(warnings) > WARNINGS_SHOWN:
            shown.append(self.tr("… and %Ln more", "", len(warnings) - WARNINGS_SHOWN))
        return (
            what
            + self.tr(" (the fixity appendix, which lists them, was not printed):")
            + "\n"
            + "\n".join(shown)
        )

    def _failed(self, error: BaseException) -> None:
        self.bar.setVisible(False)
        self.build_button.setEnabled(True)
        self.status.setText(
            self.tr("The dossier could not be printed: {error}").format(error=error)
        )
        self.build_failed.emit(str(error))
