"""Tags as W3C Web Annotations (JSON-LD), so annotation tools can show and check them.

Each tag becomes one ``Annotation`` whose target is the document (``urn:uuid:`` of its
UID, with the reference code as a label) narrowed by both selectors the model
defines: a ``TextQuoteSelector`` (exact, prefix, suffix — the tag's own quote and
context) and a ``TextPositionSelector`` (start, end — offsets into the document's
working text, counted in Unicode code points). A consumer that finds the offsets no
longer fit can re-anchor by the quote, which is why Catena stores both.

Motivation: ``identifying`` for people and organisations (the tag says who a passage
names), ``tagging`` for dates and figures. The body is a ``TextualBody`` with a
readable value (purpose "tagging"/"identifying") plus a structured body whose
``catena:`` properties carry the exact values. Status, origin and note are the
``catena:status``/``catena:origin``/``catena:note`` properties of the annotation; the
``catena`` prefix is declared in the document's own context after the W3C one.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from db.analysis import format_number
from db.models import Document
from desktop.exchange.common import TagModel, compact, document_tags, number

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CATENA_VOCAB = "urn:catena:vocab#"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"catena": CATENA_VOCAB}]
MOTIVATION = {"date": "tagging", "figure": "tagging", "mention": "identifying"}


def _label(kind: str, tag: Any) -> str:
    if kind == "date":
        return tag.edtf
    if kind == "figure":
        value = format_number(tag.value)
        if tag.upper_value is not None:
            value += f"–{format_number(tag.upper_value)}"
        qualifier = "" if tag.qualifier == "exact" else f"{tag.qualifier} "
        return f"{qualifier}{value} {tag.counted}".strip()
    return f"{tag.name} ({tag.role})"


def _value_body(kind: str, tag: Any) -> dict[str, Any]:
    """The tag's exact values as a body of their own. The model admits a body that is
    not a ``TextualBody`` only as a resource with an IRI (section 3.2.1), so it is
    named after the tag: ``urn:uuid:<tag>#value``."""
    return {"id": f"urn:uuid:{tag.uid}#value", **_values(kind, tag)}


def _values(kind: str, tag: Any) -> dict[str, Any]:
    if kind == "date":
        return compact(
            {
                "type": "catena:Date",
                "catena:edtf": tag.edtf,
                "catena:lower": tag.lower,
                "catena:upper": tag.upper,
                "catena:what": tag.what,
                "catena:certainty": tag.certainty,
            }
        )
    if kind == "figure":
        body = {
            "type": "catena:Figure",
            "catena:value": number(tag.value),
            "catena:upperValue": number(tag.upper_value),
            "catena:qualifier": tag.qualifier,
            "catena:counted": tag.counted,
            "catena:category": tag.category,
            "catena:partOf": f"urn:uuid:{tag.part_of.uid}" if tag.part_of else None,
        }
        return {k: v for k, v in body.items() if v is not None}
    agent = tag.agent
    body = {
        "type": "catena:Mention",
        "catena:name": tag.name,
        "catena:role": tag.role,
        "catena:isOrganisation": bool(tag.is_organisation),
    }
    if agent is not None:
        body["catena:agent"] = {
            "id": f"urn:uuid:{agent.uid}",
            "type": "catena:Organisation" if agent.kind == "organisation" else "catena:Person",
            "catena:reference": agent.ref,
            "catena:preferredName": agent.preferred_name,
        }
    return body


def annotation(document: Document, kind: str, tag: TagModel) -> dict[str, Any]:
    motivation = MOTIVATION[kind]
    prefix, suffix = tag.context_in(document.text)
    item: dict[str, Any] = {
        "id": f"urn:uuid:{tag.uid}",
        "type": "Annotation",
        "motivation": motivation,
        "created": tag.created_at,
        "modified": tag.updated_at,
        "body": [
            {
                "type": "TextualBody",
                "purpose": motivation,
                "value": _label(kind, tag),
                "format": "text/plain",
            },
            _value_body(kind, tag),
        ],
        "target": {
            "source": f"urn:uuid:{document.uid}",
            "catena:reference": document.ref,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": tag.quote,
                    "prefix": prefix,
                    "suffix": suffix,
                },
                {"type": "TextPositionSelector", "start": tag.start, "end": tag.end},
            ],
        },
        "catena:kind": kind,
        "catena:status": tag.status,
        "catena:origin": tag.origin,
    }
    if tag.note:
        item["catena:note"] = tag.note
    return item


def annotation_collection(
    session: Session,
    documents: Sequence[Document],
    statuses: Sequence[str],
    *,
    label: str,
) -> dict[str, Any]:
    """An ``AnnotationCollection`` with one page holding every annotation.

    The page has an ``id`` of its own: the model (section 5.2) requires one even for a
    page embedded in its collection, and the W3C test suite fails a page without it."""
    items = [
        annotation(document, kind, tag)
        for document in documents
        for kind, tag in document_tags(session, document, statuses)
    ]
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {
            "id": f"urn:uuid:{uuid.uuid4()}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def write_annotations(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
