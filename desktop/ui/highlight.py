"""How tags look in the reading pane: colour plus a cue that does not need colour.

Each kind has its own underline *style* (dates solid, figures dashed, people wavy), so
a reader who cannot tell the hues apart still tells the kinds apart; an accepted tag
is filled, a suggestion is only underlined. The hues are from the Okabe–Ito palette
(distinguishable with the common colour-vision deficiencies) and are drawn
translucent, so the same colours sit on a light or a dark system palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

UnderlineStyle = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class KindStyle:
    label: str
    colour: QColor
    underline: UnderlineStyle
    pen: Qt.PenStyle  # the same cue in the legend's drawing


KINDS: dict[str, KindStyle] = {
    "date": KindStyle(
        "Date", QColor(0, 114, 178), UnderlineStyle.SingleUnderline, Qt.PenStyle.SolidLine
    ),
    "figure": KindStyle(
        "Figure", QColor(230, 159, 0), UnderlineStyle.DashUnderline, Qt.PenStyle.DashLine
    ),
    "mention": KindStyle(
        "Person", QColor(204, 121, 167), UnderlineStyle.WaveUnderline, Qt.PenStyle.DotLine
    ),
}
FILL_ALPHA = {"accepted": 70, "suggested": 0, "current": 150}
LINE_ALPHA = {"accepted": 255, "suggested": 200}


def tag_format(kind: str, status: str, *, current: bool = False) -> QTextCharFormat:
    style = KINDS[kind]
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style.underline)
    line = QColor(style.colour)
    line.setAlpha(LINE_ALPHA.get(status, 255))
    fmt.setUnderlineColor(line)
    alpha = FILL_ALPHA["current"] if current else FILL_ALPHA.get(status, 0)
    if alpha:
        fill = QColor(style.colour)
        fill.setAlpha(alpha)
        fmt.setBackground(fill)
    return fmt


SEARCH_MATCH = QColor(240, 228, 66, 150)
"""Words the current search matched: the Okabe–Ito yellow, as a browser's find."""


def search_match_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(SEARCH_MATCH)
    return fmt


class _Swatch(QWidget):
    """A tiny sample word drawn exactly as the pane draws that kind and status."""

    def __init__(self, kind: str, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind, self._status = kind, status
        self.setFixedSize(QSize(34, 16))

    def paintEvent(self, _event: QPaintEvent) -> None:
        style = KINDS[self._kind]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(1, 1, self.width() - 2, self.height() - 4)
        if self._status == "accepted":
            fill = QColor(style.colour)
            fill.setAlpha(FILL_ALPHA["accepted"])
            painter.fillRect(rect, fill)
        pen = QPen(style.colour, 1.6, style.pen)
        painter.setPen(pen)
        y = rect.bottom() + 1
        if style.underline == UnderlineStyle.WaveUnderline:
            x = rect.left()
            points = []
            while x <= rect.right():
                points.append(QPointF(x, y + (1.5 if int(x) % 4 < 2 else -1.5)))
                x += 2
            pen.setStyle(Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawPolyline(points)
        else:
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.end()


class Legend(QWidget):
    """Kinds and statuses, in words and in the pane's own drawing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for kind, style in KINDS.items():
            layout.addWidget(_Swatch(kind, "accepted"))
            name = QCoreApplication.translate("Legend", style.label)
            underline = {
                "date": QCoreApplication.translate("Legend", "solid"),
                "figure": QCoreApplication.translate("Legend", "dashed"),
                "mention": QCoreApplication.translate("Legend", "wavy"),
            }[kind]
            label = QLabel(f"{name} ({underline})")
            layout.addWidget(label)
            layout.addSpacing(8)
        layout.addWidget(_Swatch("date", "suggested"))
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "Legend", "Suggestion: underline, no fill (A accept · R reject · N next)"
                )
            )
        )
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
