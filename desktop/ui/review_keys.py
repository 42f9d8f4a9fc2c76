"""Single-letter review keys (A, R, E, N, P) on a list that would otherwise eat them.

An item view turns a typed letter into a type-ahead search ("keyboard search"), so a
person who opened a document from the list and pressed A found that nothing was
accepted — the list had jumped to a row starting with "A". A ``QShortcut`` on the view
itself, with ``WidgetShortcut`` context, is matched before the view sees the key, and
only while that view has focus: the same letters still type into the search field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

REVIEW_KEYS = ("A", "R", "E", "N", "P")


def install_keys(widget: QWidget, handlers: Mapping[str, Callable[[], object]]) -> list[QShortcut]:
    """Shortcuts for *handlers* (key sequence → slot), live while *widget* has focus."""
    shortcuts = []
    for key, handler in handlers.items():
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.setAutoRepeat(False)  # a held key must not decide a whole page of rows
        shortcut.activated.connect(lambda h=handler: h())
        shortcuts.append(shortcut)
    return shortcuts
