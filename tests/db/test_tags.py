"""Tag operations: add, edit, accept/reject, remove, undo, and re-anchoring."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from db import audit
from db.catalogue import Catalogue
from db.documents import DocumentError, NewDocument, add_document
from db.models import DateTag, Document, Event, Figure, Mention
from db.tags import (
    TagError,
    add_tag,
    remove_tag,
    replace_text,
    revert,
    set_status,
    span_keys,
    tags_of,
    update_tag,
)

TEXT = (
    "On 12 March 1987 the embankment failed. At least 212 people were killed, "
    "including 61 children. Mrs Olga Tarasova had warned the office in October 1986."
)


@pytest.fixture
def document(catalogue: Catalogue) -> str:
    with catalogue.writing() as session:
        doc = add_document(
            session,
            new=NewDocument(
                text=TEXT,
                media_type="text/plain",
                original_sha256="b" * 64,
                original_size=len(TEXT),
                original_filename="t.txt",
            ),
            actor="t",
        )
        return doc.ref


def _doc(session, ref: str) -> Document:  # type: ignore[no-untyped-def]
    return session.scalars(select(Document).where(Document.ref == ref)).one()


def test_a_tag_points_at_exact_characters(catalogue: Catalogue, document: str) -> None:
    start = TEXT.index("12 March 1987")
    with catalogue.writing() as session:
        tag, change = add_tag(
            session,
            kind="date",
            document=_doc(session, document),
            start=start,
            end=start + 13,
            values={"edtf": "1987-03-12", "what": "embankment failed"},
            actor="t",
        )
        assert tag.quote == "12 March 1987"
        assert tag.prefix == "On " and tag.suffix.startswith(" the embankment")
        assert (tag.lower, tag.upper) == ("1987-03-12", "1987-03-12")
        assert change.before is None and change.after is not None


@pytest.mark.parametrize(
    ("kind", "values", "message"),
    [
        ("figure", {"value": 5, "qualifier": "loads"}, "unknown qualifier"),
        ("figure", {"value": 60, "upper_value": 40, "qualifier": "range"}, "upper value"),
        ("mention", {"name": "X", "role": "villain"}, "unknown role"),
        ("date", {"edtf": ""}, "needs an EDTF"),
        ("date", {"edtf": "1987", "colour": "red"}, "not a field"),
    ],
)
def test_bad_values_are_refused(
    catalogue: Catalogue,
    document: str,
    kind,
    values,  # type: ignore[no-untyped-def]
    message: str,
) -> None:
    with pytest.raises(TagError, match=message), catalogue.writing() as session:
        add_tag(
            session,
            kind=kind,
            document=_doc(session, document),
            start=0,
            end=2,
            values=values,
            actor="t",
        )


def test_span_outside_text_is_refused(catalogue: Catalogue, document: str) -> None:
    with pytest.raises(TagError, match="outside the text"), catalogue.writing() as session:
        add_tag(
            session,
            kind="date",
            document=_doc(session, document),
            start=5,
            end=len(TEXT) + 5,
            values={"edtf": "1987"},
            actor="t",
        )


def test_accept_reject_edit_and_undo(catalogue: Catalogue, document: str) -> None:
    start = TEXT.index("212 people")
    with catalogue.writing() as session:
        tag, _ = add_tag(
            session,
            kind="figure",
            document=_doc(session, document),
            start=start,
            end=start + 10,
            values={
                "value": 212,
                "qualifier": "exact",
                "counted": "people killed",
                "category": "killed",
            },
            status="suggested",
            origin="suggested",
            actor="t",
        )
        tag_id = tag.id
    with catalogue.writing() as session:
        edit = update_tag(
            session,
            kind="figure",
            tag_id=tag_id,
            changes={"qualifier": "at least", "start": start - 9},
            actor="t",
        )
        assert edit.after is not None and edit.after["quote"] == "At least 212 people"
        accepted = set_status(session, kind="figure", tag_id=tag_id, status="accepted", actor="t")
    with catalogue.writing() as session:
        revert(session, change=accepted, actor="t")
        assert session.get(Figure, tag_id).status == "suggested"  # type: ignore[union-attr]
        revert(session, change=edit, actor="t")
        figure = session.get(Figure, tag_id)
        assert figure is not None
        assert (figure.qualifier, figure.quote) == ("exact", "212 people")
    with catalogue.reading() as session:
        actions = session.scalars(select(Event.action).order_by(Event.id)).all()
        assert actions[-4:] == ["edit figure", "accept figure", "edit figure", "edit figure"]
        assert audit.verify_chain(session).ok


def test_remove_and_restore_a_tag_exactly(catalogue: Catalogue, document: str) -> None:
    start = TEXT.index("October 1986")
    with catalogue.writing() as session:
        tag, _ = add_tag(
            session,
            kind="date",
            document=_doc(session, document),
            start=start,
            end=start + 12,
            values={"edtf": "1986-10"},
            actor="t",
        )
        uid = tag.uid
        removed = remove_tag(session, kind="date", tag_id=tag.id, actor="t")
        assert session.scalars(select(DateTag)).all() == []
        revert(session, change=removed, actor="t")
        restored = session.scalars(select(DateTag)).one()
        assert (restored.uid, restored.quote, restored.lower) == (uid, "October 1986", "1986-10-01")


def test_rejected_spans_are_remembered(catalogue: Catalogue, document: str) -> None:
    with catalogue.writing() as session:
        doc = _doc(session, document)
        tag, _ = add_tag(
            session,
            kind="date",
            document=doc,
            start=3,
            end=16,
            values={"edtf": "1987-03-12"},
            status="suggested",
            origin="suggested",
            actor="t",
        )
        set_status(session, kind="date", tag_id=tag.id, status="rejected", actor="t")
        assert ("date", 3, 16) in span_keys(session, doc.id)
        assert tags_of(session, doc.id, statuses=("accepted", "suggested")) == []


def test_replace_text_reanchors_tags(catalogue: Catalogue, document: str) -> None:
    start = TEXT.index("61 children")
    with catalogue.writing() as session:
        add_tag(
            session,
            kind="figure",
            document=_doc(session, document),
            start=start,
            end=start + 11,
            values={"value": 61, "counted": "children"},
            actor="t",
        )
    new_text = "Transcribed from the Gazette.\n\n" + TEXT
    with catalogue.writing() as session:
        report = replace_text(session, ref=document, text=new_text, actor="t")
        assert (report.moved, report.lost) == (1, [])
        figure = session.scalars(select(Figure)).one()
        assert new_text[figure.start : figure.end] == "61 children"
        assert figure.prefix == new_text[figure.start - 32 : figure.start]


def test_a_tag_keeps_no_copy_of_its_context(catalogue: Catalogue, document: str) -> None:
    """Prefix and suffix are read from the document's fixed text, not stored again."""
    start = TEXT.index("Olga Tarasova")
    with catalogue.writing() as session:
        tag, change = add_tag(
            session,
            kind="mention",
            document=_doc(session, document),
            start=start,
            end=start + 13,
            values={"name": "Olga Tarasova", "role": "mentioned"},
            actor="t",
        )
        tag_id = tag.id
        assert change.after is not None and "prefix" not in change.after
    with catalogue.reading() as session:
        stored = session.execute(
            text("SELECT prefix, suffix FROM mentions WHERE id = :i"), {"i": tag_id}
        ).one()
        assert tuple(stored) == ("", "")
        mention = session.get(Mention, tag_id)
        assert mention is not None
        assert mention.prefix == TEXT[start - 32 : start]
        assert mention.suffix == TEXT[start + 13 : start + 45]


def test_replace_text_refuses_to_lose_accepted_tags(catalogue: Catalogue, document: str) -> None:
    start = TEXT.index("61 children")
    with catalogue.writing() as session:
        add_tag(
            session,
            kind="figure",
            document=_doc(session, document),
            start=start,
            end=start + 11,
            values={"value": 61, "counted": "children"},
            actor="t",
        )
    with pytest.raises(DocumentError, match="nothing was changed"), catalogue.writing() as s:
        replace_text(s, ref=document, text=TEXT.replace("61 children", "children"), actor="t")
    with catalogue.reading() as session:
        assert _doc(session, document).text == TEXT
