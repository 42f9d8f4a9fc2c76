"""Cross-source views: figures compared by what they count, and the chronology.

The wording is neutral on purpose: Catena records claims with their sources and never
says which is right, so a comparison says "sources give different figures", marks it
with a symbol as well as bold type (no reliance on colour), and lists every value
with who gives it. Activating a source or a date opens the document at the passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.analysis import ChronologyRow, Comparison, FigureSource
from db.date_locales import DEFAULT_DATE_LOCALE
from db.date_words import in_words
from desktop.ui.highlight import KINDS
from desktop.ui.models.records import RecordColumn, RecordRole, RecordTableModel
from desktop.ui.models.tree import Node, NodeRole, TreeModel

VERDICT_MARK = {"differ": "≠", "agree": "=", "single source": "○"}


def verdict_text(comparison: Comparison) -> str:
    n = len(comparison.documents)
    if comparison.verdict == "differ":
        return QCoreApplication.translate(
            "FiguresView", "Sources give different figures ({n} sources, {k} values)"
        ).format(n=n, k=len(comparison.groups))
    if comparison.verdict == "agree" and len(comparison.groups) > 1:
        # "at least 7,779" and "8,372": different numbers that can both be true.
        return QCoreApplication.translate(
            "FiguresView", "Sources' figures can all be true ({n} sources, {k} values)"
        ).format(n=n, k=len(comparison.groups))
    if comparison.verdict == "agree":
        return QCoreApplication.translate(
            "FiguresView", "Sources give the same figure (%Ln sources)", None, n
        )
    return QCoreApplication.translate("FiguresView", "One source")


def comparison_nodes(
    comparisons: Sequence[Comparison], locale: str = DEFAULT_DATE_LOCALE
) -> list[Node]:
    """Category → value → source, with the differing categories first; publication
    dates in words of *locale*."""
    order = {"differ": 0, "agree": 1, "single source": 2}
    nodes = []
    for comparison in sorted(comparisons, key=lambda c: (order[c.verdict], c.category)):
        label = comparison.category + (f": {comparison.subject}" if comparison.subject else "")
        top = Node(
            [f"{VERDICT_MARK[comparison.verdict]}  {label}", verdict_text(comparison), "", ""],
            payload=comparison,
            bold=comparison.verdict == "differ",
            tooltip="\n".join(comparison.notes) or None,
        )
        top.description = verdict_text(comparison)  # what the mark and bold type say
        for group in comparison.groups:
            sources = len(group.documents)
            value = top.add(
                Node(
                    [
                        group.label,
                        QCoreApplication.translate("FiguresView", "%Ln source(s)", None, sources),
                        "",
                        "",
                    ],
                    payload=group,
                )
            )
            for source in group.sources:
                qualifier = "" if source.qualifier == "exact" else f" ({source.qualifier})"
                value.add(
                    Node(
                        [
                            source.document_ref,
                            source.document_title or "",
                            f"“{source.quote}”{qualifier}",
                            in_words(source.published, locale),
                        ],
                        payload=source,
                        italic=source.status == "suggested",
                        description=QCoreApplication.translate(
                            "FiguresView", "Suggestion, not yet accepted"
                        )
                        if source.status == "suggested"
                        else None,
                        tooltip=QCoreApplication.translate(
                            "FiguresView", "Open {ref} at this passage"
                        ).format(ref=source.document_ref),
                    )
                )
        if comparison.notes:
            top.add(Node([comparison.notes[0], "", "", ""], selectable=False, italic=True))
        nodes.append(top)
    return nodes


class ClaimsView(QWidget):
    """A view of tagged claims: a summary line, a switch to include open suggestions
    (asking for a reload), and the statuses the view's data should be read with. The
    Figures, Matrix and Chronology views share it."""

    reload_requested = Signal()
    date_locale = DEFAULT_DATE_LOCALE  # the window sets the reader's language

    def _summary_row(self) -> QHBoxLayout:
        self.include_suggested = QCheckBox(
            QCoreApplication.translate("FiguresView", "Include open suggestions")
        )
        self.include_suggested.toggled.connect(lambda _on: self.reload_requested.emit())
        self.include_suggested.setAccessibleDescription(
            self.tr("Also count the suggestions no one has accepted yet")
        )
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.include_suggested)
        return top

    def statuses(self) -> tuple[str, ...]:
        return ("accepted", "suggested") if self.include_suggested.isChecked() else ("accepted",)


class FiguresView(ClaimsView):
    open_passage = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresView")
        self.model = TreeModel(
            [
                QT_TRANSLATE_NOOP("FiguresView", "Figure / value / source"),
                QT_TRANSLATE_NOOP("FiguresView", "Comparison / document"),
                QT_TRANSLATE_NOOP("FiguresView", "As written"),
                QT_TRANSLATE_NOOP("FiguresView", "Published"),
            ],
            self,
            context="FiguresView",
        )
        self.tree = QTreeView()
        self.tree.setObjectName("figuresTree")
        self.tree.setAccessibleName(self.tr("Figures by value"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Each counted thing, its values and the sources giving them; differing "
                "figures first. Enter opens a source's passage"
            )
        )
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.activated.connect(self._open)
        self.tree.clicked.connect(self._open)
        top = self._summary_row()
        note = QLabel(
            self.tr(
                "≠ figures that cannot all be true · = figures that agree · ○ one source. "
                "Catena lists claims with their sources; it does not judge between them."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)

    def set_comparisons(self, comparisons: Sequence[Comparison]) -> None:
        self.model.set_nodes(comparison_nodes(comparisons, self.date_locale))
        differ = sum(1 for c in comparisons if c.verdict == "differ")
        self.summary.setText(
            self.tr("{n} things counted; sources differ on {d}").format(
                n=len(comparisons), d=differ
            )
        )
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(NodeRole).payload.verdict == "differ":
                self.tree.expandRecursively(index)
        for node in self.model.walk():  # notes read across the row
            if not node.selectable and node.parent is not None:
                parent = self.model.index_of(node.parent)
                self.tree.setFirstColumnSpanned(node.row(), parent, True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 230)
        self.tree.setColumnWidth(1, 420)
        self.tree.setColumnWidth(3, 110)

    def _open(self, index: QModelIndex) -> None:
        node = index.data(NodeRole) if index.isValid() else None
        if node is not None and isinstance(node.payload, FigureSource):
            source = node.payload
            self.open_passage.emit(source.document_ref, source.start, source.end)


def _year_of(entry: ChronologyRow) -> float | None:
    if not entry.lower:
        return None
    year, month, day = (int(p) for p in entry.lower.split("-"))
    return year + (month - 1) / 12 + (day - 1) / 365


def _year_of_upper(entry: ChronologyRow) -> float | None:
    if not entry.upper or entry.upper == entry.lower:
        return None
    year, month, day = (int(p) for p in entry.upper.split("-"))
    return year + (month - 1) / 12 + day / 365


class Timeline(QWidget):
    """Every dated entry as a dot on one line (a bar for a span of time); clicking a dot
    selects the entry in the table."""

    BASE = 110

    entry_clicked = Signal(int)  # row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self._entries: list[ChronologyRow] = []
        self._selected: int | None = None
        self.setMinimumHeight(130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(600, 140)

    def set_entries(self, entries: Sequence[ChronologyRow]) -> None:
        self._entries = list(entries)
        self._selected = None
        self.update()

    def highlight_row(self, row: int | None) -> None:
        self._selected = row
        self.update()

    def _range(self) -> tuple[float, float] | None:
        years = [y for y in (_year_of(e) for e in self._entries) if y is not None]
        if not years:
            return None
        low, high = min(years), max(years)
        if high - low < 1:
            low, high = low - 0.5, high + 0.5
        pad = (high - low) * 0.04
        return low - pad, high + pad

    def _x(self, year: float, span: tuple[float, float]) -> float:
        left, right = 24.0, self.width() - 24.0
        return left + (year - span[0]) / (span[1] - span[0]) * (right - left)

    def _positions(self) -> list[tuple[int, QPointF]]:
        span = self._range()
        if span is None:
            return []
        out, lanes = [], {}
        for row, entry in enumerate(self._entries):
            year = _year_of(entry)
            if year is None:
                continue
            x = self._x(year, span)
            key = round(x / 6)
            lane = lanes.get(key, 0)
            lanes[key] = lane + 1
            out.append((row, QPointF(x, self.BASE - 12 - 11 * (lane % 8))))
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        span = self._range()
        if span is None:
            painter.setPen(text_colour)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated entries yet.")
            )
            painter.end()
            return
        base_y = float(self.BASE)
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(QPointF(24, base_y), QPointF(self.width() - 24, base_y))
        first, last = int(span[0]) + 1, int(span[1])
        step = max(1, (last - first + 1) // 10)
        for year in range(first, last + 1, step):
            x = self._x(year, span)
            painter.drawLine(QPointF(x, base_y - 3), QPointF(x, base_y + 3))
            painter.drawText(
                QRectF(x - 30, base_y + 6, 60, 18), Qt.AlignmentFlag.AlignHCenter, str(year)
            )
        colour = KINDS["date"].colour
        for row, point in self._positions():
            entry = self._entries[row]
            upper = _year_of_upper(entry)
            if upper is not None:  # a span of time: a bar to its last possible day
                end_x = self._x(upper, span)
                if end_x - point.x() > 3:
                    band = QColor(colour)
                    band.setAlpha(90)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(band)
                    painter.drawRoundedRect(
                        QRectF(point.x(), point.y() - 3, end_x - point.x(), 6), 3, 3
                    )
            selected = row == self._selected
            fill = QColor(colour)
            fill.setAlpha(255 if selected else 150)
            painter.setPen(QPen(text_colour if selected else colour, 2 if selected else 1))
            painter.setBrush(fill)
            radius = 6.0 if selected else 4.0
            painter.drawEllipse(point, radius, radius)
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(point.x(), point.y() + radius), QPointF(point.x(), base_y))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        best = None
        for row, point in self._positions():
            distance = (point - position).manhattanLength()
            if distance < 12 and (best is None or distance < best[0]):
                best = (distance, row)
        if best is not None:
            self.highlight_row(best[1])
            self.entry_clicked.emit(best[1])


def _sources_cell(row: ChronologyRow) -> str:
    count = len(row.documents)
    return QCoreApplication.translate("ChronologyView", "%Ln source(s)", None, count)


def _sources_tooltip(row: ChronologyRow, locale: str) -> str:
    """Every source of the row: document, its publication date, and the quote."""
    return "\n".join(
        f"{s.document_ref} ({_published(s.published, locale)}): “{s.quote}”" for s in row.sources
    )


def _published(value: str | None, locale: str) -> str:
    return in_words(value, locale) if value else "n.d."


class ChronologyView(ClaimsView):
    """One row per event date with every source giving it; opening a row shows the
    first source's passage (the tooltip of "Sources" lists them all)."""

    open_passage = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chronologyView")
        self.timeline = Timeline()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.setAccessibleDescription(
            self.tr("The dates of the table below on one line; the table holds the same entries")
        )
        self.model: RecordTableModel[ChronologyRow] = RecordTableModel(
            [
                RecordColumn(
                    QT_TRANSLATE_NOOP("ChronologyView", "Date"),
                    lambda e: in_words(e.edtf, self.date_locale),
                    sort_key=lambda e: (e.lower or "9999", e.upper or ""),
                    tooltip=lambda e: f"EDTF {e.edtf}",
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("ChronologyView", "What happened"), lambda e: e.what or ""
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("ChronologyView", "Sources"),
                    _sources_cell,
                    tooltip=lambda e: _sources_tooltip(e, self.date_locale),
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("ChronologyView", "As written"),
                    lambda e: " · ".join(dict.fromkeys(s.quote for s in e.sources)),
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("ChronologyView", "Documents"),
                    lambda e: ", ".join(e.documents),
                ),
                RecordColumn(
                    QT_TRANSLATE_NOOP("ChronologyView", "Published"),
                    lambda e: ", ".join(
                        dict.fromkeys(_published(s.published, self.date_locale) for s in e.sources)
                    ),
                ),
            ],
            self,
            context="ChronologyView",
        )
        self.table = QTableView()
        self.table.setObjectName("chronologyTable")
        self.table.setAccessibleName(self.tr("Chronology"))
        self.table.setAccessibleDescription(
            self.tr("One row per date with the sources giving it; Enter opens the first passage")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.timeline.highlight_row(
                current.row() if current.isValid() else None
            )
        )
        self.timeline.entry_clicked.connect(self._timeline_clicked)
        top = self._summary_row()
        # Off by default, as `catena chronology` without --include-reporting: the date
        # an article came out is not a date of what it reports.
        self.include_reporting = QCheckBox(self.tr("Include publication dates"))
        self.include_reporting.setObjectName("includeReporting")
        self.include_reporting.setToolTip(
            self.tr(
                "Also list the dates sources were published or reported on "
                "(dates marked as reporting dates, or a document's own date)"
            )
        )
        self.include_reporting.toggled.connect(lambda _on: self.reload_requested.emit())
        top.addWidget(self.include_reporting)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def options(self) -> dict[str, Any]:
        """The keyword arguments of ``desktop.core.analysis.chronology`` the switches ask
        for: which statuses, and whether publication dates are listed."""
        return {
            "statuses": self.statuses(),
            "include_reporting": self.include_reporting.isChecked(),
        }

    def set_entries(self, entries: Sequence[ChronologyRow]) -> None:
        self.model.set_records(entries)
        self.timeline.set_entries(entries)
        undated = sum(1 for e in entries if not e.lower)
        text = self.tr("%Ln dates", "", len(entries))
        if undated:
            text += self.tr(" ({u} recurring or without a year, listed last)").format(u=undated)
        self.summary.setText(text + self.tr(" · click a date to select it, double-click to open"))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _timeline_clicked(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _open(self, index: QModelIndex) -> None:
        entry: Any = index.data(RecordRole)
        if isinstance(entry, ChronologyRow):
            self.open_passage.emit(entry.document_ref, entry.start, entry.end)
