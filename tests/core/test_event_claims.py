"""The claims linked to one event record, as the Events view lists them."""

from __future__ import annotations

import pytest

from db.catalogue import Catalogue
from db.models import Figure
from desktop.core import claim_links, documents, event_records
from desktop.core.event_claims import linked_claims
from tests.core.corroboration_data import build


def test_linked_claims_list_quote_document_and_status(catalogue: Catalogue) -> None:
    built = build(catalogue)
    claims = linked_claims(catalogue, built.dam)
    assert [(c.kind, c.document_ref, c.quote) for c in claims] == [
        ("figure", "CAT-000001", "212 dead"),
        ("figure", "CAT-000002", "250 dead"),
    ]
    assert claims[1].document_title.startswith("=HYPERLINK")
    assert (claims[0].start, claims[0].end) == (8, 16)
    claim_links.confirm_link(catalogue, kind="figure", tag_id=claims[0].tag_id)
    assert linked_claims(catalogue, built.dam)[0].status == "accepted"
    assert [c.quote for c in linked_claims(catalogue, built.wave)] == ["7 dead"]


def test_rejected_tags_and_trashed_documents_are_no_evidence(catalogue: Catalogue) -> None:
    built = build(catalogue)
    documents.move_to_trash(catalogue, refs=["CAT-000002"])
    with catalogue.writing() as session:
        session.get(Figure, built.tag_ids["CAT-000004"]).status = "rejected"  # type: ignore[union-attr]
    assert [c.document_ref for c in linked_claims(catalogue, built.dam)] == ["CAT-000001"]
    assert [c.document_ref for c in linked_claims(catalogue, built.market)] == ["CAT-000003"]


def test_an_unknown_event_is_refused_in_one_line(catalogue: Catalogue) -> None:
    with pytest.raises(event_records.EventRecordError) as refused:
        linked_claims(catalogue, "EVT-999999")
    assert "\n" not in str(refused.value)
