"""A flat table over a list of plain records (dataclasses), with columns as getters.

People, passages, chronology, the import report, EXIF and the name completer all show
short lists that are read whole (by a task, off the UI thread) and replaced whole, so
one small model serves them all. Records are reached through ``RecordRole`` rather
than by row number, so sorting views and tests never depend on row order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
RecordRole = Qt.ItemDataRole.UserRole + 10
SortRole = Qt.ItemDataRole.UserRole + 11


@dataclass(frozen=True)
class RecordColumn(Generic[T]):
    title: str  # marked for translation in the model's context
    text: Callable[[T], Any]
    tooltip: Callable[[T], str | None] | None = None
    sort_key: Callable[[T], Any] | None = None
    font: Callable[[T], Any] | None = None
    align: Qt.AlignmentFlag | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows are records; ``set_records`` replaces them all (a reset)."""

    def __init__(
        self,
        columns: Sequence[RecordColumn[T]],
        parent: Any = None,
        *,
        context: str = "RecordTableModel",
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[T] = []
        self._context = context

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    @property
    def records(self) -> list[T]:
        return list(self._records)

    def record(self, row: int) -> T:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return QCoreApplication.translate(self._context, self._columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.FontRole and column.font is not None:
            return column.font(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == RecordRole:
            return record
        if role == SortRole:
            key = column.sort_key or column.text
            return key(record)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        spec = self._columns[column]
        key = spec.sort_key or spec.text
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_records = [self._records[i.row()] if i.isValid() else None for i in old]
        self._records.sort(
            key=lambda r: (key(r) is None, key(r) if key(r) is not None else 0),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        positions = {id(r): n for n, r in enumerate(self._records)}
        self.changePersistentIndexList(
            old,
            [
                self.index(positions[id(r)], i.column()) if r is not None else QModelIndex()
                for i, r in zip(old, old_records, strict=True)
            ],
        )
        self.layoutChanged.emit()


class StringListModel(QAbstractTableModel):
    """One column of strings (the completer's names); our own, not QStringListModel,
    so every model in the window is one we test."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._strings: list[str] = []

    def set_strings(self, strings: Sequence[str]) -> None:
        self.beginResetModel()
        self._strings = list(strings)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._strings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._strings):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._strings[index.row()]
        return None
