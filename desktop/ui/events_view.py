"""The Events view: event records as a tree, one record's detail and its linked claims.

The view only shows and asks: every change is a signal the window turns into an
undoable ``Workbench`` operation (so Ctrl+Z, Edit ▸ Undo and the view's own Undo
button all undo it through the core's revert), and the view is refilled from the
catalogue when the Workbench announces that event records changed. With "Show
trashed" it lists the records in the trash, whose one command is Restore.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.event_claims import LinkedClaim
from desktop.core.event_records import EventRecordDetail, EventRecordRow
from desktop.ui.event_claims_panel import ClaimsPanel
from desktop.ui.models.tree import Node, NodeRole, TreeModel

HEADERS = [
    QT_TRANSLATE_NOOP("EventsView", "Event"),
    QT_TRANSLATE_NOOP("EventsView", "When"),
    QT_TRANSLATE_NOOP("EventsView", "Kind"),
    QT_TRANSLATE_NOOP("EventsView", "Place"),
    QT_TRANSLATE_NOOP("EventsView", "Figures"),
    QT_TRANSLATE_NOOP("EventsView", "Dates"),
]


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
    if detail.deleted_at:
        lines.append(f"In the Trash since {detail.deleted_at[:10]}")
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


class EventsView(QWidget):
    """The records as a tree (live ones, or with "Show trashed" those in the trash), the
    selected record's detail and the claims linked to it (``ClaimsPanel``). Every
    command is a ``QAction`` — a button here, a key while the tree has focus, and an
    item of the window's Events menu."""

    event_selected = Signal(str)  # event ref ("" when none)
    new_requested = Signal()
    edit_requested = Signal(str)
    split_requested = Signal(str)
    merge_requested = Signal(str)  # the ref to merge into another
    trash_requested = Signal(str)
    restore_requested = Signal(str)
    trashed_toggled = Signal(bool)
    suggest_requested = Signal()
    open_passage = Signal(str, int, int)  # document ref, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsView")
        self.model = TreeModel(HEADERS, self, context="EventsView")
        self.tree = QTreeView()
        self.tree.setObjectName("eventsTree")
        self.tree.setAccessibleName(self.tr("Events"))
        self.tree.setAccessibleDescription(
            self.tr("Event records, each under the event it is part of; F2 edits the current one")
        )
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.doubleClicked.connect(lambda _i: self.edit_action.trigger())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.summary = QLabel()

        self.new_action = self._action(
            self.tr("&New Event…"), "Ctrl+Shift+N", self.new_requested.emit, self
        )
        self.edit_action = self._action(
            self.tr("&Edit Event…"), "F2", lambda: self._ask(self.edit_requested)
        )
        self.split_action = self._action(
            self.tr("&Split Event…"), "Ctrl+Shift+S", lambda: self._ask(self.split_requested)
        )
        self.merge_action = self._action(
            self.tr("&Merge Into…"), "Ctrl+Shift+M", lambda: self._ask(self.merge_requested)
        )
        self.trash_action = self._action(
            self.tr("Move Event to &Trash"), "Del", lambda: self._ask(self.trash_requested)
        )
        self.restore_action = self._action(
            self.tr("Rest&ore Event"), "Ctrl+Shift+R", lambda: self._ask(self.restore_requested)
        )
        self.trashed_action = self._action(
            self.tr("Show Trashed E&vents"), "Ctrl+Shift+T", lambda: None, self
        )
        self.trashed_action.setCheckable(True)
        self.trashed_action.toggled.connect(self._trashed_toggled)
        self.suggest_action = QAction(self.tr("Suggest Links for &All Documents"), self)
        self.suggest_action.triggered.connect(lambda _c=False: self.suggest_requested.emit())

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        self.trashed_box = QCheckBox(self.tr("Show trashed"))
        self.trashed_box.setObjectName("showTrashedEvents")
        self.trashed_box.setAccessibleDescription(self.tr("List trashed events too (Ctrl+Shift+T)"))
        self.trashed_box.toggled.connect(self.trashed_action.setChecked)
        self.trashed_action.toggled.connect(self.trashed_box.setChecked)
        buttons.addWidget(self.trashed_box)
        self.new_button = self._button(self.new_action)
        self.edit_button = self._button(self.edit_action, self.tr("Edit…"))
        self.split_button = self._button(self.split_action, self.tr("Split…"))
        self.merge_button = self._button(self.merge_action)
        self.trash_button = self._button(self.trash_action, self.tr("Trash"))
        self.restore_button = self._button(self.restore_action, self.tr("Restore"))
        self.suggest_button = self._button(self.suggest_action)
        self.undo_button = QPushButton(self.tr("Undo"))  # wired by set_undo_action
        self.undo_button.setObjectName("eventsUndo")
        self.undo_button.hide()
        self.undo_action: QAction | None = None
        for button in (
            self.new_button,
            self.edit_button,
            self.split_button,
            self.merge_button,
            self.trash_button,
            self.restore_button,
            self.undo_button,
        ):
            buttons.addWidget(button)
        suggest_row = QHBoxLayout()
        suggest_row.addStretch(1)
        suggest_row.addWidget(self.suggest_button)

        self.detail = QLabel()
        self.detail.setObjectName("eventDetail")
        self.detail.setAccessibleName(self.tr("Event details"))
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claims_panel = ClaimsPanel()
        self.claims_panel.open_passage.connect(self.open_passage)
        self.claims = self.claims_panel.model
        self.claim_table = self.claims_panel.table
        self.confirm_button = self.claims_panel.confirm_button
        self.clear_button = self.claims_panel.clear_button

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(suggest_row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.claims_panel, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # Tab: the list first (choosing an event enables the buttons), then what acts on it.
        order = [self.tree, self.trashed_box, self.new_button, self.edit_button]
        order += [self.split_button, self.merge_button, self.trash_button, self.restore_button]
        order += [self.undo_button, self.suggest_button, self.claim_table]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.rows: list[EventRecordRow] = []
        self.show_detail(None, [])

    def _action(
        self, text: str, key: str, slot: Callable[[], object], owner: QWidget | None = None
    ) -> QAction:
        """An action whose key works while *owner* (the tree unless given) has focus."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        (owner or self.tree).addAction(action)
        return action

    def _button(self, action: QAction, text: str = "") -> QPushButton:
        button = QPushButton(text or action.text().replace("&", ""))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(action.text().replace("&", "") + (f" ({shortcut})" if shortcut else ""))
        button.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        button.setEnabled(action.isEnabled())
        return button

    def set_undo_action(self, action: QAction) -> None:
        """Show the window's Undo here too: the one undo stack, so Ctrl+Z and this
        button undo the same last change (an event's, a link's or a tag's)."""
        self.undo_action = action
        self.undo_button.clicked.connect(lambda _checked=False: action.trigger())

        def follow() -> None:  # the short label stays; the tooltip says what is undone
            self.undo_button.setEnabled(action.isEnabled())
            self.undo_button.setToolTip(action.text().replace("&", "") + " (Ctrl+Z)")

        action.changed.connect(follow)
        follow()
        self.undo_button.show()

    def record_actions(self) -> list[QAction]:
        """The record commands in the order the menus show them."""
        return [
            self.new_action,
            self.edit_action,
            self.split_action,
            self.merge_action,
            self.trash_action,
            self.restore_action,
            self.trashed_action,
        ]

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addActions(self.record_actions()[1:6])
        return menu

    def _show_menu(self, point: QPoint) -> None:
        if not self.current_ref():
            return
        menu = self.context_menu()
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    def showing_trashed(self) -> bool:
        return self.trashed_action.isChecked()

    def _trashed_toggled(self, on: bool) -> None:
        self._sync_actions(self.current_ref() != "")
        self.trashed_toggled.emit(on)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync_actions(self.current_ref() != "")

    def hideEvent(self, event: QHideEvent) -> None:
        """A command of the Events menu acts on the record selected here: while the
        view is hidden nothing is shown as selected, so those commands are off."""
        super().hideEvent(event)
        self._sync_actions(False)

    def _sync_actions(self, selected: bool) -> None:
        live = not self.showing_trashed()
        selected = selected and self.isVisible()
        for action in (self.edit_action, self.split_action, self.merge_action):
            action.setEnabled(selected and live)
        self.trash_action.setEnabled(selected and live)
        self.restore_action.setEnabled(selected and not live)
        self.new_action.setEnabled(live)
        # In the trash the one command is Restore: the others leave the row of buttons.
        for button in (self.new_button, self.edit_button, self.split_button, self.merge_button):
            button.setVisible(live)
        self.trash_button.setVisible(live)
        self.restore_button.setVisible(not live)

    # --- filling ----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[EventRecordRow]) -> None:
        """Show *rows*, keeping the selected record selected if it is still there."""
        keep = self.current_ref()
        self.rows = list(rows)
        self.model.set_nodes(event_nodes(self.rows))
        self.tree.expandAll()
        text = (
            self.tr("{n} event record(s) in the Trash")
            if self.showing_trashed()
            else self.tr("{n} event record(s)")
        )
        self.summary.setText(text.format(n=len(self.rows)))
        if not (keep and self.select_ref(keep)):
            self.event_selected.emit("")

    def show_detail(self, detail: EventRecordDetail | None, claims: Sequence[LinkedClaim]) -> None:
        self.claims_panel.set_claims(claims)
        self.detail.setText(
            detail_text(detail)
            if detail is not None
            else self.tr("Select an event to see its names and the claims linked to it.")
        )
        self._sync_actions(detail is not None)

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
        return self.claims_panel.current_claim()

    def select_claim(self, row: int) -> None:
        self.claims_panel.select_claim(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.event_selected.emit(self.current_ref())

    def _ask(self, signal: Signal) -> None:
        ref = self.current_ref()
        if ref:
            signal.emit(ref)  # type: ignore[attr-defined]
