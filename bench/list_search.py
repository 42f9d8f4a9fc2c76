"""The window's document list at scale: the real Qt model and view, offscreen.

``bench/run.py`` times the core (search, facets, the list's two queries). This script
times what the person waits for in the window on a catalogue ``bench/run.py --keep``
left behind: opening it and painting the first page of the table; a search typed
into the field (ranked by relevance, Match column with snippets, first page painted);
the facet counts behind "Refine"; and Select All in the table (then the references
of every selected row, as Trash or Dossier reads them).

    .venv/bin/python bench/list_search.py /tmp/benchwork/Bench-100000.catena
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QTableView

from bench.run import MEDIUM, QUERIES
from db.catalogue import Catalogue
from desktop.core.scope import Scope, facets_of
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    DocumentTableModel,
    selected_rows,
)

MATCH = COLUMN_KEYS.index("match")


def _ms(work: Callable[[], Any], repeats: int) -> dict[str, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "max_ms": round(times[-1], 1),
    }


def _paint(app: QApplication, view: QTableView) -> None:
    view.viewport().repaint()
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogue", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    start = time.perf_counter()
    catalogue = Catalogue.open(args.catalogue, daily_backup=False)
    model = DocumentTableModel(catalogue)
    model.set_review_shown(False)
    view = QTableView()
    view.resize(1200, 800)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    # as the window does (MainWindow._attach_model): the header's own selection
    view.horizontalHeader().setSelectionModel(QItemSelectionModel(model, view))
    view.show()
    _paint(app, view)
    results: dict[str, Any] = {
        "catalogue": str(args.catalogue),
        "documents": model.rowCount(),
        "open_and_first_paint_ms": round((time.perf_counter() - start) * 1000, 1),
    }
    model.set_match_shown(True)

    def search(query: str) -> None:
        model.set_filter(query, sort=(MATCH, Qt.SortOrder.AscendingOrder))
        _paint(app, view)

    for label, query in QUERIES.items():
        search(query)  # warm
        results[f"list search {label}"] = {
            **_ms(lambda q=query: search(q), args.repeats),
            "rows": model.rowCount(),
        }
        print(label, results[f"list search {label}"], flush=True)
    model.set_filter("")

    def select_all() -> None:  # what the window does: select, count, show the count
        view.selectAll()
        rows = selected_rows(view.selectionModel().selection())
        assert len(rows) == model.rowCount()
        _paint(app, view)
        view.clearSelection()

    results["select all (view)"] = _ms(select_all, args.repeats)
    view.selectAll()
    results["refs of all selected rows"] = _ms(
        lambda: model.refs_at(selected_rows(view.selectionModel().selection())), 3
    )
    view.clearSelection()
    for label, query in (("medium", MEDIUM), ("everything", "")):
        results[f"refine counts ({label})"] = _ms(
            lambda q=query: facets_of(catalogue, scope=Scope(), text=q), 3
        )
    catalogue.close()
    text = json.dumps(results, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
