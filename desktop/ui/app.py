"""Start the Qt application on a catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from db.catalogue import CatalogueError
from desktop import __version__
from desktop.ui.language import chosen_language, install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.opening import open_catalogue
from desktop.ui.tasks import ThreadPoolRunner


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Catena")
    app.setOrganizationName("Catena")
    app.setApplicationVersion(__version__)
    return app


def run_app(path: Path | str, *, create: bool) -> int:
    app = make_application()
    settings = QSettings()
    # Before any widget is made: every label is translated when its widget is built.
    install_language(chosen_language(settings), app)
    runner = ThreadPoolRunner()
    try:
        # An upgrade is shown while it runs; the daily backup is taken once the
        # window shows, off the UI thread.
        catalogue = open_catalogue(path, create=create, runner=runner)
    except CatalogueError as exc:
        QMessageBox.critical(None, "Catena", str(exc))
        return 2
    window = MainWindow(
        catalogue,
        runner=runner,
        settings=settings,
        open_catalogue=lambda p: open_catalogue(p, runner=runner),
    )
    window.show()
    window.start_daily_backup()
    window.resume_suggestion_pass()
    try:
        return int(app.exec())
    finally:
        window.catalogue.close()
