"""The corroboration matrix in the window: a tab next to the Figures comparison.

Rows are (event, what is counted, subject) with disagreements first; after three
fixed columns (event, counted thing, verdict) come the sources in order of
publication. A cell shows the claim as its source wrote it; activating it opens the
document at the passage. The model is a plain ``QAbstractTableModel`` over the
immutable ``Matrix`` the core computes, replaced whole on each load.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.analysis import Comparison
from db.corroboration import Cell, Matrix, Row
from db.date_locales import DEFAULT_DATE_LOCALE
from db.date_words import in_words
from desktop.ui.analysis_views import ClaimsView, FiguresView

#: Where a cell's passage is: (document reference, start, end), for opening it.
PassageRole = Qt.ItemDataRole.UserRole + 1
_FIXED = 3  # event, counted thing, verdict
_VERDICT_SIGNS = {"differ": "≠", "agree": "=", "single source": "○"}

AnyIndex = QModelIndex | QPersistentModelIndex


def _verdict_words() -> dict[str, str]:
    return {
        "differ": QCoreApplication.translate("CorroborationView", "sources differ"),
        "agree": QCoreApplication.translate("CorroborationView", "sources agree"),
        "single source": QCoreApplication.translate("CorroborationView", "one source"),
    }


def _cell_text(cell: Cell) -> str:
    return "; ".join(f"{c.as_written} “{c.quote}”" for c in cell.claims)


class CorroborationModel(QAbstractTableModel):
    """A ``Matrix`` as a table: fixed columns, then one column per source."""

    date_locale = DEFAULT_DATE_LOCALE  # the view passes the reader's language on

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix((), ())

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _FIXED + len(self.matrix.columns)

    def _cell(self, row: Row, column: int) -> Cell | None:
        if column < _FIXED:
            return None
        return self.matrix.cell(row, self.matrix.columns[column - _FIXED])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.matrix.rows):
            return None
        row, column = self.matrix.rows[index.row()], index.column()
        if column >= self.columnCount():
            return None
        cell = self._cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if row.event_name:
                    return row.event_name
                if row.period:
                    return QCoreApplication.translate(
                        "CorroborationView", "(no event linked, shared date {period})"
                    ).format(period=in_words(row.period, self.date_locale))
                return QCoreApplication.translate("CorroborationView", "(no event linked)")
            if column == 1:
                return row.label
            if column == 2:
                return f"{_VERDICT_SIGNS[row.verdict]} {_verdict_words()[row.verdict]}"
            return _cell_text(cell) if cell is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and row.event_ref:
                return f"{row.event_ref} {row.event_name}"
            if column == 2 and row.notes:
                return "\n".join(row.notes)
            return None
        if role == Qt.ItemDataRole.FontRole and column == 2 and row.verdict == "differ":
            font = QFont()
            font.setBold(True)
            return font
        if role == PassageRole and cell is not None:
            claim = cell.headline
            return (cell.document_ref, claim.start, claim.end)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < self.rowCount() else None
        if section < 0 or section >= self.columnCount():
            return None
        if section < _FIXED:
            return (
                QCoreApplication.translate("CorroborationView", "Event"),
                QCoreApplication.translate("CorroborationView", "Counted"),
                QCoreApplication.translate("CorroborationView", "Verdict"),
            )[section]
        column = self.matrix.columns[section - _FIXED]
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.title or column.ref
        published = in_words(column.published, self.date_locale) if column.published else None
        undated = QCoreApplication.translate("CorroborationView", "undated")
        return f"{column.ref}\n{published or undated}"

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CorroborationView(ClaimsView):
    """The matrix tab: which source says what, scoped to the sidebar's choice."""

    open_passage = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corroborationView")
        self.model = CorroborationModel(self)
        self.table = QTableView()
        self.table.setObjectName("corroborationTable")
        self.table.setAccessibleName(self.tr("Corroboration matrix"))
        self.table.setAccessibleDescription(
            self.tr(
                "One row per event and counted thing, one column per source; "
                "Enter opens the passage of the current cell"
            )
        )
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.activated.connect(self._open)
        self.table.clicked.connect(self._open)
        top = self._summary_row()
        note = QLabel(
            QCoreApplication.translate(
                "CorroborationView",
                "One row per event and counted thing, sources in order of publication. "
                "Catena lists claims with their sources; it does not judge between them.",
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def set_matrix(self, matrix: Matrix) -> None:
        self.model.date_locale = self.date_locale
        self.model.set_matrix(matrix)
        differ = sum(1 for row in matrix.rows if row.verdict == "differ")
        self.summary.setText(
            QCoreApplication.translate(
                "CorroborationView", "{n} things counted in {s} sources; sources differ on {d}"
            ).format(n=len(matrix.rows), s=len(matrix.columns), d=differ)
        )
        self.table.resizeColumnsToContents()

    def _open(self, index: QModelIndex) -> None:
        passage = index.data(PassageRole) if index.isValid() else None
        if passage is not None:
            self.open_passage.emit(*passage)


class FiguresPage(QTabWidget):
    """The Figures place: the comparison by value, and the matrix next to it."""

    def __init__(self, by_value: FiguresView, matrix: CorroborationView) -> None:
        super().__init__()
        self.setObjectName("figuresPage")
        self.setAccessibleName(self.tr("Figures"))
        self.by_value, self.matrix = by_value, matrix
        self.addTab(by_value, QCoreApplication.translate("CorroborationView", "By value"))
        self.addTab(matrix, QCoreApplication.translate("CorroborationView", "Matrix"))

    def show_results(self, result: tuple[list[Comparison], Matrix]) -> None:
        comparisons, matrix = result
        self.by_value.set_comparisons(comparisons)
        self.matrix.set_matrix(matrix)


__all__ = ["CorroborationModel", "CorroborationView", "FiguresPage", "PassageRole"]
