"""Hostile archives for ``catena import-archive``, made by editing a real one.

A case is (id, attack, words): *attack* receives a copy of a good archive folder and
returns the path to import (the folder, or a zip made from it); the import must exit 2
with one line on stderr holding every one of *words*, and the empty catalogue must
stay empty. Most attacks "reseal" what they edit (recompute the records file's
checksum in the manifest), as a person editing an archive would, so the import's own
checks are what must notice, not the checksum.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

Attack = Callable[[Path], Path]
ArchiveCase = tuple[str, Attack, tuple[str, ...]]
MANIFEST = "catena-archive.json"
BIG = 2**70


def read_manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def write_manifest(folder: Path, manifest: Any) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def read_rows(folder: Path, table: str) -> list[Any]:
    return json.loads((folder / "records" / f"{table}.json").read_text(encoding="utf-8"))


def reseal(folder: Path, table: str, data: bytes, rows: int | None = None) -> None:
    """Write a records file and make the manifest agree with it."""
    target = folder / "records" / f"{table}.json"
    target.chmod(0o644)
    target.write_bytes(data)
    manifest = read_manifest(folder)
    manifest["tables"][table]["sha256"] = hashlib.sha256(data).hexdigest()
    if rows is not None:
        manifest["tables"][table]["rows"] = rows
    write_manifest(folder, manifest)


def manifest_edit(change: Callable[[dict[str, Any]], Any]) -> Attack:
    def attack(folder: Path) -> Path:
        manifest = read_manifest(folder)
        replaced = change(manifest)  # a list replaces the manifest; anything else is ignored
        write_manifest(folder, replaced if isinstance(replaced, list) else manifest)
        return folder

    return attack


def manifest_bytes(data: bytes) -> Attack:
    def attack(folder: Path) -> Path:
        (folder / MANIFEST).write_bytes(data)
        return folder

    return attack


def rows_edit(table: str, change: Callable[[list[Any]], Any]) -> Attack:
    """Edit the rows of *table* in Python (a returned list replaces them), then reseal."""

    def attack(folder: Path) -> Path:
        rows = read_rows(folder, table)
        replaced = change(rows)
        rows = replaced if isinstance(replaced, list) else rows
        reseal(folder, table, json.dumps(rows).encode(), len(rows))
        return folder

    return attack


def row_set(table: str, number: int, **values: Any) -> Attack:
    def change(rows: list[Any]) -> None:
        rows[number].update(values)

    return rows_edit(table, change)


def row_drop(table: str, number: int, field: str) -> Attack:
    return rows_edit(table, lambda rows: rows[number].pop(field))


def raw_records(table: str, data: bytes, rows: int | None = None) -> Attack:
    def attack(folder: Path) -> Path:
        reseal(folder, table, data, rows)
        return folder

    return attack


def first_object(folder: Path) -> dict[str, Any]:
    return dict(read_manifest(folder)["objects"][0])


def object_edit(change: Callable[[Path, dict[str, Any]], None]) -> Attack:
    def attack(folder: Path) -> Path:
        item = first_object(folder)
        target = folder / item["path"]
        target.chmod(0o644)
        change(target, item)
        return folder

    return attack


def zipped(folder: Path, rename: Callable[[str], str] = lambda n: n) -> Path:
    """The folder as a zip; member names exactly as *rename* gives them (ZipFile.write
    would strip a leading slash)."""
    out = folder.with_suffix(".zip")
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(rename(path.relative_to(folder).as_posix()))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    return out


def zip_attack(rename: Callable[[str], str]) -> Attack:
    return lambda folder: zipped(folder, rename)


def _patch_central(out: Path, member: str, offset: int, value: bytes) -> None:
    """Overwrite bytes of *member*'s central-directory entry (sizes, flags)."""
    data = bytearray(out.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if bytes(data[at + 46 : at + 46 + length]) == name:
            data[at + offset : at + offset + len(value)] = value
            out.write_bytes(bytes(data))
            return
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{member} not in the zip")


def zip_patch(member: str, offset: int, value: bytes) -> Attack:
    def attack(folder: Path) -> Path:
        out = zipped(folder)
        _patch_central(out, member, offset, value)
        return out

    return attack


def zip_corrupt_data(member: str) -> Attack:
    """Flip bytes inside *member*'s compressed data (its CRC no longer matches)."""

    def attack(folder: Path) -> Path:
        out = zipped(folder)
        with zipfile.ZipFile(out) as archive:
            info = archive.getinfo(member)
        data = bytearray(out.read_bytes())
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for index in range(start + 2, start + min(info.compress_size, 40)):
            data[index] ^= 0xFF
        out.write_bytes(bytes(data))
        return out

    return attack


def zip_symlink(member: str, target: str) -> Attack:
    """*member* stored as a symbolic link (Unix mode in the external attributes)."""

    def attack(folder: Path) -> Path:
        out = zipped(folder, lambda n: n)
        with zipfile.ZipFile(out) as source:
            items = [(i, source.read(i)) for i in source.infolist()]
        with zipfile.ZipFile(out, "w") as archive:
            for info, data in items:
                if info.filename == member:
                    info = zipfile.ZipInfo(member)
                    info.external_attr = (0o120777 << 16) | 0
                    data = target.encode()
                archive.writestr(info, data)
        return out

    return attack


def zip_bytes(data: bytes) -> Attack:
    def attack(folder: Path) -> Path:
        out = folder.with_suffix(".zip")
        out.write_bytes(data)
        return out

    return attack


def truncated_zip(folder: Path) -> Path:
    out = zipped(folder)
    out.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    return out


def symlinked(relative: str, target: str) -> Attack:
    def attack(folder: Path) -> Path:
        path = folder / relative
        path.chmod(0o644)
        path.unlink()
        os.symlink(target, path)
        return folder

    return attack


def _events_swap(rows: list[Any]) -> None:
    rows[1], rows[2] = rows[2], rows[1]


def _event_rehashed(rows: list[Any]) -> None:
    """Edit one event and recompute its own hash (but not the chain after it)."""
    from db.audit import event_digest as _digest

    event = rows[2]
    event["actor"] = "someone else"
    event["hash"] = _digest(
        event["prev_hash"],
        event["uid"],
        event["at"],
        event["actor"],
        event["action"],
        event["target"],
        event["outcome"],
        event["detail"],
    )


def _collection_cycle(rows: list[Any]) -> None:
    child = next(r for r in rows if r["parent"])
    parent = next(r for r in rows if r["uid"] == child["parent"])
    parent["parent"] = child["uid"]


def _extra_object(folder: Path) -> Path:
    data = b"an object no record uses"
    sha = hashlib.sha256(data).hexdigest()
    path = folder / "objects" / sha[:2] / sha[2:]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    manifest = read_manifest(folder)
    manifest["objects"].append(
        {"sha256": sha, "size": len(data), "path": path.relative_to(folder).as_posix()}
    )
    write_manifest(folder, manifest)
    return folder


def _drop_object(listed_missing: bool) -> Attack:
    def attack(folder: Path) -> Path:
        manifest = read_manifest(folder)
        item = manifest["objects"].pop(0)
        (folder / item["path"]).chmod(0o644)
        (folder / item["path"]).unlink()
        if listed_missing:
            manifest["missing_objects"] = [item["sha256"]]
        write_manifest(folder, manifest)
        return folder

    return attack


def _object_path(folder: Path, value: Any) -> Path:
    manifest = read_manifest(folder)
    manifest["objects"][0]["path"] = value
    write_manifest(folder, manifest)
    return folder


def manifest_cases() -> list[ArchiveCase]:
    def table_entry(**values: Any) -> Attack:
        return manifest_edit(lambda m: m["tables"]["keywords"].update(values))

    def first(**values: Any) -> Attack:
        return manifest_edit(lambda m: m["objects"][0].update(values))

    def set_key(key: str, value: Any) -> Attack:
        return manifest_edit(lambda m: m.update({key: value}))

    return [
        ("version-text", set_key("version", "abc"), ("version", "whole number", "'abc'")),
        ("version-bool", set_key("version", True), ("version", "whole number")),
        ("version-float", set_key("version", 1.5), ("version", "whole number")),
        ("version-negative", set_key("version", -1), ("version", "out of range")),
        ("version-zero", set_key("version", 0), ("version", "not a format version")),
        ("version-2pow70", set_key("version", BIG), ("version", "out of range")),
        ("version-newer", set_key("version", 2), ("newer Catena",)),
        ("version-missing", manifest_edit(lambda m: m.pop("version")), ("version", "null")),
        ("version-list", set_key("version", [1]), ("version", "a list")),
        ("tables-list", set_key("tables", ["documents"]), ("tables", "must be an object")),
        ("tables-text", set_key("tables", "all"), ("tables", "must be an object")),
        (
            "table-unknown",
            manifest_edit(lambda m: m["tables"].update(secrets={})),
            ("does not know", "secrets"),
        ),
        ("table-entry-list", set_key("tables", {"keywords": []}), ("entry for keywords",)),
        ("table-file-traversal", table_entry(file="../../../etc/passwd"), ("names the file",)),
        ("table-file-absolute", table_entry(file="/etc/passwd"), ("names the file",)),
        ("table-file-other-table", table_entry(file="records/documents.json"), ("names the",)),
        ("table-rows-text", table_entry(rows="3"), ("entry for keywords", "whole number")),
        ("table-rows-negative", table_entry(rows=-1), ("entry for keywords", "out of range")),
        ("table-sha-short", table_entry(sha256="abc"), ("entry for keywords", "SHA-256")),
        ("table-sha-upper", table_entry(sha256="A" * 64), ("entry for keywords", "SHA-256")),
        ("objects-object", set_key("objects", {"a": 1}), ("objects", "must be a list")),
        ("object-not-object", set_key("objects", ["x"]), ("object 1", "must be an object")),
        ("object-path-traversal", first(path="../../../etc/passwd"), ("object 1", "stored as")),
        ("object-path-absolute", first(path="/etc/passwd"), ("object 1", "stored as")),
        ("object-size-negative", first(size=-5), ("object 1", "out of range")),
        ("object-size-float", first(size=1.5), ("object 1", "whole number")),
        ("object-size-2pow70", first(size=BIG), ("object 1", "out of range")),
        ("object-sha-null", first(sha256=None), ("object 1", "SHA-256")),
        (
            "object-duplicate",
            manifest_edit(lambda m: m["objects"].append(dict(m["objects"][0]))),
            ("second time",),
        ),
        ("missing-objects-text", set_key("missing_objects", "none"), ("missing_objects",)),
        ("missing-objects-bad-sha", set_key("missing_objects", ["zz"]), ("missing_objects",)),
        ("schema-number", set_key("schema", 5), ("schema", "text")),
        ("catalogue-escape", set_key("catalogue", "\x1b[2Jx"), ("catalogue", "U+001B")),
        ("created-huge", set_key("created", "x" * 1000), ("created", "at most 200")),
        ("manifest-list", manifest_edit(lambda m: [m]), ("is not a Catena archive",)),
        ("manifest-other-format", set_key("format", "bagit"), ("another format",)),
        ("manifest-truncated", manifest_bytes(b'{"format": "catena-arch'), ("not valid JSON",)),
        ("manifest-nan", manifest_bytes(b'{"format": NaN}'), ("NaN",)),
        ("manifest-deep", manifest_bytes(b"[" * 100_000 + b"]" * 100_000), ("nested too",)),
        ("manifest-invalid-utf8", manifest_bytes(b'{"format": "\xff"}'), ("not UTF-8",)),
        ("manifest-empty", manifest_bytes(b""), ("not valid JSON",)),
        ("manifest-gone", lambda f: (f / MANIFEST).unlink() or f, ("is missing",)),
    ]


def record_cases() -> list[ArchiveCase]:
    def doc(**values: Any) -> Attack:
        return row_set("documents", 0, **values)

    return [
        (
            "records-checksum",
            lambda f: (f / "records/keywords.json").write_text("[]") and f,
            ("does not match its checksum",),
        ),
        ("records-row-count", raw_records("keywords", b"[]", None), ("rows, not",)),
        ("records-truncated", raw_records("documents", b'[{"ref": "CAT-0', 1), ("not valid JSON",)),
        ("records-object", raw_records("keywords", b'{"a": 1}', 0), ("list of rows",)),
        ("records-nan", raw_records("figures", b'[{"value": NaN}]', 1), ("NaN",)),
        ("records-deep", raw_records("keywords", b"[" * 50_000 + b"]" * 50_000, 1), ("nested",)),
        ("records-invalid-utf8", raw_records("keywords", b'["\xff"]', 1), ("not UTF-8",)),
        ("records-long-number", raw_records("blobs", b"[1" + b"0" * 5000 + b"]", 1), ("too long",)),
        ("row-not-object", rows_edit("keywords", lambda r: [*r[:-1], "x"]), ("must be an object",)),
        ("row-unknown-field", doc(secret="x"), ("does not know", "'secret'")),
        ("published-not-a-date", doc(published="not-a-date"), ("field published", "EDTF")),
        ("published-number", doc(published=1987), ("field published", "text")),
        ("published-time-99", doc(published_time="99:99"), ("published_time", "time of day")),
        ("published-tz-99", doc(published_tz="+99:99"), ("field published_tz", "UTC offset")),
        ("authors-text", doc(authors="Edith Carrow"), ("field authors", "list of names")),
        ("authors-null", doc(authors=None), ("field authors", "list of names")),
        ("authors-numbers", doc(authors=[1, 2]), ("field authors", "name 1")),
        ("title-nul", doc(title="a\x00b"), ("field title", "U+0000")),
        ("title-escape", doc(title="\x1b[2J"), ("field title", "U+001B")),
        ("title-number", doc(title=5), ("field title", "text")),
        ("title-ten-mb", doc(title="x" * 10 * 2**20), ("field title", "characters long")),
        ("title-devised-text", doc(title_devised="yes"), ("title_devised", "true or false")),
        ("text-lone-surrogate", doc(text="a\ud800b"), ("field text", "lone surrogate")),
        ("text-number", doc(text=5), ("field text", "text")),
        ("doc-type-too-long", doc(doc_type="t" * 61), ("field doc_type", "at most 60")),
        ("encoding-confidence-text", doc(encoding_confidence="high"), ("encoding_confidence",)),
        ("flags-text", doc(flags="metadata only"), ("field flags", "a list")),
        ("flags-numbers", doc(flags=[1]), ("field flags",)),
        ("page-starts-text", doc(page_starts=["1"]), ("field page_starts",)),
        ("ref-missing", row_drop("documents", 0, "ref"), ("field ref", "is missing")),
        ("media-type-null", doc(media_type=None), ("field media_type", "null")),
        ("ref-garbage", doc(ref="CAT-abc"), ("field ref", "not a reference")),
        ("ref-huge", doc(ref="CAT-" + "9" * 22), ("field ref", "not a reference")),
        ("ref-other-prefix", doc(ref="IMG-000001"), ("field ref", "not a reference")),
        ("ref-duplicate", row_set("documents", 1, ref="CAT-000001"), ("same ref",)),
        (
            "uid-duplicate",
            rows_edit("documents", lambda r: r[1].update(uid=r[0]["uid"])),
            ("same uid",),
        ),
        ("uid-not-uuid", doc(uid="not-a-uuid"), ("field uid", "not a UUID")),
        (
            "keyword-duplicate",
            rows_edit("keywords", lambda r: r.append(dict(r[0]))),
            ("same name",),
        ),
        ("keyword-control", row_set("keywords", 0, name="tag\x07"), ("field name", "U+0007")),
        ("counter-2pow70", row_set("ref_counters", 0, next_value=BIG), ("next_value", "range")),
        ("counter-negative", row_set("ref_counters", 0, next_value=-3), ("next_value", "range")),
        ("counter-zero", row_set("ref_counters", 0, next_value=0), ("next_value", "range")),
        ("counter-absurd", row_set("ref_counters", 0, next_value=10**12), ("1,000,000,000",)),
        ("counter-float", row_set("ref_counters", 0, next_value=3.5), ("whole number",)),
        ("counter-text", row_set("ref_counters", 0, next_value="10"), ("whole number",)),
        ("counter-bool", row_set("ref_counters", 0, next_value=True), ("whole number",)),
        ("counter-null", row_set("ref_counters", 0, next_value=None), ("null",)),
        ("span-negative", row_set("mentions", 0, start=-4), ("field start", "range")),
        ("span-beyond-text", row_set("mentions", 0, start=10**6, end=10**6 + 3), ("outside",)),
        (
            "span-reversed",
            rows_edit("date_tags", lambda r: r[0].update(start=r[0]["end"])),
            ("outside",),
        ),
        ("span-float", row_set("figures", 0, end=3.5), ("field end", "whole number")),
        ("figure-value-text", row_set("figures", 0, value="forty"), ("field value", "number")),
        ("figure-value-huge", raw_records_field("figures", "value", b"1e400"), ("out of range",)),
        ("status-bogus", row_set("mentions", 0, status="pwned"), ("field status", "one of")),
        ("origin-bogus", row_set("date_tags", 0, origin="?"), ("field origin", "one of")),
        (
            "mention-orphan",
            row_set("mentions", 0, document="0" * 8 + "-0000-4000-8000-" + "0" * 12),
            ("field document", "lacks"),
        ),
        ("document-blob-orphan", doc(original_sha256="f" * 64), ("original_sha256", "lacks")),
        ("collection-cycle", rows_edit("collections", _collection_cycle), ("own ancestor",)),
        ("image-exif-list", row_set("images", 0, exif=["x"]), ("field exif", "an object")),
        ("image-width-text", row_set("images", 0, width="wide"), ("field width",)),
        ("bool-as-int", row_set("mentions", 0, is_organisation=1), ("true or false",)),
        ("event-detail-deep", row_set("events", 0, detail=_deep(100)), ("nested more than",)),
        (
            "event-edited",
            row_set("events", 1, action="nothing to see"),
            ("does not match its hash",),
        ),
        ("event-removed", rows_edit("events", lambda r: r.pop(1)), ("does not follow",)),
        ("events-reordered", rows_edit("events", _events_swap), ("does not follow",)),
        ("event-rehashed", rows_edit("events", _event_rehashed), ("does not follow",)),
        (
            "event-detail-edited",
            rows_edit("events", lambda r: r[0]["detail"].update(x=1)),
            ("does not match its hash",),
        ),
    ]


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


def raw_records_field(table: str, field: str, literal: bytes) -> Attack:
    """Set *field* of the first row to a JSON literal Python cannot write (1e400)."""

    def attack(folder: Path) -> Path:
        rows = read_rows(folder, table)
        rows[0][field] = "@@LITERAL@@"
        data = json.dumps(rows).encode().replace(b'"@@LITERAL@@"', literal)
        reseal(folder, table, data, len(rows))
        return folder

    return attack


def object_cases() -> list[ArchiveCase]:
    return [
        ("object-missing", _drop_object(False), ("lacks object", "used by")),
        ("object-missing-known", _drop_object(True), ("--allow-missing-objects",)),
        (
            "object-damaged",
            object_edit(lambda p, i: p.write_bytes(b"!" * i["size"])),
            ("damaged", "SHA-256"),
        ),
        (
            "object-truncated",
            object_edit(lambda p, i: p.write_bytes(p.read_bytes()[:-1])),
            ("damaged",),
        ),
        (
            "object-is-folder",
            object_edit(lambda p, i: (p.unlink(), p.mkdir())),
            ("cannot be read",),
        ),
        ("object-unused", _extra_object, ("no record of the archive uses it",)),
        (
            "object-size-disagrees",
            rows_edit("blobs", lambda r: r[0].update(size=r[0]["size"] + 1)),
            ("bytes in the manifest",),
        ),
        (
            "object-symlink-outside",
            lambda f: symlinked(first_object(f)["path"], "/etc/hostname")(f),
            ("outside itself",),
        ),
        (
            "records-symlink-outside",
            symlinked("records/keywords.json", "/etc/passwd"),
            ("outside itself",),
        ),
    ]


def zip_cases() -> list[ArchiveCase]:
    return [
        (
            "zip-bomb-declared",
            zip_patch("records/documents.json", 24, struct.pack("<I", 2**31)),
            ("claims", "zip bomb"),
        ),
        (
            "zip-object-size-lie",
            lambda f: zip_patch(first_object(f)["path"], 24, struct.pack("<I", 1))(f),
            ("damaged",),
        ),
        ("zip-encrypted-flag", zip_patch("records/keywords.json", 8, b"\x01\x00"), ("encrypted",)),
        ("zip-bad-crc", zip_corrupt_data("records/documents.json"), ("cannot be read",)),
        (
            "zip-unknown-method",
            zip_patch("records/keywords.json", 10, b"\x63\x00"),
            ("cannot be read",),
        ),
        ("zip-truncated", truncated_zip, ("not a Catena archive",)),
        (
            "zip-symlink-member",
            zip_symlink("records/keywords.json", "/etc/passwd"),
            ("does not match its checksum",),
        ),
        ("zip-garbage", zip_bytes(b"PK\x03\x04" + b"\x00" * 200), ("not a Catena archive",)),
        ("zip-empty", zip_bytes(_empty_zip()), ("is missing",)),
        ("zip-members-dotdot", zip_attack(lambda n: "../" + n), ("is missing",)),
        ("zip-members-absolute", zip_attack(lambda n: "/" + n), ("is missing",)),
        ("zip-members-backslash", zip_attack(lambda n: "x\\" + n), ("is missing",)),
        (
            "zip-records-elsewhere",
            zip_attack(lambda n: n.replace("records/", "other/")),
            ("is missing",),
        ),
    ]


def _empty_zip() -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w"):
        pass
    return out.getvalue()


def archive_cases() -> list[ArchiveCase]:
    return manifest_cases() + record_cases() + object_cases() + zip_cases()
