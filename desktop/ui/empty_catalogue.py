"""What the document list shows in a catalogue with no documents yet: how to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyCatalogueOffer(QWidget):
    """Shown instead of the list when a catalogue has no documents yet."""

    import_files = Signal()
    import_samples = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr(
                "This catalogue is empty.\n\nDrop files here, use File ▸ Import Files… (Ctrl+I),\n"
                "or start with Catena's sample documents."
            )
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        files_button = QPushButton(self.tr("Import Files…"))
        samples_button = QPushButton(self.tr("Import Sample Documents"))
        samples_button.setObjectName("importSamplesButton")
        files_button.clicked.connect(self.import_files)
        samples_button.clicked.connect(self.import_samples)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(files_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(samples_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
