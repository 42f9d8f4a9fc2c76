"""A table cell that shows a line of HTML (a search snippet with its matches in bold).

The model gives escaped HTML in its own role; the delegate draws it on one line,
clipped to the cell, in the view's palette (selected rows keep their highlighted
text colour). Anything else about the cell — selection, focus, tooltips — is the
standard delegate's.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


class HtmlCellDelegate(QStyledItemDelegate):
    """Draws the model's *role* (HTML) instead of the display text."""

    def __init__(self, role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = role

    def _document(self, option: QStyleOptionViewItem, markup: str) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setDocumentMargin(0)
        document.setHtml(markup)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        markup = index.data(self._role)
        if not markup:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""  # type: ignore[attr-defined]
        widget = options.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)

        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, options, widget)
        document = self._document(options, markup)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(
            QPalette.ColorRole.Text,
            options.palette.color(group),  # type: ignore[attr-defined]
        )
        painter.save()
        painter.setClipRect(text_rect)
        offset = max(0.0, (text_rect.height() - document.size().height()) / 2)
        painter.translate(text_rect.left(), text_rect.top() + offset)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        markup = index.data(self._role)
        if markup:
            document = self._document(option, markup)
            hint.setWidth(int(document.idealWidth()))
        return hint


__all__ = ["HtmlCellDelegate"]
