"""Document operations and the hash-chained audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from db import audit
from db.catalogue import Catalogue
from db.documents import (
    DocumentError,
    NewDocument,
    add_document,
    count_documents,
    restore_document,
    trash_document,
    update_metadata,
)
from db.models import Event


def _new(n: int, **extra: object) -> NewDocument:
    return NewDocument(
        text=f"text {n}",
        media_type="text/plain",
        original_sha256=f"{n:064x}",
        original_size=6,
        original_filename=f"f{n}.txt",
        **extra,  # type: ignore[arg-type]
    )


def test_references_are_sequential_and_never_reused(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        first = add_document(session, new=_new(1), actor="a")
        second = add_document(session, new=_new(2), actor="a")
        assert (first.ref, second.ref) == ("CAT-000001", "CAT-000002")
        session.delete(second)
    with catalogue.writing() as session:
        third = add_document(session, new=_new(3), actor="a")
        assert third.ref == "CAT-000003"
        assert len(third.uid) == 36


def test_published_bounds_follow_edtf(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        doc = add_document(session, new=_new(1, published="1987-03"), actor="a")
        assert (doc.published_lower, doc.published_upper) == ("1987-03-01", "1987-03-31")


def test_editing_metadata_confirms_it_and_can_be_undone(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        add_document(session, new=_new(1, title="guess", guessed=["title", "publisher"]), actor="a")
    with catalogue.writing() as session:
        change = update_metadata(session, ref="cat-000001", changes={"title": "Checked"}, actor="b")
    assert change.before == {"title": "guess"} and change.after == {"title": "Checked"}
    with catalogue.writing() as session:
        undo = change.inverse()
        update_metadata(session, ref=undo.ref, changes=undo.after, actor="b")
    with catalogue.reading() as session:
        from db.documents import require_document

        doc = require_document(session, "CAT-000001")
        assert doc.title == "guess"
        assert doc.guessed == ["publisher"]


def test_unknown_fields_and_documents_are_refused(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        add_document(session, new=_new(1), actor="a")
    with pytest.raises(DocumentError, match="not editable: text"), catalogue.writing() as s:
        update_metadata(s, ref="CAT-000001", changes={"text": "rewritten"}, actor="a")
    with pytest.raises(DocumentError, match="no document"), catalogue.writing() as s:
        trash_document(s, ref="CAT-999999", actor="a")


def test_trash_and_restore(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        add_document(session, new=_new(1), actor="a")
        trash_document(session, ref="CAT-000001", actor="a")
        assert count_documents(session) == 0
        assert count_documents(session, include_deleted=True) == 1
        restore_document(session, ref="CAT-000001", actor="a")
        assert count_documents(session) == 1


def test_every_change_is_a_chained_event_and_tampering_is_found(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        add_document(session, new=_new(1), actor="alice")
        trash_document(session, ref="CAT-000001", actor="bob")
    with catalogue.reading() as session:
        actions = [(e.action, e.actor, e.target) for e in session.scalars(select(Event))]
        assert actions == [("import", "alice", "CAT-000001"), ("delete", "bob", "CAT-000001")]
        assert audit.verify_chain(session).ok
    with catalogue.writing() as session:
        session.execute(update(Event).where(Event.id == 1).values(actor="mallory"))
    with catalogue.reading() as session:
        report = audit.verify_chain(session)
        assert not report.ok and report.broken_at == 1


def test_chain_stays_intact_across_a_rolled_back_savepoint(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        audit.record(session, action="first", actor="t")
        savepoint = session.begin_nested()
        audit.record(session, action="undone", actor="t")
        savepoint.rollback()
        audit.record(session, action="second", actor="t")
    with catalogue.writing() as session:
        audit.record(session, action="third", actor="t")
    with catalogue.reading() as session:
        actions = session.scalars(select(Event.action).order_by(Event.id)).all()
        assert actions == ["first", "second", "third"]
        assert audit.verify_chain(session).ok
