"""U+0000 is never stored nor derived, on either engine (``db.sanitize``).

PostgreSQL's text and jsonb cannot hold a NUL, and no reader wants one; SQLite could,
so without the rule a catalogue would hold what its server copy cannot. The original
keeps its bytes in the object store; the text and fields made from it do not.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document, update_metadata
from db.models import Blob, Document, hash_text
from db.sanitize import NUL_REPLACED
from db.search import index
from desktop.ingest.pipeline import ImportOptions, import_paths


def _stored(catalogue: Catalogue, ref: str) -> Document:
    with catalogue.reading() as session:
        document = session.scalars(select(Document).where(Document.ref == ref)).one()
        session.expunge(document)
        return document


def test_a_nul_a_reader_let_through_is_replaced_in_the_row_and_flagged(
    catalogue: Catalogue,
) -> None:
    text = "Flood\x00 report from the lower town"
    with catalogue.writing() as session:
        ref = add_document(
            session,
            new=NewDocument(
                text=text,
                media_type="text/plain",
                original_sha256="a" * 64,
                original_size=10,
                original_filename="flood.txt",
                file_guesses=[{"field": "authors", "value": ["An\x00na"], "source": "pdf"}],
                set_aside=[{"kind": "footer", "text": "page\x00 1"}],
            ),
            actor="t",
        ).ref
    document = _stored(catalogue, ref)
    assert document.text == "Flood\ufffd report from the lower town"
    assert len(document.text) == len(text)  # offsets into the text still hold
    assert document.text_sha256 == hash_text(document.text)
    assert NUL_REPLACED in document.flags
    assert document.file_guesses[0]["value"] == ["An\ufffdna"]
    assert document.set_aside == [{"kind": "footer", "text": "page\ufffd 1"}]
    with catalogue.reading() as session:
        assert index.check(session, deep=True) == []


def test_notes_typed_with_a_nul_are_stored_without_it(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        ref = add_document(
            session,
            new=NewDocument(
                text="A plain text.",
                media_type="text/plain",
                original_sha256="b" * 64,
                original_size=13,
                original_filename="plain.txt",
            ),
            actor="t",
        ).ref
    assert NUL_REPLACED not in _stored(catalogue, ref).flags  # nothing to replace
    with catalogue.writing() as session:
        update_metadata(session, ref=ref, changes={"notes": "seen\x00 twice"}, actor="t")
    assert _stored(catalogue, ref).notes == "seen twice"


def test_an_imported_file_keeps_its_nul_bytes_and_its_text_does_not(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    data = b"The river rose\x00 in the night.\n"
    path = tmp_path / "river.txt"
    path.write_bytes(data)
    report = import_paths(catalogue, [path], options=ImportOptions(suggest=False))
    assert report.imported == 1, [o.describe() for o in report.outcomes]
    sha = hashlib.sha256(data).hexdigest()
    with catalogue.reading() as session:
        document = session.scalars(select(Document)).one()
        assert session.get(Blob, sha) is not None
    assert document.original_sha256 == sha
    assert catalogue.objects.read(sha) == data  # the original, byte for byte
    assert document.text == "The river rose in the night."
    assert "NUL bytes removed" in document.flags  # recorded as derived
