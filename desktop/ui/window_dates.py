"""The language the window shows dates in: a setting, passed to every view that shows one.

Dates are stored as EDTF and shown in words ("26 February 2022", "весна 1943 г.");
the person picks the language under View ▸ Dates In, it is kept in the settings
(``display/date_locale``) and handed to each view explicitly, never read from a
global, so a test can show two languages side by side.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontMetrics
from PySide6.QtWidgets import QMenu

from db.date_locales import DATE_LOCALES, date_locale
from db.date_words import in_words
from desktop.ui.language import installed_language
from desktop.ui.models.documents import COLUMN_KEYS

SETTING = "display/date_locale"


def add_date_language_menu(window: Any, view_menu: QMenu) -> None:
    """View ▸ Dates In ▸ English / Azərbaycan / Русский."""
    menu = view_menu.addMenu(QCoreApplication.translate("MenuActions", "&Dates In"))
    group = QActionGroup(window)
    window.date_locale_actions = {}
    for code, name in DATE_LOCALES.items():
        action = QAction(name, window)
        action.setCheckable(True)
        action.triggered.connect(lambda _on=False, code=code: set_date_locale(window, code))
        group.addAction(action)
        menu.addAction(action)
        window.date_locale_actions[code] = action


def restore_date_locale(window: Any) -> None:
    """The saved choice; until one is made, the language the window speaks."""
    fallback = installed_language()
    set_date_locale(window, str(window.settings.value(SETTING, fallback)), remember=False)


def set_date_locale(window: Any, code: str, *, remember: bool = True) -> None:
    """Show every date of *window* in the language *code* names (English if unknown)."""
    locale = date_locale(code)
    window.date_locale = locale
    if remember:
        window.settings.setValue(SETTING, locale)
    action = getattr(window, "date_locale_actions", {}).get(locale)
    if action is not None:
        action.setChecked(True)
    fit_date_column(window, locale)
    window.reader.date_locale = locale
    window.metadata.set_date_locale(locale)
    window.tag_editor.set_date_locale(locale)
    for view in (window.figures_view, window.matrix_view, window.chronology_view):
        view.date_locale = locale
    model = window.model
    if model.date_locale != locale:
        model.date_locale = locale
        if model.rowCount():
            last = model.index(model.rowCount() - 1, model.columnCount() - 1)
            model.dataChanged.emit(model.index(0, 0), last)
        window._mark_dirty("figures", "chronology")
        window._event_records_changed()


def fit_date_column(window: Any, locale: str) -> None:
    """Widen the document list's Published column to hold a long date in words in this
    language ("30 сентября 1987 г." needs more room than "30 September 1987"); a
    column the person made wider stays as it is."""
    sample = f"{in_words('1987-09-30', locale)} (?)"
    font = QFont(window.table.font())
    font.setItalic(True)  # guessed dates are shown in italics
    width = QFontMetrics(font).horizontalAdvance(sample) + 24  # cell margins and a gap
    column = COLUMN_KEYS.index("published")
    if window.table.columnWidth(column) < width:
        window.table.setColumnWidth(column, width)
