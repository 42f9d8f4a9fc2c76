"""REFI-QDA project exchange (``.qdpx``) so QualCoder, NVivo, ATLAS.ti and MAXQDA users
can open the coded texts.

A ``.qdpx`` file is a zip holding ``project.qde`` (XML in the namespace
``urn:QDA-XML:project:1.0``) and the sources under ``sources/``. Each document's working
text is stored as ``sources/<guid>.txt`` (UTF-8, no byte-order mark) and referenced
as ``plainTextPath="internal://<guid>.txt"``; each tag becomes a
``PlainTextSelection`` with ``startPosition``/``endPosition`` — Catena's own offsets,
counted in Unicode code points of that text — holding one ``Coding`` whose
``CodeRef`` points at a code.

The code book has one code per tag kind ("Dates", "Figures", "People",
"Organisations"); figures are coded with a child code per category ("Figures ▸
killed") and mentions with a child code per person or organisation (the authority
record's preferred name, or the name as written when the mention is not linked).

GUIDs are derived from Catena's UUIDs (documents and tags keep their own; codes,
codings and users get name-based UUIDs) so exporting the same catalogue twice gives
the same GUIDs, and a QDA tool that imports both sees the same objects.

By default only accepted tags are coded: QDA tools have no notion of a suggestion, and
an unreviewed suggestion would read there as an analyst's decision.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from db.models import Document
from desktop import __version__
from desktop.exchange.annotations import _label
from desktop.exchange.common import TagModel, document_tags, xml_text

QDA = "urn:QDA-XML:project:1.0"
_NAMESPACE = uuid.UUID("5d0c8a2e-4f1b-4c5e-9a53-6b1f0e2c7d11")  # Catena's, for uuid5
KIND_CODES = {
    "date": ("Dates", "#1f77b4"),
    "figure": ("Figures", "#d62728"),
    "person": ("People", "#2ca02c"),
    "organisation": ("Organisations", "#9467bd"),
}


def guid(*parts: str) -> str:
    """A stable GUID for a Catena object that has no UUID of its own (codes, codings)."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


@dataclass
class _Code:
    guid: str
    name: str
    color: str | None = None
    description: str | None = None
    children: dict[str, _Code] = field(default_factory=dict)


def _q(tag: str) -> str:
    """Element names are written unqualified under a default ``xmlns`` on the root:
    ElementTree (3.11) cannot combine a default namespace with plain attributes."""
    return tag


def _stamp(value: str | None) -> str:
    """xs:dateTime in UTC with a Z, as the schema's examples write it."""
    if not value:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _code_for(codes: dict[str, _Code], kind: str, tag: TagModel) -> _Code:
    group = kind
    if kind == "mention":
        group = "organisation" if tag.is_organisation else "person"  # type: ignore[union-attr]
    name, color = KIND_CODES[group]
    top = codes.setdefault(group, _Code(guid("code", group), name, color))
    if kind == "date":
        return top
    if kind == "figure":
        category = tag.category  # type: ignore[union-attr]
        if not category:
            return top
        return top.children.setdefault(
            category, _Code(guid("code", "figure", category), category, color)
        )
    agent = tag.agent  # type: ignore[union-attr]
    if agent is not None:
        key = f"agent:{agent.uid}"
        label, description = agent.preferred_name, f"{agent.ref} (urn:uuid:{agent.uid})"
    else:
        key, label, description = f"name:{tag.name}", tag.name, "not linked to a record"  # type: ignore[union-attr]
    return top.children.setdefault(key, _Code(guid("code", group, key), label, color, description))


def write_qdpx(
    session: Session,
    documents: Sequence[Document],
    statuses: Sequence[str],
    path: Path,
    *,
    project_name: str,
    user: str,
) -> dict[str, int]:
    """Write the .qdpx zip at *path*; returns counts of sources, selections and codes."""
    user_guid = guid("user", user)
    codes: dict[str, _Code] = {}
    sources: list[tuple[Document, list[tuple[str, TagModel, _Code]]]] = []
    for document in documents:
        coded = [
            (kind, tag, _code_for(codes, kind, tag))
            for kind, tag in document_tags(session, document, statuses)
        ]
        sources.append((document, coded))

    root = ET.Element(
        _q("Project"),
        {
            "name": xml_text(project_name),
            "origin": f"Catena {__version__}",
            "creatingUserGUID": user_guid,
            "creationDateTime": _stamp(None),
            "xmlns": QDA,
        },
    )
    users = ET.SubElement(root, _q("Users"))
    ET.SubElement(users, _q("User"), {"guid": user_guid, "name": xml_text(user)})
    if codes:  # the schema's Codes holds at least one Code; no tags, no code book
        codebook = ET.SubElement(ET.SubElement(root, _q("CodeBook")), _q("Codes"))
        for group in KIND_CODES:
            if group in codes:
                _write_code(codebook, codes[group])
    selections = 0
    source_list = ET.SubElement(root, _q("Sources"))
    for document, coded in sources:
        source_guid = document.uid
        title = document.title or document.ref
        element = ET.SubElement(
            source_list,
            _q("TextSource"),
            {
                "guid": source_guid,
                "name": xml_text(f"{document.ref} {title}"),
                "plainTextPath": f"internal://{source_guid}.txt",
                "creatingUser": user_guid,
                "creationDateTime": _stamp(document.imported_at),
            },
        )
        description = ET.SubElement(element, _q("Description"))
        description.text = xml_text(_describe(document))
        for kind, tag, code in coded:
            selection = ET.SubElement(
                element,
                _q("PlainTextSelection"),
                {
                    "guid": tag.uid,
                    "name": xml_text(_label(kind, tag)),
                    "startPosition": str(tag.start),
                    "endPosition": str(tag.end),
                    "creatingUser": user_guid,
                    "creationDateTime": _stamp(tag.created_at),
                },
            )
            if tag.note:
                note = ET.SubElement(selection, _q("Description"))
                note.text = xml_text(tag.note)
            coding = ET.SubElement(
                selection,
                _q("Coding"),
                {
                    "guid": guid("coding", tag.uid),
                    "creatingUser": user_guid,
                    "creationDateTime": _stamp(tag.created_at),
                },
            )
            ET.SubElement(coding, _q("CodeRef"), {"targetGUID": code.guid})
            selections += 1
    ET.indent(root, space="  ")
    project = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project)
        for document, _coded in sources:
            archive.writestr(f"sources/{document.uid}.txt", document.text.encode("utf-8"))
    total_codes = sum(1 + len(code.children) for code in codes.values())
    return {"sources": len(sources), "selections": selections, "codes": total_codes}


def _write_code(parent: ET.Element, code: _Code) -> None:
    attrib = {"guid": code.guid, "name": xml_text(code.name), "isCodable": "true"}
    if code.color:
        attrib["color"] = code.color
    element = ET.SubElement(parent, _q("Code"), attrib)
    if code.description:
        description = ET.SubElement(element, _q("Description"))
        description.text = xml_text(code.description)
    for child in sorted(code.children.values(), key=lambda c: c.name.casefold()):
        _write_code(element, child)


def _describe(document: Document) -> str:
    parts = [document.ref]
    for label, value in (
        ("Type", document.doc_type),
        ("Publisher", document.publisher),
        ("Authors", ", ".join(document.authors)),
        ("Published", document.published),
        ("URL", document.url),
        ("SHA-256 of the original", document.original_sha256),
    ):
        if value:
            parts.append(f"{label}: {value}")
    return "\n".join(parts)
