"""Deferred suggestions (issue 23): an import marks its documents "suggestions pending",
the suggestion pass stores their tags and clears the marks batch by batch, resumes
after an interruption without suggesting anything twice, and stores exactly the tags
the import used to store inline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

import desktop.ingest.suggest_pass as suggest_pass
from bench.make_corpus import make_corpus
from db.catalogue import Catalogue
from db.models import DateTag, Document, Figure, Mention
from db.pending_suggestions import PENDING_FLAG, count_pending
from db.search import index
from db.search.fts5_store import optimize
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.ingest.suggest_pass import suggest_pending
from desktop.launch.entry import main

DEFERRED = ImportOptions(workers=1, defer_suggestions=True)


def _tags(catalogue: Catalogue) -> list[tuple[Any, ...]]:
    """Every tag by document reference and span, with what it says (no ids, times)."""
    with catalogue.reading() as session:
        refs = dict(session.execute(select(Document.id, Document.ref)).all())
        found: list[tuple[Any, ...]] = []
        for model in (DateTag, Figure, Mention):
            table = model.__table__
            kept = [
                c
                for c in table.columns
                if c.name not in {"id", "uid", "created_at", "updated_at", "document_id"}
            ]
            for row in session.execute(select(table.c.document_id, *kept)):
                found.append((table.name, refs[row[0]], *(repr(v) for v in row[1:])))
    return sorted(found)


def _pending(catalogue: Catalogue) -> int:
    with catalogue.reading() as session:
        return count_pending(session)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(12, 3, tmp_path_factory.mktemp("corpus") / "corpus")


@pytest.fixture(scope="module")
def inline_tags(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, ...]]:
    """The tags the import stores with suggestions inline (the old path)."""
    folder = tmp_path_factory.mktemp("inline") / "Inline.catena"
    with Catalogue.open(folder, create=True, actor="tester", daily_backup=False) as catalogue:
        import_paths(catalogue, [corpus], options=ImportOptions(workers=1))
        return _tags(catalogue)


def _deferred(tmp_path: Path, corpus: Path) -> Catalogue:
    catalogue = Catalogue.open(
        tmp_path / "Deferred.catena", create=True, actor="tester", daily_backup=False
    )
    report = import_paths(catalogue, [corpus], options=DEFERRED)
    assert {o.status for o in report.outcomes} == {"imported"}
    return catalogue


def test_import_marks_documents_pending_and_stores_no_tags(tmp_path: Path, corpus: Path) -> None:
    with _deferred(tmp_path, corpus) as catalogue:
        with catalogue.reading() as session:
            flags = session.scalars(select(Document.flags)).all()
        assert flags and all(PENDING_FLAG in f for f in flags)
        assert _tags(catalogue) == []
        assert _pending(catalogue) == len(flags)


def test_the_pass_stores_the_inline_tags_and_clears_the_marks(
    tmp_path: Path, corpus: Path, inline_tags: list[tuple[Any, ...]]
) -> None:
    with _deferred(tmp_path, corpus) as catalogue:
        report = suggest_pending(catalogue, workers=1, batch_size=5)
        assert report.done == _count_documents(catalogue) and report.remaining == 0
        assert report.tags == len(inline_tags) and not report.failed
        assert _pending(catalogue) == 0
        with catalogue.reading() as session:
            assert not any(PENDING_FLAG in f for f in session.scalars(select(Document.flags)))
        assert _tags(catalogue) == inline_tags
        # a second pass has nothing to do
        assert suggest_pending(catalogue, workers=1).done == 0
        assert _tags(catalogue) == inline_tags


def _count_documents(catalogue: Catalogue) -> int:
    with catalogue.reading() as session:
        return len(session.scalars(select(Document.id)).all())


def test_a_cancelled_pass_resumes_without_duplicates(
    tmp_path: Path, corpus: Path, inline_tags: list[tuple[Any, ...]]
) -> None:
    with _deferred(tmp_path, corpus) as catalogue:
        batches: list[int] = []
        first = suggest_pending(
            catalogue,
            workers=1,
            batch_size=3,
            progress=lambda done, total, ref: batches.append(done),
            cancelled=lambda: len(batches) >= 1,
        )
        assert first.cancelled and first.done == 3
        assert first.remaining == _count_documents(catalogue) - 3
        second = suggest_pending(catalogue, workers=1, batch_size=3)
        assert second.done == first.remaining and second.remaining == 0
        assert _tags(catalogue) == inline_tags


def test_a_pass_that_fails_mid_batch_keeps_the_marks_of_that_batch(
    tmp_path: Path,
    corpus: Path,
    inline_tags: list[tuple[Any, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with _deferred(tmp_path, corpus) as catalogue:
        documents = _count_documents(catalogue)
        real = suggest_pass.store_suggestions
        calls = []

        def crash_on_the_fifth(*args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            if len(calls) == 5:  # inside the second batch of 3
                raise RuntimeError("simulated crash")
            return real(*args, **kwargs)

        monkeypatch.setattr(suggest_pass, "store_suggestions", crash_on_the_fifth)
        with pytest.raises(RuntimeError):
            suggest_pending(catalogue, workers=1, batch_size=3)
        assert _pending(catalogue) == documents - 3  # the first batch committed, no more
        monkeypatch.setattr(suggest_pass, "store_suggestions", real)
        assert suggest_pending(catalogue, workers=1, batch_size=3).done == documents - 3
        assert _tags(catalogue) == inline_tags


def test_a_document_edited_before_the_pass_is_left_for_the_next(
    tmp_path: Path, corpus: Path
) -> None:
    with _deferred(tmp_path, corpus) as catalogue:
        with catalogue.reading() as session:
            chunk = suggest_pass.pending_documents(session, suggest_pass.pending_ids(session))
        with catalogue.writing() as session:
            document = session.get(Document, chunk[0].id)
            assert document is not None
            document.text_sha256 = "0" * 64  # as if its text changed after it was read
        report = suggest_pass.PassReport()
        batch = [(d, suggest_pass.suggest_one(d)) for d in chunk[:2]]
        suggest_pass._store_batch(catalogue, batch, report)
        assert report.done == 1 and _pending(catalogue) == len(chunk) - 1


def _cli(catalogue: Path, *words: str) -> int:
    return main(["--catalogue", str(catalogue), *words])


def test_cli_import_runs_the_pass_and_defer_leaves_it(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Cli.catena"
    assert main(["init", str(path)]) == 0
    assert _cli(path, "import", "--defer-suggestions", str(corpus)) == 0
    said = capsys.readouterr()
    assert said.out.splitlines()[-1] == "12 imported, 0 duplicates, 0 failed"
    assert "suggestions pending for 12 documents: run `catena suggest --pending`" in said.err
    assert _cli(path, "review") == 0
    assert "suggestions pending for 12 documents" in capsys.readouterr().out
    assert _cli(path, "suggest", "--pending", "--json") == 0
    done = json.loads(capsys.readouterr().out)
    assert done["done"] == 12 and done["pending"] == 0 and done["tags"] > 0
    assert _cli(path, "review") == 0
    assert "suggestions pending" not in capsys.readouterr().out

    other = tmp_path / "Other.catena"
    assert main(["init", str(other)]) == 0
    capsys.readouterr()
    assert _cli(other, "import", "--json", str(corpus)) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 12
    assert report["suggestions"]["done"] == 12 and report["suggestions"]["pending"] == 0


def test_cli_suggest_pending_refuses_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Refuse.catena"
    assert main(["init", str(path)]) == 0
    capsys.readouterr()
    assert _cli(path, "suggest", "--pending", "--all") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--pending takes no references" in err[0]


def test_marks_and_pass_on_the_catalogue_fixture(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    """The fixture's catalogue (PostgreSQL under CATENA_TEST_ENGINE=postgresql): the
    JSON prefilter and the many-row flag update work on both engines."""
    letter = "On 3 May 1911 the storm sank 40 boats, said Harbour Master Ellen Voss.\n"
    import_paths(
        catalogue, [write_texts({"l.txt": letter, "m.txt": "A note.\n"})], options=DEFERRED
    )
    assert _pending(catalogue) == 2
    report = suggest_pending(catalogue, workers=1)
    assert (report.done, report.remaining, _pending(catalogue)) == (2, 0, 0)
    with catalogue.reading() as session:
        assert session.scalars(select(DateTag.edtf)).all() == ["1911-05-03"]
        assert all(PENDING_FLAG not in f for f in session.scalars(select(Document.flags)))


def test_ctrl_c_in_the_cli_pass_keeps_the_import_and_says_what_is_pending(
    tmp_path: Path,
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.cli.tagging as tagging

    def interrupted(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(tagging, "suggest_pending_documents", interrupted)
    path = tmp_path / "Interrupted.catena"
    assert main(["init", str(path)]) == 0
    capsys.readouterr()
    assert _cli(path, "import", str(corpus)) == 130
    said = capsys.readouterr()
    assert "12 imported" in said.out
    assert "suggesting interrupted (what was stored is kept)" in said.err
    assert "suggestions pending for 12 documents" in said.err
    assert _cli(path, "suggest", "--pending") == 130


@pytest.mark.sqlite_only("measures SQLite's FTS5 segments")
def test_the_pass_leaves_the_index_no_larger_than_one_built_afresh(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The pass indexes every document again (their people change); the entries it
    replaced must not stay in the index's older segments: after the pass the index
    holds within 15 % of what the same rows take once merged into one segment."""
    corpus = make_corpus(150, 5, tmp_path_factory.mktemp("corpus150") / "corpus")
    folder = tmp_path_factory.mktemp("tidy") / "Tidy.catena"
    with Catalogue.open(folder, create=True, actor="tester", daily_backup=False) as catalogue:
        import_paths(catalogue, [corpus], options=DEFERRED)
        report = suggest_pending(catalogue, workers=1, batch_size=10)
        assert report.done >= 140 and report.tags > 0
        data = text("SELECT sum(length(block)) FROM search_index_data")
        with catalogue.writing() as session:
            after_pass = session.execute(data).scalar_one()
            optimize(session.connection())
            merged = session.execute(data).scalar_one()
        assert after_pass <= merged * 1.15, (after_pass, merged)
        with catalogue.reading() as session:
            assert index.check(session, deep=True) == []
