"""Field filters and the values they compare when those values change or hold LIKE
wildcards: what the folded comparison must get right on either engine (on PostgreSQL
the folds are looked up in ``search_folds``, by LIKE patterns)."""

from __future__ import annotations

from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import add_document
from db.models import Collection, Keyword
from tests.db.test_search_engine import docs, found, new  # noqa: F401 — docs: a fixture


def test_renamed_collections_and_tags_are_found_by_their_new_names(
    catalogue: Catalogue,
    docs: dict[str, str],  # noqa: F811 — the fixture imported above
) -> None:
    """No document changes when a collection or a tag is renamed; the filters must
    still compare the new name (on PostgreSQL its fold is recorded then)."""
    with catalogue.writing() as session:
        session.scalars(
            select(Collection).where(Collection.name == "Caucasus")
        ).one().name = "Qafqaz Şəki"
        session.scalars(
            select(Keyword).where(Keyword.name == "Witness statements")
        ).one().name = "Şahid ifadələri"
    with catalogue.reading() as session:
        assert found(session, "collection:qafqaz*") == [docs["cyrillic"]]
        assert found(session, 'collection:"qafqaz seki"') == [docs["cyrillic"]]
        assert found(session, 'tag:"sahid ifadeleri"') == [docs["xocali"]]
        assert found(session, "collection:caucasus") == []


def test_like_wildcards_in_a_filter_value_are_plain_characters(catalogue: Catalogue) -> None:
    """PostgreSQL compares folded values with LIKE: "%" and "_" typed are characters."""
    with catalogue.writing() as session:
        wanted = add_document(session, new=new("x", publisher="100% Gazette"), actor="t")
        add_document(session, new=new("y", publisher="1000 Gazette"), actor="t")
    with catalogue.reading() as session:
        assert found(session, "publisher:100%") == [wanted.ref]
        assert found(session, "publisher:10_") == []
        assert found(session, "publisher:100%*") == [wanted.ref]
        assert found(session, 'publisher:"100% gazette"') == [wanted.ref]
