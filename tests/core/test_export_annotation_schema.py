"""The Web Annotation export checked by the W3C's own test suite and context, offline.

Every ``MUST`` assertion of the Web Annotation Working Group's test suite
(``annotationMusts.test``, ``collectionMusts.test``, ``pageMusts.test``; JSON Schema
draft 4, shipped unchanged in ``tests/data/schemas/web-annotation``, README there) is
run with jsonschema over the exported collection and over every annotation in it. The
schemas refer to each other by their ``id`` ("annotations.json#/definitions/…"); a
``referencing`` registry built from the shipped files answers those and nothing else,
so a reference the suite does not ship fails instead of reaching the network. The
formats the schemas use (``uri``, ``date-time``) are checked by jsonschema's own
format checker, which needs rfc3986-validator and rfc3339-validator (test extras).

The annotations sit in the collection's page without an ``@context`` of their own, as
in the model's page example: in JSON-LD they are in the scope of the collection's
context, so a consumer that takes one out gives it that context, and so does the test.

The JSON-LD check expands every annotation with pyld against the W3C's
``anno.jsonld`` (``tests/data/schemas/jsonld``), served by a document loader that
knows only that address: every property must survive expansion as a full IRI (a term
the contexts do not define would be dropped silently), and every type, motivation and
purpose must become an absolute IRI.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pyld import jsonld
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT4

from db.catalogue import Catalogue
from desktop.exchange import export
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)
from tests.schemas import SCHEMAS

SUITE = SCHEMAS / "web-annotation"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNO_CONTEXT_FILE = SCHEMAS / "jsonld" / "anno.jsonld"
ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
Assertion = dict[str, Any]


def _registry() -> Registry:
    """Every shipped schema of the suite under the ``id`` the others refer to it by."""
    resources: dict[str, Resource] = {}
    for path in sorted(SUITE.rglob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        assert contents["id"] not in resources, f"two shipped schemas claim id {contents['id']}"
        resources[contents["id"]] = Resource.from_contents(contents, default_specification=DRAFT4)
    return Registry().with_resources(resources.items())


REGISTRY = _registry()


def _musts(test_file: str) -> list[Assertion]:
    """The assertions a W3C ``.test`` file lists, every one of them a MUST."""
    listed = json.loads((SUITE / test_file).read_text(encoding="utf-8"))["assertions"]
    assertions = [json.loads((SUITE / name).read_text(encoding="utf-8")) for name in listed]
    assert assertions and all(a["assertionType"] == "must" for a in assertions)
    return assertions


ANNOTATION_MUSTS = _musts("annotations/annotationMusts.test")
COLLECTION_MUSTS = _musts("collections/collectionMusts.test")
PAGE_MUSTS = _musts("collections/pages/pageMusts.test")


def _failures(assertions: list[Assertion], instance: Any) -> list[str]:
    """The suite's error message of every assertion *instance* does not meet."""
    failed = []
    for assertion in assertions:
        validator = jsonschema.Draft4Validator(
            assertion,
            registry=REGISTRY,
            format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
        )
        expected = assertion["expectedResult"] == "valid"
        if validator.is_valid(instance) != expected:
            failed.append(f"{assertion['id']}: {assertion['errorMessage']}")
    return failed


def _exported(catalogue: Catalogue, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "tags.jsonld"
    export(catalogue, format="annotations", selection=None, output=out)
    collection: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return collection


def _standalone(collection: dict[str, Any]) -> list[dict[str, Any]]:
    """Every annotation of the collection as a document of its own, in the collection's
    context (which it is in the scope of)."""
    items = collection["first"]["items"]
    return [{"@context": collection["@context"], **item} for item in items]


def _sample(collection: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of one exported annotation, to spoil in a negative test."""
    return copy.deepcopy(_standalone(collection)[0])


def test_format_checks_are_active() -> None:
    """Without the format packages, ``uri`` and ``date-time`` would pass anything."""
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    assert not checker.conforms("2024-05-01 10:00", "date-time")
    assert not checker.conforms("not a uri", "uri")
    assert checker.conforms("urn:uuid:0b0c8f9e-0000-4000-8000-000000000000", "uri")


def test_the_registry_answers_only_the_shipped_schemas() -> None:
    with pytest.raises(Unresolvable):
        REGISTRY.resolver().lookup("http://www.w3.org/ns/anno-schema.json")
    resolved = REGISTRY.resolver(base_uri="3.1-targetKeyFound.json").lookup(
        "specificResource.json#/definitions/textPositionSelectorDetected"
    )
    assert resolved.contents["title"] == "Definition: text position selector"


def test_collection_and_every_annotation_meet_every_must(rich: Catalogue, tmp_path: Path) -> None:
    collection = _exported(rich, tmp_path)
    assert _failures(COLLECTION_MUSTS, collection) == []
    assert _failures(PAGE_MUSTS, collection) == []
    annotations = _standalone(collection)
    kinds = {item["catena:kind"] for item in annotations}
    assert kinds == {"date", "figure", "mention"}, "the fixture must exercise every kind of tag"
    failures = {item["id"]: _failures(ANNOTATION_MUSTS, item) for item in annotations}
    assert {key: value for key, value in failures.items() if value} == {}


def test_an_annotation_without_target_fails(rich: Catalogue, tmp_path: Path) -> None:
    annotation = _sample(_exported(rich, tmp_path))
    del annotation["target"]
    failed = _failures(ANNOTATION_MUSTS, annotation)
    assert [f for f in failed if f.startswith("3.1-targetKeyFound.json")], failed


def test_a_position_selector_with_a_string_start_fails(rich: Catalogue, tmp_path: Path) -> None:
    annotation = _sample(_exported(rich, tmp_path))
    position = annotation["target"]["selector"][1]
    assert position["type"] == "TextPositionSelector"
    position["start"] = str(position["start"])
    failed = _failures(ANNOTATION_MUSTS, annotation)
    assert [f for f in failed if f.startswith("4.2-textDataPositionSelectorValid.json")], failed


def test_a_quote_selector_without_exact_fails(rich: Catalogue, tmp_path: Path) -> None:
    annotation = _sample(_exported(rich, tmp_path))
    del annotation["target"]["selector"][0]["exact"]
    failed = _failures(ANNOTATION_MUSTS, annotation)
    assert [f for f in failed if "textQuoteSelectorValid" in f], failed


def test_an_annotation_without_context_or_with_a_local_time_fails(
    rich: Catalogue, tmp_path: Path
) -> None:
    collection = _exported(rich, tmp_path)
    bare = dict(collection["first"]["items"][0])
    assert [f for f in _failures(ANNOTATION_MUSTS, bare) if "annotationContext" in f]
    local = _sample(collection)
    local["created"] = "2024-05-01 10:00:00"
    assert [f for f in _failures(ANNOTATION_MUSTS, local) if "annotationCreated" in f]


# --- JSON-LD: every term defined by the W3C context (or Catena's prefix) ---------------


def _shipped_context_only(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader: the W3C context from the shipped copy, nothing else."""
    if url != ANNO_CONTEXT:
        raise OSError(f"{url} is not shipped; the test may not fetch it")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(ANNO_CONTEXT_FILE.read_text(encoding="utf-8")),
    }


# No base IRI: pyld would otherwise resolve a relative name against its placeholder
# http://example.org/base/ and so hide it.
EXPAND_OPTIONS: dict[str, Any] = {"documentLoader": _shipped_context_only, "base": None}


def _compact_keys(node: Any) -> int:
    """Keys of *node* and the objects in it, bar ``@context`` and bare ``{"id": …}``
    references (which expansion keeps as references too)."""
    if isinstance(node, list):
        return sum(_compact_keys(value) for value in node)
    if not isinstance(node, dict) or set(node) == {"id"}:
        return 0
    keys = [key for key in node if key != "@context"]
    return len(keys) + sum(_compact_keys(node[key]) for key in keys)


def _expanded_keys(node: Any, iris: list[str]) -> int:
    """The same count over pyld's expanded form, collecting every property, type and
    reference IRI into *iris*; value objects carry no properties."""
    if isinstance(node, list):
        return sum(_expanded_keys(value, iris) for value in node)
    if not isinstance(node, dict) or "@value" in node:
        return 0
    if "@list" in node:
        return _expanded_keys(node["@list"], iris)
    if "@id" in node:
        iris.append(node["@id"])
    if set(node) == {"@id"}:
        return 0
    iris.extend(node.get("@type", []))
    iris.extend(key for key in node if not key.startswith("@"))
    return len(node) + sum(_expanded_keys(value, iris) for value in node.values())


def test_every_term_expands_to_a_full_iri(rich: Catalogue, tmp_path: Path) -> None:
    annotations = _standalone(_exported(rich, tmp_path))
    options = EXPAND_OPTIONS
    for annotation in annotations:
        iris: list[str] = []
        expanded = jsonld.expand(annotation, options)
        assert _expanded_keys(expanded, iris) == _compact_keys(annotation), annotation["id"]
        assert [iri for iri in iris if not ABSOLUTE_IRI.match(iri)] == [], annotation["id"]
        assert "http://www.w3.org/ns/oa#Annotation" in expanded[0]["@type"]


def test_an_undefined_term_is_caught(rich: Catalogue, tmp_path: Path) -> None:
    """The check above would see a property the contexts do not define (dropped by
    expansion) and a type that stays a relative name."""
    options = EXPAND_OPTIONS
    annotation = _standalone(_exported(rich, tmp_path))[0]
    annotation["kind"] = "date"
    expanded = jsonld.expand(annotation, options)
    assert _expanded_keys(expanded, []) == _compact_keys(annotation) - 1
    annotation = _standalone(_exported(rich, tmp_path))[0]
    annotation["body"][1]["type"] = "Date"
    iris: list[str] = []
    _expanded_keys(jsonld.expand(annotation, options), iris)
    assert [iri for iri in iris if not ABSOLUTE_IRI.match(iri)] == ["Date"]


def test_the_loader_refuses_other_contexts() -> None:
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(
            {"@context": "https://www.w3.org/ns/activitystreams", "name": "x"},
            EXPAND_OPTIONS,
        )
