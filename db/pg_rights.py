"""Who may change what in a PostgreSQL catalogue: the rights table behind the roles.

A team catalogue has three rights, each a PostgreSQL group role (``NOLOGIN``) that
people's own login roles are members of (``db.pg_roles``):

* **reader** — searches and prints. SELECT on every table, and INSERT on the audit
  trail only, because printing a dossier records itself there (who printed what, with
  the PDF's SHA-256); a reader changes no record.
* **tagger** — what the brief of a tagger is: tags (dates, figures, mentions), people
  (agents and their name forms), keywords, claims (a figure's or date's link to an
  event record, and event records themselves), plus the search index those follow
  and the reference counters new records take their codes from. Documents, images,
  collections, texts and saved dossiers are read-only to a tagger, so a tagger can
  neither delete nor trash (``deleted_at``) a document.
* **editor** — everything a person can do in Catena: every table, except the schema
  (no role but the catalogue's owner may create, alter or drop) and the audit trail,
  which takes new events only. Reference counters never go back (no DELETE), so a
  code once printed in a dossier is never given to another record.

Nobody's rights include UPDATE, DELETE or TRUNCATE of ``events`` — and a trigger
refuses them to the owner too (``db.pg_audit_guard``). Every right may insert events
and move the audit head recorded in ``catalogue_settings`` (only that row: a policy
keeps the other settings, such as where the originals are, to the owner).

The table lists the catalogue's tables by name; a test checks it names every table of
the models and the search index, so a new table cannot arrive without a decision.
A table it does not name (a newer migration than this program) is readable by all
and writable by editors: the safe default for a program that does not know it.
"""

from __future__ import annotations

from collections.abc import Mapping

RIGHTS = ("reader", "tagger", "editor")
"""The three rights, weakest first."""

READ: tuple[str, ...] = ("SELECT",)
APPEND: tuple[str, ...] = ("SELECT", "INSERT")
COUNT: tuple[str, ...] = ("SELECT", "INSERT", "UPDATE")  # counters: never deleted
WRITE: tuple[str, ...] = ("SELECT", "INSERT", "UPDATE", "DELETE")

AUDIT_TABLE = "events"
SCHEMA_VERSION_TABLE = "alembic_version"
SETTINGS_TABLE = "catalogue_settings"
AUDIT_HEAD_SETTING = "audit_head"
"""The one row of ``catalogue_settings`` people's roles may write (row-level security,
``db.pg_roles``): every commit that records events moves the trail's head there, so
every right needs it; the other settings (where the originals are) are the owner's."""

# Tables a tagger changes: the tags, people, keywords and claims, what indexes them,
# and where their reference codes come from.
_TAGGER_WRITES = frozenset(
    {
        "mentions",
        "date_tags",
        "figures",
        "agents",
        "name_variants",
        "keywords",
        "document_keywords",
        "event_records",
        "event_record_names",
        "search_index",
        "search_index_rows",
        "facet_counts",
        "search_folds",
    }
)

# Tables only an editor changes.
_EDITOR_WRITES = frozenset(
    {
        "documents",
        "document_bands",
        "document_collections",
        "document_images",
        "blobs",
        "images",
        "collections",
        "saved_searches",
        "dossiers",
        "ocr_words",
        "text_versions",
    }
)


def _rights_of(table: str) -> dict[str, tuple[str, ...]]:
    if table == AUDIT_TABLE:
        return {"reader": APPEND, "tagger": APPEND, "editor": APPEND}
    if table == SCHEMA_VERSION_TABLE:
        return {"reader": READ, "tagger": READ, "editor": READ}
    if table == SETTINGS_TABLE:  # rows limited to the audit head by a policy
        return {"reader": COUNT, "tagger": COUNT, "editor": COUNT}
    if table == "ref_counters":
        return {"reader": READ, "tagger": COUNT, "editor": COUNT}
    if table in _TAGGER_WRITES:
        return {"reader": READ, "tagger": WRITE, "editor": WRITE}
    return {"reader": READ, "tagger": READ, "editor": WRITE}


KNOWN_TABLES = frozenset(
    {
        AUDIT_TABLE,
        SCHEMA_VERSION_TABLE,
        SETTINGS_TABLE,
        "ref_counters",
        *_TAGGER_WRITES,
        *_EDITOR_WRITES,
    }
)
"""Every table the rights table was decided for (the test compares it with the models)."""


def privileges(table: str) -> Mapping[str, tuple[str, ...]]:
    """The privileges each right holds on *table*: ``{"reader": ("SELECT",), …}``."""
    return _rights_of(table)


def may_insert(table: str, right: str) -> bool:
    return "INSERT" in _rights_of(table)[right]
