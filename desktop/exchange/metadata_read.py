"""Reading the records of a metadata file (CSL-JSON, RIS, CSV) for import-metadata.

Every value is checked as it is read (``desktop.exchange.validate``): a value of the
wrong type, a date that is not EDTF, a control character, a name that is only a comma
stops the whole file with one line naming the file, the record and the field as the
file spells it (``AU``, ``issued``, ``published_tz``), before the catalogue is opened
for writing. Fields a format does not use are ignored; a field Catena reads must hold
what that format's specification says it holds.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.dossier.citation_model import Creator, split_name
from desktop.exchange import biblio
from desktop.exchange.common import ExchangeError
from desktop.exchange.tables import LIST_SEPARATOR, unprotect_cell
from desktop.exchange.validate import (
    NOTHING_DONE,
    BadValue,
    check_field,
    is_edtf,
    kind,
    load_json,
    shown,
    text,
)

SOURCE_FORMATS = ("csl-json", "ris", "csv")
MAX_LABEL = 60  # characters of a record's title in its label


@dataclass
class Incoming:
    """One record of the file: how to find its document and what it says."""

    label: str
    uid: str | None = None
    url: str | None = None
    title: str | None = None
    sha256: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    # A type from a lossy vocabulary: (vocabulary, code), compared through the map.
    type_code: tuple[str, str] | None = None
    # RIS values are single lines: a stored value that differs only in its line breaks
    # and spacing is the same value, not a change.
    one_line: bool = False


@dataclass(frozen=True)
class Where:
    """A record's place in its file, for messages: ("refs.ris", "record 3")."""

    file: str
    record: str

    def fail(self, source_field: str, problem: object) -> ExchangeError:
        return ExchangeError(
            f"{self.file}, {self.record}, field {source_field}: {problem}; {NOTHING_DONE}"
        )


def _label(prefix: str, title: Any) -> str:
    name = str(title) if title is not None else "?"
    if len(name) > MAX_LABEL:
        name = name[: MAX_LABEL - 1] + "…"
    return f"{prefix} “{name}”"


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".json", ".csljson"):
        return "csl-json"
    if suffix in (".ris", ".txt"):
        return "ris"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise ExchangeError(
        f"cannot tell the format of {path.name}; name it .json (CSL-JSON), .ris or .csv, "
        "or pass --from"
    )


def read_records(path: Path, source_format: str | None = None) -> tuple[str, list[Incoming]]:
    source_format = source_format or detect_format(path)
    if source_format not in SOURCE_FORMATS:
        raise ExchangeError(
            f"unknown metadata format {source_format!r}; use {', '.join(SOURCE_FORMATS)}"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ExchangeError(f"no file {path}") from exc
    except IsADirectoryError as exc:
        raise ExchangeError(f"{path} is a folder; give a .json, .ris or .csv file") from exc
    except OSError as exc:
        raise ExchangeError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(
            f"{path.name} is not UTF-8 text (byte {exc.start}); {NOTHING_DONE}"
        ) from exc
    if not content.strip():
        raise ExchangeError(f"{path.name} is empty; {NOTHING_DONE}")
    if source_format == "csl-json":
        return source_format, from_csl_json(content, path.name)
    if source_format == "ris":
        return source_format, from_ris(content, path.name)
    return source_format, from_csv(content, path.name)


def _byline(creator: Creator) -> str:
    """A creator as Catena stores authors: natural order when that reads back the same,
    else "Family, Given" (which citation_source reads as already inverted)."""
    if creator.is_corporate:
        return creator.name or ""
    natural = creator.display()
    try:
        if split_name(natural) == creator:
            return natural
    except ValueError:
        pass
    inverted = ", ".join(p for p in (creator.family, creator.given, creator.suffix) if p)
    return inverted or natural


def _put(fields: dict[str, Any], name: str, value: Any, where: Where, source: str) -> None:
    """Check *value* for Catena field *name* and keep it; empty values are no
    information (a blank cell never clears a field)."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return
    try:
        fields[name] = check_field(name, value.strip() if isinstance(value, str) else value)
    except BadValue as exc:
        raise where.fail(source, exc) from None


def _optional_text(value: Any, where: Where, source: str) -> str | None:
    if value is None:
        return None
    try:
        return text(value).strip() or None
    except BadValue as exc:
        raise where.fail(source, exc) from None


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


# --- CSL-JSON ---------------------------------------------------------------------------


def _object(value: Any, where: Where, source: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise where.fail(source, f"must be an object, not {kind(value)} ({shown(value)})")
    return value


def _csl_creators(value: Any, where: Where, source: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.fail(source, f"must be a list of names, not {kind(value)} ({shown(value)})")
    bylines = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise where.fail(
                source,
                f"name {number} must be an object with family/given or literal, "
                f"not {kind(item)} ({shown(item)})",
            )
        parts = {}
        for part in ("literal", "family", "given", "suffix"):
            parts[part] = _optional_text(item.get(part), where, f"{source} {number} {part}")
        if parts["literal"]:
            bylines.append(parts["literal"])
        elif parts["family"] or parts["given"]:
            creator = Creator(family=parts["family"], given=parts["given"], suffix=parts["suffix"])
            bylines.append(_byline(creator))
    return bylines


def _date_part(value: Any) -> int:
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,4}", value.strip()):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and -9999 <= value <= 9999:
        return value
    raise BadValue(f"date-parts must hold years, months and days, not {shown(value)}")


def _csl_issued(value: Any, where: Where, source: str = "issued") -> str | None:
    """A CSL date as EDTF, refusing date-parts that are not a date."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise where.fail(source, f"must be an object, not {kind(value)} ({shown(value)})")
    try:
        for key in ("literal", "raw"):
            if value.get(key) is not None:
                text(value[key])
        parts = value.get("date-parts")
        if parts is not None:
            if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
                raise BadValue(f"date-parts must be a list of one or two dates, not {shown(parts)}")
            for date in parts:
                if not isinstance(date, list) or not 1 <= len(date) <= 3:
                    raise BadValue(
                        f"a date in date-parts must be [year, month, day], not {shown(date)}"
                    )
                for number in date:
                    _date_part(number)
            value = {**value, "date-parts": [[_date_part(n) for n in d] for d in parts]}
        season = value.get("season")
        if season is not None and not (
            isinstance(season, int | str) and not isinstance(season, bool) and str(season) in "1234"
        ):
            raise BadValue(f"season must be 1, 2, 3 or 4, not {shown(season)}")
        result = biblio.edtf_from_csl(value)
    except BadValue as exc:
        raise where.fail(source, exc) from None
    if result is not None and source == "issued" and not is_edtf(result):
        raise where.fail(source, f"{shown(result)} is not an EDTF date")
    return result


def from_csl_json(content: str, file: str = "the file") -> list[Incoming]:
    try:
        data = load_json(content, file)
    except ExchangeError as exc:
        raise ExchangeError(f"{exc}; {NOTHING_DONE}") from None
    if isinstance(data, dict):
        data = data.get("items", [data])
    if not isinstance(data, list):
        raise ExchangeError(f"{file}: CSL-JSON must be a list of items; {NOTHING_DONE}")
    records = []
    for number, item in enumerate(data, start=1):
        where = Where(file, f"record {number}")
        if not isinstance(item, dict):
            raise ExchangeError(
                f"{file}, record {number}: must be an object, not {kind(item)}; {NOTHING_DONE}"
            )
        custom = _object(
            _object(item.get("custom"), where, "custom").get("catena"), where, "custom.catena"
        )
        fields: dict[str, Any] = {}
        _put(fields, "title", item.get("title"), where, "title")
        _put(
            fields,
            "translated_title",
            custom.get("translated_title"),
            where,
            "custom.catena.translated_title",
        )
        if custom.get("title_devised") is not None:
            _put(
                fields,
                "title_devised",
                custom["title_devised"],
                where,
                "custom.catena.title_devised",
            )
        _put(fields, "authors", _csl_creators(item.get("author"), where, "author"), where, "author")
        _put(
            fields,
            "recipients",
            _csl_creators(item.get("recipient"), where, "recipient"),
            where,
            "recipient",
        )
        publisher_key = "container-title" if item.get("container-title") else "publisher"
        _put(fields, "publisher", item.get(publisher_key), where, publisher_key)
        if custom.get("published"):
            _put(fields, "published", custom["published"], where, "custom.catena.published")
        else:
            _put(fields, "published", _csl_issued(item.get("issued"), where), where, "issued")
        _put(
            fields,
            "accessed",
            _csl_issued(item.get("accessed"), where, "accessed"),
            where,
            "accessed",
        )
        _put(
            fields,
            "captured_by",
            custom.get("captured_by"),
            where,
            "custom.catena.captured_by",
        )
        for name, key in (
            ("url", "URL"),
            ("language", "language"),
            ("notes", "note"),
            ("dateline", "publisher-place"),
            ("section", "section"),
        ):
            _put(fields, name, item.get(key), where, key)
        identifier = item.get("id")
        if not isinstance(identifier, str | int) or isinstance(identifier, bool):
            identifier = None
        incoming = Incoming(
            label=_label(f"record {number}", fields.get("title") or identifier),
            uid=_optional_text(custom.get("uid"), where, "custom.catena.uid"),
            url=fields.get("url"),
            title=fields.get("title"),
            sha256=_optional_text(custom.get("sha256") or item.get("sha256"), where, "sha256"),
            fields=fields,
        )
        if custom.get("type"):
            _put(fields, "doc_type", custom["type"], where, "custom.catena.type")
        elif item.get("type"):
            incoming.type_code = ("csl", _optional_text(item["type"], where, "type") or "")
        records.append(incoming)
    return records


# --- RIS ----------------------------------------------------------------------------------


def _ris_date(
    values: dict[str, list[str]], tags: tuple[str, ...] = ("DA", "PY", "Y1")
) -> tuple[str, str] | None:
    """(tag, EDTF) of the record's date: DA, PY or Y1 (or *tags*) as
    year/month/day/other."""
    for tag in tags:
        for value in values.get(tag, []):
            year, month, day, other = ([*value.split("/"), "", "", ""])[:4]
            if other.strip():
                return tag, other.strip()
            parts = [p for p in (year.strip(), month.strip(), day.strip()) if p]
            if parts and parts[0].isdigit() and len(parts[0]) == 4:
                return tag, "-".join([parts[0], *(p.zfill(2) for p in parts[1:] if p.isdigit())])
    return None


def _ris_names(values: list[str], where: Where, tag: str) -> list[str]:
    bylines = []
    for value in values:
        if not value.strip():
            continue
        try:
            # Creator.parse reads "Family, Given" as a person and keeps bodies whole.
            bylines.append(_byline(Creator.parse(value)))
        except ValueError:
            raise where.fail(tag, f"{shown(value)} is not a name") from None
    return bylines


def from_ris(content: str, file: str = "the file") -> list[Incoming]:
    parsed = biblio.parse_ris(content)
    if not parsed:
        raise ExchangeError(
            f"{file} holds no RIS record (each starts with a line 'TY  - TYPE'); {NOTHING_DONE}"
        )
    return [
        _ris_record(values, Where(file, f"record {number}"))
        for number, values in enumerate(parsed, start=1)
    ]


def _ris_record(values: dict[str, list[str]], where: Where) -> Incoming:
    def first(*tags: str) -> tuple[str, str | None]:
        for tag in tags:
            for value in values.get(tag, []):
                if value.strip():
                    return tag, value.strip()
        return tags[0], None

    fields: dict[str, Any] = {}

    def put(name: str, *tags: str) -> None:
        tag, value = first(*tags)
        _put(fields, name, value, where, tag)

    for tag in ("TY", "U1", "U2", "AN", "ID", "M3"):  # not stored, but printed or matched
        for value in values.get(tag, []):
            _optional_text(value, where, tag)
    kind_code = first("TY")[1] or ""
    put("title", "TI", "T1")
    put("translated_title", "TT")
    authors = _ris_names(values.get("AU", []), where, "AU")
    authors += _ris_names(values.get("A1", []), where, "A1")
    _put(fields, "authors", authors, where, "AU")
    if kind_code in ("PCOMM", "ICOMM"):
        _put(fields, "recipients", _ris_names(values.get("A2", []), where, "A2"), where, "A2")
    put("publisher", "T2", "JO", "JF", "PB")
    dated = _ris_date(values)
    if dated is not None:
        _put(fields, "published", dated[1], where, dated[0])
    put("url", "UR", "L2")
    accessed = first("Y2")[1]
    if accessed and re.match(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)", accessed):
        _put(fields, "accessed", accessed[:10], where, "Y2")  # ISO, as some programs write
    elif accessed:
        dated = _ris_date(values, ("Y2",))
        _put(fields, "accessed", dated[1] if dated else accessed, where, "Y2")
    put("captured_by", "U3")
    put("language", "LA")
    put("dateline", "CY")
    put("section", "SE")
    put("notes", "N1")
    uid, sha = first("U1")[1], first("U2")[1]
    incoming = Incoming(
        label=_label(where.record, fields.get("title") or first("AN", "ID")[1]),
        uid=uid if uid and is_uuid(uid) else None,
        url=fields.get("url"),
        title=fields.get("title"),
        sha256=sha.lower() if sha and re.fullmatch(r"[0-9a-fA-F]{64}", sha) else None,
        fields=fields,
        one_line=True,
    )
    if first("M3")[1]:
        put("doc_type", "M3")
    elif kind_code:
        incoming.type_code = ("ris", kind_code)
    return incoming


# --- CSV ----------------------------------------------------------------------------------

_CSV_FIELDS = {
    "title": "title",
    "translated_title": "translated_title",
    "type": "doc_type",
    "doc_type": "doc_type",
    "publisher": "publisher",
    "published": "published",
    "published_time": "published_time",
    "published_tz": "published_tz",
    "dateline": "dateline",
    "section": "section",
    "language": "language",
    "url": "url",
    "accessed": "accessed",
    "captured_by": "captured_by",
    "notes": "notes",
}
_YES, _NO = ("true", "yes", "1"), ("false", "no", "0", "")


def from_csv(content: str, file: str = "the file") -> list[Incoming]:
    # strict: an unterminated quote is an error, not a cell that swallows the file's rest.
    reader = csv.DictReader(io.StringIO(content, newline=""), strict=True)
    records = []
    try:
        if not reader.fieldnames:
            raise ExchangeError(f"{file}: the CSV file has no header row; {NOTHING_DONE}")
        for number, raw in enumerate(reader, start=1):
            records.append(_csv_record(raw, Where(file, f"row {number} (line {reader.line_num})")))
    except csv.Error as exc:
        problem = str(exc)
        if "field larger than field limit" in problem:
            problem = f"a cell is longer than {csv.field_size_limit():,} characters"
        # line_num counts the lines read before the one that failed
        raise ExchangeError(
            f"{file}, line {reader.line_num + 1}: not readable as CSV ({problem}); {NOTHING_DONE}"
        ) from None
    return records


def _csv_record(raw: dict[str | None, Any], where: Where) -> Incoming:
    row = {
        (k or "").strip().lower(): unprotect_cell(v) if isinstance(v, str) else None
        for k, v in raw.items()
        if k is not None  # cells beyond the header have no column: nothing to import
    }
    fields: dict[str, Any] = {}
    for column, name in _CSV_FIELDS.items():
        if column in row:
            _put(fields, name, row[column], where, column)
    for name in ("authors", "recipients"):
        if row.get(name):
            names = [p.strip() for p in (row[name] or "").split(LIST_SEPARATOR.strip())]
            _put(fields, name, [p for p in names if p], where, name)
    devised = (row.get("title_devised") or "").strip().lower()
    if devised in _YES:
        fields["title_devised"] = True
    elif devised not in _NO:
        raise where.fail("title_devised", f"must be true or false, not {shown(devised)}")
    sha = _optional_text(row.get("sha256"), where, "sha256")
    return Incoming(
        label=_label(where.record.split(" (")[0], fields.get("title") or row.get("reference")),
        uid=_optional_text(row.get("uid"), where, "uid"),
        url=fields.get("url"),
        title=fields.get("title"),
        sha256=sha.lower() if sha else None,
        fields=fields,
    )
