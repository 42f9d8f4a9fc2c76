"""A smaller catalogue (issue 23): tags read their context from the text, and band keys
are stored twice instead of three times.

Tag context. Every date, figure and mention kept the 32 characters before and after
its quote (about 0.9 MB for 1,000 clippings, a sixth of the text they came from).
Those characters are the document's working text at the tag's offsets, and that text
is fixed and SHA-256-checked, so they are read from it (``SpanMixin.context_in``).
Up: a stored prefix or suffix equal to what the text gives there becomes the empty
string ("as the text has it", no room in a row); one that differs (the text changed
under the tag) is kept. Down: the empty ones are written out from the text again.
Streamed by document in chunks, in plain UPDATEs.

Near-duplicate bands. ``document_bands`` had a rowid table, its primary key
(document, band) and an index on band: every band key three times. Now the primary
key is (band, document), which is also the candidate lookup, and on SQLite the table
is that key alone (WITHOUT ROWID; other databases ignore the option), with a small
index on the document for deletes. The rows are copied through a plain table, so the
constraint names are free when the new table takes them (PostgreSQL names indexes
per schema).

Unused indexes. ``ix_events_action`` served no query (events are looked up by id or
by target) and ``ix_text_versions_document_id`` repeated the leading column of the
(document_id, number) unique index, which every text-version query uses.

Only portable DDL and DML. SQLite reuses the freed space for new rows; the file
itself shrinks only at a VACUUM.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from db.spans import context_of

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500
TABLES = ("date_tags", "figures", "mentions")

documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("text", sa.Text))

#: (stored prefix, stored suffix, the text's prefix, the text's suffix) → new values
Rewrite = Callable[[str, str, str, str], tuple[str, str]]


def _tags(name: str) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("id", sa.Integer),
        sa.column("document_id", sa.Integer),
        sa.column("start", sa.Integer),
        sa.column("end", sa.Integer),
        sa.column("prefix", sa.Text),
        sa.column("suffix", sa.Text),
    )


def _rewrite(rewrite: Rewrite) -> None:
    conn = op.get_bind()
    tables = [_tags(name) for name in TABLES]
    last = 0
    while True:
        texts = dict(
            conn.execute(
                sa.select(documents.c.id, documents.c.text)
                .where(documents.c.id > last)
                .order_by(documents.c.id)
                .limit(CHUNK)
            ).all()
        )
        if not texts:
            return
        last = max(texts)
        for tags in tables:
            changed = []
            rows = conn.execute(
                sa.select(tags.c.id, tags.c.document_id, tags.c.start, tags.c.end)
                .add_columns(tags.c.prefix, tags.c.suffix)
                .where(tags.c.document_id.in_(list(texts)))
            )
            for tag_id, document_id, start, end, prefix, suffix in rows:
                derived = context_of(texts[document_id] or "", start, end)
                new = rewrite(prefix or "", suffix or "", *derived)
                if new != (prefix, suffix):
                    changed.append({"tag_id": tag_id, "new_prefix": new[0], "new_suffix": new[1]})
            if changed:
                conn.execute(
                    sa.update(tags)
                    .where(tags.c.id == sa.bindparam("tag_id"))
                    .values(prefix=sa.bindparam("new_prefix"), suffix=sa.bindparam("new_suffix")),
                    changed,
                )


def _forget(prefix: str, suffix: str, text_prefix: str, text_suffix: str) -> tuple[str, str]:
    return ("" if prefix == text_prefix else prefix, "" if suffix == text_suffix else suffix)


def _write_out(prefix: str, suffix: str, text_prefix: str, text_suffix: str) -> tuple[str, str]:
    return (prefix or text_prefix, suffix or text_suffix)


BAND_COPY = "document_bands_copy"


def _copy_bands_aside() -> None:
    op.create_table(
        BAND_COPY,
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=40), nullable=False),
    )
    op.execute(
        "INSERT INTO document_bands_copy (document_id, band)"
        " SELECT document_id, band FROM document_bands"
    )


def _bands_table(primary_key: tuple[str, str], **options: bool) -> None:
    """The columns in the key's order: SQLite 3.40's quick_check reports every row of a
    WITHOUT ROWID table as NULL when the two orders differ."""
    columns: dict[str, sa.Column[Any]] = {
        "document_id": sa.Column("document_id", sa.Integer(), nullable=False),
        "band": sa.Column("band", sa.String(length=40), nullable=False),
    }
    op.create_table(
        "document_bands",
        *(columns[name] for name in primary_key),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_bands_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(*primary_key, name=op.f("pk_document_bands")),
        **options,
    )


def _bands_back(*order: str) -> None:
    """The rows in key order (full pages), before the second index is built."""
    copy, bands = (
        sa.table(name, sa.column("document_id", sa.Integer), sa.column("band", sa.String))
        for name in (BAND_COPY, "document_bands")
    )
    rows = sa.select(copy.c.document_id, copy.c.band).order_by(*(copy.c[o] for o in order))
    op.execute(sa.insert(bands).from_select(["document_id", "band"], rows))
    op.drop_table(BAND_COPY)


def upgrade() -> None:
    op.drop_index(op.f("ix_events_action"), table_name="events")
    op.drop_index(op.f("ix_text_versions_document_id"), table_name="text_versions")
    _rewrite(_forget)
    _copy_bands_aside()
    op.drop_index(op.f("ix_document_bands_band"), table_name="document_bands")
    op.drop_table("document_bands")
    _bands_table(("band", "document_id"), sqlite_with_rowid=False)
    _bands_back("band", "document_id")
    op.create_index(op.f("ix_document_bands_document_id"), "document_bands", ["document_id"])


def downgrade() -> None:
    _copy_bands_aside()
    op.drop_index(op.f("ix_document_bands_document_id"), table_name="document_bands")
    op.drop_table("document_bands")
    _bands_table(("document_id", "band"))
    _bands_back("document_id", "band")
    op.create_index(op.f("ix_document_bands_band"), "document_bands", ["band"])
    _rewrite(_write_out)
    op.create_index(op.f("ix_text_versions_document_id"), "text_versions", ["document_id"])
    op.create_index(op.f("ix_events_action"), "events", ["action"])
