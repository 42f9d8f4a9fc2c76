"""W3C Web Annotation JSON-LD: one annotation per tag, anchored by quote and position."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from desktop.exchange import ExportOptions, export
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def test_every_tag_is_an_annotation(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "tags.jsonld"
    result = export(rich, format="annotations", selection=None, output=out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["@context"][1]["catena"].startswith("urn:")
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == result.counts["annotations"]
    by_id = {item["id"]: item for item in items}
    assert len(by_id) == len(items)
    with rich.reading() as session:
        documents = list(session.scalars(select(Document).where(Document.deleted_at.is_(None))))
        expected = {
            f"urn:uuid:{tag.uid}": (kind, document, tag)
            for document in documents
            for kind, tags in (
                ("date", document.dates),
                ("figure", document.figures),
                ("mention", document.mentions),
            )
            for tag in tags
        }
        assert set(by_id) == set(expected)
        for annotation_id, (kind, document, tag) in expected.items():
            item = by_id[annotation_id]
            assert item["type"] == "Annotation"
            assert item["motivation"] == ("identifying" if kind == "mention" else "tagging")
            assert item["catena:status"] == tag.status
            assert item["catena:kind"] == kind
            target = item["target"]
            assert target["source"] == f"urn:uuid:{document.uid}"
            quote, position = target["selector"]
            assert quote == {
                "type": "TextQuoteSelector",
                "exact": tag.quote,
                "prefix": tag.prefix,
                "suffix": tag.suffix,
            }
            assert position == {"type": "TextPositionSelector", "start": tag.start, "end": tag.end}
            assert document.text[position["start"] : position["end"]] == quote["exact"]
            text_body, value = item["body"]
            assert text_body["type"] == "TextualBody" and text_body["purpose"] == item["motivation"]
            if kind == "date":
                assert value["type"] == "catena:Date" and value["catena:edtf"] == tag.edtf
                assert text_body["value"] == tag.edtf
            elif kind == "figure":
                assert value["catena:value"] == tag.value
                assert value["catena:qualifier"] == tag.qualifier
                assert value["catena:counted"] == tag.counted
                assert value.get("catena:category") == tag.category
                if tag.part_of is not None:
                    assert value["catena:partOf"] == f"urn:uuid:{tag.part_of.uid}"
                    assert value["catena:partOf"] in by_id
            else:
                assert value["catena:name"] == tag.name and value["catena:role"] == tag.role
                if tag.agent is not None:
                    assert value["catena:agent"]["id"] == f"urn:uuid:{tag.agent.uid}"
                    assert value["catena:agent"]["catena:reference"] == tag.agent.ref
            assert item.get("catena:note") == tag.note
    hostile = [i for i in items if i["target"]["catena:reference"] == "CAT-000005"]
    exacts = {i["target"]["selector"][0]["exact"] for i in hostile}
    assert {"Anna <Smith> & Co.", '"stop, now"', "=SUM(A1:A2)", "100%"} <= exacts
    note = next(i for i in hostile if i.get("catena:note"))
    assert note["catena:note"] == 'note with\nnewline, "quote" & <b>'


def test_statuses_filter(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "accepted.jsonld"
    export(
        rich,
        format="annotations",
        selection=["CAT-000005"],
        output=out,
        options=ExportOptions(statuses=("accepted",)),
    )
    items = json.loads(out.read_text(encoding="utf-8"))["first"]["items"]
    assert {i["catena:status"] for i in items} == {"accepted"}
    assert len(items) == 4
