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
from desktop.ui.tasks import TaskRunner, ThreadPoolRunner


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Catena")
    app.setOrganizationName("Catena")
    app.setApplicationVersion(__version__)
    return app


def open_window(
    path: Path | str, *, create: bool, settings: QSettings, runner: TaskRunner
) -> MainWindow | None:
    """Catena's window on *path* as the application starts it: shown, its daily backup
    started off the UI thread, and the suggestions the catalogue still waits for (an
    import from the command line with ``--defer-suggestions``, a pass cut short)
    resumed in the background. None when the catalogue cannot be opened, after a
    dialog has said why."""
    try:
        # An upgrade is shown while it runs.
        catalogue = open_catalogue(path, create=create, runner=runner)
    except CatalogueError as exc:
        QMessageBox.critical(None, "Catena", str(exc))
        return None
    window = MainWindow(
        catalogue,
        runner=runner,
        settings=settings,
        open_catalogue=lambda p: open_catalogue(p, runner=runner),
    )
    window.show()
    window.start_daily_backup()
    window.resume_suggestion_pass()
    return window


def run_app(path: Path | str, *, create: bool) -> int:
    app = make_application()
    settings = QSettings()
    # Before any widget is made: every label is translated when its widget is built.
    install_language(chosen_language(settings), app)
    window = open_window(path, create=create, settings=settings, runner=ThreadPoolRunner())
    if window is None:
        return 2
    try:
        return int(app.exec())
    finally:
        window.catalogue.close()
