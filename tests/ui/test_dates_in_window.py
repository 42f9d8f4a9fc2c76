"""Dates in the window: typed as people write them (with the EDTF shown as a hint),
shown in words in every view, in the language chosen under View ▸ Dates In."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from db.catalogue import Catalogue
from db.event_records import create as create_event
from db.search.run import search
from db.tags import add_tag
from desktop.core.suggestions import accept_open_suggestions
from desktop.core.views import document_view
from desktop.ui.window_dates import set_date_locale

# What an EDTF code looks like where words should be: "2022-02-26", "199X", "XXXX",
# open ends "../", "/..", an interval "1988/1994", a qualifier "1943~", a season "-21".
RAW_EDTF = re.compile(r"\d{4}-\d{2}|\dX|XXXX|\.\./|/\.\.|\d/\d|\d[~%]|\d{4}\?")
REF = "CAT-000001"


def _cells(model: QAbstractItemModel, skip: set[str]) -> Iterator[tuple[str, str]]:
    """(column title, text) of every displayed cell and header, walking trees too."""
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        for c in range(model.columnCount())
    ]
    yield from (("header", h) for h in headers)

    def walk(parent: QModelIndex) -> Iterator[tuple[str, str]]:
        for row in range(model.rowCount(parent)):
            for column, title in enumerate(headers):
                index = model.index(row, column, parent)
                if title not in skip:
                    yield title, str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            yield from walk(model.index(row, 0, parent))

    yield from walk(QModelIndex())


def _set_published(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = window.metadata.published
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)


def test_published_typed_in_words_shows_its_edtf_and_is_stored_as_edtf(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(sample_catalogue)
    assert window.select_ref(REF)
    _set_published(window, qtbot, "26 Feb 2022")
    hint = window.metadata.published.hint.text()
    assert "2022-02-26" in hint and "26 February 2022" in hint
    qtbot.mouseClick(window.metadata.save_button, Qt.MouseButton.LeftButton)
    assert document_view(sample_catalogue, REF).fields["published"] == "2022-02-26"
    with sample_catalogue.reading() as session:
        assert REF in [hit.ref for hit in search(session, "year:2022").hits]
    # shown back in words: in the field and in the list
    assert window.metadata.published.edit.text() == "26 February 2022"
    column = [c.key for c in window.model._columns].index("published")
    row = next(r for r in range(window.model.rowCount()) if window.model.ref_at(r) == REF)
    assert window.model.index(row, column).data() == "26 February 2022"


def test_published_that_cannot_be_read_is_refused_and_nothing_is_saved(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(sample_catalogue)
    assert window.select_ref(REF)
    before = document_view(sample_catalogue, REF).fields
    window.metadata.edits["publisher"].setText("Someone else")
    _set_published(window, qtbot, "next week")
    hint = window.metadata.published.hint.text()
    assert "Published: cannot read “next week”" in hint and "\n" not in hint
    assert window.metadata.published.hint.font().bold()  # stands out without colour
    qtbot.mouseClick(window.metadata.save_button, Qt.MouseButton.LeftButton)
    assert document_view(sample_catalogue, REF).fields == before
    assert window.undo_action.isEnabled() is False


def test_an_untouched_date_is_not_rewritten_by_a_save(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(sample_catalogue)
    assert window.select_ref(REF)
    stored = document_view(sample_catalogue, REF).fields["published"]
    assert stored and not window.metadata.published.is_edited()
    assert not RAW_EDTF.search(window.metadata.published.edit.text())
    window.metadata.edits["publisher"].setText("Someone else")
    assert "published" not in window.metadata.changes()


def test_the_tag_editor_reads_a_typed_date(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(sample_catalogue)
    assert window.select_ref(REF)
    date = next(t for t in window.reader.tags if t.kind == "date")
    window.reader.place_cursor(date.start + 1)
    editor = window.tag_editor
    assert editor.tag is not None and editor.tag.key == date.key
    assert not RAW_EDTF.search(editor.edtf.text())  # the stored date, in words
    editor.edtf.clear()
    qtbot.keyClicks(editor.edtf, "spring 1943")
    assert "1943-21" in editor.date_field.hint.text()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    stored = {t.key: t for t in document_view(sample_catalogue, REF).tags}[date.key]
    assert stored.values["edtf"] == "1943-21"
    editor.edtf.clear()
    qtbot.keyClicks(editor.edtf, "soonish")
    assert "Date: cannot read “soonish”" in editor.date_field.hint.text()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    stored = {t.key: t for t in document_view(sample_catalogue, REF).tags}[date.key]
    assert stored.values["edtf"] == "1943-21"


def _awkward_dates(catalogue: Catalogue) -> None:
    """Accepted claims with every shape of date a view must put in words."""
    refs = [d.ref for d in _documents(catalogue)]
    accept_open_suggestions(catalogue, refs=refs)
    with catalogue.writing() as session:
        from db.documents import require_document

        document = require_document(session, REF)
        for n, edtf in enumerate(["XXXX-02-26", "2020-36", "199X", "1980/..", "1943~", "../1979"]):
            add_tag(
                session,
                kind="date",
                document=document,
                start=n,
                end=n + 1,
                values={"edtf": edtf, "what": f"case {n}"},
                actor="tester",
            )
            create_event(session, name=f"Event {n}", edtf=edtf, actor="tester")


def _documents(catalogue: Catalogue):  # type: ignore[no-untyped-def]
    from db.documents import list_documents

    with catalogue.reading() as session:
        return list_documents(session)


@pytest.mark.parametrize("locale", ["en", "ru", "az"])
def test_no_view_shows_a_raw_edtf_code(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
    locale: str,
) -> None:
    _awkward_dates(sample_catalogue)
    window = make_window(sample_catalogue)
    set_date_locale(window, locale)
    window.chronology_view.include_suggested.setChecked(True)
    matrix = window.matrix_view.model
    seen: list[tuple[str, str, str]] = []
    for place, model, quotes in (
        ("chronology", window.chronology_view.model, {"As written"}),
        ("figures", window.figures_view.model, {"As written"}),
        ("events", window.events_view.model, set()),
        ("library", window.model, {"Title", "Match"}),
    ):
        window.sidebar.choose(place)
        qtbot.waitUntil(lambda model=model: model.rowCount() > 0)
        seen += [(place, title, text) for title, text in _cells(model, quotes)]
    # The matrix's cells are quotes; its column headers carry the publication dates.
    assert matrix.columnCount() > 3
    seen += [
        ("matrix", "header", text) for title, text in _cells(matrix, set()) if title == "header"
    ]
    raw = [cell for cell in seen if RAW_EDTF.search(cell[2])]
    assert not raw, raw
    dates = {text for _place, _title, text in seen}
    expected = {
        "en": ["26 February, year unknown", "the fourth quarter of 2020", "the 1990s", "from 1980"],
        "ru": ["26 февраля, год неизвестен", "IV квартал 2020 г.", "1990-е годы", "с 1980 г."],
        "az": ["26 fevral, il məlum deyil", "IV rüb 2020", "1990-cı illər", "1980 – …"],
    }[locale]
    for words in expected:
        assert words in dates, (words, sorted(dates)[:40])
    assert window.settings.value("display/date_locale") == locale


def test_the_chosen_language_is_kept_and_restored_at_start(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.setValue("display/date_locale", "az")
    window = make_window(sample_catalogue)
    assert window.date_locale == window.model.date_locale == window.reader.date_locale == "az"
    assert window.date_locale_actions["az"].isChecked()
    window.date_locale_actions["ru"].trigger()
    assert settings.value("display/date_locale") == "ru"
    assert window.select_ref(REF)
    assert "г." in window.metadata.published.edit.text()  # "14 марта 1987 г."
    assert " г." in window.reader.meta.text()


def test_the_published_column_holds_a_long_date_in_the_chosen_language(
    sample_catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.ui.models.documents import COLUMN_KEYS

    window = make_window(sample_catalogue)
    column = COLUMN_KEYS.index("published")
    italic = QFont(window.table.font())
    italic.setItalic(True)
    for code in ("ru", "az", "en"):
        set_date_locale(window, code)
        rows = window.model.rowCount()
        shown = [window.model.index(r, column).data() for r in range(rows)]
        widest = max(QFontMetrics(italic).horizontalAdvance(str(text)) for text in shown)
        assert window.table.columnWidth(column) > widest, (code, shown)
    window.table.setColumnWidth(column, 400)  # the person's wider choice is kept
    set_date_locale(window, "ru")
    assert window.table.columnWidth(column) == 400
