"""Grow a catalogue made by a real import to N times its documents, for measuring the
search index and the facets at scale when importing 100,000 files is too slow to run.

The documents and their people mentions (suggested and accepted, as the import made
them) are copied with new ids, references and uids; nothing else is (dates, figures,
bands, originals), so the copy's size says nothing about the whole catalogue, only
about the index and the documents table. The search index is then rebuilt from the
rows with the code on the path (``index.rebuild``), timed.

    .venv/bin/python bench/scale_copy.py SOURCE.catena TARGET.catena --times 100
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.catalogue import Catalogue
from db.search import index

# A uid stored as 16 bytes (schema 0017, db.column_types) is copied as its hex text.
_UID = "(CASE typeof(uid) WHEN 'blob' THEN lower(hex(uid)) ELSE uid END)"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _copy_rows(database: Path, times: int) -> tuple[int, int]:
    conn = sqlite3.connect(database)
    try:
        doc_span = conn.execute("SELECT max(id) FROM documents").fetchone()[0]
        mention_span = conn.execute("SELECT coalesce(max(id), 0) FROM mentions").fetchone()[0]
        doc_rest = [c for c in _columns(conn, "documents") if c not in ("id", "ref", "uid")]
        mention_rest = [
            c for c in _columns(conn, "mentions") if c not in ("id", "uid", "document_id")
        ]
        quoted = ", ".join(f'"{c}"' for c in mention_rest)
        for copy in range(1, times):
            conn.execute(
                f"INSERT INTO documents (id, ref, uid, {', '.join(doc_rest)}) "
                f"SELECT id + ?, ref || '-' || ?, {_UID} || '-' || ?, {', '.join(doc_rest)} "
                "FROM documents WHERE id <= ?",
                (copy * doc_span, copy, copy, doc_span),
            )
            conn.execute(
                f"INSERT INTO mentions (id, uid, document_id, {quoted}) "
                f"SELECT id + ?, {_UID} || '-' || ?, document_id + ?, {quoted} "
                "FROM mentions WHERE id <= ?",
                (copy * mention_span, copy, copy * doc_span, mention_span),
            )
        conn.commit()
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    finally:
        conn.close()
    return int(documents), int(mentions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--times", type=int, default=100)
    args = parser.parse_args(argv)
    if args.target.exists():
        shutil.rmtree(args.target)
    shutil.copytree(args.source, args.target)
    documents, mentions = _copy_rows(args.target / "catalogue.sqlite", args.times)
    print(f"{documents} documents, {mentions} mentions", flush=True)
    catalogue = Catalogue.open(args.target, daily_backup=False)
    try:
        start = time.perf_counter()
        with catalogue.writing() as session:
            index.rebuild(session)
        print(f"index rebuilt in {time.perf_counter() - start:.1f} s", flush=True)
    finally:
        catalogue.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
