"""The document list as a lazy table model.

The model holds only the row ids from one query; row contents are fetched in
pages when a view asks for them, cached, and dropped when the catalogue changes
(``refresh``) or marked stale one document at a time (``mark_stale``). A catalogue of
100,000 documents therefore costs one id query and a page of rows, not 100,000
objects. Which documents (the sidebar's scope) and the filter text only change the
id query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from sqlalchemy import Select, select

from db.catalogue import Catalogue
from db.models import Document
from desktop.ui.catalogue_ops import Scope, filter_condition, review_reasons, scope_conditions

PAGE = 200
IdRole = Qt.ItemDataRole.UserRole + 1
RefRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("DocumentTableModel", text)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort_column: Any
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


def _placeholder(doc_id: int) -> Row:
    return Row(doc_id, "", _t("(removed)"), "", "", "", "", "", "", "", "", frozenset())


class DocumentTableModel(QAbstractTableModel):
    """Documents of one scope (library, collection, trash…), fetched page by page."""

    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._columns = COLUMNS
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._scope = Scope()
        self._filter = ""
        self.filter_error: str | None = None
        # The "Needs review" column costs three more queries per page; only when shown.
        self._review_shown = True
        self._ids: list[int] = []
        self._cache: dict[int, Row] = {}
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
        row = self._row(index.row())
        key = self._columns[index.column()].key
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

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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

    def set_filter(self, text: str) -> None:
        self._filter = text
        self.refresh()

    def set_review_shown(self, shown: bool) -> None:
        if shown != self._review_shown:
            self._review_shown = shown
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
        else:
            for doc_id, row in list(self._cache.items()):
                if row.ref in refs:
                    del self._cache[doc_id]
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

    def _query(self) -> Select[tuple[int]]:
        column, order = self._sort
        key = self._columns[column].sort_column
        ordering = key.asc() if order == Qt.SortOrder.AscendingOrder else key.desc()
        with self._catalogue.reading() as session:
            conditions = scope_conditions(session, self._scope)
            self.filter_error = None
            try:
                extra = filter_condition(session, self._filter)
            except ValueError as exc:  # a query the search engine refuses: say why
                self.filter_error = str(exc)
                extra = None
        if extra is not None:
            conditions.append(extra)
        return select(Document.id).where(*conditions).order_by(ordering.nulls_last(), Document.id)

    def _reload_ids(self, *, keep_cache: bool = False) -> None:
        query = self._query()
        with self._catalogue.reading() as session:
            self._ids = list(session.execute(query).scalars())
        if not keep_cache:
            self._cache.clear()

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
