"""The side panel that edits the selected tag's structured value.

A date is shown in words and typed as people write it ("26 Feb 2022", "spring 1943"),
with the EDTF it becomes as a live hint (``DateField``); a figure is value, upper
value, qualifier, what is counted, category and the figure it is part of; a person
mention is the name as written, a role, and the authority record it points to (picked
with a completer over every known name form, or created on apply). Apply, Accept,
Reject and Remove each become one undoable command through the workbench.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.models import QUALIFIERS, ROLES
from db.tags import CERTAINTIES
from desktop.core.views import TagView
from desktop.ui.date_field import DateField
from desktop.ui.models.records import StringListModel
from desktop.ui.reader import describe_tag

# The stored values (English words the catalogue and the CLI share) with the words the
# combo boxes show; the value rides as the item's data, so a translation never reaches
# the catalogue.
VALUE_WORDS: dict[str, str] = {
    "certain": QT_TRANSLATE_NOOP("TagEditor", "certain"),
    "approximate": QT_TRANSLATE_NOOP("TagEditor", "approximate"),
    "uncertain": QT_TRANSLATE_NOOP("TagEditor", "uncertain"),
    "exact": QT_TRANSLATE_NOOP("TagEditor", "exact"),
    "about": QT_TRANSLATE_NOOP("TagEditor", "about"),
    "at least": QT_TRANSLATE_NOOP("TagEditor", "at least"),
    "more than": QT_TRANSLATE_NOOP("TagEditor", "more than"),
    "at most": QT_TRANSLATE_NOOP("TagEditor", "at most"),
    "fewer than": QT_TRANSLATE_NOOP("TagEditor", "fewer than"),
    "nearly": QT_TRANSLATE_NOOP("TagEditor", "nearly"),
    "up to": QT_TRANSLATE_NOOP("TagEditor", "up to"),
    "range": QT_TRANSLATE_NOOP("TagEditor", "range"),
    "author": QT_TRANSLATE_NOOP("TagEditor", "author"),
    "witness": QT_TRANSLATE_NOOP("TagEditor", "witness"),
    "quoted": QT_TRANSLATE_NOOP("TagEditor", "quoted"),
    "recipient": QT_TRANSLATE_NOOP("TagEditor", "recipient"),
    "signatory": QT_TRANSLATE_NOOP("TagEditor", "signatory"),
    "mentioned": QT_TRANSLATE_NOOP("TagEditor", "mentioned"),
    "photographer": QT_TRANSLATE_NOOP("TagEditor", "photographer"),
}


def _fill(combo: QComboBox, values: tuple[str, ...]) -> None:
    for value in values:
        combo.addItem(QCoreApplication.translate("TagEditor", VALUE_WORDS.get(value, value)), value)


def _choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


class TagEditor(QWidget):
    """Edits one tag; emits what the person asked for, never writes by itself."""

    apply_requested = Signal(object, dict)  # TagView, changes
    accept_requested = Signal(object)
    reject_requested = Signal(object)
    remove_requested = Signal(object)
    create_person_requested = Signal(object, str)  # TagView, name for the new record

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self.tag: TagView | None = None
        self.summary = QLabel(
            self.tr("Select a tag in the text, or select words and press D, F or P.")
        )
        self.summary.setWordWrap(True)
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # date
        self.date_field = DateField(self.tr("Date"))
        self.edtf = self.date_field.edit
        self.edtf.setObjectName("edtfEdit")
        self.what = QLineEdit()
        self.certainty = QComboBox()
        _fill(self.certainty, CERTAINTIES)
        self.certainty.setAccessibleName(self.tr("Certainty"))
        self.what.setAccessibleName(self.tr("What happened"))
        date_page = QWidget()
        date_form = QFormLayout(date_page)
        date_form.addRow(self.tr("Date"), self.date_field)
        date_form.addRow(self.tr("What happened"), self.what)
        date_form.addRow(self.tr("Certainty"), self.certainty)

        # figure
        validator = QDoubleValidator(self)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.value = QLineEdit()
        self.value.setValidator(validator)
        self.upper_value = QLineEdit()
        self.upper_value.setValidator(validator)
        self.upper_value.setPlaceholderText(self.tr("only for a range"))
        self.qualifier = QComboBox()
        _fill(self.qualifier, QUALIFIERS)
        self.counted = QLineEdit()
        self.category = QComboBox()
        self.category.setObjectName("categoryCombo")
        self.category.setEditable(True)
        self.part_of = QComboBox()
        self.part_of.setObjectName("partOfCombo")
        self.value.setAccessibleName(self.tr("Value"))
        self.upper_value.setAccessibleName(self.tr("Upper value"))
        self.upper_value.setAccessibleDescription(self.tr("The upper end, only for a range"))
        self.qualifier.setAccessibleName(self.tr("Qualifier"))
        self.counted.setAccessibleName(self.tr("Counted"))
        self.counted.setAccessibleDescription(self.tr("What the figure counts"))
        self.category.setAccessibleName(self.tr("Category"))
        self.category.lineEdit().setAccessibleName(self.tr("Category"))
        self.part_of.setAccessibleName(self.tr("Part of"))
        self.part_of.setAccessibleDescription(self.tr("The larger figure this one is part of"))
        figure_page = QWidget()
        figure_form = QFormLayout(figure_page)
        figure_form.addRow(self.tr("Value"), self.value)
        figure_form.addRow(self.tr("Upper value"), self.upper_value)
        figure_form.addRow(self.tr("Qualifier"), self.qualifier)
        figure_form.addRow(self.tr("Counted"), self.counted)
        figure_form.addRow(self.tr("Category"), self.category)
        figure_form.addRow(self.tr("Part of"), self.part_of)

        # person
        self.names = StringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name = QLineEdit()
        self.name.setObjectName("personName")
        self.name.setCompleter(self.completer)
        self.role = QComboBox()
        self.role.setObjectName("roleCombo")
        _fill(self.role, ROLES)
        self.name.setAccessibleName(self.tr("Name as written"))
        self.role.setAccessibleName(self.tr("Role"))
        self.organisation = QCheckBox(self.tr("An organisation"))
        self.record = QLabel()
        self.record.setWordWrap(True)
        self.record_name = QLineEdit()
        self.record_name.setObjectName("recordName")
        self.record_name.setCompleter(QCompleter(self.names, self))
        self.record_name.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.record_name.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.record_name.setPlaceholderText(self.tr("existing name, or a new person"))
        self.record_name.setAccessibleName(self.tr("Person record to link to"))
        self.record_name.setAccessibleDescription(self.tr("An existing name, or a new person"))
        self.link_button = QPushButton(self.tr("Link to Record"))
        self.link_button.setToolTip(
            self.tr("Point this mention at the person with this name, creating the record if none")
        )
        self.link_button.clicked.connect(self._link)
        link_row = QHBoxLayout()
        link_row.addWidget(self.record_name, 1)
        link_row.addWidget(self.link_button)
        person_page = QWidget()
        person_form = QFormLayout(person_page)
        person_form.addRow(self.tr("Name as written"), self.name)
        person_form.addRow(self.tr("Role"), self.role)
        person_form.addRow("", self.organisation)
        person_form.addRow(self.tr("Record"), self.record)
        person_form.addRow(self.tr("Link to"), link_row)

        self.pages = QStackedWidget()
        self.empty_page = QWidget()
        self.pages.addWidget(self.empty_page)
        self.page_of = {"date": date_page, "figure": figure_page, "mention": person_page}
        for page in self.page_of.values():
            self.pages.addWidget(page)

        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("applyTagButton")
        self.apply_button.setDefault(True)
        self.accept_button = QPushButton(self.tr("Accept (A)"))
        self.reject_button = QPushButton(self.tr("Reject (R)"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.apply_button.setAccessibleDescription(self.tr("Save the changes to this tag"))
        self.accept_button.setAccessibleName(self.tr("Accept"))
        self.accept_button.setAccessibleDescription(self.tr("Accept this suggestion (A)"))
        self.reject_button.setAccessibleName(self.tr("Reject"))
        self.reject_button.setAccessibleDescription(self.tr("Reject this suggestion (R)"))
        self.remove_button.setAccessibleDescription(self.tr("Remove this tag from the text"))
        self.apply_button.clicked.connect(self._apply)
        self.accept_button.clicked.connect(
            lambda: self.tag and self.accept_requested.emit(self.tag)
        )
        self.reject_button.clicked.connect(
            lambda: self.tag and self.reject_requested.emit(self.tag)
        )
        self.remove_button.clicked.connect(
            lambda: self.tag and self.remove_requested.emit(self.tag)
        )
        for edit in (self.edtf, self.what, self.value, self.upper_value, self.counted, self.name):
            edit.returnPressed.connect(self._apply)
        buttons = QHBoxLayout()
        for button in (
            self.apply_button,
            self.accept_button,
            self.reject_button,
            self.remove_button,
        ):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.quote)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_tag(None)

    # --- choices from the catalogue ---------------------------------------------------
    def set_choices(
        self, *, names: list[str], categories: list[str], figures: list[tuple[int, str]]
    ) -> None:
        self.names.set_strings(names)
        current = self.category.currentText()
        self.category.clear()
        self.category.addItems(["", *categories])
        self.category.setCurrentText(current)
        self.part_of.clear()
        self.part_of.addItem(self.tr("(not part of another figure)"), None)
        for figure_id, quote in figures:
            self.part_of.addItem(quote, figure_id)

    # --- showing ----------------------------------------------------------------------
    def show_tag(self, tag: TagView | None) -> None:
        self.tag = tag
        enabled = tag is not None
        for button in (self.apply_button, self.reject_button, self.remove_button):
            button.setEnabled(enabled)
        self.accept_button.setEnabled(enabled and tag is not None and tag.status != "accepted")
        if tag is None:
            self.pages.setCurrentWidget(self.empty_page)
            self.summary.setText(
                self.tr("Select a tag in the text, or select words and press D, F, P or W.")
            )
            self.quote.clear()
            return
        self.summary.setText(describe_tag(tag))
        self.quote.setText(f"“{tag.quote}”")
        self.pages.setCurrentWidget(self.page_of[tag.kind])
        v = tag.values
        if tag.kind == "date":
            self.date_field.set_value(v.get("edtf"))
            self.what.setText(v.get("what") or "")
            _choose(self.certainty, v.get("certainty") or "certain")
        elif tag.kind == "figure":
            self.value.setText(_number_text(v.get("value")))
            self.upper_value.setText(_number_text(v.get("upper_value")))
            _choose(self.qualifier, v.get("qualifier") or "exact")
            self.counted.setText(v.get("counted") or "")
            self.category.setCurrentText(v.get("category") or "")
            position = self.part_of.findData(v.get("part_of_id"))
            self.part_of.setCurrentIndex(max(position, 0))
        else:
            self.name.setText(v.get("name") or "")
            _choose(self.role, v.get("role") or "mentioned")
            self.organisation.setChecked(bool(v.get("is_organisation")))
            self.record.setText(
                tag.agent_name
                or self.tr("not linked yet (accepting links it to a matching or new record)")
            )
            self.record_name.setText(tag.agent_name or v.get("name") or "")

    def focus_value(self) -> None:
        """Put the keyboard in the tag's main value, selected, ready to be retyped."""
        if self.tag is None:
            return
        field = {"date": self.edtf, "figure": self.value}.get(self.tag.kind, self.name)
        field.setFocus()
        field.selectAll()

    def changes(self) -> dict[str, Any]:
        """The fields the person changed, as ``update_tag`` takes them."""
        tag = self.tag
        if tag is None:
            return {}
        if tag.kind == "date":
            wanted: dict[str, Any] = {
                "edtf": self.date_field.typed(),
                "what": self.what.text().strip() or None,
                "certainty": self.certainty.currentData(),
            }
        elif tag.kind == "figure":
            upper = self.upper_value.text().strip()
            wanted = {
                "value": float(self.value.text().replace(",", "") or 0),
                "upper_value": float(upper.replace(",", "")) if upper else None,
                "qualifier": self.qualifier.currentData(),
                "counted": self.counted.text().strip(),
                "category": self.category.currentText().strip() or None,
                "part_of_id": self.part_of.currentData(),
            }
        else:
            wanted = {
                "name": " ".join(self.name.text().split()),
                "role": self.role.currentData(),
                "is_organisation": self.organisation.isChecked(),
            }
        return {k: v for k, v in wanted.items() if tag.values.get(k) != v}

    def set_date_locale(self, locale: str) -> None:
        """Show the tag's date in words of *locale*."""
        self.date_field.set_locale(locale)

    def _apply(self) -> None:
        if self.tag is None:
            return
        if self.tag.kind == "date" and self.date_field.refusal() is not None:
            self.edtf.setFocus()  # the hint says why; nothing is applied
            return
        changes = self.changes()
        if changes:
            self.apply_requested.emit(self.tag, changes)

    def _link(self) -> None:
        name = " ".join(self.record_name.text().split())
        if self.tag is not None and self.tag.kind == "mention" and name:
            self.create_person_requested.emit(self.tag, name)
