"""The window in Azerbaijani and Russian: every string translated, plurals and dates by locale.

Two checks from opposite ends: pyside6-lupdate is run over the code (into copies of the
committed .ts) and every string it finds must have a finished translation; and the
window itself is built in English and in each language, every view visited, and no
text may be the same at the same place in both (strings never marked for translation
show up there, since lupdate cannot see them).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from db.catalogue import Catalogue
from db.date_input import read_date_input
from desktop.ui.language import LANGUAGE_NAMES, install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import ImmediateRunner
from tests.ui.visible_text import Texts, untranslated, visible_texts
from tools import i18n

LANGUAGES = ("az", "ru")
# Texts that are rightly the same in every language: names of languages in themselves,
# citation styles and formats, and the program's name.
SAME_EVERYWHERE = {
    *LANGUAGE_NAMES.values(),
    "Azərbaycan",
    "URL",
    "OK",
    "EDTF",
    "BibTeX",
    "Format",  # Azerbaijani "Format" is the English word
    "Chicago",
    "APA",
    "MLA",
}
# Where the window shows the catalogue's own words (titles, a figure's categories and
# the quotes it can be part of); the window title is "Catena — <catalogue name>".
DATA_WIDGETS = ("documentHeading", "categoryCombo", "partOfCombo")


def shows_data(place: str, prop: str) -> bool:
    if place.endswith(":window") and prop == "windowTitle":
        return True
    if place.endswith("partOfCombo") and prop == "item0":
        return False  # "(not part of another figure)"
    return place.endswith(DATA_WIDGETS)


VIEWS = ("library", "people", "chronology", "figures", "images", "review", "trash", "events")


@pytest.fixture
def language(qapp, english_catalogue: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Switch the application's language (catalogues compiled by tests/ui/conftest.py)."""

    def switch(code: str) -> None:
        install_language(code, qapp, folder=english_catalogue)

    yield switch
    install_language("en", qapp, folder=english_catalogue)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_lupdate_finds_in_the_code_has_a_finished_translation(
    code: str, tmp_path: Path
) -> None:
    committed = i18n.read_ts(i18n.ts_path(code))
    fresh = tmp_path / f"catena_{code}.ts"
    shutil.copy(i18n.ts_path(code), fresh)
    i18n.refresh(fresh, code)
    found = i18n.read_ts(fresh)
    unfinished = [f"{m.context}: {m.source!r}" for m in found if not m.finished]
    assert not unfinished, f"{len(unfinished)} strings lack a {code} translation: {unfinished}"
    stale = {(m.context, m.source) for m in committed} ^ {(m.context, m.source) for m in found}
    assert not stale, f"catena_{code}.ts is stale; run `python -m tools.i18n update`: {stale}"
    needed_forms = 3 if code == "ru" else 2
    short = [m.source for m in found if m.plural and len(m.forms) != needed_forms]
    assert not short, f"plurals without {needed_forms} forms in {code}: {short}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_placeholders_and_one_accelerator(code: str) -> None:
    import re

    placeholder = re.compile(r"\{[^{}]*\}|%L?n|%\d")
    wrong = []
    for message in i18n.read_ts(i18n.ts_path(code)):
        wanted = sorted(placeholder.findall(message.source))
        for form in message.forms:
            if sorted(placeholder.findall(form)) != wanted:
                wrong.append((message.source, form))
            accelerators = len(re.findall(r"&(?!&)", form))
            if accelerators != len(re.findall(r"&(?!&)", message.source)):
                wrong.append((message.source, form))
    assert not wrong


def _window(catalogue: Catalogue, settings_file: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(
        catalogue,
        runner=ImmediateRunner(),
        settings=QSettings(str(settings_file), QSettings.Format.IniFormat),
        open_catalogue=lambda p: Catalogue.open(p),
    )
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    return window


def _every_view(window: MainWindow) -> Texts:
    """The texts of each view in turn, with a document open in the library."""
    texts: Texts = {}
    for view in VIEWS:
        window.sidebar.choose(view)
        if view == "library":
            window.select_ref("CAT-000002")
        QCoreApplication.processEvents()
        texts.update(
            {(f"{view}:{place}", prop): t for (place, prop), t in visible_texts(window).items()}
        )
    window.open_review_queue()
    QCoreApplication.processEvents()
    texts.update({(f"queue:{p}", q): t for (p, q), t in visible_texts(window).items()})
    for name, open_dialog in (
        ("dossier", window.open_dossier_dialog),
        ("export", window.open_export_dialog),
    ):
        dialog = open_dialog()
        QCoreApplication.processEvents()
        texts.update({(f"{name}:{p}", q): t for (p, q), t in visible_texts(dialog).items()})
        dialog.close()
    return texts


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_visible_text_stays_english_in_the_window(
    code: str,
    language,
    sample_catalogue: Catalogue,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    language("en")
    english = _every_view(_window(sample_catalogue, tmp_path / "en.ini", qtbot))
    language(code)
    window = _window(sample_catalogue, tmp_path / f"{code}.ini", qtbot)
    translated = _every_view(window)
    # Longer words must wrap or elide, not push the window wider than the screen allows.
    assert window.minimumSizeHint().width() <= 1400
    assert len(translated) > 300  # the walk saw the views, not an empty window
    left = untranslated(english, translated, SAME_EVERYWHERE, shows_data)
    assert not left, f"{len(left)} texts still in English in {code}:\n" + "\n".join(left)


def test_the_translation_test_catches_an_english_label(
    language,
    catalogue: Catalogue,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """The comparison itself: a label never marked for translation is reported, by place."""
    from PySide6.QtWidgets import QLabel

    texts = {}
    for code in ("en", "ru"):
        language(code)
        window = _window(catalogue, tmp_path / f"{code}.ini", qtbot)
        QLabel("Never marked for translation", window).setObjectName("probe")
        texts[code] = visible_texts(window)
    left = untranslated(texts["en"], texts["ru"], SAME_EVERYWHERE, shows_data)
    assert left == [
        "probe text: 'Never marked for translation'",
        "window windowTitle: 'Catena — Test'",
    ]


@pytest.mark.parametrize(
    ("code", "counts"),
    [
        ("en", {1: "1 document", 2: "2 documents", 1234: "1,234 documents"}),
        ("ru", {1: "1 документ", 3: "3 документа", 5: "5 документов", 21: "21 документ"}),
        ("az", {1: "1 sənəd", 5: "5 sənəd"}),
    ],
)
def test_counts_take_the_languages_plural_and_digit_grouping(
    code: str,
    counts: dict[int, str],
    language,  # type: ignore[no-untyped-def]
) -> None:
    language(code)
    for n, expected in counts.items():
        assert QCoreApplication.translate("MainWindow", "%Ln documents", None, n) == expected
    if code == "ru":  # CLDR: Russian groups thousands with a (no-break) space
        text = QCoreApplication.translate("MainWindow", "%Ln documents", None, 1234)
        assert text.replace("\u00a0", " ") == "1 234 документа"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_window_shows_dates_in_its_language_until_told_otherwise(
    code: str,
    language,
    sample_catalogue: Catalogue,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    language(code)
    window = _window(sample_catalogue, tmp_path / "settings.ini", qtbot)
    assert window.date_locale == code
    settings = QSettings(str(tmp_path / "chosen.ini"), QSettings.Format.IniFormat)
    settings.setValue("display/date_locale", "en")
    chosen = MainWindow(
        sample_catalogue,
        runner=ImmediateRunner(),
        settings=settings,
        open_catalogue=lambda p: Catalogue.open(p),
    )
    qtbot.addWidget(chosen)
    assert chosen.date_locale == "en"  # the person's own choice under View ▸ Dates In wins


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_date_fields_examples_are_read_in_each_language(code: str, language) -> None:  # type: ignore[no-untyped-def]
    language(code)
    from desktop.ui.date_field import PLACEHOLDER

    examples = QCoreApplication.translate("DateField", PLACEHOLDER)
    assert examples != PLACEHOLDER
    for example in examples.split(", "):
        assert read_date_input(example), example


def test_the_language_setting_overrides_the_system(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.language import SETTING, chosen_language, system_language

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert chosen_language(settings) == system_language()
    settings.setValue(SETTING, "az")
    assert chosen_language(settings) == "az"
    settings.setValue(SETTING, "xx")  # unknown: back to the system's
    assert chosen_language(settings) == system_language()
