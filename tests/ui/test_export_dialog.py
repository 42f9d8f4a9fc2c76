"""File ▸ Export through the dialog."""

from __future__ import annotations

import json
from pathlib import Path

from db.catalogue import Catalogue


def test_export_selected_documents_as_csl_json(
    sample_catalogue: Catalogue,
    make_window,
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    catalogue = sample_catalogue  # the samples, imported once per session
    window = make_window(catalogue)
    window.select_ref("CAT-000002")
    dialog = window.open_export_dialog()
    assert dialog.selected.isChecked() and "(1)" in dialog.selected.text()
    dialog.format.setCurrentIndex(dialog.format.findData("csl-json"))
    out = tmp_path / "one.json"
    dialog.output.setText(str(out))
    with qtbot.waitSignal(dialog.exported):
        dialog.start()
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 1 and records[0]["title"].startswith("An open letter")
    assert "Wrote" in dialog.status.text()


def test_export_failure_is_explained(
    catalogue: Catalogue,
    make_window,
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    window = make_window(catalogue)  # an empty catalogue: nothing to export
    dialog = window.open_export_dialog()
    assert dialog.everything.isChecked() and not dialog.selected.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("ris"))
    dialog.output.setText(str(tmp_path / "x.ris"))
    with qtbot.waitSignal(dialog.failed):
        dialog.start()
    assert dialog.status.text().startswith("Nothing was exported")
    assert not (tmp_path / "x.ris").exists()
