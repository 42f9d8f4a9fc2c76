"""What an archive must pass before ``import_archive`` writes anything.

An archive's checksums only prove that its files agree with its manifest, and the
manifest can be rewritten by anyone who edits the files. So the import also checks
what the catalogue itself would later check, and refuses an archive that would give a
catalogue failing ``catena verify`` or ``catena log --verify``, or one whose next
import would fail:

- the manifest (``desktop.exchange.archive_manifest``): format, a whole-number
  version this Catena reads, only the file names Catena writes;
- every row: only known fields, each of the column's type (text, whole number within
  SQLite's range, true/false, finite number), required fields present, no control
  characters in names and one-line values, no text that is not Unicode; the document
  metadata fields by the rules of ``desktop.exchange.validate``;
- across rows: no two rows with the same key (reference, UUID, name), every reference
  pointing at a record of the archive, no collection or figure that is its own
  ancestor, every tag inside its document's text;
- the audit trail: every event's hash recomputed as ``db.audit.verify_chain`` does;
- the objects: every stored object the records use is in the archive, and nothing
  else is. An archive made from a catalogue that had already lost an object is refused
  unless the person accepts that (``allow_missing``), since the copy would fail
  ``catena verify`` from its first day;
- reference counters: a positive whole number no larger than ``MAX_COUNTER``; a counter
  behind the highest reference of its kind is raised (with a warning), so new records
  never collide with archived ones.

Problems are ``ExchangeError`` in one line: the archive, the records file, the row
(with its reference when it has one) and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, PrimaryKeyConstraint, String, Table
from sqlalchemy import UniqueConstraint as Unique

from db.audit import (
    GENESIS,
    event_digest,  # the very hash verify_chain recomputes
)
from db.documents import EDITABLE_FIELDS
from db.models import EVENT_LINK_STATUSES, SUGGESTION_STATUSES, TAG_ORIGINS
from db.refs import AGENT_PREFIX, DOCUMENT_PREFIX, EVENT_RECORD_PREFIX, IMAGE_PREFIX
from db.sanitize import has_control
from desktop.exchange.archive_manifest import Manifest, count
from desktop.exchange.archive_schema import (
    ARCHIVED_TABLES,
    NATURAL_KEYS,
    field_name,
    is_internal_id,
    records_name,
    references,
    table,
)
from desktop.exchange.common import ExchangeError
from desktop.exchange.validate import (
    MAX_LINE,
    NOTHING_DONE,
    BadValue,
    check_field,
    json_problem,
    shown,
    text,
)
from desktop.exchange.validate import kind as kind_of

MAX_COUNTER = 10**9  # a billion records of one kind is not a desktop catalogue
REF_PREFIXES = {
    "documents": DOCUMENT_PREFIX,
    "agents": AGENT_PREFIX,
    "images": IMAGE_PREFIX,
    "event_records": EVENT_RECORD_PREFIX,
}
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
SPAN_TABLES = ("mentions", "date_tags", "figures")
TREE_COLUMNS = {
    ("collections", "parent_id"),
    ("figures", "part_of_id"),
    ("event_records", "parent_id"),
}
# Names and labels a person reads as one line; other long text (document bodies, tag
# quotes, file names as the file system gave them) is stored as it was archived.
ONE_LINE_TEXT = {
    ("agents", "preferred_name"),
    ("name_variants", "name"),
    ("event_records", "preferred_name"),
    ("event_record_names", "name"),
    ("collections", "name"),
    ("images", "caption"),
    ("images", "credit"),
    ("images", "rights"),
}
JSON_SHAPES: dict[tuple[str, str], tuple[type, type | None]] = {
    ("documents", "guessed"): (list, str),
    ("documents", "flags"): (list, str),
    ("documents", "page_starts"): (list, int),
    ("documents", "set_aside"): (list, dict),
    ("documents", "file_guesses"): (list, dict),
    ("mentions", "variants"): (list, str),
    ("images", "exif"): (dict, None),
    ("dossiers", "definition"): (dict, None),
    ("events", "detail"): (dict, None),
}


class _Rows:
    """Messages for one records file: "records/documents.json, row 3 (CAT-000003)"."""

    def __init__(self, archive: str, name: str, rows: list[dict[str, Any]]) -> None:
        self.archive, self.name, self.rows = archive, name, rows

    def fail(self, number: int, field_name: str | None, problem: object) -> ExchangeError:
        row = self.rows[number - 1] if 0 < number <= len(self.rows) else {}
        ref = row.get("ref") if isinstance(row, dict) else None
        label = f" ({ref})" if isinstance(ref, str) and len(ref) <= 20 else ""
        where = f", field {field_name}" if field_name else ""
        return ExchangeError(
            f"{self.archive}: {records_name(self.name)}, row {number}{label}{where}: "
            f"{problem}; {NOTHING_DONE}"
        )


@dataclass(frozen=True)
class _Column:
    """How one field of an archived row is checked (worked out once per table)."""

    column: str
    kind: str  # "reference", "json", "flag", "count", "number", "line" or "text"
    nullable: bool
    required: bool  # not nullable and no default: the row must have it
    shape: tuple[type, type | None] = (object, None)
    metadata: bool = False  # a document field checked by desktop.exchange.validate


_SURROGATE = re.compile("[\ud800-\udfff]")


@cache
def _columns(name: str) -> dict[str, _Column]:
    """Field name in an archived row → how to check it, for table *name*."""
    of = table(name)
    refs = references(of)
    found = {}
    for col in of.columns:
        if is_internal_id(of, col.name):
            continue
        if col.name in refs:
            kind = "reference"
        elif isinstance(col.type, JSON):
            kind = "json"
        elif isinstance(col.type, Boolean):
            kind = "flag"
        elif isinstance(col.type, Integer):
            kind = "count"
        elif isinstance(col.type, Float):
            kind = "number"
        elif isinstance(col.type, String) and (
            col.type.length or (name, col.name) in ONE_LINE_TEXT
        ):
            kind = "line"
        else:
            kind = "text"
        found[field_name(col.name) if col.name in refs else col.name] = _Column(
            column=col.name,
            kind=kind,
            nullable=bool(col.nullable),
            required=not col.nullable and col.default is None and col.server_default is None,
            shape=JSON_SHAPES.get((name, col.name), (object, None)),
            metadata=name == "documents" and col.name in EDITABLE_FIELDS,
        )
    return found


def _value_problem(spec: _Column, value: Any) -> str | None:
    """Why *value* cannot go into the column *spec* describes, or None."""
    if value is None:
        return None if spec.nullable else "must have a value (it is null)"
    kind = spec.kind
    if kind == "text" and type(value) is str:  # the bulk of an archive: the fast path
        return (
            "holds a lone surrogate (text that is not valid Unicode)"
            if _SURROGATE.search(value)
            else None
        )
    if kind == "reference":
        if not isinstance(value, str) or len(value) > 200:
            return f"must be the key of a record, not {kind_of(value)} ({shown(value)})"
        return None
    if kind == "json":
        problem = json_problem(value)
        outer, inner = spec.shape
        if problem is None and not isinstance(value, outer):
            problem = f"must be {kind_of(outer())}, not {kind_of(value)}"
        if problem is None and inner is not None:
            wrong = [v for v in value if not isinstance(v, inner) or isinstance(v, bool)]
            if wrong:
                problem = f"holds {shown(wrong[0])} where {kind_of(inner())} belongs"
            elif inner is str and any(has_control(v) for v in value):
                problem = "holds a control character"
        return problem
    if kind == "flag":
        return None if isinstance(value, bool) else f"must be true or false, not {shown(value)}"
    if kind == "count":
        try:
            count(value)
        except BadValue as exc:
            return str(exc)
        return None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"must be a number, not {kind_of(value)} ({shown(value)})"
        return json_problem(value)
    if not isinstance(value, str):
        return f"must be text, not {kind_of(value)} ({shown(value)})"
    try:
        text(value, limit=MAX_LINE)  # "line": one-line values, names
    except BadValue as exc:
        return str(exc)
    return None


def _check_row(rows: _Rows, number: int, row: Any, name: str) -> None:
    if not isinstance(row, dict):
        raise rows.fail(number, None, f"must be an object, not {kind_of(row)}")
    columns = _columns(name)
    unknown = sorted(set(row) - set(columns))
    if unknown:
        raise rows.fail(
            number,
            None,
            f"has fields this Catena does not know ({', '.join(shown(u) for u in unknown[:5])}); "
            "it was made by a newer version or edited",
        )
    for field_key, spec in columns.items():
        if field_key not in row:
            if spec.required:
                raise rows.fail(number, field_key, "is missing, and it has no default")
            continue
        value = row[field_key]
        if spec.metadata:
            try:
                check_field(field_key, value if value != "" else None, archived=True)
            except BadValue as exc:
                raise rows.fail(number, field_key, exc) from None
        problem = _value_problem(spec, value)
        if problem:
            raise rows.fail(number, field_key, problem)
    if "uid" in columns and "uid" in row and not UUID.fullmatch(str(row["uid"])):
        raise rows.fail(number, "uid", f"{shown(row['uid'])} is not a UUID")
    if name in SPAN_TABLES:
        for key, allowed in (
            ("status", SUGGESTION_STATUSES),
            ("origin", TAG_ORIGINS),
            ("event_link_status", EVENT_LINK_STATUSES),
        ):
            # An event link's status is null when there is no link.
            if (
                key in row
                and row[key] not in allowed
                and (key, row[key])
                != (
                    "event_link_status",
                    None,
                )
            ):
                raise rows.fail(
                    number, key, f"{shown(row[key])} is not one of {', '.join(allowed)}"
                )


def _unique_sets(of: Table) -> list[tuple[str, ...]]:
    refs = references(of)
    sets: list[tuple[str, ...]] = []
    constraints: Iterable[Iterable[Any]] = [
        c.columns for c in of.constraints if isinstance(c, PrimaryKeyConstraint | Unique)
    ]
    for columns in [*constraints, *([c] for c in of.columns if c.unique)]:
        names = [c.name for c in columns]
        if any(is_internal_id(of, n) for n in names):
            continue
        key = tuple(field_name(n) if n in refs else n for n in names)
        if key not in sets:
            sets.append(key)
    return sets


def check_records(archive: str, records: dict[str, list[Any]]) -> dict[str, dict[Any, int]]:
    """Check every row of every table and their references to one another; return
    each table's keys (natural key → row number) for the later checks."""
    keys: dict[str, dict[Any, int]] = {}
    for name in ARCHIVED_TABLES:
        rows = records.get(name, [])
        of, messages = table(name), _Rows(archive, name, rows)
        for number, row in enumerate(rows, start=1):
            _check_row(messages, number, row, name)
        for key_fields in _unique_sets(of):
            seen: dict[tuple[Any, ...], int] = {}
            for number, row in enumerate(rows, start=1):
                key = tuple(row.get(f) for f in key_fields)
                if any(v is None for v in key):
                    continue
                hashable = tuple(repr(v) for v in key)
                if hashable in seen:
                    shown_key = ", ".join(
                        f"{f} {shown(v)}" for f, v in zip(key_fields, key, strict=True)
                    )
                    raise messages.fail(
                        number, None, f"has the same {shown_key} as row {seen[hashable]}"
                    )
                seen[hashable] = number
        if name in NATURAL_KEYS:
            keys[name] = {row.get(NATURAL_KEYS[name]): n for n, row in enumerate(rows, start=1)}
    for name in ARCHIVED_TABLES:
        _check_references(archive, name, records.get(name, []), records, keys)
    _check_spans(archive, records)
    return keys


def _check_references(
    archive: str,
    name: str,
    rows: list[dict[str, Any]],
    records: dict[str, list[Any]],
    keys: dict[str, dict[Any, int]],
) -> None:
    of, messages = table(name), _Rows(archive, name, rows)
    targets: dict[str, tuple[str, set[Any] | dict[Any, int]]] = {}
    for column, target in references(of).items():
        targets[field_name(column)] = (target, keys.get(target, {}))
    for col in of.columns:
        for fk in col.foreign_keys:
            if fk.column.name != "id":
                target = fk.column.table.name
                values = {r.get(fk.column.name) for r in records.get(target, [])}
                targets[col.name] = (target, values)
    for number, row in enumerate(rows, start=1):
        for key, (target, known) in targets.items():
            value = row.get(key)
            if value is not None and value not in known:
                raise messages.fail(
                    number,
                    key,
                    f"points at {target} record {shown(value)}, which the archive lacks",
                )
    for column in references(of):
        if (name, column) not in TREE_COLUMNS:
            continue
        parent = {row.get(NATURAL_KEYS[name]): row.get(field_name(column)) for row in rows}
        for number, row in enumerate(rows, start=1):
            seen, current = set(), row.get(NATURAL_KEYS[name])
            while current is not None:
                if current in seen:
                    raise messages.fail(
                        number, field_name(column), "makes the record its own ancestor"
                    )
                seen.add(current)
                current = parent.get(current)


def _check_spans(archive: str, records: dict[str, list[Any]]) -> None:
    lengths = {d.get("uid"): len(d.get("text") or "") for d in records.get("documents", [])}
    for name in SPAN_TABLES:
        rows = records.get(name, [])
        messages = _Rows(archive, name, rows)
        for number, row in enumerate(rows, start=1):
            start, end = row.get("start"), row.get("end")
            length = lengths.get(row.get("document"), 0)
            if isinstance(start, int) and isinstance(end, int) and not 0 <= start < end <= length:
                raise messages.fail(
                    number,
                    "start",
                    f"the span {start}–{end} is outside its document's text (length {length:,})",
                )


def check_audit_trail(archive: str, events: list[dict[str, Any]]) -> None:
    """Recompute every event's hash in order, as ``db.audit.verify_chain`` will."""
    messages = _Rows(archive, "events", events)
    previous = GENESIS
    for number, event in enumerate(events, start=1):
        expected = event_digest(
            previous,
            event.get("uid", ""),
            event.get("at", ""),
            event.get("actor", ""),
            event.get("action", ""),
            event.get("target"),
            event.get("outcome", "success"),
            event.get("detail", {}),
        )
        what = f"event {shown(event.get('action'))} of {shown(event.get('at'))}"
        if event.get("prev_hash") != previous:
            raise messages.fail(
                number,
                "prev_hash",
                f"{what} does not follow the event before it: the audit trail was cut or reordered",
            )
        if event.get("hash") != expected:
            raise messages.fail(
                number,
                "hash",
                f"{what} does not match its hash: the audit trail was altered after it was written",
            )
        previous = expected


def check_counters(archive: str, records: dict[str, list[Any]]) -> list[str]:
    """Refuse absurd counters; raise (in *records*) any behind its highest reference.
    Returns the warnings to show."""
    counters = records.setdefault("ref_counters", [])
    messages = _Rows(archive, "ref_counters", counters)
    by_prefix = {}
    for number, row in enumerate(counters, start=1):
        value = row.get("next_value", 1)
        if not 1 <= value <= MAX_COUNTER:
            raise messages.fail(
                number, "next_value", f"{shown(value)} is out of range (1 to {MAX_COUNTER:,})"
            )
        by_prefix[row["prefix"]] = row
    warnings = []
    for name, prefix in REF_PREFIXES.items():
        rows = records.get(name, [])
        pattern = re.compile(rf"{prefix}-(\d{{6,9}})")
        highest = 0
        for number, row in enumerate(rows, start=1):
            match = pattern.fullmatch(str(row.get("ref")))
            if match is None:
                raise _Rows(archive, name, rows).fail(
                    number,
                    "ref",
                    f"{shown(row.get('ref'))} is not a reference like {prefix}-000001",
                )
            highest = max(highest, int(match[1]))
        if not highest:
            continue
        counter = by_prefix.get(prefix)
        if counter is None:
            counter = {"prefix": prefix, "next_value": 1}
            counters.append(counter)
        if counter.get("next_value", 1) <= highest:
            warnings.append(
                f"the archive's counter for {prefix} references was {counter.get('next_value', 1)}"
                f" although {prefix}-{highest:06d} exists; it is set to {highest + 1}"
            )
            counter["next_value"] = highest + 1
    return warnings


def check_objects(
    archive: str, manifest: Manifest, records: dict[str, list[Any]], *, allow_missing: bool
) -> list[str]:
    """Every object a record uses is in the archive (or accepted as missing), and the
    archive holds no object no record uses. Returns the warnings to show."""
    blobs = {row["sha256"]: row for row in records.get("blobs", [])}
    listed = {item.sha256: item for item in manifest.objects}
    users: dict[str, list[str]] = {}
    for name, fields in (
        ("documents", ("original_sha256",)),
        ("images", ("sha256", "thumbnail_sha256")),
    ):
        for row in records.get(name, []):
            for field_name_ in fields:
                if row.get(field_name_):
                    users.setdefault(row[field_name_], []).append(str(row.get("ref")))
    warnings = []
    for sha, blob in blobs.items():
        used_by = ", ".join(users.get(sha, [])[:3]) or "no record"
        if sha in listed:
            if listed[sha].size != blob.get("size"):
                raise ExchangeError(
                    f"{archive}: object {sha} is {listed[sha].size:,} bytes in the manifest but "
                    f"{shown(blob.get('size'))} in {records_name('blobs')}; {NOTHING_DONE}"
                )
            continue
        if sha in manifest.missing and allow_missing:
            warnings.append(
                f"object {sha} (used by {used_by}) was already missing when the "
                "archive was made; `catena verify` will report it"
            )
            continue
        hint = (
            " (it was already missing when the archive was made; import with "
            "--allow-missing-objects to accept that)"
            if sha in manifest.missing
            else ""
        )
        raise ExchangeError(
            f"{archive} lacks object {sha}, used by {used_by}{hint}; {NOTHING_DONE}"
        )
    for sha in listed:
        if sha not in blobs:
            raise ExchangeError(
                f"{archive}: object {sha} is in the manifest but no record of the archive "
                f"uses it; {NOTHING_DONE}"
            )
    return warnings
