"""Preparing files in worker processes: same results as in one process, in order,
and a worker that dies costs only the file that killed it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import DateTag, Document, Figure, Mention
from db.objects import FolderObjectStore, sha256_bytes
from desktop.ingest import prepare
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.ingest.prepare import Failed, Job, Prepared, Preparer, prepare_file
from tests.core.prepare_helpers import prepare_or_die, worker_pid


def _job(name: str, text: str, store: Path) -> Job:
    data = text.encode()
    return Job(
        Path(name), name, name, data, sha256_bytes(data), 10**8, True, FolderObjectStore(store)
    )


def _letter(number: int) -> str:
    return (
        f"Report {number}\n\nOn 14 March 1994 Anna Berova told the council that "
        f"{number + 12} families had left the valley and that about {number * 3} "
        "houses were lost to the water. Mayor Ilkin Dasdemir said the dam had been "
        "inspected twice. The committee met again in April 1994 to hear the engineers.\n"
    )


def test_workers_return_results_in_order_from_other_processes(tmp_path: Path) -> None:
    jobs = [_job(f"f{i}.txt", "x", tmp_path) for i in range(prepare.POOL_THRESHOLD)]
    with Preparer(2, len(jobs), function=worker_pid) as preparer:
        assert preparer.parallel
        for job in jobs:
            preparer.submit(job)
        results = [preparer.next_result() for _ in jobs]
    assert [job.filename for job, _ in results] == [job.filename for job in jobs]
    reasons = [result.reason.split() for _job, result in results if isinstance(result, Failed)]
    assert [name for name, _pid in reasons] == [job.filename for job in jobs]
    assert str(os.getpid()) not in {pid for _name, pid in reasons}


def test_workers_take_jobs_a_chunk_at_a_time_and_a_partial_chunk_is_sent_when_asked(
    tmp_path: Path,
) -> None:
    count = prepare.POOL_THRESHOLD + prepare.CHUNK_SIZE // 2  # the last chunk not full
    jobs = [_job(f"f{i}.txt", "x", tmp_path) for i in range(count)]
    with Preparer(2, len(jobs), function=worker_pid) as preparer:
        for job in jobs:
            preparer.submit(job)
        pids = [preparer.next_result()[1].reason.split()[1] for _ in jobs]
    chunks = [
        pids[first : first + prepare.CHUNK_SIZE] for first in range(0, count, prepare.CHUNK_SIZE)
    ]
    assert all(len(set(chunk)) == 1 for chunk in chunks)  # one worker per chunk
    assert len(chunks[-1]) == prepare.CHUNK_SIZE // 2


def test_a_worker_that_dies_fails_only_its_own_file(tmp_path: Path) -> None:
    names = [f"ok-{i}.txt" for i in range(prepare.POOL_THRESHOLD)]
    names[7] = "die-7.txt"
    jobs = [_job(name, _letter(i), tmp_path) for i, name in enumerate(names)]
    with Preparer(2, len(jobs), function=prepare_or_die) as preparer:
        for job in jobs:
            preparer.submit(job)
        results = {job.filename: result for job, result in (preparer.next_result() for _ in jobs)}
    failed = {name for name, result in results.items() if isinstance(result, Failed)}
    assert failed == {"die-7.txt"}
    assert "stopped unexpectedly" in results["die-7.txt"].reason  # type: ignore[union-attr]
    assert all(isinstance(results[name], Prepared) for name in names if name != "die-7.txt")


def test_without_a_working_pool_files_are_prepared_in_this_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(Preparer, "_new_pool", lambda self: None)
    jobs = [_job(f"f{i}.txt", _letter(i), tmp_path) for i in range(prepare.POOL_THRESHOLD)]
    with Preparer(2, len(jobs)) as preparer:
        for job in jobs:
            preparer.submit(job)
        results = [preparer.next_result() for _ in jobs]
        assert not preparer.parallel
    assert all(isinstance(result, Prepared) for _job, result in results)


def test_small_imports_do_not_start_workers() -> None:
    assert not Preparer(4, prepare.POOL_THRESHOLD - 1).parallel
    assert not Preparer(1, 10_000).parallel
    assert Preparer(2, prepare.POOL_THRESHOLD).parallel


def test_prepare_file_stores_the_original_and_reports_unreadable_bytes(
    tmp_path: Path,
) -> None:
    good = prepare_file(_job("a.txt", _letter(1), tmp_path))
    assert isinstance(good, Prepared)
    assert FolderObjectStore(tmp_path).path(good.sha256).read_bytes() == _letter(1).encode()
    data = b"%PDF-1.7 not really"
    result = prepare_file(
        Job(
            Path("x.pdf"),
            "x.pdf",
            "x.pdf",
            data,
            sha256_bytes(data),
            10**8,
            True,
            FolderObjectStore(tmp_path),
        )
    )
    assert isinstance(result, Failed) and result.reason
    assert not FolderObjectStore(tmp_path).exists(sha256_bytes(data))  # not stored


def _catalogued(catalogue: Catalogue) -> list[tuple[object, ...]]:
    with catalogue.reading() as session:
        documents = [
            (d.ref, d.original_filename, d.title, d.text, d.fingerprint, tuple(d.flags))
            for d in session.execute(select(Document).order_by(Document.id)).scalars()
        ]
        tags = [
            (model.__name__, row.document_id, row.start, row.end, row.quote, row.status)
            for model in (DateTag, Figure, Mention)
            for row in session.execute(select(model).order_by(model.id)).scalars()
        ]
    return documents + tags


def test_an_import_with_workers_catalogues_exactly_what_one_process_does(
    write_texts,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    count = prepare.POOL_THRESHOLD + 6
    files = {f"report-{i:03d}.txt": _letter(i) for i in range(count)}
    files["report-copy.txt"] = files["report-003.txt"]  # an exact duplicate in the import
    folder = write_texts(files)
    results = []
    for workers in (1, 2):
        catalogue = Catalogue.open(tmp_path / f"w{workers}" / "c.catena", create=True)
        seen: list[int] = []
        report = import_paths(
            catalogue,
            [folder],
            options=ImportOptions(workers=workers, batch_size=16),
            progress=lambda done, _total, _path, seen=seen: seen.append(done),
        )
        assert report.imported == count and report.duplicates == 1 and report.failed == 0
        assert seen == sorted(seen) and seen[-1] == count + 1
        results.append(_catalogued(catalogue))
    one, two = results
    assert len(one) > count * 3  # documents plus their suggested tags
    assert [row[1:] for row in one] == [row[1:] for row in two]


@pytest.mark.skipif(not hasattr(os, "nice"), reason="niceness is a Unix notion")
def test_workers_step_back_for_the_window(tmp_path: Path) -> None:
    from tests.core.prepare_helpers import worker_niceness

    jobs = [_job(f"f{i}.txt", "x", tmp_path) for i in range(prepare.POOL_THRESHOLD)]
    with Preparer(2, len(jobs), function=worker_niceness) as preparer:
        for job in jobs:
            preparer.submit(job)
        results = [preparer.next_result() for _ in jobs]
    mine = os.nice(0)
    seen = {int(r.reason.split()[1]) for _job, r in results if isinstance(r, Failed)}
    assert seen == {min(19, mine + prepare.WORKER_NICENESS)}


def test_results_come_back_without_the_bytes_the_importer_already_holds(
    tmp_path: Path,
) -> None:
    job = _job("letter.txt", _letter(3), tmp_path)
    travelled = prepare.prepare_for_importer(job)
    assert isinstance(travelled, Prepared) and travelled.data == b""
    restored = prepare.with_original(job, travelled)
    assert isinstance(restored, Prepared)
    assert restored.data == job.data
    again = prepare_file(job)
    assert isinstance(again, Prepared) and restored.parsed == again.parsed
    failed = Failed("could not be read")
    assert prepare.with_original(job, failed) is failed


def test_the_workers_get_the_first_files_before_a_whole_batch_is_read(
    write_texts,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first files read go to the workers at once (FIRST_READ of them, looked up in
    the catalogue together), not after a whole batch has been read and looked up; the
    rest is read a batch at a time, and every file is imported, in order."""
    from desktop.ingest import pipeline

    looked_up: list[int] = []
    real_existing = pipeline._existing_many

    def existing(session: object, hashes: set[str]) -> dict[str, str]:
        looked_up.append(len(hashes))
        return real_existing(session, hashes)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_existing_many", existing)
    count = prepare.POOL_THRESHOLD + 40
    folder = write_texts({f"report-{i:03d}.txt": _letter(i) for i in range(count)})
    catalogue = Catalogue.open(tmp_path / "c.catena", create=True)
    report = import_paths(catalogue, [folder], options=ImportOptions(workers=2))
    assert report.imported == count
    # The reads' lookups come first (the writer looks its batches up again after them).
    assert looked_up[0] == pipeline.FIRST_READ < pipeline.DEFAULT_BATCH_SIZE
    assert looked_up[1] == min(count - pipeline.FIRST_READ, pipeline.DEFAULT_BATCH_SIZE)
    with catalogue.reading() as session:
        names = session.scalars(select(Document.original_filename).order_by(Document.id)).all()
    assert names == sorted(names) and len(names) == count
    catalogue.close()


@pytest.mark.parametrize("deferred", [False, True], ids=["one-by-one", "plain-batch"])
def test_the_writer_indexes_imported_texts_with_the_workers_fold(
    write_texts,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    index_folds: list[str],
    deferred: bool,
) -> None:
    """The workers fold each text for its fingerprint; the writer's search index takes
    that fold instead of folding the text again, on both write paths (suggestions
    inline: one file at a time; deferred: plain texts a run at a time), and the index
    is the one the stored texts give."""
    from db.search import index

    texts = {f"report-{i:03d}.txt": _letter(i) for i in range(6)}
    folder = write_texts(texts)
    catalogue = Catalogue.open(tmp_path / "c.catena", create=True)
    options = ImportOptions(workers=1, defer_suggestions=deferred)
    report = import_paths(catalogue, [folder], options=options)
    assert report.imported == len(texts)
    with catalogue.reading() as session:
        stored = session.scalars(select(Document.text)).all()
    assert len(stored) == len(texts)
    assert not set(stored) & set(index_folds)  # no body folded by the writer
    with catalogue.writing() as session:
        assert index.check(session, deep=True) == []  # the same rows the texts give
    catalogue.close()
