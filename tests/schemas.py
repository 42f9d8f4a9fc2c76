"""Loading the shipped XML schemas with lxml, offline, for the export tests.

The publishers' schemas import other schemas by their published addresses
(``http://www.loc.gov/standards/xlink/xlink.xsd``, DCMI's file …). The suite never
fetches them: the schema is parsed by a parser that may not use the network, and an
lxml resolver answers each published address it is told about with the copy shipped
under ``tests/data/schemas`` and refuses any other, so loading fails instead of
reaching out. The resolver records what was asked, so a test can show it was used.
Shared by the Dublin Core, EAD and REFI-QDA schema tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"


class ShippedSchemas(etree.Resolver):  # type: ignore[misc]
    """Answers the published schema addresses in *published* with the shipped files
    and refuses everything else, recording what was asked and what was refused."""

    def __init__(self, published: Mapping[str, Path]) -> None:
        super().__init__()
        self.published = dict(published)
        self.asked: list[str] = []
        self.refused: list[str] = []

    def resolve(self, url: str, pubid: str | None, context: object) -> object:
        self.asked.append(url)
        local = self.published.get(url)
        if local is None:
            self.refused.append(url)
            raise OSError(f"schema import {url!r} is not shipped in {SCHEMAS}")
        return self.resolve_filename(str(local), context)


def offline_parser(published: Mapping[str, Path]) -> tuple[etree.XMLParser, ShippedSchemas]:
    """A parser that may not use the network nor expand entities, whose imports go
    through a resolver that knows only *published*."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    resolver = ShippedSchemas(published)
    parser.resolvers.add(resolver)
    return parser, resolver


def load_from(schema_text: bytes, base: Path, parser: etree.XMLParser) -> etree.XMLSchema:
    """The schema parsed from bytes (so the resolver sees only its imports) with the
    offline parser, which lxml keeps using for the imports."""
    return etree.XMLSchema(etree.fromstring(schema_text, parser, base_url=base.as_uri()))


def load_schema(schema: Path, published: Mapping[str, Path]) -> etree.XMLSchema:
    """*schema* loaded offline, its imports answered from *published*."""
    parser, _ = offline_parser(published)
    return load_from(schema.read_bytes(), schema, parser)


def read_xml(data: bytes) -> etree._Element:
    """An exported document parsed the safe way (no network, no entities)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.fromstring(data, parser)


def schema_errors(schema: etree.XMLSchema, document: etree._Element) -> list[str]:
    """Every complaint of *schema* about *document*, with its line; [] when valid."""
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
