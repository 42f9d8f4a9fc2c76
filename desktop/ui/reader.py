"""The reading pane: a document's text with its tags drawn in, tagged by keyboard.

Select text and press D (date), F (figure), P (person) or W (witness); on a suggestion,
A accepts, R rejects and E edits it, N / P (or Shift+N) move to the next / previous
open suggestion (P tags a person only when words are selected).
The same commands are in the context menu. Tags are drawn with ExtraSelections so the
stored text is never touched; offsets are converted between Python (code points) and
Qt (UTF-16 units) because a single emoji or rare CJK character would otherwise shift
every later tag by one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QHelpEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from db.date_locales import DEFAULT_DATE_LOCALE
from db.date_words import in_words
from db.search.snippets import match_spans
from db.tags import TagKind
from desktop.core.views import DocumentView, TagView
from desktop.ui.highlight import Legend, search_match_format, tag_format, text_base
from desktop.ui.scan_pane import ScanPane, ScanSource

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif", ".bmp", ".webp"}


class OffsetMap:
    """Python string indices ↔ QTextDocument positions (UTF-16 code units)."""

    def __init__(self, text: str) -> None:
        # Positions (Python indices) of characters outside the BMP, which take two units.
        self._wide = [n for n, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        return index + bisect.bisect_left(self._wide, index)

    def from_qt(self, position: int) -> int:
        index = position
        for n, wide in enumerate(self._wide):  # few wide characters in real documents
            if wide + n < position:
                index -= 1
            else:
                break
        return index


def describe_tag(tag: TagView, locale: str = DEFAULT_DATE_LOCALE) -> str:
    """One line about a tag for tooltips and the status bar (a date in words of
    *locale*)."""
    status = {"suggested": "suggestion", "accepted": "accepted"}.get(tag.status, tag.status)
    v = tag.values
    if tag.kind == "date":
        what = f" — {v['what']}" if v.get("what") else ""
        return f"Date ({status}): {in_words(v['edtf'], locale)}{what}"
    if tag.kind == "figure":
        from db.analysis import format_number

        number = format_number(v["value"])
        if v.get("upper_value") is not None:
            number += "–" + format_number(v["upper_value"])
        qualifier = "" if v.get("qualifier") in (None, "exact") else f"{v['qualifier']} "
        category = f" [{v['category']}]" if v.get("category") else ""
        return f"Figure ({status}): {qualifier}{number} {v.get('counted') or ''}{category}"
    who = tag.agent_name or v.get("name")
    return f"Person ({status}): {who}, {v.get('role')}"


class DocumentText(QPlainTextEdit):
    """Read-only text that shows tag tooltips and offers the tagging menu."""

    def __init__(self, pane: ReadingPane) -> None:
        super().__init__()
        self._pane = pane
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("documentText")
        self.setAcceptDrops(False)  # drops go to the pane: images attach to the document
        self.viewport().setAcceptDrops(False)
        self.viewport().installEventFilter(self)
        self.setMouseTracking(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cursor = self.cursorForPosition(event.pos())
            tag = self._pane.tag_at(self._pane.offsets.from_qt(cursor.position()))
            if tag is not None:
                words = describe_tag(tag, self._pane.date_locale)
                QToolTip.showText(event.globalPos(), words, self)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        for action in self._pane.tag_actions():
            menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()


class ReadingPane(QWidget):
    """The selected document: heading, metadata line, legend, text with tags."""

    date_locale = DEFAULT_DATE_LOCALE  # the window sets the reader's language

    tag_requested = Signal(str, int, int, str)  # kind, start, end, role (Python offsets)
    accept_requested = Signal(object)  # TagView
    reject_requested = Signal(object)
    remove_requested = Signal(object)
    edit_requested = Signal(object)  # TagView: the window opens its values for editing
    current_tag_changed = Signal(object)  # TagView | None
    images_dropped = Signal(str, list)  # document ref, [Path]
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, scans: ScanSource | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.document: DocumentView | None = None
        self.offsets = OffsetMap("")
        self._tags: list[TagView] = []
        self._current: TagView | None = None
        self._search_terms: tuple[str, ...] = ()
        self._search_spans: list[tuple[int, int]] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setObjectName("documentHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = Legend()
        self.text = DocumentText(self)
        self.text.setAccessibleName(self.tr("Document text"))
        self.text.setAccessibleDescription(
            self.tr(
                "The selected document's text with its tags. Select words and press D, F or P "
                "to tag them; A accepts and R rejects the current suggestion, N goes to the next"
            )
        )
        self.text.cursorPositionChanged.connect(self._cursor_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.meta)
        layout.addWidget(self.legend)
        # An OCR text shows its page image beside it (hidden for other texts).
        self.scan = ScanPane(scans, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.text)
        self.splitter.addWidget(self.scan)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.setAcceptDrops(True)
        self._build_actions()

    # --- actions ----------------------------------------------------------------------
    def _action(self, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        # Plain letters must only act while the pane has focus, never in the filter box.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.tag_date_action = self._action(
            self.tr("Tag as &Date"), "D", lambda: self.tag_selection("date")
        )
        self.tag_figure_action = self._action(
            self.tr("Tag as &Figure"), "F", lambda: self.tag_selection("figure")
        )
        self.tag_person_action = self._action(
            self.tr("Tag as &Person (no selection: previous suggestion)"),
            "P",
            self.person_or_previous,
        )
        self.tag_witness_action = self._action(
            self.tr("Tag as &Witness"), "W", lambda: self.tag_selection("mention", "witness")
        )
        self.accept_action = self._action(self.tr("&Accept Suggestion"), "A", self.accept_current)
        self.reject_action = self._action(self.tr("&Reject Suggestion"), "R", self.reject_current)
        self.edit_action = self._action(self.tr("&Edit Tag"), "E", self.edit_current)
        self.remove_action = self._action(self.tr("Remove &Tag"), "Shift+Del", self.remove_current)
        self.next_action = self._action(
            self.tr("&Next Suggestion"), "N", lambda: self.goto_suggestion(+1)
        )
        self.previous_action = self._action(
            self.tr("Pre&vious Suggestion"), "Shift+N", lambda: self.goto_suggestion(-1)
        )

    def tag_actions(self) -> list[QAction]:
        """The tagging commands, for menus. They stay enabled (a disabled action would
        swallow its shortcut silently); each says in the status bar why it did nothing."""
        return [
            self.tag_date_action,
            self.tag_figure_action,
            self.tag_person_action,
            self.tag_witness_action,
            self.accept_action,
            self.reject_action,
            self.edit_action,
            self.remove_action,
            self.next_action,
            self.previous_action,
        ]

    # --- showing ----------------------------------------------------------------------
    def show_document(self, document: DocumentView, *, keep_position: bool = False) -> None:
        same = self.document is not None and self.document.ref == document.ref
        scroll = self.text.verticalScrollBar().value()
        position = self.text.textCursor().position()
        self.document = document
        fields = document.fields
        title = fields.get("title") or self.tr("Untitled")
        self.heading.setText(f"[{title}]" if fields.get("title_devised") else title)
        parts = [document.ref]
        for name in ("doc_type", "publisher", "authors", "published", "dateline"):
            value = fields.get(name)
            if isinstance(value, list):
                value = ", ".join(value)
            elif name == "published" and value:
                value = in_words(value, self.date_locale)
            if value:
                parts.append(f"{value}{' (?)' if name in document.guessed else ''}")
        if document.deleted:
            parts.append(self.tr("in the Trash"))
        self.meta.setText("  ·  ".join(parts))
        if not (same and keep_position and self.text.toPlainText() == document.text):
            self._tags, self._current = [], None  # old offsets must not touch the new text
            self.text.setPlainText(document.text)
            self.offsets = OffsetMap(document.text)
        self._tags = list(document.tags)
        self._search_spans = match_spans(document.text, self._search_terms)
        if same and keep_position:
            cursor = self.text.textCursor()
            cursor.setPosition(min(position, len(self.text.toPlainText())))
            self.text.setTextCursor(cursor)
            self.text.verticalScrollBar().setValue(scroll)
        elif self._search_spans:  # opened from a search: show where it matched
            self.place_cursor(self._search_spans[0][0])
        self._current = self._tag_at_cursor()
        self._paint_tags()
        self.scan.show_document(document.ref, self._tags)
        self.scan.set_current_tag(self._current)
        self.current_tag_changed.emit(self._current)

    def clear(self) -> None:
        self.document = None
        self._tags = []
        self._search_spans = []
        self._current = None
        self.heading.clear()
        self.meta.clear()
        self.text.clear()
        self.text.setExtraSelections([])
        self.scan.show_document(None, [])
        self.current_tag_changed.emit(None)

    @property
    def tags(self) -> list[TagView]:
        return list(self._tags)

    @property
    def current_tag(self) -> TagView | None:
        return self._current

    def set_search_terms(self, terms: Sequence[str]) -> None:
        """Mark what the search matched (folded *terms*, as the engine gives them) in
        this and every later document, until the search changes."""
        self._search_terms = tuple(terms)
        text = self.document.text if self.document is not None else ""
        self._search_spans = match_spans(text, self._search_terms)
        self._paint_tags()

    @property
    def search_spans(self) -> list[tuple[int, int]]:
        return list(self._search_spans)

    def _extra_selection(
        self, start: int, end: int, fmt: QTextCharFormat
    ) -> QTextEdit.ExtraSelection:
        """Characters start..end (Python offsets) drawn with *fmt*, text untouched."""
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        selection.format = fmt  # type: ignore[attr-defined]
        return selection

    def _paint_tags(self) -> None:
        match, base = search_match_format(), text_base(self.text)
        # Search marks first, under the tags: a tag's colours win.
        selections = [self._extra_selection(a, b, match) for a, b in self._search_spans]
        for tag in self._tags:
            current = self._current is not None and self._current.key == tag.key
            fmt = tag_format(tag.kind, tag.status, current=current, base=base)
            selections.append(self._extra_selection(tag.start, tag.end, fmt))
        self.text.setExtraSelections(selections)

    def tag_at(self, offset: int) -> TagView | None:
        """The innermost tag covering *offset* (end inclusive, so the caret after a word
        still counts as on it)."""
        hits = [t for t in self._tags if t.start <= offset <= t.end]
        return min(hits, key=lambda t: t.end - t.start) if hits else None

    def _tag_at_cursor(self) -> TagView | None:
        cursor = self.text.textCursor()
        if cursor.hasSelection():
            start = self.offsets.from_qt(cursor.selectionStart())
            end = self.offsets.from_qt(cursor.selectionEnd())
            exact = [t for t in self._tags if t.start == start and t.end == end]
            return exact[0] if exact else None
        return self.tag_at(self.offsets.from_qt(cursor.position()))

    def _cursor_moved(self) -> None:
        current = self._tag_at_cursor()
        if (current is None) != (self._current is None) or (
            current is not None and self._current is not None and current.key != self._current.key
        ):
            self._current = current
            self._paint_tags()
            self.scan.set_current_tag(current)
            self.current_tag_changed.emit(current)
            if current is not None:
                self.message.emit(describe_tag(current, self.date_locale))

    def select_span(self, start: int, end: int) -> None:
        """Select text[start:end] and scroll it into view (jumping to a passage)."""
        cursor = self.text.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def place_cursor(self, offset: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(self.offsets.to_qt(offset))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    # --- commands -----------------------------------------------------------------------
    def selection_span(self) -> tuple[int, int] | None:
        """The selected characters as Python offsets, without the white space and the
        trailing commas, semicolons and colons a quick mouse selection picks up."""
        cursor = self.text.textCursor()
        if self.document is None or not cursor.hasSelection():
            return None
        start = self.offsets.from_qt(cursor.selectionStart())
        end = self.offsets.from_qt(cursor.selectionEnd())
        text = self.document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        return (start, end) if start < end else None

    def tag_selection(self, kind: TagKind, role: str = "mentioned") -> None:
        span = self.selection_span()
        if span is None:
            self.message.emit(self.tr("Select the words to tag first."))
            return
        self.tag_requested.emit(kind, span[0], span[1], role)

    def _no_tag(self) -> bool:
        if self._current is None:
            self.message.emit(self.tr("Put the caret on a tag first (N goes to the next one)."))
            return True
        return False

    def accept_current(self) -> None:
        if not self._no_tag() and self._current is not None:
            if self._current.status == "accepted":
                self.message.emit(self.tr("This tag is already accepted."))
            else:
                self.accept_requested.emit(self._current)

    def reject_current(self) -> None:
        if not self._no_tag():
            self.reject_requested.emit(self._current)

    def edit_current(self) -> None:
        if not self._no_tag():
            self.edit_requested.emit(self._current)

    def person_or_previous(self) -> None:
        """P: selected words become a person; with nothing selected (as after N), P goes
        back to the previous suggestion, so A / R / E / N / P review without the mouse."""
        if self.text.textCursor().hasSelection():
            self.tag_selection("mention")
        else:
            self.goto_suggestion(-1)

    def remove_current(self) -> None:
        if not self._no_tag():
            self.remove_requested.emit(self._current)

    def goto_suggestion(self, step: int) -> TagView | None:
        """Move the caret to the next (or previous) open suggestion, wrapping around."""
        suggestions = [t for t in self._tags if t.status == "suggested"]
        if not suggestions:
            self.message.emit(self.tr("No open suggestions in this document."))
            return None
        here = self.offsets.from_qt(self.text.textCursor().position())
        if step > 0:
            later = [t for t in suggestions if t.start > here]
            target = later[0] if later else suggestions[0]
        else:
            earlier = [t for t in suggestions if t.end < here]
            target = earlier[-1] if earlier else suggestions[-1]
        self.place_cursor(target.start)
        return target

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drops: image files attach to the document ---------------------------------------
    @staticmethod
    def image_paths(paths: Sequence[Path]) -> list[Path]:
        return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]

    def _dropped_paths(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = self._dropped_paths(event)
        if self.document is not None and paths and self.image_paths(paths) == paths:
            event.acceptProposedAction()
        else:
            event.ignore()  # not all images: the window imports them as documents

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.image_paths(self._dropped_paths(event))
        if self.document is not None and paths:
            event.acceptProposedAction()
            self.images_dropped.emit(self.document.ref, paths)
        else:
            event.ignore()
