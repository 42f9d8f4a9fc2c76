"""Tags read their prefix and suffix from the document's text instead of storing them.

Every date, figure and mention kept the 32 characters before and after its quote
(about 0.9 MB for 1,000 clippings, a sixth of the text they came from). Those
characters are the document's working text at the tag's offsets, and that text is
fixed and SHA-256-checked, so they can be read from it (``SpanMixin.context_in``).
Up: a stored prefix or suffix equal to what the text gives there becomes the empty
string ("as the text has it", no room in a row); one that differs (the text changed
under the tag) is kept. Down: the empty ones are written out from the text again.
Streamed by document in chunks, in portable SQL (plain UPDATEs). SQLite reuses the
freed space for new rows; the file itself shrinks only at a VACUUM.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from db.spans import context_of

revision: str = "0015"
down_revision: str | None = "0014"
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


def upgrade() -> None:
    _rewrite(_forget)


def downgrade() -> None:
    _rewrite(_write_out)
