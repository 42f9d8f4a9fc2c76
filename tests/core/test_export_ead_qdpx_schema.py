"""The EAD 2002 finding aid and the REFI-QDA project validated with lxml against the
publishers' own schemas.

The schemas are shipped, unchanged, in tests/data/schemas/ead (the EAD 2002 W3C schema
and the XLink schema it imports) and tests/data/schemas/qdpx (REFI-QDA's Project
schema); the README there gives their sources, SHA-256 and terms. They are loaded
offline by ``tests.schemas``: the one import (XLink, by its Library of Congress
address) is answered with the shipped file and nothing is fetched. An EAD finding aid
is checked whole (header, collection, the tree of series and items); a ``.qdpx`` file
is unzipped and its ``project.qde`` checked.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from db.catalogue import Catalogue
from db.documents import update_metadata
from desktop.exchange import ExportOptions, Selection, export
from desktop.exchange.xmlformats import normal_date
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)
from tests.schemas import (
    SCHEMAS,
    load_from,
    load_schema,
    offline_parser,
    read_xml,
    schema_errors,
)

EAD_XSD = SCHEMAS / "ead" / "ead.xsd"
XLINK_XSD = SCHEMAS / "ead" / "xlink.xsd"
PROJECT_XSD = SCHEMAS / "qdpx" / "Project-mrt2019.xsd"
# The one address the shipped schemas import, and the file that stands for it.
EAD_PUBLISHED = {"http://www.loc.gov/standards/xlink/xlink.xsd": XLINK_XSD}
EAD = "urn:isbn:1-931666-22-9"
QDA = "urn:QDA-XML:project:1.0"
XS = "{http://www.w3.org/2001/XMLSchema}"


def _ead_schema() -> etree.XMLSchema:
    return load_schema(EAD_XSD, EAD_PUBLISHED)


def _project_schema() -> etree.XMLSchema:
    return load_schema(PROJECT_XSD, {})


def _finding_aid(
    catalogue: Catalogue, out: Path, selection: Selection | None = None
) -> etree._Element:
    export(catalogue, format="ead", selection=selection, output=out)
    return read_xml(out.read_bytes())


def _project(
    catalogue: Catalogue, out: Path, options: ExportOptions | None = None
) -> etree._Element:
    export(catalogue, format="qdpx", selection=None, output=out, options=options)
    with zipfile.ZipFile(out) as archive:
        return read_xml(archive.read("project.qde"))


# --- the shipped files --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "namespace", "says"),
    [
        (EAD_XSD, EAD, "Version: 200804 Release"),
        (XLINK_XSD, "http://www.w3.org/1999/xlink", "METS XLink Schema, v. 2, Nov. 15, 2004"),
        (PROJECT_XSD, QDA, "Release Date:      18 March 2019"),
    ],
    ids=["ead", "xlink", "project"],
)
def test_each_shipped_schema_is_the_file_the_readme_names(
    schema: Path, namespace: str, says: str
) -> None:
    """The copy has the SHA-256 the README records (so nobody edits it unnoticed),
    still carries its publisher's header, and defines the namespace the export uses."""
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    recorded = re.search(rf"`{re.escape(schema.name)}`[^\n]*?\b([0-9a-f]{{64}})\b", readme)
    assert recorded, f"tests/data/schemas/README.md records no SHA-256 for {schema.name}"
    data = schema.read_bytes()
    assert hashlib.sha256(data).hexdigest() == recorded.group(1)
    assert says.encode() in data
    root = etree.fromstring(data, etree.XMLParser(no_network=True))
    assert root.get("targetNamespace") == namespace


def test_loading_the_ead_schema_goes_through_the_resolver_only() -> None:
    """EAD's schema imports XLink from the Library of Congress; that address is
    answered with the shipped file, nothing else is asked, nothing is refused."""
    parser, resolver = offline_parser(EAD_PUBLISHED)
    load_from(EAD_XSD.read_bytes(), EAD_XSD, parser)
    assert resolver.asked == list(EAD_PUBLISHED)
    assert resolver.refused == []
    parser, resolver = offline_parser({})
    load_from(PROJECT_XSD.read_bytes(), PROJECT_XSD, parser)
    assert resolver.asked == []  # REFI-QDA's Project schema imports nothing


def test_the_ead_schema_refuses_to_load_without_the_shipped_xlink() -> None:
    """Without the mapping the import is refused, not fetched."""
    parser, resolver = offline_parser({})
    with pytest.raises(etree.XMLSchemaParseError):
        load_from(EAD_XSD.read_bytes(), EAD_XSD, parser)
    assert resolver.refused == list(EAD_PUBLISHED)


# --- EAD 2002 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "collection"),
    [("sample_catalogue", None), ("rich", None), ("rich", "Inquiry")],
    ids=["samples", "rich-flat", "rich-collection-tree"],
)
def test_the_finding_aid_is_valid_ead_2002(
    which: str, collection: str | None, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """A flat selection and a collection's tree (series inside series, items with
    dao links, hostile text in every field) are valid against the EAD schema."""
    catalogue: Catalogue = request.getfixturevalue(which)
    selection = Selection(collection=collection) if collection else None
    document = _finding_aid(catalogue, tmp_path / "aid.xml", selection)
    assert document.tag == f"{{{EAD}}}ead"
    assert document.findall(f".//{{{EAD}}}unitid")  # items were written
    assert schema_errors(_ead_schema(), document) == []


def test_an_element_outside_ead_fails(rich: Catalogue, tmp_path: Path) -> None:
    document = _finding_aid(rich, tmp_path / "aid.xml")
    did = document.find(f"{{{EAD}}}archdesc/{{{EAD}}}did")
    assert did is not None
    etree.SubElement(did, f"{{{EAD}}}fixity").text = "not an EAD element"
    errors = schema_errors(_ead_schema(), document)
    assert any("fixity" in e and "not expected" in e for e in errors), errors


def test_a_finding_aid_without_its_required_eadid_fails(rich: Catalogue, tmp_path: Path) -> None:
    document = _finding_aid(rich, tmp_path / "aid.xml")
    header = document.find(f"{{{EAD}}}eadheader")
    eadid = document.find(f"{{{EAD}}}eadheader/{{{EAD}}}eadid")
    assert header is not None and eadid is not None
    header.remove(eadid)
    errors = schema_errors(_ead_schema(), document)
    assert any("eadid" in e and "Expected" in e for e in errors), errors


def test_a_year_after_2999_and_an_uncoded_language_keep_the_finding_aid_valid(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    """EAD's schema takes ``normal`` years up to 2999 and ISO 639-2 codes only. A
    year 3000 (valid EDTF) is written without ``normal``, in the item and in the
    collection's span; an ISO 639-3 tag ("azb") gets langcode "und" and stays as
    typed in the text. Before, both made the finding aid invalid."""
    with sample_catalogue.writing() as session:
        update_metadata(
            session,
            ref="CAT-000001",
            changes={"published": "3000", "language": "azb"},
            actor="tester",
        )
    document = _finding_aid(sample_catalogue, tmp_path / "aid.xml")
    assert schema_errors(_ead_schema(), document) == []
    item = document.find(".//*[@id='CAT-000001']")
    assert item is not None
    unitdate = item.find(f"{{{EAD}}}did/{{{EAD}}}unitdate")
    assert unitdate is not None and unitdate.text == "3000" and unitdate.get("normal") is None
    language = item.find(f"{{{EAD}}}did/{{{EAD}}}langmaterial/{{{EAD}}}language")
    assert language is not None and language.text == "azb" and language.get("langcode") == "und"
    span = document.find(f"{{{EAD}}}archdesc/{{{EAD}}}did/{{{EAD}}}unitdate")
    assert span is not None and span.get("normal") is None and span.text


def test_normal_dates_stay_inside_what_ead_can_say() -> None:
    assert normal_date("3000", "3000-01-01", "3000-12-31") is None
    assert normal_date(None, "1987-04-02", "3000-12-31") is None
    assert normal_date("2999-12-31", "2999-12-31", "2999-12-31") == "2999-12-31"
    assert normal_date("0950", None, None) == "0950"


# --- REFI-QDA -----------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["sample_catalogue", "rich"])
def test_the_qdpx_project_is_valid_against_the_refi_qda_schema(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    catalogue: Catalogue = request.getfixturevalue(which)
    project = _project(catalogue, tmp_path / "p.qdpx")
    assert project.findall(f"{{{QDA}}}Sources/{{{QDA}}}TextSource")
    assert schema_errors(_project_schema(), project) == []


def test_a_project_with_no_accepted_tag_has_no_empty_code_book(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    """The samples hold suggestions only, so nothing is coded by default. The schema's
    ``Codes`` needs at least one ``Code``; an empty code book made the file invalid,
    so it is left out. With the suggestions included, the code book is back."""
    project = _project(sample_catalogue, tmp_path / "p.qdpx")
    assert project.find(f"{{{QDA}}}CodeBook") is None
    assert not project.findall(f".//{{{QDA}}}PlainTextSelection")
    assert schema_errors(_project_schema(), project) == []
    options = ExportOptions(statuses=("accepted", "suggested"))
    coded = _project(sample_catalogue, tmp_path / "all.qdpx", options)
    assert coded.findall(f"{{{QDA}}}CodeBook/{{{QDA}}}Codes/{{{QDA}}}Code")
    assert schema_errors(_project_schema(), coded) == []


def test_an_element_outside_refi_qda_fails(rich: Catalogue, tmp_path: Path) -> None:
    project = _project(rich, tmp_path / "p.qdpx")
    source = project.find(f"{{{QDA}}}Sources/{{{QDA}}}TextSource")
    assert source is not None
    etree.SubElement(source, f"{{{QDA}}}Fixity").text = "not a REFI-QDA element"
    errors = schema_errors(_project_schema(), project)
    assert any("Fixity" in e and "not expected" in e for e in errors), errors


def test_a_selection_without_its_required_position_fails(rich: Catalogue, tmp_path: Path) -> None:
    project = _project(rich, tmp_path / "p.qdpx")
    selection = project.find(f".//{{{QDA}}}PlainTextSelection")
    assert selection is not None
    del selection.attrib["startPosition"]
    errors = schema_errors(_project_schema(), project)
    assert any("startPosition" in e and "required" in e for e in errors), errors


def test_a_users_list_without_a_user_fails(rich: Catalogue, tmp_path: Path) -> None:
    project = _project(rich, tmp_path / "p.qdpx")
    users = project.find(f"{{{QDA}}}Users")
    assert users is not None
    for user in list(users):
        users.remove(user)
    errors = schema_errors(_project_schema(), project)
    assert any("Users" in e and "Missing child element" in e for e in errors), errors
