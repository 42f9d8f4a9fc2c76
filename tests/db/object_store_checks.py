"""Checks shared by the object store tests."""

from __future__ import annotations

from db.objects import FolderObjectStore


def no_temporary_files(store: FolderObjectStore) -> bool:
    """Nothing half-written is left in the store's ``tmp/`` (which a put that writes
    its file nameless never needs to make)."""
    tmp = store.root / "tmp"
    return not tmp.exists() or not any(tmp.iterdir())
