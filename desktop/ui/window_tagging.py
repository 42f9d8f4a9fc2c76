"""The main window's tagging from the keyboard, suggestions, the Trash and people.

A mixin of ``MainWindow`` (``desktop.ui.main_window``): its methods use the window's
widgets and the ``Workbench``; they hold no state of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from db.catalogue import Catalogue
from desktop.core import people as people_ops
from desktop.core import tagging, views
from desktop.core.suggestions import suggest_tags
from desktop.ui.models.documents import (
    COLUMN_KEYS,
    COLUMNS,
)
from desktop.ui.window_review import ReviewActions

CatalogueOpener = Callable[[Path | str], Catalogue]
REVIEW = next(c for c in COLUMNS if c.key == "review")
MATCH_COLUMN = COLUMN_KEYS.index("match")
Confirm = Callable[[str, str], bool]


class TaggingActions(ReviewActions):
    """Tagging from the keyboard, suggestions, the Trash and people (and, through
    ``ReviewActions``, the review queue)."""

    # --- tagging ----------------------------------------------------------------------
    def _tag_requested(self, kind: str, start: int, end: int, role: str) -> None:
        document = self.reader.document
        if document is None:
            return
        same = [t for t in document.tags if t.kind == kind and (t.start, t.end) == (start, end)]
        if same:  # the words already carry this kind of tag: accept it rather than repeat it
            self._confirm_existing(same[0], role)
            return
        values = tagging.guess_values(
            kind,  # type: ignore[arg-type]
            document.text[start:end],
            role=role,
            language=document.language_at(start),
            published=document.fields.get("published"),
        )
        change = self.bench.add_tag(
            ref=document.ref,
            kind=kind,  # type: ignore[arg-type]
            start=start,
            end=end,
            values=values,
        )
        if change is not None:
            self.reader.place_cursor(start)
            self.inspector.setCurrentWidget(self.tag_editor)

    def _confirm_existing(self, tag: views.TagView, role: str) -> None:
        stack = self.bench.undo_stack
        stack.beginMacro(self.tr("Tag “{quote}”").format(quote=tag.quote))
        try:
            if tag.status != "accepted":
                self.bench.accept(tag)
            if tag.kind == "mention" and role != "mentioned" and tag.values.get("role") != role:
                self.bench.edit_tag(tag, {"role": role})
        finally:
            stack.endMacro()
        self.reader.place_cursor(tag.start)

    def bench_accept(self, tag: views.TagView) -> None:
        if self.bench.accept(tag) is not None:
            self.statusBar().showMessage(
                self.tr("Accepted “{quote}” (Ctrl+Z undoes; N goes to the next)").format(
                    quote=tag.quote
                ),
                8000,
            )

    def bench_reject(self, tag: views.TagView) -> None:
        if self.bench.reject(tag) is not None:
            self.statusBar().showMessage(
                self.tr("Rejected “{quote}” (Ctrl+Z undoes; N goes to the next)").format(
                    quote=tag.quote
                ),
                8000,
            )

    def suggest_selected(self) -> None:
        refs = self.selected_refs()
        if not refs:
            return
        catalogue = self.catalogue

        def work() -> int:
            done = suggest_tags(catalogue, refs=refs)
            return sum(result.total for result in done.value)

        def done(added: int) -> None:
            self.statusBar().showMessage(self.tr("%Ln new suggestions", "", added), 8000)
            for ref in refs:
                self._tags_changed(ref)
            self.suggestions_done.emit(added)

        self.runner.run(work, on_done=done, on_error=self._failed)

    # --- trash ------------------------------------------------------------------------
    def trash_selected(self) -> None:
        refs = self.selected_refs()
        if refs and self.model.scope.kind != "trash":
            self.bench.trash(refs)
            self.statusBar().showMessage(
                self.tr("%Ln document(s) moved to the Trash (Ctrl+Z to undo)", "", len(refs)),
                8000,
            )

    def restore_selected(self) -> None:
        refs = self.selected_refs()
        if refs and self.model.scope.kind == "trash":
            self.bench.restore(refs)

    # --- people -----------------------------------------------------------------------
    def _show_person(self, agent_id: int) -> None:
        passages = people_ops.passages_of(self.catalogue, agent_id)
        person = next((p for p in self.people_view.model.records if p.id == agent_id), None)
        self.people_view.set_passages(person, passages)

    def merge_people(self, keep_ref: str, merge_ref: str) -> bool:
        records = {p.ref: p for p in self.people_view.model.records}
        keep, merge = records.get(keep_ref), records.get(merge_ref)
        keep_name = keep.name if keep else keep_ref
        merge_name = merge.name if merge else merge_ref
        question = self.tr(
            "Merge “{merge}” ({merge_ref}) into “{keep}” ({keep_ref})?\n\n"
            "Its name forms and passages move to {keep_ref}; {merge_ref} is removed. "
            "This cannot be undone with Ctrl+Z."
        ).format(merge=merge_name, merge_ref=merge_ref, keep=keep_name, keep_ref=keep_ref)
        if not self.confirm(self.tr("Merge People"), question):
            return False
        result = self.bench.merge_people(keep_ref, merge_ref)
        if result is None:
            return False
        self.statusBar().showMessage(
            self.tr("Merged {removed} into {kept}").format(removed=merge_ref, kept=keep_ref), 8000
        )
        self.people_view.select_ref(keep_ref)
        return True
