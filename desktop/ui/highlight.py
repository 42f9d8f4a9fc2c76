"""How tags look in the reading pane: colour plus cues that do not need colour.

Each kind has its own underline *style* (dates solid, figures dashed, people wavy), so
a reader who cannot tell the hues apart still tells the kinds apart. The status has
its own cue too: an accepted tag is filled with a flat tint, a suggestion is lined
above as well as below (a bracket around words not decided yet) over a faint tint —
a difference of shape, not of hue, visible in greyscale. (A hatched background was
tried and dropped: its lines crossed the letters.) The hues are from the Okabe–Ito
palette (distinguishable with the common colour-vision deficiencies); the lines are
darkened on a light background and lightened on a dark one until they have at least
3:1 contrast with it (WCAG's minimum for marks that are not text), and fills stay
light enough that the text over them keeps 4.5:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QTextCharFormat
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
        QT_TRANSLATE_NOOP("Legend", "Date"),
        QColor(0, 114, 178),
        UnderlineStyle.SingleUnderline,
        Qt.PenStyle.SolidLine,
    ),
    "figure": KindStyle(
        QT_TRANSLATE_NOOP("Legend", "Figure"),
        QColor(230, 159, 0),
        UnderlineStyle.DashUnderline,
        Qt.PenStyle.DashLine,
    ),
    "mention": KindStyle(
        QT_TRANSLATE_NOOP("Legend", "Person"),
        QColor(204, 121, 167),
        UnderlineStyle.WaveUnderline,
        Qt.PenStyle.DotLine,
    ),
}
FILL_ALPHA = {"accepted": 90, "suggested": 40, "current": 150}
MARK_CONTRAST = 3.0  # WCAG 2.1 non-text contrast
LIGHT_BASE = QColor(255, 255, 255)


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1) of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour: QColor, base: QColor) -> QColor:
    """*colour* (with its alpha) painted over the opaque *base*: what the eye sees."""
    alpha = colour.alpha() / 255
    return QColor(
        round(colour.red() * alpha + base.red() * (1 - alpha)),
        round(colour.green() * alpha + base.green() * (1 - alpha)),
        round(colour.blue() * alpha + base.blue() * (1 - alpha)),
    )


def legible(colour: QColor, base: QColor, minimum: float = MARK_CONTRAST) -> QColor:
    """*colour*, darkened on a light *base* or lightened on a dark one, until it has
    *minimum* contrast with the base (the hue is kept as far as that allows)."""
    towards = QColor(0, 0, 0) if luminance(base) > 0.18 else QColor(255, 255, 255)
    for step in range(21):
        mixed = QColor(colour)
        mixed.setAlpha(255 - step * 12)
        candidate = over(mixed, towards)
        if contrast(candidate, base) >= minimum:
            return candidate
    return towards


TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for body text


def _tint(colour: QColor, alpha: int, base: QColor) -> QColor:
    """*colour* at *alpha*, made fainter if need be so that the palette's text keeps
    ``TEXT_CONTRAST`` over it. The text is taken a little greyer than the usual
    palettes' (black on light, near-white on dark), to hold for greyish themes too."""
    text = QColor(30, 30, 30) if luminance(base) > 0.18 else QColor(205, 205, 205)
    tint = QColor(colour)
    for faded in range(alpha, 0, -10):
        tint.setAlpha(faded)
        if contrast(text, over(tint, base)) >= TEXT_CONTRAST:
            return tint
    tint.setAlpha(0)
    return tint


def tag_format(
    kind: str, status: str, *, current: bool = False, base: QColor | None = None
) -> QTextCharFormat:
    """The look of a tag of *kind* in *status* on a text whose background is *base*."""
    style = KINDS[kind]
    base = base or LIGHT_BASE
    line = legible(style.colour, base)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(line)
    light = luminance(base) > 0.18
    fill = QColor(style.colour if light else line)
    alpha = FILL_ALPHA["current"] if current else FILL_ALPHA.get(status, 0)
    if alpha:
        fmt.setBackground(_tint(fill, alpha, base))
    # With the underline, a bracket: "not decided yet" — on the current tag too.
    fmt.setFontOverline(status == "suggested")
    return fmt


def text_base(widget: QWidget) -> QColor:
    """The background a text widget draws its text on (its palette's Base)."""
    return widget.palette().color(QPalette.ColorRole.Base)


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
        fmt = tag_format(self._kind, self._status, base=text_base(self))
        painter.fillRect(rect, fmt.background())
        if fmt.fontOverline():
            painter.setPen(QPen(fmt.underlineColor(), 1.2))
            painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
        pen = QPen(fmt.underlineColor(), 1.6, style.pen)
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
        layout.addWidget(_Swatch("mention", "suggested"))
        suggestion = QLabel(
            QCoreApplication.translate(
                "Legend",
                "Suggestion: lined above and below (A accept · R reject · N next)",
            )
        )
        # The last words may wrap: a longer translation must not widen the window.
        suggestion.setWordWrap(True)
        suggestion.setMinimumWidth(120)
        layout.addWidget(suggestion, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
