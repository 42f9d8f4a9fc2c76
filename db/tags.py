"""Tags: dates, figures and mentions anchored to exact characters of a document.

A suggestion is stored as a tag with status "suggested"; a person accepts, edits or
rejects it. A rejected tag is kept (status "rejected") so running the suggesters again
does not bring it back. Every operation returns a ``TagChange`` holding the tag's
values before and after, which is what undo needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.dates import edtf_bounds, is_valid_edtf
from db.documents import DocumentError, require_document
from db.languages import redetect_languages
from db.models import (
    QUALIFIERS,
    ROLES,
    SUGGESTION_STATUSES,
    DateTag,
    Document,
    Figure,
    Mention,
)
from db.spans import anchor, reanchor

TagKind = Literal["date", "figure", "mention"]
TagModel = DateTag | Figure | Mention
MODELS: dict[str, type[DateTag] | type[Figure] | type[Mention]] = {
    "date": DateTag,
    "figure": Figure,
    "mention": Mention,
}
VALUE_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("edtf", "what", "certainty"),
    "figure": ("value", "upper_value", "qualifier", "counted", "category", "part_of_id"),
    "mention": ("name", "variants", "role", "agent_id", "is_organisation"),
}
# What a tag's snapshot (undo, TagChange) holds; prefix and suffix are not in it: they
# are read from the document's text at the offsets (``SpanMixin``).
SPAN_FIELDS = ("start", "end", "quote", "status", "origin", "note")
CERTAINTIES = ("certain", "approximate", "uncertain")


class TagError(ValueError):
    """A tag operation the catalogue refuses; the message is meant for the user."""


@dataclass(frozen=True)
class TagChange:
    """One tag before and after an operation (None = did not exist)."""

    kind: TagKind
    tag_id: int
    document_ref: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def snapshot(tag: TagModel, kind: TagKind) -> dict[str, Any]:
    fields = (*SPAN_FIELDS, *VALUE_FIELDS[kind], "uid", "document_id")
    return {name: getattr(tag, name) for name in fields}


def _validate(kind: TagKind, values: dict[str, Any]) -> None:
    status = values.get("status")
    if status is not None and status not in SUGGESTION_STATUSES:
        raise TagError(f"unknown status {status!r}")
    if kind == "figure":
        if values.get("qualifier") not in (None, *QUALIFIERS):
            raise TagError(f"unknown qualifier {values['qualifier']!r}")
        lower, upper = values.get("value"), values.get("upper_value")
        if upper is not None and lower is not None and upper < lower:
            raise TagError("the upper value of a range cannot be below its lower value")
    if kind == "mention" and values.get("role") not in (None, *ROLES):
        raise TagError(f"unknown role {values['role']!r}; roles are {', '.join(ROLES)}")
    if kind == "date":
        if values.get("certainty") not in (None, *CERTAINTIES):
            raise TagError(f"unknown certainty {values['certainty']!r}")
        if "edtf" in values and not values["edtf"]:
            raise TagError("a date needs an EDTF value")
        if values.get("edtf") and not is_valid_edtf(values["edtf"]):
            shown = str(values["edtf"])[:60]
            raise TagError(f"Date: “{shown}” is not an EDTF date (nothing was changed)")


def add_tag(
    session: Session,
    *,
    kind: TagKind,
    document: Document,
    start: int,
    end: int,
    values: dict[str, Any],
    status: str = "accepted",
    origin: str = "manual",
    actor: str,
    record_event: bool = True,
) -> tuple[TagModel, TagChange]:
    """Tag text[start:end] of *document* with *values* (fields of the tag kind)."""
    unknown = set(values) - set(VALUE_FIELDS[kind])
    if unknown:
        raise TagError(f"not a field of a {kind} tag: {', '.join(sorted(unknown))}")
    _validate(kind, {**values, "status": status})
    try:
        span = anchor(document.text, start, end)
    except ValueError as exc:
        raise TagError(str(exc)) from exc
    model = MODELS[kind]
    tag = model(
        document_id=document.id,
        start=span.start,
        end=span.end,
        quote=span.quote,
        status=status,
        origin=origin,
        **values,
    )
    if kind == "date":
        tag.lower, tag.upper = edtf_bounds(values.get("edtf"))  # type: ignore[union-attr]
    session.add(tag)
    session.flush()
    change = TagChange(kind, tag.id, document.ref, None, snapshot(tag, kind))
    if record_event:
        audit.record(
            session,
            action=f"tag {kind}",
            actor=actor,
            target=document.ref,
            detail={"tag": tag.uid, "quote": tag.quote, "status": status},
        )
    return tag, change


def get_tag(session: Session, kind: TagKind, tag_id: int) -> TagModel:
    # MODELS maps each kind to its class; mypy sees only their common base.
    tag = cast(TagModel | None, session.get(MODELS[kind], tag_id))
    if tag is None:
        raise TagError(f"no {kind} tag #{tag_id}")
    return tag


def _document_ref(session: Session, tag: TagModel) -> str:
    document = session.get(Document, tag.document_id)
    return document.ref if document else "?"


def update_tag(
    session: Session, *, kind: TagKind, tag_id: int, changes: dict[str, Any], actor: str
) -> TagChange:
    """Change a tag's value, status or span (start/end re-anchor the quote)."""
    tag = get_tag(session, kind, tag_id)
    allowed = set(VALUE_FIELDS[kind]) | {"status", "note", "start", "end"}
    unknown = set(changes) - allowed
    if unknown:
        raise TagError(f"cannot change {', '.join(sorted(unknown))} of a {kind} tag")
    _validate(kind, changes)
    before = snapshot(tag, kind)
    if "start" in changes or "end" in changes:
        document = session.get(Document, tag.document_id)
        assert document is not None
        try:
            span = anchor(
                document.text, changes.get("start", tag.start), changes.get("end", tag.end)
            )
        except ValueError as exc:
            raise TagError(str(exc)) from exc
        tag.start, tag.end, tag.quote = span.start, span.end, span.quote
        tag.forget_context()
    for name, value in changes.items():
        if name not in ("start", "end"):
            setattr(tag, name, value)
    if isinstance(tag, DateTag) and "edtf" in changes:
        tag.lower, tag.upper = edtf_bounds(tag.edtf)
    session.flush()
    after = snapshot(tag, kind)
    ref = _document_ref(session, tag)
    action = {"accepted": "accept", "rejected": "reject"}.get(str(changes.get("status")), "edit")
    audit.record(
        session,
        action=f"{action} {kind}",
        actor=actor,
        target=ref,
        detail={"tag": tag.uid, "changed": sorted(changes)},
    )
    return TagChange(kind, tag.id, ref, before, after)


def set_status(
    session: Session, *, kind: TagKind, tag_id: int, status: str, actor: str
) -> TagChange:
    return update_tag(session, kind=kind, tag_id=tag_id, changes={"status": status}, actor=actor)


def remove_tag(session: Session, *, kind: TagKind, tag_id: int, actor: str) -> TagChange:
    """Delete a tag outright (a person's mistake); the change keeps it for undo."""
    tag = get_tag(session, kind, tag_id)
    before = snapshot(tag, kind)
    ref = _document_ref(session, tag)
    session.delete(tag)
    session.flush()
    audit.record(
        session,
        action=f"remove {kind}",
        actor=actor,
        target=ref,
        detail={"tag": before["uid"], "quote": before["quote"]},
    )
    return TagChange(kind, tag_id, ref, before, None)


def restore_tag(session: Session, *, change: TagChange, actor: str) -> TagChange:
    """Put a removed tag back exactly as it was (undo of ``remove_tag``)."""
    if change.before is None:
        raise TagError("nothing to restore")
    tag = MODELS[change.kind](**change.before)
    if isinstance(tag, DateTag):
        tag.lower, tag.upper = edtf_bounds(tag.edtf)
    session.add(tag)
    session.flush()
    audit.record(
        session,
        action=f"restore {change.kind}",
        actor=actor,
        target=change.document_ref,
        detail={"tag": tag.uid},
    )
    return TagChange(change.kind, tag.id, change.document_ref, None, snapshot(tag, change.kind))


def revert(session: Session, *, change: TagChange, actor: str) -> TagChange:
    """Undo *change*: delete what it added, restore what it removed, or set values back."""
    if change.before is None:
        return remove_tag(session, kind=change.kind, tag_id=change.tag_id, actor=actor)
    if change.after is None:
        return restore_tag(session, change=change, actor=actor)
    editable = {*VALUE_FIELDS[change.kind], "status", "note", "start", "end"}
    values = {k: v for k, v in change.before.items() if k in editable}
    return update_tag(session, kind=change.kind, tag_id=change.tag_id, changes=values, actor=actor)


def tags_of(
    session: Session,
    document_id: int,
    *,
    kinds: tuple[TagKind, ...] = ("date", "figure", "mention"),
    statuses: tuple[str, ...] = SUGGESTION_STATUSES,
) -> list[tuple[TagKind, TagModel]]:
    """All tags of a document in text order."""
    found: list[tuple[TagKind, TagModel]] = []
    for kind in kinds:
        model = MODELS[kind]
        rows = cast(
            list[TagModel],
            list(
                session.execute(
                    select(model).where(
                        model.document_id == document_id, model.status.in_(statuses)
                    )
                ).scalars()
            ),
        )
        found.extend((kind, row) for row in rows)
    found.sort(key=lambda item: (item[1].start, item[1].end, item[0]))
    return found


def span_keys(session: Session, document_id: int) -> set[tuple[str, int, int]]:
    """(kind, start, end) of every tag of any status: suggesters skip these spans, so
    a rejected suggestion stays rejected and an accepted one is not duplicated."""
    return {(kind, tag.start, tag.end) for kind, tag in tags_of(session, document_id)}


@dataclass(frozen=True)
class ReanchorReport:
    moved: int
    unchanged: int
    lost: list[str]  # uids of tags whose quote no longer occurs


def replace_text(
    session: Session, *, ref: str, text: str, actor: str, allow_losing_tags: bool = False
) -> ReanchorReport:
    """Give a document a new working text (e.g. cleaned again) and re-anchor its tags.

    Tags follow their quote, using prefix and suffix to choose among repeats. If an
    accepted tag's quote no longer occurs, nothing is changed unless the caller
    explicitly allows it; lost suggestions are dropped.
    """
    document = require_document(session, ref)
    plans: list[tuple[TagKind, TagModel, Any]] = []
    lost: list[str] = []
    for kind, tag in tags_of(session, document.id):
        found = reanchor(
            text,
            start=tag.start,
            end=tag.end,
            quote=tag.quote,
            prefix=tag.prefix,
            suffix=tag.suffix,
        )
        if found is None:
            lost.append(tag.uid)
            if tag.status == "accepted" and not allow_losing_tags:
                raise DocumentError(
                    f"the new text no longer contains the accepted {kind} tag "
                    f"{tag.quote!r}; nothing was changed"
                )
        plans.append((kind, tag, found))
    moved = unchanged = 0
    for _kind, tag, found in plans:
        if found is None:
            session.delete(tag)
            continue
        if (found.start, found.end) == (tag.start, tag.end):
            unchanged += 1
        else:
            moved += 1
        tag.start, tag.end = found.start, found.end
        tag.forget_context()  # read from the new text from now on
    document.text = text
    redetect_languages(document)  # the paragraphs, and so their languages, may differ now
    audit.record(
        session,
        action="replace text",
        actor=actor,
        target=ref,
        detail={"moved": moved, "lost": lost, "text_sha256": document.text_sha256},
    )
    return ReanchorReport(moved, unchanged, lost)
