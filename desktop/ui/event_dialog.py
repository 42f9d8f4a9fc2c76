"""The form for a new event record or the changes to one.

The dialog only gathers what the person typed into an ``EventForm``; the window turns
that into a core operation through the ``Workbench`` (so it is undoable), and the core
judges it — a bad date or an unknown parent comes back as a one-line message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from db.date_locales import DEFAULT_DATE_LOCALE
from desktop.core.event_records import EventRecordDetail, EventRecordRow
from desktop.ui.date_field import DateField


@dataclass(frozen=True)
class EventForm:
    """What the person typed: empty strings for fields left blank."""

    name: str
    variants: tuple[str, ...] = ()
    place: str = ""
    edtf: str = ""
    kind: str = ""
    parent_ref: str = ""
    notes: str = ""


def form_of(detail: EventRecordDetail) -> EventForm:
    """The form as it stands for an existing record (to edit and to diff against)."""
    return EventForm(
        name=detail.name,
        variants=tuple(n for n, _script in detail.names if n != detail.name),
        place=detail.place or "",
        edtf=detail.edtf or "",
        kind=detail.kind or "",
        parent_ref=detail.within[0][0] if detail.within else "",
        notes=detail.notes or "",
    )


def edit_arguments(old: EventForm, new: EventForm) -> dict[str, object]:
    """Keyword arguments of ``edit_event_record`` for what changed from *old* to *new*
    ("" clears a field; unchanged fields are left out so they stay as they are)."""
    changed: dict[str, object] = {}
    for field in ("name", "place", "edtf", "kind", "parent_ref", "notes"):
        if getattr(new, field) != getattr(old, field):
            changed[field] = getattr(new, field)
    added = [v for v in new.variants if v not in old.variants and v != new.name]
    removed = [v for v in old.variants if v not in new.variants and v != new.name]
    if added:
        changed["add_names"] = added
    if removed:
        changed["remove_names"] = removed
    return changed


class EventDialog(QDialog):
    """Name, other name forms (one a line), place, date (typed as people write it,
    with the EDTF it becomes shown under it), kind, parent, notes."""

    def __init__(
        self,
        title: str,
        parents: Sequence[EventRecordRow],
        form: EventForm | None = None,
        parent: QWidget | None = None,
        *,
        own_ref: str = "",
        locale: str = DEFAULT_DATE_LOCALE,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = form or EventForm(name="")
        self.name_edit = QLineEdit(form.name)
        self.variants_edit = QPlainTextEdit("\n".join(form.variants))
        self.variants_edit.setPlaceholderText(self.tr("One name form a line, in any script"))
        self.variants_edit.setFixedHeight(72)
        self.variants_edit.setTabChangesFocus(True)  # Tab moves on: no focus trap
        self.place_edit = QLineEdit(form.place)
        self.date_field = DateField(self.tr("Date"), locale=locale)
        self.date_field.set_value(form.edtf)
        self.date_edit = self.date_field.edit
        self.kind_edit = QLineEdit(form.kind)
        self.kind_edit.setPlaceholderText(self.tr("e.g. war, massacre, battle"))
        self.parent_combo = QComboBox()
        self.parent_combo.addItem(self.tr("(none)"), "")
        for row in parents:
            if row.ref != own_ref:
                self.parent_combo.addItem("  " * row.depth + f"{row.name} ({row.ref})", row.ref)
        at = self.parent_combo.findData(form.parent_ref)
        self.parent_combo.setCurrentIndex(max(at, 0))
        self.notes_edit = QPlainTextEdit(form.notes)
        self.notes_edit.setFixedHeight(72)
        self.notes_edit.setTabChangesFocus(True)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Name"), self.name_edit)
        layout.addRow(self.tr("&Other names"), self.variants_edit)
        layout.addRow(self.tr("&Place"), self.place_edit)
        layout.addRow(self.tr("&Date"), self.date_field)
        layout.addRow(self.tr("&Kind"), self.kind_edit)
        layout.addRow(self.tr("Part &of"), self.parent_combo)
        layout.addRow(self.tr("N&otes"), self.notes_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_dated)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _accept_if_dated(self) -> None:
        """Close only when the date reads (the hint under it says why not)."""
        if self.date_field.refusal() is None:
            self.accept()
        else:
            self.date_edit.setFocus()

    def form(self) -> EventForm:
        variants = (line.strip() for line in self.variants_edit.toPlainText().splitlines())
        return EventForm(
            name=self.name_edit.text().strip(),
            variants=tuple(dict.fromkeys(v for v in variants if v)),
            place=self.place_edit.text().strip(),
            edtf=self.date_field.typed(),
            kind=self.kind_edit.text().strip(),
            parent_ref=str(self.parent_combo.currentData() or ""),
            notes=self.notes_edit.toPlainText().strip(),
        )
