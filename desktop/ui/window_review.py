"""The main window's review queue, and the review keys on the document list.

A mixin of ``MainWindow`` (``desktop.ui.main_window``, through ``TaggingActions``):
it builds the queue page, follows the Workbench's signals, and turns the keys A / R /
E / N / P into decisions wherever a person reviews from — the queue, the reading pane
(whose own actions these are) or the document list (where they act on the open
document, so opening a document and pressing N, A, R works without a click into the
text). Every action says what it did in the status bar. Asking for a corrected value
is injectable (``ask_review_value``) so tests drive editing without a modal box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget
from shiboken6 import isValid

from db.analysis import format_number
from db.selection import Selection
from desktop.core import collections as collection_ops
from desktop.core import review_decisions
from desktop.core.review import (
    ReviewError,
    ReviewFilter,
    ReviewItem,
    ReviewScope,
    count_items,
    list_items,
    open_counts,
)
from desktop.core.views import TagView
from desktop.ui.review_keys import install_keys
from desktop.ui.review_view import ReviewQueueView
from desktop.ui.workbench import Workbench

AskValue = Callable[[ReviewItem], str | None]
MESSAGE_MS = 8000
QUEUE_LIMIT = 1000  # rows read at a time; the queue refills as they are decided
MAX_SELECTED_REFS = 20_000  # more selected documents than this: the list's scope instead


class ReviewActions:
    """The review queue page and the review keys."""

    def _build_review_view(self) -> QWidget:
        """Make the queue and wire it; the shell adds it to its pages under "review"."""
        view = self.review_view = ReviewQueueView()
        self.ask_review_value: AskValue = self._ask_review_value_dialog
        self._review_scope = ReviewScope()
        self._review_scope_text = self.tr("the whole catalogue")
        self._review_current = ""  # the id to keep current across a reload
        self._review_stale = True
        view.open_passage.connect(self.open_passage)
        view.filters_changed.connect(self.reload_review_queue)
        view.widen_requested.connect(lambda _whole: self._review_shown(recapture=True))
        self.pages.currentChanged.connect(lambda _n: self._review_shown(recapture=True))
        install_keys(
            view.table,
            {
                "A": lambda: self.review_decide("accept"),
                "R": lambda: self.review_decide("reject"),
                "E": self.review_edit,
                "N": lambda: self.review_move(+1),
                "P": lambda: self.review_move(-1),
                "Return": self.review_open,
                "Enter": self.review_open,
            },
        )
        install_keys(
            self.table,
            {
                "A": lambda: self._on_open_document(self.reader.accept_current),
                "R": lambda: self._on_open_document(self.reader.reject_current),
                "E": lambda: self._on_open_document(self.reader.edit_current),
                "N": lambda: self._on_open_document(lambda: self.reader.goto_suggestion(+1)),
                "P": lambda: self._on_open_document(lambda: self.reader.goto_suggestion(-1)),
            },
        )
        self.reader.edit_requested.connect(self.edit_tag_in_inspector)
        return view

    def _watch_bench(self, bench: Workbench) -> None:
        """Follow a (new) Workbench: the queue reloads when tags or documents change."""
        self._watch_events(bench)
        bench.tags_changed.connect(lambda _ref: self._review_changed())
        bench.documents_changed.connect(lambda _refs: self._review_changed())
        stack = bench.undo_stack
        self._undo_position = (stack.index(), stack.count())
        stack.indexChanged.connect(lambda index, s=stack: self._undo_moved(s, index))
        if hasattr(self, "review_view"):  # another catalogue: its whole queue, afresh
            self._review_scope = ReviewScope()
            self._review_scope_text = self.tr("the whole catalogue")
            self._review_changed()

    def _undo_moved(self, stack: Any, index: int) -> None:
        """Say what Ctrl+Z (or redo) just did; a new action's own message follows."""
        if not isValid(stack):  # the stack clears itself as it is destroyed
            return
        before, count = self._undo_position
        self._undo_position = (index, stack.count())
        if index < before:
            self._say(self.tr("Undone: {what}").format(what=stack.text(index)))
        elif index > before and stack.count() == count:
            self._say(self.tr("Redone: {what}").format(what=stack.text(index - 1)))

    # --- scope and loading --------------------------------------------------------------
    def _review_visible(self) -> bool:
        return bool(self.pages.currentWidget() is self.review_view)

    def open_review_queue(self) -> None:
        """Show the queue with the keyboard in it (View ▸ Review Queue)."""
        self.sidebar.choose("queue")
        self.review_view.focus_queue()

    def _capture_review_scope(self) -> None:
        """The queue covers what the document list covers: the selected documents when
        several are selected, else the list's place and search; or everything."""
        if self.review_view.whole.isChecked():
            self._review_scope = ReviewScope()
            self._review_scope_text = self.tr("the whole catalogue")
            return
        refs = self.selected_refs()
        scope, text = self.model.scope, self.model.filter_text.strip()
        # Every row selected (Select All) is the list itself, said without naming
        # 100,000 references to the database one by one.
        if 1 < len(refs) <= MAX_SELECTED_REFS and len(refs) < self.model.rowCount():
            self._review_scope = ReviewScope(Selection(refs=tuple(refs)))
            self._review_scope_text = self.tr("%Ln selected documents", "", len(refs))
            return
        self._review_scope = ReviewScope(list_scope=scope, list_filter=text)
        place = self._place_words(scope)
        self._review_scope_text = (
            self.tr("{place}, search “{text}”").format(place=place, text=text) if text else place
        )

    def _place_words(self, scope: Any) -> str:
        if scope.kind == "collection":
            names = {c.id: c.name for c in collection_ops.collections(self.catalogue)}
            return self.tr("the collection “{name}”").format(
                name=names.get(scope.collection_id, "?")
            )
        return {
            "library": self.tr("the whole catalogue"),
            "saved": self.tr("the saved search “{q}”").format(q=scope.query),
            "recent": self.tr("recently imported documents"),
            "review": self.tr("documents that need review"),
            "trash": self.tr("the Trash (nothing to review there)"),
        }.get(scope.kind, scope.kind)

    def _review_shown(self, *, recapture: bool = False) -> None:
        if not self._review_visible():
            return
        if recapture:
            self._capture_review_scope()
        self.reload_review_queue()

    def _review_changed(self) -> None:
        if self._review_visible():
            self.reload_review_queue()
        else:
            self._review_stale = True

    def reload_review_queue(self) -> None:
        view = self.review_view
        keep = self._review_current or (view.current_item().id if view.current_item() else "")
        scope_text = self._review_scope_text
        try:
            wanted = replace(view.wanted(), limit=QUEUE_LIMIT)
            items = list_items(self.catalogue, scope=self._review_scope, wanted=wanted)
            if len(items) == QUEUE_LIMIT:
                total = count_items(self.catalogue, scope=self._review_scope, wanted=wanted)
                scope_text = self.tr("{scope} (the first {n:,} of {total:,})").format(
                    scope=scope_text, n=QUEUE_LIMIT, total=total
                )
            every = (
                list_items(
                    self.catalogue,
                    scope=self._review_scope,
                    wanted=ReviewFilter(
                        kinds=wanted.kinds, statuses=wanted.statuses, limit=QUEUE_LIMIT
                    ),
                )
                if wanted.documents
                else items
            )
        except ReviewError as exc:  # a search in the list that no longer parses
            self.statusBar().showMessage(str(exc), MESSAGE_MS)
            items, every = [], []
        documents = sorted({i.document_ref for i in every})
        view.set_items(items, scope=scope_text, documents=documents, current=keep)
        self._review_current = ""
        self._review_stale = False

    # --- decisions ------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def review_decide(self, decision: review_decisions.Decision) -> None:
        items = self.review_view.selected_items()
        if not items:
            self._say(self.tr("Nothing to decide: the queue is empty."))
            return
        ids = [i.id for i in items]
        catalogue = self.catalogue
        verb = {"accept": self.tr("Accept"), "reject": self.tr("Reject")}[decision]
        text = (
            f"{verb} “{items[0].quote}”"
            if len(items) == 1
            else self.tr("{verb} {n} suggestions").format(verb=verb, n=len(items))
        )
        self._review_current = self.review_view.id_after(items)
        decided = self.bench.review_op(
            text, lambda: review_decisions.decide(catalogue, ids=ids, decision=decision)
        )
        if decided is None:
            self._review_current = ""
            return
        done = {"accept": self.tr("Accepted"), "reject": self.tr("Rejected")}[decision]
        changed = len(decided.changes)
        what = f"“{items[0].quote}”" if len(items) == 1 else self.tr("%Ln suggestions", "", changed)
        if decided.unchanged:
            what += self.tr(" (%Ln already so, left as they were)", "", len(decided.unchanged))
        self._say(
            self.tr("{done} {what} (Ctrl+Z undoes) — {left} left to review").format(
                done=done, what=what, left=self._left()
            )
        )

    def _left(self) -> int:
        """Open suggestions left in the queue's scope (not only the rows read)."""
        try:
            return sum(open_counts(self.catalogue, scope=self._review_scope).values())
        except ReviewError:  # the list's search no longer parses: count what is shown
            return sum(1 for i in self.review_view.model.records if i.status == "suggested")

    def review_edit(self) -> None:
        item = self.review_view.current_item()
        if item is None:
            self._say(self.tr("Nothing to edit: the queue is empty."))
            return
        value = self.ask_review_value(item)
        if value is None:
            self._say(self.tr("Edit cancelled; nothing changed."))
            return
        catalogue = self.catalogue
        self._review_current = self.review_view.id_after([item])
        decided = self.bench.review_op(
            self.tr("Edit “{quote}”").format(quote=item.quote),
            lambda: review_decisions.edit(catalogue, item=item.id, value=value),
        )
        if decided is None:
            self._review_current = ""
            return
        self._say(
            self.tr("Corrected and accepted “{quote}” (Ctrl+Z undoes)").format(quote=item.quote)
        )

    def _ask_review_value_dialog(self, item: ReviewItem) -> str | None:
        label = {
            "date": self.tr("The date as EDTF (1987-03-13, 1987-03, 1987-03-12/1987-03-13):"),
            "figure": self.tr("The number or range, with its qualifier (about 200, 200-300):"),
            "person": self.tr("The person's name as it should be recorded:"),
        }[item.kind]
        text, ok = QInputDialog.getText(
            self,
            self.tr("Edit “{quote}”").format(quote=item.quote),
            label,
            text=editable_value(item),
        )
        return text if ok and text.strip() else None

    def review_move(self, step: int) -> None:
        item = self.review_view.move(step)
        if item is None:
            where = self.tr("last") if step > 0 else self.tr("first")
            self._say(self.tr("This is the {where} suggestion in the queue.").format(where=where))
            return
        row = self.review_view.table.currentIndex().row() + 1
        self._say(
            self.tr("{n} of {total}: {value} — {ref}").format(
                n=row,
                total=self.review_view.model.rowCount(),
                value=item.value,
                ref=item.document_ref,
            )
        )

    def review_open(self) -> None:
        item = self.review_view.open_current()
        if item is not None:
            self._say(
                self.tr("{ref}: “{quote}” — A accept · R reject · E edit · N next").format(
                    ref=item.document_ref, quote=item.quote
                )
            )

    # --- the document list and the reading pane ---------------------------------------------
    def _on_open_document(self, action: Callable[[], object]) -> None:
        if self.reader.document is None:
            self._say(self.tr("Open a document first: select it in the list."))
            return
        action()

    def edit_tag_in_inspector(self, tag: TagView) -> None:
        self.inspector.setCurrentWidget(self.tag_editor)
        self.tag_editor.show_tag(tag)
        self.tag_editor.focus_value()
        self._say(
            self.tr("Editing “{quote}”: change the value, then Apply.").format(quote=tag.quote)
        )


def editable_value(item: ReviewItem) -> str:
    """The value as the edit box shows it, ready to correct."""
    values = item.values
    if item.kind == "date":
        return str(values.get("edtf") or "")
    if item.kind == "figure":
        number = format_number(values["value"]).replace(",", "")
        if values.get("upper_value") is not None:
            number += "-" + format_number(values["upper_value"]).replace(",", "")
            return number
        qualifier = values.get("qualifier") or "exact"
        return number if qualifier == "exact" else f"{qualifier} {number}"
    return str(values.get("name") or "")
