"""Splitting an event record: which name forms, events within it and claims move out.

A record sometimes holds two events ("Halvern dam failure" also named "Halvern
flood", with the flood's casualty figures linked to it). The dialog lists what
``split_event_record`` can move — the record's name forms, the events directly
within it, and the figures and dates linked to it — each with a check box, and an
optional name for the new record. It only gathers the choice into a ``SplitForm``;
the core judges it (at least one name form must stay, something must move) and
says what was wrong in one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.event_claims import LinkedClaim
from desktop.core.event_records import EventRecordDetail
from desktop.ui.event_claims_panel import claim_columns
from desktop.ui.models.checkable import CheckableRecordModel
from desktop.ui.models.records import RecordColumn

NameForm = tuple[str, str | None]  # name, script
Child = tuple[str, str]  # ref, name


@dataclass(frozen=True)
class SplitForm:
    """What moves to the new record; *new_name* "" lets the core name it after the
    first name form that moves."""

    names: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    figures: tuple[int, ...] = ()
    dates: tuple[int, ...] = ()
    new_name: str = ""


def _table(model: QAbstractItemModel, name: str, stretch: int) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk it, Space ticks
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class SplitDialog(QDialog):
    """Check boxes over the record's name forms, child events and linked claims (Space
    ticks the current row), and the new record's name."""

    def __init__(
        self,
        detail: EventRecordDetail,
        claims: Sequence[LinkedClaim],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split “{name}”").format(name=detail.name))
        self.resize(720, 560)
        intro = QLabel(
            self.tr(
                "Tick what belongs to a separate event. It moves to a new record with "
                "the same kind, place and parent; the rest stays on {ref}."
            ).format(ref=detail.ref)
        )
        intro.setWordWrap(True)
        self.names: CheckableRecordModel[NameForm] = CheckableRecordModel(
            [
                RecordColumn(QT_TRANSLATE_NOOP("SplitDialog", "Name form"), lambda n: n[0]),
                RecordColumn(QT_TRANSLATE_NOOP("SplitDialog", "Script"), lambda n: n[1]),
            ],
            self,
            context="SplitDialog",
        )
        self.names.set_records(detail.names)
        self.children_model: CheckableRecordModel[Child] = CheckableRecordModel(
            [
                RecordColumn(QT_TRANSLATE_NOOP("SplitDialog", "Event within it"), lambda c: c[1]),
                RecordColumn(QT_TRANSLATE_NOOP("SplitDialog", "Code"), lambda c: c[0]),
            ],
            self,
            context="SplitDialog",
        )
        self.children_model.set_records(detail.children)
        self.claims: CheckableRecordModel[LinkedClaim] = CheckableRecordModel(
            claim_columns(), self, context="EventsView"
        )
        self.claims.set_records(claims)
        self.new_name_edit = QLineEdit()
        self.new_name_edit.setObjectName("splitNewName")
        self.new_name_edit.setPlaceholderText(self.tr("Blank: the first name form ticked"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)

        def labelled(text: str, widget: QWidget, stretch: int) -> None:
            label = QLabel(text)
            label.setBuddy(widget)  # Alt+the underlined letter moves there
            layout.addWidget(label)
            layout.addWidget(widget, stretch)

        labelled(self.tr("&Name forms to move:"), _table(self.names, "splitNames", 0), 1)
        if detail.children:
            children = _table(self.children_model, "splitChildren", 0)
            labelled(self.tr("&Events within it to move:"), children, 1)
        claims_table = _table(self.claims, "splitClaims", 2)
        labelled(self.tr("&Claims to move (they keep their link's status):"), claims_table, 2)
        labelled(self.tr("Name of the new &record:"), self.new_name_edit, 0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Split"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def form(self) -> SplitForm:
        claims = self.claims.checked()
        return SplitForm(
            names=tuple(name for name, _script in self.names.checked()),
            children=tuple(ref for ref, _name in self.children_model.checked()),
            figures=tuple(c.tag_id for c in claims if c.kind == "figure"),
            dates=tuple(c.tag_id for c in claims if c.kind == "date"),
            new_name=" ".join(self.new_name_edit.text().split()),
        )
