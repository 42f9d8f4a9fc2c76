"""Migration 0018 (near-duplicate band keys recomputed with the numpy fingerprint): its
time per 1,000 documents and its memory, on a catalogue of N generated clippings.

    .venv/bin/python bench/bands_migration.py [N] [--url POSTGRESQL_URL]

Makes a catalogue at revision 0017 holding N documents (the texts of
``bench/make_corpus.py 1000 --seed 3``, repeated with a number in front so every
text differs) and 16 band keys each, in a temporary SQLite file, or in the empty
PostgreSQL database *--url* names (its tables are made there; drop it afterwards),
then times the upgrade to 0018 in a process of its own (wall and CPU of that process;
on PostgreSQL the server's own CPU is not counted) and reports that process's peak
memory.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bench.make_corpus import make_corpus
from db.engine import make_engine
from db.migrate import upgrade
from db.models import Document, DocumentBand

BATCH = 1000


def _texts(work: Path) -> list[str]:
    corpus = make_corpus(1000, seed=3, out=work / "corpus")
    return [path.read_text(encoding="utf-8") for path in sorted(corpus.rglob("*.txt"))]


def _fill(engine: object, count: int, texts: list[str]) -> None:
    with Session(engine) as session:  # type: ignore[call-overload]
        for first in range(1, count + 1, BATCH):
            for doc_id in range(first, min(first + BATCH, count + 1)):
                body = f"{doc_id} {texts[doc_id % len(texts)]}"
                session.add(
                    Document(id=doc_id, ref=f"CAT-{doc_id:06d}", text=body, media_type="text/plain")
                )
            session.flush()
            for doc_id in range(first, min(first + BATCH, count + 1)):
                for band in range(16):
                    session.add(DocumentBand(document_id=doc_id, band=f"{band:02d}:{doc_id:016x}"))
            session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--url")
    parser.add_argument("--migrate", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.migrate:
        migrate(args.migrate)
        return
    work = Path(tempfile.mkdtemp(prefix="catena-bands-"))
    texts = _texts(work)
    database = None if args.url else work / "catalogue.sqlite"
    engine = make_engine(args.url or database)
    upgrade(engine, database=database, backups=None, target="0017")
    _fill(engine, args.count, texts)
    engine.dispose()
    # The upgrade in a process of its own, so its peak memory is its own.
    child = subprocess.run(
        [sys.executable, __file__, "--migrate", str(args.url or database)],
        check=True,
        capture_output=True,
        text=True,
    )
    wall, cpu, peak_kb = (float(value) for value in child.stdout.split())
    engine = make_engine(args.url or database)
    with Session(engine) as session:
        bands = session.scalar(select(func.count()).select_from(DocumentBand))
    engine.dispose()
    per = 1000 / args.count
    print(f"migration 0018 on {engine.dialect.name}: {args.count} documents, {bands} band keys")
    print(
        f"  wall {wall:.1f} s ({wall * per:.2f} s per 1,000), CPU {cpu:.1f} s ({cpu * per:.2f} s)"
    )
    print(f"  peak memory of the migrating process: {peak_kb / 1024:.0f} MB")


def migrate(location: str) -> None:
    database = None if "://" in location else Path(location)
    engine = make_engine(location)
    start, start_cpu = time.perf_counter(), time.process_time()
    upgrade(engine, database=database, backups=None, target="0018")
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    engine.dispose()
    print(wall, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main()
