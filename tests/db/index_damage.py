"""Changing the search index behind Catena's back, as another program could.

The FTS5 table is contentless: a row can only be removed with the values it was
indexed with, which ``search_index_rows`` records (and the body, folded again from
the document's text). These helpers edit the index *consistently* that way, so that
what is left is an index out of step with the catalogue, not a corrupt one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.column_types import stored_text_bytes
from db.search.index_folding import fold_for_index
from db.search.index_rows import body_hash


def _unindex(conn: sqlite3.Connection, doc_id: int, body: str) -> None:
    title, people, extra = conn.execute(
        "SELECT title, people, extra FROM search_index_rows WHERE id = ?", (doc_id,)
    ).fetchone()
    conn.execute(
        "INSERT INTO search_index (search_index, rowid, title, body, people, extra) "
        "VALUES ('delete', ?, ?, ?, ?, ?)",
        (doc_id, title, body, people, extra),
    )


def _document_body(conn: sqlite3.Connection, doc_id: int) -> str:
    (stored,) = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return fold_for_index(stored_text_bytes(stored).decode())  # compressed (db.column_types)


def remove_row(database: Path, doc_id: int) -> None:
    """Take a document out of the index (its text must be the one indexed)."""
    conn = sqlite3.connect(database)
    try:
        _unindex(conn, doc_id, _document_body(conn, doc_id))
        conn.execute("DELETE FROM search_index_rows WHERE id = ?", (doc_id,))
        conn.commit()
    finally:
        conn.close()


def replace_body(database: Path, doc_id: int, body: str) -> None:
    """Index *body* for a document instead of its text (an outdated row)."""
    conn = sqlite3.connect(database)
    try:
        _unindex(conn, doc_id, _document_body(conn, doc_id))
        title, people, extra = conn.execute(
            "SELECT title, people, extra FROM search_index_rows WHERE id = ?", (doc_id,)
        ).fetchone()
        conn.execute(
            "INSERT INTO search_index (rowid, title, body, people, extra) VALUES (?, ?, ?, ?, ?)",
            (doc_id, title, body, people, extra),
        )
        conn.execute(
            "UPDATE search_index_rows SET body_sha256 = ? WHERE id = ?", (body_hash(body), doc_id)
        )
        conn.commit()
    finally:
        conn.close()


def add_ghost(database: Path, doc_id: int, body: str) -> None:
    """Index a row, recorded as such, for a document that does not exist."""
    conn = sqlite3.connect(database)
    try:
        conn.execute(
            "INSERT INTO search_index (rowid, title, body, people, extra)"
            " VALUES (?, '', ?, '', '')",
            (doc_id, body),
        )
        conn.execute(
            "INSERT INTO search_index_rows (id, title, people, extra, body_sha256, facets) "
            "VALUES (?, '', '', '', ?, '{}')",
            (doc_id, body_hash(body)),
        )
        conn.commit()
    finally:
        conn.close()
