"""A small read-only tree model over ``Node`` objects built in one go.

The sidebar and the figures comparison are trees of a few hundred nodes at most,
rebuilt whole when the catalogue changes; building nodes in plain Python and handing
them over in one reset keeps ``index``/``parent`` trivial and correct.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
NodeRole = Qt.ItemDataRole.UserRole + 20


@dataclass(eq=False)
class Node:
    """One row: display text per column, plus anything the view needs in ``payload``."""

    texts: list[str]
    payload: Any = None
    tooltip: str | None = None
    bold: bool = False
    italic: bool = False
    selectable: bool = True
    description: str | None = None  # in words what bold, italics or a mark show
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        if self.parent is None:
            return 0
        for n, sibling in enumerate(self.parent.children):
            if sibling is self:
                return n
        return 0


class TreeModel(QAbstractItemModel):
    def __init__(
        self, headers: Sequence[str], parent: Any = None, *, context: str = "TreeModel"
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._context = context
        self._root = Node([])

    @property
    def root(self) -> Node:
        return self._root

    def set_nodes(self, nodes: Sequence[Node]) -> None:
        self.beginResetModel()
        self._root = Node([])
        for node in nodes:
            self._root.add(node)
        self.endResetModel()

    def node(self, index: Index) -> Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, Node):
                return node
        return self._root

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def walk(self) -> list[Node]:
        out: list[Node] = []
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    # --- Qt interface -------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        owner = self.node(parent)
        if not (0 <= row < len(owner.children) and 0 <= column < len(self._headers)):
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        owner = node.parent
        if owner is None or owner is self._root:
            return QModelIndex()
        return self.createIndex(owner.row(), 0, owner)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return QCoreApplication.translate(self._context, self._headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return node.texts[column] if column < len(node.texts) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip
        if role == Qt.ItemDataRole.FontRole and (node.bold or node.italic):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(node.bold)
            font.setItalic(node.italic)
            return font
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return node.description
        if role == NodeRole:
            return node
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = self.node(index)
        if node.selectable:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled
