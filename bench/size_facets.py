"""Catalogue size against the text it holds, and the Refine (facet) counts, on catalogues
that already exist (``bench/run.py --keep`` leaves them behind; ``catena import`` makes
small ones).

For each catalogue: the database file's size (after a WAL checkpoint), the working
texts' UTF-8 bytes, their ratio, the space of the largest tables and indexes (SQLite's
``dbstat``; the search index's shadow tables grouped as "search index"), and the
facet counts of the whole library and of a very common word, as ``db.search.facets``
returns them (p50 and max of *repeats*). Issue 23's targets: the database at most
2.5 times its text; facets over the whole library within 0.3 s at 100,000 documents.

    .venv/bin/python bench/size_facets.py CATALOGUE [--repeats 5] [--tables 8]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.catalogue import Catalogue
from db.column_types import stored_text_bytes
from db.search.facets import facets

MB = 2**20


def _sizes(database: Path, tables: int) -> dict[str, Any]:
    conn = sqlite3.connect(database)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # The working text's UTF-8 bytes, however it is stored (compressed on SQLite
        # since 0017: db.column_types), and what storing them takes.
        text_bytes = stored_bytes = 0
        rows = conn.execute("SELECT typeof(text), CAST(text AS BLOB) FROM documents")
        for storage, stored in rows:
            text_bytes += len(stored_text_bytes(stored) if storage == "blob" else stored or b"")
            stored_bytes += len(stored or b"")
        free_pages = conn.execute("PRAGMA freelist_count").fetchone()[0]
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        by_name: dict[str, int] = {}
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            key = "search index (FTS5)" if name.startswith("search_index_") else name
            if name == "search_index_rows":
                key = name
            by_name[key] = by_name.get(key, 0) + int(size)
    finally:
        conn.close()
    file_bytes = database.stat().st_size
    largest = sorted(by_name.items(), key=lambda item: -item[1])[:tables]
    return {
        "documents": documents,
        "database_mb": round(file_bytes / MB, 1),
        "database_bytes": file_bytes,
        "text_mb": round(text_bytes / MB, 1),
        "text_bytes": text_bytes,
        "stored_text_bytes": stored_bytes,
        "free_pages": free_pages,
        "database_to_text": round(file_bytes / text_bytes, 2) if text_bytes else None,
        "largest_mb": {name: round(size / MB, 2) for name, size in largest},
    }


def _timed(work: Any, repeats: int) -> dict[str, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return {"p50_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def measure(path: Path, repeats: int, tables: int = 8) -> dict[str, Any]:
    record: dict[str, Any] = {"catalogue": str(path), **_sizes(path / "catalogue.sqlite", tables)}
    catalogue = Catalogue.open(path, daily_backup=False)
    try:
        with catalogue.reading() as session:
            record["facets_everything"] = _timed(lambda: facets(session, ""), repeats)
            record["facets_the"] = _timed(lambda: facets(session, "the"), repeats)
    finally:
        catalogue.close()
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("catalogues", nargs="+", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tables", type=int, default=8, help="how many largest to list")
    args = parser.parse_args(argv)
    for path in args.catalogues:
        print(json.dumps(measure(path, args.repeats, args.tables), indent=1), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
