"""What "a collection" covers: itself and every sub-collection, answered once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.collections import (
    add_to_collection,
    create_collection,
    holds_document,
    subtree,
    subtree_ids,
)
from db.documents import NewDocument, add_document
from db.models import Collection, Document


def _doc(session, n: int) -> Document:  # type: ignore[no-untyped-def]
    new = NewDocument(
        text=f"text {n}",
        media_type="text/plain",
        original_sha256=f"{n:064x}",
        original_size=1,
        original_filename=f"{n}.txt",
    )
    return add_document(session, new=new, actor="t")


def test_subtree_covers_every_level_and_nothing_beside_it(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        top = create_collection(session, name="Top")
        mid = create_collection(session, name="Mid", parent_id=top.id)
        low = create_collection(session, name="Low", parent_id=mid.id)
        other = create_collection(session, name="Other")
        assert sorted(subtree_ids(session, [top.id])) == sorted([top.id, mid.id, low.id])
        assert subtree_ids(session, [low.id]) == [low.id]
        assert other.id not in subtree_ids(session, [top.id])


def test_holds_document_finds_documents_filed_deep_down(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        top = create_collection(session, name="Top")
        low = create_collection(session, name="Low", parent_id=top.id)
        deep, loose = _doc(session, 1), _doc(session, 2)
        assert add_to_collection(session, collection_id=low.id, refs=[deep.ref]) == 1
        assert add_to_collection(session, collection_id=low.id, refs=[deep.ref]) == 0
        tree = subtree(select(Collection.id).where(Collection.id == top.id))
        found = session.execute(select(Document.ref).where(holds_document(tree))).scalars()
        assert list(found) == [deep.ref]
        assert loose.ref != deep.ref


def test_a_blank_collection_name_is_refused(catalogue: Catalogue) -> None:
    with catalogue.writing() as session, pytest.raises(ValueError, match="needs a name"):
        create_collection(session, name="   ")
