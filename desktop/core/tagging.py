"""Tagging: a person adds, accepts, rejects, edits, removes or links a tag.

Each operation runs in its own write transaction and returns the ``TagChange`` the
catalogue recorded; ``revert_change`` runs the inverse (undo and redo in the window
are repeated reverts). Values for a tag made by selecting words are guessed with the
suggesters, so selecting "12 to 13 March 1987" and pressing D needs no typing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.date_input import read_date_input
from db.documents import require_document
from db.people import resolve_or_create
from db.tags import TagChange, TagKind, add_tag, get_tag, remove_tag, revert, update_tag
from desktop.core.changes import Changes, Done

if TYPE_CHECKING:
    from desktop.extract import Suggestions

# Words before a number that the figure suggester would read as its qualifier.
_QUALIFIER_WORDS = (
    ("more than", "more than"),
    ("over", "more than"),
    ("at least", "at least"),
    ("no fewer than", "at least"),
    ("fewer than", "fewer than"),
    ("at most", "at most"),
    ("up to", "up to"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("approximately", "about"),
)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def guess_values(
    kind: TagKind,
    text: str,
    *,
    role: str = "mentioned",
    language: str | None = None,
    published: str | None = None,
) -> dict[str, Any]:
    """Values for a tag a person just made by selecting *text*; they correct them after.

    Dates and numbers are read with the suggesters where they recognise the selection,
    so selecting "12 to 13 March 1987" and pressing D needs no typing at all. *language*
    is the language of the paragraph the words are in (a few words are too few to
    detect it from) and *published* the document's date, which gives "13 апреля" its
    year.
    """
    selected = " ".join(text.split())
    if kind == "date":
        for date in _suggest(selected, language, published).dates:
            return {"edtf": date.edtf, "what": date.what, "certainty": date.certainty}
        year = re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", selected)
        return {"edtf": year.group(1) if year else "XXXX", "certainty": "certain"}
    if kind == "figure":
        for figure in _suggest(selected, language, published).figures:
            return {
                "value": figure.value,
                "upper_value": figure.upper_value,
                "qualifier": figure.qualifier,
                "counted": figure.counted,
                "category": figure.category,
            }
        match = _NUMBER.search(selected)
        value = float(match.group(0).replace(",", "")) if match else 0.0
        counted = selected[match.end() :].strip(" .,;:") if match else selected
        before = selected[: match.start()].strip().casefold() if match else ""
        qualifier = next((q for words, q in _QUALIFIER_WORDS if before.endswith(words)), "exact")
        return {"value": value, "qualifier": qualifier, "counted": counted}
    return {"name": selected, "role": role, "is_organisation": False}


def _suggest(selected: str, language: str | None, published: str | None) -> Suggestions:
    from desktop.extract import suggest
    from desktop.extract.document_context import document_day
    from desktop.extract.languages import detect_languages, fixed_language

    languages = fixed_language(selected, language) if language else detect_languages(selected)
    return suggest(selected, languages=languages, document_date=document_day(published))


def accept_tag(session: Session, *, kind: TagKind, tag_id: int, actor: str) -> TagChange:
    """Accept a suggestion; a mention is linked to its person record in the same change,
    so one undo takes both back."""
    changes: dict[str, Any] = {"status": "accepted"}
    if kind == "mention":
        mention = get_tag(session, kind, tag_id)
        if mention.agent_id is None:  # type: ignore[union-attr]
            agent, _ = resolve_or_create(
                session,
                name=mention.name,  # type: ignore[union-attr]
                is_organisation=mention.is_organisation,  # type: ignore[union-attr]
                actor=actor,
            )
            changes["agent_id"] = agent.id
    return update_tag(session, kind=kind, tag_id=tag_id, changes=changes, actor=actor)


def _done(change: TagChange) -> Done[TagChange]:
    return Done(
        change,
        Changes(tags_of=frozenset({change.document_ref}), people=change.kind == "mention"),
    )


def tag_words(
    catalogue: Catalogue, *, ref: str, kind: TagKind, start: int, end: int, values: dict[str, Any]
) -> Done[TagChange]:
    """A new tag on the characters *start*–*end* of document *ref*."""
    with catalogue.writing() as session:
        document = require_document(session, ref)
        _tag, change = add_tag(
            session,
            kind=kind,
            document=document,
            start=start,
            end=end,
            values=values,
            actor=catalogue.actor,
        )
    return _done(change)


def accept(catalogue: Catalogue, *, kind: TagKind, tag_id: int) -> Done[TagChange]:
    """Accept a suggestion (a mention is linked to its person in the same change)."""
    with catalogue.writing() as session:
        change = accept_tag(session, kind=kind, tag_id=tag_id, actor=catalogue.actor)
    return _done(change)


def reject(catalogue: Catalogue, *, kind: TagKind, tag_id: int) -> Done[TagChange]:
    """Reject a suggestion; it stays rejected when suggestions run again."""
    return edit(catalogue, kind=kind, tag_id=tag_id, changes={"status": "rejected"})


def edit(
    catalogue: Catalogue, *, kind: TagKind, tag_id: int, changes: dict[str, Any]
) -> Done[TagChange]:
    """Change a tag's values (or status). A date may be typed as people write it
    ("26 Feb 2022"); it is stored as the EDTF ``read_date_input`` makes of it, and
    input it cannot read is refused (``DateInputError``) before anything is written."""
    if kind == "date" and isinstance(changes.get("edtf"), str):
        changes = {**changes, "edtf": read_date_input(changes["edtf"], field="Date") or ""}
    with catalogue.writing() as session:
        change = update_tag(
            session, kind=kind, tag_id=tag_id, changes=changes, actor=catalogue.actor
        )
    return _done(change)


def remove(catalogue: Catalogue, *, kind: TagKind, tag_id: int) -> Done[TagChange]:
    with catalogue.writing() as session:
        change = remove_tag(session, kind=kind, tag_id=tag_id, actor=catalogue.actor)
    return _done(change)


def link_person(
    catalogue: Catalogue, *, tag_id: int, name: str, is_organisation: bool = False
) -> Done[TagChange]:
    """Point a mention at the record one of whose names matches *name* (or a new one)."""
    with catalogue.writing() as session:
        agent, _created = resolve_or_create(
            session, name=name, is_organisation=is_organisation, actor=catalogue.actor
        )
        change = update_tag(
            session,
            kind="mention",
            tag_id=tag_id,
            changes={"agent_id": agent.id},
            actor=catalogue.actor,
        )
    return _done(change)


def revert_change(catalogue: Catalogue, *, change: TagChange) -> Done[TagChange]:
    """Undo *change*; the returned change undoes this one (so redo is another revert)."""
    with catalogue.writing() as session:
        undone = revert(session, change=change, actor=catalogue.actor)
    return _done(undone)
