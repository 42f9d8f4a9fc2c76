"""Import made faster gives the catalogue it gave before: the same texts, paragraph
languages and suggested tags, row for row (issue 23).

"The old way" is py3langid's own byte loop; "the new way" is the whole-array walk of
``db.language_model`` that every import uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]
from sqlalchemy import select

import db.languages
from bench.make_corpus import make_corpus
from db.catalogue import Catalogue
from db.language_model import FastIdentifier
from db.models import DateTag, Document, Figure, Mention
from desktop.ingest.pipeline import ImportOptions, import_paths

VOLATILE = {"id", "uid", "created_at", "updated_at", "document_id", "part_of_id"}


def _catalogue_rows(catalogue: Catalogue) -> dict[str, list[tuple[Any, ...]]]:
    """Every suggestion and every document's text and languages, keyed by reference
    and span, without the ids and times that differ between two imports."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with catalogue.reading() as session:
        refs = dict(session.execute(select(Document.id, Document.ref)).all())
        found["documents"] = sorted(
            session.execute(
                select(Document.ref, Document.text, Document.language, Document.language_spans)
            ).all()
        )
        for model in (DateTag, Mention, Figure):
            table = model.__table__
            kept = [column for column in table.columns if column.name not in VOLATILE]
            rows = session.execute(select(table.c.document_id, *kept)).all()
            found[table.name] = sorted(
                (refs[row[0]], *(repr(value) for value in row[1:])) for row in rows
            )
    return found


def _import(folder: Path, corpus: Path, identifier: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(db.languages, "_identifier", identifier)
    with Catalogue.open(folder, create=True, actor="tester", daily_backup=False) as catalogue:
        report = import_paths(catalogue, [corpus], options=ImportOptions(workers=1))
        assert {outcome.status for outcome in report.outcomes} <= {"imported"}
        return _catalogue_rows(catalogue)


def test_the_faster_import_stores_the_same_suggestions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(16, 3, tmp_path / "corpus")
    old = _import(
        tmp_path / "Old.catena",
        corpus,
        LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
        monkeypatch,
    )
    new = _import(
        tmp_path / "New.catena",
        corpus,
        FastIdentifier(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)),
        monkeypatch,
    )
    assert len(new["documents"]) == 16 and new["mentions"] and new["date_tags"]
    assert any(len(text.encode()) >= 2048 for _ref, text, *_rest in new["documents"])
    assert new == old
