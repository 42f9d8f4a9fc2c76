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

Import goes into an empty catalogue only. Before anything is written, every records
file is checked against the manifest, every row and the audit trail against what the
catalogue will later verify (``desktop.exchange.archive_checks``), and every object
re-hashed; then the objects are stored, all rows inserted in one transaction with
references resolved to the new ids, the search index rebuilt, and one "import archive"
event appended after the archived audit trail (whose hash chain therefore still
verifies). Zip members are read by the names the manifest gives, after their declared
size is checked, so neither a path like ``../x`` nor a zip bomb is ever unpacked.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Table, func, insert, select, update
from sqlalchemy.orm import Session

from db import audit, migrate
from db.base import table_of
from db.catalogue import Catalogue
from db.models import RefCounter
from db.objects import sha256_bytes
from db.search import index as search_index
from desktop import __version__
from desktop.exchange import archive_checks as checks
from desktop.exchange.archive_manifest import Manifest, check_manifest
from desktop.exchange.archive_schema import ARCHIVED_TABLES as ARCHIVED_TABLES
from desktop.exchange.archive_schema import CONTENT_TABLES, FORMAT, NATURAL_KEYS, VERSION
from desktop.exchange.archive_schema import MANIFEST as MANIFEST
from desktop.exchange.archive_schema import field_name as _field_name
from desktop.exchange.archive_schema import is_internal_id as _is_internal_id
from desktop.exchange.archive_schema import object_name as object_name
from desktop.exchange.archive_schema import ordered_tables as _ordered_tables
from desktop.exchange.archive_schema import references as _references
from desktop.exchange.archive_schema import table as _table
from desktop.exchange.common import ExchangeError, ExportResult, Progress, output_file
from desktop.exchange.validate import NOTHING_DONE, load_json

# A member of a zip may not claim more than this, nor more than DEFLATE can expand its
# compressed bytes to (about 1032 to 1): a larger claim is a zip bomb or a lying header.
MAX_MEMBER_BYTES = 8 * 2**30
MAX_RATIO = 1100


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
        source = catalogue.objects.local_file(sha)
        if not source.is_file():
            missing.append(sha)
            result.warnings.append(f"object {sha} is missing or damaged in the catalogue's store")
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


# --- import ---


class _Reader(Protocol):
    def read(self, name: str, size: int | None = None) -> bytes: ...


def _unreadable(name: str, why: object) -> ExchangeError:
    return ExchangeError(f"{name} in the archive cannot be read ({why}); {NOTHING_DONE}")


class _FolderReader:
    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, name: str, size: int | None = None) -> bytes:
        """The file *name* of the archive; *size* when the manifest says how big."""
        target = (self.root / name).resolve()
        if self.root.resolve() not in target.parents:
            raise ExchangeError(f"the archive names a file outside itself: {name}")
        try:
            if target.is_dir():
                raise _unreadable(name, "it is a folder")
            actual = target.stat().st_size
            if size is not None and actual != size:
                raise ExchangeError(
                    f"{name} in the archive is damaged: {actual:,} bytes, not the {size:,} its "
                    f"manifest says; {NOTHING_DONE}"
                )
            if actual > MAX_MEMBER_BYTES:
                raise _unreadable(name, f"{actual:,} bytes is more than an archive file holds")
            return target.read_bytes()
        except FileNotFoundError as exc:
            raise ExchangeError(f"the archive is incomplete: {name} is missing") from exc
        except OSError as exc:
            raise _unreadable(name, exc.strerror or "not a file") from exc


class _ZipReader:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.prefix = ""
        listed = archive.namelist()
        if MANIFEST not in listed:  # a zip made of the folder: one top-level directory
            nested = [
                n
                for n in listed
                if n.endswith("/" + MANIFEST)
                and n.count("/") == 1
                and not n.startswith(("/", "../", "./"))
                and "\\" not in n
            ]
            if nested:
                self.prefix = nested[0].removesuffix(MANIFEST)

    def read(self, name: str, size: int | None = None) -> bytes:
        """The member *name*, refused before decompressing when its header claims more
        than the manifest says or than DEFLATE can produce from its compressed size."""
        try:
            info = self.archive.getinfo(self.prefix + name)
        except KeyError as exc:
            raise ExchangeError(f"the archive is incomplete: {name} is missing") from exc
        if size is not None and info.file_size != size:
            raise ExchangeError(
                f"{name} in the archive is damaged: it claims {info.file_size:,} bytes, not the "
                f"{size:,} its manifest says; {NOTHING_DONE}"
            )
        if info.file_size > min(MAX_MEMBER_BYTES, info.compress_size * MAX_RATIO + 2**20):
            raise ExchangeError(
                f"{name} in the archive claims {info.file_size:,} bytes from "
                f"{info.compress_size:,} compressed (a zip bomb or a damaged archive); "
                f"{NOTHING_DONE}"
            )
        if info.flag_bits & 0x1:
            raise _unreadable(name, "it is encrypted")
        try:
            return self.archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
            raise _unreadable(name, exc) from exc


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
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ExchangeError(
                f"{path.name} is a damaged zip file ({exc}); {NOTHING_DONE}"
            ) from exc
        return _ZipReader(archive), archive
    raise ExchangeError(f"{path} is not a Catena archive (a folder or .zip with {MANIFEST})")


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
    catalogue: Catalogue,
    path: Path,
    *,
    progress: Progress | None = None,
    allow_missing: bool = False,
) -> ArchiveImport:
    """Load an archive into an *empty* catalogue, reproducing every record exactly.

    Everything is checked first (``desktop.exchange.archive_checks``); an archive that
    fails any check changes nothing. *allow_missing* accepts an archive made from a
    catalogue that had already lost some objects (each is reported as a warning).
    """
    reader, handle = _open_reader(Path(path))
    try:
        return _import(catalogue, reader, Path(path), progress, allow_missing)
    finally:
        if handle is not None:
            handle.close()


def _refuse_if_not_empty(catalogue: Catalogue) -> None:
    with catalogue.reading() as session:
        present = catalogue_is_empty(session)
    if present:
        first = ("documents", "agents", "images", "collections", "events")
        ordered = sorted(present, key=lambda t: first.index(t) if t in first else len(first))
        shown = ", ".join(f"{present[t]} {t.replace('_', ' ')}" for t in ordered)
        raise ExchangeError(
            f"the catalogue at {catalogue.location} is not empty ({shown}); an archive is "
            "imported into a new catalogue: catena init NEW.catena, then "
            "catena import-archive ARCHIVE --catalogue NEW.catena"
        )


def _read_records(
    reader: _Reader, manifest: Manifest, label: str
) -> dict[str, list[dict[str, Any]]]:
    records: dict[str, list[dict[str, Any]]] = {}
    for name, entry in manifest.tables.items():
        data = reader.read(entry.file)
        if sha256_bytes(data) != entry.sha256:
            raise ExchangeError(f"{entry.file} does not match its checksum in the manifest")
        rows = load_json(data, f"{label}: {entry.file}")
        if not isinstance(rows, list):
            raise ExchangeError(f"{label}: {entry.file} must hold a list of rows; {NOTHING_DONE}")
        if len(rows) != entry.rows:
            raise ExchangeError(f"{entry.file} holds {len(rows)} rows, not {entry.rows}")
        records[name] = rows
    return records


def _import(
    catalogue: Catalogue,
    reader: _Reader,
    path: Path,
    progress: Progress | None,
    allow_missing: bool,
) -> ArchiveImport:
    label = path.name
    try:
        manifest_bytes = reader.read(MANIFEST)
    except ExchangeError as exc:
        if "is missing" in str(exc):
            raise ExchangeError(f"not a Catena archive: {MANIFEST} is missing") from exc
        raise
    manifest = check_manifest(load_json(manifest_bytes, f"{label}: {MANIFEST}"), label)
    _refuse_if_not_empty(catalogue)
    report = ArchiveImport(path)
    schema = migrate.current_revision(catalogue.engine)
    if manifest.schema != schema:
        report.warnings.append(
            f"the archive was made with catalogue schema {manifest.schema}; this "
            f"catalogue has {schema} (fields the archive lacks get their defaults)"
        )
    records = _read_records(reader, manifest, label)
    checks.check_records(label, records)
    checks.check_audit_trail(label, records.get("events", []))
    report.warnings.extend(checks.check_counters(label, records))
    report.warnings.extend(
        checks.check_objects(label, manifest, records, allow_missing=allow_missing)
    )
    total = len(manifest.objects) * 2
    for number, item in enumerate(manifest.objects):
        if progress is not None:
            progress(number, total, item.sha256)
        if sha256_bytes(reader.read(item.path, item.size)) != item.sha256:
            raise ExchangeError(
                f"object {item.sha256} in the archive is damaged (its SHA-256 differs); "
                f"{NOTHING_DONE}"
            )
    # Checked: from here on only a failing disk or database can stop the import, and
    # then the objects stored for it are taken out again.
    added: list[str] = []
    try:
        for number, item in enumerate(manifest.objects):
            if progress is not None:
                progress(len(manifest.objects) + number, total, item.sha256)
            existed = catalogue.objects.exists(item.sha256)
            if catalogue.objects.put(reader.read(item.path, item.size)) != item.sha256:
                raise ExchangeError(f"object {item.sha256} changed while it was being stored")
            if not existed:
                added.append(item.sha256)
        report.objects = len(manifest.objects)
        _write(catalogue, records, report, manifest, sha256_bytes(manifest_bytes))
    except BaseException:
        _take_back(catalogue, added)
        raise
    if progress is not None:
        progress(1, 1, "")
    return report


def _take_back(catalogue: Catalogue, added: list[str]) -> None:
    """Remove the objects a failed import stored, if its records are not there."""
    try:
        with catalogue.reading() as session:
            if catalogue_is_empty(session):  # the records were committed after all
                return
    except Exception:  # the original failure is the one to report
        return
    for sha in added:
        catalogue.objects.delete(sha)


def _write(
    catalogue: Catalogue,
    records: dict[str, list[dict[str, Any]]],
    report: ArchiveImport,
    manifest: Manifest,
    manifest_sha256: str,
) -> None:
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
                "archive": str(report.archive),
                "catalogue": manifest.catalogue,
                "created": manifest.created,
                "manifest_sha256": manifest_sha256,
                "counts": {k: v for k, v in report.counts.items() if v},
            },
        )


def _new_ids(conn: Connection, name: str) -> dict[Any, int]:
    table = _table(name)
    key = NATURAL_KEYS[name]
    return {k: i for i, k in conn.execute(select(table.c.id, table.c[key]))}


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """Insert archived rows (already checked), turning stable keys back into ids."""
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
        values: dict[str, Any] = {}
        pending: dict[str, Any] = {}
        for name, value in row.items():
            column = fields[name]
            if column in self_refs:
                if value is not None:
                    pending[column] = value
                values[column] = None
            elif column in refs and value is not None:
                values[column] = lookups[refs[column]][value]
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
    table = table_of(RefCounter)
    existing = dict(conn.execute(select(table.c.prefix, table.c.next_value)).all())
    for row in rows:
        prefix, value = row["prefix"], int(row.get("next_value", 1))
        if prefix in existing:
            if value > existing[prefix]:
                conn.execute(update(table).where(table.c.prefix == prefix).values(next_value=value))
        else:
            conn.execute(insert(table).values(prefix=prefix, next_value=value))
    return len(rows)
