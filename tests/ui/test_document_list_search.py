"""The document list under a search: relevance order within any scope, large
selections read from ranges, references of many rows in few queries."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from db.catalogue import Catalogue
from db.collections import add_to_collection, create_collection
from db.documents import trash_document
from db.models import Document
from db.search import engine as search_engine
from db.search.run import search_ids
from desktop.core.scope import Scope, facets_of
from desktop.ingest.pipeline import import_paths
from desktop.ui.models.documents import COLUMN_KEYS, DocumentTableModel, IdRole, selected_rows

MATCH = COLUMN_KEYS.index("match")


def _ids(model: DocumentTableModel) -> list[int]:
    return [model.index(row, 0).data(IdRole) for row in range(model.rowCount())]


def test_relevance_order_within_a_collection(sample_catalogue: Catalogue, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    catalogue = sample_catalogue  # the samples, imported once per session
    with catalogue.reading() as session:
        ranked = search_ids(session, "commission", order="relevance")
    assert len(ranked) >= 2
    with catalogue.writing() as session:
        letters = create_collection(session, name="Some")
        member = session.get(Document, ranked[-1])
        assert member is not None
        add_to_collection(session, collection_id=letters.id, refs=[member.ref])
        collection_id = letters.id
    model = DocumentTableModel(catalogue)
    model.set_match_shown(True)
    model.set_filter("commission", sort=(MATCH, Qt.SortOrder.AscendingOrder))
    assert _ids(model) == ranked
    model.set_filter("commission", sort=(MATCH, Qt.SortOrder.DescendingOrder))
    assert _ids(model) == ranked[::-1]
    model.set_scope(Scope("collection", collection_id=collection_id))
    assert _ids(model) == [ranked[-1]]
    assert "ommission" in model.index(0, MATCH).data()
    qtmodeltester.check(model, force_py=True)


def test_selected_rows_come_from_ranges_and_refs_in_order(sample_catalogue: Catalogue) -> None:
    catalogue = sample_catalogue  # the samples, imported once per session
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


def _set(model: DocumentTableModel, text: str) -> set[int]:
    model.set_filter(text, sort=(MATCH, Qt.SortOrder.AscendingOrder))
    return set(_ids(model))


def test_a_search_typed_in_a_saved_search_narrows_it(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts(
        {
            "a.txt": "The alpha report on the beta sluice.\n",
            "b.txt": "The alpha report on the gamma weir.\n",
            "c.txt": "A beta note about the gamma weir.\n",
        }
    )
    import_paths(catalogue, [folder])
    with catalogue.writing() as session:
        search_engine.save_search(session, name="Alpha", query="alpha")
    with catalogue.reading() as session:
        both = set(search_ids(session, "alpha gamma"))
        alpha_only = set(search_ids(session, "alpha -gamma"))
    assert len(both) == 1 and len(alpha_only) == 1 and both != alpha_only
    model = DocumentTableModel(catalogue)
    model.set_scope(Scope("saved", query="alpha"))
    assert _set(model, "gamma") == both  # each search keeps its own words
    assert _set(model, "-gamma") == alpha_only
    model.set_filter("gamma")  # reference order: the same rows
    assert set(_ids(model)) == both
    counted = facets_of(catalogue, scope=model.scope, text="gamma")["year"]
    with catalogue.reading() as session:  # Refine counts the same list
        assert search_engine.facets(session, "alpha gamma")["year"] == counted


def test_a_search_in_the_trash_finds_trashed_documents(sample_catalogue: Catalogue) -> None:
    catalogue = sample_catalogue  # the samples, imported once per session
    with catalogue.reading() as session:
        dam = search_ids(session, "dam")
        ref = session.get(Document, dam[0]).ref  # type: ignore[union-attr]
    with catalogue.writing() as session:
        trash_document(session, ref=ref, actor="tester")
    model = DocumentTableModel(catalogue)
    model.set_scope(Scope("trash"))
    assert _set(model, "dam") == {dam[0]}
    model.set_filter("dam")
    assert _ids(model) == [dam[0]]
    model.set_scope(Scope("library"))
    assert dam[0] not in _set(model, "dam")


def test_a_collection_is_ranked_even_when_the_word_is_common_elsewhere(
    sample_catalogue: Catalogue, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import db.search.run as engine

    catalogue = sample_catalogue  # the samples, imported once per session
    with catalogue.reading() as session:
        ranked = search_ids(session, "dam", order="relevance")
    assert len(ranked) >= 3 and ranked != sorted(ranked, reverse=True)
    keep = ranked[:2]
    with catalogue.writing() as session:
        collection = create_collection(session, name="Two")
        refs = [session.get(Document, i).ref for i in keep]  # type: ignore[union-attr]
        add_to_collection(session, collection_id=collection.id, refs=refs)
        collection_id = collection.id
    monkeypatch.setattr(engine, "RANK_LIMIT", 2)  # the library has more than 2 matches
    model = DocumentTableModel(catalogue)
    model.set_scope(Scope("collection", collection_id=collection_id))
    model.set_filter("dam", sort=(MATCH, Qt.SortOrder.AscendingOrder))
    assert _ids(model) == keep  # ranked, not newest first
