"""Many writers on one PostgreSQL catalogue: 4 processes x 100 mixed operations.

Each process imports the same 30 files (and 10 of its own), finds or creates people
from one pool of 10 names, tags dates on one shared document and appends its own
token to that document's authors (a read-modify-write through ``update_metadata``),
in its own shuffled order, all four starting together. Afterwards the audit chain
must verify and reach its recorded head, every shared file must be catalogued once,
reference codes must run without gaps or repeats, every name must have one record,
and no tag or appended author may be missing (no lost write).
"""

from __future__ import annotations

import multiprocessing
import random
import traceback
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.pg_catalogues import scratch_database

pytestmark = pytest.mark.own_database

WORKERS = 4
OPERATIONS = 100
SHARED_FILES = 30
OWN_FILES = 10
PEOPLE_OPS = 20
TAG_OPS = 20
EDIT_OPS = OPERATIONS - SHARED_FILES - OWN_FILES - PEOPLE_OPS - TAG_OPS
NAMES = [f"Witness Number{n} Aliyeva" for n in "ABCDEFGHIJ"]
ANCHOR_TEXT = "The shared record of 12 March 1992, written at Agdam by the committee.\n"


def _shared_text(k: int) -> str:
    return f"Shared report {k}: on {k + 1} May 1992 the committee counted {k * 7} people.\n"


def _schedule(worker: int) -> list[tuple[str, int]]:
    ops = (
        [("shared", k) for k in range(SHARED_FILES)]
        + [("own", k) for k in range(OWN_FILES)]
        + [("person", k % len(NAMES)) for k in range(PEOPLE_OPS)]
        + [("tag", k) for k in range(TAG_OPS)]
        + [("edit", k) for k in range(EDIT_OPS)]
    )
    random.Random(worker).shuffle(ops)
    return ops


def _run_worker(url: str, folder: str, worker: int, barrier: Any, results: Any) -> None:
    """One writer: its 100 operations, each its own transaction; reports what it did."""
    try:
        from db.catalogue import Catalogue
        from db.documents import require_document, update_metadata
        from db.people import resolve_or_create
        from db.tags import add_tag
        from desktop.ingest.pipeline import ImportOptions, import_paths

        options = ImportOptions(suggest=False, workers=1, ocr_languages=None)
        done: dict[str, Any] = {"imported": 0, "duplicate": 0, "created": 0, "tags": 0}
        done["tokens"] = []
        base = Path(folder)
        with Catalogue.open(url, actor=f"writer{worker}", daily_backup=False) as catalogue:
            barrier.wait()
            for kind, k in _schedule(worker):
                if kind in ("shared", "own"):
                    name = f"shared/{k}.txt" if kind == "shared" else f"own{worker}/{k}.txt"
                    report = import_paths(catalogue, [base / name], options=options)
                    for outcome in report.outcomes:
                        done[outcome.status] = done.get(outcome.status, 0) + 1
                elif kind == "person":
                    with catalogue.writing() as session:
                        _agent, created = resolve_or_create(
                            session, name=NAMES[k], is_organisation=False, actor=catalogue.actor
                        )
                        done["created"] += int(created)
                elif kind == "tag":
                    with catalogue.writing() as session:
                        anchor = require_document(session, "CAT-000001")
                        add_tag(
                            session,
                            kind="date",
                            document=anchor,
                            start=29,
                            end=42,
                            values={"edtf": "1992-03-12"},
                            actor=catalogue.actor,
                        )
                        done["tags"] += 1
                else:
                    token = f"Writer{worker} Edit{k}"
                    with catalogue.writing() as session:
                        anchor = require_document(session, "CAT-000001")
                        authors = [*anchor.authors, token]
                        update_metadata(
                            session,
                            ref="CAT-000001",
                            changes={"authors": authors},
                            actor=catalogue.actor,
                        )
                    done["tokens"].append(token)
        results.put((worker, done))
    except BaseException:
        results.put((worker, {"error": traceback.format_exc()}))


def _write_files(root: Path) -> None:
    for k in range(SHARED_FILES):
        (root / "shared").mkdir(parents=True, exist_ok=True)
        (root / "shared" / f"{k}.txt").write_text(_shared_text(k), encoding="utf-8")
    for worker in range(WORKERS):
        own = root / f"own{worker}"
        own.mkdir(parents=True, exist_ok=True)
        for k in range(OWN_FILES):
            text = f"Own note {k} of writer {worker}, kept on {k + 1} June 1992.\n"
            (own / f"{k}.txt").write_text(text, encoding="utf-8")
    (root / "anchor.txt").write_text(ANCHOR_TEXT, encoding="utf-8")


def _run_all(url: str, root: Path) -> dict[int, dict[str, Any]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    results = context.Queue()
    processes = [
        context.Process(target=_run_worker, args=(url, str(root), w, barrier, results))
        for w in range(WORKERS)
    ]
    for process in processes:
        process.start()
    reports = dict(results.get(timeout=900) for _ in processes)
    for process in processes:
        process.join(timeout=60)
    return reports


def test_four_writers_keep_one_chain_no_duplicates_and_every_write(tmp_path: Path) -> None:
    from db.audit import verify_chain
    from db.catalogue import Catalogue
    from db.models import Agent, DateTag, Document, Event
    from desktop.ingest.pipeline import ImportOptions, import_paths

    _write_files(tmp_path / "files")
    with scratch_database("pgcore") as url:
        objects = tmp_path / "objects"
        with Catalogue.open(url, create=True, objects=str(objects), actor="setup") as catalogue:
            options = ImportOptions(suggest=False, workers=1, ocr_languages=None)
            first = import_paths(catalogue, [tmp_path / "files" / "anchor.txt"], options=options)
            assert [o.ref for o in first.outcomes] == ["CAT-000001"]

        reports = _run_all(url, tmp_path / "files")

        errors = [r["error"] for r in reports.values() if "error" in r]
        assert not errors, errors[0]
        with Catalogue.open(url, actor="checker") as catalogue, catalogue.reading() as session:
            chain = verify_chain(session)
            assert chain.ok, chain.describe()
            assert chain.recorded == chain.head  # the recorded head is the last event
            refs = session.execute(select(Document.ref).order_by(Document.ref)).scalars().all()
            documents = 1 + SHARED_FILES + WORKERS * OWN_FILES
            assert refs == [f"CAT-{n:06d}" for n in range(1, documents + 1)]
            twice = session.execute(
                select(Document.original_sha256)
                .group_by(Document.original_sha256)
                .having(func.count() > 1)
            ).all()
            assert twice == []
            names = session.execute(select(Agent.preferred_name)).scalars().all()
            assert sorted(names) == sorted(NAMES)
            tags = session.execute(select(func.count(DateTag.id))).scalar_one()
            assert tags == WORKERS * TAG_OPS
            anchor = session.execute(
                select(Document).where(Document.ref == "CAT-000001")
            ).scalar_one()
            written = sorted(token for r in reports.values() for token in r["tokens"])
            assert sorted(anchor.authors) == written
            assert len(written) == WORKERS * EDIT_OPS
            actions = dict(
                session.execute(select(Event.action, func.count()).group_by(Event.action)).all()
            )
        assert sum(r.get("imported", 0) for r in reports.values()) == documents - 1
        assert sum(r.get("duplicate", 0) for r in reports.values()) == (WORKERS - 1) * SHARED_FILES
        assert sum(r["created"] for r in reports.values()) == len(NAMES)
        assert actions["import"] == documents
        assert actions["tag date"] == WORKERS * TAG_OPS
        assert actions["edit metadata"] == WORKERS * EDIT_OPS
        assert actions["create person"] == len(NAMES)
