"""The corroboration matrix tab: its table model, and the window showing it for the
sidebar's scope and opening a claim's passage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Collection
from desktop.core.corroboration import corroboration_matrix
from desktop.ui.corroboration_view import CorroborationModel, PassageRole
from tests.core.corroboration_data import build


def test_matrix_model_passes_qtmodeltester(catalogue: Catalogue, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    built = build(catalogue)
    model = CorroborationModel()
    qtmodeltester.check(model, force_py=True)
    model.set_matrix(corroboration_matrix(catalogue))
    qtmodeltester.check(model, force_py=True)
    assert (model.rowCount(), model.columnCount()) == (3, 3 + 5)
    assert model.index(0, 2).data().startswith("≠")
    assert model.headerData(3, Qt.Orientation.Horizontal) == "CAT-000002\n10 March 1987"
    assert model.index(0, 3).data() == "250 “250 dead”"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(built.dam)
    assert model.index(0, 3).data(PassageRole) == ("CAT-000002", 10, 18)
    assert model.index(0, 5).data(PassageRole) is None  # the market report: no claim here


def test_window_matrix_follows_the_sidebar_scope_and_opens_the_passage(
    catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    build(catalogue)
    with catalogue.reading() as session:
        folder_id = session.scalars(select(Collection.id)).one()
    window = make_window(catalogue)
    assert window.sidebar.choose(f"collection:{folder_id}")
    with qtbot.waitSignal(window.view_loaded):
        window.sidebar.choose("figures")
    assert window.pages.currentWidget() is window.figures_page
    model = window.matrix_view.model
    assert [c.ref for c in model.matrix.columns] == ["CAT-000002", "CAT-000001"]
    window.matrix_view.table.clicked.emit(model.index(0, 4))
    assert window.reader.document is not None and window.reader.document.ref == "CAT-000001"
    assert window.sidebar.choose("library")
    with qtbot.waitSignal(window.view_loaded):
        window.sidebar.choose("figures")
    assert len(model.matrix.columns) == 5
