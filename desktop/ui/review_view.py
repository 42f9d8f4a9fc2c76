"""The review queue: every suggestion in the current scope, worked through by keyboard.

One row per suggestion (date, figure or person mention) with its value in words and
the passage it quotes. A accepts and R rejects the selected rows (several at once
are one undoable step), E edits the current one, N / P move down and up, Enter opens
the passage in the reading pane. The view only asks (its signals); the window's
``ReviewActions`` turns requests into operations and reloads it from the Workbench's
signals. Statuses are spelt out with a symbol, never shown by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review import (
    ReviewFilter,
    ReviewItem,
    ReviewKind,
    SortOrder,
    passage_line,
)
from desktop.ui.models.records import RecordColumn, RecordRole, RecordTableModel

KIND_WORDS = {
    "date": QT_TRANSLATE_NOOP("ReviewQueue", "Date"),
    "figure": QT_TRANSLATE_NOOP("ReviewQueue", "Figure"),
    "person": QT_TRANSLATE_NOOP("ReviewQueue", "Person"),
}
STATUS_MARKS = {
    "suggested": QT_TRANSLATE_NOOP("ReviewQueue", "○ open"),
    "accepted": QT_TRANSLATE_NOOP("ReviewQueue", "✓ accepted"),
    "rejected": QT_TRANSLATE_NOOP("ReviewQueue", "✕ rejected"),
}
KEYS_HELP = QT_TRANSLATE_NOOP(
    "ReviewQueue",
    "A accept · R reject · E edit · N next · P previous · Enter open the passage · "
    "Shift/Ctrl+click or Shift+arrows select several · Ctrl+Z undo",
)


def _decided_font(item: ReviewItem) -> QFont | None:
    if item.status == "suggested":
        return None
    font = QFont()
    font.setStrikeOut(item.status == "rejected")
    font.setItalic(True)
    return font


COLUMNS: list[RecordColumn[ReviewItem]] = [
    RecordColumn(
        QT_TRANSLATE_NOOP("ReviewQueue", "Kind"),
        lambda i: QCoreApplication.translate("ReviewQueue", KIND_WORDS[i.kind]),
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ReviewQueue", "Status"),
        lambda i: QCoreApplication.translate("ReviewQueue", STATUS_MARKS.get(i.status, i.status)),
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ReviewQueue", "Value"),
        lambda i: i.value + (f" → {i.person}" if i.person else ""),
        tooltip=lambda i: f"{i.id}: {i.value}",
        font=_decided_font,
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ReviewQueue", "Passage"),
        lambda i: passage_line(i),
        tooltip=lambda i: i.quote,
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ReviewQueue", "Document"),
        lambda i: i.document_ref,
        tooltip=lambda i: i.document_title or i.document_ref,
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ReviewQueue", "Confidence"),
        lambda i: "—" if i.confidence is None else f"{i.confidence:.0%}",
        tooltip=lambda _i: QCoreApplication.translate(
            "ReviewQueue", "How sure the suggester was; — when it did not say"
        ),
    ),
]


CONFIDENCE_COLUMN = len(COLUMNS) - 1


class ReviewQueueModel(RecordTableModel[ReviewItem]):
    """The queue's rows; ``row_of`` finds a suggestion again after a reload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(COLUMNS, parent, context="ReviewQueue")

    def row_of(self, item_id: str) -> int | None:
        for row, item in enumerate(self.records):
            if item.id == item_id:
                return row
        return None


class ReviewQueueView(QWidget):
    """Filters, the queue and a line of key help."""

    open_passage = Signal(str, int, int)  # document ref, start, end
    filters_changed = Signal()
    widen_requested = Signal(bool)  # True: the whole catalogue; False: the document list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewQueue")
        self.scope_label = QLabel()
        self.scope_label.setObjectName("reviewScope")
        self.scope_label.setWordWrap(True)
        self.whole = QPushButton(QCoreApplication.translate("ReviewQueue", "Whole catalogue"))
        self.whole.setCheckable(True)
        self.whole.setToolTip(
            QCoreApplication.translate(
                "ReviewQueue", "Review every document, not only the document list's scope"
            )
        )
        self.whole.toggled.connect(self.widen_requested)
        self.whole.setAccessibleDescription(self.whole.toolTip())

        self.kind = QComboBox()
        self.kind.setObjectName("reviewKind")
        for label, kind in (
            (QCoreApplication.translate("ReviewQueue", "All kinds"), None),
            (QCoreApplication.translate("ReviewQueue", "Dates"), "date"),
            (QCoreApplication.translate("ReviewQueue", "Figures"), "figure"),
            (QCoreApplication.translate("ReviewQueue", "People"), "person"),
        ):
            self.kind.addItem(label, kind)
        self.status = QComboBox()
        self.status.setObjectName("reviewStatus")
        for label, statuses in (
            (QCoreApplication.translate("ReviewQueue", "Open"), ("suggested",)),
            (QCoreApplication.translate("ReviewQueue", "Accepted"), ("accepted",)),
            (QCoreApplication.translate("ReviewQueue", "Rejected"), ("rejected",)),
            (
                QCoreApplication.translate("ReviewQueue", "Any status"),
                ("suggested", "accepted", "rejected"),
            ),
        ):
            self.status.addItem(label, statuses)
        self.document = QComboBox()
        self.document.setObjectName("reviewDocument")
        self.document.addItem(QCoreApplication.translate("ReviewQueue", "All documents"), None)
        self.confidence = QDoubleSpinBox()
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.1)
        self.confidence.setSpecialValueText(QCoreApplication.translate("ReviewQueue", "any"))
        self.confidence.setToolTip(
            QCoreApplication.translate(
                "ReviewQueue",
                "Hide suggestions less sure than this. Suggestions without a confidence "
                "(all of them, until a suggester gives one) are always shown.",
            )
        )
        self.sort = QComboBox()
        self.sort.setObjectName("reviewSort")
        self.sort.addItem(QCoreApplication.translate("ReviewQueue", "Document order"), "document")
        self.sort.addItem(
            QCoreApplication.translate("ReviewQueue", "Most confident first"), "confidence"
        )
        for combo in (self.kind, self.status, self.document, self.sort):
            combo.currentIndexChanged.connect(lambda _n: self.filters_changed.emit())
            # The window's pages share one minimum width: the queue must not widen it.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.confidence.valueChanged.connect(lambda _v: self.filters_changed.emit())
        self.kind.setAccessibleName(self.tr("Kind"))
        self.status.setAccessibleName(self.tr("Status"))
        self.document.setAccessibleName(self.tr("Document"))
        self.confidence.setAccessibleName(self.tr("Lowest confidence"))
        self.confidence.setAccessibleDescription(self.confidence.toolTip())
        self.sort.setAccessibleName(self.tr("Sort"))

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (QCoreApplication.translate("ReviewQueue", "Kind"), self.kind),
            (QCoreApplication.translate("ReviewQueue", "Status"), self.status),
            (QCoreApplication.translate("ReviewQueue", "Document"), self.document),
            (QCoreApplication.translate("ReviewQueue", "Confidence ≥"), self.confidence),
            (QCoreApplication.translate("ReviewQueue", "Sort"), self.sort),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)
        scope_row = QHBoxLayout()
        scope_row.setContentsMargins(0, 0, 0, 0)
        scope_row.addWidget(self.scope_label, 1)
        scope_row.addWidget(self.whole)

        self.model = ReviewQueueModel(self)
        self.table = QTableView()
        self.table.setObjectName("reviewTable")
        self.table.setAccessibleName(self.tr("Suggestions to review"))
        self.table.setAccessibleDescription(
            self.tr("A accepts, R rejects, E edits the current suggestion; N goes to the next")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 70), (1, 100), (2, 260), (4, 100), (5, 90)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.keys_label = QLabel(QCoreApplication.translate("ReviewQueue", KEYS_HELP))
        self.keys_label.setObjectName("reviewKeys")
        self.keys_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(scope_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.keys_label)

    # --- what to show ---------------------------------------------------------------------
    def wanted(self) -> ReviewFilter:
        kind: ReviewKind | None = self.kind.currentData()
        document: str | None = self.document.currentData()
        minimum = self.confidence.value()
        sort: SortOrder = self.sort.currentData()
        return ReviewFilter(
            kinds=(kind,) if kind else (),
            statuses=tuple(self.status.currentData()),
            documents=(document,) if document else (),
            min_confidence=minimum if minimum > 0 else None,
            sort=sort,
        )

    def set_items(
        self, items: Sequence[ReviewItem], *, scope: str, documents: Sequence[str], current: str
    ) -> None:
        """Show *items*; keep the row whose id is *current* (or the nearest) current."""
        row = self.table.currentIndex().row()
        self.model.set_records(items)
        self._set_documents(documents)
        self.scope_label.setText(
            QCoreApplication.translate("ReviewQueue", "{n} shown — suggestions in {scope}").format(
                n=len(items), scope=scope
            )
        )
        known = any(i.confidence is not None for i in items)
        self.table.setColumnHidden(CONFIDENCE_COLUMN, not known)  # a column of dashes says nothing
        found = self.model.row_of(current) if current else None
        if found is None and items:
            found = min(max(row, 0), len(items) - 1)
        if found is not None:
            self.select_row(found)

    def _set_documents(self, refs: Sequence[str]) -> None:
        chosen = self.document.currentData()
        self.document.blockSignals(True)
        try:
            self.document.clear()
            self.document.addItem(QCoreApplication.translate("ReviewQueue", "All documents"), None)
            for ref in refs:
                self.document.addItem(ref, ref)
            self.document.setCurrentIndex(max(self.document.findData(chosen), 0))
        finally:
            self.document.blockSignals(False)

    # --- rows -----------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def current_item(self) -> ReviewItem | None:
        index = self.table.currentIndex()
        item = index.data(RecordRole) if index.isValid() else None
        return item if isinstance(item, ReviewItem) else None

    def selected_items(self) -> list[ReviewItem]:
        """The selected rows in queue order; the current row when none is selected."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        items = [self.model.record(r) for r in rows]
        if not items and (current := self.current_item()) is not None:
            items = [current]
        return items

    def id_after(self, items: Sequence[ReviewItem]) -> str:
        """The row to land on once *items* are decided: the next row not among them,
        or the one before them at the end of the queue."""
        chosen = {i.id for i in items}
        rows = [n for n, r in enumerate(self.model.records) if r.id in chosen]
        if not rows:
            return ""
        records = self.model.records
        later = [r for r in records[rows[-1] + 1 :] if r.id not in chosen]
        earlier = [r for r in records[: rows[0]] if r.id not in chosen]
        if later:
            return later[0].id
        return earlier[-1].id if earlier else ""

    def move(self, step: int) -> ReviewItem | None:
        """Make the next (or previous) row current; None at either end."""
        count = self.model.rowCount()
        if not count:
            return None
        row = self.table.currentIndex().row()
        target = 0 if row < 0 else row + step
        if not 0 <= target < count:
            return None
        self.select_row(target)
        return self.model.record(target)

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(RecordRole)
        if isinstance(item, ReviewItem):
            self.open_passage.emit(item.document_ref, item.start, item.end)

    def open_current(self) -> ReviewItem | None:
        item = self.current_item()
        if item is not None:
            self.open_passage.emit(item.document_ref, item.start, item.end)
        return item

    def focus_queue(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
