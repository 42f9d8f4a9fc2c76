"""A document's record: editing its metadata, confirming and accepting guesses, the Trash.

Each operation is one write transaction. Moving to the Trash and restoring are each
other's inverse, and a metadata edit returns the values before, so the window's undo
is another call of the same operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db.catalogue import Catalogue
from db.date_input import read_date_input
from db.documents import (
    MetadataChange,
    accept_file_guess,
    confirm_fields,
    restore_document,
    trash_document,
    update_metadata,
)
from desktop.core.changes import Changes, Done


def edit_metadata(
    catalogue: Catalogue, *, ref: str, changes: dict[str, Any]
) -> Done[MetadataChange]:
    """Set metadata fields of *ref*; a person's edit confirms them (no longer guesses).

    The publication date may be typed as people write it ("26 Feb 2022"); it is
    stored as the EDTF ``read_date_input`` makes of it, and input it cannot read is
    refused (``DateInputError``, one line naming the field) before anything is written.
    """
    if "published" in changes:
        typed = changes["published"]
        published = read_date_input(typed if isinstance(typed, str) else None, field="Published")
        changes = {**changes, "published": published}
    with catalogue.writing() as session:
        change = update_metadata(session, ref=ref, changes=changes, actor=catalogue.actor)
    return Done(change, Changes(documents=frozenset({ref})))


def confirm(catalogue: Catalogue, *, ref: str, fields: Sequence[str]) -> Done[list[str]]:
    """Mark guessed fields of *ref* as checked by a person, values unchanged."""
    with catalogue.writing() as session:
        done = confirm_fields(session, ref=ref, fields=list(fields), actor=catalogue.actor)
    return Done(done, Changes(documents=frozenset({ref})))


def accept_guess(catalogue: Catalogue, *, ref: str, number: int) -> Done[MetadataChange]:
    """Write file-metadata guess *number* of *ref* into its field (a PDF's creation date
    as the publication date, say): what a person does after checking it. Undone with
    ``edit_metadata`` of the values before, like any edit."""
    with catalogue.writing() as session:
        change = accept_file_guess(session, ref=ref, number=number, actor=catalogue.actor)
    return Done(change, Changes(documents=frozenset({change.ref})))


def move_to_trash(catalogue: Catalogue, *, refs: Sequence[str]) -> Done[int]:
    """Move documents to the Trash (they keep their tags and can be restored)."""
    with catalogue.writing() as session:
        for ref in refs:
            trash_document(session, ref=ref, actor=catalogue.actor)
    return Done(len(refs), Changes(documents=None, sidebar=True))


def restore_from_trash(catalogue: Catalogue, *, refs: Sequence[str]) -> Done[int]:
    """Bring documents back from the Trash."""
    with catalogue.writing() as session:
        for ref in refs:
            restore_document(session, ref=ref, actor=catalogue.actor)
    return Done(len(refs), Changes(documents=None, sidebar=True))
