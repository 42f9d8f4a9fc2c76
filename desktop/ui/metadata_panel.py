"""The metadata panel: every editable field, guesses marked until a person confirms.

Fields the importer guessed from the text (title, date, publisher…) are labelled
"guessed" and set in italics; Confirm marks them checked without changing them, and
any edit confirms the edited field (``update_metadata`` does that). Saving is one
undoable command. Values the file's own metadata offered (a PDF's creation date, a
Word file's author) are listed apart as guesses from file metadata, each with Accept
(``file_guesses``); the URL and accessed date are checked by the core, which refuses
a bad one with a message and changes nothing. "Copy citation" puts the document's
bibliography entry in the chosen style on the clipboard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.views import DocumentView
from desktop.ui.date_field import DateField
from desktop.ui.file_guesses import FileGuessList

STYLES = (("chicago", "Chicago"), ("apa", "APA"), ("mla", "MLA"))
LIST_FIELDS = ("authors", "recipients")


class MetadataPanel(QWidget):
    save_requested = Signal(str, dict)  # ref, changes
    confirm_requested = Signal(str, list)  # ref, field names
    accept_guess_requested = Signal(str, int)  # ref, number of a file-metadata guess
    copy_citation_requested = Signal(str, str)  # ref, style

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataPanel")
        self.document: DocumentView | None = None
        labels = {
            "title": self.tr("Title"),
            "translated_title": self.tr("Translated title"),
            "doc_type": self.tr("Type"),
            "publisher": self.tr("Publisher"),
            "authors": self.tr("Authors (; between)"),
            "recipients": self.tr("Recipients (; between)"),
            "published": self.tr("Published"),
            "published_time": self.tr("Time"),
            "published_tz": self.tr("Time zone"),
            "dateline": self.tr("Dateline"),
            "section": self.tr("Section"),
            "language": self.tr("Language"),
            "url": self.tr("URL"),
            "accessed": self.tr("Accessed (YYYY-MM-DD)"),
            "captured_by": self.tr("Captured by"),
        }
        self._label_text = dict(labels)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # The publication date is typed as people write it and shown in words, with
        # the EDTF it becomes as a hint (``DateField``); it is also in ``edits``.
        self.published = DateField(self.tr("Published"))
        for name, text in labels.items():
            edit = self.published.edit if name == "published" else QLineEdit()
            edit.setObjectName(f"field_{name}")
            edit.setMinimumWidth(60)
            label = QLabel(text)
            label.setBuddy(edit)
            self.labels[name] = label
            self.edits[name] = edit
            form.addRow(label, self.published if name == "published" else edit)
        self.title_devised = QCheckBox(self.tr("Title devised by the cataloguer"))
        self.title_devised.setAccessibleDescription(
            self.tr("The title is not the document's own; it is printed in square brackets")
        )
        form.addRow("", self.title_devised)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("field_notes")
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)  # Tab moves on; notes need no tab characters
        self.notes.setAccessibleName(self.tr("Notes"))
        form.addRow(self.tr("Notes"), self.notes)
        self.file_guesses = FileGuessList()
        self.file_guesses.accept_requested.connect(self._accept_guess)
        form.addRow(self.file_guesses)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        form.addRow(self.tr("Flags"), self.flags)

        self.save_button = QPushButton(self.tr("Save Changes"))
        self.save_button.setObjectName("saveMetadataButton")
        self.save_button.setAccessibleDescription(self.tr("Save the edited fields (undoable)"))
        self.confirm_button = QPushButton(self.tr("Confirm Guesses"))
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setToolTip(
            self.tr("Mark the guessed fields as checked, keeping their values")
        )
        self.save_button.clicked.connect(self._save)
        self.confirm_button.clicked.connect(self._confirm)
        self.style = QComboBox()
        self.style.setObjectName("citationStyle")
        self.style.setAccessibleName(self.tr("Citation style"))
        self.style.setAccessibleDescription(self.tr("The style Copy Citation uses"))
        for key, name in STYLES:
            self.style.addItem(name, key)
        self.copy_button = QPushButton(self.tr("Copy Citation"))
        self.copy_button.setObjectName("copyCitationButton")
        self.copy_button.setAccessibleDescription(
            self.tr("Copy the document's citation in the chosen style (Ctrl+Shift+C)")
        )
        self.copy_button.clicked.connect(self._copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.confirm_button)
        citation = QHBoxLayout()
        citation.addWidget(self.style)
        citation.addWidget(self.copy_button, 1)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addLayout(buttons)
        inner_layout.addLayout(citation)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.show_document(None)

    def set_style(self, style: str) -> None:
        position = self.style.findData(style)
        if position >= 0:
            self.style.setCurrentIndex(position)

    def show_document(self, document: DocumentView | None) -> None:
        self.document = document
        self.setEnabled(document is not None)
        fields: dict[str, Any] = document.fields if document else {}
        guessed = document.guessed if document else frozenset()
        for name, edit in self.edits.items():
            value = fields.get(name)
            if name in LIST_FIELDS:
                value = "; ".join(value or ())
            if name == "published":
                self.published.set_value(value)
            else:
                edit.setText(value or "")
            is_guess = name in guessed
            font = edit.font()
            font.setItalic(is_guess)
            edit.setFont(font)
            suffix = self.tr(" (guessed)") if is_guess else ""
            self.labels[name].setText(self._label_text[name] + suffix)
            edit.setToolTip(self.tr("Guessed from the text; not yet confirmed") if is_guess else "")
        self.title_devised.setChecked(bool(fields.get("title_devised")))
        self.notes.setPlainText(fields.get("notes") or "")
        self.flags.setText(", ".join(document.flags) if document and document.flags else "—")
        self.confirm_button.setEnabled(bool(guessed))
        self.file_guesses.show_guesses(document.file_guesses if document else ())

    def changes(self) -> dict[str, Any]:
        if self.document is None:
            return {}
        fields = self.document.fields
        out: dict[str, Any] = {}
        for name, edit in self.edits.items():
            text = edit.text().strip()
            if name in LIST_FIELDS:
                value: Any = [part.strip() for part in text.split(";") if part.strip()]
                if value != list(fields.get(name) or []):
                    out[name] = value
            elif name == "published":
                if self.published.is_edited():
                    out[name] = self.published.typed() or None
            elif (text or None) != (fields.get(name) or None):
                out[name] = text or None
        if self.title_devised.isChecked() != bool(fields.get("title_devised")):
            out["title_devised"] = self.title_devised.isChecked()
        notes = self.notes.toPlainText().strip() or None
        if notes != (fields.get("notes") or None):
            out["notes"] = notes
        return out

    def set_date_locale(self, locale: str) -> None:
        """Show the publication date in words of *locale*."""
        self.published.set_locale(locale)

    def _save(self) -> None:
        if self.published.refusal() is not None:
            self.published.edit.setFocus()  # the hint says why; nothing is saved
            return
        if self.document is not None:
            changes = self.changes()
            if changes:
                self.save_requested.emit(self.document.ref, changes)

    def _confirm(self) -> None:
        if self.document is not None and self.document.guessed:
            self.confirm_requested.emit(self.document.ref, sorted(self.document.guessed))

    def _accept_guess(self, number: int) -> None:
        if self.document is not None:
            self.accept_guess_requested.emit(self.document.ref, number)

    def _copy(self) -> None:
        if self.document is not None:
            self.copy_citation_requested.emit(self.document.ref, self.style.currentData())
