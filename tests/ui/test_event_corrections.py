"""The Events view's corrections: split a record, show the trash and restore, and
correct a claim's link by hand (confirm, link elsewhere, unlink, a date's role) —
each from the keyboard or a menu, each undone by the window's one Undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView

from db.catalogue import Catalogue
from desktop.core import claim_links, event_records
from desktop.core.changes import Changes
from desktop.core.event_claims import LinkedClaim, linked_claims
from desktop.ui.event_claims_panel import ClaimsPanel
from desktop.ui.event_picker import EventPicker, matching_rows
from desktop.ui.event_split_dialog import SplitDialog, SplitForm
from tests.ui.test_events_view import _names, _open_events, _two_events


def _linked(window: Any, dam: str) -> tuple[str, str, str]:
    """The dam failure and the inquiry with links suggested, the Events view open on
    the dam failure."""
    inquiry = next(r.ref for r in event_records.event_record_rows(window.catalogue) if r.ref != dam)
    claim_links.suggest_event_links(window.catalogue)
    window.bench.announce(Changes(event_records=True))
    assert window.events_view.select_ref(dam)
    return dam, inquiry, window.events_view.current_ref()


def _row_of(view: Any, wanted: Any) -> int:
    return next(n for n, claim in enumerate(view.claims.records) if wanted(claim))


def _focus(qtbot: Any, widget: Any) -> None:
    """Keys act on the widget with focus, as they do for a person."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _keys(catalogue: Catalogue, ref: str) -> dict[tuple[str, int], LinkedClaim]:
    return {(c.kind, c.tag_id): c for c in linked_claims(catalogue, ref)}


# --- split ------------------------------------------------------------------------------


def test_split_moves_a_name_form_and_a_claim_and_the_edit_menu_undoes_it(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, _inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    _linked(window, dam)
    moved = next(c for c in window.events_view.claims.records if c.kind == "figure")
    asked: list[tuple[str, int]] = []

    def ask(detail: Any, claims: Any) -> SplitForm:
        asked.append((detail.ref, len(claims)))
        return SplitForm(names=("Halvern embankment collapse",), figures=(moved.tag_id,))

    window.ask_split = ask
    window.events_view.split_button.click()
    assert asked == [(dam, len(linked_claims(sample_catalogue, dam)) + 1)]
    new = window.events_view.current_ref()
    assert new not in {"", dam} and "Halvern embankment collapse" in _names(window)
    assert ("figure", moved.tag_id) in {
        (c.kind, c.tag_id) for c in window.events_view.claims.records
    }
    assert ("figure", moved.tag_id) not in _keys(sample_catalogue, dam)
    assert "Split" in window.statusBar().currentMessage()

    undo = window.events_view.undo_button
    assert undo.isEnabled() and undo.text() == "Undo"
    assert undo.toolTip().startswith("Undo Split event")
    undo.click()  # the window's one Undo: the same step Ctrl+Z would undo
    assert "Halvern embankment collapse" not in _names(window)
    assert new not in {r.ref for r in event_records.event_record_rows(sample_catalogue)}
    assert _keys(sample_catalogue, dam)[("figure", moved.tag_id)].status == "suggested"
    window.redo_action.trigger()
    assert "Halvern embankment collapse" in _names(window)


def test_a_refused_split_says_why_in_one_line_and_changes_nothing(
    sample_catalogue: Catalogue, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import desktop.ui.main_window as module

    warnings: list[str] = []
    monkeypatch.setattr(module.QMessageBox, "warning", lambda _w, _t, text: warnings.append(text))
    dam, _inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    assert window.events_view.select_ref(dam)
    window.ask_split = lambda _detail, _claims: SplitForm()  # nothing ticked
    _focus(qtbot, window.events_view.tree)
    qtbot.keyClick(
        window.events_view.tree,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(warnings) == 1 and "\n" not in warnings[0] and "at least one" in warnings[0]
    assert len(_names(window)) == 2 and window.bench.undo_stack.count() == 0


@pytest.fixture
def split_dialog(sample_catalogue: Catalogue, qtbot):  # type: ignore[no-untyped-def]
    """The dialog over the dam failure with links suggested; held until after the
    model tester (which watches its models) is torn down."""
    dam, inquiry = _two_events(sample_catalogue)
    claim_links.suggest_event_links(sample_catalogue)
    claims = linked_claims(sample_catalogue, dam)
    dialog = SplitDialog(event_records.event_record_detail(sample_catalogue, dam), claims)
    qtbot.addWidget(dialog)
    yield dialog, claims, inquiry


def test_split_dialog_lists_what_can_move_and_gathers_the_ticks(
    split_dialog, qtmodeltester, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog, claims, inquiry = split_dialog
    for model in (dialog.names, dialog.children_model, dialog.claims):
        qtmodeltester.check(model, force_py=True)
    assert [n for n, _script in dialog.names.records][:2] == [
        "Halvern dam failure",
        "Halvern Dam Failure",
    ]
    assert [ref for ref, _name in dialog.children_model.records] == [inquiry]
    assert dialog.claims.rowCount() == len(claims)
    assert dialog.form() == SplitForm()
    dialog.names.set_checked(2, True)
    dialog.children_model.set_checked(0, True)
    date_row = next(n for n, c in enumerate(claims) if c.kind == "date")
    table = dialog.findChild(QTableView, "splitClaims")
    dialog.show()
    table.setFocus()
    table.setCurrentIndex(dialog.claims.index(date_row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # Space ticks the current row
    dialog.new_name_edit.setText("  Halvern   flood ")
    assert dialog.form() == SplitForm(
        names=("Halvern embankment collapse",),
        children=(inquiry,),
        dates=(claims[date_row].tag_id,),
        new_name="Halvern flood",
    )
    dialog.names.set_checked(2, False)
    assert dialog.form().names == ()
    assert dialog.names.index(2, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


# --- the trash ----------------------------------------------------------------------------


def test_show_trashed_then_restore_and_undo_the_restore(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    view = window.events_view
    assert view.select_ref(inquiry)
    _focus(qtbot, view.tree)
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert [r.ref for r in view.rows] == [dam]
    assert not view.restore_button.isVisible()
    view.trashed_box.setChecked(True)
    assert view.trashed_action.isChecked() and view.showing_trashed()
    assert [r.ref for r in view.rows] == [inquiry]
    assert "in the Trash" in view.summary.text()
    assert view.select_ref(inquiry)
    assert "In the Trash since" in view.detail.text()
    assert view.restore_button.isVisible() and view.restore_action.isEnabled()
    assert not (view.edit_action.isEnabled() or view.split_action.isEnabled())
    assert not view.trash_button.isVisible() and not view.new_action.isEnabled()

    view.restore_button.click()
    assert not view.trashed_box.isChecked()
    assert [r.ref for r in view.rows] == [dam, inquiry]
    assert view.current_ref() == inquiry
    assert "restored" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert [r.ref for r in view.rows] == [dam]
    assert [r.ref for r in event_records.event_record_rows(sample_catalogue, trashed=True)] == [
        inquiry
    ]


# --- correcting a claim's link -------------------------------------------------------------


def test_claim_links_corrected_by_keyboard_each_one_undoable(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    _linked(window, dam)
    view, table = window.events_view, window.events_view.claim_table
    _focus(qtbot, table)

    def press(key: Qt.Key) -> None:
        qtbot.keyClick(table, key)

    # A date's role: event date (E), then undo.
    date = view.claims.record(_row_of(view, lambda c: c.kind == "date"))
    view.select_claim(_row_of(view, lambda c: c == date))
    press(Qt.Key.Key_R)
    assert _keys(sample_catalogue, dam)[("date", date.tag_id)].role == "reporting"
    assert view.current_claim() is not None and view.current_claim().tag_id == date.tag_id
    assert view.claims_panel.role_actions["reporting"].isChecked()
    window.undo_action.trigger()
    assert _keys(sample_catalogue, dam)[("date", date.tag_id)].role == date.role

    # Confirm a suggested link (A).
    figure = view.claims.record(_row_of(view, lambda c: c.kind == "figure"))
    view.select_claim(_row_of(view, lambda c: c == figure))
    press(Qt.Key.Key_A)
    assert _keys(sample_catalogue, dam)[("figure", figure.tag_id)].status == "accepted"
    assert not view.claims_panel.confirm_action.isEnabled()  # nothing left to confirm

    # Link it to another event (L): the picker offers the other records only.
    offered: list[list[str]] = []

    def pick(claim: LinkedClaim, rows: Any) -> str:
        offered.append([r.ref for r in rows])
        assert claim.tag_id == figure.tag_id
        return inquiry

    window.ask_link_target = pick
    press(Qt.Key.Key_L)
    assert offered == [[inquiry]]
    assert ("figure", figure.tag_id) not in _keys(sample_catalogue, dam)
    assert _keys(sample_catalogue, inquiry)[("figure", figure.tag_id)].status == "accepted"
    assert ("figure", figure.tag_id) not in {(c.kind, c.tag_id) for c in view.claims.records}
    window.undo_action.trigger()
    assert _keys(sample_catalogue, dam)[("figure", figure.tag_id)].status == "accepted"
    window.undo_action.trigger()  # the confirmation
    assert _keys(sample_catalogue, dam)[("figure", figure.tag_id)].status == "suggested"

    # Unlink (U), then undo.
    view.select_claim(_row_of(view, lambda c: c.tag_id == figure.tag_id and c.kind == "figure"))
    press(Qt.Key.Key_U)
    assert ("figure", figure.tag_id) not in _keys(sample_catalogue, dam)
    window.undo_action.trigger()
    assert ("figure", figure.tag_id) in _keys(sample_catalogue, dam)


def test_picking_no_event_or_the_same_role_changes_nothing(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, _inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    _linked(window, dam)
    steps = window.bench.undo_stack.count()
    view = window.events_view
    view.select_claim(0)
    window.ask_link_target = lambda _claim, _rows: None  # the person cancelled
    view.claims_panel.link_button.click()
    date = view.claims.record(_row_of(view, lambda c: c.kind == "date"))
    window.set_claim_date_role(date, date.role)
    assert window.bench.undo_stack.count() == steps


def test_suggested_links_look_different_from_confirmed_ones(
    sample_catalogue: Catalogue, qtmodeltester, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, _inquiry = _two_events(sample_catalogue)
    claim_links.suggest_event_links(sample_catalogue)
    first = linked_claims(sample_catalogue, dam)[0]
    claim_links.confirm_link(sample_catalogue, kind=first.kind, tag_id=first.tag_id)
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.set_claims(linked_claims(sample_catalogue, dam))
    qtmodeltester.check(panel.model, force_py=True)
    model = panel.model
    statuses = [c.status for c in model.records]
    confirmed, suggested = statuses.index("accepted"), statuses.index("suggested")
    link = 4
    assert model.index(confirmed, link).data() == "✓ confirmed"
    assert model.index(suggested, link).data() == "? suggested"
    for column in range(model.columnCount()):
        font = model.index(suggested, column).data(Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.italic()
        assert model.index(confirmed, column).data(Qt.ItemDataRole.FontRole) is None
    kinds = [c.kind for c in model.records]
    assert model.index(kinds.index("figure"), 3).data() == ""
    assert model.index(kinds.index("date"), 3).data() in {
        "event date",
        "reporting date",
        "other date",
        "no role",
    }


def test_link_actions_sit_in_the_context_menu_and_the_events_menu(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, _inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    _linked(window, dam)
    panel = window.events_view.claims_panel
    texts = [a.text() for a in panel.context_menu().actions()]
    assert texts == ["&Confirm Link", "&Link to Another Event…", "&Unlink", "Date &Role"]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "E&vents")
    items = {a.text(): a for a in menu.actions()}
    for text in ("&Split Event…", "Rest&ore Event", "Show Trashed E&vents", "&Confirm Link"):
        assert text in items
    assert items["&Split Event…"].shortcut().toString() == "Ctrl+Shift+S"
    roles = items["Date &Role"].menu()
    assert [a.shortcut().toString() for a in roles.actions()] == ["E", "R", "O", "Backspace"]
    panel.select_claim(_row_of(window.events_view, lambda c: c.kind == "figure"))
    assert not roles.isEnabled() and not panel.role_actions["event"].isEnabled()
    panel.select_claim(_row_of(window.events_view, lambda c: c.kind == "date"))
    assert roles.isEnabled() and panel.role_actions["other"].isEnabled()
    panel.role_actions["other"].trigger()  # from the menu, without the list's focus
    date = panel.current_claim()
    assert date is not None and date.role == "other"
    # With another view showing, the menu's commands have no record or claim at hand.
    assert items["&Split Event…"].isEnabled() and items["&Unlink"].isEnabled()
    assert window.sidebar.choose("library")
    assert not items["&Split Event…"].isEnabled() and not items["&Unlink"].isEnabled()
    assert items["&New Event…"].isEnabled()
    assert window.sidebar.choose("events")
    assert items["&Split Event…"].isEnabled() and items["&Unlink"].isEnabled()


# --- the picker -----------------------------------------------------------------------------


def test_event_picker_narrows_by_any_name_form_and_moves_by_arrow_keys(
    catalogue: Catalogue, qtmodeltester, qtbot
) -> None:  # type: ignore[no-untyped-def]
    war = event_records.create_event_record(catalogue, name="First Karabakh War").value.ref
    event_records.create_event_record(
        catalogue,
        name="Khojaly massacre",
        variants=["Xocalı soyqırımı", "Ходжалинская трагедия"],
        parent_ref=war,
    )
    event_records.create_event_record(catalogue, name="Halvern flood", place="Halvern")
    rows = event_records.event_record_rows(catalogue)
    assert [r.name for r in matching_rows(rows, "xocali")] == ["Khojaly massacre"]
    assert [r.name for r in matching_rows(rows, "ходжалинская")] == ["Khojaly massacre"]
    assert [r.name for r in matching_rows(rows, "HALVERN")] == ["Halvern flood"]
    assert len(matching_rows(rows, " ")) == 3
    picker = EventPicker("Link", "Which event?", rows)
    qtbot.addWidget(picker)
    qtmodeltester.check(picker.model, force_py=True)
    assert picker.chosen_ref() == rows[0].ref
    picker.show()
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    assert picker.chosen_ref() == rows[1].ref
    qtbot.keyClicks(picker.filter_edit, "war")
    assert picker.chosen_ref() == war and picker.ok_button.isEnabled()
    picker.filter_edit.setText("nothing like it")
    assert picker.chosen_ref() == "" and not picker.ok_button.isEnabled()
    qtmodeltester.check(picker.model, force_py=True)
