"""The main window's corrections of claim links: confirm, link elsewhere, unlink, role.

A mixin of ``MainWindow`` (through ``EventActions``): each request of the Events
view's claims list becomes one undoable ``Workbench.link_op`` over the same
``desktop.core.claim_links`` function ``catena events confirm|link|unlink|date-role``
calls, so Ctrl+Z puts the link back exactly. Choosing the other event is injectable
(``ask_link_target``) so tests drive it without a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtWidgets import QDialog

from desktop.core import claim_links as link_ops
from desktop.core import event_records as event_ops
from desktop.core.event_claims import LinkedClaim
from desktop.core.event_records import EventRecordRow
from desktop.ui.event_claims_panel import role_text
from desktop.ui.event_picker import EventPicker

AskLinkTarget = Callable[[LinkedClaim, Sequence[EventRecordRow]], str | None]


class EventLinkActions:
    """A person's decisions about the event a figure or date is about."""

    def _wire_claim_links(self) -> None:
        panel = self.events_view.claims_panel
        self.ask_link_target: AskLinkTarget = self._ask_link_target_dialog
        panel.confirm_requested.connect(self.confirm_event_link)
        panel.clear_requested.connect(self.clear_event_link)
        panel.link_requested.connect(self.relink_event_claim)
        panel.role_requested.connect(self.set_claim_date_role)

    def _ask_link_target_dialog(
        self, claim: LinkedClaim, rows: Sequence[EventRecordRow]
    ) -> str | None:
        picker = EventPicker(
            self.tr("Link to Another Event"),
            self.tr("Which event is “{quote}” ({ref}) about?").format(
                quote=claim.quote, ref=claim.document_ref
            ),
            rows,
            self,
        )
        accepted = picker.exec() == QDialog.DialogCode.Accepted
        return picker.chosen_ref() if accepted and picker.chosen_ref() else None

    def confirm_event_link(self, claim: LinkedClaim) -> None:
        catalogue = self.catalogue
        self.bench.link_op(
            self.tr("Confirm link of “{quote}”").format(quote=claim.quote),
            lambda: link_ops.confirm_link(catalogue, kind=claim.kind, tag_id=claim.tag_id),
        )

    def clear_event_link(self, claim: LinkedClaim) -> None:
        catalogue = self.catalogue
        self.bench.link_op(
            self.tr("Unlink “{quote}”").format(quote=claim.quote),
            lambda: link_ops.clear_link(catalogue, kind=claim.kind, tag_id=claim.tag_id),
        )

    def relink_event_claim(self, claim: LinkedClaim) -> None:
        """Link the claim to an event the person picks among the live records other
        than the one it is listed under."""
        shown = self.events_view.current_ref()
        live = [r for r in self._live_event_rows() if r.ref != shown]
        if not live:
            self.statusBar().showMessage(self.tr("There is no other event to link to."), 8000)
            return
        target = self.ask_link_target(claim, live)
        if not target:
            return
        catalogue = self.catalogue
        change = self.bench.link_op(
            self.tr("Link “{quote}” to {ref}").format(quote=claim.quote, ref=target),
            lambda: link_ops.link_claim(
                catalogue, kind=claim.kind, tag_id=claim.tag_id, event_ref=target
            ),
        )
        if change is not None:
            self.statusBar().showMessage(
                self.tr("“{quote}” is now linked to {ref} (Ctrl+Z to undo)").format(
                    quote=claim.quote, ref=target
                ),
                8000,
            )

    def set_claim_date_role(self, claim: LinkedClaim, role: str | None) -> None:
        if claim.kind != "date" or claim.role == role:
            return
        catalogue = self.catalogue
        named = role_text(replace(claim, role=role))
        self.bench.link_op(
            self.tr("Mark “{quote}” as {role}").format(quote=claim.quote, role=named),
            lambda: link_ops.set_date_role(catalogue, tag_id=claim.tag_id, role=role),
        )

    def _live_event_rows(self) -> list[EventRecordRow]:
        """The live records (the view may be showing the trash)."""
        if not self.events_view.showing_trashed():
            return list(self.events_view.rows)
        return event_ops.event_record_rows(self.catalogue)
