"""The Dublin Core export validated with lxml against DCMI's Simple DC XML Schema.

The schemas are in tests/data/schemas/dc (README there: source, SHA-256, licence)
and are loaded offline by ``tests.schemas``.
``simpledc20021212.xsd`` is DCMI's file; the ``oai_dc:dc`` container around the
elements and the ``xml:lang`` attribute come from two small schemas the project wrote
itself, because OAI's and W3C's files are not shipped. The published addresses the
schemas import are mapped to those local files by an lxml resolver on a parser that
may not use the network; any other address makes loading fail, so the suite can never
fetch a schema, and a change to the export that puts anything outside Simple DC into a
record (an unknown element in the DC namespace, markup inside a value, an attribute)
fails here.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from lxml import etree

from db.catalogue import Catalogue
from desktop.exchange import export
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

DC_SCHEMAS = SCHEMAS / "dc"
CONTAINER = DC_SCHEMAS / "oai_dc-container.xsd"
SIMPLE_DC = DC_SCHEMAS / "simpledc20021212.xsd"
# The addresses the schemas import, and the local file that stands for each.
PUBLISHED = {
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": SIMPLE_DC,
    "http://www.w3.org/2001/03/xml.xsd": DC_SCHEMAS / "xml-namespace.xsd",
}
DC = "http://purl.org/dc/elements/1.1/"


def _oai_dc_schema() -> etree.XMLSchema:
    return load_schema(CONTAINER, PUBLISHED)


def _export_dc(catalogue: Catalogue, out: Path) -> list[Path]:
    export(catalogue, format="dc", selection=None, output=out)
    files = sorted(out.glob("*.xml"))
    assert files, "the Dublin Core export wrote no file"
    return files


def _read(file: Path) -> etree._Element:
    return read_xml(file.read_bytes())


def test_the_dc_schema_is_the_file_the_readme_names() -> None:
    """The shipped copy has the SHA-256 recorded in the README (so nobody edits it
    unnoticed) and declares the fifteen Simple DC elements of the DC namespace."""
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"`simpledc20021212\.xsd`[^\n]*?\b([0-9a-f]{64})\b", readme)
    assert recorded, "tests/data/schemas/README.md records no SHA-256 for simpledc20021212.xsd"
    assert hashlib.sha256(SIMPLE_DC.read_bytes()).hexdigest() == recorded.group(1)
    xs = "{http://www.w3.org/2001/XMLSchema}"
    root = etree.parse(str(SIMPLE_DC), etree.XMLParser(no_network=True)).getroot()
    assert root.get("targetNamespace") == DC
    declared = [e.get("name") for e in root.iterfind(f"{xs}element")]
    assert len(declared) == 15 and "title" in declared and "rights" in declared


@pytest.mark.parametrize("which", ["sample_catalogue", "rich"])
def test_dublin_core_export_validates_against_the_simple_dc_schema(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Every record of the samples, and of the rich catalogue whose hostile document
    carries quotes, markup and control characters, is valid Simple DC in oai_dc."""
    catalogue: Catalogue = request.getfixturevalue(which)
    schema = _oai_dc_schema()
    for file in _export_dc(catalogue, tmp_path / "dc"):
        document = _read(file)
        assert len(document) > 0, file.name
        assert schema_errors(schema, document) == [], file.name


def _first_record(catalogue: Catalogue, tmp_path: Path) -> etree._Element:
    document = _read(_export_dc(catalogue, tmp_path / "dc")[0])
    assert schema_errors(_oai_dc_schema(), document) == []  # valid before it is spoilt
    return document


def test_an_unknown_element_in_the_dc_namespace_fails(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    document = _first_record(sample_catalogue, tmp_path)
    etree.SubElement(document, f"{{{DC}}}abstract").text = "not one of the fifteen"
    errors = schema_errors(_oai_dc_schema(), document)
    assert any("abstract" in e and "not expected" in e for e in errors), errors


def test_markup_inside_a_dc_value_fails(sample_catalogue: Catalogue, tmp_path: Path) -> None:
    document = _first_record(sample_catalogue, tmp_path)
    title = document.find(f"{{{DC}}}title")
    assert title is not None
    etree.SubElement(title, f"{{{DC}}}title").text = "nested"
    errors = schema_errors(_oai_dc_schema(), document)
    assert any("title" in e and "Element content is not allowed" in e for e in errors), errors


def test_an_attribute_other_than_xml_lang_fails(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    document = _first_record(sample_catalogue, tmp_path)
    title = document.find(f"{{{DC}}}title")
    assert title is not None
    title.set(f"{{{DC}}}role", "main")
    errors = schema_errors(_oai_dc_schema(), document)
    assert any("role" in e and "not allowed" in e for e in errors), errors
    del title.attrib[f"{{{DC}}}role"]
    title.set("{http://www.w3.org/XML/1998/namespace}lang", "az-Latn")
    assert schema_errors(_oai_dc_schema(), document) == []  # xml:lang is the one allowed


def test_loading_the_schemas_goes_through_the_resolver_only() -> None:
    """The imports of the container and of DCMI's schema are answered from the shipped
    files, and the parser that loads them may not use the network."""
    parser, resolver = offline_parser(PUBLISHED)
    load_from(CONTAINER.read_bytes(), CONTAINER, parser)
    assert sorted(resolver.asked) == sorted(PUBLISHED)
    assert resolver.refused == []


def test_an_import_that_is_not_shipped_fails_instead_of_being_fetched(tmp_path: Path) -> None:
    elsewhere = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    text = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">'
        f'<xs:import namespace="urn:other" schemaLocation="{elsewhere}"/></xs:schema>'
    ).encode()
    parser, resolver = offline_parser(PUBLISHED)
    with pytest.raises(etree.XMLSchemaParseError, match=re.escape(elsewhere)):
        load_from(text, tmp_path / "t.xsd", parser)
    assert resolver.refused == [elsewhere]
