"""A date field people type into as they write dates, with a live hint of the EDTF.

Every date a person edits in the window (a document's publication date, a date tag,
an event record's date) is one of these: the stored EDTF is shown in words in the
reader's language ("26 February 2022"), anything typed ("26 Feb 2022", "spring 1943",
"before 1980") is read by ``db.date_input.read_date_input`` as it is typed, and the
hint under the field says what will be stored ("→ 2022-02-26") or, in one line, why
the input cannot be read. The field never writes: the panel that owns it asks for
``typed()`` and the core stores the same reading.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from db.date_input import DateInputError, read_date_input
from db.date_locales import DEFAULT_DATE_LOCALE
from db.date_words import in_words

# Examples of what the field reads, in the window's language (each translation's
# examples are read back by tests/ui/test_translations.py).
PLACEHOLDER = QT_TRANSLATE_NOOP(
    "DateField", "26 Feb 2022, spring 1943, 1990s, before 1980, c. 1920, 25–26 Feb 1992"
)


class DateField(QWidget):
    """A line edit and the hint below it; ``edit`` is the QLineEdit itself."""

    changed = Signal()

    def __init__(
        self, field: str, parent: QWidget | None = None, *, locale: str = DEFAULT_DATE_LOCALE
    ) -> None:
        super().__init__(parent)
        self.field = field  # named in refusals: "Published: cannot read …"
        self.locale = locale
        self._stored: str | None = None
        self._shown = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(QCoreApplication.translate("DateField", PLACEHOLDER))
        self.edit.setAccessibleName(field)  # the form's label names the field, not the edit
        self.edit.setAccessibleDescription(
            self.tr("A date as people write it; the hint below shows how it was read")
        )
        self.setFocusProxy(self.edit)  # the label's buddy is this field: Alt+letter lands here
        self.hint = QLabel()
        self.hint.setObjectName("dateHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("refused", False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        self.edit.textChanged.connect(self._update_hint)
        self._update_hint(self.edit.text())

    def set_value(self, edtf: str | None) -> None:
        """Show a stored value, in words."""
        self._stored = edtf or None
        self._shown = in_words(edtf, self.locale) if edtf else ""
        self.edit.setText(self._shown)
        self._update_hint(self._shown)

    def set_locale(self, locale: str) -> None:
        if locale != self.locale:
            self.locale = locale
            if not self.is_edited():
                self.set_value(self._stored)

    def is_edited(self) -> bool:
        return self.edit.text().strip() != self._shown.strip()

    def typed(self) -> str:
        """The stored value when the words shown were left as they were (so a value
        words cannot round-trip is never rewritten by an unrelated save), otherwise
        the text as typed, for the core to read."""
        return (self._stored or "") if not self.is_edited() else self.edit.text().strip()

    def value(self) -> str | None:
        """The EDTF the field holds now; raises ``DateInputError`` for what cannot be read."""
        if not self.is_edited():
            return self._stored
        return read_date_input(self.edit.text(), field=self.field)

    def refusal(self) -> str | None:
        """The one-line refusal for the current text, or None when it reads."""
        try:
            self.value()
        except DateInputError as exc:
            return str(exc)
        return None

    def _update_hint(self, _text: str) -> None:
        try:
            edtf = self.value()
        except DateInputError as exc:
            self._show_hint(f"✗ {exc}", refused=True)
        else:
            if edtf is None:
                self._show_hint("", refused=False)
            elif self.is_edited():
                words = in_words(edtf, self.locale)
                self._show_hint(f"→ {edtf}  ({words})", refused=False)
            else:
                self._show_hint(f"EDTF {edtf}", refused=False)
        self.changed.emit()

    def _show_hint(self, text: str, *, refused: bool) -> None:
        self.hint.setText(text)
        self.hint.setProperty("refused", refused)
        font = self.hint.font()
        font.setBold(refused)  # a refusal stands out without relying on colour
        self.hint.setFont(font)
