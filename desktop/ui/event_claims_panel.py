"""The claims linked to one event, and a person's corrections of those links.

Each row is a figure or a date with the document holding it and how sure the link is:
a link the suggester proposed reads "? suggested" in italics, one a person made or
confirmed reads "✓ confirmed" in upright type (a mark as well as a font, never colour
alone). The panel only asks — confirm, link to another event, unlink, set a date's
role — by signals the window turns into undoable ``Workbench`` operations calling
the same ``desktop.core.claim_links`` functions as the CLI. Every request is a
``QAction`` with a key that works while the list has focus, in the context menu and in
the window's Events menu.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.event_claims import LinkedClaim
from desktop.ui.models.records import RecordColumn, RecordRole, RecordTableModel

ROLES: tuple[str | None, ...] = ("event", "reporting", "other", None)


def role_text(claim: LinkedClaim) -> str:
    """What a date gives, in words; nothing for a figure."""
    if claim.kind != "date":
        return ""
    words = {
        "event": QT_TRANSLATE_NOOP("EventsView", "event date"),
        "reporting": QT_TRANSLATE_NOOP("EventsView", "reporting date"),
        "other": QT_TRANSLATE_NOOP("EventsView", "other date"),
    }
    return QCoreApplication.translate(
        "EventsView", words.get(claim.role or "", QT_TRANSLATE_NOOP("EventsView", "no role"))
    )


def link_text(claim: LinkedClaim) -> str:
    return (
        QCoreApplication.translate("EventsView", "✓ confirmed")
        if claim.status == "accepted"
        else QCoreApplication.translate("EventsView", "? suggested")
    )


def _font(claim: LinkedClaim) -> QFont | None:
    if claim.status == "accepted":
        return None
    font = QFont()
    font.setItalic(True)
    return font


def claim_columns() -> list[RecordColumn[LinkedClaim]]:
    """Tag, document, quote, a date's role and the link's status; suggested rows in
    italics throughout."""
    return [
        RecordColumn(QT_TRANSLATE_NOOP("EventsView", "Tag"), lambda c: c.kind, font=_font),
        RecordColumn(
            QT_TRANSLATE_NOOP("EventsView", "Document"),
            lambda c: c.document_ref,
            tooltip=lambda c: c.document_title,
            font=_font,
        ),
        RecordColumn(
            QT_TRANSLATE_NOOP("EventsView", "Quote"),
            lambda c: c.quote,
            tooltip=lambda c: c.quote,
            font=_font,
        ),
        RecordColumn(QT_TRANSLATE_NOOP("EventsView", "Role"), role_text, font=_font),
        RecordColumn(QT_TRANSLATE_NOOP("EventsView", "Link"), link_text, font=_font),
    ]


def claim_key(claim: LinkedClaim) -> tuple[str, int]:
    return claim.kind, claim.tag_id


class ClaimsPanel(QWidget):
    """The claims table with its link actions and their buttons."""

    confirm_requested = Signal(object)  # LinkedClaim
    clear_requested = Signal(object)  # LinkedClaim
    link_requested = Signal(object)  # LinkedClaim: to link to another event
    role_requested = Signal(object, object)  # LinkedClaim, role (None clears it)
    open_passage = Signal(str, int, int)  # document ref, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[LinkedClaim] = RecordTableModel(
            claim_columns(), self, context="EventsView"
        )
        self.table = QTableView()
        self.table.setObjectName("claimTable")
        self.table.setAccessibleName(self.tr("Claims linked to the event"))
        self.table.setAccessibleDescription(
            self.tr(
                "Figures and dates linked to the event. A confirms, L links to another event, "
                "U unlinks; E, R, O and Backspace set a date's role"
            )
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._sync())

        self.confirm_action = self._action(
            QCoreApplication.translate("EventsView", "&Confirm Link"),
            "A",
            lambda c: self.confirm_requested.emit(c),
        )
        self.link_action = self._action(
            QCoreApplication.translate("EventsView", "&Link to Another Event…"),
            "L",
            lambda c: self.link_requested.emit(c),
        )
        self.unlink_action = self._action(
            QCoreApplication.translate("EventsView", "&Unlink"),
            "U",
            lambda c: self.clear_requested.emit(c),
        )
        self.role_actions: dict[str | None, QAction] = {}
        group = QActionGroup(self)
        for role, text, key in (
            ("event", QCoreApplication.translate("EventsView", "&Event Date"), "E"),
            ("reporting", QCoreApplication.translate("EventsView", "&Reporting Date"), "R"),
            ("other", QCoreApplication.translate("EventsView", "&Other Date"), "O"),
            (None, QCoreApplication.translate("EventsView", "&No Role"), "Backspace"),
        ):
            action = self._action(text, key, lambda c, role=role: self.role_requested.emit(c, role))
            action.setCheckable(True)
            group.addAction(action)
            self.role_actions[role] = action
        self.role_menu = QMenu(QCoreApplication.translate("EventsView", "Date &Role"), self)
        self.role_menu.addActions(list(self.role_actions.values()))

        self.confirm_button = self._button(self.confirm_action)
        self.link_button = self._button(self.link_action)
        self.clear_button = self._button(self.unlink_action)
        self.role_button = QPushButton(QCoreApplication.translate("EventsView", "Date Role"))
        self.role_button.setMenu(self.role_menu)
        self.role_button.setAccessibleDescription(self.tr("Whether a date is the event's own date"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.confirm_button, self.link_button, self.clear_button, self.role_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._sync()

    def _action(self, text: str, key: str, emit: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        # Plain letters act only while the claims list has focus.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: self._request(emit))
        self.table.addAction(action)
        return action

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text().replace("&", ""))
        button.setToolTip(f"{button.text()} ({action.shortcut().toString()})")
        button.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        button.setEnabled(action.isEnabled())
        return button

    def _request(self, emit: object) -> None:
        claim = self.current_claim()
        if claim is not None:
            emit(claim)  # type: ignore[operator]

    def actions_for_menu(self) -> list[QAction | QMenu]:
        """The link actions in the order the menus show them."""
        return [self.confirm_action, self.link_action, self.unlink_action, self.role_menu]

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        for item in self.actions_for_menu():
            if isinstance(item, QMenu):
                menu.addMenu(item)
            else:
                menu.addAction(item)
        return menu

    def _show_menu(self, point: QPoint) -> None:
        if self.current_claim() is None:
            return
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    # --- filling and selection ----------------------------------------------------------
    def set_claims(self, claims: Sequence[LinkedClaim]) -> None:
        """Show *claims*, keeping the selected claim selected if it is still listed, or
        else the row where it was (so a person can work down the list by keyboard)."""
        current = self.current_claim()
        row = self.table.currentIndex().row()
        self.model.set_records(claims)
        if current is not None:
            keys = [claim_key(c) for c in self.model.records]
            if claim_key(current) in keys:
                row = keys.index(claim_key(current))
            if self.model.rowCount():
                self.select_claim(min(max(row, 0), self.model.rowCount() - 1))
        self._sync()

    def current_claim(self) -> LinkedClaim | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_claim(self, row: int) -> None:
        self.table.selectRow(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync()

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden (another view is showing), no claim is at hand: the actions are off."""
        super().hideEvent(event)
        self._sync()

    def _sync(self) -> None:
        claim = self.current_claim() if self.isVisible() else None
        self.confirm_action.setEnabled(claim is not None and claim.status != "accepted")
        self.link_action.setEnabled(claim is not None)
        self.unlink_action.setEnabled(claim is not None)
        is_date = claim is not None and claim.kind == "date"
        self.role_menu.setEnabled(is_date)
        self.role_button.setEnabled(is_date)
        for role, action in self.role_actions.items():
            action.setEnabled(is_date)
            action.setChecked(is_date and claim is not None and claim.role == role)

    def _open(self, index: QModelIndex) -> None:
        claim = index.data(RecordRole)
        if isinstance(claim, LinkedClaim):
            self.open_passage.emit(claim.document_ref, claim.start, claim.end)
