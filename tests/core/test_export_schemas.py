"""CSL-JSON exports validated by the CSL project's own JSON schemas (tests/data/schemas/csl,
README there: source, release, licence) with the jsonschema package.

The current schema (CSL 1.0.2) must accept every item. The previous one (CSL 1.0.1, a
draft-3 schema that allows no property it does not define) rejects exactly two things
Catena writes on purpose, documented in docs/exchange.md: the ``custom`` object (new in
1.0.2; it carries the identifiers a re-import matches on) and the type ``document``
(new in 1.0.2). Every other field and value must pass 1.0.1 too, so a change that
breaks the older consumers in any other way fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from db.catalogue import Catalogue
from db.documents import update_metadata
from desktop.exchange import ExportOptions, export
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas" / "csl"
CURRENT = SCHEMAS / "csl-data-1.0.2.json"
PREVIOUS = SCHEMAS / "csl-data-1.0.1.json"


def _schema(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _items(catalogue: Catalogue, tmp_path: Path, *, archive_fields: bool) -> list[Any]:
    """Every document of the catalogue as CSL-JSON, with one open letter and one
    month-precision date among them so genre and partial dates are covered."""
    with catalogue.writing() as session:
        update_metadata(
            session,
            ref="CAT-000003",
            changes={"doc_type": "open letter", "publisher": None},
            actor="tester",
        )
        update_metadata(session, ref="CAT-000007", changes={"published": "1987-05"}, actor="tester")
    out = tmp_path / f"refs-{archive_fields}.json"
    options = ExportOptions(archive_fields=archive_fields)
    export(catalogue, format="csl-json", selection=None, output=out, options=options)
    items: list[Any] = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) >= 6
    return items


def _errors(validator: jsonschema.protocols.Validator, items: list[Any]) -> list[str]:
    return [f"item {list(e.path)}: {e.message}" for e in validator.iter_errors(items)]


def test_the_schemas_are_the_csl_releases() -> None:
    """The shipped files are the ones the README names (draft 7 for 1.0.2, draft 3 for
    1.0.1), and each is itself a valid schema of its draft."""
    current, previous = _schema(CURRENT), _schema(PREVIOUS)
    assert current["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "custom" in current["items"]["properties"]
    assert "custom" not in previous["items"]["properties"]
    jsonschema.Draft7Validator.check_schema(current)
    jsonschema.Draft3Validator.check_schema(previous)


@pytest.mark.parametrize("archive_fields", [False, True])
def test_csl_json_validates_against_csl_1_0_2(
    rich: Catalogue, tmp_path: Path, archive_fields: bool
) -> None:
    items = _items(rich, tmp_path, archive_fields=archive_fields)
    validator = jsonschema.Draft7Validator(_schema(CURRENT))
    assert _errors(validator, items) == []


@pytest.mark.parametrize("archive_fields", [False, True])
def test_csl_json_differs_from_csl_1_0_1_only_where_documented(
    rich: Catalogue, tmp_path: Path, archive_fields: bool
) -> None:
    items = _items(rich, tmp_path, archive_fields=archive_fields)
    validator = jsonschema.Draft3Validator(_schema(PREVIOUS))
    documented = []
    for item in items:
        assert "custom" in item, item["id"]  # re-import matches on it (docs/exchange.md)
        trimmed = {k: v for k, v in item.items() if k != "custom"}
        if trimmed["type"] == "document":
            documented.append(item["id"])
            trimmed["type"] = "manuscript"  # only to check the item's other fields
        assert _errors(validator, [trimmed]) == [], item["id"]
    # The untouched export fails 1.0.1 for those two reasons and no other.
    reasons = {e.message.split(" is not one of")[0] for e in validator.iter_errors(items)}
    expected = {"Additional properties are not allowed ('custom' was unexpected)"}
    assert reasons == expected | ({"'document'"} if documented else set())
