"""The whole-catalogue archive: every record as JSON, every object by SHA-256.

Layout (a folder, or the same inside a ``.zip``)::

    catena-archive.json        manifest: format, version, schema, counts, checksums
    records/<table>.json       one file per catalogue table, rows in creation order
    objects/ab/cdef…           originals, images and thumbnails, named by SHA-256

Rows are the tables' own columns, except that internal integer ids are left out and
references between records are written as the referenced record's stable key: its
UUID (documents, people, tags, images, collections, dossiers, events), its name
(keywords) or its SHA-256 (stored objects). A reference column loses its ``_id``
suffix (``document_id`` → ``document``). The format follows the schema: a column
added by a later migration is archived without a change here, and
``ARCHIVED_TABLES`` must name every table (a test checks it), so a new table cannot
be left out silently.

Import goes into an empty catalogue only: every object is re-hashed and every records
file checked against the manifest before anything is written; then all rows are
inserted in one transaction, references resolved to the new ids, the search index
rebuilt, and one "import archive" event appended after the archived audit trail (whose
hash chain therefore still verifies).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Table, func, insert, select, update
from sqlalchemy.orm import Session

from db import audit, migrate
from db.base import Base
from db.catalogue import Catalogue
from db.models import RefCounter
from db.objects import sha256_bytes
from db.search import index as search_index
from desktop import __version__
from desktop.exchange.common import ExchangeError, ExportResult, Progress, output_file

FORMAT = "catena-archive"
VERSION = 1
MANIFEST = "catena-archive.json"

# Stable keys of tables that other rows point at (or that people identify by name).
NATURAL_KEYS = {
    "blobs": "sha256",
    "ref_counters": "prefix",
    "documents": "uid",
    "agents": "uid",
    "mentions": "uid",
    "date_tags": "uid",
    "figures": "uid",
    "images": "uid",
    "collections": "uid",
    "keywords": "name",
    "saved_searches": "name",
    "dossiers": "uid",
    "events": "uid",
}
ARCHIVED_TABLES = (
    "blobs",
    "ref_counters",
    "documents",
    "document_bands",
    "agents",
    "name_variants",
    "mentions",
    "date_tags",
    "figures",
    "images",
    "collections",
    "keywords",
    "saved_searches",
    "dossiers",
    "events",
    "document_collections",
    "document_keywords",
    "document_images",
)
# Tables whose rows a catalogue must not have for an import to be allowed. Reference
# counters may exist in a catalogue whose trash was emptied; they are merged (max).
CONTENT_TABLES = tuple(t for t in ARCHIVED_TABLES if t != "ref_counters")


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _ordered_tables() -> list[Table]:
    """Archived tables, referenced tables before the tables that refer to them."""
    return [t for t in Base.metadata.sorted_tables if t.name in ARCHIVED_TABLES]


def _references(table: Table) -> dict[str, str]:
    """Integer reference columns → the table they point at (only id-keyed targets)."""
    found = {}
    for column in table.columns:
        for fk in column.foreign_keys:
            target = fk.column.table.name
            if fk.column.name == "id":
                found[column.name] = target
    return found


def _field_name(column: str) -> str:
    return column.removesuffix("_id")


def _is_internal_id(table: Table, column: str) -> bool:
    return column == "id" and table.name in NATURAL_KEYS


def _key_maps(conn: Connection) -> dict[str, dict[int, str]]:
    maps: dict[str, dict[int, str]] = {}
    for name, key in NATURAL_KEYS.items():
        table = _table(name)
        if "id" in table.c:
            maps[name] = dict(conn.execute(select(table.c.id, table.c[key])).all())
    return maps


def _rows(conn: Connection, table: Table, maps: dict[str, dict[int, str]]) -> list[dict[str, Any]]:
    refs = _references(table)
    order = list(table.primary_key.columns)
    out = []
    for row in conn.execute(select(table).order_by(*order)).mappings():
        record: dict[str, Any] = {}
        for column in table.columns:
            name = column.name
            if _is_internal_id(table, name):
                continue
            value = row[name]
            if name in refs:
                value = None if value is None else maps[refs[name]][value]
                record[_field_name(name)] = value
            else:
                record[name] = value
        out.append(record)
    return out


def _dump(value: Any) -> bytes:
    # Keys keep the order they have in the database: JSON columns (dossier definitions,
    # event details) are stored as text, and sorting their keys would change that text.
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class _Writer(Protocol):
    def write(self, name: str, data: bytes) -> None: ...
    def copy(self, name: str, source: Path) -> None: ...


class _FolderWriter:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, data: bytes) -> None:
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def copy(self, name: str, source: Path) -> None:
        self.write(name, source.read_bytes())


class _ZipWriter:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def write(self, name: str, data: bytes) -> None:
        self.archive.writestr(name, data)

    def copy(self, name: str, source: Path) -> None:
        self.archive.write(source, name)


def object_name(sha256: str) -> str:
    return f"objects/{sha256[:2]}/{sha256[2:]}"


def export_archive(
    catalogue: Catalogue, output: Path, *, progress: Progress | None = None
) -> ExportResult:
    """Write the whole catalogue (trash included) to a folder, or a zip if *output*
    ends in ``.zip``."""
    result = ExportResult(format=FORMAT, output=output)
    if output.suffix.lower() == ".zip":
        with (
            output_file(output) as partial,
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            _export_into(catalogue, _ZipWriter(archive), result, progress)
    else:
        from desktop.exchange.common import output_folder

        with output_folder(output) as partial:
            _export_into(catalogue, _FolderWriter(partial), result, progress)
    return result


def _export_into(
    catalogue: Catalogue, writer: _Writer, result: ExportResult, progress: Progress | None
) -> None:
    with catalogue.reading() as session:
        conn = session.connection()
        maps = _key_maps(conn)
        tables: dict[str, Any] = {}
        for table in _ordered_tables():
            rows = _rows(conn, table, maps)
            data = _dump(rows)
            name = f"records/{table.name}.json"
            writer.write(name, data)
            tables[table.name] = {"file": name, "rows": len(rows), "sha256": sha256_bytes(data)}
            result.counts[table.name] = len(rows)
        blobs = conn.execute(select(_table("blobs").c.sha256, _table("blobs").c.size)).all()
    result.documents = result.counts.get("documents", 0)
    objects, missing = [], []
    for number, (sha, size) in enumerate(blobs):
        if progress is not None:
            progress(number, len(blobs), sha)
        source = catalogue.objects.path(sha)
        if not source.is_file():
            missing.append(sha)
            result.warnings.append(f"object {sha} is missing from the catalogue's store")
            continue
        writer.copy(object_name(sha), source)
        objects.append({"sha256": sha, "size": size, "path": object_name(sha)})
    if progress is not None:
        progress(len(blobs), len(blobs), "")
    result.counts["objects"] = len(objects)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Catena {__version__}",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "catalogue": catalogue.name,
        "schema": migrate.current_revision(catalogue.engine),
        "tables": tables,
        "objects": objects,
        "missing_objects": missing,
    }
    writer.write(MANIFEST, _dump(manifest))


# --- import ----------------------------------------------------------------------------


class _Reader(Protocol):
    def read(self, name: str) -> bytes: ...
    def names(self) -> Iterator[str]: ...


class _FolderReader:
    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, name: str) -> bytes:
        target = (self.root / name).resolve()
        if self.root.resolve() not in target.parents:
            raise ExchangeError(f"the archive names a file outside itself: {name}")
        try:
            return target.read_bytes()
        except FileNotFoundError as exc:
            raise ExchangeError(f"the archive is incomplete: {name} is missing") from exc

    def names(self) -> Iterator[str]:
        for path in sorted(self.root.rglob("*")):
            if path.is_file():
                yield path.relative_to(self.root).as_posix()


class _ZipReader:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.prefix = ""
        listed = archive.namelist()
        if MANIFEST not in listed:  # a zip made of the folder: one top-level directory
            nested = [n for n in listed if n.endswith("/" + MANIFEST) and n.count("/") == 1]
            if nested:
                self.prefix = nested[0].removesuffix(MANIFEST)

    def read(self, name: str) -> bytes:
        try:
            return self.archive.read(self.prefix + name)
        except KeyError as exc:
            raise ExchangeError(f"the archive is incomplete: {name} is missing") from exc

    def names(self) -> Iterator[str]:
        for name in self.archive.namelist():
            if name.startswith(self.prefix) and not name.endswith("/"):
                yield name[len(self.prefix) :]


@dataclass
class ArchiveImport:
    """What an archive import added, table by table."""

    archive: Path
    counts: dict[str, int] = field(default_factory=dict)
    objects: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        shown = ", ".join(
            f"{self.counts.get(name, 0)} {name.replace('_', ' ')}"
            for name in (
                "documents",
                "agents",
                "mentions",
                "date_tags",
                "figures",
                "images",
                "collections",
                "events",
            )
        )
        return f"Imported {self.archive}: {shown}, {self.objects} objects."


def _open_reader(path: Path) -> tuple[_Reader, zipfile.ZipFile | None]:
    if path.is_dir():
        return _FolderReader(path), None
    if path.is_file() and zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        return _ZipReader(archive), archive
    raise ExchangeError(f"{path} is not a Catena archive (a folder or .zip with {MANIFEST})")


def _load_manifest(reader: _Reader) -> dict[str, Any]:
    try:
        manifest = json.loads(reader.read(MANIFEST))
    except ExchangeError as exc:
        raise ExchangeError(f"not a Catena archive: {MANIFEST} is missing") from exc
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"the archive manifest is not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExchangeError("not a Catena archive (its manifest names another format)")
    if int(manifest.get("version", 0)) > VERSION:
        raise ExchangeError(
            f"this archive is format version {manifest.get('version')}, made by a newer "
            "Catena; update Catena to import it"
        )
    return manifest


def catalogue_is_empty(session: Session) -> dict[str, int]:
    """Tables that already hold rows ({} when the catalogue is empty)."""
    conn = session.connection()
    found = {}
    for name in CONTENT_TABLES:
        count = int(conn.execute(select(func.count()).select_from(_table(name))).scalar_one())
        if count:
            found[name] = count
    return found


def import_archive(
    catalogue: Catalogue, path: Path, *, progress: Progress | None = None
) -> ArchiveImport:
    """Load an archive into an *empty* catalogue, reproducing every record exactly."""
    reader, handle = _open_reader(Path(path))
    try:
        return _import(catalogue, reader, Path(path), progress)
    finally:
        if handle is not None:
            handle.close()


def _import(
    catalogue: Catalogue, reader: _Reader, path: Path, progress: Progress | None
) -> ArchiveImport:
    manifest = _load_manifest(reader)
    with catalogue.reading() as session:
        present = catalogue_is_empty(session)
    if present:
        first = ("documents", "agents", "images", "collections", "events")
        ordered = sorted(present, key=lambda t: first.index(t) if t in first else len(first))
        shown = ", ".join(f"{present[t]} {t.replace('_', ' ')}" for t in ordered)
        raise ExchangeError(
            f"the catalogue at {catalogue.path} is not empty ({shown}); an archive is "
            "imported into a new catalogue: catena init NEW.catena, then "
            "catena import-archive ARCHIVE --catalogue NEW.catena"
        )
    report = ArchiveImport(path)
    schema = migrate.current_revision(catalogue.engine)
    if manifest.get("schema") != schema:
        report.warnings.append(
            f"the archive was made with catalogue schema {manifest.get('schema')}; this "
            f"catalogue has {schema} (fields the archive lacks get their defaults)"
        )
    tables = manifest.get("tables") or {}
    records: dict[str, list[dict[str, Any]]] = {}
    for name, info in tables.items():
        if name not in ARCHIVED_TABLES:
            raise ExchangeError(f"the archive holds a table this Catena does not know: {name}")
        data = reader.read(info["file"])
        if sha256_bytes(data) != info.get("sha256"):
            raise ExchangeError(f"{info['file']} does not match its checksum in the manifest")
        rows = json.loads(data)
        if len(rows) != info.get("rows"):
            raise ExchangeError(f"{info['file']} holds {len(rows)} rows, not {info.get('rows')}")
        records[name] = rows
    objects = manifest.get("objects") or []
    verified: list[tuple[str, str]] = []
    for number, item in enumerate(objects):
        if progress is not None:
            progress(number, len(objects) * 2, item["sha256"])
        data = reader.read(item["path"])
        if sha256_bytes(data) != item["sha256"]:
            raise ExchangeError(
                f"object {item['sha256']} in the archive is damaged (its SHA-256 differs); "
                "nothing was imported"
            )
        verified.append((item["sha256"], item["path"]))
    report.warnings.extend(
        f"object {sha} was already missing when the archive was made"
        for sha in manifest.get("missing_objects") or []
    )
    for number, (sha, name) in enumerate(verified):
        if progress is not None:
            progress(len(objects) + number, len(objects) * 2, sha)
        if catalogue.objects.put(reader.read(name)) != sha:
            raise ExchangeError(f"object {sha} changed while it was being stored")
    report.objects = len(verified)
    with catalogue.writing() as session:
        conn = session.connection()
        for table in _ordered_tables():
            rows = records.get(table.name, [])
            report.counts[table.name] = _insert(conn, table, rows)
        search_index.rebuild(session)
        audit.record(
            session,
            action="import archive",
            actor=catalogue.actor,
            detail={
                "archive": str(path),
                "catalogue": manifest.get("catalogue"),
                "created": manifest.get("created"),
                "manifest_sha256": sha256_bytes(reader.read(MANIFEST)),
                "counts": {k: v for k, v in report.counts.items() if v},
            },
        )
    if progress is not None:
        progress(1, 1, "")
    return report


def _new_ids(conn: Connection, name: str) -> dict[Any, int]:
    table = _table(name)
    key = NATURAL_KEYS[name]
    return {k: i for i, k in conn.execute(select(table.c.id, table.c[key]))}


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """Insert archived rows, turning stable keys back into this catalogue's ids."""
    if not rows:
        return 0
    if table.name == "ref_counters":
        return _merge_counters(conn, rows)
    refs = _references(table)
    fields = {_field_name(c) if c in refs else c: c for c in (col.name for col in table.columns)}
    self_refs = {c for c, target in refs.items() if target == table.name}
    lookups = {target: _new_ids(conn, target) for target in set(refs.values()) - {table.name}}
    later: list[tuple[Any, dict[str, Any], dict[str, Any]]] = []
    prepared: list[dict[str, Any]] = []
    for row in rows:
        unknown = set(row) - set(fields)
        if unknown:
            raise ExchangeError(
                f"the archive's {table.name} rows have fields this Catena does not know "
                f"({', '.join(sorted(unknown))}); it was made by a newer version"
            )
        values: dict[str, Any] = {}
        pending: dict[str, Any] = {}
        for field_name, value in row.items():
            column = fields[field_name]
            if column in self_refs:
                if value is not None:
                    pending[column] = value
                values[column] = None
            elif column in refs and value is not None:
                try:
                    values[column] = lookups[refs[column]][value]
                except KeyError as exc:
                    raise ExchangeError(
                        f"the archive's {table.name} row refers to a missing "
                        f"{refs[column]} record {value}"
                    ) from exc
            else:
                values[column] = value
        prepared.append(values)
        if pending:
            later.append((row[NATURAL_KEYS[table.name]], pending, row))
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in prepared:  # executemany needs one key set; older archives may lack some
        groups.setdefault(tuple(values), []).append(values)
    if len(groups) == 1:
        conn.execute(insert(table), prepared)
    else:
        for values in prepared:
            conn.execute(insert(table), [values])
    if later:
        ids = _new_ids(conn, table.name)
        # Columns with onupdate (updated_at) are written explicitly, or the second pass
        # would stamp them with today's time.
        stamped = [c.name for c in table.columns if c.onupdate is not None]
        for key, pending, row in later:
            values = {column: ids[value] for column, value in pending.items()}
            values.update({c: row[c] for c in stamped if c in row})
            conn.execute(update(table).where(table.c.id == ids[key]).values(**values))
    return len(rows)


def _merge_counters(conn: Connection, rows: list[dict[str, Any]]) -> int:
    """Reference counters: the higher of the archive's and the catalogue's, so a code the
    archive uses is never handed out again."""
    table = RefCounter.__table__
    existing = dict(conn.execute(select(table.c.prefix, table.c.next_value)).all())
    for row in rows:
        prefix, value = row["prefix"], int(row["next_value"])
        if prefix in existing:
            if value > existing[prefix]:
                conn.execute(update(table).where(table.c.prefix == prefix).values(next_value=value))
        else:
            conn.execute(insert(table).values(prefix=prefix, next_value=value))
    return len(rows)
