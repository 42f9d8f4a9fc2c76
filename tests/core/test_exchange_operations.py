"""The exchange operations the CLI and File ▸ Export call (``desktop.core.exchange``):
what they write, and what they say they changed so a window knows what to re-read."""

from __future__ import annotations

import json
from pathlib import Path

from db.catalogue import Catalogue
from db.documents import count_documents
from desktop.core.exchange import apply_bibliography, export_documents, load_archive
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def test_an_export_writes_what_its_consumer_reads(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "refs.json"
    result = export_documents(rich, format="csl-json", selection=["CAT-000001"], output=out)
    items = json.loads(out.read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == ["CAT-000001"]
    assert result.documents == 1 and out in result.files


def test_a_bibliography_run_says_documents_changed_and_a_dry_run_says_nothing(
    rich: Catalogue, tmp_path: Path
) -> None:
    out = tmp_path / "refs.json"
    export_documents(rich, format="csl-json", selection=["CAT-000001"], output=out)
    items = json.loads(out.read_text(encoding="utf-8"))
    items[0]["title"] = "Retitled by the archivist"
    out.write_text(json.dumps(items), encoding="utf-8")
    dry = apply_bibliography(rich, path=out, dry_run=True)
    assert dry.value.outcomes[0].action == "update"
    assert dry.changes.documents == frozenset()  # nothing written, nothing to re-read
    done = apply_bibliography(rich, path=out)
    assert done.changes.documents is None  # the lists re-read every row


def test_loading_an_archive_says_everything_changed(rich: Catalogue, tmp_path: Path) -> None:
    archive = tmp_path / "whole"
    export_documents(rich, format="catena-archive", selection=None, output=archive)
    with rich.reading() as session:
        held = count_documents(session, include_deleted=True)
    with Catalogue.open(tmp_path / "copy.catena", create=True, daily_backup=False) as copy:
        done = load_archive(copy, path=archive)
        with copy.reading() as session:
            assert count_documents(session, include_deleted=True) == held > 0
        assert done.value.counts["documents"] == held
        assert done.changes.documents is None and done.changes.people and done.changes.sidebar
