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
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.models import Document
from db.search import engine as search_engine
from db.search.snippets import Fragment, snippets
from desktop.ui.catalogue_ops import (
    Scope,
    filter_condition,
    review_reasons,
    scope_conditions,
    scope_within,
)

PAGE = 200
REF_CHUNK = 5_000
"""Ids per query when a large selection's references are read."""
MATCH_PAGE = 40
"""Snippets are made for this many rows at a time (about a screenful): each costs a
scan of the document's text, so they are not made for the 200 rows of a page."""
IdRole = Qt.ItemDataRole.UserRole + 1
RefRole = Qt.ItemDataRole.UserRole + 2
HtmlRole = Qt.ItemDataRole.UserRole + 3
"""The cell as HTML with the matched words in bold (the Match column's delegate)."""

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("DocumentTableModel", text)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort_column: Any  # None: relevance to the search
    shown_by_default: bool = True


def _columns() -> tuple[Column, ...]:
    # Titles are marked for translation here and translated when shown.
    return (
        Column("ref", "Reference", Document.id),
        Column("title", "Title", Document.title),
        Column("doc_type", "Type", Document.doc_type, False),
        Column("publisher", "Publisher", Document.publisher),
        Column("authors", "Authors", Document.authors, False),
        Column("published", "Published", Document.published_lower),
        Column("dateline", "Dateline", Document.dateline, False),
        Column("language", "Language", Document.language, False),
        Column("imported", "Imported", Document.imported_at, False),
        Column("review", "Needs review", Document.id, False),
        Column("match", "Match", None),  # shown only while searching
    )


COLUMNS = _columns()
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


@dataclass(frozen=True)
class Row:
    id: int
    ref: str
    title: str
    doc_type: str
    publisher: str
    authors: str
    published: str
    dateline: str
    language: str
    imported: str
    review: str
    guessed: frozenset[str]


@dataclass(frozen=True)
class Match:
    """A row's snippet: as plain text (display, copy) and as HTML (drawn, tooltip)."""

    text: str = ""
    html: str = ""


@dataclass(frozen=True)
class _Id:
    """What ``snippets`` needs of a hit: its id."""

    id: int


def _placeholder(doc_id: int) -> Row:
    return Row(doc_id, "", _t("(removed)"), "", "", "", "", "", "", "", "", frozenset())


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
            return _t(self._columns[section].title)
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
            return getattr(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in row.guessed:
                return _t("Guessed from the text; not yet confirmed")
            if key in ("title", "review") and getattr(row, key):
                return getattr(row, key)
            return None
        if role == Qt.ItemDataRole.FontRole and key in row.guessed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == IdRole:
            return row.id
        if role == RefRole:
            return row.ref
        return None

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
            with self._catalogue.reading() as session:
                made = snippets(session, [_Id(i) for i in wanted], self._terms)
            for i in wanted:
                body = made[i].body if i in made else None
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
        with self._catalogue.reading() as session:
            doc_id = session.execute(select(Document.id).where(Document.ref == ref)).scalar()
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
        refs: dict[int, str] = {}
        with self._catalogue.reading() as session:
            for start in range(0, len(ids), REF_CHUNK):
                chunk = ids[start : start + REF_CHUNK]
                found = session.execute(
                    select(Document.id, Document.ref).where(Document.id.in_(chunk))
                )
                refs.update((doc_id, ref) for doc_id, ref in found)
        return [refs[doc_id] for doc_id in ids if doc_id in refs]

    def _query(self, session: Session) -> Select[tuple[int]] | None:
        """The id query of scope, search and sort; None when the search is refused
        (``filter_error`` says why, and the list shows nothing rather than everything)."""
        column, order = self._sort
        self.filter_error = None
        self._terms = ()
        try:
            conditions = scope_conditions(session, self._scope)
            extra = filter_condition(session, self._filter, trash=self._scope.kind == "trash")
            if extra is not None:
                self._terms = search_engine.search_terms(self._filter)
        except ValueError as exc:  # a query the search engine refuses: say why
            self.filter_error = str(exc)
            return None
        if extra is not None:
            conditions.append(extra)
        key = self._columns[column].sort_column
        if key is None:  # relevance: ordered in _reload_ids; reference order otherwise
            key = Document.id
        ordering = key.asc() if order == Qt.SortOrder.AscendingOrder else key.desc()
        return select(Document.id).where(*conditions).order_by(ordering.nulls_last(), Document.id)

    def _reload_ids(self, *, keep_cache: bool = False) -> None:
        with self._catalogue.reading() as session:
            query = self._query(session)
            if query is None:
                ids = []
            elif self.sort_key == "match" and self._filter.strip():
                ids = self._by_relevance(session)
            else:
                ids = list(session.execute(query).scalars())
        self._ids = ids
        if not keep_cache:
            self._cache.clear()
        self._matches.clear()  # the search may have changed, and with it the snippets

    def _by_relevance(self, session: Session) -> list[int]:
        """The search's rows within the scope, in the search's own order (best first;
        descending: worst first); ranked among the scope's documents, so a collection
        is ranked even when the word is common in the library."""
        ordered = search_engine.search_ids(
            session,
            self._filter,
            order="relevance",
            within=scope_within(session, self._scope),
            trash=self._scope.kind == "trash",
        )
        if self._sort[1] == Qt.SortOrder.DescendingOrder:
            ordered.reverse()
        return ordered

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
        with self._catalogue.reading() as session:
            result = session.execute(
                select(
                    Document.id,
                    Document.ref,
                    Document.title,
                    Document.title_devised,
                    Document.doc_type,
                    Document.publisher,
                    Document.authors,
                    Document.published,
                    Document.dateline,
                    Document.language,
                    Document.imported_at,
                    Document.guessed,
                ).where(Document.id.in_(wanted))
            )
            reasons = review_reasons(session, wanted) if self._review_shown else {}
            for (
                doc_id,
                ref,
                title,
                devised,
                doc_type,
                publisher,
                authors,
                published,
                dateline,
                language,
                imported,
                guessed,
            ) in result:
                shown = title or ""
                self._cache[doc_id] = Row(
                    id=doc_id,
                    ref=ref,
                    title=f"[{shown}]" if devised and shown else shown,
                    doc_type=doc_type or "",
                    publisher=publisher or "",
                    authors="; ".join(authors or ()),
                    published=published or "",
                    dateline=dateline or "",
                    language=language or "",
                    imported=(imported or "")[:16].replace("T", " "),
                    review=" · ".join(reasons.get(doc_id, ())),
                    guessed=frozenset(guessed or ()),
                )
        for doc_id in wanted:  # a row deleted meanwhile still needs a placeholder
            self._cache.setdefault(doc_id, _placeholder(doc_id))
