"""The manifest of an archive, checked field by field before anything is read by it.

The manifest says which files to read: a records file per table and an object per
hash. Only the names Catena itself writes are accepted (``records/<table>.json``,
``objects/ab/cdef…``), so a manifest cannot send the import to ``../`` or an absolute
path, and every count and size is a whole number in range before it is compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.exchange.archive_schema import (
    ARCHIVED_TABLES,
    FORMAT,
    VERSION,
    object_name,
    records_name,
)
from desktop.exchange.common import ExchangeError
from desktop.exchange.validate import NOTHING_DONE, BadValue, kind, shown, text

HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class TableEntry:
    file: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class ObjectEntry:
    sha256: str
    size: int
    path: str


@dataclass
class Manifest:
    """The manifest's content once every field has been checked."""

    version: int
    schema: str | None
    catalogue: str | None
    created: str | None
    tables: dict[str, TableEntry] = field(default_factory=dict)
    objects: list[ObjectEntry] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def count(value: Any, *, limit: int = 2**63 - 1) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadValue(f"must be a whole number, not {kind(value)} ({shown(value)})")
    if not 0 <= value <= limit:
        raise BadValue(f"{shown(value)} is out of range (0 to {limit:,})")
    return value


def _sha(value: Any) -> str:
    if not isinstance(value, str) or not HEX64.fullmatch(value):
        raise BadValue(f"must be a SHA-256 (64 lower-case hex digits), not {shown(value)}")
    return value


def check_manifest(raw: Any, archive: str) -> Manifest:
    """The manifest's fields, or ``ExchangeError`` naming the first that is wrong."""

    def fail(where: str, problem: object) -> ExchangeError:
        return ExchangeError(f"{archive}: the manifest's {where} {problem}; {NOTHING_DONE}")

    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ExchangeError(
            f"{archive} is not a Catena archive (its manifest names another format)"
        )
    try:
        version = count(raw.get("version"))
    except BadValue as exc:
        raise fail("version", exc) from None
    if version < 1:
        raise fail("version", f"{version} is not a format version")
    if version > VERSION:
        raise ExchangeError(
            f"{archive} is format version {version}, made by a newer Catena; update Catena "
            "to import it"
        )
    optional = {}
    for name in ("schema", "catalogue", "created"):
        try:
            optional[name] = None if raw.get(name) is None else text(raw[name], limit=200)
        except BadValue as exc:
            raise fail(name, exc) from None
    manifest = Manifest(version, optional["schema"], optional["catalogue"], optional["created"])
    tables = raw.get("tables") or {}
    if not isinstance(tables, dict):
        raise fail("tables", f"must be an object (table → file), not {kind(tables)}")
    for name, entry in tables.items():
        if name not in ARCHIVED_TABLES:
            raise ExchangeError(
                f"{archive} holds a table this Catena does not know: {shown(name)}; {NOTHING_DONE}"
            )
        if not isinstance(entry, dict):
            raise fail(f"entry for {name}", f"must be an object, not {kind(entry)}")
        if entry.get("file") != records_name(name):
            raise fail(
                f"entry for {name}",
                f"names the file {shown(entry.get('file'))}, not {records_name(name)}",
            )
        try:
            rows, sha = count(entry.get("rows")), _sha(entry.get("sha256"))
        except BadValue as exc:
            raise fail(f"entry for {name}", exc) from None
        manifest.tables[name] = TableEntry(records_name(name), rows, sha)
    objects = raw.get("objects") or []
    if not isinstance(objects, list):
        raise fail("objects", f"must be a list, not {kind(objects)}")
    seen: set[str] = set()
    for number, item in enumerate(objects, start=1):
        try:
            if not isinstance(item, dict):
                raise BadValue(f"must be an object, not {kind(item)}")
            sha, size = _sha(item.get("sha256")), count(item.get("size"))
        except BadValue as exc:
            raise fail(f"object {number}", exc) from None
        if item.get("path") != object_name(sha):
            raise fail(
                f"object {number}",
                f"is stored as {shown(item.get('path'))}, not {object_name(sha)}",
            )
        if sha in seen:
            raise fail(f"object {number}", f"lists {sha} a second time")
        seen.add(sha)
        manifest.objects.append(ObjectEntry(sha, size, object_name(sha)))
    missing = raw.get("missing_objects") or []
    try:
        if not isinstance(missing, list):
            raise BadValue(f"must be a list, not {kind(missing)}")
        manifest.missing = [_sha(sha) for sha in missing]
    except BadValue as exc:
        raise fail("missing_objects", exc) from None
    return manifest
