"""The main window's Events view: loading it and turning its requests into operations.

A mixin of ``MainWindow`` (``desktop.ui.main_window``): its methods use the window's
widgets, runner and ``Workbench``. Every change goes through the Workbench, so it is
undoable and announced; the view reloads when event records change (or marks itself
stale while another view is showing). Asking the person is injectable
(``ask_event``, ``ask_merge_target``, ``ask_split``, ``ask_link_target``) so tests
drive the actions without modal boxes. Claim-link corrections are in
``window_event_links``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QWidget

from desktop.core import claim_links as link_ops
from desktop.core import event_records as event_ops
from desktop.core.event_claims import LinkedClaim, linked_claims
from desktop.core.event_records import EventRecordDetail, EventRecordRow
from desktop.ui.event_dialog import EventDialog, EventForm, edit_arguments, form_of
from desktop.ui.event_split_dialog import SplitDialog, SplitForm
from desktop.ui.events_view import EventsView
from desktop.ui.window_event_links import EventLinkActions
from desktop.ui.workbench import Workbench

AskEvent = Callable[[str, Sequence[EventRecordRow], EventForm | None, str], EventForm | None]
AskMergeTarget = Callable[[EventRecordRow, Sequence[EventRecordRow]], str | None]
AskSplit = Callable[[EventRecordDetail, Sequence[LinkedClaim]], SplitForm | None]


class EventActions(EventLinkActions):
    """The Events view and its actions."""

    def _build_events_view(self) -> QWidget:
        """Make the view and wire it; the shell adds it to its pages under "events"."""
        view = self.events_view = EventsView()
        self._events_stale, self._events_loading = True, False
        self._pending_event_ref = ""  # to select once a reload under way has finished
        self.ask_event: AskEvent = self._ask_event_dialog
        self.ask_merge_target: AskMergeTarget = self._ask_merge_target_dialog
        self.ask_split: AskSplit = self._ask_split_dialog
        view.event_selected.connect(self._show_event)
        view.new_requested.connect(self.new_event)
        view.edit_requested.connect(self.edit_event)
        view.split_requested.connect(self.split_event)
        view.merge_requested.connect(self.merge_event)
        view.trash_requested.connect(self.trash_event)
        view.restore_requested.connect(self.restore_event)
        view.trashed_toggled.connect(lambda _on: self._event_records_changed())
        view.suggest_requested.connect(self.suggest_event_links)
        view.open_passage.connect(self.open_passage)
        self._wire_claim_links()
        self.pages.currentChanged.connect(lambda _n: self._events_shown())
        return view

    def _watch_events(self, bench: Workbench) -> None:
        """Follow a (new) Workbench's changes; a new catalogue makes the view stale."""
        bench.event_records_changed.connect(self._event_records_changed)
        bench.tags_changed.connect(lambda _ref: self._event_records_changed())
        if hasattr(self, "events_view"):
            self._event_records_changed()

    # --- loading ----------------------------------------------------------------------
    def _events_visible(self) -> bool:
        return bool(self.pages.currentWidget() is self.events_view)

    def _event_records_changed(self) -> None:
        self._events_stale = True
        self._events_shown()

    def _events_shown(self) -> None:
        if self._events_visible() and self._events_stale:
            self.load_events()

    def load_events(self) -> None:
        """Re-read the records (off the UI thread) and show them. One read at a time:
        a change announced meanwhile (a suggestion run announces every document)
        only marks the view stale, and one more read follows when this one is done."""
        if self._events_loading:
            self._events_stale = True
            return
        self._events_stale, self._events_loading = False, True
        catalogue, trashed = self.catalogue, self.events_view.showing_trashed()
        locale = self.date_locale

        def work() -> list[EventRecordRow]:
            return event_ops.event_record_rows(catalogue, trashed=trashed, locale=locale)

        def done(rows: list[EventRecordRow]) -> None:
            self._events_loading = False
            if trashed != self.events_view.showing_trashed():
                self._events_stale = True  # switched meanwhile: these rows are the other list
            else:
                self.events_view.set_rows(rows)
            if self._pending_event_ref and self.events_view.select_ref(self._pending_event_ref):
                self._pending_event_ref = ""
            self.view_loaded.emit("events")
            self._events_shown()

        def failed(error: BaseException) -> None:
            self._events_loading = False
            self._failed(error)

        self.runner.run(work, on_done=done, on_error=failed)

    def _show_event(self, ref: str) -> None:
        if not ref:
            self.events_view.show_detail(None, [])
            return
        try:
            detail = event_ops.event_record_detail(self.catalogue, ref, locale=self.date_locale)
            claims = linked_claims(self.catalogue, ref)
        except ValueError as exc:  # gone since the list was read
            self._show_error(str(exc))
            return
        self.events_view.show_detail(detail, claims)

    # --- asking -----------------------------------------------------------------------
    def _ask_event_dialog(
        self, title: str, rows: Sequence[EventRecordRow], form: EventForm | None, own_ref: str
    ) -> EventForm | None:
        dialog = EventDialog(title, rows, form, self, own_ref=own_ref, locale=self.date_locale)
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_split_dialog(
        self, detail: EventRecordDetail, claims: Sequence[LinkedClaim]
    ) -> SplitForm | None:
        dialog = SplitDialog(detail, claims, self)
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_merge_target_dialog(
        self, merged: EventRecordRow, others: Sequence[EventRecordRow]
    ) -> str | None:
        labels = [f"{row.name} ({row.ref})" for row in others]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Merge Event"),
            self.tr("Merge “{name}” into:").format(name=merged.name),
            labels,
            0,
            False,
        )
        return others[labels.index(label)].ref if ok and label in labels else None

    # --- actions ----------------------------------------------------------------------
    def new_event(self) -> None:
        form = self.ask_event(self.tr("New Event"), self.events_view.rows, None, "")
        if form is None:
            return
        catalogue = self.catalogue
        change = self.bench.event_op(
            self.tr("New event “{name}”").format(name=form.name),
            lambda: event_ops.create_event_record(
                catalogue,
                name=form.name,
                place=form.place or None,
                edtf=form.edtf or None,
                kind=form.kind or None,
                parent_ref=form.parent_ref or None,
                notes=form.notes or None,
                variants=form.variants,
            ),
        )
        if change is not None:
            self._after_event_change(change.ref)

    def edit_event(self, ref: str) -> None:
        try:
            old = form_of(event_ops.event_record_detail(self.catalogue, ref))
        except ValueError as exc:
            self._show_error(str(exc))
            return
        new = self.ask_event(self.tr("Edit Event"), self.events_view.rows, old, ref)
        changed: dict[str, Any] = edit_arguments(old, new) if new is not None else {}
        if not changed:
            return
        catalogue = self.catalogue
        self.bench.event_op(
            self.tr("Edit event “{name}”").format(name=old.name),
            lambda: event_ops.edit_event_record(catalogue, ref=ref, **changed),
        )
        self._after_event_change(ref)

    def merge_event(self, ref: str) -> None:
        rows = {row.ref: row for row in self.events_view.rows}
        others = [row for row in self.events_view.rows if row.ref != ref]
        if ref not in rows or not others:
            self.statusBar().showMessage(self.tr("There is no other event to merge into."), 8000)
            return
        keep = self.ask_merge_target(rows[ref], others)
        if not keep:
            return
        catalogue = self.catalogue
        change = self.bench.event_op(
            self.tr("Merge event {merged} into {kept}").format(merged=ref, kept=keep),
            lambda: event_ops.merge_event_records(catalogue, keep_ref=keep, merge_ref=ref),
        )
        if change is not None:
            self._after_event_change(keep, self.tr("Merged {merged} into {kept}"), ref)

    def trash_event(self, ref: str) -> None:
        catalogue = self.catalogue
        change = self.bench.event_op(
            self.tr("Move event {ref} to Trash").format(ref=ref),
            lambda: event_ops.trash_event_record(catalogue, ref=ref),
        )
        if change is not None:
            self.statusBar().showMessage(
                self.tr("Event {ref} moved to the Trash (Ctrl+Z to undo)").format(ref=ref), 8000
            )

    def split_event(self, ref: str) -> None:
        try:
            detail = event_ops.event_record_detail(self.catalogue, ref)
            claims = linked_claims(self.catalogue, ref)
        except ValueError as exc:
            self._show_error(str(exc))
            return
        form = self.ask_split(detail, claims)
        if form is None:
            return
        catalogue = self.catalogue
        change = self.bench.event_op(
            self.tr("Split event {ref}").format(ref=ref),
            lambda: event_ops.split_event_record(
                catalogue,
                ref=ref,
                names=form.names,
                children=form.children,
                new_name=form.new_name or None,
                figures=form.figures,
                dates=form.dates,
            ),
        )
        if change is not None:
            self._after_event_change(
                change.ref, self.tr("Split {kept} out of {merged} (Ctrl+Z to undo)"), ref
            )

    def restore_event(self, ref: str) -> None:
        """Take a record out of the trash, then show the live records with it selected."""
        catalogue = self.catalogue
        change = self.bench.event_op(
            self.tr("Restore event {ref}").format(ref=ref),
            lambda: event_ops.restore_event_record(catalogue, ref=ref),
        )
        if change is not None:
            self._pending_event_ref = ref
            self.events_view.trashed_action.setChecked(False)  # reloads the live records
            self.statusBar().showMessage(
                self.tr("Event {ref} restored from the Trash").format(ref=ref), 8000
            )

    def _build_events_menu(self) -> None:
        """The Events menu: the view's own actions (their keys work while its tree or
        claims list has focus) and the window's Undo, shown in the view as well."""
        view = self.events_view
        menu = self.menuBar().addMenu(self.tr("E&vents"))
        menu.addActions(view.record_actions())
        menu.addSeparator()
        for item in view.claims_panel.actions_for_menu():
            if isinstance(item, QMenu):
                menu.addMenu(item)
            else:
                menu.addAction(item)
        menu.addSeparator()
        menu.addAction(view.suggest_action)
        view.set_undo_action(self.undo_action)

    def suggest_event_links(self) -> None:
        """Suggest an event for every unlinked figure and date, off the UI thread."""
        catalogue, bench = self.catalogue, self.bench
        self.statusBar().showMessage(self.tr("Suggesting event links…"))

        def work() -> Any:
            return link_ops.suggest_event_links(catalogue)

        def done(result: Any) -> None:
            report: link_ops.SuggestLinksReport = result.value
            bench.record_suggested_links(result)
            self.statusBar().showMessage(
                self.tr(
                    "{n} event link(s) suggested in {docs} document(s); "
                    "{left} claim(s) left unlinked"
                ).format(n=len(report.suggested), docs=report.documents, left=report.left_unlinked),
                12_000,
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, ValueError):
                self._show_error(str(error))
            else:
                self._failed(error)

        self.runner.run(work, on_done=done, on_error=failed)

    def _after_event_change(self, ref: str, text: str = "", merged: str = "") -> None:
        """Select *ref* (now, or once the reload under way has finished), and say
        what happened."""
        if not self.events_view.select_ref(ref):
            self._pending_event_ref = ref
        if text:
            self.statusBar().showMessage(text.format(merged=merged, kept=ref), 8000)
