"""Originals as the window reaches them: a local file, whatever store holds them.

A folder catalogue's originals are files already. A team catalogue may keep them on
S3, where the store's ``local_file`` downloads (and SHA-256 checks) an object into a
local cache first: seconds for a large scan, or an error when the store cannot be
reached. So the window asks for originals on the task runner, never on the UI thread,
and shows a store's failure as the one line the store wrote
(``db.objects.ObjectStoreError`` is an ``OSError`` whose text is that line).
"""

from __future__ import annotations

from pathlib import Path

from db.objects import ObjectStore
from db.sanitize import clean_field


def local_original(store: ObjectStore, sha256: str) -> Path:
    """A local file holding object *sha256* (S3 downloads it; a folder store hands out
    its own file). A path where no file is means the store does not hold the object;
    raises ``OSError`` when the store cannot be used."""
    return store.local_file(sha256)


def one_line_error(error: BaseException) -> str:
    """*error* as the one line a person reads: an object store error's own text, an
    ``OSError``'s reason and file, else the exception's first line."""
    if isinstance(error, OSError) and type(error).__str__ is OSError.__str__:
        reason = error.strerror or str(error)
        text = f"{error.filename}: {reason}" if error.filename else reason
    else:
        text = str(error) or type(error).__name__
    lines = text.strip().splitlines()
    return clean_field(lines[0] if lines else type(error).__name__)
