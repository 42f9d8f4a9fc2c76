"""Opening an older catalogue from the window: the upgrade is announced while it runs
on a worker thread, and a refused catalogue still raises the message for the person."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from db.catalogue import CatalogueError
from db.engine import make_engine
from db.migrate import alembic_config, head_revision, upgrade, upgrade_pending
from desktop.ui.opening import open_catalogue
from desktop.ui.tasks import ImmediateRunner, ThreadPoolRunner


def _older_catalogue(tmp_path: Path) -> Path:
    script = ScriptDirectory.from_config(alembic_config())
    previous = [rev.revision for rev in reversed(list(script.walk_revisions()))][-2]
    folder = tmp_path / "Older.catena"
    folder.mkdir()
    database = folder / "catalogue.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=folder / "backups", target=previous)
    engine.dispose()
    (folder / "CATENA").write_text("marker\n")
    return folder


def test_an_upgrade_is_announced_while_it_runs(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = _older_catalogue(tmp_path)
    assert upgrade_pending(folder / "catalogue.sqlite")
    seen: list[str] = []

    def look() -> None:
        seen.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )

    QTimer.singleShot(0, look)  # runs inside the dialog's wait
    runner = ThreadPoolRunner()
    catalogue = open_catalogue(folder, runner=runner)
    try:
        assert catalogue.report.migrated_from is not None
        assert catalogue.report.schema == head_revision()
    finally:
        catalogue.close()
        runner.wait()
    assert seen and "Upgrading “Older”" in seen[0]
    assert not any(
        isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_a_current_catalogue_opens_without_a_dialog(catalogue_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened = open_catalogue(catalogue_path, runner=ImmediateRunner())
    try:
        assert opened.report.migrated_from is None
    finally:
        opened.close()


def test_a_refused_upgrade_raises_the_message(tmp_path: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import db.catalogue as module

    folder = _older_catalogue(tmp_path)

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise module.migrate.MigrationError("the disk is read-only; nothing was changed")

    monkeypatch.setattr(module.migrate, "upgrade", refuse)
    with pytest.raises(CatalogueError, match="read-only"):
        open_catalogue(folder, runner=ImmediateRunner())
    assert upgrade_pending(folder / "catalogue.sqlite")


def test_a_read_only_catalogue_opens_with_a_notice_and_import_switched_off(
    catalogue_path: Path, make_window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    import db.catalogue

    shutil.rmtree(catalogue_path / "backups")  # a writable catalogue would be due one
    monkeypatch.setattr(db.catalogue, "catalogue_writable", lambda _folder: False)
    catalogue = open_catalogue(catalogue_path, runner=ImmediateRunner())
    assert catalogue.read_only
    window = make_window(catalogue)
    try:
        assert window.read_only_label.isVisible()
        assert window.read_only_label.text() == "Read-only"
        assert "changes are disabled" in window.read_only_label.toolTip()
        assert not window.import_action.isEnabled()
        window.start_daily_backup()
        assert not (catalogue_path / "backups").exists()
    finally:
        catalogue.close()
