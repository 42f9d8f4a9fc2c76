"""The authority list: people and organisations, their name forms and passages.

Merging is a command on two selected records and also a drag of one record onto
another (the dragged record is folded into the one it is dropped on). Every passage
naming the selected person is listed; activating one opens the document there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.people import Passage, PersonRow
from desktop.ui.models.records import Index, RecordColumn, RecordRole, RecordTableModel

PERSON_MIME = "application/x-catena-person-ref"


class PeopleModel(RecordTableModel[PersonRow]):
    """Authority records; a row dragged onto another asks for a merge."""

    merge_requested = Signal(str, str)  # keep ref, merge ref

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                RecordColumn(
                    QT_TRANSLATE_NOOP("PeopleModel", "Name"),
                    lambda p: p.name,
                    tooltip=lambda p: p.ref,
                ),
                RecordColumn(QT_TRANSLATE_NOOP("PeopleModel", "Kind"), lambda p: p.kind),
                RecordColumn(
                    QT_TRANSLATE_NOOP("PeopleModel", "Mentions"),
                    lambda p: p.mentions,
                    sort_key=lambda p: p.mentions,
                    align=Qt.AlignmentFlag.AlignRight,
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("PeopleModel", "Other name forms"),
                    lambda p: "; ".join(p.variants),
                    tooltip=lambda p: "\n".join(p.variants) or None,
                ),
                RecordColumn(QT_TRANSLATE_NOOP("PeopleModel", "Reference"), lambda p: p.ref),
            ],
            parent,
            context="PeopleModel",
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PERSON_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        refs = sorted({self.record(i.row()).ref for i in indexes if i.isValid()})
        mime.setData(PERSON_MIME, "\n".join(refs).encode())
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(PERSON_MIME) and parent.isValid()

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        keep = self.record(parent.row()).ref
        for merge in bytes(data.data(PERSON_MIME).data()).decode().split("\n"):
            if merge and merge != keep:
                self.merge_requested.emit(keep, merge)
        return False  # the view must not remove the dragged row itself: a reload follows


class PeopleView(QWidget):
    open_passage = Signal(str, int, int)  # document ref, start, end
    merge_requested = Signal(str, str)  # keep ref, merge ref
    person_selected = Signal(int)  # agent id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleView")
        self.model = PeopleModel(self)
        self.model.merge_requested.connect(self.merge_requested)
        self.table = QTableView()
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName(self.tr("People"))
        self.table.setAccessibleDescription(
            self.tr(
                "Person records; select one to list its passages. Drag one onto another to merge"
            )
        )
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.merge_button = QPushButton(self.tr("Merge Selected…"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setToolTip(
            self.tr(
                "Fold two records for the same person into one (or drag one record onto another)"
            )
        )
        self.merge_button.clicked.connect(self.merge_selected)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.merge_button)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.passages: RecordTableModel[Passage] = RecordTableModel(
            [
                RecordColumn(
                    QT_TRANSLATE_NOOP("PeopleView", "Document"),
                    lambda p: p.document_ref,
                    tooltip=lambda p: p.document_title,
                ),
                RecordColumn(QT_TRANSLATE_NOOP("PeopleView", "Role"), lambda p: p.label),
                RecordColumn(
                    QT_TRANSLATE_NOOP("PeopleView", "Passage"),
                    lambda p: p.context,
                    tooltip=lambda p: p.context,
                ),
            ],
            self,
            context="PeopleView",
        )
        self.passage_table = QTableView()
        self.passage_table.setObjectName("passageTable")
        self.passage_table.setAccessibleName(self.tr("Passages"))
        self.passage_table.setAccessibleDescription(
            self.tr("Where the selected person is mentioned; Enter opens the passage")
        )
        self.passage_table.setModel(self.passages)
        self.passage_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.passage_table.verticalHeader().setVisible(False)
        self.passage_table.setWordWrap(True)
        self.passage_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.passage_table.activated.connect(self._open)
        self.passage_table.clicked.connect(self._open)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.passage_table, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def set_people(self, people: Sequence[PersonRow]) -> None:
        selected = {p.ref for p in self.selected_people()}
        self.model.set_records(people)
        self.summary.setText(
            self.tr("%Ln records · drag one onto another to merge them", "", len(people))
        )
        for row, person in enumerate(self.model.records):
            if person.ref in selected:
                self.table.selectRow(row)

    def set_passages(self, person: PersonRow | None, passages: Sequence[Passage]) -> None:
        self.passages.set_records(passages)
        if person is None:
            self.heading.setText(self.tr("Select a person to see every passage naming them."))
        else:
            self.heading.setText(
                self.tr("{name}: {n} passage(s)").format(name=person.name, n=len(passages))
            )
        self.passage_table.resizeRowsToContents()

    def selected_people(self) -> list[PersonRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows]

    def select_ref(self, ref: str) -> bool:
        for row, person in enumerate(self.model.records):
            if person.ref == ref:
                self.table.selectRow(row)
                return True
        return False

    def merge_selected(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 2:
            self.summary.setText(self.tr("Select exactly two records to merge."))
            return
        # Keep the better-attested record; its reference code is the one already cited.
        keep, merge = sorted(chosen, key=lambda p: (-p.mentions, p.ref))
        self.merge_requested.emit(keep.ref, merge.ref)

    def _selected(self, *_args: object) -> None:
        chosen = self.selected_people()
        if len(chosen) == 1:
            self.person_selected.emit(chosen[0].id)
        else:
            self.set_passages(None, [])

    def _open(self, index: QModelIndex) -> None:
        passage = index.data(RecordRole)
        if isinstance(passage, Passage):
            self.open_passage.emit(passage.document_ref, passage.start, passage.end)


ConfirmMerge = Callable[[str, str], bool]
