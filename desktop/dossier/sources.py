"""Catalogue documents as citation sources (shared by the dossier and "Copy citation")."""

from __future__ import annotations

from db.models import Document
from desktop.dossier.citation_model import CitationSource, Creator

CORPORATE_TYPES = frozenset({"open letter", "report"})


def citation_source(document: Document) -> CitationSource:
    """The facts a citation style needs, taken from a catalogued document.

    Authors that read as bodies ("Justice for Khojaly campaign") are kept whole as
    corporate authors; personal names are split into given and family names. The
    accessed date is the one a person (or the page's capture tool) recorded, and only
    with a URL: without one there is nothing it was the access date of.
    """
    authors = [Creator.parse(name) for name in document.authors if name.strip()]
    return CitationSource(
        title=document.title,
        title_devised=document.title_devised,
        translated_title=document.translated_title,
        doc_type=document.doc_type,
        authors=authors,
        publisher=document.publisher,
        published=document.published,
        url=document.url,
        accessed=document.accessed if document.url else None,
        place=document.dateline,
        recipients=list(document.recipients),
        language=document.language,
        reference=document.ref,
    )
