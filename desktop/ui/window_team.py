"""The main window on a team catalogue: opening one, saying where it is, and showing
what other people changed.

A mixin of ``MainWindow`` (``desktop.ui.main_window``): its methods use the window's
widgets; the little state it keeps is the poll's (the newest audit event seen).

Other people's changes reach a window two ways: View ▸ Refresh (F5) reloads the
lists now, and while the window sits idle on a server catalogue it asks every
``POLL_MS`` for the audit trail's newest event id (one indexed row, on the task
runner) and reloads when that moved. Idle means: no import of its own running and no
poll still out; a poll that fails (server gone) says so once in the status bar and
tries again later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from db.catalogue import CatalogueError
from desktop.core import team
from desktop.ui.originals import one_line_error
from desktop.ui.team_dialog import TeamCatalogueDialog
from desktop.ui.team_open import access_for

POLL_MS = 5000


class TeamActions:
    """Open Team Catalogue…, Refresh, the server/role label and the idle poll."""

    _seen_event: int | None = None
    _poll_out = False
    _poll_failed = False
    _own_change = False  # this window changed the catalogue since the last poll
    _polled: object = None  # the catalogue the poll's starting point belongs to
    _watched: object = None  # the workbench whose changes set _own_change
    refreshes_from_others = 0  # how many times others' changes were loaded (the trial reads it)

    # --- menus ------------------------------------------------------------------------
    def _build_team_actions(self: Any, file_menu: QMenu, view_menu: QMenu) -> None:
        """File ▸ Open Team Catalogue… (after Open Catalogue…) and View ▸ Refresh (F5)."""
        self.team_action = QAction(self.tr("Open &Team Catalogue…"), self)
        self.team_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.team_action.triggered.connect(lambda _c=False: self.choose_team_catalogue())
        file_menu.insertAction(self.recent_menu.menuAction(), self.team_action)
        view_menu.addSeparator()
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)  # F5
        self.refresh_action.triggered.connect(lambda _c=False: self.refresh_from_catalogue())
        view_menu.addAction(self.refresh_action)
        self.server_label = QLabel()
        self.server_label.setObjectName("serverLabel")
        self.statusBar().addPermanentWidget(self.server_label)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self.poll_for_changes)
        for model in (self.image_model, self.all_images):
            model.problem.connect(lambda text: self.statusBar().showMessage(text, 12_000))
        self.import_finished.connect(lambda _report: self._changed_here())

    def _changed_here(self: Any) -> None:
        self._own_change = True

    def _watch_own_changes(self: Any) -> None:
        if self._watched is self.bench:
            return
        self._watched = self.bench
        for signal in (
            self.bench.tags_changed,
            self.bench.documents_changed,
            self.bench.people_changed,
            self.bench.images_changed,
        ):
            signal.connect(lambda *_args: self._changed_here())

    # --- opening ----------------------------------------------------------------------
    def choose_team_catalogue(self: Any) -> TeamCatalogueDialog:
        dialog = TeamCatalogueDialog(self.open_team_location, self)
        recent = [p for p in self.recent_catalogues() if "://" in p]
        if recent:
            dialog.set_location(recent[0])
        dialog.open()
        return dialog

    def open_team_location(self: Any, location: str) -> str | None:
        """Open the team catalogue at *location* in this window; None when it opened,
        else the one line saying why not (the current catalogue stays open)."""
        try:
            new = self._open_catalogue(location)
        except CatalogueError as exc:
            return str(exc)
        self.adopt_catalogue(new)
        return None

    # --- where the window is ----------------------------------------------------------
    def _show_where(self: Any) -> None:
        """Title, status-bar labels and what is switched off, for the open catalogue:
        read-only media, or a server role that may only read."""
        catalogue = self.catalogue
        access = access_for(catalogue) if catalogue.on_server else None
        if access is None:
            self.setWindowTitle(self.tr("Catena — {name}").format(name=catalogue.name))
            _show_short(self.server_label, "", "")
        else:
            self.setWindowTitle(
                self.tr("Catena — {database} on {server}").format(
                    database=access.database, server=access.server
                )
            )
            where = self.tr("{server}/{database} · {role} ({right})").format(
                server=access.server,
                database=access.database,
                role=access.role,
                right=self._right_name(access.right),
            )
            _show_short(self.server_label, where, where)
        self.server_label.setVisible(access is not None)
        read_only = catalogue.read_only
        if access is not None and access.read_only:
            text = self.tr("Read-only for {role}: changes are disabled").format(role=access.role)
        elif read_only:
            text = self.tr("Read-only: {path} cannot be written; changes are disabled").format(
                path=catalogue.location
            )
        else:
            text = ""
        _show_short(self.read_only_label, self.tr("Read-only") if text else "", text)
        self.read_only_label.setVisible(read_only)
        self.import_action.setEnabled(not read_only and (access is None or access.can_import))
        self._watch_own_changes()
        if self._polled is not catalogue:  # a new catalogue: a new starting point
            self._polled, self._seen_event, self._poll_failed = catalogue, None, False
        if catalogue.on_server:
            self._poll_timer.start()
            self.poll_for_changes()  # the starting point
        else:
            self._poll_timer.stop()

    def _right_name(self: Any, right: str) -> str:
        names = {
            "reader": self.tr("reader"),
            "tagger": self.tr("tagger"),
            "editor": self.tr("editor"),
        }
        return names.get(right, right)

    # --- others' changes --------------------------------------------------------------
    def _busy(self: Any) -> bool:
        job = getattr(self, "import_job", None)
        return self._poll_out or (job is not None and not self.import_action.isEnabled())

    def poll_for_changes(self: Any) -> None:
        """Ask for the newest audit event; reload the lists when someone else moved it."""
        if self._busy():
            return
        catalogue = self.catalogue
        self._poll_out = True
        own, self._own_change = self._own_change, False

        def done(moves: team.TrailMoves) -> None:
            self._poll_out = False
            if catalogue is not self.catalogue:
                return
            if self._poll_failed:
                self._poll_failed = False
                self.statusBar().showMessage(self.tr("The server answers again."), 6000)
            seen, self._seen_event = self._seen_event, moves.newest
            # Someone else moved the trail: another actor's events, or any move while
            # this window changed nothing (two people may share a login name).
            if seen is not None and moves.newest != seen and (moves.by_others or not own):
                if self._editing():  # reloading would drop what is being typed: later
                    self._seen_event, self._own_change = seen, own or self._own_change
                    return
                self.refreshes_from_others += 1
                self.refresh_from_catalogue(poll=False)

        def failed(error: BaseException) -> None:
            self._poll_out = False
            if catalogue is self.catalogue and not self._poll_failed:
                self._poll_failed = True
                self.statusBar().showMessage(
                    self.tr("Cannot check the server for changes: {error}").format(
                        error=one_line_error(error)
                    ),
                    30_000,
                )

        after = self._seen_event or 0
        access = access_for(catalogue)
        mine = {catalogue.actor} | ({access.role} if access else set())

        def work() -> team.TrailMoves:
            return team.trail_moves(catalogue, after=after, mine=mine)

        self.runner.run(work, on_done=done, on_error=failed)

    def _editing(self: Any) -> bool:
        """The person is typing in the inspector (a tag's values, the metadata)."""
        focus = QApplication.focusWidget()
        return focus is not None and self.inspector.isAncestorOf(focus)

    def refresh_from_catalogue(self: Any, *, poll: bool = True) -> None:
        """Reload the lists, the sidebar, the open views and the document being read,
        keeping the selection and the reading position: what others changed appears."""
        current = self.reader.document.ref if self.reader.document else None
        selected = self.selected_refs()
        self.model.refresh()
        self._refresh_sidebar()
        for model in (self.image_model, self.all_images):
            model.forget_icons()
        self._mark_dirty("people", "figures", "chronology", "images")
        for ref in selected[:1]:
            self.select_ref(ref)
        if current is not None and self.model.row_of(current) is not None:
            self.show_document(current, keep_position=True)
        self.statusBar().showMessage(self.tr("Refreshed from the catalogue."), 4000)
        if poll and self.catalogue.on_server:
            self._seen_event = None  # the next answer is the new starting point
            self.poll_for_changes()


#: Widest a permanent status-bar label may be, in average characters: what is left is
#: the room for the bar's passing messages (a long role or database name took it all).
SHORT_LABEL_CHARACTERS = 44


def _show_short(label: QLabel, text: str, detail: str) -> None:
    """Show *text* in a permanent status-bar *label*, cut in the middle when long, with
    *detail* (the whole story) as its tooltip and accessible description."""
    metrics = label.fontMetrics()
    room = metrics.averageCharWidth() * SHORT_LABEL_CHARACTERS
    label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room))
    label.setToolTip(detail)
    label.setAccessibleDescription(detail)
