"""Every change a person makes, as an undoable command over one core operation.

Views never write to the catalogue themselves: they ask the ``Workbench``, which calls
the operation in ``desktop.core`` (each one write transaction), keeps what it returned
on a ``QUndoCommand`` and announces what changed (``Changes``) through the change
signals, so every view refreshes from the same signal (the Anki ``CollectionOp``
habit). Undo runs the inverse operation: ``revert_change`` for tags,
``edit_metadata`` with the values before for metadata, ``restore_from_trash`` for the
Trash.

Each operation here touches a handful of rows and takes a few milliseconds, so it runs
on the UI thread: QUndoStack calls ``redo`` synchronously and a command must have
finished before the next key press is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.catalogue import Catalogue
from db.documents import MetadataChange
from db.tags import TagChange, TagKind
from desktop.core import claim_links as link_ops
from desktop.core import documents as document_ops
from desktop.core import event_records as event_ops
from desktop.core import image_attachments as image_ops
from desktop.core import people as people_ops
from desktop.core import review_decisions, tagging
from desktop.core.changes import Changes, Done
from desktop.core.review_decisions import Decided
from desktop.core.team import PERSON_ERRORS, person_message
from desktop.core.views import TagView


class TagCommand(QUndoCommand):
    """A tag operation already done once; redo/undo flip it with ``db.tags.revert``.

    ``revert`` of a change returns the change that undoes *it*, so keeping the latest
    returned change is all the state needed, however often undo and redo alternate.
    """

    def __init__(self, bench: Workbench, text: str, change: TagChange) -> None:
        super().__init__(text)
        self._bench = bench
        self._change = change
        self._done = True  # pushed after the first run: skip QUndoStack's initial redo

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._flip()

    def undo(self) -> None:
        self._flip()

    def _flip(self) -> None:
        done = tagging.revert_change(self._bench.catalogue, change=self._change)
        self._change = done.value
        self._bench.announce(done.changes)

    @property
    def change(self) -> TagChange:
        return self._change


class MetadataCommand(QUndoCommand):
    def __init__(self, bench: Workbench, change: MetadataChange) -> None:
        super().__init__(
            QCoreApplication.translate("Workbench", "Edit metadata of {ref}").format(ref=change.ref)
        )
        self._bench = bench
        self._change = change
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._change.after)

    def undo(self) -> None:
        self._apply(self._change.before)

    def _apply(self, values: dict[str, Any]) -> None:
        try:
            done = document_ops.edit_metadata(
                self._bench.catalogue, ref=self._change.ref, changes=values
            )
        except PERSON_ERRORS as exc:  # an old value today's date reader refuses: say so
            self._bench.error.emit(person_message(exc))
            return
        self._bench.announce(done.changes)


class TrashCommand(QUndoCommand):
    """Moving documents to the trash (or out of it); undo does the opposite."""

    def __init__(self, bench: Workbench, refs: Sequence[str], *, restore: bool) -> None:
        text = (
            QCoreApplication.translate("Workbench", "Restore {n} document(s)")
            if restore
            else QCoreApplication.translate("Workbench", "Move {n} document(s) to Trash")
        )
        super().__init__(text.format(n=len(refs)))
        self._bench = bench
        self._refs = list(refs)
        self._restore = restore

    def redo(self) -> None:
        self._run(restore=self._restore)

    def undo(self) -> None:
        self._run(restore=not self._restore)

    def _run(self, *, restore: bool) -> None:
        op = document_ops.restore_from_trash if restore else document_ops.move_to_trash
        self._bench.announce(op(self._bench.catalogue, refs=self._refs).changes)


class RevertCommand(QUndoCommand):
    """An operation already done once whose core revert returns the change undoing it
    (event records, event links): undo and redo are both one more revert."""

    def __init__(
        self, bench: Workbench, text: str, change: Any, revert: Callable[[Any], Done[Any]]
    ) -> None:
        super().__init__(text)
        self._bench = bench
        self._change = change
        self._revert = revert
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._flip()

    def undo(self) -> None:
        self._flip()

    def _flip(self) -> None:
        try:
            done = self._revert(self._change)
        except PERSON_ERRORS as exc:  # changed since by someone else: say so, keep the state
            self._bench.error.emit(person_message(exc))
            self.setObsolete(True)
            return
        self._change = done.value
        self._bench.announce(done.changes)


class Workbench(QObject):
    """The catalogue, the undo stack and the change signals every view listens to."""

    tags_changed = Signal(str)  # document ref
    documents_changed = Signal(object)  # set of refs, or None when the set itself changed
    people_changed = Signal()
    event_records_changed = Signal()
    images_changed = Signal(str)  # document ref ("" for an image on its own)
    error = Signal(str)

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.undo_stack = QUndoStack(self)

    def announce(self, changes: Changes) -> None:
        """Emit the change signals *changes* calls for: one place maps an operation's
        result to the views that must refresh."""
        if changes.documents is None or changes.documents:
            self.documents_changed.emit(
                None if changes.documents is None else set(changes.documents)
            )
        for ref in sorted(changes.tags_of):
            self.tags_changed.emit(ref)
        if changes.people:
            self.people_changed.emit()
        if changes.event_records:
            self.event_records_changed.emit()
        for ref in sorted(changes.images_of):
            self.images_changed.emit(ref)

    # --- tags -----------------------------------------------------------------------
    def _tag_op(self, text: str, op: Callable[[], Done[TagChange]]) -> TagChange | None:
        try:
            done = op()
        except PERSON_ERRORS as exc:  # TagError, PeopleError, DocumentError: for the person
            self.error.emit(person_message(exc))
            return None
        self.undo_stack.push(TagCommand(self, text, done.value))
        self.announce(done.changes)
        return done.value

    def add_tag(
        self, *, ref: str, kind: TagKind, start: int, end: int, values: dict[str, Any]
    ) -> TagChange | None:
        names = {
            "date": QCoreApplication.translate("Workbench", "Tag date"),
            "figure": QCoreApplication.translate("Workbench", "Tag figure"),
            "mention": QCoreApplication.translate("Workbench", "Tag person"),
        }
        return self._tag_op(
            names[kind],
            lambda: tagging.tag_words(
                self.catalogue, ref=ref, kind=kind, start=start, end=end, values=values
            ),
        )

    def accept(self, tag: TagView) -> TagChange | None:
        return self._tag_op(
            QCoreApplication.translate("Workbench", "Accept “{quote}”").format(quote=tag.quote),
            lambda: tagging.accept(self.catalogue, kind=tag.kind, tag_id=tag.id),
        )

    def reject(self, tag: TagView) -> TagChange | None:
        return self._tag_op(
            QCoreApplication.translate("Workbench", "Reject “{quote}”").format(quote=tag.quote),
            lambda: tagging.reject(self.catalogue, kind=tag.kind, tag_id=tag.id),
        )

    def edit_tag(self, tag: TagView, changes: dict[str, Any]) -> TagChange | None:
        return self._tag_op(
            QCoreApplication.translate("Workbench", "Edit “{quote}”").format(quote=tag.quote),
            lambda: tagging.edit(self.catalogue, kind=tag.kind, tag_id=tag.id, changes=changes),
        )

    def remove(self, tag: TagView) -> TagChange | None:
        return self._tag_op(
            QCoreApplication.translate("Workbench", "Remove “{quote}”").format(quote=tag.quote),
            lambda: tagging.remove(self.catalogue, kind=tag.kind, tag_id=tag.id),
        )

    def link_person(self, tag: TagView, name: str) -> TagChange | None:
        """Point a mention at the record one of whose names matches *name* (or a new one)."""
        return self._tag_op(
            QCoreApplication.translate("Workbench", "Link “{quote}” to {name}").format(
                quote=tag.quote, name=name
            ),
            lambda: tagging.link_person(
                self.catalogue,
                tag_id=tag.id,
                name=name,
                is_organisation=bool(tag.values.get("is_organisation")),
            ),
        )

    # --- documents ----------------------------------------------------------------------
    def edit_metadata(self, ref: str, changes: dict[str, Any]) -> MetadataChange | None:
        if not changes:
            return None
        try:
            done = document_ops.edit_metadata(self.catalogue, ref=ref, changes=changes)
        except PERSON_ERRORS as exc:
            self.error.emit(person_message(exc))
            return None
        self.undo_stack.push(MetadataCommand(self, done.value))
        self.announce(done.changes)
        return done.value

    def accept_guess(self, ref: str, number: int) -> MetadataChange | None:
        """Write a file-metadata guess into its field: one undoable metadata edit."""
        try:
            done = document_ops.accept_guess(self.catalogue, ref=ref, number=number)
        except PERSON_ERRORS as exc:
            self.error.emit(person_message(exc))
            return None
        self.undo_stack.push(MetadataCommand(self, done.value))
        self.announce(done.changes)
        return done.value

    def confirm(self, ref: str, fields: Sequence[str]) -> list[str]:
        done = document_ops.confirm(self.catalogue, ref=ref, fields=fields)
        self.announce(done.changes)
        return done.value

    def trash(self, refs: Sequence[str]) -> None:
        if refs:
            self.undo_stack.push(TrashCommand(self, refs, restore=False))

    def restore(self, refs: Sequence[str]) -> None:
        if refs:
            self.undo_stack.push(TrashCommand(self, refs, restore=True))

    # --- images and people --------------------------------------------------------------
    def edit_image(self, ref: str, changes: dict[str, Any], document_ref: str = "") -> None:
        try:
            done = image_ops.edit_image(
                self.catalogue, ref=ref, changes=changes, document_ref=document_ref
            )
        except PERSON_ERRORS as exc:
            self.error.emit(person_message(exc))
            return
        self.announce(done.changes)

    def merge_people(self, keep_ref: str, merge_ref: str) -> Any:
        # Not undoable: the core has no exact inverse of a merge (see desktop.core.people).
        try:
            done = people_ops.merge_people(self.catalogue, keep_ref=keep_ref, merge_ref=merge_ref)
        except PERSON_ERRORS as exc:
            self.error.emit(person_message(exc))
            return None
        self.announce(done.changes)
        return done.value

    # --- event records and their links ----------------------------------------------------
    def _revertible(self, text: str, op: Callable[[], Done[Any]], revert: Any) -> Any:
        try:
            done = op()
        except PERSON_ERRORS as exc:  # EventRecordError, ClaimLinkError: one line for the person
            self.error.emit(person_message(exc))
            return None
        self.undo_stack.push(RevertCommand(self, text, done.value, revert))
        self.announce(done.changes)
        return done.value

    def event_op(self, text: str, op: Callable[[], Done[Any]]) -> Any:
        """Run an event-record operation of ``desktop.core.event_records`` undoably."""
        catalogue = self.catalogue
        return self._revertible(
            text, op, lambda c: event_ops.revert_event_record_change(catalogue, change=c)
        )

    def link_op(self, text: str, op: Callable[[], Done[Any]]) -> Any:
        """Run one link decision of ``desktop.core.claim_links`` undoably."""
        catalogue = self.catalogue
        return self._revertible(
            text, op, lambda c: link_ops.revert_link_change(catalogue, change=c)
        )

    def review_op(self, text: str, op: Callable[[], Done[Decided]]) -> Decided | None:
        """Run a review-queue decision (``desktop.core.review_decisions``) as one undoable
        step however many tags it decided; a decision that changed nothing adds none."""
        try:
            done = op()
        except PERSON_ERRORS as exc:  # ReviewError: one line for the person
            self.error.emit(person_message(exc))
            return None
        changes = list(done.value.changes)
        if changes:
            catalogue = self.catalogue
            self.undo_stack.push(
                RevertCommand(
                    self,
                    text,
                    changes,
                    lambda cs: review_decisions.revert_changes(catalogue, changes=cs),
                )
            )
        self.announce(done.changes)
        return done.value

    def record_suggested_links(self, done: Done[link_ops.SuggestLinksReport]) -> None:
        """Announce a run of the link suggester (done off the UI thread) and make it one
        undoable step; a run that stored nothing adds no step."""
        changes = tuple(s.change for s in done.value.suggested)
        if changes:
            catalogue = self.catalogue
            links = len(changes)
            self.undo_stack.push(
                RevertCommand(
                    self,
                    QCoreApplication.translate(
                        "Workbench", "Suggest %Ln event link(s)", None, links
                    ),
                    changes,
                    lambda cs: link_ops.revert_link_changes(catalogue, changes=cs),
                )
            )
        self.announce(done.changes)
