"""The page image beside an OCR text: tagged regions outlined, doubtful words marked.

Shown by the reading pane for documents whose text was read by OCR. The page is
drawn from the stored original off the UI thread (``desktop.core.scans.page_image``
through the window's task runner); the outlines come from each word's box, so a tag
selected in the text shows where on the paper its words are.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.catalogue import Catalogue
from desktop.core import scans
from desktop.core.views import TagView
from desktop.ui.highlight import KINDS
from desktop.ui.originals import one_line_error
from desktop.ui.tasks import ImmediateRunner, TaskRunner

ScanSource = Callable[[], tuple[Catalogue, TaskRunner]]
DOUBTFUL = QColor(213, 94, 0)


class PageCanvas(QWidget):
    """One page image, scaled to the width, with outlines drawn over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanCanvas")
        self.image: QImage | None = None
        self.outlines: list[tuple[str, str, scans.Region, bool]] = []  # kind, status, box, current
        self.doubtful: list[scans.ScanWord] = []
        self.setMinimumWidth(160)

    def page_rect(self) -> QRectF:
        if self.image is None or self.image.isNull():
            return QRectF()
        return QRectF(0, 0, self.width(), self.height())

    def fit(self, width: int, left: float, right: float) -> None:
        """Size the page so its text block (*left*..*right*, fractions of the page) fills
        *width*: letters are legible in a narrow pane; the margins scroll out of view."""
        if self.image is None or self.image.isNull():
            self.setFixedSize(0, 0)
            return
        span = max(0.2, min(1.0, right - left + 0.04))
        page_width = round(width / span)
        self.setFixedSize(page_width, round(page_width * self.image.height() / self.image.width()))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(235, 235, 235))
        page = self.page_rect()
        if self.image is None or page.isEmpty():
            painter.end()
            return
        painter.drawImage(page, self.image)

        def box(left: float, top: float, right: float, bottom: float) -> QRectF:
            return QRectF(
                page.left() + left * page.width(),
                page.top() + top * page.height(),
                (right - left) * page.width(),
                (bottom - top) * page.height(),
            ).adjusted(-2, -2, 2, 2)

        pen = QPen(DOUBTFUL, 1, Qt.PenStyle.DotLine)
        painter.setPen(pen)
        for word in self.doubtful:
            painter.drawRect(box(word.left, word.top, word.right, word.bottom))
        for kind, status, region, current in self.outlines:
            style = KINDS.get(kind)
            colour = QColor(style.colour if style else QColor(80, 80, 80))
            pen = QPen(colour, 3 if current else 2, style.pen if style else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            if status == "accepted" or current:
                fill = QColor(colour)
                fill.setAlpha(90 if current else 45)
                painter.fillRect(box(region.left, region.top, region.right, region.bottom), fill)
            painter.drawRect(box(region.left, region.top, region.right, region.bottom))
        painter.end()


class ScanPane(QWidget):
    """Page image, page buttons and a line saying the text is OCR."""

    page_shown = Signal(int)  # 0-based page, once its image is drawn

    def __init__(self, source: ScanSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPane")
        self._source = source
        self.scan: scans.ScanView | None = None
        self.page = 0
        self._tags: list[TagView] = []
        self._current: TagView | None = None
        self._wanted = 0  # the page last asked for; a late answer for another is dropped
        self._wanted_ref: str | None = None  # the document likewise
        self.caption = QLabel()
        self.caption.setObjectName("scanCaption")
        self.caption.setWordWrap(True)
        self.canvas = PageCanvas()
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(False)
        self.previous_button = QPushButton(self.tr("◀ Page"))
        self.next_button = QPushButton(self.tr("Page ▶"))
        self.previous_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.canvas.setAccessibleName(self.tr("Page image"))
        self.canvas.setAccessibleDescription(
            self.tr("The scanned page; the current tag and doubtful words are outlined")
        )
        self.scroller.setAccessibleName(self.tr("Scanned page"))
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(buttons)
        self.setVisible(False)

    def _catalogue_and_runner(self) -> tuple[Catalogue, TaskRunner] | None:
        return self._source() if self._source is not None else None

    def show_document(self, ref: str | None, tags: Sequence[TagView]) -> None:
        """Show the scan of *ref* (hidden for texts not read by OCR)."""
        self._tags = list(tags)
        found = self._catalogue_and_runner()
        if ref is None or found is None:
            self.scan, self._wanted_ref = None, None
            self.setVisible(False)
            return
        catalogue, runner = found
        same = self.scan is not None and self.scan.ref == ref
        self._wanted_ref = ref
        # The scan's original may have to come from a shared store (S3): read on the
        # task runner, so a slow or failing store never holds up the window.

        def done(scan: scans.ScanView | None) -> None:
            if self._wanted_ref != ref:
                return  # another document was asked for meanwhile
            self.scan = scan
            self.setVisible(scan is not None)
            if scan is not None:
                self.show_page(self.page if same else 0)

        def failed(error: BaseException) -> None:
            if self._wanted_ref != ref:
                return
            self.scan = None
            self.canvas.image = None
            self.caption.setText(
                self.tr("The scan could not be read: {e}").format(e=one_line_error(error))
            )
            self.setVisible(True)

        runner.run(lambda: scans.scan_view(catalogue, ref), on_done=done, on_error=failed)

    def set_current_tag(self, tag: TagView | None) -> None:
        """Outline *tag* more strongly, turning to its page."""
        self._current = tag
        if self.scan is None:
            return
        if tag is not None:
            page = self.scan.page_of(tag.start)
            if page != self.page:
                self.show_page(page)
                return
        self._outline()

    def show_page(self, page: int) -> None:
        scan = self.scan
        found = self._catalogue_and_runner()
        if scan is None or found is None:
            return
        page = max(0, min(page, scan.pages - 1))
        self.page = self._wanted = page
        doubtful = len(scan.doubtful(page))
        self.caption.setText(
            self.tr(
                "OCR text: read from the scan below (page {n} of {total}); "
                "{doubtful} doubtful words dotted"
            ).format(n=page + 1, total=scan.pages, doubtful=doubtful)
        )
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < scan.pages - 1)
        _catalogue, runner = found

        def work() -> bytes:
            out = io.BytesIO()
            scans.page_image(scan, page).convert("L").save(out, format="PNG")
            return out.getvalue()

        def done(png: bytes) -> None:
            if self.scan is not scan or self._wanted != page:
                return  # another document or page was asked for meanwhile
            self.canvas.image = QImage.fromData(png)
            self._fit()
            self._outline()
            self.page_shown.emit(page)

        def failed(error: BaseException) -> None:
            self.canvas.image = None
            self.caption.setText(self.tr("The page image could not be drawn: {e}").format(e=error))
            self.canvas.update()

        runner.run(work, on_done=done, on_error=failed)

    def _outline(self) -> None:
        scan = self.scan
        if scan is None:
            return
        current = self._current
        spans = [(t.kind, t.status, t.start, t.end) for t in self._tags if t.status != "rejected"]
        self.canvas.outlines = [
            (
                kind,
                status,
                region,
                current is not None and region in scan.regions(current.start, current.end),
            )
            for kind, status, region in scans.tag_regions(scan, spans, self.page)
        ]
        self.canvas.doubtful = scan.doubtful(self.page)
        self.canvas.update()
        for _kind, _status, region, is_current in self.canvas.outlines:
            if is_current:  # bring the current tag's words into view
                y = round(region.top * self.canvas.height())
                self.scroller.ensureVisible(0, y, 0, self.scroller.viewport().height() // 3)

    def _fit(self) -> None:
        """Fit the page's text block to the pane's width and scroll to where it starts."""
        if self.scan is None:
            return
        words = [w for w in self.scan.words if w.page == self.page]
        left = min((w.left for w in words), default=0.0)
        right = max((w.right for w in words), default=1.0)
        self.canvas.fit(self.scroller.viewport().width(), left, right)
        x = round((left - 0.02) * self.canvas.width())
        bar = self.scroller.horizontalScrollBar()
        bar.setValue(x)
        # The scroll range follows the new size only once the layout has run.
        QTimer.singleShot(0, lambda: bar.setValue(x))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


__all__ = ["ImmediateRunner", "PageCanvas", "ScanPane", "ScanSource"]
