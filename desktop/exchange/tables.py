"""CSV tables: documents, people (mentions), dates and figures, one row per record.

Spreadsheets are where most people will open these, so two things matter beyond
RFC 4180 quoting (which the ``csv`` module does): an optional byte-order mark, because
Excel only reads UTF-8 correctly when one is present, and formula-injection
protection. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by spreadsheet programs as a formula, so a quote such as
``=HYPERLINK(...)`` in a hostile document could run when the file is opened. Such
cells are written with a leading apostrophe (``'=HYPERLINK(...)``), which spreadsheets
hide and treat as "this is text". Numeric columns (offsets, values) are never
prefixed. Programs that read the CSV as data should strip one leading apostrophe from
a cell whose second character is one of those six (``unprotect_cell`` does exactly
that), or export with ``protect_formulas=False``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from db.models import Document
from db.sanitize import strip_controls
from desktop.exchange.common import TagModel, document_tags, number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
TABLES = ("documents", "people", "dates", "figures")

DOCUMENT_COLUMNS = (
    "reference",
    "uid",
    "title",
    "title_devised",
    "translated_title",
    "type",
    "publisher",
    "authors",
    "recipients",
    "published",
    "published_time",
    "published_tz",
    "dateline",
    "section",
    "language",
    "url",
    "accessed",
    "captured_by",
    "notes",
    "media_type",
    "filename",
    "sha256",
    "characters",
    "collections",
    "keywords",
    "images",
    "flags",
    "guessed",
    "imported_at",
    "updated_at",
)
SPAN_COLUMNS = (
    "reference",
    "document_uid",
    "tag_uid",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "status",
    "origin",
    "note",
)
TAG_COLUMNS = {
    "people": (
        *SPAN_COLUMNS,
        "name",
        "role",
        "is_organisation",
        "agent_ref",
        "agent_uid",
        "agent_name",
    ),
    "dates": (*SPAN_COLUMNS, "edtf", "lower", "upper", "what", "certainty"),
    "figures": (
        *SPAN_COLUMNS,
        "value",
        "upper_value",
        "qualifier",
        "counted",
        "category",
        "part_of",
    ),
}
KIND_OF_TABLE = {"people": "mention", "dates": "date", "figures": "figure"}


def protect_cell(value: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would otherwise run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unprotect_cell(value: str) -> str:
    """Undo ``protect_cell``: one apostrophe before a formula character is removed."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _yes(value: bool) -> str:
    return "true" if value else "false"


def document_row(document: Document) -> dict[str, Any]:
    return {
        "reference": document.ref,
        "uid": document.uid,
        "title": document.title,
        "title_devised": _yes(document.title_devised),
        "translated_title": document.translated_title,
        "type": document.doc_type,
        "publisher": document.publisher,
        "authors": _joined(document.authors),
        "recipients": _joined(document.recipients),
        "published": document.published,
        "published_time": document.published_time,
        "published_tz": document.published_tz,
        "dateline": document.dateline,
        "section": document.section,
        "language": document.language,
        "url": document.url,
        "accessed": document.accessed,
        "captured_by": document.captured_by,
        "notes": document.notes,
        "media_type": document.media_type,
        "filename": document.original_filename,
        "sha256": document.original_sha256,
        "characters": len(document.text),
        "collections": _joined(sorted(c.name for c in document.collections)),
        "keywords": _joined(sorted(k.name for k in document.keywords)),
        "images": _joined(sorted(i.ref for i in document.images)),
        "flags": _joined(document.flags),
        "guessed": _joined(document.guessed),
        "imported_at": document.imported_at,
        "updated_at": document.updated_at,
    }


def tag_row(document: Document, kind: str, tag: TagModel) -> dict[str, Any]:
    prefix, suffix = tag.context_in(document.text)
    row: dict[str, Any] = {
        "reference": document.ref,
        "document_uid": document.uid,
        "tag_uid": tag.uid,
        "start": tag.start,
        "end": tag.end,
        "quote": tag.quote,
        "prefix": prefix,
        "suffix": suffix,
        "status": tag.status,
        "origin": tag.origin,
        "note": tag.note,
    }
    if kind == "mention":
        agent = tag.agent  # type: ignore[union-attr]
        row.update(
            name=tag.name,  # type: ignore[union-attr]
            role=tag.role,  # type: ignore[union-attr]
            is_organisation=_yes(tag.is_organisation),  # type: ignore[union-attr]
            agent_ref=agent.ref if agent else None,
            agent_uid=agent.uid if agent else None,
            agent_name=agent.preferred_name if agent else None,
        )
    elif kind == "date":
        row.update(
            edtf=tag.edtf,  # type: ignore[union-attr]
            lower=tag.lower,  # type: ignore[union-attr]
            upper=tag.upper,  # type: ignore[union-attr]
            what=tag.what,  # type: ignore[union-attr]
            certainty=tag.certainty,  # type: ignore[union-attr]
        )
    else:
        part_of = tag.part_of  # type: ignore[union-attr]
        row.update(
            value=number(tag.value),  # type: ignore[union-attr]
            upper_value=number(tag.upper_value),  # type: ignore[union-attr]
            qualifier=tag.qualifier,  # type: ignore[union-attr]
            counted=tag.counted,  # type: ignore[union-attr]
            category=tag.category,  # type: ignore[union-attr]
            part_of=part_of.uid if part_of else None,
        )
    return row


def table_rows(
    session: Session, documents: Sequence[Document], statuses: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for *documents*; tags in text order within each document."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    table_of = {kind: table for table, kind in KIND_OF_TABLE.items()}
    for document in documents:
        rows["documents"].append(document_row(document))
        for kind, tag in document_tags(session, document, statuses):
            rows[table_of[kind]].append(tag_row(document, kind, tag))
    return rows


def columns_of(table: str) -> tuple[str, ...]:
    return DOCUMENT_COLUMNS if table == "documents" else TAG_COLUMNS[table]


def write_csv(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    *,
    protect_formulas: bool = True,
) -> str:
    """CSV text (CRLF line ends, minimal quoting, every field with a newline quoted,
    no control characters but line breaks and tabs)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        cells = []
        for name in columns:
            value = row.get(name)
            if value is None:
                cells.append("")
            elif isinstance(value, str):
                # Control characters out first (older catalogues may hold them), so a
                # formula hidden behind an escape sequence is still protected.
                text = strip_controls(value)
                cells.append(protect_cell(text) if protect_formulas else text)
            else:
                cells.append(str(value))
        writer.writerow(cells)
    return buffer.getvalue()


def encode_csv(text: str, *, bom: bool) -> bytes:
    return text.encode("utf-8-sig" if bom else "utf-8")
