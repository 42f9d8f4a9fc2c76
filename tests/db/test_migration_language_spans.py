"""Migration 0010: every existing document gets its paragraph languages, in chunks;
a declared language is kept, a guessed one is replaced by the detector's; down and up
again keep every row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, text

from db.engine import make_engine
from db.migrate import downgrade, upgrade

UKRAINIAN = (
    "Місцева рада повідомила, що відбудова мосту через річку триватиме ще два роки, "
    "оскільки підрядник не отримав обіцяних коштів від обласної адміністрації."
)
SPANISH = (
    "El ayuntamiento informó que la reconstrucción del puente sobre el río durará dos años "
    "más, porque el contratista no recibió los fondos prometidos por la región."
)
RUSSIAN = (
    "Городской совет сообщил, что восстановление моста через реку продлится ещё два года, "
    "поскольку подрядчик не получил обещанных средств от областной администрации."
)
BLOB = "a" * 64


def _insert(
    conn: sqlite3.Connection, doc_id: int, body: str, language: str | None, guessed: list[str]
) -> None:
    conn.execute(
        "INSERT INTO documents (id, ref, uid, title, title_devised, authors, recipients, text,"
        " media_type, guessed, flags, page_starts, set_aside, original_sha256, imported_at,"
        " updated_at, language) VALUES (?, ?, ?, 'T', 0, '[]', '[]', ?, 'text/plain', ?, '[]',"
        " '[]', '[]', ?, 'now', 'now', ?)",
        (doc_id, f"CAT-{doc_id:06d}", f"u{doc_id}", body, json.dumps(guessed), BLOB, language),
    )


def _rows(engine: Engine) -> dict[int, tuple[str | None, object, list[str]]]:
    with engine.connect() as c:
        found = c.execute(text("SELECT id, language, language_spans, guessed FROM documents"))
        return {
            row[0]: (row[1], json.loads(row[2]) if row[2] else None, json.loads(row[3]))
            for row in found
        }


def test_0010_detects_paragraph_languages_of_existing_documents(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0009")
    conn = sqlite3.connect(database)
    conn.execute(f"INSERT INTO blobs VALUES ('{BLOB}', 3, 'text/plain', 'now')")
    # 1: Ukrainian that the old guesser called Russian; 2: Spanish it could not name;
    # 3: Russian declared by its file; 4: a declared language kept for a text too short;
    # 5: Spanish paragraph inside a Russian letter. Then enough short ones to need chunks.
    _insert(conn, 1, UKRAINIAN, "ru", ["language", "title"])
    _insert(conn, 2, SPANISH, None, [])
    _insert(conn, 3, RUSSIAN, "ru", [])
    _insert(conn, 4, "Ok.", "de", [])
    _insert(conn, 5, f"{RUSSIAN}\n\n{SPANISH}", "ru", ["language"])
    for doc_id in range(6, 460):
        _insert(conn, doc_id, "abc", None, [])
    conn.commit()
    conn.close()

    upgrade(engine, database=database, backups=tmp_path / "b", target="0010")
    rows = _rows(engine)
    assert rows[1] == ("uk", [[0, len(UKRAINIAN), "uk"]], ["language", "title"])
    assert rows[2] == ("es", [[0, len(SPANISH), "es"]], ["language"])
    assert rows[3] == ("ru", [[0, len(RUSSIAN), "ru"]], [])
    assert rows[4] == ("de", [[0, 3, "de"]], [])
    split = len(RUSSIAN) + 2
    assert rows[5] == (
        "ru",
        [[0, len(RUSSIAN), "ru"], [split, split + len(SPANISH), "es"]],
        ["language"],
    )
    assert rows[459] == (None, None, [])  # too short to tell, nothing declared
    with engine.connect() as c:  # SQL NULL, not the JSON text "null"
        nulls = c.execute(text("SELECT count(*) FROM documents WHERE language_spans IS NULL"))
        assert nulls.scalar() == 459 - 5
    assert len(rows) == 459

    downgrade(engine, target="0009")
    with engine.connect() as c:
        columns = {row[1] for row in c.execute(text("PRAGMA table_info(documents)"))}
        assert c.execute(text("SELECT count(*) FROM documents")).scalar() == 459
    assert "language_spans" not in columns
    upgrade(engine, database=database, backups=tmp_path / "b")
    assert _rows(engine)[1][1] == [[0, len(UKRAINIAN), "uk"]]
    engine.dispose()
