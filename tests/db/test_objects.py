"""The content-addressed object store."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from db.objects import FolderObjectStore
from tests.db.object_store_checks import no_temporary_files


def test_put_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    store = FolderObjectStore(tmp_path / "objects")
    data = "Şəkibə — 613\n".encode()
    sha = store.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path(sha) == tmp_path / "objects" / sha[:2] / sha[2:]
    assert store.put(data) == sha
    assert store.read(sha) == data
    assert list(store) == [sha]
    assert no_temporary_files(store)


def test_stored_objects_are_read_only(tmp_path: Path) -> None:
    store = FolderObjectStore(tmp_path / "objects")
    sha = store.put(b"original")
    mode = store.path(sha).stat().st_mode
    assert not mode & 0o222


def test_hash_of_detects_alteration_and_absence(tmp_path: Path) -> None:
    store = FolderObjectStore(tmp_path / "objects")
    sha = store.put(b"evidence")
    assert store.hash_of(sha) == sha
    target = store.path(sha)
    os.chmod(target, 0o644)
    target.write_bytes(b"evidencE")
    assert store.hash_of(sha) not in (None, sha)
    store.delete(sha)
    assert store.hash_of(sha) is None


def test_rejects_paths_that_are_not_hashes(tmp_path: Path) -> None:
    store = FolderObjectStore(tmp_path / "objects")
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")
