"""The document list as a lazy table model.

The model holds only the row ids from one query; row contents are fetched in
pages when a view asks for them, cached, and dropped when the catalogue changes
(``refresh``) or marked stale one document at a time (``mark_stale``). A catalogue of
100,000 documents therefore costs one id query and a page of rows, not 100,000
objects. Which documents (the sidebar's scope) and the search text only change the
id query.

While a search is typed, the "Match" column shows each row's snippet (the words
around its best match, in the document's own letters) and sorting on it orders the
rows by relevance, as ``catena search`` ranks them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from db.catalogue import Catalogue
from db.date_locales import DEFAULT_DATE_LOCALE
from db.date_words import in_words
from db.search.snippets import Fragment
from desktop.core import document_rows
from desktop.core.document_rows import DocumentRow as Row
from desktop.core.scope import Scope

PAGE = 200
MATCH_PAGE = 40
"""Snippets are made for this many rows at a time (about a screenful): each costs a
scan of the document's text, so they are not made for the 200 rows of a page."""
IdRole = Qt.ItemDataRole.UserRole + 1
RefRole = Qt.ItemDataRole.UserRole + 2
HtmlRole = Qt.ItemDataRole.UserRole + 3
"""The cell as HTML with the matched words in bold (the Match column's delegate)."""

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # also the sort key (``document_rows.SORT_COLUMNS``); "match": relevance
    title: str
    shown_by_default: bool = True


def _columns() -> tuple[Column, ...]:
    # Titles are marked for translation here and translated when shown.
    return (
        Column("ref", QT_TRANSLATE_NOOP("DocumentTableModel", "Reference")),
        Column("title", QT_TRANSLATE_NOOP("DocumentTableModel", "Title")),
        Column("doc_type", QT_TRANSLATE_NOOP("DocumentTableModel", "Type"), False),
        Column("publisher", QT_TRANSLATE_NOOP("DocumentTableModel", "Publisher")),
        Column("authors", QT_TRANSLATE_NOOP("DocumentTableModel", "Authors"), False),
        Column("published", QT_TRANSLATE_NOOP("DocumentTableModel", "Published")),
        Column("dateline", QT_TRANSLATE_NOOP("DocumentTableModel", "Dateline"), False),
        Column("language", QT_TRANSLATE_NOOP("DocumentTableModel", "Language"), False),
        Column("imported", QT_TRANSLATE_NOOP("DocumentTableModel", "Imported"), False),
        Column("review", QT_TRANSLATE_NOOP("DocumentTableModel", "Needs review"), False),
        Column(
            "match", QT_TRANSLATE_NOOP("DocumentTableModel", "Match")
        ),  # shown only while searching
    )


COLUMNS = _columns()
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


@dataclass(frozen=True)
class Match:
    """A row's snippet: as plain text (display, copy) and as HTML (drawn, tooltip)."""

    text: str = ""
    html: str = ""


def fragment_html(fragment: Fragment) -> str:
    """*fragment* as HTML, every piece of document text escaped, matches in bold."""
    return fragment.marked("<b>", "</b>", escape=html.escape)


def selected_rows(selection: QItemSelection) -> list[int]:
    """The rows a selection covers, in order, read from its ranges.

    ``QItemSelectionModel.selectedRows()`` tests every row and column one by one: with
    Select All over 100,000 documents that takes seconds. A selection is a few ranges
    (one after Select All), so this is as cheap as the number of rows it returns.
    """
    spans = sorted((r.top(), r.bottom()) for r in selection if r.isValid())
    rows: list[int] = []
    last = -1
    for top, bottom in spans:
        first = max(top, last + 1)
        if first <= bottom:
            rows.extend(range(first, bottom + 1))
            last = bottom
    return rows


class DocumentTableModel(QAbstractTableModel):
    """Documents of one scope (library, collection, trash…), fetched page by page."""

    date_locale = DEFAULT_DATE_LOCALE  # the window sets the reader's language

    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._columns = COLUMNS
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._scope = Scope()
        self._filter = ""
        self._terms: tuple[str, ...] = ()  # the search's folded terms, for snippets
        self.filter_error: str | None = None
        # The "Needs review" column costs three more queries per page, the "Match"
        # column a scan of each row's text: each only when shown.
        self._review_shown = True
        self._match_shown = False
        self._ids: list[int] = []
        self._cache: dict[int, Row] = {}
        self._matches: dict[int, Match] = {}
        self._reload_ids()

    # --- Qt model interface -------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return QCoreApplication.translate("DocumentTableModel", self._columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        key = self._columns[index.column()].key
        if key == "match":
            return self._match_data(index.row(), role)
        row = self._row(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if key in ("published", "imported"):
                return self._date_words(getattr(row, key))
            return getattr(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in row.guessed:
                return QCoreApplication.translate(
                    "DocumentTableModel", "Guessed from the text; not yet confirmed"
                )
            if key in ("title", "review") and getattr(row, key):
                return getattr(row, key)
            return None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and key in row.guessed:
            return QCoreApplication.translate(  # italics, in words
                "DocumentTableModel", "Guessed from the text; not yet confirmed"
            )
        if role == Qt.ItemDataRole.FontRole and key in row.guessed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == IdRole:
            return row.id
        if role == RefRole:
            return row.ref
        return None

    def _date_words(self, value: str) -> str:
        """A stored date ("2022-02-26", or "2026-12-03 09:40" for the import time) in
        words of the window's language; sorting stays on the stored bounds."""
        if not value:
            return ""
        day, _, time = value.partition(" ")
        words = in_words(day, self.date_locale)
        return f"{words} {time}" if time else words

    def _match_data(self, position: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._match(position).text
        if role == HtmlRole:
            return self._match(position).html or None
        if role == Qt.ItemDataRole.ToolTipRole:  # <qt>: read as rich text, entities too
            markup = self._match(position).html
            return f"<qt>{markup}</qt>" if markup else None
        if role == IdRole:
            return self._ids[position]
        if role == RefRole:
            return self._row(position).ref
        return None

    def _match(self, position: int) -> Match:
        if not (self._match_shown and self._terms):
            return Match()
        doc_id = self._ids[position]
        found = self._matches.get(doc_id)
        if found is None:
            start = (position // MATCH_PAGE) * MATCH_PAGE
            wanted = self._ids[start : start + MATCH_PAGE]
            made = document_rows.match_snippets(self._catalogue, wanted, self._terms)
            for i in wanted:
                body = made[i]
                self._matches[i] = (
                    Match(body.marked("", ""), fragment_html(body)) if body else Match()
                )
            found = self._matches[doc_id]
        return found

    # No flags() override on purpose: Qt's own gives enabled + selectable, and it is
    # asked once per cell of a selection (QItemSelectionRange::isEmpty). Answered in
    # Python, Select All over 100,000 rows took 6 s to paint; answered in C++, 0.1 s.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [
            self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in old_persistent
        ]
        self._sort = (column, order)
        self._reload_ids(keep_cache=True)
        positions = {doc_id: n for n, doc_id in enumerate(self._ids)}
        new_indexes = [
            self.index(positions[doc_id], old.column()) if doc_id in positions else QModelIndex()
            for old, doc_id in zip(old_persistent, old_ids, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_indexes)
        self.layoutChanged.emit()

    # --- catalogue side -----------------------------------------------------------
    @property
    def scope(self) -> Scope:
        return self._scope

    def set_scope(self, scope: Scope) -> None:
        self._scope = scope
        self.refresh()

    def set_filter(self, text: str, *, sort: tuple[int, Qt.SortOrder] | None = None) -> None:
        """Search for *text* (and sort by *sort*, e.g. relevance) with one id query."""
        self._filter = text
        if sort is not None and 0 <= sort[0] < len(self._columns):
            self._sort = sort
        self.refresh()

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def search_terms(self) -> tuple[str, ...]:
        """The current search's folded terms (empty without a text search)."""
        return self._terms

    @property
    def sort_key(self) -> str:
        """The key of the column the rows are sorted by ("match": relevance)."""
        return self._columns[self._sort[0]].key

    def set_review_shown(self, shown: bool) -> None:
        if shown != self._review_shown:
            self._review_shown = shown
            self.mark_stale()

    def set_match_shown(self, shown: bool) -> None:
        if shown != self._match_shown:
            self._match_shown = shown
            self.mark_stale()

    def column_key(self, column: int) -> str:
        return self._columns[column].key

    def refresh(self) -> None:
        """Re-read ids and drop cached rows: call after documents were added or removed."""
        self.beginResetModel()
        self._reload_ids()
        self.endResetModel()

    def mark_stale(self, refs: set[str] | None = None) -> None:
        """Forget cached rows (all, or those of *refs*) so the next paint re-reads them;
        cheaper than a reset, and keeps selection and scroll position."""
        if refs is None:
            self._cache.clear()
            self._matches.clear()
        else:
            for doc_id, row in list(self._cache.items()):
                if row.ref in refs:
                    del self._cache[doc_id]
                    self._matches.pop(doc_id, None)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def row_of(self, ref: str) -> int | None:
        doc_id = document_rows.id_of(self._catalogue, ref)
        if doc_id is None:
            return None
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return None

    def ref_at(self, row: int) -> str:
        return self._row(row).ref

    def refs_at(self, rows: list[int]) -> list[str]:
        """References of *rows* in that order, read in a few queries however many rows
        there are (Select All, then Trash or Dossier), without filling the row cache."""
        ids = [self._ids[row] for row in rows if 0 <= row < len(self._ids)]
        return document_rows.refs_of(self._catalogue, ids)

    def _reload_ids(self, *, keep_cache: bool = False) -> None:
        """Re-read the ids of scope, search and sort; a refused search shows nothing
        (``filter_error`` says why) rather than everything."""
        column, order = self._sort
        found = document_rows.list_ids(
            self._catalogue,
            scope=self._scope,
            text=self._filter,
            sort_key=self._columns[column].key,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self.filter_error = found.error
        self._terms = found.terms
        self._ids = found.ids
        if not keep_cache:
            self._cache.clear()
        self._matches.clear()  # the search may have changed, and with it the snippets

    def _row(self, position: int) -> Row:
        doc_id = self._ids[position]
        row = self._cache.get(doc_id)
        if row is None:
            self._fetch_page(position)
            row = self._cache[doc_id]
        return row

    def _fetch_page(self, position: int) -> None:
        start = (position // PAGE) * PAGE
        wanted = self._ids[start : start + PAGE]
        rows = document_rows.rows_of(
            self._catalogue,
            wanted,
            review=self._review_shown,
            removed=QCoreApplication.translate("DocumentTableModel", "(removed)"),
        )
        self._cache.update(rows)
