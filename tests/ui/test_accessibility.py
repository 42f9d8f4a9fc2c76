"""Accessibility: every control a screen reader reaches has a name, and the keyboard
reaches every control of every view and dialog and comes back (no focus trap).

The main window is built on the sample catalogue with every view loaded; the dialogs
are the ones the window opens, made with the arguments the window gives them. The
accessibility tree is walked as assistive technology walks it
(``QAccessible.queryAccessibleInterface`` and ``child(i)``), so a control named only
by a nearby label that is not its buddy counts as unnamed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMenu,
    QRadioButton,
    QWidget,
)

from db.catalogue import Catalogue
from desktop.core import claim_links, event_records
from desktop.core import image_attachments as image_ops
from desktop.core.event_claims import linked_claims
from desktop.ingest.pipeline import FileOutcome, ImportReport
from desktop.ui.event_dialog import EventDialog, form_of
from desktop.ui.event_picker import EventPicker
from desktop.ui.event_split_dialog import SplitDialog
from desktop.ui.image_views import ImageViewer
from desktop.ui.import_dialog import ImportJob, ImportReportDialog
from desktop.ui.window_ocr import CorrectionDialog
from tests.ui.test_events_view import _open_events, _two_events

Role = QAccessible.Role
INTERACTIVE_ROLES = {
    Role.Button,
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.SpinBox,
    Role.List,
    Role.Table,
    Role.Tree,
    Role.PageTab,
    Role.PageTabList,
    Role.Slider,
    Role.Dial,
    Role.MenuItem,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.HotkeyField,
    Role.Link,
}


def _label(obj: QObject | None) -> str:
    if obj is None:
        return "?"
    name = obj.objectName()
    label = f"{type(obj).__name__}#{name}" if name else type(obj).__name__
    if isinstance(obj, QAbstractButton) and obj.text():
        label += f"[{obj.text()}]"
    return label


def _walk(
    iface: QAccessibleInterface, path: str, seen: set[int], depth: int = 0
) -> Iterator[tuple[QAccessibleInterface, str]]:
    if depth > 60:  # a cycle in the tree would be a bug of its own
        raise AssertionError(f"accessibility tree deeper than 60 at {path}")
    yield iface, path
    for n in range(iface.childCount()):
        child = iface.child(n)
        if child is None or not child.isValid():
            continue
        key = QAccessible.uniqueId(child)
        if key in seen:
            continue
        seen.add(key)
        obj = child.object()
        step = _label(obj) if obj is not None else f"{child.role().name}[{n}]"
        yield from _walk(child, f"{path}/{step}", seen, depth + 1)


def _named_by_its_combo_box(node: QAccessibleInterface) -> bool:
    """A combo box's drop-down list is read under the combo box's own name."""
    parent = node.parent()
    return (
        node.role() == Role.List
        and parent is not None
        and parent.role() == Role.ComboBox
        and bool(parent.text(QAccessible.Text.Name).strip())
    )


def unnamed_controls(top: QWidget) -> list[str]:
    """Every interactive node under *top* (and in its menus) whose accessible name is
    empty, as "Role: path", each step of the path "Class#objectName"."""
    roots: list[QObject] = [top, *top.findChildren(QMenu)]
    found: list[str] = []
    seen: set[int] = set()
    for root in roots:
        iface = QAccessible.queryAccessibleInterface(root)
        assert iface is not None, f"no accessible interface for {_label(root)}"
        for node, path in _walk(iface, _label(root), seen):
            if node.role() not in INTERACTIVE_ROLES or _named_by_its_combo_box(node):
                continue
            if not node.text(QAccessible.Text.Name).strip():
                found.append(f"{node.role().name}: {path}")
    return found


def interactive_count(top: QWidget) -> int:
    iface = QAccessible.queryAccessibleInterface(top)
    return sum(1 for node, _p in _walk(iface, "", set()) if node.role() in INTERACTIVE_ROLES)


# --- what the window builds and opens -----------------------------------------------------


@pytest.fixture
def window(sample_catalogue: Catalogue, make_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """The main window on the samples with an event, an image and every view loaded."""
    from desktop.ui.screenshots import sample_photo

    _two_events(sample_catalogue)
    claim_links.suggest_event_links(sample_catalogue)
    image_ops.import_and_attach(
        sample_catalogue, document_ref="CAT-000001", paths=[sample_photo(tmp_path)]
    )
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    for key in ("people", "chronology", "figures", "images", "queue", "library"):
        window.sidebar.choose(key)
    window.select_ref("CAT-000001")
    return window


def _dialogs(window: Any) -> dict[str, Callable[[], QDialog]]:
    """How the window makes each dialog it opens, by title (made one at a time: the
    window opens the dossier and export dialogs itself)."""
    catalogue = window.catalogue
    rows = event_records.event_record_rows(catalogue)
    dam = rows[0].ref
    detail = event_records.event_record_detail(catalogue, dam)
    image = image_ops.all_images(catalogue)[0]
    report = ImportReport(
        outcomes=[
            FileOutcome(path="/in/a.txt", status="imported", ref="CAT-000001", title="A"),
            FileOutcome(path="/in/b.bin", status="failed", reason="not text"),
        ]
    )
    locale = window.date_locale
    return {
        "dossier": window.open_dossier_dialog,
        "export": window.open_export_dialog,
        "import report": lambda: ImportReportDialog(report, window),
        "new event": lambda: EventDialog("New Event", rows, None, window, locale=locale),
        "edit event": lambda: EventDialog(
            "Edit Event", rows, form_of(detail), window, own_ref=dam, locale=locale
        ),
        "split event": lambda: SplitDialog(detail, linked_claims(catalogue, dam), window),
        "event picker": lambda: EventPicker("Link to Another Event", "Which event?", rows, window),
        "image viewer": lambda: ImageViewer(image, window._object_path(image.sha256), window),
        "OCR correction": lambda: CorrectionDialog("CAT-000001", "Some text", window),
        "import progress": lambda: (
            ImportJob(catalogue=catalogue, paths=[], runner=window.runner, parent=window).dialog
        ),
    }


def _show(dialog: QWidget, qtbot: Any) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


# --- names ----------------------------------------------------------------------------------


def test_every_control_of_the_main_window_and_its_views_has_a_name(window) -> None:  # type: ignore[no-untyped-def]
    assert interactive_count(window) > 40  # the walk reaches into every view
    unnamed = unnamed_controls(window)
    assert not unnamed, "controls without an accessible name:\n" + "\n".join(unnamed)


def test_every_control_of_every_dialog_has_a_name(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    problems = {}
    for title, make in _dialogs(window).items():
        dialog = make()
        assert interactive_count(dialog) > 0, title
        unnamed = unnamed_controls(dialog)
        if unnamed:
            problems[title] = unnamed
        dialog.close()
    assert not problems, "controls without an accessible name:\n" + "\n".join(
        f"{title}: {line}" for title, lines in problems.items() for line in lines
    )


def _labels_without_buddies(top: QWidget) -> list[str]:
    """Labels with an underlined letter (Alt+letter) that lead nowhere."""
    return [
        label.text()
        for label in top.findChildren(QLabel)
        if "&" in label.text().replace("&&", "") and label.buddy() is None
    ]


def test_every_label_with_a_mnemonic_leads_to_its_field(window) -> None:  # type: ignore[no-untyped-def]
    problems = {"window": _labels_without_buddies(window)}
    for title, make in _dialogs(window).items():
        dialog = make()
        problems[title] = _labels_without_buddies(dialog)
        dialog.close()
    assert not any(problems.values()), problems


def test_a_control_without_a_name_is_reported_by_class_object_name_and_path(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    box = QWidget()
    box.setObjectName("box")
    qtbot.addWidget(box)
    named = QLineEdit()
    named.setAccessibleName("Title")
    unnamed = QLineEdit()
    unnamed.setObjectName("nameless")
    layout = QVBoxLayout(box)
    for widget in (named, unnamed, QPushButton("OK")):
        layout.addWidget(widget)
    assert unnamed_controls(box) == ["EditableText: QWidget#box/QLineEdit#nameless"]


# --- the keyboard ------------------------------------------------------------------------------


def _chosen_by_arrows(widget: QWidget) -> bool:
    """An unticked radio button of a group with a ticked one: Tab goes to the group's
    ticked button and the arrow keys move within the group (the platforms' rule)."""
    if not isinstance(widget, QRadioButton) or widget.isChecked():
        return False
    group = widget.group()
    if group is not None:
        return group.checkedButton() is not None
    siblings = widget.parentWidget().findChildren(QRadioButton) if widget.parentWidget() else []
    return widget.autoExclusive() and any(b.isChecked() for b in siblings)


def _focusable(top: QWidget) -> list[QWidget]:
    """The controls Tab should reach: enabled, shown, taking focus by Tab."""
    return [
        w
        for w in top.findChildren(QWidget)
        if w.window() is top
        and w.isVisibleTo(top)
        and w.isEnabled()
        and bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and w.focusProxy() is None
        and not _chosen_by_arrows(w)
    ]


def tab_round(top: QWidget, qtbot: Any) -> tuple[list[QWidget], bool]:
    """Press Tab from the first control until focus comes back to it (at most twice the
    number of controls): the controls visited, and whether focus came back."""
    _show(top, qtbot)
    controls = _focusable(top)
    assert controls, f"{_label(top)} has nothing to focus"
    start = top.focusWidget() or controls[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    start = QApplication.focusWidget()
    visited = [start]
    for _ in range(2 * len(controls) + 2):
        before = QApplication.focusWidget()
        QTest.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:  # round done, unless Tab was typed into the first control
            return visited, len(visited) > 1 or len(controls) == 1
        if now is before:  # Tab was taken as input: the keyboard cannot leave
            return visited, False
        visited.append(now)
    return visited, False


def test_tab_reaches_every_control_of_every_dialog_and_comes_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    problems = {}
    for title, make in _dialogs(window).items():
        dialog = make()
        visited, returned = tab_round(dialog, qtbot)
        missed = [_label(w) for w in _focusable(dialog) if w not in visited]
        if not returned or missed:
            problems[title] = {
                "came back": returned,
                "missed": missed,
                "order": [_label(w) for w in visited],
            }
        dialog.reject()
    assert not problems, "\n".join(f"{title}: {what}" for title, what in problems.items())


def test_escape_closes_every_dialog(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for title, make in _dialogs(window).items():
        dialog = make()
        _show(dialog, qtbot)
        focus = dialog.focusWidget() or dialog
        QTest.keyClick(focus, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), title


def test_a_focus_trap_is_caught(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    trap = QPlainTextEdit()  # takes Tab as a character unless told otherwise
    for widget in (QLineEdit(), trap, QLineEdit()):
        layout.addWidget(widget)
    visited, returned = tab_round(dialog, qtbot)
    assert not returned and visited[-1] is trap
    trap.setTabChangesFocus(True)
    visited, returned = tab_round(dialog, qtbot)
    assert returned and len(visited) == 3


PLACES = ("library", "people", "events", "figures", "chronology", "images", "queue")


def test_tab_reaches_every_control_of_every_view_and_comes_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    problems = {}
    for key in PLACES:
        assert window.sidebar.choose(key), key
        window.sidebar.setFocus()
        visited, returned = tab_round(window, qtbot)
        missed = [_label(w) for w in _focusable(window) if w not in visited]
        if not returned or missed:
            problems[key] = {
                "came back": returned,
                "missed": missed,
                "order": [_label(w) for w in visited],
            }
    assert not problems, "\n".join(f"{place}: {what}" for place, what in problems.items())


def test_what_type_styles_and_marks_show_is_also_said_in_words(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A screen reader hears no bold, italics or "≠": those cells carry a description."""
    from desktop.ui.models.tree import NodeRole

    window.sidebar.choose("figures")
    with qtbot.waitSignal(window.view_loaded):
        window.figures_view.include_suggested.setChecked(True)
    model = window.figures_view.model
    nodes = model.walk()
    marked = [n for n in nodes if n.bold or (n.italic and n.selectable)]
    assert marked, "the samples give figures to compare"
    for node in marked:
        index = model.index_of(node)
        assert index.data(NodeRole) is node
        assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole), node.texts
    table = window.table
    guessed = [
        table.model().index(row, column)
        for row in range(table.model().rowCount())
        for column in range(table.model().columnCount())
        if table.model().index(row, column).data(Qt.ItemDataRole.FontRole) is not None
    ]
    assert guessed, "the samples have guessed metadata"
    assert all(i.data(Qt.ItemDataRole.AccessibleDescriptionRole) for i in guessed)


def _choices(menu: QMenu) -> bool:
    """A submenu of ticked values (a date role, a language) rather than commands; a
    disabled line that only explains the list (the language's "next start") is not one."""
    return all(a.isCheckable() for a in menu.actions() if not a.isSeparator() and a.isEnabled())


def test_every_menu_and_command_has_a_mnemonic(window) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter reaches every menu and every command in it; the lists of values
    (columns, date languages, recent catalogues) are walked with the arrow keys."""
    value_lists = {window.columns_menu, window.recent_menu}
    missing = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            where = f"{path} ▸ {action.text()}"
            if "&" not in action.text().replace("&&", ""):
                missing.append(where)
            submenu = action.menu()
            if submenu is not None and submenu not in value_lists and not _choices(submenu):
                walk(submenu, where)

    for action in window.menuBar().actions():
        if "&" not in action.text():
            missing.append(action.text())
        walk(action.menu(), action.text())
    assert not missing, "menu entries without a mnemonic:\n" + "\n".join(missing)
