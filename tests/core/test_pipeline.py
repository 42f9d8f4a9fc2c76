"""Importing files: outcomes per file, duplicates, failures that do not stop the batch,
and interrupted imports that leave nothing partial."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.models import Blob, Document, Event
from desktop.ingest.pipeline import ImportOptions, import_paths
from tests.pg_catalogues import another_process_may_write

LETTER = "A letter from the river wardens\n\nWe write about the flood of 3 May 1911.\r\n"


def test_folder_import_is_recursive_and_keeps_bytes(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts(
        {
            "a.txt": LETTER,
            "sub/b.txt": "Second note\nabout 40 boats\n",
            "sub/deeper/c.md": "# Third\n",
        }
    )
    report = import_paths(catalogue, [folder])
    assert [o.status for o in report.outcomes] == ["imported"] * 3
    assert [o.ref for o in report.outcomes] == ["CAT-000001", "CAT-000002", "CAT-000003"]
    original = (folder / "a.txt").read_bytes()
    sha = hashlib.sha256(original).hexdigest()
    assert report.outcomes[0].sha256 == sha
    assert catalogue.objects.read(sha) == original  # byte for byte, CRLF and all
    with catalogue.reading() as session:
        doc = session.scalars(select(Document).where(Document.ref == "CAT-000001")).one()
        assert "\r" not in doc.text
        assert doc.text.startswith("A letter from the river wardens")
        assert doc.title == "A letter from the river wardens"
        assert "title" in doc.guessed


def test_reimport_adds_nothing_and_names_the_original(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts({"a.txt": LETTER, "copy-of-a.txt": LETTER, "b.txt": "Other\n"})
    first = import_paths(catalogue, [folder])
    assert first.imported == 2 and first.duplicates == 1
    assert first.outcomes[2].duplicate_of == "CAT-000001"  # sorted: a, b, copy-of-a
    second = import_paths(catalogue, [folder])
    assert second.imported == 0 and second.duplicates == 3
    with catalogue.reading() as session:
        assert session.scalar(select(func.count(Document.id))) == 2


def test_failures_are_reported_and_the_batch_goes_on(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts(
        {
            "a.txt": LETTER,
            "b.unknownext": "data",
            "c.txt": b"   \n\t\n",
            ".hidden.txt": "secret",
            "d.txt": "Fine\n",
        }
    )
    report = import_paths(catalogue, [folder])
    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert by_name["a.txt"].status == "imported"
    assert by_name["d.txt"].status == "imported"
    assert by_name["b.unknownext"].status == "failed"
    assert "unsupported" in (by_name["b.unknownext"].reason or "")
    assert by_name["c.txt"].status == "failed"
    assert by_name[".hidden.txt"].status == "skipped"
    with catalogue.reading() as session:
        assert session.scalar(select(func.count(Document.id))) == 2
        assert session.scalar(select(func.count(Blob.sha256))) == 2


def test_size_limit_gives_a_clear_reason(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts({"big.txt": "x" * 5000})
    report = import_paths(catalogue, [folder], options=ImportOptions(max_bytes=1024))
    assert report.outcomes[0].status == "failed"
    assert "import limit" in (report.outcomes[0].reason or "")


def test_unreadable_file_is_reported(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    import os

    folder = write_texts({"locked.txt": "secret"})
    (folder / "locked.txt").chmod(0)
    if os.access(folder / "locked.txt", os.R_OK):  # root ignores permissions
        report = import_paths(catalogue, [folder / "missing.txt"])
        assert report.outcomes[0].reason == "file not found"
        return
    report = import_paths(catalogue, [folder])
    assert report.outcomes[0].status == "failed"
    assert "permission denied" in (report.outcomes[0].reason or "")


def test_interrupted_import_leaves_no_partial_batch_and_resumes(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    folder = write_texts({f"doc{n:02d}.txt": f"Document {n}\nbody {n}\n" for n in range(10)})
    calls = 0

    def interrupt_in_second_batch(_session: object, _document: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 6:
            raise KeyboardInterrupt  # as Ctrl-C would, in the middle of a batch

    options = ImportOptions(batch_size=4, after_add=interrupt_in_second_batch)
    with pytest.raises(KeyboardInterrupt):
        import_paths(catalogue, [folder], options=options)
    with catalogue.reading() as session:
        refs = session.scalars(select(Document.ref).order_by(Document.id)).all()
        assert refs == ["CAT-000001", "CAT-000002", "CAT-000003", "CAT-000004"]
        assert session.scalar(select(func.count(Event.id))) == 4
    report = import_paths(catalogue, [folder], options=ImportOptions(batch_size=4))
    assert report.duplicates == 4 and report.imported == 6
    with catalogue.reading() as session:
        titles = session.scalars(select(Document.title).order_by(Document.id)).all()
        assert titles == [f"Document {n}" for n in range(10)]


def test_progress_and_cancel(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts({f"doc{n}.txt": f"Doc {n}\n" for n in range(5)})
    seen: list[tuple[int, int]] = []
    report = import_paths(
        catalogue,
        [folder],
        progress=lambda done, total, _p: seen.append((done, total)),
        cancelled=lambda: len(seen) >= 3,
    )
    assert report.cancelled
    assert report.imported == 3
    assert seen[0] == (0, 5)


def test_file_names_that_are_not_utf8_still_import(catalogue: Catalogue, tmp_path: Path) -> None:
    import os

    folder = tmp_path / "legacy"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9 notes.txt")).write_text("Notes from 1911\n", encoding="utf-8")
    report = import_paths(catalogue, [folder])
    assert [o.status for o in report.outcomes] == ["imported"]
    assert report.outcomes[0].path.endswith("caf\ufffd notes.txt")
    with catalogue.reading() as session:
        doc = session.scalars(select(Document)).one()
        assert doc.original_filename == "caf\ufffd notes.txt"


def test_the_write_lock_is_not_held_while_parsing(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another process must be able to write while a batch is being parsed."""
    import desktop.ingest.prepare as prepare

    folder = write_texts({"a.txt": "First\n", "b.txt": "Second\n"})
    real_parse = prepare.parse
    writes: list[bool] = []

    def parse_while_another_process_writes(data: bytes, name: str, **kw):  # type: ignore[no-untyped-def]
        writes.append(another_process_may_write(catalogue.location))
        return real_parse(data, name, **kw)

    monkeypatch.setattr(prepare, "parse", parse_while_another_process_writes)
    report = import_paths(catalogue, [folder])
    assert report.imported == 2 and writes == [True, True]
