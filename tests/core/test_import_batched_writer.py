"""The import's batched writer (``desktop.ingest.plain_batch``) stores exactly what the
one-file-at-a-time path stores: the same files imported both ways into two new
catalogues leave the same records, codes, bands, blobs, events, search results and
outcomes, near duplicates inside the batch and of catalogued documents included."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image as PILImage
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

import db.documents
import desktop.ingest.batch_duplicates as batch_duplicates
import desktop.ingest.pipeline as pipeline
import desktop.ingest.plain_batch as plain_batch
from db import audit
from db.catalogue import Catalogue
from db.models import Blob, Document, DocumentBand, Event, Image, RefCounter
from db.refs import next_ref, next_refs
from db.search.run import search_ids
from desktop.ingest.pipeline import ImportOptions, import_paths

RIVER = (
    "The river authority confirmed on Tuesday that the northern levee had been breached in "
    "two places after three days of rain. Engineers from the provincial office said the "
    "breach was first noticed by a ferry pilot at dawn, who alerted the harbour master. "
    "According to the authority, 1,200 households were moved to higher ground and four "
    "schools were turned into shelters. Repairs are expected to take at least six weeks."
)
LIBRARY = (
    "The city council approved a new budget for public libraries on Monday evening, adding "
    "two mobile reading vans and extending opening hours on weekends. The library director "
    "said that borrowing had risen by a fifth since the pandemic and that the reading rooms "
    "were often full on Saturdays. Critics on the council argued the money should go to "
    "road repairs instead, but the measure passed by eleven votes to four after a debate."
)
MINE = (
    "Miners at the western pit walked out on Thursday morning after a shift supervisor was "
    "dismissed without notice. The union said the strike would continue until the company "
    "agreed to talks, and that about 340 workers had joined it by the afternoon. Managers "
    "told reporters that coal deliveries to the power station would not be interrupted."
)
FERRY = (
    "The island ferry will run a reduced timetable from the first of March while its only "
    "vessel is repaired in the mainland yard. Passengers are asked to book ahead, and the "
    "operator has chartered a smaller boat for freight, which will sail twice a week from "
    "the old harbour. The mayor called the arrangement regrettable but unavoidable."
)
FURNITURE = "Share  Print  Subscribe\n\n"


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (120, 90, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


CATALOGUED = {
    "a_river.txt": f"Levee breached\n\n{RIVER}\n",
    "b_library.txt": f"Library budget\n\n{LIBRARY}\n",
}
BATCH: dict[str, str | bytes] = {
    "01_mine.txt": f"Pit strike\n\n{MINE}\n",
    "02_mine_copy.txt": f"Pit strike\n\n{MINE}\n",  # the same bytes: a duplicate
    "03_mine_saved_again.txt": f"Pit strike\n\n{FURNITURE}{MINE}\n\n#strike\n",  # near 01
    "04_river_again.txt": f"Levee breached\n\n{FURNITURE}{RIVER}\n",  # near a catalogued one
    "05_library_relaid.txt": "Library budget\n\n" + LIBRARY.replace(", ", ",\n") + "\n",
    "06_picture.jpg": _jpeg(),  # written one file at a time, between two runs
    "07_mine_third.txt": f"PIT STRIKE\n\n{MINE}\n\nPrinted from the web\n",  # near 01
    "08_nul.txt": f"Ferry timetable\n\n{FERRY[:120]}\x00{FERRY[121:]}\n",
    "09_empty.txt": b"",
    "10_broken.pdf": b"%PDF-1.4 not really a PDF",
    "11_short.txt": "A note\n\nThree boats seen at dawn.\n",
    "12_river_catalogued.txt": f"Levee breached\n\n{RIVER}\n",  # already catalogued
    "13_dated.txt": "Published: 3 May 1911\n\nThe wardens met on the bank at noon.\n",
    "14_ferry_again.txt": f"Ferry timetable\n\n{FERRY}\n",  # near 08 (NUL replaced)
    "15_ferry_relaid.txt": "Ferry timetable\n\n" + FERRY.replace(", ", ",\n") + "\n",  # = 14
}


def _fresh(request: pytest.FixtureRequest, tmp_path: Path, name: str) -> Catalogue:
    """A new empty catalogue on the engine under test (``catalogue_path``'s, twice)."""
    if request.getfixturevalue("engine_choice") == "postgresql":
        database = request.getfixturevalue("pg_empty_state")
        objects = tmp_path / f"{name}-objects"
        objects.mkdir()
        database.restore("empty", str(objects))
        return Catalogue.open(database.url, actor="tester")
    target = tmp_path / f"{name}.catena"
    shutil.copytree(request.getfixturevalue("catalogue_template"), target)
    return Catalogue.open(target, actor="tester")


def _import_both_ways(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_texts: Callable[..., Path],
    batch: dict[str, str | bytes],
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each way's snapshot of the catalogue, the batched way first."""
    earlier = write_texts(CATALOGUED, folder="earlier")
    incoming = write_texts(batch, folder="incoming")
    for way in ("batched", "one by one"):
        with monkeypatch.context() as patch:
            if way == "one by one":
                patch.setattr(pipeline, "is_plain", lambda *_a, **_k: False)
            one_file: list[str] = []  # the files written one at a time
            patch.setattr(pipeline, "_import_one", _counted(pipeline._import_one, one_file))
            catalogue = _fresh(request, tmp_path, way.replace(" ", "-"))
            try:
                options = ImportOptions(defer_suggestions=True, workers=0)
                import_paths(catalogue, [earlier], options=options)
                report = import_paths(catalogue, [incoming], options=options)
                yield way, {**_snapshot(catalogue, report.outcomes), "one file": one_file}
            finally:
                catalogue.close()


def _counted(real: Callable[..., Any], names: list[str]) -> Callable[..., Any]:
    def counted(catalogue: Catalogue, session: Any, item: Any, *args: Any) -> Any:
        names.append(item.path.name)
        return real(catalogue, session, item, *args)

    return counted


def _snapshot(catalogue: Catalogue, outcomes: list[Any]) -> dict[str, Any]:
    with catalogue.reading() as session:
        ref_of = {doc_id: ref for doc_id, ref in session.execute(select(Document.id, Document.ref))}
        skip = {"id", "uid", "imported_at", "updated_at"}
        documents = []
        for document in session.scalars(select(Document).order_by(Document.ref)):
            row = {
                column.key: getattr(document, column.key)
                for column in Document.__table__.columns
                if column.key not in skip
            }
            for link in ("parent_id", "possible_duplicate_of_id"):
                row[link] = ref_of.get(row[link])
            documents.append(row)
        chain = audit.verify_chain(session)
        return {
            "outcomes": [
                (Path(o.path).name, o.status, o.ref, o.duplicate_of, o.title, o.reason, o.note)
                for o in outcomes
            ],
            "documents": documents,
            "ids in code order": [ref for _id, ref in sorted(ref_of.items())],
            "counters": sorted(session.execute(select(RefCounter.prefix, RefCounter.next_value))),
            "bands": sorted(
                (ref_of[doc_id], band)
                for band, doc_id in session.execute(
                    select(DocumentBand.band, DocumentBand.document_id)
                )
            ),
            "blobs": sorted(session.execute(select(Blob.sha256, Blob.size, Blob.media_type))),
            "images": sorted(session.execute(select(Image.ref, Image.sha256))),
            "events": [
                (e.actor, e.action, e.target, e.outcome, e.detail)
                for e in session.scalars(select(Event).order_by(Event.id))
            ],
            "chain": (chain.ok, chain.events),
            "searches": {
                word: sorted(ref_of[i] for i in search_ids(session, word))
                for word in ("strike", "levee", "ferry", "wardens", "library", "boats")
            },
        }


@pytest.mark.parametrize("chunk", [None, 2], ids=["one query", "in chunks"])
def test_batched_and_one_by_one_store_the_same(
    engine_choice: str,  # on both engines
    chunk: int | None,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_texts: Callable[..., Path],
) -> None:
    if chunk is not None:  # what a large batch size makes of the near-duplicate reads
        monkeypatch.setattr(batch_duplicates, "RANK_CHUNK", chunk)
        monkeypatch.setattr(batch_duplicates, "TEXTS_CHUNK", chunk)
    snapshots = dict(_import_both_ways(request, tmp_path, monkeypatch, write_texts, BATCH))
    batched, one_by_one = snapshots["batched"], snapshots["one by one"]
    for part in one_by_one.keys() - {"one file"}:
        assert batched[part] == one_by_one[part], part
    assert batched["one file"] == ["06_picture.jpg"]  # all the others together
    outcomes = {name: (status, dup) for name, status, _r, dup, *_ in batched["outcomes"]}
    ref = {name: r for name, _s, r, *_ in batched["outcomes"]}
    assert outcomes["02_mine_copy.txt"] == ("duplicate", ref["01_mine.txt"])
    assert outcomes["03_mine_saved_again.txt"] == ("possible duplicate", ref["01_mine.txt"])
    assert outcomes["04_river_again.txt"] == ("possible duplicate", "CAT-000001")
    assert outcomes["05_library_relaid.txt"] == ("possible duplicate", "CAT-000002")
    assert outcomes["07_mine_third.txt"] == ("possible duplicate", ref["01_mine.txt"])
    assert outcomes["14_ferry_again.txt"] == ("possible duplicate", ref["08_nul.txt"])
    assert outcomes["15_ferry_relaid.txt"] == ("possible duplicate", ref["14_ferry_again.txt"])
    assert outcomes["12_river_catalogued.txt"] == ("duplicate", "CAT-000001")
    assert outcomes["06_picture.jpg"][0] == "imported"
    assert outcomes["09_empty.txt"][0] == outcomes["10_broken.pdf"][0] == "failed"
    assert batched["chain"][0] is True


def test_a_file_that_fails_in_a_batch_fails_alone(
    engine_choice: str,  # on both engines
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_texts: Callable[..., Path],
) -> None:
    """A file the record cannot be made of makes the batched statements fail; the run is
    then written one file at a time, and only that file fails, as it would have."""
    real = db.documents.edtf_bounds

    def refusing(published: str | None) -> tuple[str | None, str | None]:
        if published == "1911-05-03":
            raise ValueError("a date this test refuses")
        return real(published)

    monkeypatch.setattr(db.documents, "edtf_bounds", refusing)
    snapshots = dict(_import_both_ways(request, tmp_path, monkeypatch, write_texts, BATCH))
    batched, one_by_one = snapshots["batched"], snapshots["one by one"]
    for part in one_by_one.keys() - {"one file"}:
        assert batched[part] == one_by_one[part], part
    # The run with the refused file is written again one file at a time; the first
    # run of the batch, and the batch imported before it, are written together.
    assert batched["one file"] == [
        "06_picture.jpg",
        *("07_mine_third.txt", "08_nul.txt", "11_short.txt", "13_dated.txt"),
        *("14_ferry_again.txt", "15_ferry_relaid.txt"),
    ]
    failed = [(name, reason) for name, status, _r, _d, _t, reason, _n in batched["outcomes"]]
    assert ("13_dated.txt", "could not be catalogued: a date this test refuses") in failed
    assert sum(1 for o in batched["outcomes"] if o[1] in {"imported", "possible duplicate"}) == 10
    assert batched["chain"][0] is True


def test_next_refs_takes_the_codes_next_ref_would(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        assert next_refs(session, "TST", 3) == ["TST-000001", "TST-000002", "TST-000003"]
        assert next_ref(session, "TST") == "TST-000004"
        assert next_refs(session, "TST", 0) == []
        assert next_refs(session, "TST", 2) == ["TST-000005", "TST-000006"]
    with catalogue.reading() as session:
        counter = session.scalar(select(RefCounter.next_value).where(RefCounter.prefix == "TST"))
        assert counter == 7


def test_a_batch_that_fails_after_its_events_is_written_again_one_by_one(
    engine_choice: str,  # on both engines
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_texts: Callable[..., Path],
) -> None:
    """Rolled back to its savepoint after its records and events were written, a run
    leaves nothing behind: written again one file at a time, the catalogue and its
    hash chain are those of the one-file path."""

    def failing(*_args: Any) -> None:
        raise RuntimeError("the bands could not be stored")

    monkeypatch.setattr(plain_batch, "store_bands_many", failing)
    snapshots = dict(_import_both_ways(request, tmp_path, monkeypatch, write_texts, BATCH))
    batched, one_by_one = snapshots["batched"], snapshots["one by one"]
    for part in one_by_one.keys() - {"one file"}:
        assert batched[part] == one_by_one[part], part
    assert batched["chain"] == (True, len(batched["events"]))
    assert len(batched["one file"]) == len(one_by_one["one file"])


def test_a_database_failure_in_a_batch_aborts_it_whole(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, write_texts: Callable[..., Path]
) -> None:
    """The database failing (disk full, I/O error) is not one bad file: the batch is
    rolled back and the error goes up, as on the one-file path."""

    def failing(*_args: Any) -> None:
        raise OperationalError("INSERT INTO document_bands", {}, Exception("disk I/O error"))

    monkeypatch.setattr(plain_batch, "store_bands_many", failing)
    folder = write_texts(CATALOGUED)
    with pytest.raises(OperationalError):
        import_paths(catalogue, [folder], options=ImportOptions(defer_suggestions=True, workers=0))
    with catalogue.reading() as session:
        assert session.scalars(select(Document.ref)).all() == []
        assert session.scalars(select(Event.action)).all() == []
