"""The language of the window: chosen from the system locale or a setting, at start.

The catalogues are built from ``desktop/ui/i18n/catena_*.ts`` by ``make`` (the .qm files
are not kept in git). Qt's own dialogs (buttons such as "Cancel" in a QMessageBox)
are translated by its qtbase catalogue where PySide6 ships one. The choice is read
once, before the window is built, because every label is set when its widget is made;
a new choice therefore takes effect at the next start, and the menu says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from db.date_locales import date_locale

SETTING = "display/language"
CATALOGUES = Path(__file__).resolve().parent / "i18n"
LANGUAGE_NAMES = {"en": "English", "az": "Azərbaycanca", "ru": "Русский"}
"""Each language named in itself, so a person who cannot read the current one finds theirs."""


# Qt's own standard buttons (QDialogButtonBox, QMessageBox), in Qt's context. PySide6
# ships a qtbase catalogue for Russian but none for Azerbaijani, so Catena's catalogues
# carry these words too (its own is installed first; Qt's, where present, wins).
QT_BUTTONS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
)


def system_language() -> str:
    """The supported language of the system locale; English for any other."""
    return date_locale(QLocale.system().name())


def chosen_language(settings: QSettings) -> str:
    """The setting if it names a supported language, else the system's ("" = system)."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in LANGUAGE_NAMES else system_language()


def install_language(
    language: str, app: QCoreApplication | None = None, *, folder: Path = CATALOGUES
) -> list[QTranslator]:
    """Load Catena's and Qt's catalogues for *language* into the application.

    Returns the translators installed (kept referenced by the application, so they are
    not collected). English installs Catena's catalogue for its plural forms only. A
    catalogue that is missing (a source checkout before ``make``) leaves the strings in
    English rather than failing.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for old in getattr(app, "_catena_translators", []):
        app.removeTranslator(old)
    language = language if language in LANGUAGE_NAMES else "en"
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, place in (
        (f"catena_{language}", str(folder)),
        (f"qtbase_{language}", qt_folder),
    ):
        translator = QTranslator(app)
        if translator.load(name, place) and app.installTranslator(translator):
            installed.append(translator)
    app._catena_translators = installed  # type: ignore[attr-defined]
    app._catena_language = language  # type: ignore[attr-defined]
    return installed


def installed_language() -> str:
    """The language ``install_language`` last gave the application (English before)."""
    return str(getattr(QCoreApplication.instance(), "_catena_language", "en"))


def catalogue_path(language: str) -> Path:
    """Where the built catalogue of *language* is expected (for checks and messages)."""
    return CATALOGUES / f"catena_{language}.qm"


def add_language_menu(window: Any, view_menu: QMenu) -> None:
    """View ▸ Language ▸ System / English / Azərbaycanca / Русский (at the next start)."""
    menu = view_menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(window)
    current = str(window.settings.value(SETTING, "") or "")
    system = QCoreApplication.translate("LanguageMenu", "System ({language})")
    choices = {"": system.format(language=LANGUAGE_NAMES[system_language()]), **LANGUAGE_NAMES}
    window.language_actions = {}
    for code, name in choices.items():
        action = QAction(name, window)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _on=False, code=code: choose_language(window, code))
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[code] = action
    menu.addSeparator()
    note = menu.addAction(
        QCoreApplication.translate("LanguageMenu", "The window changes language at the next start")
    )
    note.setEnabled(False)


def choose_language(window: Any, code: str) -> None:
    """Keep the choice; say that it applies when Catena next starts."""
    window.settings.setValue(SETTING, code)
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "LanguageMenu", "Language saved: Catena will use it from the next start"
        ),
        8000,
    )
