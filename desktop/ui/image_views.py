"""Images of a document: a thumbnail strip, and a viewer with zoom, EXIF and captions.

Thumbnails are the small PNGs the importer stored beside each image, so the strip
never decodes a 40-megapixel scan on the UI thread; the viewer loads the original only
when a person opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.views import ImageView
from desktop.ui.date_field import DateField
from desktop.ui.models.records import RecordColumn, RecordTableModel
from desktop.ui.originals import one_line_error

Index = QModelIndex | QPersistentModelIndex
ImageRole = Qt.ItemDataRole.UserRole + 30
THUMB = 96
PathOf = Callable[[str], Path]


class ImageListModel(QAbstractListModel):
    """Images with their thumbnails as icons; pixmaps are made lazily, once each."""

    problem = Signal(str)  # one line: a thumbnail could not be fetched

    def __init__(self, path_of: PathOf, parent: Any = None, *, runner: Any = None) -> None:
        super().__init__(parent)
        self._path_of = path_of
        # With a runner, thumbnails are fetched off the UI thread: on a team catalogue
        # they may come from S3, and a slow store must not freeze the list.
        self._runner = runner
        self._images: list[ImageView] = []
        self._icons: dict[str, QIcon] = {}
        self._fetching: set[str] = set()
        self._problems: dict[str, str] = {}

    def set_images(self, images: Sequence[ImageView]) -> None:
        self.beginResetModel()
        self._images = list(images)
        self.endResetModel()

    def forget_icons(self) -> None:
        """Fetch every thumbnail again (after a refresh: a store may be back)."""
        self._icons.clear()
        self._problems.clear()

    def image(self, row: int) -> ImageView:
        return self._images[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._images)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._images):
            return None
        image = self._images[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return image.caption or image.filename or image.ref
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(image)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [image.ref, f"{image.width}×{image.height} {image.format}"]
            parts += [p for p in (image.caption, image.credit) if p]
            parts += [p for p in (self._problems.get(image.ref),) if p]
            return "\n".join(parts)
        if role == ImageRole:
            return image
        return None

    def _icon(self, image: ImageView) -> QIcon:
        icon = self._icons.get(image.ref)
        if icon is not None:
            return icon
        sha = image.thumbnail_sha256 or image.sha256
        if self._runner is None:
            icon = _icon_of(self._thumbnail_bytes(sha))
            self._icons[image.ref] = icon
            return icon
        if image.ref not in self._fetching:
            self._fetching.add(image.ref)
            self._runner.run(
                lambda: self._thumbnail_bytes(sha),
                on_done=lambda data, ref=image.ref: self._icon_ready(ref, _icon_of(data)),
                on_error=lambda error, ref=image.ref: self._icon_failed(ref, error),
            )
        return self._icons.get(image.ref) or QIcon()  # an immediate runner has set it

    def _thumbnail_bytes(self, sha256: str) -> bytes:
        """The stored thumbnail's bytes (b"" when the store does not hold it); raises
        OSError (the object store's one-line ObjectStoreError) when the store fails."""
        path = self._path_of(sha256)
        return path.read_bytes() if path.is_file() else b""

    def _icon_ready(self, ref: str, icon: QIcon) -> None:
        self._fetching.discard(ref)
        self._icons[ref] = icon
        self._row_changed(ref)

    def _icon_failed(self, ref: str, error: BaseException) -> None:
        self._fetching.discard(ref)
        self._icons[ref] = QIcon()  # not asked again until forget_icons
        text = one_line_error(error)
        self._problems[ref] = text
        self._row_changed(ref)
        self.problem.emit(text)

    def _row_changed(self, ref: str) -> None:
        for row, image in enumerate(self._images):
            if image.ref == ref:
                self.dataChanged.emit(self.index(row), self.index(row))


def _icon_of(data: bytes) -> QIcon:
    pixmap = QPixmap()
    if data:
        pixmap.loadFromData(data)
    return QIcon(pixmap) if not pixmap.isNull() else QIcon()


class ImageStrip(QListView):
    """A row of thumbnails under the text; activating one opens the viewer."""

    open_requested = Signal(object)  # ImageView

    def __init__(self, model: ImageListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageStrip")
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 24, THUMB + 28))
        self.setFixedHeight(THUMB + 44)
        self.setMovement(QListView.Movement.Static)
        self.setToolTip(self.tr("Drop image files on the document to attach them"))
        self.activated.connect(lambda index: self.open_requested.emit(index.data(ImageRole)))


class ImageGrid(QListView):
    """Every image in the catalogue (the sidebar's Images view)."""

    open_requested = Signal(object)

    def __init__(self, model: ImageListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageGrid")
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB * 2, THUMB * 2))
        self.setGridSize(QSize(THUMB * 2 + 24, THUMB * 2 + 36))
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.activated.connect(lambda index: self.open_requested.emit(index.data(ImageRole)))


class ZoomArea(QScrollArea):
    """The picture at a zoom factor; Ctrl+wheel zooms, buttons fit or show 1:1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pixmap = QPixmap()
        self.zoom = 1.0

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self.fit()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.05, min(zoom, 8.0))
        if self._pixmap.isNull():
            self.label.setText(self.tr("The original could not be displayed."))
            self.label.adjustSize()
            return
        size = self._pixmap.size() * self.zoom
        self.label.setPixmap(
            self._pixmap.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.label.resize(size)

    def fit(self) -> None:
        if self._pixmap.isNull():
            self.set_zoom(1.0)
            return
        room = self.viewport().size()
        zoom = min(
            room.width() / max(1, self._pixmap.width()),
            room.height() / max(1, self._pixmap.height()),
        )
        self.set_zoom(min(zoom, 1.0))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * (1.25 if event.angleDelta().y() > 0 else 0.8))
            event.accept()
        else:
            super().wheelEvent(event)


class ImageViewer(QDialog):
    """One image: zoomable picture, caption/credit/rights/date, and its EXIF."""

    save_requested = Signal(str, dict)  # image ref, changes

    def __init__(self, image: ImageView, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.image = image
        self.setWindowTitle(self.tr("Image {ref}").format(ref=image.ref))
        self.resize(980, 640)
        self.area = ZoomArea()
        pixmap = QPixmap()
        if path.is_file():
            pixmap.loadFromData(path.read_bytes())
        zoom_in = QPushButton(self.tr("Zoom In"))
        zoom_out = QPushButton(self.tr("Zoom Out"))
        actual = QPushButton(self.tr("Actual Size"))
        fit = QPushButton(self.tr("Fit"))
        fit.setAccessibleDescription(self.tr("Fit the whole image in the window"))
        self.area.setAccessibleName(self.tr("Image"))
        zoom_in.clicked.connect(lambda: self.area.set_zoom(self.area.zoom * 1.25))
        zoom_out.clicked.connect(lambda: self.area.set_zoom(self.area.zoom * 0.8))
        actual.clicked.connect(lambda: self.area.set_zoom(1.0))
        fit.clicked.connect(self.area.fit)
        zoom_row = QHBoxLayout()
        for button in (zoom_in, zoom_out, actual, fit):
            zoom_row.addWidget(button)
        zoom_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.area, 1)
        left_layout.addLayout(zoom_row)

        self.caption = QLineEdit(image.caption or "")
        self.caption.setObjectName("imageCaption")
        self.credit = QLineEdit(image.credit or "")
        self.rights = QLineEdit(image.rights or "")
        self.taken_field = DateField(self.tr("Taken"))
        self.taken_field.set_value(image.taken)
        self.taken = self.taken_field.edit
        self.caption.setAccessibleName(self.tr("Caption"))
        self.credit.setAccessibleName(self.tr("Credit"))
        self.rights.setAccessibleName(self.tr("Rights"))
        form = QFormLayout()
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Credit"), self.credit)
        form.addRow(self.tr("Rights"), self.rights)
        form.addRow(self.tr("Taken"), self.taken_field)
        facts = QLabel(
            self.tr("{w}×{h} pixels, {fmt} · {file}").format(
                w=image.width, h=image.height, fmt=image.format, file=image.filename or ""
            )
        )
        facts.setWordWrap(True)
        self.exif_model: RecordTableModel[tuple[str, str]] = RecordTableModel(
            [
                RecordColumn(QT_TRANSLATE_NOOP("ImageViewer", "EXIF field"), lambda r: r[0]),
                RecordColumn(QT_TRANSLATE_NOOP("ImageViewer", "Value"), lambda r: r[1]),
            ],
            self,
            context="ImageViewer",
        )
        self.exif_model.set_records(sorted(image.exif.items()))
        exif = QTableView()
        exif.setModel(self.exif_model)
        exif.setAccessibleName(self.tr("EXIF fields"))
        exif.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk it
        exif.verticalHeader().setVisible(False)
        exif.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(facts)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("EXIF (as read from the file)")))
        right_layout.addWidget(exif, 1)
        if not image.exif:
            right_layout.addWidget(QLabel(self.tr("This file carries no EXIF data.")))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.area.set_pixmap(pixmap)

    def changes(self) -> dict[str, Any]:
        wanted = {
            "caption": self.caption.text().strip() or None,
            "credit": self.credit.text().strip() or None,
            "rights": self.rights.text().strip() or None,
            "taken": self.taken_field.typed() or None,
        }
        return {k: v for k, v in wanted.items() if getattr(self.image, k) != v}

    def _save(self) -> None:
        if self.taken_field.refusal() is not None:
            self.taken.setFocus()  # the hint under the field says why; nothing is saved
            return
        changes = self.changes()
        if changes:
            self.save_requested.emit(self.image.ref, changes)
        self.accept()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.area.fit()
