"""Every change a person makes, as an undoable command over one core operation.

Views never write to the catalogue themselves: they ask the ``Workbench``, which runs
the core operation (``db.tags``, ``db.documents``, ``db.people``) in one write
transaction, keeps what it returned on a ``QUndoCommand`` and announces what changed,
so every view refreshes from the same signal (the Anki ``CollectionOp`` habit). Undo
runs the inverse operation: ``db.tags.revert`` for tags, ``update_metadata`` with the
values before for metadata, ``restore_document`` for the trash.

Each operation here touches a handful of rows and takes a few milliseconds, so it runs
on the UI thread: QUndoStack calls ``redo`` synchronously and a command must have
finished before the next key press is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.documents import (
    MetadataChange,
    confirm_fields,
    require_document,
    restore_document,
    trash_document,
    update_metadata,
)
from db.images import update_image
from db.tags import TagChange, TagKind, add_tag, remove_tag, revert, update_tag
from desktop.ui.catalogue_ops import TagView, accept_tag


def _t(text: str) -> str:
    return QCoreApplication.translate("Workbench", text)


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
        bench = self._bench
        with bench.catalogue.writing() as session:
            self._change = revert(session, change=self._change, actor=bench.catalogue.actor)
        bench.tags_changed.emit(self._change.document_ref)
        if self._change.kind == "mention":
            bench.people_changed.emit()

    @property
    def change(self) -> TagChange:
        return self._change


class MetadataCommand(QUndoCommand):
    def __init__(self, bench: Workbench, change: MetadataChange) -> None:
        super().__init__(_t("Edit metadata of {ref}").format(ref=change.ref))
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
        bench = self._bench
        with bench.catalogue.writing() as session:
            update_metadata(
                session, ref=self._change.ref, changes=values, actor=bench.catalogue.actor
            )
        bench.documents_changed.emit({self._change.ref})


class TrashCommand(QUndoCommand):
    """Moving documents to the trash (or out of it); undo does the opposite."""

    def __init__(self, bench: Workbench, refs: Sequence[str], *, restore: bool) -> None:
        text = _t("Restore {n} document(s)") if restore else _t("Move {n} document(s) to Trash")
        super().__init__(text.format(n=len(refs)))
        self._bench = bench
        self._refs = list(refs)
        self._restore = restore

    def redo(self) -> None:
        self._run(restore=self._restore)

    def undo(self) -> None:
        self._run(restore=not self._restore)

    def _run(self, *, restore: bool) -> None:
        bench = self._bench
        op = restore_document if restore else trash_document
        with bench.catalogue.writing() as session:
            for ref in self._refs:
                op(session, ref=ref, actor=bench.catalogue.actor)
        bench.documents_changed.emit(None)


class Workbench(QObject):
    """The catalogue, the undo stack and the change signals every view listens to."""

    tags_changed = Signal(str)  # document ref
    documents_changed = Signal(object)  # set of refs, or None when the set itself changed
    people_changed = Signal()
    images_changed = Signal(str)  # document ref ("" for an image on its own)
    error = Signal(str)

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.undo_stack = QUndoStack(self)

    # --- tags -----------------------------------------------------------------------
    def _tag_op(self, text: str, op: Callable[[Session], TagChange]) -> TagChange | None:
        try:
            with self.catalogue.writing() as session:
                change = op(session)
        except ValueError as exc:  # TagError, PeopleError, DocumentError: for the person
            self.error.emit(str(exc))
            return None
        self.undo_stack.push(TagCommand(self, text, change))
        self.tags_changed.emit(change.document_ref)
        if change.kind == "mention":
            self.people_changed.emit()
        return change

    def add_tag(
        self, *, ref: str, kind: TagKind, start: int, end: int, values: dict[str, Any]
    ) -> TagChange | None:
        actor = self.catalogue.actor

        def op(session: Session) -> TagChange:
            document = require_document(session, ref)
            _tag, change = add_tag(
                session,
                kind=kind,
                document=document,
                start=start,
                end=end,
                values=values,
                actor=actor,
            )
            return change

        names = {"date": _t("Tag date"), "figure": _t("Tag figure"), "mention": _t("Tag person")}
        return self._tag_op(names[kind], op)

    def accept(self, tag: TagView) -> TagChange | None:
        actor = self.catalogue.actor
        return self._tag_op(
            _t("Accept “{quote}”").format(quote=tag.quote),
            lambda s: accept_tag(s, kind=tag.kind, tag_id=tag.id, actor=actor),
        )

    def reject(self, tag: TagView) -> TagChange | None:
        actor = self.catalogue.actor
        return self._tag_op(
            _t("Reject “{quote}”").format(quote=tag.quote),
            lambda s: update_tag(
                s, kind=tag.kind, tag_id=tag.id, changes={"status": "rejected"}, actor=actor
            ),
        )

    def edit_tag(self, tag: TagView, changes: dict[str, Any]) -> TagChange | None:
        actor = self.catalogue.actor
        return self._tag_op(
            _t("Edit “{quote}”").format(quote=tag.quote),
            lambda s: update_tag(s, kind=tag.kind, tag_id=tag.id, changes=changes, actor=actor),
        )

    def remove(self, tag: TagView) -> TagChange | None:
        actor = self.catalogue.actor
        return self._tag_op(
            _t("Remove “{quote}”").format(quote=tag.quote),
            lambda s: remove_tag(s, kind=tag.kind, tag_id=tag.id, actor=actor),
        )

    def link_person(self, tag: TagView, name: str) -> TagChange | None:
        """Point a mention at the record one of whose names matches *name* (or a new one)."""
        from db.people import resolve_or_create

        actor = self.catalogue.actor

        def op(session: Session) -> TagChange:
            agent, _created = resolve_or_create(
                session,
                name=name,
                is_organisation=bool(tag.values.get("is_organisation")),
                actor=actor,
            )
            return update_tag(
                session, kind="mention", tag_id=tag.id, changes={"agent_id": agent.id}, actor=actor
            )

        return self._tag_op(_t("Link “{quote}” to {name}").format(quote=tag.quote, name=name), op)

    # --- documents ----------------------------------------------------------------------
    def edit_metadata(self, ref: str, changes: dict[str, Any]) -> MetadataChange | None:
        if not changes:
            return None
        try:
            with self.catalogue.writing() as session:
                change = update_metadata(
                    session, ref=ref, changes=changes, actor=self.catalogue.actor
                )
        except ValueError as exc:
            self.error.emit(str(exc))
            return None
        self.undo_stack.push(MetadataCommand(self, change))
        self.documents_changed.emit({ref})
        return change

    def confirm(self, ref: str, fields: Sequence[str]) -> list[str]:
        with self.catalogue.writing() as session:
            done = confirm_fields(session, ref=ref, fields=list(fields), actor=self.catalogue.actor)
        self.documents_changed.emit({ref})
        return done

    def trash(self, refs: Sequence[str]) -> None:
        if refs:
            self.undo_stack.push(TrashCommand(self, refs, restore=False))

    def restore(self, refs: Sequence[str]) -> None:
        if refs:
            self.undo_stack.push(TrashCommand(self, refs, restore=True))

    # --- images and people --------------------------------------------------------------
    def edit_image(self, ref: str, changes: dict[str, Any], document_ref: str = "") -> None:
        try:
            with self.catalogue.writing() as session:
                update_image(session, ref=ref, changes=changes, actor=self.catalogue.actor)
        except ValueError as exc:
            self.error.emit(str(exc))
            return
        self.images_changed.emit(document_ref)

    def merge_people(self, keep_ref: str, merge_ref: str) -> Any:
        from db.people import merge_agents

        try:
            with self.catalogue.writing() as session:
                result = merge_agents(
                    session, keep_ref=keep_ref, merge_ref=merge_ref, actor=self.catalogue.actor
                )
        except ValueError as exc:
            self.error.emit(str(exc))
            return None
        # Not undoable: the core has no exact inverse of a merge (split_agent moves name
        # forms but cannot restore the removed record's reference code).
        self.people_changed.emit()
        return result
