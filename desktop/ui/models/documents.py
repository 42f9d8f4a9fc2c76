"""The document list as a lazy table model.

The model holds only the ordered row ids from one query; row contents are fetched in
pages when a view asks for them, cached, and dropped when the catalogue changes
(``refresh``). A catalogue of 100,000 documents therefore costs one id query and a
page of rows, not 100,000 objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import Select, select

from db.catalogue import Catalogue
from db.models import Document

PAGE = 200
IdRole = Qt.ItemDataRole.UserRole + 1
RefRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort_column: Any


def _columns() -> tuple[Column, ...]:
    return (
        Column("ref", "Reference", Document.id),
        Column("title", "Title", Document.title),
        Column("publisher", "Publisher", Document.publisher),
        Column("published", "Published", Document.published_lower),
    )


@dataclass(frozen=True)
class Row:
    id: int
    ref: str
    title: str
    publisher: str
    published: str
    guessed: frozenset[str]


class DocumentTableModel(QAbstractTableModel):
    """Documents not in the trash, in a chosen order, fetched page by page."""

    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._columns = _columns()
        self._sort = (0, Qt.SortOrder.AscendingOrder)
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
            return self.tr(self._columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._row(index.row())
        key = self._columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return getattr(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in row.guessed:
            return self.tr("Guessed from the text; not yet confirmed")
        if role == Qt.ItemDataRole.FontRole and key in row.guessed:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        if role == IdRole:
            return row.id
        if role == RefRole:
            return row.ref
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [
            self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in old_persistent
        ]
        self._sort = (column, order)
        self._reload_ids()
        positions = {doc_id: n for n, doc_id in enumerate(self._ids)}
        new_indexes = [
            self.index(positions[doc_id], old.column()) if doc_id in positions else QModelIndex()
            for old, doc_id in zip(old_persistent, old_ids, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_indexes)
        self.layoutChanged.emit()

    # --- catalogue side -----------------------------------------------------------
    def refresh(self) -> None:
        """Re-read ids and drop cached rows: call after anything changed documents."""
        self.beginResetModel()
        self._reload_ids()
        self.endResetModel()

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
        return (
            select(Document.id)
            .where(Document.deleted_at.is_(None))
            .order_by(ordering.nulls_last(), Document.id)
        )

    def _reload_ids(self) -> None:
        with self._catalogue.reading() as session:
            self._ids = list(session.execute(self._query()).scalars())
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
                    Document.publisher,
                    Document.published,
                    Document.guessed,
                ).where(Document.id.in_(wanted))
            )
            for doc_id, ref, title, devised, publisher, published, guessed in result:
                shown = title or ""
                self._cache[doc_id] = Row(
                    id=doc_id,
                    ref=ref,
                    title=f"[{shown}]" if devised and shown else shown,
                    publisher=publisher or "",
                    published=published or "",
                    guessed=frozenset(guessed or ()),
                )
        for doc_id in wanted:  # a row deleted meanwhile still needs a placeholder
            self._cache.setdefault(
                doc_id, Row(doc_id, "", self.tr("(removed)"), "", "", frozenset())
            )
