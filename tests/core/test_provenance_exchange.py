"""URL, accessed day and who captured a source, through every exchange format: written
where each format has a field for them, read back by import-metadata and by the
archive, and refused (naming file, record and field) when a file holds a bad one."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from db.documents import update_metadata
from desktop.exchange import ExchangeError, ExportOptions, export, import_archive, import_metadata
from desktop.exchange.biblio import parse_ris
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    FILE_GUESS,
    HOSTILE_ACCESSED,
    HOSTILE_CAPTURER,
    HOSTILE_URL,
    hostile_document,
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)
from tests.reliability.hostile_archive_cases import read_rows, row_set

HOSTILE = "CAT-000005"


def _provenance(catalogue: Catalogue) -> tuple[object, ...]:
    document = hostile_document(catalogue)
    return document.url, document.accessed, document.captured_by


def test_reference_formats_carry_url_and_accessed(rich: Catalogue, tmp_path: Path) -> None:
    export(rich, format="csl-json", selection=[HOSTILE], output=tmp_path / "a.json")
    (item,) = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert item["URL"] == HOSTILE_URL
    assert item["accessed"] == {"date-parts": [[2025, 3, 3]]}
    assert item["custom"]["catena"]["captured_by"] == HOSTILE_CAPTURER

    export(rich, format="ris", selection=[HOSTILE], output=tmp_path / "a.ris")
    (record,) = parse_ris((tmp_path / "a.ris").read_text(encoding="utf-8"))
    assert (record["UR"], record["Y2"], record["U3"]) == (
        [HOSTILE_URL],
        ["2025/03/03/"],
        [HOSTILE_CAPTURER],
    )

    export(rich, format="bibtex", selection=[HOSTILE], output=tmp_path / "a.bib")
    bib = (tmp_path / "a.bib").read_text(encoding="utf-8")
    assert "  url = {https://example.org/a?b=1&c=<2>#frag},\n" in bib
    assert "  urldate = {2025-03-03},\n" in bib


@pytest.mark.parametrize(
    ("fmt", "name"), [("csl-json", "a.json"), ("ris", "a.ris"), ("csv", "a.csv")]
)
def test_import_metadata_brings_them_back(
    rich: Catalogue, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    options = ExportOptions(table="documents") if fmt == "csv" else None
    export(rich, format=fmt, selection=[HOSTILE], output=out, options=options)
    with rich.writing() as session:
        changes = {"accessed": None, "captured_by": None}
        update_metadata(session, ref=HOSTILE, changes=changes, actor="t")
    report = import_metadata(rich, out)
    assert [o.action for o in report.outcomes] == ["update"]
    assert _provenance(rich) == (HOSTILE_URL, HOSTILE_ACCESSED, HOSTILE_CAPTURER)


def test_ris_access_date_written_as_iso_by_other_programs_is_read(
    rich: Catalogue, tmp_path: Path
) -> None:
    ris = tmp_path / "zotero.ris"
    uid = hostile_document(rich).uid
    ris.write_text(f"TY  - ELEC\r\nU1  - {uid}\r\nY2  - 2024-11-02 10:12:00\r\nER  - \r\n")
    import_metadata(rich, ris)
    assert _provenance(rich)[1] == "2024-11-02"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "a.json",
            '[{"title": "X", "URL": "https://x.example/", "accessed": {"literal": "March 2025"}}]',
            "a.json, record 1, field accessed: accessed date 'March 2025' is not a day",
        ),
        (
            "a.json",
            '[{"title": "X", "URL": "www.x.example"}]',
            "a.json, record 1, field URL: URL 'www.x.example' is not a web address",
        ),
        (
            "a.csv",
            "title,url,accessed\nX,https://x.example/,2025-02-30\n",
            "a.csv, row 1 (line 2), field accessed: accessed date '2025-02-30' is not a day",
        ),
        (
            "a.ris",
            "TY  - ELEC\nTI  - X\nY2  - 2025/13/01/\nER  - \n",
            "a.ris, record 1, field Y2: accessed date '2025-13-01' is not a day",
        ),
    ],
)
def test_a_bad_url_or_accessed_date_in_a_file_is_refused_whole(
    rich: Catalogue, tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    before = _provenance(rich)
    with pytest.raises(ExchangeError) as refused:
        import_metadata(rich, path, create=True)
    assert str(refused.value).startswith(message), str(refused.value)
    assert str(refused.value).endswith("nothing was imported")
    assert _provenance(rich) == before


def test_archive_keeps_provenance_and_file_guesses(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "archive"
    export(rich, format="catena-archive", selection=None, output=out)
    rows = {row["ref"]: row for row in read_rows(out, "documents")}
    assert rows["CAT-000004"]["file_guesses"] == [FILE_GUESS]
    # An archive from a catalogue that stored a page's relative og:url before URLs
    # were checked still restores; an accessed date that is not a day does not.
    row_set("documents", 0, url="/news/1")(out)
    with Catalogue.open(tmp_path / "Copy.catena", create=True, actor="t") as copy:
        import_archive(copy, out)
        restored = {d.ref: d for d in _documents(copy)}
    assert restored["CAT-000004"].file_guesses == [FILE_GUESS]
    hostile = restored[HOSTILE]
    assert (hostile.accessed, hostile.captured_by) == (HOSTILE_ACCESSED, HOSTILE_CAPTURER)
    assert restored["CAT-000001"].url == "/news/1"

    row_set("documents", 4, accessed="2025-02-30")(out)
    refusal = "field accessed: accessed date '2025-02-30'"
    with (
        Catalogue.open(tmp_path / "Other.catena", create=True, actor="t") as other,
        pytest.raises(ExchangeError, match=refusal),
    ):
        import_archive(other, out)


def _documents(catalogue: Catalogue) -> list:  # type: ignore[type-arg]
    from db.documents import list_documents

    with catalogue.reading() as session:
        return list_documents(session)


def test_csv_export_has_the_columns(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    export(
        rich,
        format="csv",
        selection=[HOSTILE],
        output=out,
        options=ExportOptions(table="documents"),
    )
    (row,) = csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())
    assert (row["url"], row["accessed"], row["captured_by"]) == (
        HOSTILE_URL,
        HOSTILE_ACCESSED,
        HOSTILE_CAPTURER,
    )
