"""The corroboration matrix: rows by event and counted thing, sources as columns."""

from __future__ import annotations

import pytest

from db.catalogue import Catalogue
from desktop.core.corroboration import CorroborationScopeError, corroboration_matrix
from tests.core.corroboration_data import build


def test_rows_disagreements_first_columns_by_publication(catalogue: Catalogue) -> None:
    built = build(catalogue)
    matrix = corroboration_matrix(catalogue)
    assert [c.ref for c in matrix.columns] == [
        "CAT-000002",  # 1987-03-10
        "CAT-000001",  # 1987-03-14
        "CAT-000004",  # 1990-01-01
        "CAT-000003",  # undated, last
        "CAT-000005",
    ]
    assert [(r.event_ref, r.verdict) for r in matrix.rows] == [
        (built.dam, "differ"),
        (built.market, "agree"),
        (built.wave, "single source"),
    ]
    dam_row = matrix.rows[0]
    assert dam_row.event_name == "Varnel dam collapse" and dam_row.label == "killed"
    assert "different times (10 March 1987 to 14 March 1987)" in dam_row.notes[0]
    cell = dam_row.cells["CAT-000002"]
    claim = cell.headline
    assert (claim.quote, claim.as_written, claim.tag_id) == (
        "250 dead",
        "250",
        built.tag_ids["CAT-000002"],
    )
    assert "Bulletin: 250 dead at the dam."[claim.start : claim.end] == "250 dead"
    assert matrix.cell(dam_row, matrix.columns[2]) is None  # the market report


def test_event_scope_includes_events_within_it(catalogue: Catalogue) -> None:
    built = build(catalogue)
    matrix = corroboration_matrix(catalogue, event=built.dam.lower())
    assert {r.event_ref for r in matrix.rows} == {built.dam, built.wave}
    assert {c.ref for c in matrix.columns} == {"CAT-000001", "CAT-000002", "CAT-000005"}


def test_collection_search_and_refs_narrow_the_documents(catalogue: Catalogue) -> None:
    build(catalogue)
    in_collection = corroboration_matrix(catalogue, collection="dam reports")
    assert [c.ref for c in in_collection.columns] == ["CAT-000002", "CAT-000001"]
    found = corroboration_matrix(catalogue, search="market")
    assert {c.ref for c in found.columns} == {"CAT-000003", "CAT-000004"}
    chosen = corroboration_matrix(catalogue, refs=["cat-000003", "CAT-000005"])
    assert sorted((r.verdict, sorted(r.cells)) for r in chosen.rows) == [
        ("single source", ["CAT-000003"]),
        ("single source", ["CAT-000005"]),
    ]


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        ({"event": "EVT-999999"}, "no event record 'EVT-999999'"),
        ({"collection": "Nowhere"}, "no collection named 'Nowhere'"),
        ({"refs": ["CAT-000099"]}, "no document CAT-000099"),
        ({"collection": "Dam reports", "search": "dam"}, "not several"),
        ({"search": "title:("}, ""),
    ],
)
def test_bad_scopes_are_one_line_refusals(
    catalogue: Catalogue, scope: dict[str, object], message: str
) -> None:
    build(catalogue)
    with pytest.raises(CorroborationScopeError) as refused:
        corroboration_matrix(catalogue, **scope)  # type: ignore[arg-type]
    assert message in str(refused.value) and "\n" not in str(refused.value)


def test_matrix_in_a_sidebar_scope(catalogue: Catalogue) -> None:
    from sqlalchemy import select

    from db.models import Collection
    from desktop.core.corroboration import matrix_in_scope
    from desktop.core.scope import Scope

    build(catalogue)
    with catalogue.reading() as session:
        folder = session.scalars(select(Collection)).one()
        folder_id = folder.id
    in_folder = matrix_in_scope(catalogue, Scope("collection", collection_id=folder_id))
    assert [c.ref for c in in_folder.columns] == ["CAT-000002", "CAT-000001"]
    assert len(matrix_in_scope(catalogue, Scope()).columns) == 5
    assert matrix_in_scope(catalogue, Scope("saved", query="title:(")).rows == ()
