"""How the catalogue's tables appear in an archive: names, stable keys, references.

Shared by the exporter and importer in ``desktop.exchange.archive`` and by the checks
in ``desktop.exchange.archive_checks``, so the three cannot disagree about which
field of a row points at which record.
"""

from __future__ import annotations

from sqlalchemy import Table

from db.base import Base

FORMAT = "catena-archive"
VERSION = 1
MANIFEST = "catena-archive.json"

# Stable keys of tables that other rows point at (or that people identify by name).
NATURAL_KEYS = {
    "blobs": "sha256",
    "ref_counters": "prefix",
    "documents": "uid",
    "agents": "uid",
    "event_records": "uid",
    "mentions": "uid",
    "date_tags": "uid",
    "figures": "uid",
    "images": "uid",
    "collections": "uid",
    "keywords": "name",
    "saved_searches": "name",
    "dossiers": "uid",
    "events": "uid",
}
ARCHIVED_TABLES = (
    "blobs",
    "ref_counters",
    "documents",
    "document_bands",
    "agents",
    "name_variants",
    "event_records",
    "event_record_names",
    "mentions",
    "date_tags",
    "figures",
    "images",
    "collections",
    "keywords",
    "saved_searches",
    "dossiers",
    "events",
    "document_collections",
    "document_keywords",
    "document_images",
    "ocr_words",
    "text_versions",
)
NOT_ARCHIVED = ("catalogue_settings",)
"""Where this catalogue keeps its originals and its audit head: facts of one
installation, not of the evidence; the catalogue an archive is imported into keeps its
own (db.settings)."""
# Tables whose rows a catalogue must not have for an import to be allowed. Reference
# counters may exist in a catalogue whose trash was emptied; they are merged (max).
CONTENT_TABLES = tuple(t for t in ARCHIVED_TABLES if t != "ref_counters")


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def ordered_tables() -> list[Table]:
    """Archived tables, referenced tables before the tables that refer to them."""
    return [t for t in Base.metadata.sorted_tables if t.name in ARCHIVED_TABLES]


def references(of: Table) -> dict[str, str]:
    """Integer reference columns → the table they point at (only id-keyed targets)."""
    found = {}
    for column in of.columns:
        for fk in column.foreign_keys:
            if fk.column.name == "id":
                found[column.name] = fk.column.table.name
    return found


def field_name(column: str) -> str:
    """The name of *column* in an archived row: a reference loses its ``_id``."""
    return column.removesuffix("_id")


def is_internal_id(of: Table, column: str) -> bool:
    return column == "id" and of.name in NATURAL_KEYS


def object_name(sha256: str) -> str:
    return f"objects/{sha256[:2]}/{sha256[2:]}"


def records_name(table_name: str) -> str:
    return f"records/{table_name}.json"
