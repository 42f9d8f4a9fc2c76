"""Opening a catalogue from the window, with word of a long upgrade.

A catalogue made by an older Catena is migrated when it is opened; a migration that
recomputes derived data (the near-duplicate bands, say) takes minutes at 100,000
documents. Done silently on the UI thread, that looks like a hang. So when
``db.migrate.upgrade_pending`` says an upgrade is coming, a busy dialog says what is
happening while the upgrade runs on the task runner and the event loop keeps turning.
The daily backup is not taken here: the window takes it once it shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from db.catalogue import DATABASE_NAME, Catalogue, catalogue_writable
from db.migrate import upgrade_pending
from desktop.ui.tasks import TaskRunner
from desktop.ui.team_open import open_server_catalogue


def open_catalogue(
    path: Path | str,
    *,
    runner: TaskRunner,
    create: bool = False,
    parent: QWidget | None = None,
) -> Catalogue:
    """``Catalogue.open`` without the daily backup; raises ``CatalogueError`` as it does."""
    if isinstance(path, str):  # a server catalogue (a URL): upgraded under its own lock
        return open_server_catalogue(path, parent=parent)  # read-only for a reader role
    if not upgrade_pending(path / DATABASE_NAME) or not catalogue_writable(path):
        # (A read-only catalogue cannot be upgraded: opening it says so at once.)
        return Catalogue.open(path, create=create, daily_backup=False)
    dialog = QProgressDialog(
        QCoreApplication.translate(
            "OpenCatalogue",
            "Upgrading “{name}” for this version of Catena.\n"
            "A copy of the catalogue was kept first. A large catalogue can take a few "
            "minutes; please leave Catena open until it is done.",
        ).format(name=path.name.removesuffix(".catena")),
        "",
        0,
        0,
        parent,
    )
    dialog.setObjectName("upgradeDialog")
    dialog.setWindowTitle(QCoreApplication.translate("OpenCatalogue", "Upgrading catalogue"))
    dialog.setCancelButton(None)  # a migration stops only at its end or on an error
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    runner.run(
        lambda: Catalogue.open(path, create=create, daily_backup=False),
        on_done=lambda catalogue: finish("catalogue", catalogue),
        on_error=lambda error: finish("error", error),
    )
    if not outcome:  # a threaded runner: wait here, with the event loop running
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    catalogue: Catalogue = outcome["catalogue"]
    return catalogue


__all__ = ["open_catalogue"]
