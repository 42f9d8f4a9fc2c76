"""UI fixtures: offscreen Qt, synchronous task runner, throw-away settings."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(scope="session")
def english_catalogue(qapp, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """The window's English catalogue (its plurals: "1 source", "2 sources"), compiled
    from the committed .ts and installed as ``run_app`` does, so the suite does not
    depend on an earlier ``make``."""
    import subprocess

    from desktop.ui.language import install_language
    from tools import i18n

    folder = tmp_path_factory.mktemp("translations")
    for language in ("en", "az", "ru"):
        subprocess.run(
            [
                i18n.qt_tool("pyside6-lrelease"),
                "-silent",
                str(i18n.ts_path(language)),
                "-qm",
                str(folder / f"catena_{language}.qm"),
            ],
            check=True,
        )
    install_language("en", qapp, folder=folder)
    return folder


@pytest.fixture(autouse=True)
def _english_window(english_catalogue: Path) -> None:
    """Every UI test starts in English (a test may switch; see test_translations)."""


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
