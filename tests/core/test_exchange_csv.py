"""CSV export: every document and tag row, read back with the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from desktop.exchange import ExportOptions, Selection, export
from desktop.exchange.tables import protect_cell, unprotect_cell
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    HOSTILE_AUTHORS,
    HOSTILE_NOTES,
    HOSTILE_TITLE,
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def read(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_every_document_and_tag_round_trips(rich: Catalogue, tmp_path: Path) -> None:
    result = export(rich, format="csv", selection=None, output=tmp_path / "tables")
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "dates.csv",
        "documents.csv",
        "figures.csv",
        "people.csv",
    ]
    documents = read(tmp_path / "tables" / "documents.csv")
    people = read(tmp_path / "tables" / "people.csv")
    dates = read(tmp_path / "tables" / "dates.csv")
    figures = read(tmp_path / "tables" / "figures.csv")
    with rich.reading() as session:
        live = list(
            session.scalars(
                select(Document).where(Document.deleted_at.is_(None)).order_by(Document.id)
            )
        )
        assert [row["reference"] for row in documents] == [d.ref for d in live]
        assert result.documents == len(live) == 6  # the trashed document is left out
        by_ref = {d.ref: d for d in live}
        for row in documents:
            document = by_ref[row["reference"]]
            assert row["uid"] == document.uid
            assert unprotect_cell(row["title"]) == (document.title or "")
            assert row["sha256"] == (document.original_sha256 or "")
            assert unprotect_cell(row["authors"]).split("; ") == (document.authors or [""])
            assert int(row["characters"]) == len(document.text)
        tags = {
            "people": [(d, t) for d in live for t in d.mentions],
            "dates": [(d, t) for d in live for t in d.dates],
            "figures": [(d, t) for d in live for t in d.figures],
        }
        for table, rows in (("people", people), ("dates", dates), ("figures", figures)):
            expected = {t.uid: (d, t) for d, t in tags[table]}
            assert {row["tag_uid"] for row in rows} == set(expected)
            assert result.counts[table] == len(rows)
            for row in rows:
                document, tag = expected[row["tag_uid"]]
                assert row["reference"] == document.ref
                assert (int(row["start"]), int(row["end"])) == (tag.start, tag.end)
                assert unprotect_cell(row["quote"]) == tag.quote
                assert document.text[tag.start : tag.end] == tag.quote
                assert unprotect_cell(row["prefix"]) == tag.prefix
                assert unprotect_cell(row["suffix"]) == tag.suffix
                assert row["status"] == tag.status
                assert unprotect_cell(row["note"]) == (tag.note or "")
                if table == "dates":
                    assert row["edtf"] == tag.edtf and row["certainty"] == tag.certainty
                elif table == "figures":
                    assert float(row["value"]) == tag.value
                    assert row["qualifier"] == tag.qualifier
                    assert row["part_of"] == (tag.part_of.uid if tag.part_of else "")
                    assert unprotect_cell(row["category"]) == (tag.category or "")
                else:
                    assert unprotect_cell(row["name"]) == tag.name and row["role"] == tag.role
                    assert row["agent_uid"] == (tag.agent.uid if tag.agent else "")
        statuses = {row["status"] for rows in (people, dates, figures) for row in rows}
        assert statuses == {"accepted", "suggested", "rejected"}


def test_hostile_cells_are_quoted_and_formulas_defused(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "docs.csv"
    export(
        rich,
        format="csv",
        selection=Selection(refs=("CAT-000005",)),
        output=out,
        options=ExportOptions(table="documents"),
    )
    raw = out.read_bytes()
    assert b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf")
    (row,) = read(out)
    assert row["title"] == "'" + HOSTILE_TITLE  # shown as text by spreadsheets
    assert unprotect_cell(row["title"]) == HOSTILE_TITLE
    assert row["publisher"].startswith("'@")
    assert row["notes"] == HOSTILE_NOTES  # newlines and quotes survive inside one cell
    assert row["authors"] == "; ".join(HOSTILE_AUTHORS)
    dates = tmp_path / "dates.csv"
    export(
        rich,
        format="csv",
        selection=["CAT-000005"],
        output=dates,
        options=ExportOptions(table="dates"),
    )
    quotes = [r["quote"] for r in read(dates)]
    assert "'=SUM(A1:A2)" in quotes and "3 May 1911" in quotes
    whats = [r["what"] for r in read(dates)]
    assert "'=cmd" in whats and 'boats <lost> & "sunk"' in whats
    for row in read(dates):  # numbers are numbers, never prefixed
        assert row["start"].isdigit() and row["end"].isdigit()


def test_bom_and_raw_mode(rich: Catalogue, tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.csv"
    export(
        rich,
        format="csv",
        selection=["CAT-000005"],
        output=with_bom,
        options=ExportOptions(table="documents", bom=True, protect_formulas=False),
    )
    data = with_bom.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    (row,) = read(with_bom)
    assert row["title"] == HOSTILE_TITLE  # unprotected on request
    assert next(iter(row)) == "reference"  # the BOM is not part of the first header


def test_protect_and_unprotect_are_inverse() -> None:
    for value in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain", "'quoted", "", "1-2"):
        protected = protect_cell(value)
        assert unprotect_cell(protected) == value
        assert not protected.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_collection_selection_includes_sub_collections(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "c.csv"
    export(
        rich,
        format="csv",
        selection=Selection(collection="inquiry"),
        output=out,
        options=ExportOptions(table="documents"),
    )
    assert [r["reference"] for r in read(out)] == [
        "CAT-000001",
        "CAT-000002",
        "CAT-000003",
        "CAT-000004",
        "CAT-000005",
    ]
