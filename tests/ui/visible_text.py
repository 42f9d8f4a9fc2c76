"""Every piece of interface text a window shows, keyed by where it is shown.

Used by the translation test: the same window is built in English and in another
language, and a text that is the same at the same place in both was not translated.
The key is the chain of object names (or class and position among siblings) from the
window down, plus which property holds the text, so the two windows line up.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

Texts = dict[tuple[str, str], str]


def _key(obj: QObject, root: QObject) -> str:
    parts: list[str] = []
    while obj is not None and obj is not root:
        parent = obj.parent()
        name = obj.objectName()
        if not name:
            siblings = [c for c in (parent.children() if parent else []) if type(c) is type(obj)]
            name = f"{type(obj).__name__}[{siblings.index(obj) if obj in siblings else 0}]"
        parts.append(name)
        obj = parent
    return "/".join(reversed(parts))


def _headers(model: QAbstractItemModel) -> list[str]:
    out: list[str] = []
    # Column headers only: row headers are numbers or data; lists have no headers.
    if isinstance(model, QAbstractListModel):
        return out
    for section in range(model.columnCount(QModelIndex())):
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            out.append(value)
    return out


def visible_texts(window: QWidget) -> Texts:
    """(place, property) → text for the window and everything under it."""
    texts: Texts = {("window", "windowTitle"): window.windowTitle()}

    def put(obj: QObject, prop: str, text: str | None) -> None:
        if text:
            texts[(_key(obj, window), prop)] = text

    for obj in [window, *window.findChildren(QObject)]:
        if isinstance(obj, QAction):
            put(obj, "text", obj.text())
        if isinstance(obj, QMenu):
            put(obj, "title", obj.title())
        if not isinstance(obj, QWidget):
            continue
        if obj.isWindow() and obj is not window:
            put(obj, "windowTitle", obj.windowTitle())
        if (isinstance(obj, QLabel) and obj.textFormat() != Qt.TextFormat.RichText) or isinstance(
            obj, QAbstractButton
        ):
            put(obj, "text", obj.text())
        elif isinstance(obj, QGroupBox):
            put(obj, "title", obj.title())
        elif isinstance(obj, QLineEdit | QTextEdit | QPlainTextEdit):
            put(obj, "placeholderText", obj.placeholderText())
        elif isinstance(obj, QTabWidget):
            for n in range(obj.count()):
                put(obj, f"tab{n}", obj.tabText(n))
        elif isinstance(obj, QComboBox):
            for n in range(obj.count()):
                put(obj, f"item{n}", obj.itemText(n))
        if isinstance(obj, QAbstractItemView) and obj.model() is not None:
            for n, header in enumerate(_headers(obj.model())):
                put(obj, f"header{n}", header)
    return texts


LETTERS = re.compile(r"[^\W\d_]{2,}")
SUFFIX = re.compile(r"\*?\.[a-z]{2,6}\b")


def untranslated(
    english: Texts, translated: Texts, names: set[str], data: Callable[[str, str], bool]
) -> list[str]:
    """The places whose text is the same in both windows and has words in it.

    *names* are words the same in every language (removed before looking for words);
    *data* says which (place, property) show the catalogue's own content.
    """
    left = []
    for (place, prop), text in translated.items():
        if english.get((place, prop)) != text or data(place, prop):
            continue
        words = text.replace("&", "")
        for name in sorted(names, key=len, reverse=True):
            words = words.replace(name, " ")
        words = SUFFIX.sub(" ", words)  # "(.bib)", "*.pdf": file name endings
        if LETTERS.search(words):
            left.append(f"{place} {prop}: {text!r}")
    return sorted(left)
