"""The Events view: event records as a tree, one record's detail and its linked claims.

The view only shows and asks: every change is a signal the window turns into an
undoable ``Workbench`` operation, and the view is refilled from the catalogue when
the Workbench announces that event records changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.event_claims import LinkedClaim
from desktop.core.event_records import EventRecordDetail, EventRecordRow
from desktop.ui.models.records import RecordColumn, RecordRole, RecordTableModel
from desktop.ui.models.tree import Node, NodeRole, TreeModel

HEADERS = ["Event", "When", "Kind", "Place", "Figures", "Dates"]


def event_nodes(rows: Sequence[EventRecordRow]) -> list[Node]:
    """The rows (depth-first, with depth) as a tree of nodes carrying each row."""
    top: list[Node] = []
    path: list[Node] = []
    for row in rows:
        node = Node(
            [
                row.name,
                row.date_words,  # in the window's language (the core says it)
                row.kind or "",
                row.place or "",
                str(row.figures),
                str(row.dates),
            ],
            payload=row,
            tooltip="\n".join([row.ref, *row.names]),
        )
        del path[row.depth :]
        if path:
            path[-1].add(node)
        else:
            top.append(node)
        path.append(node)
    return top


def detail_text(detail: EventRecordDetail) -> str:
    """The record in plain lines: names with their scripts, when, where, parent, notes."""
    lines = [f"{detail.name}  ({detail.ref})"]
    for name, script in detail.names:
        lines.append(f"  • {name}" + (f"  [{script}]" if script else ""))
    if detail.edtf:
        lines.append(f"When: {detail.date_words}")
    if detail.kind:
        lines.append(f"Kind: {detail.kind}")
    if detail.place:
        lines.append(f"Place: {detail.place}")
    if detail.within:
        lines.append("Part of: " + " › ".join(name for _ref, name in detail.within))
    if detail.children:
        lines.append("Contains: " + "; ".join(name for _ref, name in detail.children))
    lines.append(f"Linked: {detail.figures} figure(s), {detail.dates} date(s)")
    if detail.notes:
        lines.append(f"Notes: {detail.notes}")
    return "\n".join(lines)


def _link_text(claim: LinkedClaim) -> str:
    return claim.status + (f" · {claim.role}" if claim.role else "")


class EventsView(QWidget):
    event_selected = Signal(str)  # event ref ("" when none)
    new_requested = Signal()
    edit_requested = Signal(str)
    merge_requested = Signal(str)  # the ref to merge into another
    trash_requested = Signal(str)
    suggest_requested = Signal()
    confirm_requested = Signal(object)  # LinkedClaim
    clear_requested = Signal(object)  # LinkedClaim
    open_passage = Signal(str, int, int)  # document ref, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsView")
        self.model = TreeModel(HEADERS, self, context="EventsView")
        self.tree = QTreeView()
        self.tree.setObjectName("eventsTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.doubleClicked.connect(lambda _i: self._ask(self.edit_requested))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        self.new_button = self._button(self.tr("New Event…"), self.new_requested.emit)
        self.edit_button = self._button(self.tr("Edit…"), lambda: self._ask(self.edit_requested))
        self.merge_button = self._button(
            self.tr("Merge Into…"), lambda: self._ask(self.merge_requested)
        )
        self.trash_button = self._button(self.tr("Trash"), lambda: self._ask(self.trash_requested))
        self.suggest_button = self._button(
            self.tr("Suggest Links for All Documents"), self.suggest_requested.emit
        )
        for button in (
            self.new_button,
            self.edit_button,
            self.merge_button,
            self.trash_button,
            self.suggest_button,
        ):
            buttons.addWidget(button)

        self.detail = QLabel()
        self.detail.setObjectName("eventDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claims: RecordTableModel[LinkedClaim] = RecordTableModel(
            [
                RecordColumn("Tag", lambda c: c.kind),
                RecordColumn(
                    "Document", lambda c: c.document_ref, tooltip=lambda c: c.document_title
                ),
                RecordColumn("Quote", lambda c: c.quote, tooltip=lambda c: c.quote),
                RecordColumn("Link", _link_text),
            ],
            self,
            context="EventsView",
        )
        self.claim_table = QTableView()
        self.claim_table.setObjectName("claimTable")
        self.claim_table.setModel(self.claims)
        self.claim_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.claim_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.claim_table.verticalHeader().setVisible(False)
        self.claim_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.claim_table.activated.connect(self._open)
        self.confirm_button = self._button(
            self.tr("Confirm Link"), lambda: self._claim(self.confirm_requested)
        )
        self.clear_button = self._button(
            self.tr("Clear Link"), lambda: self._claim(self.clear_requested)
        )
        claim_buttons = QHBoxLayout()
        claim_buttons.addStretch(1)
        claim_buttons.addWidget(self.confirm_button)
        claim_buttons.addWidget(self.clear_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.claim_table, 1)
        right_layout.addLayout(claim_buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.rows: list[EventRecordRow] = []
        self.show_detail(None, [])

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    # --- filling ----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[EventRecordRow]) -> None:
        """Show *rows*, keeping the selected record selected if it is still there."""
        keep = self.current_ref()
        self.rows = list(rows)
        self.model.set_nodes(event_nodes(self.rows))
        self.tree.expandAll()
        self.summary.setText(self.tr("{n} event record(s)").format(n=len(self.rows)))
        if not (keep and self.select_ref(keep)):
            self.event_selected.emit("")

    def show_detail(self, detail: EventRecordDetail | None, claims: Sequence[LinkedClaim]) -> None:
        self.claims.set_records(claims)
        self.detail.setText(
            detail_text(detail)
            if detail is not None
            else self.tr("Select an event to see its names and the claims linked to it.")
        )
        for button in (self.edit_button, self.merge_button, self.trash_button):
            button.setEnabled(detail is not None)

    # --- selection --------------------------------------------------------------------
    def current_ref(self) -> str:
        node = self.tree.currentIndex().data(NodeRole)
        row = node.payload if node is not None else None
        return row.ref if isinstance(row, EventRecordRow) else ""

    def select_ref(self, ref: str) -> bool:
        for node in self.model.walk():
            if isinstance(node.payload, EventRecordRow) and node.payload.ref == ref:
                self.tree.selectionModel().setCurrentIndex(
                    self.model.index_of(node),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def current_claim(self) -> LinkedClaim | None:
        rows = self.claim_table.selectionModel().selectedRows()
        return self.claims.record(rows[0].row()) if rows else None

    def select_claim(self, row: int) -> None:
        self.claim_table.selectRow(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.event_selected.emit(self.current_ref())

    def _ask(self, signal: Signal) -> None:
        ref = self.current_ref()
        if ref:
            signal.emit(ref)  # type: ignore[attr-defined]

    def _claim(self, signal: Signal) -> None:
        claim = self.current_claim()
        if claim is not None:
            signal.emit(claim)  # type: ignore[attr-defined]

    def _open(self, index: QModelIndex) -> None:
        claim = index.data(RecordRole)
        if isinstance(claim, LinkedClaim):
            self.open_passage.emit(claim.document_ref, claim.start, claim.end)
