"""Dublin Core (OAI ``oai_dc``) records and an EAD 2002 finding aid, with ElementTree.

Written by hand from the published element sets, not from a template, and parsed back
by the tests. Every text value passes through ``xml_text`` so control characters that
PDFs leave in titles (form feeds) cannot make the file unreadable.

Dublin Core mapping (one ``oai_dc:dc`` per document)::

    title            → dc:title (a devised title in [square brackets], as archives write it)
    translated_title → dc:title (second)
    authors          → dc:creator, each
    recipients       → dc:contributor, each ("recipient: NAME")
    publisher        → dc:publisher
    published (EDTF) → dc:date
    doc_type         → dc:type, plus the DCMI type (Text / StillImage)
    media_type       → dc:format
    reference, urn:uuid, URL, urn:sha256 of the original → dc:identifier
    language         → dc:language
    notes            → dc:description
    keywords, accepted people → dc:subject
    dateline         → dc:coverage
    collections      → dc:relation ("isPartOf: NAME")

EAD 2002 (namespace ``urn:isbn:1-931666-22-9``): the collection is ``archdesc
level="collection"``; its sub-collections are ``c0N level="series"`` and documents
``c0N level="item"``, each with ``did/unitid`` = reference code, ``unittitle``,
``unitdate`` whose ``normal`` attribute is the EDTF value when it is plain ISO 8601
(or an ISO interval) and otherwise the ISO day bounds the catalogue computed for it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from db.dates import plain_iso
from db.models import Collection, Document
from desktop import __version__
from desktop.exchange.common import collection_subtree, xml_text

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
EAD = "urn:isbn:1-931666-22-9"
XLINK = "http://www.w3.org/1999/xlink"
OAI_DC_SCHEMA = f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
EAD_SCHEMA = f"{EAD} http://www.loc.gov/ead/ead.xsd"

for _prefix, _uri in (("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI), ("xlink", XLINK)):
    ET.register_namespace(_prefix, _uri)


def _tostring(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_"): xml_text(v) for k, v in attrib.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


# --- Dublin Core ------------------------------------------------------------------------


def dcmi_type(document: Document) -> str:
    return "StillImage" if (document.doc_type or "").lower() in ("photograph", "photo") else "Text"


def dublin_core(document: Document, *, subjects: Sequence[str] = ()) -> bytes:
    root = ET.Element(f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": OAI_DC_SCHEMA})

    def dc(name: str, value: str | None) -> None:
        if value is not None and value.strip():
            _sub(root, f"{{{DC}}}{name}", value)

    title = document.title
    if title and document.title_devised:
        title = f"[{title}]"
    dc("title", title)
    dc("title", document.translated_title)
    for author in document.authors:
        dc("creator", author)
    for recipient in document.recipients:
        dc("contributor", f"recipient: {recipient}")
    dc("publisher", document.publisher)
    dc("date", document.published)
    dc("type", document.doc_type)
    dc("type", dcmi_type(document))
    dc("format", document.media_type)
    dc("identifier", document.ref)
    dc("identifier", f"urn:uuid:{document.uid}")
    dc("identifier", document.url)
    if document.original_sha256:
        dc("identifier", f"urn:sha256:{document.original_sha256}")
    dc("language", document.language)
    dc("description", document.notes)
    for subject in subjects:
        dc("subject", subject)
    dc("coverage", document.dateline)
    for collection in sorted(document.collections, key=lambda c: c.name):
        dc("relation", f"isPartOf: {collection.name}")
    return _tostring(root)


def subjects_of(document: Document) -> list[str]:
    """Keywords, then people and organisations of accepted mentions (preferred names)."""
    names = {k.name for k in document.keywords}
    people = {
        (m.agent.preferred_name if m.agent else m.name)
        for m in document.mentions
        if m.status == "accepted"
    }
    return sorted(names) + sorted(people - names)


# --- EAD ----------------------------------------------------------------------------------


# One end of EAD 2002's ``normal`` (the schema's ``am.date.normal`` pattern, in the
# extended form Catena writes): a year from -2999 to 2999, then month and day.
_EAD_NORMAL_POINT = re.compile(r"-?[0-2]\d{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def normal_date(edtf: str | None, lower: str | None, upper: str | None) -> str | None:
    """The ``normal`` attribute of ``unitdate``: ISO 8601 (a date or an interval), or
    None when EAD 2002 cannot say it: its schema takes years up to 2999 only, so a
    year such as 3000 (valid EDTF, usually a typing slip) stays in the element's text
    without a ``normal`` rather than making the finding aid invalid."""
    iso = plain_iso(edtf)
    if not iso:
        if lower and upper:
            iso = lower if lower == upper else f"{lower}/{upper}"
        else:
            iso = lower or upper
    if iso and all(_EAD_NORMAL_POINT.fullmatch(point) for point in iso.split("/")):
        return iso
    return None


def _span(documents: Sequence[Document]) -> tuple[str | None, str | None]:
    lowers = [d.published_lower for d in documents if d.published_lower]
    uppers = [d.published_upper for d in documents if d.published_upper]
    return (min(lowers) if lowers else None, max(uppers) if uppers else None)


def _unitdate(did: ET.Element, documents: Sequence[Document], *, inclusive: bool) -> None:
    lower, upper = _span(documents)
    if not (lower or upper):
        return
    normal = normal_date(None, lower, upper)
    shown = lower[:4] if lower and upper and lower[:4] == upper[:4] else lower or upper or ""
    if lower and upper and lower[:4] != upper[:4]:
        shown = f"{lower[:4]}–{upper[:4]}"
    attrib = {"normal": normal} if normal else {}
    if inclusive:
        attrib["type"] = "inclusive"
    _sub(did, "unitdate", shown, **attrib)


class _Levels:
    """c01 … c12 while the tree is shallow enough; unnumbered <c> otherwise (EAD 2002
    allows either, not both in one finding aid)."""

    def __init__(self, depth: int) -> None:
        self.numbered = depth <= 12

    def tag(self, level: int) -> str:
        return f"c{level:02d}" if self.numbered else "c"


def _item(parent: ET.Element, tag: str, document: Document) -> None:
    component = _sub(parent, tag, level="item", id=_ead_id(document.ref))
    did = _sub(component, "did")
    _sub(did, "unitid", document.ref)
    title = document.title or document.ref
    _sub(did, "unittitle", f"[{title}]" if document.title_devised else title)
    if document.published:
        normal = normal_date(document.published, document.published_lower, document.published_upper)
        attrib = {"normal": normal} if normal else {}
        _sub(did, "unitdate", document.published, **attrib)
    if document.authors:
        origination = _sub(did, "origination", label="Author")
        for author in document.authors:
            _sub(origination, "persname", author)
    physdesc = _sub(did, "physdesc")
    _sub(physdesc, "genreform", document.doc_type or "document")
    if document.original_filename:
        _sub(physdesc, "extent", document.original_filename)
    if document.language:
        langmaterial = _sub(did, "langmaterial")
        _sub(langmaterial, "language", document.language, langcode=_langcode(document))
    if document.url:
        _sub(did, "dao", **{f"{{{XLINK}}}href": document.url, f"{{{XLINK}}}type": "simple"})
    if document.notes:
        scope = _sub(component, "scopecontent")
        _sub(scope, "p", document.notes)
    if document.original_sha256:
        other = _sub(component, "odd", type="fixity")
        _sub(other, "p", f"SHA-256 of the original: {document.original_sha256}")
    names = subjects_of(document)
    if names:
        access = _sub(component, "controlaccess")
        keywords = {k.name for k in document.keywords}
        for name in names:
            _sub(access, "subject" if name in keywords else "name", name)


_LANG3 = {
    "en": "eng",
    "fr": "fre",
    "de": "ger",
    "ru": "rus",
    "az": "aze",
    "hy": "arm",
    "ka": "geo",
    "tr": "tur",
    "es": "spa",
    "it": "ita",
    "uk": "ukr",
    "el": "gre",
    "fa": "per",
    "ar": "ara",
}


# The ISO 639-2 terminology codes of the languages above, read as their /B codes.
_LANG3_T = {"fra": "fre", "deu": "ger", "hye": "arm", "kat": "geo", "ell": "gre", "fas": "per"}
_KNOWN3 = set(_LANG3.values())


def _langcode(document: Document) -> str:
    """ISO 639-2/B code EAD 2002 requires, for the languages Catena knows; "und"
    (undetermined) for any other tag, which the element's text still carries as typed.
    A three-letter tag is not passed through: ISO 639-3 codes ("azb") and private
    ones ("qaa") are not in ISO 639-2, and the schema's code list refuses them."""
    primary = (document.language or "").split("-")[0].lower()
    primary = _LANG3_T.get(primary, primary)
    if primary in _KNOWN3:
        return primary
    return _LANG3.get(primary, "und")


def _ead_id(ref: str) -> str:
    """An xs:ID value: reference codes already are NCNames ("CAT-000001")."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", ref)
    return cleaned if cleaned[:1].isalpha() else "id_" + cleaned


def _depth(collection: Collection) -> int:
    return 1 + max((_depth(child) for child in collection.children), default=0)


def finding_aid(
    session: Session,
    *,
    documents: Sequence[Document],
    collection: Collection | None,
    catalogue_name: str,
    title: str,
    generated: datetime | None = None,
) -> bytes:
    """An EAD 2002 finding aid: the collection's tree, or a flat list for a selection."""
    del session  # the tree is reached through the loaded records
    wanted = {d.id for d in documents}
    when = generated or datetime.now(UTC)
    # EAD is written as the default namespace (plain element names under an xmlns on
    # the root), which is how finding aids are conventionally written and read.
    root = ET.Element(
        "ead", {"xmlns": EAD, f"{{{XSI}}}schemaLocation": EAD_SCHEMA, "audience": "external"}
    )
    header = _sub(
        root,
        "eadheader",
        langencoding="iso639-2b",
        dateencoding="iso8601",
        countryencoding="iso3166-1",
        repositoryencoding="iso15511",
        scriptencoding="iso15924",
    )
    identifier = (
        f"{catalogue_name}/{collection.uid}" if collection else f"{catalogue_name}/selection"
    )
    _sub(header, "eadid", identifier)
    filedesc = _sub(header, "filedesc")
    titlestmt = _sub(filedesc, "titlestmt")
    _sub(titlestmt, "titleproper", title)
    profile = _sub(header, "profiledesc")
    creation = _sub(profile, "creation", f"Generated by Catena {__version__} on ")
    _sub(creation, "date", when.date().isoformat(), normal=when.date().isoformat())

    archdesc = _sub(root, "archdesc", level="collection")
    did = _sub(archdesc, "did")
    _sub(did, "unitid", collection.uid if collection else catalogue_name)
    _sub(did, "unittitle", collection.name if collection else title)
    _unitdate(did, documents, inclusive=True)
    physdesc = _sub(did, "physdesc")
    _sub(physdesc, "extent", f"{len(documents)} documents")
    _sub(did, "repository").append(_corpname(catalogue_name))
    if collection is not None and collection.description:
        scope = _sub(archdesc, "scopecontent")
        _sub(scope, "p", collection.description)
    dsc = _sub(archdesc, "dsc", type="combined")
    if collection is None:
        levels = _Levels(1)
        for document in documents:
            _item(dsc, levels.tag(1), document)
    else:
        levels = _Levels(_depth(collection))
        _components(dsc, collection, 1, levels, wanted)
    return _tostring(root)


def _corpname(name: str) -> ET.Element:
    element = ET.Element("corpname")
    element.text = xml_text(f"Catena catalogue “{name}”")
    return element


def _components(
    parent: ET.Element,
    collection: Collection,
    level: int,
    levels: _Levels,
    wanted: set[int],
) -> None:
    for document in sorted(collection.documents, key=lambda d: d.id):
        if document.id in wanted:
            _item(parent, levels.tag(level), document)
    for child in sorted(collection.children, key=lambda c: c.name):
        docs = [d for sub in collection_subtree(child) for d in sub.documents if d.id in wanted]
        series = _sub(parent, levels.tag(level), level="series")
        did = _sub(series, "did")
        _sub(did, "unitid", child.uid)
        _sub(did, "unittitle", child.name)
        _unitdate(did, docs, inclusive=True)
        if child.description:
            scope = _sub(series, "scopecontent")
            _sub(scope, "p", child.description)
        _components(series, child, level + 1, levels, wanted)
