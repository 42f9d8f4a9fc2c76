"""The metadata panel's "guess from file metadata" rows, each with an Accept button.

A PDF's creation date or a Word file's author is what a program wrote, not what the
document says, so the importer never puts it in a field (``db.provenance``). Each
such value is shown here with its source and a low-confidence mark; Accept writes it
into its field as one undoable edit (``Workbench.accept_guess``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.provenance import FileGuess

FIELD_NAMES = {
    "published": QT_TRANSLATE_NOOP("FileGuessList", "Published"),
    "authors": QT_TRANSLATE_NOOP("FileGuessList", "Authors"),
}


class FileGuessList(QWidget):
    """One row per open guess: "Published: 2019-05-02 — guess from file metadata …"."""

    accept_requested = Signal(int)  # the guess's number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileGuesses")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[QLabel, QPushButton]] = []
        self.show_guesses(())

    def show_guesses(self, guesses: tuple[tuple[int, FileGuess], ...]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        for number, guess in guesses:
            self._add_row(number, guess)
        self.setVisible(bool(guesses))

    def _add_row(self, number: int, guess: FileGuess) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        field = QCoreApplication.translate(
            "FileGuessList", FIELD_NAMES.get(guess.field, guess.field)
        )
        label = QLabel(
            self.tr(
                "{field}: {value} — guess from file metadata ({source}, {confidence} confidence)"
            ).format(
                field=field,
                value=guess.shown(),
                source=guess.source,
                confidence=guess.confidence,
            )
        )
        label.setWordWrap(True)
        font = label.font()
        font.setItalic(True)  # as guessed fields are: not yet a person's word
        label.setFont(font)
        label.setObjectName(f"fileGuess{number}")
        button = QPushButton(self.tr("Accept"))
        button.setObjectName(f"acceptGuess{number}")
        button.setAccessibleName(self.tr("Accept guess: {field}").format(field=field))
        button.setToolTip(
            self.tr("Use this value as the document's {field} (undoable)").format(
                field=field.lower()
            )
        )
        button.clicked.connect(lambda _checked=False, n=number: self.accept_requested.emit(n))
        layout.addWidget(label, 1)
        layout.addWidget(button)
        self._layout.addWidget(row)
        self.rows.append((label, button))
