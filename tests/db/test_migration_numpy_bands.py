"""Migration 0018: every document's near-duplicate band keys recomputed with the numpy
fingerprint (chunk by chunk, past the first chunk too), stored compactly on SQLite;
down, the previous scheme's keys come back; on SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from db.column_types import deflate_text
from db.engine import make_engine
from db.fingerprints import fingerprint
from db.migrate import alembic_config, current_revision, downgrade, upgrade
from db.models import Document, DocumentBand

ARTICLE = (
    "Water from the reservoir above Halvern reached the lower town before dawn on "
    "Sunday, and by noon the council had moved two hundred families to the school "
    "on the hill. The embankment had been inspected in March and found sound, the "
    "district engineer said, but three days of rain raised the level faster than "
    "the sluices could release it. Volunteers filled sandbags along the quay while "
    "the ferry carried the elderly and the sick across to the northern bank."
)
SAME_ARTICLE = "Home News Sport Weather\n" + ARTICLE.replace("two hundred", "two hundred and six")
SHORT = "Caption: the quay at noon."


def _migration() -> Any:
    script = ScriptDirectory.from_config(alembic_config()).get_revision("0018")
    assert script is not None
    return script.module


def _sqlite(tmp_path: Path) -> Iterator[tuple[Engine, Path | None]]:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    yield engine, database
    engine.dispose()


def _postgresql(tmp_path: Path) -> Iterator[tuple[Engine, Path | None]]:
    from tests.pg_catalogues import scratch_database

    with scratch_database("bands18") as url:
        engine = make_engine(url)
        try:
            yield engine, None
        finally:
            engine.dispose()


@pytest.fixture(
    params=[
        pytest.param(_sqlite, id="sqlite"),
        pytest.param(_postgresql, id="postgresql", marks=pytest.mark.own_database),
    ]
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Engine, Path | None]]:
    make: Callable[[Path], Iterator[tuple[Engine, Path | None]]] = request.param
    yield from make(tmp_path)


def _at_0017_with_documents(engine: Engine, database: Path | None, tmp_path: Path) -> None:
    """Documents 1..502 (two chunks) at 0017 carrying the previous scheme's keys."""
    upgrade(engine, database=database, backups=tmp_path / "b", target="0017")
    old_bands = _migration()._blake2b_bands
    bodies = {1: ARTICLE, 2: SAME_ARTICLE, 3: SHORT, 502: SAME_ARTICLE}
    with Session(engine) as session, session.begin():
        for doc_id in range(1, 503):
            body = bodies.get(doc_id, f"Note {doc_id}.")
            session.add(
                Document(id=doc_id, ref=f"CAT-{doc_id:06d}", text=body, media_type="text/plain")
            )
        session.flush()
        for doc_id, body in bodies.items():
            for band in sorted(set(old_bands(body) or ())):
                session.add(DocumentBand(document_id=doc_id, band=band))


def _bands(engine: Engine) -> set[tuple[int, str]]:
    with Session(engine) as session:
        rows = session.execute(select(DocumentBand.document_id, DocumentBand.band))
        return {(doc_id, band) for doc_id, band in rows}


def _expected(bands_of: Callable[[str], Sequence[str] | None]) -> set[tuple[int, str]]:
    bodies = {1: ARTICLE, 2: SAME_ARTICLE, 502: SAME_ARTICLE}
    return {(doc_id, band) for doc_id, body in bodies.items() for band in bands_of(body) or ()}


def _numpy_bands(body: str) -> Sequence[str] | None:
    print_ = fingerprint(body)
    return None if print_ is None else print_.bands


def test_0018_recomputes_every_documents_bands_and_goes_down_and_up(
    engine: tuple[Engine, Path | None], tmp_path: Path
) -> None:
    catalogue, database = engine
    _at_0017_with_documents(catalogue, database, tmp_path)
    old = _expected(_migration()._blake2b_bands)
    assert _bands(catalogue) == old

    upgrade(catalogue, database=database, backups=tmp_path / "b", target="0018")
    new = _expected(_numpy_bands)
    assert _bands(catalogue) == new
    assert not old & new  # the schemes' keys never meet: hence this migration
    by_document: dict[int, set[str]] = {}
    for doc_id, band in new:
        by_document.setdefault(doc_id, set()).add(band)
    assert by_document[1] & by_document[2]  # the article and its copy are candidates
    assert by_document[2] == by_document[502]  # the second chunk is done too

    downgrade(catalogue, target="0017")
    assert current_revision(catalogue) == "0017"
    assert _bands(catalogue) == old
    upgrade(catalogue, database=database, backups=tmp_path / "b")
    assert _bands(catalogue) == new


@pytest.mark.sqlite_only("the stored form of SQLite's band keys and compressed texts")
def test_0018_stores_keys_in_9_bytes_and_skips_an_unreadable_text(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    catalogue = make_engine(database)
    _at_0017_with_documents(catalogue, database, tmp_path)
    with catalogue.begin() as conn:  # a damaged compressed text (catena verify's case)
        conn.execute(text("UPDATE documents SET text = :t WHERE id = 2"), {"t": b"not zlib"})
        conn.execute(text("UPDATE documents SET text = :t WHERE id = 1"), {"t": ARTICLE})
    upgrade(catalogue, database=database, backups=tmp_path / "b")
    catalogue.dispose()
    raw = sqlite3.connect(database)
    try:
        stored = raw.execute("SELECT document_id, band FROM document_bands").fetchall()
        (kept_text,) = raw.execute("SELECT text FROM documents WHERE id = 502").fetchone()
    finally:
        raw.close()
    assert {doc_id for doc_id, _ in stored} == {1, 502}  # plain text read too; 2 skipped
    assert all(isinstance(band, bytes) and len(band) == 9 for _, band in stored)
    assert kept_text == deflate_text(SAME_ARTICLE)  # texts are only read
