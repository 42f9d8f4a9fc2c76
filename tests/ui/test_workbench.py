"""The archivist's workbench, driven through its real widgets: tagging by keyboard,
suggestions, undo, metadata, images, people, cross-source views, trash, dossier."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

from db.catalogue import Catalogue
from db.models import Agent, DateTag, Figure, Mention
from db.tags import tags_of
from desktop.core.views import document_view
from desktop.ui.models.documents import IdRole
from desktop.ui.models.records import RecordRole
from desktop.ui.models.tree import NodeRole

LETTER = "CAT-000002"


@pytest.fixture
def window(catalogue: Catalogue, make_window, qtbot):  # type: ignore[no-untyped-def]
    """A window over the four samples, imported through the window (suggestions on)."""
    win = make_window(catalogue)
    with qtbot.waitSignal(win.import_finished):
        win.import_samples()
    if win.last_report_dialog is not None:
        win.last_report_dialog.close()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _open(window, qtbot, ref: str = LETTER):  # type: ignore[no-untyped-def]
    assert window.select_ref(ref)
    assert window.reader.document is not None and window.reader.document.ref == ref
    window.reader.focus_text()
    qtbot.waitUntil(lambda: window.reader.text.hasFocus())


def _select(window, words: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    text = window.reader.document.text
    start = text.index(words)
    cursor = window.reader.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    window.reader.text.setTextCursor(cursor)
    return start, start + len(words)


def _tags(catalogue: Catalogue, ref: str = LETTER):  # type: ignore[no-untyped-def]
    return document_view(catalogue, ref).tags


def _press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.reader.text, key, modifier)


# --- tagging by keyboard --------------------------------------------------------------


def test_tag_a_date_a_figure_and_a_witness_by_selection_and_shortcut(
    window, catalogue: Catalogue, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _open(window, qtbot)
    with catalogue.writing() as session:  # start from a letter without suggestions
        for _kind, tag in tags_of(session, window.reader.document.id):
            session.delete(tag)
    window.show_document(LETTER)
    window.reader.focus_text()

    start, end = _select(window, "12 to 13 March 1987")
    _press(qtbot, window, Qt.Key.Key_D)
    start_f, end_f = _select(window, "more than 240 of our neighbours")
    _press(qtbot, window, Qt.Key.Key_F)
    start_w, end_w = _select(window, "Kofi Mensah")
    _press(qtbot, window, Qt.Key.Key_W)

    tags = {t.kind: t for t in _tags(catalogue)}
    date, figure, person = tags["date"], tags["figure"], tags["mention"]
    assert (date.start, date.end, date.status) == (start, end, "accepted")
    assert date.values["edtf"] == "1987-03-12/1987-03-13"
    assert (figure.start, figure.end) == (start_f, end_f)
    assert figure.values["value"] == 240 and figure.values["qualifier"] == "more than"
    assert (person.start, person.end) == (start_w, end_w)
    assert person.values["role"] == "witness" and person.values["name"] == "Kofi Mensah"
    # The pane draws the three tags, and the editor shows the one under the caret.
    assert len(window.reader.text.extraSelections()) == 3
    assert window.tag_editor.tag is not None and window.tag_editor.tag.kind == "mention"


def test_selection_is_trimmed_and_tagging_a_suggestion_accepts_it(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open(window, qtbot)
    suggested = next(t for t in _tags(catalogue) if t.quote == "Kofi Mensah")
    assert suggested.status == "suggested"
    count = len(_tags(catalogue))
    _select(window, " Kofi Mensah, ")
    _press(qtbot, window, Qt.Key.Key_W)
    tags = _tags(catalogue)
    assert len(tags) == count  # no duplicate over the suggestion
    now = {t.key: t for t in tags}[suggested.key]
    assert now.status == "accepted" and now.values["role"] == "witness"
    window.undo_action.trigger()  # one step takes back both the accept and the role
    back = {t.key: t for t in _tags(catalogue)}[suggested.key]
    assert back.status == "suggested" and back.values["role"] == "mentioned"


# --- suggestions, undo ---------------------------------------------------------------


def test_accept_reject_and_undo_suggestions_by_keyboard(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open(window, qtbot)
    window.reader.place_cursor(0)
    _press(qtbot, window, Qt.Key.Key_N)
    first = window.reader.current_tag
    assert first is not None and first.status == "suggested"
    _press(qtbot, window, Qt.Key.Key_A)
    accepted = {t.key: t for t in _tags(catalogue)}[first.key]
    assert accepted.status == "accepted"
    if first.kind == "mention":  # accepting a person links the authority record
        assert accepted.values["agent_id"] is not None

    _press(qtbot, window, Qt.Key.Key_N)
    second = window.reader.current_tag
    assert second is not None and second.key != first.key
    _press(qtbot, window, Qt.Key.Key_R)
    assert second.key not in {t.key for t in _tags(catalogue)}  # rejected tags are hidden
    with catalogue.reading() as session:
        model = {"date": DateTag, "figure": Figure, "mention": Mention}[second.kind]
        assert session.get(model, second.id).status == "rejected"

    # Undo the reject, then the accept; redo the accept.
    window.undo_action.trigger()
    assert {t.key: t.status for t in _tags(catalogue)}[second.key] == "suggested"
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {t.key: t.status for t in _tags(catalogue)}[first.key] == "suggested"
    window.redo_action.trigger()
    assert {t.key: t.status for t in _tags(catalogue)}[first.key] == "accepted"
    assert window.reader.current_tag is not None


def test_undo_removes_a_manual_tag_and_redo_restores_it(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open(window, qtbot)
    before = len(_tags(catalogue))
    _select(window, "lived below the spillway")
    _press(qtbot, window, Qt.Key.Key_F)
    assert len(_tags(catalogue)) == before + 1
    window.undo_action.trigger()
    assert len(_tags(catalogue)) == before
    window.redo_action.trigger()
    assert len(_tags(catalogue)) == before + 1
    assert len(window.reader.tags) == before + 1


def test_tag_editor_edits_a_date_and_a_person(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open(window, qtbot)
    date = next(t for t in window.reader.tags if t.quote == "October 1986")
    window.reader.place_cursor(date.start + 1)
    editor = window.tag_editor
    assert editor.tag is not None and editor.tag.key == date.key
    assert editor.edtf.text() == "October 1986"  # the stored date, in words
    editor.edtf.setText("1986-10~")
    assert editor.date_field.hint.text() == "→ 1986-10~  (about October 1986)"
    editor.what.setText("warning given")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    edited = {t.key: t for t in _tags(catalogue)}[date.key]
    assert edited.values["edtf"] == "1986-10~" and edited.values["what"] == "warning given"
    window.undo_action.trigger()
    assert {t.key: t for t in _tags(catalogue)}[date.key].values["edtf"] == "1986-10"

    person = next(t for t in window.reader.tags if t.quote == "Olga Tarasova")
    window.reader.place_cursor(person.start + 1)
    editor.role.setCurrentText("witness")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    editor.record_name.setText("Tarasova, Olga")
    qtbot.mouseClick(editor.link_button, Qt.MouseButton.LeftButton)
    linked = {t.key: t for t in _tags(catalogue)}[person.key]
    assert linked.values["role"] == "witness" and linked.agent_name == "Tarasova, Olga"
    assert editor.names.rowCount() >= 1  # the completer now knows the name


# --- metadata ----------------------------------------------------------------------------


def test_metadata_edit_confirm_undo_and_citation(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open(window, qtbot, "CAT-000001")
    panel = window.metadata
    assert "title" in panel.document.guessed
    assert "(guessed)" in panel.labels["title"].text()
    panel.edits["publisher"].setText("The Northmoor Gazette")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    view = document_view(catalogue, "CAT-000001")
    assert view.fields["publisher"] == "The Northmoor Gazette"
    assert "publisher" not in view.guessed  # editing a field confirms it
    assert window.model.index(0, 3).data() == "The Northmoor Gazette"
    window.undo_action.trigger()
    assert document_view(catalogue, "CAT-000001").fields["publisher"] == "Northmoor Gazette"

    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert not document_view(catalogue, "CAT-000001").guessed
    assert not panel.confirm_button.isEnabled()

    panel.style.setCurrentIndex(panel.style.findData("apa"))
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Dam failure at Halvern" in copied and "(1987" in copied
    assert window.settings.value("citation/style") == "apa"


# --- images ------------------------------------------------------------------------------


def _photo(folder: Path) -> Path:
    from desktop.ui.screenshots import sample_photo

    folder.mkdir(parents=True, exist_ok=True)
    return sample_photo(folder)


def test_drop_an_image_on_the_document_attaches_it(window, catalogue, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _open(window, qtbot)
    photo = _photo(tmp_path / "photos")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.images_attached) as blocker:
        window.reader.dropEvent(event)
    assert len(blocker.args[0].attached) == 1
    assert window.image_model.rowCount() == 1
    assert window.image_strip.isVisibleTo(window)
    assert [i.ref for i in document_view(catalogue, LETTER).images] == blocker.args[0].attached

    viewer = window.open_image(window.image_model.image(0))
    assert viewer.exif_model.rowCount() >= 3  # Make, Model, Artist…
    viewer.area.set_zoom(2.0)
    assert viewer.area.label.width() == 2400
    viewer.caption.setText("The spillway")
    viewer._save()
    assert window.image_model.image(0).caption == "The spillway"


# --- people ---------------------------------------------------------------------------------


def _people(catalogue: Catalogue) -> list[str]:
    from sqlalchemy import select

    with catalogue.reading() as session:
        return list(session.execute(select(Agent.ref)).scalars())


def test_merge_two_people_by_command_and_by_drag(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    from db.people import create_agent

    with catalogue.writing() as session:
        for name in ("Olga Tarasova", "Ольга Тарасова", "O. Tarasova"):
            create_agent(session, name=name, actor="tester")
    window.confirm = lambda _title, _text: True
    with qtbot.waitSignal(window.view_loaded):
        window.sidebar.choose("people")
    view = window.people_view
    rows = {view.model.record(r).name: r for r in range(view.model.rowCount())}
    assert {"Olga Tarasova", "Ольга Тарасова", "O. Tarasova"} <= set(rows)

    view.table.selectRow(rows["Olga Tarasova"])
    view.table.selectionModel().select(
        view.model.index(rows["Ольга Тарасова"], 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    with qtbot.waitSignal(window.view_loaded):
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    names = {view.model.record(r).name: view.model.record(r) for r in range(view.model.rowCount())}
    assert len([n for n in names if "Tarasova" in n or "Тарасова" in n]) == 2
    kept = next(p for p in names.values() if "Ольга Тарасова" in (p.name, *p.variants))

    # Drag "O. Tarasova" onto the kept record: the model asks for the merge.
    source = next(
        r for r in range(view.model.rowCount()) if view.model.record(r).name == "O. Tarasova"
    )
    target = next(r for r in range(view.model.rowCount()) if view.model.record(r).ref == kept.ref)
    mime = view.model.mimeData([view.model.index(source, 0)])
    with qtbot.waitSignal(window.view_loaded):
        view.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, view.model.index(target, 0))
    merged = next(
        view.model.record(r)
        for r in range(view.model.rowCount())
        if view.model.record(r).ref == kept.ref
    )
    assert "O. Tarasova" in (merged.name, *merged.variants)
    assert "O. Tarasova" not in [view.model.record(r).name for r in range(view.model.rowCount())]


def test_every_passage_per_person_opens_the_document(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    from db.suggested_tags import accept_suggestions

    with catalogue.writing() as session:
        from db.documents import list_documents

        for document in list_documents(session):
            accept_suggestions(session, document=document, actor="tester")
    window._catalogue_changed()
    with qtbot.waitSignal(window.view_loaded):
        window.sidebar.choose("people")
    view = window.people_view
    row = next(
        r for r in range(view.model.rowCount()) if view.model.record(r).name == "Imogen Salt"
    )
    view.table.selectRow(row)
    assert view.passages.rowCount() == 1
    index = view.passages.index(0, 2)
    passage = index.data(RecordRole)
    view.passage_table.clicked.emit(index)
    assert window.pages.currentWidget() is window.library_page
    assert window.reader.document.ref == passage.document_ref
    assert window.reader.text.textCursor().selectedText() == "Imogen Salt"


# --- cross-source views ---------------------------------------------------------------


def test_figures_comparison_marks_disagreement_and_jumps_to_the_passage(
    window, catalogue, qtbot
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.view_loaded):
        window.sidebar.choose("figures")
    view = window.figures_view
    assert view.model.rowCount() == 0  # nothing accepted yet
    with qtbot.waitSignal(window.view_loaded):
        view.include_suggested.setChecked(True)
    killed = next(
        view.model.index(r, 0)
        for r in range(view.model.rowCount())
        if view.model.index(r, 0).data(NodeRole).payload.category == "killed"
    )
    assert killed.data().startswith("≠")
    assert "different figures" in view.model.index(killed.row(), 1).data()
    value = view.model.index(0, 0, killed)
    source_index = view.model.index(0, 0, value)
    source = source_index.data(NodeRole).payload
    view.tree.clicked.emit(source_index)
    assert window.reader.document.ref == source.document_ref
    assert window.reader.text.textCursor().selectedText() == source.quote


def test_chronology_orders_dates_and_opens_them(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.view_loaded):
        window.sidebar.choose("chronology")
    with qtbot.waitSignal(window.view_loaded):
        window.chronology_view.include_suggested.setChecked(True)
    view = window.chronology_view
    entries = [view.model.record(r) for r in range(view.model.rowCount())]
    dated = [e.lower for e in entries if e.lower]
    assert dated == sorted(dated) and len(entries) >= 10
    row = next(r for r, e in enumerate(entries) if e.quote == "12 to 13 March 1987")
    view.timeline.entry_clicked.emit(row)
    assert view.table.currentIndex().row() == row
    view.table.doubleClicked.emit(view.model.index(row, 0))
    assert window.reader.document.ref == LETTER
    assert window.reader.text.textCursor().selectedText() == "12 to 13 March 1987"


# --- documents: filter, trash ---------------------------------------------------------


def test_filter_field_and_columns(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    window.filter_edit.setText("Commission")
    window.apply_filter()
    assert window.model.rowCount() >= 1
    window.filter_edit.setText("")
    window.apply_filter()
    assert window.model.rowCount() == 4
    review = [
        c.key for c in __import__("desktop.ui.models.documents", fromlist=["COLUMNS"]).COLUMNS
    ].index("review")
    assert window.table.isColumnHidden(review)
    window.column_actions[review].setChecked(True)
    assert not window.table.isColumnHidden(review)
    assert "suggestions" in window.model.index(0, review).data()
    assert "review" not in window.settings.value("documents/hidden_columns")


def _column(key: str) -> int:
    from desktop.ui.models.documents import COLUMN_KEYS

    return COLUMN_KEYS.index(key)


def test_a_search_ranks_the_list_and_shows_snippets(
    window, catalogue: Catalogue, qtbot, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    from db.search.run import search_ids
    from desktop.ui.models.documents import HtmlRole

    match = _column("match")
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by title, Z first
    assert window.table.isColumnHidden(match)
    window.filter_edit.setText("commission")
    window.apply_filter()
    assert not window.table.isColumnHidden(match)
    assert window.model.sort_key == "match"
    with catalogue.reading() as session:
        ranked = search_ids(session, "commission", order="relevance")
    shown = [window.model.index(row, 0).data(IdRole) for row in range(window.model.rowCount())]
    assert shown == ranked and len(shown) >= 2
    html = window.model.index(0, match).data(HtmlRole)
    plain = window.model.index(0, match).data()
    assert "<b>Commission</b>" in html or "<b>commission</b>" in html
    assert "<b>" not in plain and "ommission" in plain
    qtmodeltester.check(window.model, force_py=True)
    window.grab().save(str(Path(__file__).parent.parent.parent / "build" / "search.png"))

    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the person sorts by title
    titles = [window.model.index(row, 1).data() for row in range(window.model.rowCount())]
    assert titles == sorted(titles)
    window.filter_edit.setText("")
    window.apply_filter()
    assert window.table.isColumnHidden(match)
    assert window.model.sort_key == "title"  # what the person had before searching
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert window.model.rowCount() == 4


def test_a_document_opened_from_a_search_shows_its_matches(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.filter_edit.setText("commission")
    window.apply_filter()
    window.table.selectRow(0)
    reader = window.reader
    text = reader.document.text
    spans = reader.search_spans
    assert spans and all(text[a:b].lower() == "commission" for a, b in spans)
    assert len(spans) == text.lower().count("commission")
    assert reader.text.textCursor().position() == reader.offsets.to_qt(spans[0][0])
    painted = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in reader.text.extraSelections()
    }
    assert {(reader.offsets.to_qt(a), reader.offsets.to_qt(b)) for a, b in spans} <= painted
    window.filter_edit.setText("")
    window.apply_filter()
    assert reader.search_spans == []


def test_hiding_the_match_column_is_remembered(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    match = _column("match")
    window.filter_edit.setText("commission")
    window.apply_filter()
    window.column_actions[match].setChecked(False)
    assert window.table.isColumnHidden(match)
    assert "match" in window.settings.value("documents/hidden_columns")
    assert window.model.index(0, match).data() == ""  # no snippet work for a hidden column
    window.column_actions[match].setChecked(True)
    assert not window.table.isColumnHidden(match)
    assert window.model.index(0, match).data()


def test_refine_counts_the_list_and_narrows_the_search(window, catalogue: Catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    button = window.refine_button
    button.menu().aboutToShow.emit()  # what opening the menu does
    types = button.facet_actions("type")
    assert types, "no type counts"
    counts = {a.data(): int(a.text().rsplit("(", 1)[1].rstrip(")")) for a in types}
    assert sum(counts.values()) == 4
    clause, expected = max(counts.items(), key=lambda item: item[1])
    next(a for a in types if a.data() == clause).trigger()
    assert window.filter_edit.text() == clause
    assert window.model.rowCount() == expected
    button.menu().aboutToShow.emit()  # counts follow the list
    narrowed = button.facet_actions("type")
    assert [a.data() for a in narrowed] == [clause]

    window.sidebar.choose("trash")
    assert not button.isEnabled()


def test_select_all_counts_and_names_every_row(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.table.setFocus()
    window.table.selectAll()
    assert window.statusBar().currentMessage() == "4 documents selected"
    assert window.selected_refs() == [window.model.ref_at(row) for row in range(4)]
    # the header keeps a selection of its own, so painting it never walks the rows
    header = window.table.horizontalHeader()
    assert header.selectionModel() is not window.table.selectionModel()
    assert not header.selectionModel().hasSelection()


def test_a_search_that_is_not_one_is_neither_run_nor_saved(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    from db.search.saved import list_saved_searches

    window.filter_edit.setText('colour:red "unclosed')
    window.apply_filter()
    assert window.model.rowCount() == 0
    assert "colour" in window.scope_label.text() or "quote" in window.scope_label.text()
    assert not window.refine_button.isEnabled()
    window.save_current_search("Broken")
    assert "Not saved" in window.statusBar().currentMessage()
    with catalogue.reading() as session:
        assert list_saved_searches(session) == []


def test_trash_and_restore(window, catalogue, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.select_ref("CAT-000003")
    window.table.setFocus()
    window.trash_action.trigger()
    assert window.model.rowCount() == 3 and window.model.row_of("CAT-000003") is None
    assert window.count_label.text() == "3 documents"
    window.sidebar.choose("trash")
    assert window.model.rowCount() == 1
    window.table.selectRow(0)
    assert window.reader.meta.text().endswith("in the Trash")
    window.restore_action.trigger()
    assert window.model.rowCount() == 0
    window.sidebar.choose("library")
    assert window.model.rowCount() == 4
    window.undo_action.trigger()  # undo the restore: back in the trash
    assert window.model.rowCount() == 3


def test_collections_and_saved_searches_in_the_sidebar(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    collection = window.new_collection("Letters")
    window.select_ref(LETTER)
    window.add_selected_to_collection(collection)
    assert window.sidebar.choose(f"collection:{collection}")
    assert window.model.rowCount() == 1 and window.model.ref_at(0) == LETTER
    window.sidebar.choose("library")
    window.filter_edit.setText("Commission")
    window.save_current_search("Commission papers")
    saved = [
        n for n in window.sidebar.tree_model.walk() if n.texts[0].startswith("Commission papers")
    ]
    assert len(saved) == 1
    window.sidebar.setCurrentIndex(window.sidebar.tree_model.index_of(saved[0]))
    assert window.model.scope.kind == "saved"


# --- dossier --------------------------------------------------------------------------


def test_dossier_dialog_gathers_the_spec_and_prints(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.dossier_dialog import DossierDialog

    window.select_ref("CAT-000001")
    opened: list[Path] = []
    dialog = DossierDialog(
        window.catalogue,
        runner=window.runner,
        selected_refs=window.selected_refs(),
        save_path=lambda _title: tmp_path / "dossier.pdf",
        opener=opened.append,
        parent=window,
    )
    qtbot.addWidget(dialog)
    dialog.title.setText("Halvern")
    dialog.style.setCurrentIndex(dialog.style.findData("mla"))
    dialog.sections["plates"].setChecked(False)
    dialog.include_suggested.setChecked(True)
    values = dialog.spec_values()
    assert values["refs"] == ("CAT-000001",) and values["style"] == "mla"
    assert "plates" not in values["sections"] and values["include_suggested"]
    dialog.use_query.setChecked(True)
    dialog.query.setText("Commission")
    assert dialog.spec_values()["query"] == "Commission" and "refs" not in dialog.spec_values()
    dialog.use_selected.setChecked(True)
    with qtbot.waitSignal(dialog.built, timeout=60_000):
        qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path / "dossier.pdf"]
    assert (tmp_path / "dossier.pdf").read_bytes().startswith(b"%PDF")


def test_ctrl_p_opens_the_dossier_dialog(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.select_ref("CAT-000001")
    window.dossier_action.trigger()
    dialog = QApplication.activeModalWidget() or window.findChild(object, "dossierDialog")
    assert dialog is not None
    assert dialog.use_selected.isChecked()
    dialog.close()
