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
"letter"). Two records of one file that match the same document are not both
applied: the later one is reported as ambiguous.

Every value is checked before the catalogue is opened for writing
(``desktop.exchange.metadata_read`` with the rules of ``desktop.exchange.validate``): a
malformed value stops the whole file with one line naming file, record and field, and
nothing is changed. Whatever passes is applied in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import (
    EDITABLE_FIELDS,
    add_metadata_only,
    update_metadata,
)
from db.folding import fold
from db.models import Document
from desktop.dossier.citation_model import Creator
from desktop.exchange import biblio
from desktop.exchange.metadata_read import SOURCE_FORMATS as SOURCE_FORMATS
from desktop.exchange.metadata_read import Incoming, read_records
from desktop.exchange.names import export_person

Action = Literal["update", "unchanged", "create", "unmatched", "ambiguous"]


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
    """Names compared as exported: the exports leave honorifics out ("Judge Brandt" is
    sent as "Brandt"), so a record coming back without the title is the same person
    and does not erase the title the catalogue holds."""

    def creators(names: Sequence[str]) -> list[Creator]:
        out = []
        for name in names:
            try:
                out.append(export_person(name))
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
        claimed: dict[str, str] = {}  # reference → label of the record that matched it
        for incoming in records:
            document, matched_by, ambiguous = index.match(incoming)
            if document is not None and document.ref in claimed:
                report.outcomes.append(
                    Outcome(
                        incoming.label,
                        "ambiguous",
                        reason=f"matches {document.ref}, which {claimed[document.ref]} "
                        "already matched; only the first record is applied",
                    )
                )
                continue
            if document is not None:
                claimed[document.ref] = incoming.label
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
                    claimed[created.ref] = incoming.label
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
