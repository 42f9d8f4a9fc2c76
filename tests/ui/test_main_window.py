"""The first window, driven through its real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from db.catalogue import Catalogue
from desktop.core.resources import sample_paths
from desktop.ingest.pipeline import import_paths
from desktop.ui.models.documents import DocumentTableModel, RefRole


def test_empty_catalogue_offers_the_samples(catalogue: Catalogue, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(catalogue)
    assert window.list_stack.currentWidget() is window.offer
    assert window.count_label.text() == "0 documents"
    button = window.offer.findChild(QPushButton, "importSamplesButton")
    with qtbot.waitSignal(window.import_finished):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.list_stack.currentWidget() is window.table
    assert window.model.rowCount() == len(sample_paths())
    assert window.count_label.text() == f"{len(sample_paths())} documents"


def test_selecting_a_row_shows_its_text(sample_catalogue: Catalogue, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    catalogue = sample_catalogue  # the samples, imported once per session
    window = make_window(catalogue)
    assert window.model.rowCount() == 4
    window.table.selectRow(1)
    assert window.reader.heading.text().startswith("An open letter")
    assert "Olga Tarasova" in window.reader.text.toPlainText()
    assert window.reader.text.isReadOnly()
    assert "CAT-000002" in window.reader.meta.text()


def test_sorting_by_title_keeps_selection(sample_catalogue: Catalogue, make_window) -> None:  # type: ignore[no-untyped-def]
    catalogue = sample_catalogue  # the samples, imported once per session
    window = make_window(catalogue)
    window.select_ref("CAT-000003")
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    titles = [window.model.index(r, 1).data() for r in range(window.model.rowCount())]
    assert titles == sorted(titles)
    selected = window.table.selectionModel().selectedRows()
    assert [window.model.ref_at(i.row()) for i in selected] == ["CAT-000003"]


def test_import_through_the_window_reports_failures(
    catalogue: Catalogue,
    make_window,  # type: ignore[no-untyped-def]
    qtbot,
    write_texts,
) -> None:
    folder = write_texts({"ok.txt": "A note\n", "odd.bin": b"\x00\x01"})
    window = make_window(catalogue)
    with qtbot.waitSignal(window.import_finished) as blocker:
        window.import_files([folder])
    report = blocker.args[0]
    assert report.imported == 1 and report.failed == 1
    assert window.model.rowCount() == 1
    assert "1 failed" in window.statusBar().currentMessage()


def test_import_runs_off_the_ui_thread(catalogue: Catalogue, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.tasks import ThreadPoolRunner

    runner = ThreadPoolRunner()
    window = make_window(catalogue, runner)
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        window.import_samples()
    assert window.model.rowCount() == 4


def test_switching_catalogues(sample_catalogue: Catalogue, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    catalogue = sample_catalogue  # the samples, imported once per session
    window = make_window(catalogue)
    other = tmp_path / "Other.catena"
    assert window.switch_catalogue(other, create=True)
    assert window.model.rowCount() == 0
    assert "Other" in window.windowTitle()
    assert window.recent_catalogues()[0] == str(other)
    window.catalogue.close()


def test_document_model_passes_qtmodeltester(sample_catalogue: Catalogue, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    catalogue = sample_catalogue  # the samples, imported once per session
    model = DocumentTableModel(catalogue)
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data(RefRole).startswith("CAT-")


def test_document_model_is_lazy(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts({f"d{n:04d}.txt": f"Doc {n}\n" for n in range(450)})
    import_paths(
        catalogue,
        [folder],
        options=__import__("desktop.ingest.pipeline", fromlist=["ImportOptions"]).ImportOptions(
            batch_size=500
        ),
    )
    model = DocumentTableModel(catalogue)
    assert model.rowCount() == 450
    assert len(model._cache) == 0
    assert model.index(420, 1).data() == "Doc 420"
    assert len(model._cache) == 50  # one page: rows 400-449


def _daily_backups(catalogue: Catalogue) -> list[Path]:
    from db.backup import AUTO_PREFIX, SUFFIX

    # The backup files, not their audit-head sidecars (NAME.sqlite.head.json).
    return sorted(catalogue.backups.glob(f"{AUTO_PREFIX}*{SUFFIX}"))


def test_the_daily_backup_is_taken_once_the_window_shows(
    catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    for old in _daily_backups(catalogue):  # as if the last one were from yesterday
        old.unlink()
    window = make_window(catalogue)
    assert _daily_backups(catalogue) == []  # opening the window did not wait for it
    window.start_daily_backup()
    (made,) = _daily_backups(catalogue)
    assert window.statusBar().currentMessage() == f"Daily backup saved: {made.name}"
    window.start_daily_backup()  # not due again today
    assert _daily_backups(catalogue) == [made]


def test_a_failed_daily_backup_is_said_in_the_status_bar(
    catalogue: Catalogue, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import db.catalogue as module
    from db.backup import BackupError

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise BackupError("no space left on the device")

    for old in _daily_backups(catalogue):
        old.unlink()
    monkeypatch.setattr(module, "rotate_backup", full_disk)
    window = make_window(catalogue)
    window.start_daily_backup()
    assert window.statusBar().currentMessage() == (
        f"Daily backup of “{catalogue.name}” failed: no space left on the device"
    )
    assert _daily_backups(catalogue) == []
