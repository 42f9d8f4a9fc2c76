"""Choosing an event record: a filter box over the records, for linking a claim.

A catalogue may hold hundreds of events with names in several scripts, so a plain
drop-down is not enough: typing narrows the list to records any of whose name
forms, place or code contains the words typed, compared as search compares them
(``db.folding.fold``: case, accents and script aside, so "xocali" finds "Xocalı" and
"Ходжалы"); Enter takes the highlighted record.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.folding import fold
from desktop.core.event_records import EventRecordRow
from desktop.ui.models.records import RecordColumn, RecordTableModel


def matching_rows(rows: Sequence[EventRecordRow], text: str) -> list[EventRecordRow]:
    """The rows every word of *text* occurs in (any name form, the place or the code),
    in their order; all of them for blank *text*."""
    words = fold(text).split()
    found = []
    for row in rows:
        haystack = fold(" ".join([row.name, *row.names, row.place or "", row.ref]))
        if all(word in haystack for word in words):
            found.append(row)
    return found


class EventPicker(QDialog):
    """A filter box and the matching records; ``chosen_ref`` after ``exec``."""

    def __init__(
        self,
        title: str,
        prompt: str,
        rows: Sequence[EventRecordRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 420)
        self._rows = list(rows)
        self.model: RecordTableModel[EventRecordRow] = RecordTableModel(
            [
                RecordColumn(
                    QT_TRANSLATE_NOOP("EventPicker", "Event"),
                    lambda r: "    " * r.depth + r.name,
                    tooltip=lambda r: "\n".join([r.name, *r.names]),
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("EventPicker", "When"), lambda r: r.date_words or r.edtf or ""
                ),
                RecordColumn(QT_TRANSLATE_NOOP("EventPicker", "Code"), lambda r: r.ref),
            ],
            self,
            context="EventPicker",
        )
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("eventFilter")
        self.filter_edit.setPlaceholderText(self.tr("Type part of a name, a place or a code"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Find an event"))
        for button in self.filter_edit.findChildren(QToolButton):  # the clear button
            button.setAccessibleName(self.tr("Clear"))
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(self)
        self.table = QTableView()
        self.table.setObjectName("eventChoices")
        self.table.setAccessibleName(self.tr("Matching events"))
        self.table.setAccessibleDescription(self.tr("Enter takes the current event"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.accept())
        label = QLabel(prompt)
        label.setWordWrap(True)
        label.setBuddy(self.filter_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._filter("")

    def _filter(self, text: str) -> None:
        chosen = self.chosen_ref()
        self.model.set_records(matching_rows(self._rows, text))
        refs = [r.ref for r in self.model.records]
        if refs:
            self.table.selectRow(refs.index(chosen) if chosen in refs else 0)
        self.ok_button.setEnabled(bool(refs))

    def chosen_ref(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()).ref if rows else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter box move through the list, so a person can type,
        arrow to the record and press Enter without leaving the box."""
        if watched is self.filter_edit and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and event.type() == QEvent.Type.KeyPress and self.model.rowCount():
                row = self.table.currentIndex().row() if self.chosen_ref() else -1
                self.table.selectRow(min(max(row + step, 0), self.model.rowCount() - 1))
                return True
        return super().eventFilter(watched, event)
