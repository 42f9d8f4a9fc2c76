"""import-metadata: matching by UID, URL, folded title and SHA-256; dry run vs real."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.documents import METADATA_ONLY_FLAG
from db.models import Document, Event
from desktop.exchange import ExportOptions, export, import_metadata
from desktop.launch.entry import main
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def _state(catalogue: Catalogue) -> tuple[dict[str, tuple[object, ...]], int]:
    with catalogue.reading() as session:
        documents = {
            d.ref: (
                d.title,
                d.publisher,
                tuple(d.authors),
                d.published,
                d.url,
                d.doc_type,
                tuple(d.guessed),
                d.accessed,
                d.captured_by,
            )
            for d in session.scalars(select(Document))
        }
        events = session.scalar(select(func.count(Event.id)))
    return documents, int(events or 0)


@pytest.mark.parametrize(
    ("fmt", "name"), [("csl-json", "a.json"), ("ris", "a.ris"), ("csv", "a.csv")]
)
def test_reimporting_our_own_export_changes_nothing(
    rich: Catalogue, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    options = ExportOptions(table="documents") if fmt == "csv" else None
    export(rich, format=fmt, selection=None, output=out, options=options)
    before = _state(rich)
    report = import_metadata(rich, out)
    assert report.count("unchanged") == 6, [o.describe() for o in report.outcomes]
    assert {o.matched_by for o in report.outcomes} == {"uid"}
    assert _state(rich) == before


def test_dry_run_reports_and_changes_nothing_then_real_run_applies(
    rich: Catalogue, tmp_path: Path
) -> None:
    out = tmp_path / "refs.json"
    export(rich, format="csl-json", selection=["CAT-000001", "CAT-000004"], output=out)
    items = json.loads(out.read_text(encoding="utf-8"))
    items[0]["title"] = "Dam failure at Halvern: 212 dead"
    items[0]["container-title"] = "The Northmoor Gazette"
    items[0]["author"] = [{"family": "Carrow", "given": "Edith"}]  # same person, same authors
    items[1]["issued"] = {"date-parts": [[1987, 7, 1]]}
    items[1]["custom"]["catena"].pop("published")
    out.write_text(json.dumps(items), encoding="utf-8")

    before = _state(rich)
    dry = import_metadata(rich, out, dry_run=True)
    assert _state(rich) == before, "a dry run must change nothing, not even the audit trail"
    first, second = dry.outcomes
    assert first.ref == "CAT-000001" and first.action == "update"
    assert first.changes == {
        "title": (
            "Dam failure at Halvern leaves 212 dead, officials say",
            "Dam failure at Halvern: 212 dead",
        ),
        "publisher": ("Northmoor Gazette", "The Northmoor Gazette"),
    }
    assert second.changes == {"published": ("1987-06-30", "1987-07-01")}
    assert "would be updated" in dry.summary() and "Dry run" in dry.summary()

    real = import_metadata(rich, out)
    assert [o.changes for o in real.outcomes] == [o.changes for o in dry.outcomes]
    documents, events = _state(rich)
    assert documents["CAT-000001"][0] == "Dam failure at Halvern: 212 dead"
    assert documents["CAT-000004"][3] == "1987-07-01"
    assert "title" not in documents["CAT-000001"][6]  # imported fields are no longer guesses
    assert "published" not in documents["CAT-000004"][6]
    assert events == before[1] + 2
    with rich.reading() as session:
        actions = list(session.scalars(select(Event.action).order_by(Event.id.desc()).limit(2)))
        bounds = session.scalar(
            select(Document.published_lower).where(Document.ref == "CAT-000004")
        )
    assert actions == ["edit metadata", "edit metadata"]
    assert bounds == "1987-07-01"


def test_matching_by_url_title_and_hash_from_a_spreadsheet(rich: Catalogue, tmp_path: Path) -> None:
    with rich.reading() as session:
        docs = {d.ref: d for d in session.scalars(select(Document))}
    rows = [
        {"url": "HTTPS://EXAMPLE.org/a?b=1&c=<2>", "section": "By URL"},
        {"title": "dam FAILURE at halvern leaves 212 dead — officials say!", "section": "By title"},
        {"sha256": docs["CAT-000003"].original_sha256.upper(), "notes": "'=by hash"},
        {"title": "Nothing like this", "notes": "orphan"},
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["title", "url", "sha256", "section", "notes"])
    writer.writeheader()
    writer.writerows(rows)
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    report = import_metadata(rich, sheet)
    by_url, by_title, by_hash, orphan = report.outcomes
    assert (by_url.ref, by_url.matched_by) == ("CAT-000005", "url")
    assert (by_title.ref, by_title.matched_by) == ("CAT-000001", "title")
    assert (by_hash.ref, by_hash.matched_by) == ("CAT-000003", "sha256")
    assert by_hash.changes["notes"] == (None, "=by hash")  # formula protection undone
    assert orphan.action == "unmatched" and "--create" in (orphan.reason or "")
    with rich.reading() as session:
        assert session.scalar(select(Document.section).where(Document.ref == "CAT-000005")) == (
            "By URL"
        )
    assert report.count("unmatched") == 1


def test_create_metadata_only_records_from_ris(rich: Catalogue, tmp_path: Path) -> None:
    ris = tmp_path / "foreign.ris"
    ris.write_text(
        "TY  - RPRT\r\nTI  - Report of the Dam Safety Board\r\nAU  - Okafor, Ngozi\r\n"
        "PB  - Dam Safety Board\r\nPY  - 1988\r\nDA  - 1988/02//\r\nUR  - https://example.org/board\r\n"
        "ER  - \r\n"
        "TY  - PCOMM\r\nTI  - Ministry of Public Works\r\nER  - \r\n",
        encoding="utf-8",
    )
    dry = import_metadata(rich, ris, dry_run=True, create=True)
    assert [o.action for o in dry.outcomes] == ["create", "unchanged"]
    assert (
        dry.outcomes[1].ref == "CAT-000003"
    )  # a PCOMM does not turn the open letter into a letter
    before = _state(rich)
    assert _state(rich) == before
    real = import_metadata(rich, ris, create=True)
    created = real.outcomes[0]
    assert created.ref == "CAT-000008"
    with rich.reading() as session:
        document = session.scalar(select(Document).where(Document.ref == "CAT-000008"))
        assert document is not None
        assert document.original_sha256 is None and document.original is None
        assert document.text == "" and METADATA_ONLY_FLAG in document.flags
        assert document.title == "Report of the Dam Safety Board"
        assert document.authors == ["Ngozi Okafor"]
        assert document.doc_type == "report" and document.publisher == "Dam Safety Board"
        assert document.published == "1988-02"
        assert document.url == "https://example.org/board"
    again = import_metadata(rich, ris, create=True)
    assert [o.action for o in again.outcomes] == ["unchanged", "unchanged"]


def test_ambiguous_titles_are_not_guessed(rich: Catalogue, tmp_path: Path) -> None:
    from db.documents import update_metadata

    with rich.writing() as session:
        update_metadata(session, ref="CAT-000002", changes={"title": "Same"}, actor="t")
        update_metadata(session, ref="CAT-000003", changes={"title": "same"}, actor="t")
    data = tmp_path / "x.json"
    data.write_text(
        json.dumps([{"type": "report", "title": "SAME", "note": "n"}]), encoding="utf-8"
    )
    report = import_metadata(rich, data, create=True)
    (outcome,) = report.outcomes
    assert outcome.action == "ambiguous" and "CAT-000002, CAT-000003" in (outcome.reason or "")


def test_cli_import_metadata(
    rich: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "refs.json"
    export(rich, format="csl-json", selection=["CAT-000002"], output=out)
    items = json.loads(out.read_text(encoding="utf-8"))
    items[0]["title"] = "A better title"
    out.write_text(json.dumps(items), encoding="utf-8")
    source = str(rich.path)
    rich.close()
    assert main(["import-metadata", str(out), "--dry-run", "-c", source]) == 0
    printed = capsys.readouterr().out
    assert "CAT-000002 (matched by uid" in printed and "'A better title'" in printed
    assert "Dry run: nothing was changed." in printed
    assert main(["import-metadata", str(out), "-c", source]) == 0
    assert "1 documents were updated" in capsys.readouterr().out
    bad = tmp_path / "bad.xml"
    bad.write_text("<x/>", encoding="utf-8")
    assert main(["import-metadata", str(bad), "-c", source]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
