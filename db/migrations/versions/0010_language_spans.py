"""The language of each paragraph, stored with the document.

The suggesters read dates, figures and names by the rules of each paragraph's language,
and a document mixing Russian and Azerbaijani needs both. ``documents.language_spans``
keeps the detector's answer (``db.languages``) as ``[[start, end, language], …]`` so
it is worked out once, at import, instead of at every suggestion run.

Existing documents are detected here, in chunks by id so a large catalogue is never
loaded at once. A language a person set or the file declared (``language`` not among
the ``guessed`` fields) is kept and used for paragraphs too short to tell; a language
that was only guessed (by the older stop-word guesser, which took every Cyrillic text
for Russian and knew no Spanish or Italian) is replaced by the detector's, still
marked as guessed. Downgrading drops the column; the better guesses stay (they remain
guesses, marked so).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from db.languages import languages_of_document

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 200

documents = sa.table(
    "documents",
    sa.column("id", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("language", sa.String),
    sa.column("guessed", sa.JSON),
    sa.column("language_spans", sa.JSON(none_as_null=True)),
)


def detected(text: str, language: str | None, guessed: list[str]) -> dict[str, Any]:
    """The new values of one document's language columns."""
    found, better = languages_of_document(text or "", language, guessed)
    if better != language:
        guessed = sorted({*guessed, "language"})
    return {"spans": found.as_json() or None, "language": better, "guessed": guessed}


def upgrade() -> None:
    op.add_column("documents", sa.Column("language_spans", sa.JSON(), nullable=True))
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.select(documents.c.id, documents.c.text, documents.c.language, documents.c.guessed)
            .where(documents.c.id > last)
            .order_by(documents.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        updates = []
        for doc_id, text, language, guessed in rows:
            values = detected(text, language, list(guessed or []))
            updates.append({"doc_id": doc_id, **values})
        conn.execute(
            sa.update(documents)
            .where(documents.c.id == sa.bindparam("doc_id"))
            .values(
                language_spans=sa.bindparam("spans"),
                language=sa.bindparam("language"),
                guessed=sa.bindparam("guessed"),
            ),
            updates,
        )
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("language_spans")
