"""The document list under a search: relevance order within any scope, large
selections read from ranges, references of many rows in few queries."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from db.catalogue import Catalogue
from db.models import Document
from db.search.engine import search_ids
from desktop.ingest.pipeline import import_paths
from desktop.samples import sample_paths
from desktop.ui import catalogue_ops as ops
from desktop.ui.models.documents import COLUMN_KEYS, DocumentTableModel, IdRole, selected_rows

MATCH = COLUMN_KEYS.index("match")


def _ids(model: DocumentTableModel) -> list[int]:
    return [model.index(row, 0).data(IdRole) for row in range(model.rowCount())]


def test_relevance_order_within_a_collection(catalogue: Catalogue, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    import_paths(catalogue, sample_paths())
    with catalogue.reading() as session:
        ranked = search_ids(session, "commission", order="relevance")
    assert len(ranked) >= 2
    with catalogue.writing() as session:
        letters = ops.create_collection(session, name="Some")
        member = session.get(Document, ranked[-1])
        assert member is not None
        ops.add_to_collection(session, collection_id=letters.id, refs=[member.ref])
        collection_id = letters.id
    model = DocumentTableModel(catalogue)
    model.set_match_shown(True)
    model.set_filter("commission", sort=(MATCH, Qt.SortOrder.AscendingOrder))
    assert _ids(model) == ranked
    model.set_filter("commission", sort=(MATCH, Qt.SortOrder.DescendingOrder))
    assert _ids(model) == ranked[::-1]
    model.set_scope(ops.Scope("collection", collection_id=collection_id))
    assert _ids(model) == [ranked[-1]]
    assert "ommission" in model.index(0, MATCH).data()
    qtmodeltester.check(model, force_py=True)


def test_selected_rows_come_from_ranges_and_refs_in_order(catalogue: Catalogue) -> None:
    import_paths(catalogue, sample_paths())
    model = DocumentTableModel(catalogue)
    selection = QItemSelection()
    last = model.columnCount() - 1
    selection.select(model.index(2, 0), model.index(3, last))
    selection.select(model.index(0, 0), model.index(0, last))
    selection.select(model.index(3, 0), model.index(3, 2))  # overlaps a row already in
    assert selected_rows(selection) == [0, 2, 3]
    selector = QItemSelectionModel(model)
    selector.select(selection, QItemSelectionModel.SelectionFlag.Select)
    assert selected_rows(selector.selection()) == sorted(
        {i.row() for i in selector.selectedIndexes()}
    )
    assert model.refs_at([3, 0, 99]) == [model.ref_at(3), model.ref_at(0)]
    assert selected_rows(QItemSelection()) == []
