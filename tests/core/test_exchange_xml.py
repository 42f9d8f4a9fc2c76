"""Dublin Core and EAD: parsed back with ElementTree; checked with xmllint when present.

These tests check structure and the required elements with ElementTree on every run,
and additionally have xmllint check that each file is well-formed XML whenever xmllint
is installed. Both are also validated against their publishers' schemas, shipped in
tests/data/schemas: Dublin Core against DCMI's (test_export_dc_schema.py), EAD against
the EAD 2002 W3C schema (test_export_ead_qdpx_schema.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from sqlalchemy import select, update

from db.catalogue import Catalogue
from db.models import Document
from desktop.exchange import Selection, export
from desktop.exchange.xmlformats import normal_date
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    HOSTILE_AUTHORS,
    HOSTILE_NOTES,
    HOSTILE_PUBLISHER,
    HOSTILE_TITLE,
    HOSTILE_URL,
    SUB_COLLECTION,
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)

DC = "{http://purl.org/dc/elements/1.1/}"
OAI = "{http://www.openarchives.org/OAI/2.0/oai_dc/}"
EAD = "{urn:isbn:1-931666-22-9}"
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def xmllint_ok(*paths: Path) -> None:
    """Well-formedness by libxml2 too, when xmllint is installed (structure is checked
    with ElementTree regardless)."""
    tool = shutil.which("xmllint")
    if tool is None:
        return
    result = subprocess.run([tool, "--noout", *map(str, paths)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_dublin_core_per_document(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "dc"
    result = export(rich, format="dc", selection=None, output=out)
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [f"CAT-{n:06d}.xml" for n in (1, 2, 3, 4, 5, 7)]
    assert result.files == [out / f.name for f in files]
    xmllint_ok(*files)
    with rich.reading() as session:
        for path in files:
            document = session.scalar(select(Document).where(Document.ref == path.stem))
            assert document is not None
            root = ET.parse(path).getroot()
            assert root.tag == f"{OAI}dc"
            assert all(child.tag.startswith(DC) for child in root)
            values: dict[str, list[str]] = {}
            for child in root:
                values.setdefault(child.tag.removeprefix(DC), []).append(child.text or "")
            assert document.ref in values["identifier"]
            assert f"urn:uuid:{document.uid}" in values["identifier"]
            assert values["format"] == [document.media_type]
            assert "Text" in values["type"]
            if document.original_sha256:
                assert f"urn:sha256:{document.original_sha256}" in values["identifier"]
            if document.title:
                assert values["title"][0] == document.title
    hostile = ET.parse(out / "CAT-000005.xml").getroot()
    found = {(c.tag.removeprefix(DC), c.text) for c in hostile}
    assert ("title", HOSTILE_TITLE) in found
    assert ("publisher", HOSTILE_PUBLISHER) in found
    assert ("description", HOSTILE_NOTES) in found
    assert ("identifier", HOSTILE_URL) in found
    assert {("creator", a) for a in HOSTILE_AUTHORS} <= found
    assert ("relation", f"isPartOf: {SUB_COLLECTION}") in found
    assert ("subject", "Anna <Smith> & Co.") in found


def test_dublin_core_single_file_and_control_characters(rich: Catalogue, tmp_path: Path) -> None:
    # Written by SQL, as a catalogue older than the rule that keeps them out may hold
    # them (db.documents.update_metadata removes control characters now).
    with rich.writing() as session:
        session.execute(
            update(Document)
            .where(Document.ref == "CAT-000002")
            .values(title="Page\x0cbreak\x00 and \x1b escape", title_devised=True)
        )
    out = tmp_path / "one.xml"
    export(rich, format="dc", selection=["CAT-000002"], output=out)
    xmllint_ok(out)
    title = ET.parse(out).getroot().find(f"{DC}title")
    assert title is not None and title.text == "[Page\ufffdbreak\ufffd and \ufffd escape]"


def test_ead_finding_aid_mirrors_the_collection_tree(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "inquiry.xml"
    export(rich, format="ead", selection=Selection(collection="Inquiry"), output=out)
    xmllint_ok(out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{EAD}ead"
    header = root.find(f"{EAD}eadheader")
    assert header is not None
    assert header.findtext(f"{EAD}eadid")
    assert header.findtext(f"{EAD}filedesc/{EAD}titlestmt/{EAD}titleproper") == "Inquiry"
    archdesc = root.find(f"{EAD}archdesc")
    assert archdesc is not None and archdesc.get("level") == "collection"
    assert next(iter(archdesc)).tag == f"{EAD}did"
    assert [child.tag for child in archdesc][-1] == f"{EAD}dsc"
    did = archdesc.find(f"{EAD}did")
    assert did is not None
    assert did.findtext(f"{EAD}unittitle") == "Inquiry"
    unitdate = did.find(f"{EAD}unitdate")
    assert unitdate is not None and unitdate.get("type") == "inclusive"
    assert unitdate.get("normal") == "1911-05-03/1987-06-30"
    assert archdesc.findtext(f"{EAD}scopecontent/{EAD}p") == "All the inquiry's papers & <notes>"
    dsc = archdesc.find(f"{EAD}dsc")
    assert dsc is not None
    top = list(dsc)
    assert [(c.tag, c.get("level")) for c in top] == [
        (f"{EAD}c01", "item"),
        (f"{EAD}c01", "item"),
        (f"{EAD}c01", "series"),
    ]
    assert [c.findtext(f"{EAD}did/{EAD}unitid") for c in top[:2]] == ["CAT-000001", "CAT-000004"]
    series = top[2]
    assert series.findtext(f"{EAD}did/{EAD}unittitle") == SUB_COLLECTION
    inner = [
        (c.tag, c.get("level"), c.findtext(f"{EAD}did/{EAD}unitid"))
        for c in series
        if c.tag.startswith(f"{EAD}c")
    ]
    assert inner[:2] == [(f"{EAD}c02", "item", "CAT-000003"), (f"{EAD}c02", "item", "CAT-000005")]
    assert inner[2][:2] == (f"{EAD}c02", "series")
    deepest = series.findall(f"{EAD}c02")[2].findall(f"{EAD}c03")
    assert [c.findtext(f"{EAD}did/{EAD}unitid") for c in deepest] == ["CAT-000002"]
    ids = [c.get("id") for c in root.iter() if c.get("id")]
    assert len(ids) == len(set(ids)) == 5
    for element in root.iter(f"{EAD}unitdate"):
        assert ISO.match(element.get("normal") or ""), element.get("normal")
    hostile = next(c for c in root.iter(f"{EAD}c02") if c.get("id") == "CAT-000005")
    assert hostile.findtext(f"{EAD}did/{EAD}unittitle") == HOSTILE_TITLE
    assert hostile.findtext(f"{EAD}scopecontent/{EAD}p") == HOSTILE_NOTES
    item = top[0]
    assert item.findtext(f"{EAD}did/{EAD}unitdate") == "1987-03-14"
    assert "SHA-256" in (item.findtext(f"{EAD}odd/{EAD}p") or "")


def test_ead_for_a_plain_selection_is_flat(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "sel.xml"
    export(
        rich,
        format="ead",
        selection=["CAT-000002", "CAT-000003"],
        output=out,
    )
    xmllint_ok(out)
    dsc = ET.parse(out).getroot().find(f"{EAD}archdesc/{EAD}dsc")
    assert dsc is not None
    assert [c.findtext(f"{EAD}did/{EAD}unitid") for c in dsc] == ["CAT-000002", "CAT-000003"]


def test_unitdate_normal_forms() -> None:
    assert normal_date("1987-03-14", "1987-03-14", "1987-03-14") == "1987-03-14"
    assert normal_date("1987-03-12/1987-03-13", None, None) == "1987-03-12/1987-03-13"
    assert normal_date("1986-36", "1986-10-01", "1986-12-31") == "1986-10-01/1986-12-31"
    assert normal_date("1987~", "1987-01-01", "1987-12-31") == "1987-01-01/1987-12-31"
    assert normal_date(None, None, None) is None
