"""Benchmark search and scale: import, search, facets, opening and listing a catalogue.

Run from the repository root::

    .venv/bin/python bench/run.py --sizes 10000,100000

For each size: make (or reuse) the corpus ``$TMPDIR/catena-corpus-N-s1`` with
``bench/make_corpus.py``, import it into a fresh catalogue with the real pipeline
(``desktop.ingest.pipeline.import_paths``, tag suggestions on, as ``catena import``
does), then time what a person waits for:

* import throughput (documents per second) and the number of COMMITs it issued,
  counted with an SQLite trace callback on every connection;
* top-50 ranked search latency, p50/p95 over repeated runs, for a rare, a medium and
  two very common terms, a phrase, a prefix, a folded spelling and a filtered query
  (no snippets); snippets for one page, timed separately; facet counts;
* opening the catalogue and reading the first 50 rows of the document list exactly as
  the window's table does (``desktop.core.document_rows``: ids, then one page), without Qt;
* select-all (every matching id for the blank search);
* peak RSS of the process.

Results go to ``bench/results/<date>-<size>.json``; the summary table is printed and
written into BENCHMARKS.md between the generated-table markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, event

from bench.make_corpus import MEDIUM, PHRASE, RARE, make_corpus
from db.catalogue import Catalogue
from db.documents import NewDocument, add_document
from db.search import index
from db.search.facets import facets
from db.search.run import search, search_ids
from db.search.snippets import snippets
from desktop.core.document_rows import list_ids, rows_of
from desktop.core.scope import Scope
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.ingest.prepare import default_workers

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
MARK = "<!-- bench/run.py {key}: {end} -->"  # one generated table per loader and sizes

QUERIES = {
    "rare": RARE,
    "medium": MEDIUM,
    "common (the)": "the",
    "common (said)": "said",
    "phrase": f'"{PHRASE}"',
    "prefix": MEDIUM[:5] + "*",
    "folded (xocali)": "xocali",
    "filtered": f"{MEDIUM} year:1990..2005 -type:letter",
}
REPEATS = 30

_commits = 0


def _count_commits(statement: str) -> None:
    global _commits
    if statement.lstrip().upper().startswith("COMMIT"):
        _commits += 1


@event.listens_for(Engine, "connect")
def _trace(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.set_trace_callback(_count_commits)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_worker_rss_mb() -> float:
    """The largest import worker process (they exist only during an import)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def _timed(fn: Callable[[], Any], repeats: int = REPEATS) -> tuple[dict[str, float], Any]:
    samples: list[float] = []
    value: Any = None
    for _ in range(repeats):
        start = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - start)
    return _percentiles(samples), value


def _open_and_first_page(path: Path) -> float:
    """Open, then the document list's two queries (ids in order; one page of rows),
    through the same read model the window's table uses (``desktop.core.document_rows``)."""
    start = time.perf_counter()
    catalogue = Catalogue.open(path, daily_backup=False)
    listed = list_ids(catalogue, scope=Scope(), text="", sort_key="ref", descending=False)
    rows_of(catalogue, listed.ids[:50], review=False)
    elapsed = time.perf_counter() - start
    catalogue.close()
    return elapsed


def _direct_load(
    catalogue: Catalogue, corpus: Path, progress: Callable[[int, int, str], None]
) -> int:
    """Catalogue the corpus texts with ``add_document`` alone: no reading, parsing,
    duplicate check, object store or suggestions. Measures the catalogue and its index
    at scale when the full import is too slow to run here; labelled as such."""
    files = sorted(corpus.rglob("*.txt"))
    kinds = ("news article", "news article", "letter", "report")
    for start in range(0, len(files), 500):
        with catalogue.writing() as session:
            for number, path in enumerate(files[start : start + 500], start):
                text = path.read_text(encoding="utf-8")
                lines = text.split("\n", 4)
                byline = lines[2].removeprefix("By ").rsplit(", ", 1)
                published = lines[3] if lines[3][:4].isdigit() else None
                document = add_document(
                    session,
                    new=NewDocument(
                        text=text,
                        media_type="text/plain",
                        original_sha256=f"{number:064x}",
                        original_size=len(text),
                        original_filename=path.name,
                        title=lines[0],
                        publisher=byline[-1],
                        authors=byline[:1],
                        doc_type=kinds[number % len(kinds)],
                    ),
                    actor="bench",
                )
                # Set directly: this loader measures the index, not date parsing.
                document.published = published
                document.published_lower = document.published_upper = published
        progress(min(start + 500, len(files)), len(files), "")
    return len(files)


def run_size(
    size: int, seed: int, workdir: Path, keep: bool, loader: str, rebuild: bool
) -> dict[str, Any]:
    global _commits
    corpus = Path(tempfile.gettempdir()) / f"catena-corpus-{size}-s{seed}"  # kept for reruns
    if not corpus.exists():
        start = time.perf_counter()
        make_corpus(size, seed, corpus)
        print(f"[{size}] corpus written in {time.perf_counter() - start:.0f} s", flush=True)
    path = workdir / f"Bench-{size}.catena"
    if path.exists():
        shutil.rmtree(path)
    catalogue = Catalogue.open(path, create=True, actor="bench", daily_backup=False)
    _commits = 0
    done = [0]

    def progress(current: int, total: int, _name: str) -> None:
        if current - done[0] >= 5000 or current == total:
            done[0] = current
            print(f"[{size}] imported {current}/{total}", flush=True)

    start = time.perf_counter()
    if loader == "import":
        report = import_paths(catalogue, [corpus], options=ImportOptions(), progress=progress)
        documents, failed = report.imported, report.failed
    else:
        documents, failed = _direct_load(catalogue, corpus, progress), 0
    import_seconds = time.perf_counter() - start
    commits = _commits
    rebuild_seconds = None
    if rebuild:
        start = time.perf_counter()
        with catalogue.writing() as session:
            index.rebuild(session)
        rebuild_seconds = round(time.perf_counter() - start, 1)
    catalogue.close()
    rate = documents / import_seconds
    print(f"[{size}] import: {rate:.0f} docs/s, {commits} commits", flush=True)

    open_seconds = _open_and_first_page(path)
    catalogue = Catalogue.open(path, daily_backup=False)
    results: dict[str, Any] = {}
    with catalogue.reading() as session:
        totals = {}
        for label, query in QUERIES.items():
            stats, result = _timed(lambda q=query: _search(catalogue, q))
            totals[label] = result.total
            results[label] = {**stats, "matches": result.total, "ranked": result.ranked}
            print(f"[{size}] search {label}: {results[label]}", flush=True)
        page = search(session, MEDIUM)
        snippet_stats, _ = _timed(lambda: snippets(session, page.hits, page.terms), 10)
        common_page = search(session, "the")
        common_snippets, _ = _timed(
            lambda: snippets(session, common_page.hits, common_page.terms), 10
        )
        facet_medium, _ = _timed(lambda: facets(session, MEDIUM), 5)
        facet_common, _ = _timed(lambda: facets(session, "the"), 3)
        facet_all, _ = _timed(lambda: facets(session, ""), 3)
        select_all, ids = _timed(lambda: search_ids(session, ""), 5)
    catalogue.close()
    database = path / "catalogue.sqlite"
    record = {
        "size": size,
        "loader": loader,
        "documents": documents,
        "failed": failed,
        "index_rebuild_seconds": rebuild_seconds,
        "import_docs_per_s": round(documents / import_seconds, 1),
        "import_seconds": round(import_seconds, 1),
        "import_commits": commits,
        "database_mb": round(database.stat().st_size / 2**20, 1),
        "search": results,
        "snippets_page_medium": snippet_stats,
        "snippets_page_common": common_snippets,
        "facets_medium": facet_medium,
        "facets_common": facet_common,
        "facets_all": facet_all,
        "open_and_first_page_ms": round(open_seconds * 1000, 1),
        "select_all": {**select_all, "ids": len(ids)},
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "import_workers": default_workers() if loader == "import" else 0,
        "peak_worker_rss_mb": round(_peak_worker_rss_mb(), 1),
    }
    if not keep:
        shutil.rmtree(path)
    return record


def _search(catalogue: Catalogue, query: str) -> Any:
    with catalogue.reading() as session:
        return search(session, query, limit=50)


def _table(records: list[dict[str, Any]]) -> str:
    sizes = [str(r["size"]) for r in records]
    lines = [
        "| measure | target (100k) | " + " | ".join(f"{s} docs" for s in sizes) + " |",
        "|---|---|" + "---|" * len(records),
    ]

    def row(label: str, target: str, get: Callable[[dict[str, Any]], Any]) -> None:
        cells = ["—" if get(r) is None else str(get(r)) for r in records]
        lines.append(f"| {label} | {target} | " + " | ".join(cells) + " |")

    row("loader", "", lambda r: r.get("loader", "import"))
    row("import throughput (docs/s)", "≥ 500", lambda r: r["import_docs_per_s"])
    row("import worker processes", "", lambda r: r.get("import_workers", 0))
    row("index rebuild (s)", "", lambda r: r.get("index_rebuild_seconds"))
    row("COMMITs during import", "", lambda r: r["import_commits"])
    for label in QUERIES:
        target = "p95 ≤ 30 ms" if label in ("rare", "medium") else "≤ 300 ms"
        row(
            f"search {label}: p50 / p95 ms (matches)",
            target,
            lambda r, lab=label: (
                f"{r['search'][lab]['p50_ms']} / {r['search'][lab]['p95_ms']} "
                f"({r['search'][lab]['matches']}{'' if r['search'][lab]['ranked'] else ', newest'})"
            ),
        )
    row("snippets, page of 50 (medium): p50 ms", "", lambda r: r["snippets_page_medium"]["p50_ms"])
    row("snippets, page of 50 (the): p50 ms", "", lambda r: r["snippets_page_common"]["p50_ms"])
    row("facets (medium): p50 ms", "", lambda r: r["facets_medium"]["p50_ms"])
    row("facets (the): p50 ms", "", lambda r: r["facets_common"]["p50_ms"])
    row("facets (everything): p50 ms", "", lambda r: r["facets_all"]["p50_ms"])
    row("open + first page (ms)", "≤ 1000", lambda r: r["open_and_first_page_ms"])
    row("select-all ids: p50 ms", "≤ 500", lambda r: r["select_all"]["p50_ms"])
    row("peak RSS (MB)", "≤ 400", lambda r: r["peak_rss_mb"])
    row("peak RSS of one import worker (MB)", "", lambda r: r.get("peak_worker_rss_mb", "—"))
    row("database size (MB)", "", lambda r: r["database_mb"])
    return "\n".join(lines)


def _write_markdown(table: str, command: str, stamp: str, key: str) -> None:
    target = ROOT / "BENCHMARKS.md"
    start, end = MARK.format(key=key, end="start"), MARK.format(key=key, end="end")
    block = (
        f"{start}\nProduced by `{command}` on {stamp} "
        f"({platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}).\n\n{table}\n{end}"
    )
    old = target.read_text(encoding="utf-8") if target.exists() else "# Benchmarks\n"
    if start in old:
        before, _, rest = old.partition(start)
        _, _, after = rest.partition(end)
        target.write_text(before + block + after, encoding="utf-8")
    else:
        target.write_text(old.rstrip("\n") + "\n\n" + block + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the catalogues")
    parser.add_argument("--no-markdown", action="store_true", help="do not touch BENCHMARKS.md")
    parser.add_argument(
        "--loader",
        choices=("import", "direct"),
        default="import",
        help="import: the real pipeline (default); direct: add_document only (see _direct_load)",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="also time a full index rebuild after loading"
    )
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.sizes.split(",") if part]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="catena-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    records = [
        run_size(size, args.seed, workdir, args.keep, args.loader, args.rebuild) for size in sizes
    ]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{stamp}-{'-'.join(map(str, sizes))}-{args.loader}.json"
    command = "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    out.write_text(
        json.dumps(
            {"command": command, "date": stamp, "sqlite": sqlite3.sqlite_version, "runs": records},
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    table = _table(records)
    print(table)
    if not args.no_markdown:
        _write_markdown(table, command.strip(), stamp, f"{args.loader} {args.sizes}")
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
