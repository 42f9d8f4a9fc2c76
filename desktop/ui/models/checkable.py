"""A record table whose first column has a check box: "which of these?" in a dialog.

Splitting an event record asks which name forms, child events and claims go to the
new record; each list is a ``RecordTableModel`` whose rows a person ticks. The ticks
are kept by row beside the records and are cleared when the records are replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt

from desktop.ui.models.records import Index, RecordColumn, RecordTableModel

T = TypeVar("T")
CheckRole = Qt.ItemDataRole.CheckStateRole


class CheckableRecordModel(RecordTableModel[T]):
    """Rows are records with a check box in column 0; ``checked`` lists the ticked."""

    def __init__(
        self,
        columns: Sequence[RecordColumn[T]],
        parent: Any = None,
        *,
        context: str = "CheckableRecordModel",
    ) -> None:
        super().__init__(columns, parent, context=context)
        self._ticked: set[int] = set()

    def set_records(self, records: Sequence[T]) -> None:
        self._ticked = set()
        super().set_records(records)

    def checked(self) -> list[T]:
        """The ticked records, in row order."""
        return [self.record(row) for row in sorted(self._ticked)]

    def set_checked(self, row: int, on: bool) -> None:
        self.setData(
            self.index(row, 0),
            Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
            CheckRole,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == CheckRole:
            if not index.isValid() or index.column() != 0 or index.row() >= self.rowCount():
                return None
            ticked = index.row() in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != CheckRole or not index.isValid() or index.column() != 0:
            return False
        if not 0 <= index.row() < self.rowCount():
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        if state == Qt.CheckState.Checked:
            self._ticked.add(index.row())
        else:
            self._ticked.discard(index.row())
        self.dataChanged.emit(index, index, [CheckRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Not sortable: the ticks are kept by row."""
