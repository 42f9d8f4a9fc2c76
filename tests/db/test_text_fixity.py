"""Fixity of what Catena derived: stored working texts (SHA-256 recorded when written)
and search index rows, checked by ``verify_texts`` and put right by ``repair_texts``
only where that is safe."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, insert, select

from db.base import table_of
from db.catalogue import Catalogue
from db.column_types import deflate_text, stored_text_bytes
from db.dialects import is_postgresql
from db.documents import NewDocument, add_document
from db.integrity import verify_fixity
from db.models import Document, Event
from db.objects import ObjectStore
from db.search import index
from db.search.engine import search
from db.tags import add_tag, replace_text
from db.text_fixity import (
    TEXT_FLAG,
    RederiveError,
    repair_texts,
    verify_texts,
)
from tests.db.index_damage import add_ghost, remove_row, replace_body

TEXTS = (
    "Dam failure at Halvern.\nAt least 212 people died, officials say.\n",
    "An open letter from the survivors of Halvern.\n",
    "Interim report: 63 witnesses were heard.\n",
)


def sha(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def plain_text(data: bytes, _filename: str) -> str:
    """The reader of these tests' originals: the file's text as it is."""
    return data.decode()


def fill(catalogue: Catalogue, texts: tuple[str, ...] = TEXTS) -> list[str]:
    refs = []
    with catalogue.writing() as session:
        for number, body in enumerate(texts):
            data = body.encode()
            digest = catalogue.objects.put(data)
            document = add_document(
                session,
                new=NewDocument(
                    text=body,
                    media_type="text/plain",
                    original_sha256=digest,
                    original_size=len(data),
                    original_filename=f"file{number}.txt",
                ),
                actor="t",
            )
            refs.append(document.ref)
    return refs


def raw_sql(catalogue: Catalogue, statement: str, *values: object) -> None:
    """Change the database behind Catena's back, as another program would: on a
    connection of its own, past the sessions that keep the search index in step."""
    with catalogue.engine.begin() as conn:
        marks = statement.replace("?", "%s") if is_postgresql(conn) else statement
        conn.exec_driver_sql(marks, tuple(values))


def alter_text(catalogue: Catalogue, ref: str, old: str, new: str) -> None:
    """Replace *old* by *new* in the stored text, as a program editing the database
    would, leaving its recorded hash alone; on SQLite the text is stored compressed
    (``db.column_types``), so that program inflates, edits and deflates it."""
    if is_postgresql(catalogue.engine):
        statement = "UPDATE documents SET text = replace(text, ?, ?) WHERE ref = ?"
        raw_sql(catalogue, statement, old, new, ref)
        return
    with catalogue.engine.connect() as conn:
        compressed = conn.exec_driver_sql(
            "SELECT text FROM documents WHERE ref = ?", (ref,)
        ).scalar_one()
    changed = stored_text_bytes(compressed).decode().replace(old, new)
    raw_sql(catalogue, "UPDATE documents SET text = ? WHERE ref = ?", deflate_text(changed), ref)


def stored(catalogue: Catalogue, ref: str) -> tuple[str, str | None, list[str]]:
    with catalogue.reading() as session:
        document = session.scalars(select(Document).where(Document.ref == ref)).one()
        return document.text, document.text_sha256, list(document.flags)


# --- the hash is recorded wherever a text is written ---------------------------------


def test_every_way_of_writing_a_text_records_its_hash(catalogue: Catalogue) -> None:
    first, *_ = fill(catalogue)
    assert stored(catalogue, first)[1] == sha(TEXTS[0])  # the import's Core INSERT
    with catalogue.writing() as session:
        session.add(Document(ref="CAT-900001", media_type="text/plain", text="ORM added"))
        session.add(Document(ref="CAT-900002", media_type="text/plain"))  # text defaulted
        session.connection().execute(
            insert(table_of(Document)),
            [
                {"ref": "CAT-900003", "uid": "u3", "media_type": "x", "text": "many one"},
                {"ref": "CAT-900004", "uid": "u4", "media_type": "x", "text": "many two"},
            ],
        )
        index.rebuild(session)  # a Core INSERT bypasses the index (as archive import does)
    assert stored(catalogue, "CAT-900001")[1] == sha("ORM added")
    assert stored(catalogue, "CAT-900002")[1] == sha("")
    assert stored(catalogue, "CAT-900003")[1] == sha("many one")
    assert stored(catalogue, "CAT-900004")[1] == sha("many two")
    new_text = "Transcribed again.\n\n" + TEXTS[0]
    with catalogue.writing() as session:
        replace_text(session, ref=first, text=new_text, actor="t")
    assert stored(catalogue, first)[1] == sha(new_text)
    with catalogue.writing() as session:
        assert verify_texts(session, actor="t").ok


# --- verify ---------------------------------------------------------------------------


def test_a_flipped_byte_in_a_stored_text_fails_naming_the_document(catalogue: Catalogue) -> None:
    refs = fill(catalogue)
    alter_text(catalogue, refs[0], "212", "\x1212")  # one byte flipped: '2' (0x32) became 0x12
    with catalogue.writing() as session:
        assert verify_fixity(session, catalogue.objects, actor="t").ok  # originals are fine
        report = verify_texts(session, actor="auditor")
    assert not report.ok
    assert [(p.ref, p.problem) for p in report.problems] == [(refs[0], "text altered")]
    assert "differs from its recorded SHA-256" in report.problems[0].description
    assert TEXT_FLAG in stored(catalogue, refs[0])[2]
    assert TEXT_FLAG not in stored(catalogue, refs[1])[2]
    with catalogue.reading() as session:
        event = session.scalars(
            select(Event).where(Event.action == "text fixity check").order_by(Event.id.desc())
        ).first()
        assert event is not None
        assert (event.outcome, event.actor) == ("failure", "auditor")
        assert event.detail["problems"] == [{"reference": refs[0], "problem": "text altered"}]
        # The index still holds the words the text was catalogued with: flagging the
        # document did not re-derive its row from the damaged text.
        assert [hit.ref for hit in search(session, "212").hits] == [refs[0]]


def test_without_recording_a_check_reports_but_writes_nothing(catalogue: Catalogue) -> None:
    """What ``catena verify`` does on read-only media: the same findings, no flag, no
    event, no index write."""
    refs = fill(catalogue)
    alter_text(catalogue, refs[0], "212", "\x1212")  # one byte flipped: '2' (0x32) became 0x12
    with catalogue.reading() as session:
        events_before = session.scalar(select(func.count(Event.id)))
        report = verify_texts(session, actor="auditor", record=False)
    assert [(p.ref, p.problem) for p in report.problems] == [(refs[0], "text altered")]
    assert TEXT_FLAG not in stored(catalogue, refs[0])[2]
    with catalogue.reading() as session:
        assert session.scalar(select(func.count(Event.id))) == events_before


def test_bytes_that_are_not_utf8_are_reported_not_crashed_on(catalogue: Catalogue) -> None:
    refs = fill(catalogue)
    raw_sql(catalogue, "UPDATE documents SET text = ? WHERE ref = ?", b"Dam \xc3(", refs[1])
    with catalogue.writing() as session:
        report = verify_texts(session, actor="t")
    assert [(p.ref, p.problem) for p in report.problems] == [(refs[1], "text altered")]


def test_a_text_with_no_recorded_hash_is_reported_and_recorded_when_provable(
    catalogue: Catalogue,
) -> None:
    refs = fill(catalogue)
    raw_sql(catalogue, "UPDATE documents SET text_sha256 = NULL WHERE ref = ?", refs[2])
    with catalogue.writing() as session:
        report = verify_texts(session, actor="t")
        assert [(p.ref, p.problem) for p in report.problems] == [(refs[2], "text unrecorded")]
        repairs = repair_texts(session, catalogue.objects, report, rederive=plain_text, actor="t")
        assert [(r.ref, r.outcome) for r in repairs] == [(refs[2], "recorded")]
    assert stored(catalogue, refs[2])[1:] == (sha(TEXTS[2]), [])


def test_a_clean_run_clears_the_flag(catalogue: Catalogue) -> None:
    refs = fill(catalogue)
    with catalogue.writing() as session:
        session.scalars(select(Document).where(Document.ref == refs[0])).one().flags = [TEXT_FLAG]
    with catalogue.writing() as session:
        assert verify_texts(session, actor="t").ok
    assert stored(catalogue, refs[0])[2] == []


# --- the search index -----------------------------------------------------------------


@pytest.mark.sqlite_only("damages the FTS5 index through sqlite3 (tests/db/index_damage.py)")
def test_stale_index_rows_are_named_and_rebuilt(catalogue: Catalogue) -> None:
    refs = fill(catalogue)
    with catalogue.reading() as session:
        ids = {ref: doc_id for ref, doc_id in session.execute(select(Document.ref, Document.id))}
    remove_row(catalogue.database, ids[refs[1]])
    replace_body(catalogue.database, ids[refs[2]], "unrelated words")
    add_ghost(catalogue.database, 999, "ghost")
    with catalogue.writing() as session:
        report = verify_texts(session, actor="t")
    assert [(p.ref, p.problem) for p in report.problems] == [
        (refs[1], "index missing"),
        (refs[2], "index outdated"),
    ]
    assert report.orphan_rows == [999]
    assert TEXT_FLAG not in stored(catalogue, refs[2])[2]  # derived data: not a person's job
    with catalogue.writing() as session:
        assert [hit.ref for hit in search(session, "unrelated").hits] == [refs[2]]
        repairs = repair_texts(session, catalogue.objects, report, rederive=plain_text, actor="t")
        assert sorted((r.ref, r.outcome) for r in repairs) == [
            (refs[1], "reindexed"),
            (refs[2], "reindexed"),
        ]
    with catalogue.writing() as session:
        assert verify_texts(session, actor="t").ok
        assert index.check(session, deep=True) == []
        assert search(session, "unrelated").hits == []
        assert search(session, "ghost").hits == []
        assert [hit.ref for hit in search(session, "witnesses").hits] == [refs[2]]
        assert [hit.ref for hit in search(session, "survivors").hits] == [refs[1]]


# --- repair from the original ---------------------------------------------------------


def test_repair_puts_back_the_text_read_again_from_the_original(catalogue: Catalogue) -> None:
    refs = fill(catalogue)
    alter_text(catalogue, refs[0], "212", "213")
    with catalogue.writing() as session:
        report = verify_texts(session, actor="t")
        repairs = repair_texts(
            session, catalogue.objects, report, rederive=plain_text, actor="restorer"
        )
        assert [(r.ref, r.outcome) for r in repairs] == [(refs[0], "restored")]
    assert stored(catalogue, refs[0]) == (TEXTS[0], sha(TEXTS[0]), [])
    with catalogue.writing() as session:
        assert verify_texts(session, actor="t").ok
        event = session.scalars(select(Event).where(Event.action == "restore text")).one()
        assert (event.target, event.actor) == (refs[0], "restorer")


def test_repair_leaves_a_text_that_would_move_tags_for_a_person(catalogue: Catalogue) -> None:
    """A text edited after import no longer comes back from the original with its
    recorded hash: putting the original's text back would move every tag."""
    refs = fill(catalogue)
    edited = "Transcribed again.\n\n" + TEXTS[0]
    start = edited.index("212 people")
    with catalogue.writing() as session:
        replace_text(session, ref=refs[0], text=edited, actor="t")
        document = session.scalars(select(Document).where(Document.ref == refs[0])).one()
        add_tag(
            session,
            kind="figure",
            document=document,
            start=start,
            end=start + 10,
            values={"value": 212, "counted": "people"},
            actor="t",
        )
    damaged = edited.replace("212", "\x1212")
    raw_sql(catalogue, "UPDATE documents SET text = ? WHERE ref = ?", damaged, refs[0])
    with catalogue.writing() as session:
        report = verify_texts(session, actor="t")
        repairs = repair_texts(session, catalogue.objects, report, rederive=plain_text, actor="t")
    assert [(r.ref, r.outcome) for r in repairs] == [(refs[0], "left for a person")]
    assert "differs from the recorded SHA-256" in repairs[0].reason
    assert stored(catalogue, refs[0]) == (damaged, sha(edited), [TEXT_FLAG])


@pytest.mark.parametrize("damage", ["missing original", "unreadable", "no original"])
def test_repair_without_a_sound_original_changes_nothing(catalogue: Catalogue, damage: str) -> None:
    refs = fill(catalogue)
    raw_sql(catalogue, "UPDATE documents SET text = 'scrambled' WHERE ref = ?", refs[0])
    with catalogue.reading() as session:
        original = session.execute(
            select(Document.original_sha256).where(Document.ref == refs[0])
        ).scalar_one()
    rederive = plain_text
    if damage == "missing original":
        catalogue.objects.delete(original)
    elif damage == "no original":
        raw_sql(catalogue, "UPDATE documents SET original_sha256 = NULL WHERE ref = ?", refs[0])
    else:

        def rederive(_data: bytes, _name: str) -> str:
            raise RederiveError("the reader refused it")

    objects: ObjectStore = catalogue.objects
    with catalogue.writing() as session:
        report = verify_texts(session, actor="t")
        repairs = repair_texts(session, objects, report, rederive=rederive, actor="t")
    assert [(r.ref, r.outcome) for r in repairs] == [(refs[0], "left for a person")]
    assert stored(catalogue, refs[0])[0::2] == ("scrambled", [TEXT_FLAG])


def test_verify_reads_texts_in_chunks(catalogue: Catalogue, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A large catalogue is streamed: progress arrives once per chunk, not once."""
    import db.text_fixity as text_fixity

    fill(catalogue, tuple(f"text number {n}\n" for n in range(7)))
    monkeypatch.setattr(text_fixity, "CHUNK", 3)
    seen: list[tuple[int, int]] = []
    with catalogue.writing() as session:
        report = verify_texts(session, actor="t", progress=lambda d, t: seen.append((d, t)))
    assert report.ok and report.checked == 7
    assert seen == [(3, 7), (6, 7), (7, 7)]
