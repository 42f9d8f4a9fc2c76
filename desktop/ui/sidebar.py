"""The sidebar: where the archivist is — library, collections, searches, views, trash.

Each node's payload is a ``Place``: either a scope of the document list (library, a
collection, a saved search, recently imported, needs review, trash) or another view
(people, events, chronology, figures, images). Counts are read in one short query each.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from db.catalogue import Catalogue
from desktop.core.collections import collections, saved_searches
from desktop.core.review import open_counts
from desktop.core.scope import RECENT_DAYS, Scope, count_in
from desktop.ui.models.tree import Node, NodeRole, TreeModel


@dataclass(frozen=True)
class Place:
    view: str  # "documents", "people", "events", "chronology", "figures", "images", "review"
    scope: Scope | None = None
    key: str = ""  # stable identity, to keep the selection across rebuilds


def build_nodes(catalogue: Catalogue) -> list[Node]:
    def scoped(label: str, scope: Scope, key: str, tooltip: str | None = None) -> Node:
        count = count_in(catalogue, scope)
        return Node([f"{label} ({count})"], payload=Place("documents", scope, key), tooltip=tooltip)

    library = scoped(QCoreApplication.translate("Sidebar", "Library"), Scope("library"), "library")
    library.bold = True
    group = Node(
        [QCoreApplication.translate("Sidebar", "Collections")],
        payload=None,
        selectable=False,
        italic=True,
    )
    rows = collections(catalogue)
    by_parent: dict[int | None, list] = {}
    for row in rows:
        by_parent.setdefault(row.parent_id, []).append(row)

    def add_children(parent: Node, parent_id: int | None) -> None:
        for row in by_parent.get(parent_id, []):
            node = parent.add(
                scoped(row.name, Scope("collection", collection_id=row.id), f"collection:{row.id}")
            )
            add_children(node, row.id)

    add_children(group, None)
    if not rows:
        group.add(
            Node(
                [QCoreApplication.translate("Sidebar", "(none yet)")], selectable=False, italic=True
            )
        )
    searches = Node(
        [QCoreApplication.translate("Sidebar", "Saved searches")],
        payload=None,
        selectable=False,
        italic=True,
    )
    for search_id, name, query in saved_searches(catalogue):
        searches.add(scoped(name, Scope("saved", query=query), f"saved:{search_id}", tooltip=query))
    if not searches.children:
        searches.add(
            Node(
                [QCoreApplication.translate("Sidebar", "(none yet)")], selectable=False, italic=True
            )
        )
    return [
        library,
        group,
        searches,
        Node(
            [QCoreApplication.translate("Sidebar", "People")], payload=Place("people", key="people")
        ),
        Node(
            [QCoreApplication.translate("Sidebar", "Events")], payload=Place("events", key="events")
        ),
        Node(
            [QCoreApplication.translate("Sidebar", "Chronology")],
            payload=Place("chronology", key="chronology"),
        ),
        Node(
            [QCoreApplication.translate("Sidebar", "Figures")],
            payload=Place("figures", key="figures"),
        ),
        Node(
            [QCoreApplication.translate("Sidebar", "Images")], payload=Place("images", key="images")
        ),
        review_queue_node(catalogue),
        scoped(
            QCoreApplication.translate("Sidebar", "Recently imported"),
            Scope("recent"),
            "recent",
            QCoreApplication.translate(
                "Sidebar", "Imported in the last %Ln days", None, RECENT_DAYS
            ),
        ),
        scoped(
            QCoreApplication.translate("Sidebar", "Needs review"),
            Scope("review"),
            "review",
            QCoreApplication.translate(
                "Sidebar",
                "Guessed metadata, flags (low-confidence encoding, possible duplicate, "
                "fixity failed, text fixity failed) or open suggestions",
            ),
        ),
        scoped(QCoreApplication.translate("Sidebar", "Trash"), Scope("trash"), "trash"),
    ]


def review_queue_node(catalogue: Catalogue) -> Node:
    """The review queue, with a live count of the suggestions still open."""
    left = sum(open_counts(catalogue).values())
    node = Node(
        [QCoreApplication.translate("Sidebar", "Queue: %Ln to review", None, left)],
        payload=Place("review", key="queue"),
        tooltip=QCoreApplication.translate(
            "Sidebar",
            "The review queue: every open suggestion (dates, figures, people) — "
            "A accept, R reject, E edit, N next (Ctrl+9)",
        ),
    )
    node.bold = left > 0
    return node


class Sidebar(QTreeView):
    place_chosen = Signal(object)  # Place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.tree_model = TreeModel(
            [QT_TRANSLATE_NOOP("Sidebar", "Catalogue")], self, context="Sidebar"
        )
        self.setModel(self.tree_model)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._current_key = "library"

    def rebuild(self, catalogue: Catalogue) -> None:
        self.selectionModel().blockSignals(True)
        try:
            self.tree_model.set_nodes(build_nodes(catalogue))
            self.expandAll()
            self._select_key(self._current_key)
        finally:
            self.selectionModel().blockSignals(False)

    def _select_key(self, key: str) -> bool:
        for node in self.tree_model.walk():
            if isinstance(node.payload, Place) and node.payload.key == key:
                self.selectionModel().setCurrentIndex(
                    self.tree_model.index_of(node),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
                return True
        return False

    def choose(self, key: str) -> bool:
        """Go to the place with this key ("library", "people", "trash", "collection:3")."""
        if self._current_key == key:
            place = self.current_place()
            if place is not None:
                self.place_chosen.emit(place)
            return True
        return self._select_key(key)

    def current_place(self) -> Place | None:
        node = self.currentIndex().data(NodeRole)
        payload = node.payload if node is not None else None
        return payload if isinstance(payload, Place) else None

    def _current_changed(self, current: object, _previous: object) -> None:
        node = current.data(NodeRole) if current.isValid() else None  # type: ignore[attr-defined]
        place = node.payload if node is not None else None
        if isinstance(place, Place):
            self._current_key = place.key
            self.place_chosen.emit(place)
