"""The main window's attaching, listing and opening images.

A mixin of ``MainWindow`` (``desktop.ui.main_window``): its methods use the window's
widgets and the ``Workbench``; they hold no state of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from db.catalogue import Catalogue
from desktop.core import image_attachments as image_ops
from desktop.core import views
from desktop.ui.image_views import ImageViewer
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    COLUMNS,
)
from desktop.ui.originals import local_original, one_line_error
from desktop.ui.window_ocr import OcrActions

CatalogueOpener = Callable[[Path | str], Catalogue]
REVIEW = next(c for c in COLUMNS if c.key == "review")
MATCH_COLUMN = COLUMN_KEYS.index("match")
Confirm = Callable[[str, str], bool]


class ImageActions(OcrActions):
    """Attaching, listing and opening images (and, inherited, reading scans with OCR)."""

    # --- images -----------------------------------------------------------------------
    def _object_path(self, sha256: str) -> Path:
        return local_original(self.catalogue.objects, sha256)  # may download: off the UI thread

    def choose_images_to_attach(self) -> None:
        if self.reader.document is None:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach Images"),
            filter=self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.bmp *.webp)"),
        )
        if names:
            self.attach_images(self.reader.document.ref, [Path(n) for n in names])

    def attach_images(self, ref: str, paths: Sequence[Path]) -> None:
        catalogue = self.catalogue
        self.statusBar().showMessage(self.tr("Attaching %Ln image(s)…", "", len(paths)))

        def work() -> image_ops.AttachResult:
            return image_ops.import_and_attach(catalogue, document_ref=ref, paths=list(paths))

        def done(result: image_ops.AttachResult) -> None:
            text = self.tr("{n} image(s) attached to {ref}").format(n=len(result.attached), ref=ref)
            if result.already:
                text += self.tr("; %Ln were already attached", "", len(result.already))
            self.statusBar().showMessage(text, 10_000)
            if result.problems:
                QMessageBox.warning(
                    self, self.tr("Some files were not attached"), "\n".join(result.problems)
                )
            self._images_changed(ref)
            self.images_attached.emit(result)

        self.runner.run(work, on_done=done, on_error=self._failed)

    def open_image(self, image: views.ImageView) -> ImageViewer | None:
        """Open the viewer once the original is here (fetched on the task runner: on S3
        it downloads); a store that fails says so in one line. Returns the viewer when
        it opened at once (an immediate runner), else None."""
        owner = self.reader.document.ref if self.reader.document else ""
        opened: list[ImageViewer] = []

        def show(path: Path) -> None:
            viewer = ImageViewer(image, path, self)
            viewer.save_requested.connect(lambda ref, ch: self.bench.edit_image(ref, ch, owner))
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.open()
            opened.append(viewer)

        def failed(error: BaseException) -> None:
            QMessageBox.warning(
                self,
                self.tr("Cannot open the image"),
                self.tr("{ref}: {error}").format(ref=image.ref, error=one_line_error(error)),
            )

        self.runner.run(lambda: self._object_path(image.sha256), on_done=show, on_error=failed)
        return opened[0] if opened else None
