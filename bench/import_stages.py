"""Where an import's time goes, per document: the two halves of the pipeline, measured
apart in one process.

    .venv/bin/python bench/import_stages.py [N] [--corpus DIR]

*Prepare* is what the worker processes do (parse, store the original, fingerprint,
map paragraph languages); *write* is what the process holding the catalogue's write
lock does (catalogue the records, near-duplicate check, bands: plain texts a batch at
a time, anything else one file at a time; search index, fsync the batch's originals,
commit). The import defers tag suggestions, as ``catena
import`` does; the *suggestion pass* that follows is measured the same way: *suggest*
(in the workers) and *store* (tags stored and marks cleared by the writer). With W
workers on C cores the import cannot beat ``1000 / write`` documents per second (the
writer is one process), nor ``C * 1000 / (prepare + write)``.
Each figure is given as wall time and as CPU time of this process (``time.process_time``):
on a shared machine the CPU time is the one to compare.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import db.search.index as search_index
import desktop.ingest.pipeline as pipeline
import desktop.ingest.plain_batch as plain_batch
import desktop.ingest.prepare as prepare
import desktop.ingest.suggest_pass as suggest_pass
from bench.make_corpus import make_corpus
from db.catalogue import Catalogue
from db.objects import FolderObjectStore, sha256_bytes
from desktop.ingest.pipeline import ImportOptions, display_name, display_path
from desktop.ingest.prepare import Job, prepare_file

PREPARE_PARTS = ("parse", "put", "folded_whole", "fingerprint", "map_languages")
# The writer's parts: plain texts go through the batched path (plain_batch), anything
# else one file at a time (pipeline: catalogue_document, find_near_duplicate, ...).
WRITE_PARTS = {
    "find_near_duplicates": plain_batch,
    "catalogue_documents": plain_batch,
    "store_bands_many": plain_batch,
    "catalogue_document": pipeline,
    "find_near_duplicate": pipeline,
    "store_bands": pipeline,
    "index_documents": search_index,
    "sync_directories": FolderObjectStore,
}

_spent: Counter[str] = Counter()
_cpu: Counter[str] = Counter()


def _timed(module: Any, name: str) -> None:
    original: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            _spent[name] += time.perf_counter() - start
            _cpu[name] += time.process_time() - start_cpu

    setattr(module, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="catena-stages-"))
    corpus = args.corpus or work / "corpus"
    if args.corpus is None:
        make_corpus(args.count, 5, corpus)
    files = sorted(p for p in corpus.rglob("*") if p.is_file())[: args.count]
    for name in PREPARE_PARTS:
        _timed(FolderObjectStore if name == "put" else prepare, name)  # put: the original
    for name, where in WRITE_PARTS.items():
        _timed(where, name)
    with Catalogue.open(work / "Stages.catena", create=True, daily_backup=False) as catalogue:
        jobs = []
        for path in files:
            data = path.read_bytes()
            jobs.append(
                Job(
                    path,
                    display_path(path),
                    display_name(path),
                    data,
                    sha256_bytes(data),
                    10**9,
                    False,  # suggestions deferred to the pass, as catena import does
                    catalogue.objects,
                    sync_directory=False,  # the writer syncs each batch
                )
            )
        start, start_cpu = time.perf_counter(), time.process_time()
        prepared = [prepare_file(job) for job in jobs]
        prepare_total = time.perf_counter() - start
        prepare_cpu = time.process_time() - start_cpu
        outcomes: list[Any] = []
        start, start_cpu = time.perf_counter(), time.process_time()
        options = ImportOptions(defer_suggestions=True)
        with catalogue.objects.syncing():  # as import_paths: fsync threads kept throughout
            for first in range(0, len(prepared), 50):
                batch = prepared[first : first + 50]
                outcomes.extend(pipeline._write_batch(catalogue, batch, options))  # type: ignore[arg-type]
        write_total = time.perf_counter() - start
        write_cpu = time.process_time() - start_cpu
        write_spent, write_parts_cpu = Counter(_spent), Counter(_cpu)  # the pass re-indexes too
        with catalogue.reading() as session:
            pending = suggest_pass.pending_documents(session, suggest_pass.pending_ids(session))
        start, start_cpu = time.perf_counter(), time.process_time()
        suggested = [(document, suggest_pass.suggest_one(document)) for document in pending]
        suggest_total = time.perf_counter() - start
        suggest_cpu = time.process_time() - start_cpu
        start, start_cpu = time.perf_counter(), time.process_time()
        report = suggest_pass.PassReport()
        for first in range(0, len(suggested), 50):
            suggest_pass._store_batch(catalogue, suggested[first : first + 50], report)
        store_total = time.perf_counter() - start
        store_cpu = time.process_time() - start_cpu
    count = len(jobs)

    def per_doc(seconds: float, cpu: float) -> str:
        return f"{1000 * seconds / count:6.2f} ms wall {1000 * cpu / count:6.2f} ms CPU"

    print(f"{count} files: {dict(Counter(o.status for o in outcomes))}")
    print(f"prepare (a worker's share)   {per_doc(prepare_total, prepare_cpu)}")
    for name in PREPARE_PARTS:
        print(f"  {name:26s} {per_doc(_spent[name], _cpu[name])}")
    print(f"write (the writer's share)   {per_doc(write_total, write_cpu)}")
    for name in WRITE_PARTS:
        print(f"  {name:26s} {per_doc(write_spent[name], write_parts_cpu[name])}")
    rest = write_total - sum(write_spent[name] for name in WRITE_PARTS)
    rest_cpu = write_cpu - sum(write_parts_cpu[name] for name in WRITE_PARTS)
    print(f"  {'commit, savepoints, rest':26s} {per_doc(rest, rest_cpu)}")
    print(f"suggestion pass, {report.done} documents, {report.tags} tags:")
    print(f"  suggest (a worker's share) {per_doc(suggest_total, suggest_cpu)}")
    print(f"  store (the writer's share) {per_doc(store_total, store_cpu)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
