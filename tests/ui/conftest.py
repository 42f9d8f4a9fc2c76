"""UI fixtures: offscreen Qt, synchronous task runner, throw-away settings."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):  # type: ignore[no-untyped-def]
    from db.catalogue import Catalogue
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import ImmediateRunner

    def make(catalogue: Catalogue, runner: object | None = None) -> MainWindow:
        window = MainWindow(
            catalogue,
            runner=runner or ImmediateRunner(),
            settings=settings,
            open_catalogue=lambda p: Catalogue.open(p),
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return make
