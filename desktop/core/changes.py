"""What an operation changed, so each adapter refreshes or reports just that.

The habit is Anki's ``OpChanges``: an operation returns a small record of the kinds of
thing it touched, and the window maps that record to its change signals in one place
instead of every action knowing which views to refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Kinds of records an operation touched.

    ``documents`` holds the references whose rows changed; ``None`` means the set of
    documents itself changed (added, trashed, restored), so lists must be re-read.
    """

    documents: frozenset[str] | None = frozenset()
    tags_of: frozenset[str] = frozenset()
    people: bool = False
    event_records: bool = False
    images_of: frozenset[str] = frozenset()
    sidebar: bool = False

    def __or__(self, other: Changes) -> Changes:
        documents = (
            None
            if self.documents is None or other.documents is None
            else self.documents | other.documents
        )
        return Changes(
            documents=documents,
            tags_of=self.tags_of | other.tags_of,
            people=self.people or other.people,
            event_records=self.event_records or other.event_records,
            images_of=self.images_of | other.images_of,
            sidebar=self.sidebar or other.sidebar,
        )


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T]):
    """An operation's result and what it changed."""

    value: T
    changes: Changes = field(default=NOTHING)
