"""The Chronology view shows one row per event date with every source listed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.analysis import chronology
from db.catalogue import Catalogue
from desktop.ui.analysis_views import ChronologyView
from tests.db.test_chronology import KHOJALY, _two_papers


def test_chronology_view_lists_the_sources_of_a_merged_row(
    catalogue: Catalogue,
    qtmodeltester,  # type: ignore[no-untyped-def]
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    _two_papers(catalogue)
    with catalogue.reading() as session:
        rows = chronology(session, include_reporting=True)
    view = ChronologyView()
    qtbot.addWidget(view)
    view.set_entries(rows)
    qtmodeltester.check(view.model, force_py=True)
    model = view.model
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert model.rowCount() == 2  # the night (two sources) and the reporting date

    def cell(title: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(0, headers.index(title)).data(role)

    assert model.record(0).edtf == KHOJALY
    assert cell("What happened") == "Khojaly massacre"
    assert cell("Sources") == "2 sources"
    assert cell("Documents") == "CAT-000001, CAT-000002"
    assert cell("Published") == "2 March 1992, 5 March 1992"
    tooltip = str(cell("Sources", Qt.ItemDataRole.ToolTipRole))
    assert "CAT-000001 (2 March 1992): “25–26 February 1992”" in tooltip
    assert "CAT-000002 (5 March 1992)" in tooltip
    assert model.index(1, headers.index("Sources")).data() == "1 source"
    with qtbot.waitSignal(view.open_passage) as opened:
        view.table.doubleClicked.emit(model.index(0, 0))
    first = rows[0].sources[0]
    assert opened.args == [first.document_ref, first.start, first.end]


def test_publication_dates_are_left_out_until_the_switch_asks_for_them(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from desktop.core import analysis, claim_links
    from desktop.core.views import document_view

    # The samples tag no publication dates: say one date reports rather than dates.
    tag = next(t for t in document_view(sample_catalogue, "CAT-000004").tags if t.quote == "1990")
    claim_links.set_date_role(sample_catalogue, tag_id=tag.id, role="reporting")
    window = make_window(sample_catalogue)
    view = window.chronology_view
    assert not view.include_reporting.isChecked()
    assert view.include_reporting.text() == "Include publication dates"
    view.include_suggested.setChecked(True)  # the samples' dates are suggestions
    with qtbot.waitSignal(window.view_loaded):
        assert window.sidebar.choose("chronology")

    def quotes() -> set[str]:
        return {s.quote for row in view.model.records for s in row.sources}

    statuses = ("accepted", "suggested")
    assert "1990" not in quotes()
    assert view.model.rowCount() == len(analysis.chronology(sample_catalogue, statuses=statuses))
    with qtbot.waitSignal(window.view_loaded):
        view.include_reporting.setChecked(True)
    assert "1990" in quotes()
    assert view.options() == {"statuses": statuses, "include_reporting": True}
    assert view.model.rowCount() == len(
        analysis.chronology(sample_catalogue, statuses=statuses, include_reporting=True)
    )
    with qtbot.waitSignal(window.view_loaded):
        view.include_reporting.setChecked(False)
    assert "1990" not in quotes()
