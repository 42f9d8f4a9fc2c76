"""Help ▸ User Guide (F1): the Markdown guide shown inside the window, offline.

The guide's pages are Markdown files with PNG screenshots (``guide_dir()``: docs/guide/
in a checkout, the same folder inside an installed bundle). QTextBrowser renders
Markdown itself (QTextDocument's CommonMark/GitHub dialect), follows relative links
between pages and loads images relative to the page, so no web browser and no network
are involved. Links that leave the guide (http, mailto) are not followed: the address is
shown in the status line instead, because Catena never opens the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.resources import GUIDE_INDEX, guide_dir

#: Screenshots are full-window grabs (1440 px wide); shown narrower than the page they
#: sit in, so a page never scrolls sideways.
IMAGE_MARGIN = 48


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that shrinks pictures wider than its page to fit it."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        loaded = super().loadResource(kind, name)
        if kind != QTextDocument.ResourceType.ImageResource.value or loaded is None:
            return loaded
        if isinstance(loaded, QPixmap):
            image = loaded.toImage()
        elif isinstance(loaded, QImage):
            image = loaded
        elif isinstance(loaded, QByteArray | bytes):
            image = QImage.fromData(loaded)
        else:
            return loaded
        room = max(320, self.viewport().width() - IMAGE_MARGIN)
        if image.isNull() or image.width() <= room:
            return image
        return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)


class GuideDialog(QDialog):
    """A small help browser over the guide folder: back, forward, contents, find."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder.resolve()
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Catena User Guide"))
        self.resize(980, 760)

        self.browser = GuideBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setAccessibleName(self.tr("User guide page"))
        self.browser.setOpenLinks(False)  # every link goes through follow_link
        self.browser.setSearchPaths([str(self.folder)])
        self.browser.anchorClicked.connect(self.follow_link)

        self.back_button = self._button(self.tr("Back"), self.tr("Previous guide page"))
        self.forward_button = self._button(self.tr("Forward"), self.tr("Next guide page"))
        self.contents_button = self._button(self.tr("Contents"), self.tr("Guide contents"))
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.contents_button.clicked.connect(self.show_contents)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("guideFind")
        self.find_edit.setPlaceholderText(self.tr("Find in this page"))
        self.find_edit.setAccessibleName(self.tr("Find in this guide page"))
        self.find_edit.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find_edit.setFocus)

        self.status = QLabel(self)
        self.status.setObjectName("guideStatus")
        self.status.setAccessibleName(self.tr("Guide status"))

        bar = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.contents_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.find_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        self.show_contents()

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        return button

    def show_contents(self) -> None:
        """Show the guide's first page (its table of contents)."""
        self.open_page(QUrl.fromLocalFile(str(self.folder / GUIDE_INDEX)))

    def open_page(self, url: QUrl) -> None:
        self.browser.setSource(url, QTextDocument.ResourceType.MarkdownResource)
        self.status.clear()

    def follow_link(self, url: QUrl) -> None:
        """Open a page of the guide (or jump within one); anything else is only named."""
        if url.scheme() in ("", "file") and not (url.isRelative() and url.path() == ""):
            target = self.browser.source().resolved(url) if url.isRelative() else url
            page = Path(target.toLocalFile()).resolve()
            inside = page.is_file() and page.is_relative_to(self.folder)
            if inside and page.suffix.lower() == ".md":
                self.open_page(target)
                if target.fragment():
                    self.browser.scrollToAnchor(target.fragment())
                return
        elif url.isRelative() and url.fragment():  # "#section" within the page
            self.browser.scrollToAnchor(url.fragment())
            return
        self.status.setText(
            self.tr("Not opened (Catena does not go online): {address}").format(
                address=url.toString()
            )
        )

    def find_next(self) -> None:
        """Find the typed words after the cursor, wrapping to the top once."""
        words = self.find_edit.text()
        if not words:
            return
        if not self.browser.find(words):
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            if not self.browser.find(words):
                self.status.setText(self.tr("Not found in this page: {words}").format(words=words))
                return
        self.status.clear()


def open_user_guide(parent: QWidget) -> GuideDialog | None:
    """Show the guide (one dialog per window, raised when already open)."""
    existing = parent.findChild(GuideDialog)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    folder = guide_dir()
    if not (folder / GUIDE_INDEX).is_file():
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("GuideDialog", "Catena User Guide"),
            QCoreApplication.translate(
                "GuideDialog", "The user guide is not installed: {path} is missing."
            ).format(path=folder / GUIDE_INDEX),
        )
        return None
    dialog = GuideDialog(folder, parent)
    dialog.show()
    return dialog
