"""The review queue, driven by keyboard only, checked against the catalogue's rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import DateTag, Figure, Mention
from desktop.core.review import list_items, parse_item_id

MODELS = {"date": DateTag, "figure": Figure, "mention": Mention}


def _status(catalogue: Catalogue, item: str) -> str:
    kind, number = parse_item_id(item)
    model = MODELS[kind]
    with catalogue.reading() as session:
        return str(session.execute(select(model.status).where(model.id == number)).scalar_one())


def _active(window, qtbot):  # type: ignore[no-untyped-def]
    """Window shortcuts (Ctrl+9, Ctrl+Z) need the window active, as a person's is."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _open_queue(window, qtbot):  # type: ignore[no-untyped-def]
    _active(window, qtbot)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    view = window.review_view
    assert window.pages.currentWidget() is view
    assert QApplication.focusWidget() is view.table
    return view


def _press(qtbot, widget, keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        qtbot.keyClick(widget, key)


def test_review_ten_by_keyboard_undo_and_bulk_reject(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    window = make_window(sample_catalogue)
    view = _open_queue(window, qtbot)
    queue = [i.id for i in list_items(sample_catalogue)]
    assert [i.id for i in view.model.records] == queue and len(queue) > 20
    assert "to review" in window.sidebar.model().index(8, 0).data()

    # What the keys should do: A/R decide the current row, which leaves the list of
    # open suggestions; N steps over a row without deciding it.
    keys = "ARNAARNARANRA"
    expected: dict[str, str] = {}
    waiting, here = list(queue), 0
    for key in keys:
        if key == "N":
            here += 1
            continue
        expected[waiting.pop(here)] = {"A": "accepted", "R": "rejected"}[key]
    assert len(expected) == 10

    steps = window.bench.undo_stack.index()
    for key in keys:
        qtbot.keyClick(view.table, key)
        message = window.statusBar().currentMessage()
        assert message, f"no feedback after {key}"
        if key != "N":
            assert message.startswith(("Accepted", "Rejected")) and "left to review" in message
    assert {i: _status(sample_catalogue, i) for i in expected} == expected
    assert window.bench.undo_stack.index() == steps + 10
    assert [i.id for i in view.model.records] == [i for i in queue if i not in expected]
    assert f"{len(queue) - 10} to review" in window.sidebar.model().index(8, 0).data()

    last = list(expected)[-1]
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _status(sample_catalogue, last) == "suggested"
    assert window.statusBar().currentMessage().startswith("Undone: ")
    assert last in [i.id for i in view.model.records]

    # Bulk: three rows selected with Shift+Down, rejected with one R, undone with one Ctrl+Z.
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = [i.id for i in view.selected_items()]
    assert len(chosen) == 3
    steps = window.bench.undo_stack.index()
    qtbot.keyClick(view.table, "R")
    assert [_status(sample_catalogue, i) for i in chosen] == ["rejected"] * 3
    assert window.bench.undo_stack.index() == steps + 1
    assert "Rejected 3 suggestions" in window.statusBar().currentMessage()
    assert not set(chosen) & {i.id for i in view.model.records}
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [_status(sample_catalogue, i) for i in chosen] == ["suggested"] * 3


def test_enter_opens_the_passage_and_p_goes_back(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    window = make_window(sample_catalogue)
    view = _open_queue(window, qtbot)
    _press(qtbot, view.table, "NNP")
    item = view.current_item()
    assert item is not None and item.id == view.model.record(1).id
    assert window.statusBar().currentMessage().startswith("2 of ")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.library_page
    assert window.reader.document is not None and window.reader.document.ref == item.document_ref
    assert window.reader.text.textCursor().selectedText() == item.quote


def test_review_keys_work_from_the_document_list(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    window = _active(make_window(sample_catalogue), qtbot)
    window.table.setFocus()
    qtbot.keyClick(window.table, "A")  # nothing open yet: says so
    assert "Open a document first" in window.statusBar().currentMessage()
    window.select_ref("CAT-000002")
    window.table.setFocus()
    row = window.table.currentIndex().row()
    qtbot.keyClick(window.table, "N")
    first = window.reader.current_tag
    assert first is not None and first.status == "suggested"
    qtbot.keyClick(window.table, "A")
    assert _status(sample_catalogue, _id(first)) == "accepted"
    assert window.statusBar().currentMessage().startswith("Accepted")
    qtbot.keyClick(window.table, "N")
    second = window.reader.current_tag
    assert second is not None and second.key != first.key
    qtbot.keyClick(window.table, "R")
    assert _status(sample_catalogue, _id(second)) == "rejected"
    assert window.statusBar().currentMessage().startswith("Rejected")
    qtbot.keyClick(window.table, "P")
    assert window.reader.current_tag is not None
    qtbot.keyClick(window.table, "E")
    assert window.inspector.currentWidget() is window.tag_editor
    # The list kept its row: the letters did not go to its type-ahead search.
    assert window.table.currentIndex().row() == row
    assert QApplication.focusWidget() is not window.table  # E put the keyboard in the editor


def _id(tag) -> str:  # type: ignore[no-untyped-def]
    return {"date": "D", "figure": "F", "mention": "P"}[tag.kind] + str(tag.id)


def test_scope_filters_and_edit(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    window = make_window(sample_catalogue)
    window.table.selectRow(1)
    window.table.selectionModel().select(
        window.model.index(2, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    chosen = set(window.selected_refs())
    view = _open_queue(window, qtbot)
    assert {i.document_ref for i in view.model.records} == chosen
    assert "2 selected documents" in view.scope_label.text()
    view.whole.setChecked(True)
    assert len({i.document_ref for i in view.model.records}) == 4

    view.kind.setCurrentIndex(view.kind.findData("date"))
    assert {i.kind for i in view.model.records} == {"date"}
    view.document.setCurrentIndex(view.document.findData("CAT-000003"))
    assert {i.document_ref for i in view.model.records} == {"CAT-000003"}
    assert view.document.count() == 5  # every document of the scope stays choosable

    target = view.current_item()
    assert target is not None
    window.ask_review_value = lambda item: "1987-03-13"
    view.focus_queue()
    qtbot.keyClick(view.table, "E")
    _kind, number = parse_item_id(target.id)
    with sample_catalogue.reading() as session:
        stored = session.get(DateTag, number)
        assert stored is not None and (stored.edtf, stored.status) == ("1987-03-13", "accepted")
    assert "Corrected and accepted" in window.statusBar().currentMessage()
    window.ask_review_value = lambda item: None
    qtbot.keyClick(view.table, "E")
    assert "nothing changed" in window.statusBar().currentMessage()


def test_queue_model_passes_qtmodeltester(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtmodeltester,
    qtbot,
) -> None:
    window = make_window(sample_catalogue)
    view = _open_queue(window, qtbot)
    assert view.model.rowCount() > 0
    qtmodeltester.check(view.model, force_py=True)


def test_a_long_queue_shows_its_first_rows_and_refills(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from desktop.ui import window_review

    monkeypatch.setattr(window_review, "QUEUE_LIMIT", 5)
    window = make_window(sample_catalogue)
    view = _open_queue(window, qtbot)
    everything = [i.id for i in list_items(sample_catalogue)]
    assert [i.id for i in view.model.records] == everything[:5]
    assert f"the first 5 of {len(everything)}" in view.scope_label.text()
    qtbot.keyClick(view.table, "A")
    assert [i.id for i in view.model.records] == everything[1:6]


def test_review_keys_in_the_reading_pane(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    window = _active(make_window(sample_catalogue), qtbot)
    window.select_ref("CAT-000002")
    text = window.reader.text
    window.reader.focus_text()
    _press(qtbot, text, "NN")
    second = window.reader.current_tag
    qtbot.keyClick(text, "P")  # nothing selected: back to the previous suggestion
    first = window.reader.current_tag
    assert first is not None and second is not None and first.start < second.start
    assert first.status == "suggested" and "suggestion" in window.statusBar().currentMessage()
    qtbot.keyClick(text, "R")
    assert _status(sample_catalogue, _id(first)) == "rejected"
    assert window.statusBar().currentMessage().startswith("Rejected")
    qtbot.keyClick(text, "E")  # the rejected tag is gone from the text: says so
    assert "Put the caret on a tag" in window.statusBar().currentMessage()
    _press(qtbot, text, "NE")
    assert window.inspector.currentWidget() is window.tag_editor
    assert "Editing" in window.statusBar().currentMessage()


def test_select_all_is_the_list_not_a_list_of_references(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    window = make_window(sample_catalogue)
    window.table.selectAll()
    assert len(window.selected_refs()) == 4
    view = _open_queue(window, qtbot)
    assert window._review_scope.list_scope is not None  # the list's own conditions
    assert "the whole catalogue" in view.scope_label.text()
    assert len(view.model.records) == len(list_items(sample_catalogue))
