"""The compact column types (``db.column_types``): every reader gets back exactly the
strings it wrote, on both engines; on SQLite the stored values are the small BLOBs,
on PostgreSQL the columns keep their text as before."""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, datetime, timedelta

import pytest
import zstandard
from sqlalchemy import select, text, update

from db.catalogue import Catalogue
from db.column_types import band_bytes, stamp_bytes, stamp_text, uid_bytes, utcnow
from db.dialects import is_postgresql
from db.documents import NewDocument, add_document
from db.models import Document, DocumentBand, Event, Mention
from db.tags import add_tag
from db.text_fixity import verify_texts

TEXT = "On 12 March 1987 the dam failed at Halvern; Олег Тарасов counted 212 dead. " * 30


def _document(catalogue: Catalogue, body: str = TEXT, *, tags: bool = True) -> tuple[int, str]:
    with catalogue.writing() as session:
        digest = catalogue.objects.put(body.encode())
        document = add_document(
            session,
            new=NewDocument(
                text=body,
                media_type="text/plain",
                original_sha256=digest,
                original_size=len(body.encode()),
                original_filename="a.txt",
            ),
            actor="tester",
        )
        if not tags:
            return document.id, document.uid
        start = body.index("Олег")
        add_tag(
            session,
            kind="mention",
            document=document,
            start=start,
            end=start + len("Олег Тарасов"),
            values={"name": "Олег Тарасов", "role": "quoted"},
            actor="tester",
        )
        session.add(DocumentBand(band="03:1d83041a68e51f57", document_id=document.id))
        return document.id, document.uid


def _raw(catalogue: Catalogue, sql: str, **params: object) -> tuple[object, ...]:
    with catalogue.reading() as session:
        row = session.execute(text(sql), params).one()
    return tuple(row)


def test_every_value_reads_back_as_written(catalogue: Catalogue) -> None:
    doc_id, uid = _document(catalogue)
    with catalogue.reading() as session:
        document = session.get(Document, doc_id)
        assert document is not None
        assert document.text == TEXT
        assert document.text_sha256 == hashlib.sha256(TEXT.encode()).hexdigest()
        assert len(document.uid) == 36 and document.uid == uid
        datetime.fromisoformat(document.imported_at)  # a timestamp, as before
        mention = session.execute(select(Mention)).scalar_one()
        assert mention.quote == "Олег Тарасов" and mention.prefix == TEXT[: mention.start][-32:]
        assert session.execute(select(DocumentBand.band)).scalar_one() == "03:1d83041a68e51f57"
        # Comparisons bind through the same type.
        assert session.execute(select(Document.id).where(Document.uid == uid)).scalar() == doc_id
        since = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="microseconds")
        recent = select(Document.id).where(Document.imported_at >= since)
        assert session.execute(recent).scalar() == doc_id
        later = select(Event.id).where(Event.at > utcnow())
        assert session.execute(later).first() is None
        banded = select(DocumentBand.document_id).where(
            DocumentBand.band.in_(["03:1d83041a68e51f57", "04:0000000000000000"])
        )
        assert session.execute(banded).scalar() == doc_id


def test_sqlite_stores_small_blobs_postgresql_keeps_its_text(catalogue: Catalogue) -> None:
    doc_id, uid = _document(catalogue)
    stored, stamp, stored_uid = _raw(
        catalogue, "SELECT text, imported_at, uid FROM documents WHERE id = :i", i=doc_id
    )
    (band,) = _raw(catalogue, "SELECT band FROM document_bands")
    (tag_uid, created) = _raw(catalogue, "SELECT uid, created_at FROM mentions")
    if is_postgresql(catalogue.engine):
        assert (stored, stored_uid, band) == (TEXT, uid, "03:1d83041a68e51f57")
        assert isinstance(stamp, str) and isinstance(tag_uid, str) and isinstance(created, str)
        return
    assert isinstance(stored, bytes) and stored[:4] == b"\x28\xb5\x2f\xfd"  # Zstandard
    assert zstandard.ZstdDecompressor().decompress(stored) == TEXT.encode()
    assert len(stored) < len(TEXT.encode()) / 4
    assert stored_uid == uid_bytes(uid) and len(stored_uid) == 16
    assert isinstance(stamp, bytes) and len(stamp) == 8
    assert isinstance(tag_uid, bytes) and len(tag_uid) == 16
    assert isinstance(created, bytes) and len(created) == 8
    assert band == bytes([3]) + bytes.fromhex("1d83041a68e51f57")


def test_values_in_another_form_and_old_rows_stay_text(catalogue: Catalogue) -> None:
    """What another program (or Catena before 0017) wrote reads back byte for byte."""
    doc_id, _uid = _document(catalogue)
    odd = {"uid": "not-a-uuid", "imported_at": "2026-12-04 10:00", "updated_at": "now"}
    with catalogue.writing() as session:
        session.execute(update(Document).where(Document.id == doc_id).values(**odd))
        session.execute(
            text("UPDATE mentions SET uid = :u, created_at = :c"),
            {"u": "0e2f9a1c-5b7d-4e3a-9c1f-2a4b6c8d0e1f", "c": "2026-12-04T10:00:00.000001+00:00"},
        )
    with catalogue.reading() as session:
        document = session.get(Document, doc_id)
        assert document is not None
        assert (document.uid, document.imported_at, document.updated_at) == tuple(odd.values())
        mention = session.execute(select(Mention)).scalar_one()
        assert mention.uid == "0e2f9a1c-5b7d-4e3a-9c1f-2a4b6c8d0e1f"
        assert mention.created_at == "2026-12-04T10:00:00.000001+00:00"
    if not is_postgresql(catalogue.engine):
        kinds = _raw(catalogue, "SELECT typeof(uid), typeof(imported_at) FROM documents")
        assert kinds == ("text", "text")


def test_canonical_forms_round_trip_and_keep_their_order() -> None:
    stamps = [
        "1970-01-01T00:00:00.000000+00:00",
        "2026-12-04T15:33:25.000001+00:00",
        "2026-12-04T15:33:25.123456+00:00",
        "2099-02-28T23:59:59.999999+00:00",
    ]
    packed = [stamp_bytes(s) for s in stamps]
    assert all(p is not None for p in packed)
    assert [stamp_text(p) for p in packed if p is not None] == stamps
    assert sorted(packed, key=lambda p: p or b"") == packed
    for other in ("2026-12-04T15:33:25+00:00", "2026-12-04T15:33:25.123456+01:00", "x"):
        assert stamp_bytes(other) is None
    assert stamp_bytes("1969-12-31T23:59:59.999999+00:00") is None
    assert uid_bytes("0E2F9A1C-5B7D-4E3A-9C1F-2A4B6C8D0E1F") is None  # not as uuid4() prints
    assert band_bytes("3:1d83041a68e51f57") is None


def test_an_empty_text_and_any_script_survive(catalogue: Catalogue) -> None:
    for body in ("", "𝔄 Xocalı, Ходжалы, خوجالي\r\n end"):
        doc_id, _uid = _document(catalogue, body, tags=False)
        with catalogue.reading() as session:
            stored = session.execute(select(Document.text).where(Document.id == doc_id))
            assert stored.scalar_one() == body


@pytest.mark.sqlite_only("damages the compressed BLOB SQLite stores")
def test_a_damaged_compressed_text_is_reported_not_raised(catalogue: Catalogue) -> None:
    doc_id, _uid = _document(catalogue)
    with catalogue.writing() as session:
        (stored,) = session.execute(text("SELECT text FROM documents")).one()
        damaged = stored[:20] + bytes([stored[20] ^ 0xFF]) + stored[21:]
        session.execute(text("UPDATE documents SET text = :t"), {"t": damaged})
    with catalogue.writing() as session:
        report = verify_texts(session, actor="tester")
    assert [(p.document_id, p.problem) for p in report.problems] == [(doc_id, "text altered")]


def test_fixity_finds_nothing_wrong_in_new_rows(catalogue: Catalogue) -> None:
    _document(catalogue)
    with catalogue.writing() as session:
        report = verify_texts(session, actor="tester")
    assert report.checked == 1 and report.problems == []


@pytest.mark.sqlite_only("writes the zlib BLOB SQLite stored before Zstandard")
def test_a_text_stored_as_zlib_before_zstandard_reads_back_and_verifies(
    catalogue: Catalogue,
) -> None:
    """Catalogues written before Zstandard keep zlib BLOBs: they read back as written,
    fixity finds nothing wrong, and a text written again is stored as Zstandard."""
    doc_id, _uid = _document(catalogue)
    with catalogue.writing() as session:
        session.execute(text("UPDATE documents SET text = :t"), {"t": zlib.compress(TEXT.encode())})
    with catalogue.reading() as session:
        assert session.get(Document, doc_id).text == TEXT  # type: ignore[union-attr]
    with catalogue.writing() as session:
        assert verify_texts(session, actor="tester").problems == []
        document = session.get(Document, doc_id)
        assert document is not None
        document.text = TEXT + " Again."
    (stored,) = _raw(catalogue, "SELECT text FROM documents WHERE id = :i", i=doc_id)
    assert stored[:4] == b"\x28\xb5\x2f\xfd"


@pytest.mark.sqlite_only("damages the compressed BLOB SQLite stores")
def test_a_text_that_no_longer_decompresses_is_said_so_in_one_exception(
    catalogue: Catalogue,
) -> None:
    """Either form, cut short, raises ``StoredTextDamaged`` (fixity reports it)."""
    from db.column_types import StoredTextDamaged, deflate_text, stored_text_bytes

    for broken in (deflate_text(TEXT)[:-7], zlib.compress(TEXT.encode())[:-7]):
        with pytest.raises(StoredTextDamaged, match="does not decompress"):
            stored_text_bytes(broken)
    doc_id, _uid = _document(catalogue)
    with catalogue.writing() as session:
        session.execute(text("UPDATE documents SET text = :t"), {"t": deflate_text(TEXT)[:-7]})
    with catalogue.writing() as session:
        report = verify_texts(session, actor="tester")
    assert [p.document_id for p in report.problems] == [doc_id]
