"""Importing metadata from reference managers and spreadsheets onto existing documents.

``catena import-metadata FILE`` reads CSL-JSON (``.json``), RIS (``.ris``/``.txt``) or
CSV (``.csv``, the columns of Catena's ``documents.csv``) and matches each record to
one document, trying in order:

1. the Catena UID (CSL ``custom.catena.uid``, RIS ``U1``, CSV ``uid``) — exact, and
   only present in files Catena wrote;
2. the URL (scheme and host case, a trailing slash and the fragment ignored);
3. the title, folded (case, diacritics, punctuation and spacing ignored);
4. the SHA-256 of the original (CSL ``custom.catena.sha256`` or ``sha256``, RIS ``U2``,
   CSV ``sha256``).

A key that matches several documents is not used (the next key is tried); a record
nothing matches is reported, or, with ``create``, becomes a *metadata-only* document:
no original, empty text, flag "metadata only".

Changes go through ``db.documents.update_metadata``, so each is audited and the
fields stop counting as guesses (a person chose to import them). Empty values in the
file never clear a field: a blank spreadsheet cell means "no information", not
"delete". Author lists are compared as names (so "Carrow, Edith" equals "Edith
Carrow"), and a document type is only replaced when the file's type means something
else (a CSL ``personal_communication`` does not turn an "open letter" into a
"letter").
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.catalogue import Catalogue
from db.documents import EDITABLE_FIELDS, update_metadata
from db.folding import fold
from db.models import Document
from db.refs import DOCUMENT_PREFIX, next_ref
from desktop.dossier.citation_model import Creator, split_name
from desktop.exchange import biblio
from desktop.exchange.common import ExchangeError
from desktop.exchange.tables import LIST_SEPARATOR, unprotect_cell

METADATA_ONLY_FLAG = "metadata only"
METADATA_ONLY_MEDIA_TYPE = "application/x-catena-metadata-only"
SOURCE_FORMATS = ("csl-json", "ris", "csv")
Action = Literal["update", "unchanged", "create", "unmatched", "ambiguous"]


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


@dataclass
class Outcome:
    label: str
    action: Action
    ref: str | None = None
    matched_by: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    reason: str | None = None

    def describe(self) -> str:
        if self.action in ("update", "unchanged"):
            head = f"{self.ref} (matched by {self.matched_by}, {self.label})"
            if not self.changes:
                return f"{head}: no changes"
            lines = [f"{head}: {len(self.changes)} change{'s' * (len(self.changes) > 1)}"]
            lines += [
                f"    {name}: {before!r} → {after!r}"
                for name, (before, after) in self.changes.items()
            ]
            return "\n".join(lines)
        if self.action == "create":
            where = f" as {self.ref}" if self.ref else ""
            values = ", ".join(f"{k}={v!r}" for k, (_, v) in self.changes.items())
            return f"{self.label}: new metadata-only document{where} ({values})"
        return f"{self.label}: {self.reason}"


@dataclass
class MetadataImport:
    source: Path
    format: str
    dry_run: bool
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, action: Action) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    def summary(self) -> str:
        verb = "would be" if self.dry_run else "were"
        return (
            f"{len(self.outcomes)} records: {self.count('update')} documents {verb} updated, "
            f"{self.count('unchanged')} unchanged, {self.count('create')} {verb} created, "
            f"{self.count('unmatched')} unmatched, {self.count('ambiguous')} ambiguous."
            + (" Dry run: nothing was changed." if self.dry_run else "")
        )


# --- reading the file ------------------------------------------------------------------


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
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise ExchangeError(f"no file {path}") from exc
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"{path.name} is not UTF-8 text") from exc
    if source_format == "csl-json":
        return source_format, from_csl_json(text)
    if source_format == "ris":
        return source_format, from_ris(text)
    if source_format == "csv":
        return source_format, from_csv(text)
    raise ExchangeError(
        f"unknown metadata format {source_format!r}; use {', '.join(SOURCE_FORMATS)}"
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    cleaned = str(value).strip()
    return cleaned or None


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


def _csl_creator(value: Any) -> Creator | None:
    if not isinstance(value, dict):
        return None
    if value.get("literal"):
        return Creator.organisation(str(value["literal"]))
    family, given = _text(value.get("family")), _text(value.get("given"))
    if not (family or given):
        return None
    return Creator(family=family, given=given, suffix=_text(value.get("suffix")))


def _put(fields: dict[str, Any], name: str, value: Any) -> None:
    if isinstance(value, list):
        if value:
            fields[name] = value
    elif isinstance(value, bool):
        fields[name] = value
    else:
        text = _text(value)
        if text is not None:
            fields[name] = text


def from_csl_json(text: str) -> list[Incoming]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"not valid JSON: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("items", [data])
    if not isinstance(data, list):
        raise ExchangeError("CSL-JSON must be a list of items")
    records = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            continue
        custom = (item.get("custom") or {}).get("catena") or {}
        fields: dict[str, Any] = {}
        _put(fields, "title", item.get("title"))
        _put(fields, "translated_title", custom.get("translated_title"))
        if custom.get("title_devised") is not None:
            fields["title_devised"] = bool(custom.get("title_devised"))
        creators = [c for c in map(_csl_creator, item.get("author") or []) if c]
        _put(fields, "authors", [_byline(c) for c in creators])
        recipients = [c for c in map(_csl_creator, item.get("recipient") or []) if c]
        _put(fields, "recipients", [_byline(c) for c in recipients])
        _put(fields, "publisher", item.get("container-title") or item.get("publisher"))
        _put(
            fields, "published", custom.get("published") or biblio.edtf_from_csl(item.get("issued"))
        )
        _put(fields, "url", item.get("URL"))
        _put(fields, "language", item.get("language"))
        _put(fields, "notes", item.get("note"))
        _put(fields, "dateline", item.get("publisher-place"))
        _put(fields, "section", item.get("section"))
        incoming = Incoming(
            label=f"record {number} “{item.get('title') or item.get('id') or '?'}”",
            uid=_text(custom.get("uid")),
            url=fields.get("url"),
            title=fields.get("title"),
            sha256=_text(custom.get("sha256") or item.get("sha256")),
            fields=fields,
        )
        if custom.get("type"):
            fields["doc_type"] = str(custom["type"])
        elif item.get("type"):
            incoming.type_code = ("csl", str(item["type"]))
        records.append(incoming)
    return records


def _ris_date(values: dict[str, list[str]]) -> str | None:
    for tag in ("DA", "PY", "Y1"):
        for value in values.get(tag, []):
            year, month, day, other = ([*value.split("/"), "", "", ""])[:4]
            if other.strip():
                return other.strip()
            parts = [p for p in (year.strip(), month.strip(), day.strip()) if p]
            if parts and parts[0].isdigit() and len(parts[0]) == 4:
                return "-".join([parts[0], *(p.zfill(2) for p in parts[1:] if p.isdigit())])
    return None


def from_ris(text: str) -> list[Incoming]:
    records = []
    for number, values in enumerate(biblio.parse_ris(text), start=1):

        def first(*tags: str, values: dict[str, list[str]] = values) -> str | None:
            for tag in tags:
                for value in values.get(tag, []):
                    if value.strip():
                        return value.strip()
            return None

        kind = first("TY") or ""
        fields: dict[str, Any] = {}
        _put(fields, "title", first("TI", "T1"))
        _put(fields, "translated_title", first("TT"))
        # Creator.parse reads "Family, Given" as a person and keeps bodies whole.
        authors = [
            Creator.parse(v) for v in values.get("AU", []) + values.get("A1", []) if v.strip()
        ]
        _put(fields, "authors", [_byline(c) for c in authors])
        if kind in ("PCOMM", "ICOMM"):
            recipients = [Creator.parse(v) for v in values.get("A2", []) if v.strip()]
            _put(fields, "recipients", [_byline(c) for c in recipients])
        _put(fields, "publisher", first("T2", "JO", "JF", "PB"))
        _put(fields, "published", _ris_date(values))
        _put(fields, "url", first("UR", "L2"))
        _put(fields, "language", first("LA"))
        _put(fields, "dateline", first("CY"))
        _put(fields, "section", first("SE"))
        _put(fields, "notes", first("N1"))
        uid = first("U1")
        sha = first("U2")
        incoming = Incoming(
            label=f"record {number} “{fields.get('title') or first('AN', 'ID') or '?'}”",
            uid=uid if uid and _is_uuid(uid) else None,
            url=fields.get("url"),
            title=fields.get("title"),
            sha256=sha.lower() if sha and re.fullmatch(r"[0-9a-fA-F]{64}", sha) else None,
            fields=fields,
            one_line=True,
        )
        if first("M3"):
            fields["doc_type"] = first("M3")
        elif kind:
            incoming.type_code = ("ris", kind)
        records.append(incoming)
    return records


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


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
    "notes": "notes",
}


def from_csv(text: str) -> list[Incoming]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise ExchangeError("the CSV file has no header row")
    records = []
    for number, raw in enumerate(reader, start=1):
        row = {
            (k or "").strip().lower(): unprotect_cell(v) if isinstance(v, str) else v
            for k, v in raw.items()
        }
        fields: dict[str, Any] = {}
        for column, name in _CSV_FIELDS.items():
            if column in row:
                _put(fields, name, row[column])
        for name in ("authors", "recipients"):
            if row.get(name):
                _put(
                    fields,
                    name,
                    [p.strip() for p in row[name].split(LIST_SEPARATOR.strip()) if p.strip()],
                )
        if (row.get("title_devised") or "").strip().lower() in ("true", "yes", "1"):
            fields["title_devised"] = True
        records.append(
            Incoming(
                label=f"row {number} “{fields.get('title') or row.get('reference') or '?'}”",
                uid=_text(row.get("uid")),
                url=fields.get("url"),
                title=fields.get("title"),
                sha256=(_text(row.get("sha256")) or "").lower() or None,
                fields=fields,
            )
        )
    return records


# --- matching -----------------------------------------------------------------------------


def normal_url(url: str) -> str:
    text = url.strip().split("#", 1)[0]
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/]*)(.*)$", text)
    if match:
        text = match.group(1).lower() + match.group(2).lower() + match.group(3)
    return text.rstrip("/")


def normal_title(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(title)).split())


class _Index:
    def __init__(self, documents: Sequence[Document]) -> None:
        self.by: dict[str, dict[str, list[Document]]] = {
            "uid": {},
            "url": {},
            "title": {},
            "sha256": {},
        }
        for document in documents:
            self.add(document)

    def add(self, document: Document) -> None:
        keys = {
            "uid": document.uid,
            "url": normal_url(document.url) if document.url else None,
            "title": normal_title(document.title) if document.title else None,
            "sha256": document.original_sha256,
        }
        for name, key in keys.items():
            if key:
                self.by[name].setdefault(key, []).append(document)

    def match(self, incoming: Incoming) -> tuple[Document | None, str | None, str | None]:
        keys = {
            "uid": incoming.uid,
            "url": normal_url(incoming.url) if incoming.url else None,
            "title": normal_title(incoming.title) if incoming.title else None,
            "sha256": incoming.sha256,
        }
        ambiguous = None
        for name, key in keys.items():
            if not key:
                continue
            found = self.by[name].get(key, [])
            if len(found) == 1:
                return found[0], name, None
            if len(found) > 1:
                refs = ", ".join(d.ref for d in found)
                ambiguous = ambiguous or f"its {name} matches several documents ({refs})"
        return None, None, ambiguous


def _same_authors(current: Sequence[str], incoming: Sequence[str]) -> bool:
    def creators(names: Sequence[str]) -> list[Creator]:
        out = []
        for name in names:
            try:
                out.append(Creator.parse(name))
            except ValueError:
                continue
        return out

    return creators(current) == creators(incoming)


def _type_differs(document: Document, code: tuple[str, str]) -> str | None:
    """The Catena type for a lossy incoming type, or None when it says the same thing."""
    vocabulary, value = code
    current = biblio.type_map(document)
    if vocabulary == "csl":
        same = current.csl == value
        mapped = biblio.CSL_TO_CATENA.get(value)
    else:
        same = current.ris == value
        mapped = biblio.RIS_TO_CATENA.get(value)
    return None if same or not mapped else mapped


def changes_for(document: Document, incoming: Incoming) -> dict[str, tuple[Any, Any]]:
    changes: dict[str, tuple[Any, Any]] = {}
    for name, value in incoming.fields.items():
        if name not in EDITABLE_FIELDS:
            continue
        current = getattr(document, name)
        if name in ("authors", "recipients"):
            if not _same_authors(current or [], value):
                changes[name] = (list(current or []), list(value))
        elif name == "title_devised":
            if bool(current) != bool(value):
                changes[name] = (bool(current), bool(value))
        elif (current or None) != value:
            if (
                incoming.one_line
                and isinstance(current, str)
                and " ".join(current.split()) == value
            ):
                continue
            changes[name] = (current, value)
    if incoming.type_code is not None:
        mapped = _type_differs(document, incoming.type_code)
        if mapped is not None and mapped != document.doc_type:
            changes["doc_type"] = (document.doc_type, mapped)
    return changes


# --- running ------------------------------------------------------------------------------


def add_metadata_only(session: Session, *, actor: str, uid: str | None = None) -> Document:
    """A document with no original and no text, flagged "metadata only".

    ``db.documents.add_document`` requires an original, so this helper lives here;
    the record is otherwise an ordinary document (reference code, UUID, audit event).
    """
    existing = (
        session.execute(select(Document.id).where(Document.uid == uid)).scalar() if uid else None
    )
    document = Document(
        ref=next_ref(session, DOCUMENT_PREFIX),
        text="",
        media_type=METADATA_ONLY_MEDIA_TYPE,
        flags=[METADATA_ONLY_FLAG],
        original_sha256=None,
    )
    if uid and _is_uuid(uid) and existing is None:
        document.uid = uid
    session.add(document)
    session.flush()
    audit.record(
        session,
        action="create metadata-only record",
        actor=actor,
        target=document.ref,
        detail={"uid": document.uid},
    )
    return document


def import_metadata(
    catalogue: Catalogue,
    path: Path,
    *,
    source_format: str | None = None,
    dry_run: bool = False,
    create: bool = False,
) -> MetadataImport:
    """Match each record of *path* to a document and apply (or, dry, report) changes."""
    fmt, records = read_records(Path(path), source_format)
    report = MetadataImport(Path(path), fmt, dry_run)
    session_factory = catalogue.reading if dry_run else catalogue.writing
    with session_factory() as session:
        documents = list(
            session.execute(
                select(Document).where(Document.deleted_at.is_(None)).order_by(Document.id)
            ).scalars()
        )
        index = _Index(documents)
        for incoming in records:
            document, matched_by, ambiguous = index.match(incoming)
            if document is None:
                if ambiguous:
                    report.outcomes.append(Outcome(incoming.label, "ambiguous", reason=ambiguous))
                    continue
                if not create:
                    report.outcomes.append(
                        Outcome(
                            incoming.label,
                            "unmatched",
                            reason="no matching document (use --create to add a "
                            "metadata-only record)",
                        )
                    )
                    continue
                fields = {k: v for k, v in incoming.fields.items() if k in EDITABLE_FIELDS}
                if incoming.type_code and "doc_type" not in fields:
                    table = (
                        biblio.CSL_TO_CATENA
                        if incoming.type_code[0] == "csl"
                        else (biblio.RIS_TO_CATENA)
                    )
                    if incoming.type_code[1] in table:
                        fields["doc_type"] = table[incoming.type_code[1]]
                outcome = Outcome(
                    incoming.label, "create", changes={k: (None, v) for k, v in fields.items()}
                )
                if not dry_run:
                    created = add_metadata_only(session, actor=catalogue.actor, uid=incoming.uid)
                    if fields:
                        update_metadata(
                            session, ref=created.ref, changes=fields, actor=catalogue.actor
                        )
                    outcome.ref = created.ref
                    index.add(created)
                report.outcomes.append(outcome)
                continue
            changes = changes_for(document, incoming)
            outcome = Outcome(
                incoming.label,
                "update" if changes else "unchanged",
                ref=document.ref,
                matched_by=matched_by,
                changes=changes,
            )
            if changes and not dry_run:
                update_metadata(
                    session,
                    ref=document.ref,
                    changes={k: after for k, (_, after) in changes.items()},
                    actor=catalogue.actor,
                )
            report.outcomes.append(outcome)
    return report
