"""Hostile text — quotes, commas, newlines, <, &, {}, %, a leading = — in every format.

Each format is exported for the hostile document alone and read back with a parser
for that format; what comes back must be exactly what the catalogue holds (RIS and
BibTeX fold line breaks into spaces, because their values are single lines).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import bagit

from db.catalogue import Catalogue
from desktop.exchange import FORMATS, export
from desktop.exchange.biblio import bibtex_unescape, parse_ris
from desktop.exchange.tables import unprotect_cell
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    HOSTILE_NOTES,
    HOSTILE_PUBLISHER,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    hostile_document,
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)

QUOTES = {
    "3 May 1911",
    "at least 40 boats",
    "Anna <Smith> & Co.",
    "100%",
    "=SUM(A1:A2)",
    '"stop, now"',
}


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_hostile_text_survives_every_format(rich: Catalogue, tmp_path: Path) -> None:
    document = hostile_document(rich)
    assert document.text == HOSTILE_TEXT.rstrip("\n")  # import drops the final newline
    names = {
        "csv": "tables",
        "csl-json": "h.json",
        "ris": "h.ris",
        "bibtex": "h.bib",
        "dc": "h.xml",
        "ead": "h-ead.xml",
        "annotations": "h.jsonld",
        "qdpx": "h.qdpx",
        "bagit": "bag",
    }
    assert set(names) | {"catena-archive"} == set(FORMATS)
    for fmt, name in names.items():
        export(rich, format=fmt, selection=["CAT-000005"], output=tmp_path / name)

    # CSV (formula cells carry the apostrophe, everything else is verbatim)
    tables = tmp_path / "tables"
    (doc_row,) = csv.DictReader(
        io.StringIO((tables / "documents.csv").read_text("utf-8"), newline="")
    )
    assert doc_row["title"] == "'" + HOSTILE_TITLE and doc_row["notes"] == HOSTILE_NOTES
    quotes = set()
    for table in ("people", "dates", "figures"):
        with (tables / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            quotes |= {unprotect_cell(r["quote"]) for r in csv.DictReader(handle)}
    assert quotes == QUOTES

    # CSL-JSON
    (item,) = json.loads((tmp_path / "h.json").read_text("utf-8"))
    assert (item["title"], item["container-title"], item["note"]) == (
        HOSTILE_TITLE,
        HOSTILE_PUBLISHER,
        HOSTILE_NOTES,
    )

    # RIS
    (record,) = parse_ris((tmp_path / "h.ris").read_text("utf-8"))
    assert record["TI"] == [HOSTILE_TITLE] and record["N1"] == [one_line(HOSTILE_NOTES)]
    assert record["T2"] == [HOSTILE_PUBLISHER]

    # BibTeX
    bib = (tmp_path / "h.bib").read_text("utf-8")
    fields = dict(re.findall(r"^  ([\w-]+) = \{(.*)\},$", bib, re.M))
    assert bibtex_unescape(fields["title"][1:-1]) == HOSTILE_TITLE
    assert bibtex_unescape(fields["note"]) == one_line(HOSTILE_NOTES)
    assert "50%" not in bib and "50\\%" in bib and "{x}" not in bib

    # Dublin Core and EAD
    dc = ET.parse(tmp_path / "h.xml").getroot()
    texts = [e.text for e in dc]
    assert HOSTILE_TITLE in texts and HOSTILE_NOTES in texts and HOSTILE_PUBLISHER in texts
    ead = ET.parse(tmp_path / "h-ead.xml").getroot()
    assert HOSTILE_TITLE in [e.text for e in ead.iter("{urn:isbn:1-931666-22-9}unittitle")]

    # Web Annotations
    items = json.loads((tmp_path / "h.jsonld").read_text("utf-8"))["first"]["items"]
    assert {i["target"]["selector"][0]["exact"] for i in items} == QUOTES

    # REFI-QDA: the text file is byte-exact, names and codes are escaped XML
    with zipfile.ZipFile(tmp_path / "h.qdpx") as archive:
        text = archive.read(f"sources/{document.uid}.txt").decode("utf-8")
        project = ET.fromstring(archive.read("project.qde"))
    assert text == document.text
    q = "{urn:QDA-XML:project:1.0}"
    source = project.find(f"{q}Sources/{q}TextSource")
    assert source is not None and source.get("name") == f"CAT-000005 {HOSTILE_TITLE}"
    for selection in source.findall(f"{q}PlainTextSelection"):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert text[start:end] in QUOTES
    assert 'lost, "at sea"' in {c.get("name") for c in project.iter(f"{q}Code")}

    # BagIt
    bag = tmp_path / "bag"
    bagit.Bag(str(bag)).validate()
    record_json = json.loads((bag / "data" / "metadata" / "documents.json").read_text("utf-8"))
    entry = record_json["documents"][0]
    assert entry["title"] == HOSTILE_TITLE and entry["notes"] == HOSTILE_NOTES
    assert (bag / "data" / "texts" / "CAT-000005.txt").read_bytes() == document.text.encode()
