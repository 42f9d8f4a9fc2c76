"""The FTS5 index stays in step with the catalogue: edits, trash, deletes, rollbacks,
people records (including bulk merges), images; rebuild and check; the migration."""

from __future__ import annotations

import gc
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, delete, insert, text, update
from sqlalchemy.orm import Session, sessionmaker

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document, trash_document, update_metadata
from db.engine import make_engine
from db.folding import fold
from db.images import NewImage, add_image, attach_image, update_image
from db.migrate import current_revision, downgrade, upgrade
from db.models import Document, Mention
from db.people import create_agent, merge_agents, split_agent
from db.search import index, index_store
from db.search.index_folding import fold_for_index
from db.search.index_rows import body_hash
from db.search.run import search
from db.search.schema import COLUMNS
from db.tags import add_tag, replace_text

_counter = iter(range(1, 1_000_000))


def new(text_: str, **fields: object) -> NewDocument:
    number = next(_counter)
    return NewDocument(
        text=text_,
        media_type="text/plain",
        original_sha256=f"{number:064x}",
        original_size=len(text_),
        original_filename=f"doc{number}.txt",
        **fields,  # type: ignore[arg-type]
    )


def refs(session: Session, query: str) -> list[str]:
    return sorted(hit.ref for hit in search(session, query).hits)


def indexed(catalogue: Catalogue) -> dict[int, tuple[str, ...]]:
    """What the index holds per document: each column's tokens in order, read back
    from the FTS5 index itself (the table is contentless: there is no text to select),
    or on PostgreSQL from the tsvector."""
    if catalogue.engine.dialect.name == "postgresql":
        from tests.db.search_postgresql import indexed_postgresql

        return indexed_postgresql(catalogue.engine)
    conn = sqlite3.connect(catalogue.database)
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_index, instance)"
        )
        tokens: dict[int, dict[str, list[tuple[int, str]]]] = {}
        for term, doc, column, offset in conn.execute(
            "SELECT term, doc, col, offset FROM temp.vocab"
        ):
            tokens.setdefault(doc, {}).setdefault(column, []).append((offset, term))
        documents = [row[0] for row in conn.execute("SELECT id FROM search_index_docsize")]
    finally:
        conn.close()
    return {
        doc: tuple(
            " ".join(term for _, term in sorted(tokens.get(doc, {}).get(column, [])))
            for column in COLUMNS
        )
        for doc in documents
    }


def wipe_index(session: Session) -> None:
    """Empty the index table behind the session's back (its rows record stays)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(text("DELETE FROM search_index"))
    else:
        session.connection().execute(
            text("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        )


@pytest.mark.sqlite_only(
    "the FTS5 table's own definition; the PostgreSQL index's (tsvector, GIN) is checked by "
    "test_search_postgresql_index.py::test_the_index_is_a_weighted_tsvector_with_gin_and_trigram_indexes"
)
def test_index_table_is_fts5_with_the_documented_tokenizer(catalogue: Catalogue) -> None:
    with catalogue.reading() as session:
        sql = session.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'search_index'")
        ).scalar_one()
    assert "fts5" in sql and "unicode61 remove_diacritics 2" in sql


def test_new_documents_are_indexed_folded_at_commit(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        doc = add_document(
            session,
            new=new("Şəkibə Mustafayeva wrote from Xocalı.", title="Letter", publisher="Ulduz"),
            actor="t",
        )
    rows = indexed(catalogue)
    assert rows[doc.id] == ("letter", "sekibe mustafayeva wrote from xocali", "", "ulduz")


def test_edit_trash_restore_and_delete_keep_the_index_in_step(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        doc = add_document(session, new=new("Nothing yet.", title="Draft"), actor="t")
    with catalogue.writing() as session:
        update_metadata(session, ref=doc.ref, changes={"title": "Khojaly report"}, actor="t")
    with catalogue.reading() as session:
        assert refs(session, "khojaly") == [doc.ref]
        assert refs(session, "draft") == []
    with catalogue.writing() as session:
        trash_document(session, ref=doc.ref, actor="t")
    with catalogue.reading() as session:
        assert refs(session, "khojaly") == []  # trashed: indexed, never shown
        assert index.check(session, deep=True) == []
    with catalogue.writing() as session:
        session.delete(session.get(Document, doc.id))
    assert doc.id not in indexed(catalogue)
    with catalogue.reading() as session:
        assert index.check(session, deep=True) == []


def test_a_rolled_back_transaction_leaves_no_index_rows(catalogue: Catalogue) -> None:
    with pytest.raises(RuntimeError), catalogue.writing() as session:
        add_document(session, new=new("Transient Xocalı text."), actor="t")
        assert refs(session, "xocali")  # a search inside the transaction sees it
        raise RuntimeError("abandon")
    assert indexed(catalogue) == {}
    with catalogue.reading() as session:
        assert refs(session, "xocali") == []
        assert index.check(session) == []


def test_a_rolled_back_savepoint_is_not_indexed_but_the_rest_is(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        kept = add_document(session, new=new("Kept alpha."), actor="t")
        savepoint = session.begin_nested()
        add_document(session, new=new("Dropped beta."), actor="t")
        index.sync(session)
        savepoint.rollback()
    with catalogue.reading() as session:
        assert refs(session, "alpha") == [kept.ref]
        assert refs(session, "beta") == []
        assert index.check(session, deep=True) == []


def test_mentions_and_people_records_feed_the_people_column(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        doc = add_document(session, new=new("Shakiba Mustafayeva told the court."), actor="t")
        mention, _ = add_tag(
            session,
            kind="mention",
            document=doc,
            start=0,
            end=19,
            values={"name": "Shakiba Mustafayeva", "role": "witness"},
            actor="t",
        )
        agent = create_agent(
            session, name="Shakiba Mustafayeva", variants=["Мустафаева Шакиба"], actor="t"
        )
        mention.agent_id = agent.id
    with catalogue.reading() as session:
        assert refs(session, "mustafaeva") == [doc.ref]  # a Cyrillic variant, transliterated
    with catalogue.writing() as session:
        session.get(Mention, mention.id).status = "rejected"  # type: ignore[union-attr]
    with catalogue.reading() as session:
        assert refs(session, "mustafaeva") == []


def test_merging_and_splitting_people_reindexes_their_documents(catalogue: Catalogue) -> None:
    """merge/split move mentions with bulk UPDATEs, which skip ORM events."""
    with catalogue.writing() as session:
        one = add_document(session, new=new("Elmira Hasanova spoke."), actor="t")
        two = add_document(session, new=new("E. G. spoke too."), actor="t")
        first = create_agent(session, name="Elmira Hasanova", actor="t")
        second = create_agent(session, name="Elmira Gasanova", variants=["Э. Гасанова"], actor="t")
        for doc, end, agent in ((one, 15, first), (two, 5, second)):
            mention, _ = add_tag(
                session,
                kind="mention",
                document=doc,
                start=0,
                end=end,
                values={"name": doc.text[:end]},
                actor="t",
            )
            mention.agent_id = agent.id
        keep, other = first.ref, second.ref
    with catalogue.reading() as session:
        assert refs(session, "hasanova") == [one.ref]
        assert refs(session, "gasanova") == [two.ref]
    with catalogue.writing() as session:
        merge_agents(session, keep_ref=keep, merge_ref=other, actor="t")
    with catalogue.reading() as session:
        assert refs(session, "hasanova") == [one.ref, two.ref]  # two's mention moved
        assert refs(session, "gasanova") == [one.ref, two.ref]  # one gained the variants
        assert index.check(session, deep=True) == []
    with catalogue.writing() as session:
        split_agent(session, ref=keep, names=["Elmira Gasanova", "Э. Гасанова"], actor="t")
    with catalogue.reading() as session:
        assert refs(session, "gasanova") == []
        assert index.check(session, deep=True) == []


def test_bulk_orm_updates_through_the_session_are_followed(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        doc = add_document(session, new=new("Plain text."), actor="t")
    with catalogue.writing() as session:
        session.execute(update(Document).where(Document.id == doc.id).values(notes="Ganja"))
    with catalogue.reading() as session:
        assert refs(session, "ganja") == [doc.ref]
        assert index.check(session, deep=True) == []


def test_new_texts_and_deletions_unindex_the_old_words(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index keeps no text: an old text is un-indexed before it is replaced or its
    document deleted, whichever way the change goes through the session — an edit,
    a bulk UPDATE of the text, by WHERE or by primary keys, a bulk DELETE — and several
    changes in one transaction, with a search between them, leave only the last.
    None of this may fall back on rebuilding the whole index."""

    def no_rebuild(_conn: object) -> int:
        raise AssertionError("the whole index was rebuilt")

    monkeypatch.setattr(index_store, "rebuild", no_rebuild)
    with catalogue.writing() as session:
        first = add_document(session, new=new("Alpha words."), actor="t")
        second = add_document(session, new=new("Beta words."), actor="t")
        third = add_document(session, new=new("Gamma words."), actor="t")
    with catalogue.writing() as session:
        replace_text(session, ref=first.ref, text="Delta words.", actor="t")
        assert refs(session, "delta") == [first.ref]  # indexed mid-transaction
        replace_text(session, ref=first.ref, text="Epsilon words.", actor="t")
        session.execute(update(Document).where(Document.id == second.id).values(text="Zeta words."))
    with catalogue.reading() as session:
        assert refs(session, "alpha OR delta OR beta") == []
        assert refs(session, "epsilon") == [first.ref]
        assert refs(session, "zeta") == [second.ref]
        assert index.check(session, deep=True) == []
    with catalogue.writing() as session:
        session.execute(update(Document), [{"id": third.id, "text": "Eta words."}])
        session.execute(delete(Document).where(Document.id == second.id))
    with catalogue.reading() as session:
        assert refs(session, "gamma OR zeta") == []
        assert refs(session, "words") == sorted([first.ref, third.ref])
        assert index.check(session, deep=True) == []
    assert set(indexed(catalogue)) == {first.id, third.id}


def test_multi_row_inserts_of_mentions_reindex_their_documents(catalogue: Catalogue) -> None:
    """Tag suggestions add mentions with one INSERT for many rows, not ORM objects."""
    with catalogue.writing() as session:
        first = add_document(session, new=new("Letter one."), actor="t")
        second = add_document(session, new=new("Letter two."), actor="t")
    rows = [
        {"document_id": doc.id, "start": 0, "end": 6, "quote": "Letter", "name": name}
        for doc, name in ((first, "Zeynalova"), (second, "Quliyev"))
    ]
    with catalogue.writing() as session:  # a later transaction: not new documents
        session.execute(insert(Mention), rows)
    with catalogue.reading() as session:
        assert refs(session, "zeynalova") == [first.ref]
        assert refs(session, "quliyev") == [second.ref]
        assert index.check(session, deep=True) == []


def test_every_new_session_factory_keeps_the_index(catalogue: Catalogue) -> None:
    """A process that opens catalogue after catalogue (the window switching, tests)
    makes many session factories; each must index what it writes, even when its
    session class reuses the memory of a collected one."""
    if catalogue.engine.dialect.name == "postgresql":
        writer = create_engine(catalogue.engine.url)
    else:
        writer = make_engine(catalogue.database).execution_options(catena_begin_immediate=True)
    # Full collections below free the dropped factories' classes so their memory can be
    # reused; freezing what exists before the loop keeps each collection to the loop's
    # own objects (in a whole-suite process a full one scans millions of them).
    gc.freeze()
    try:
        for number in range(200):
            factory = sessionmaker(writer)
            index.install(factory)
            with factory() as session, session.begin():
                add_document(session, new=new(f"Entry {number} zqxw{number}."), actor="t")
            del factory, session
            if number % 5 == 0:
                gc.collect()
    finally:
        gc.unfreeze()
        writer.dispose()
    with catalogue.reading() as session:
        assert index.check(session, deep=True) == []
        assert len(refs(session, "zqxw199")) == 1


def test_raw_sql_bypasses_the_index_and_check_and_rebuild_repair_it(
    catalogue: Catalogue,
) -> None:
    with catalogue.writing() as session:
        doc = add_document(session, new=new("Original words."), actor="t")
    with catalogue.writing() as session:
        session.connection().execute(
            text("UPDATE documents SET text = 'Replacement words' WHERE id = :id"), {"id": doc.id}
        )
    with catalogue.writing() as session:
        assert index.check(session) == []  # rowids still agree
        deep = index.check(session, deep=True)
        assert len(deep) == 1 and "outdated" in deep[0]
        wipe_index(session)
        session.connection().execute(text("DELETE FROM search_index_rows"))
        assert any("not in the search index" in finding for finding in index.check(session))
        assert index.rebuild(session) == 1
        assert index.check(session, deep=True) == []
        assert refs(session, "replacement") == [doc.ref]
        assert refs(session, "original") == []


def test_a_text_changed_behind_the_index_is_unindexed_by_a_rebuild_at_next_write(
    catalogue: Catalogue,
) -> None:
    """The index keeps no text: once a text is changed by SQL that bypassed the
    session, the words it was indexed with are known nowhere. The next write of that
    document rebuilds the whole index rather than leave those words findable."""
    with catalogue.writing() as session:
        doc = add_document(session, new=new("Original words.", title="Draft"), actor="t")
        other = add_document(session, new=new("Other paper."), actor="t")
    with catalogue.writing() as session:
        session.connection().execute(
            text("UPDATE documents SET text = 'Replacement words' WHERE id = :id"), {"id": doc.id}
        )
    with catalogue.writing() as session:
        update_metadata(session, ref=doc.ref, changes={"title": "Final"}, actor="t")
    with catalogue.reading() as session:
        assert refs(session, "original") == []
        assert refs(session, "replacement final") == [doc.ref]
        assert refs(session, "other") == [other.ref]
        assert index.check(session, deep=True) == []


@pytest.mark.sqlite_only(
    "writes an FTS5 row by rowid for no document, which only SQLite's contentless table "
    "allows (PostgreSQL's foreign key keeps it out); the PostgreSQL counterpart is "
    "test_search_postgresql_index.py::test_a_stale_or_unrecorded_row_is_reported_and_repaired"
)
def test_stale_index_rows_are_reported(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        conn = session.connection()
        conn.execute(
            text(
                "INSERT INTO search_index (rowid, title, body, people, extra)"
                " VALUES (99, 'x', 'y', '', '')"
            )
        )
        damaged = index.check(session)
        assert len(damaged) == 1 and "disagree" in damaged[0]  # a row nothing records
        conn.execute(
            text(
                "INSERT INTO search_index_rows (id, title, people, extra, body_sha256, facets)"
                " VALUES (99, 'x', '', '', :sha, '{}')"
            ),
            {"sha": body_hash("y")},
        )
        findings = index.check(session)
    assert len(findings) == 1 and "no longer exist" in findings[0]
    with catalogue.writing() as session:
        assert index.orphan_rows(session.connection()) == [99]
        index.index_documents(session.connection(), [99])
        assert index.check(session) == []


def test_image_captions_are_indexed_with_their_documents(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        doc = add_document(session, new=new("A photograph follows."), actor="t")
        image = add_image(
            session,
            new=NewImage(
                sha256="f" * 64,
                size=10,
                media_type="image/jpeg",
                filename="p.jpg",
                width=1,
                height=1,
                format="JPEG",
                caption="Ruins at Ağdam",
            ),
            actor="t",
        )
        attach_image(session, image_ref=image.ref, document_ref=doc.ref, actor="t")
    with catalogue.reading() as session:
        assert refs(session, "agdam") == [doc.ref]
    with catalogue.writing() as session:
        update_image(session, ref=image.ref, changes={"caption": "Ruins at Shusha"}, actor="t")
    with catalogue.reading() as session:
        assert refs(session, "agdam") == []
        assert refs(session, "shusha") == [doc.ref]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_index_folding_gives_the_same_tokens_as_query_folding(value: str) -> None:
    token = re.compile(r"[a-z0-9]+")
    assert token.findall(fold_for_index(value)) == token.findall(fold(value))


def _match(engine: Engine, words: str) -> list[int]:
    with engine.connect() as c:
        found = c.execute(
            text("SELECT rowid FROM search_index WHERE search_index MATCH :q ORDER BY rowid"),
            {"q": words},
        )
        return [row[0] for row in found]


def test_migration_creates_backfills_and_drops_the_index(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite"
    engine = make_engine(database)
    upgrade(engine, database=database, backups=tmp_path / "b", target="0003")
    conn = sqlite3.connect(database)
    conn.execute("INSERT INTO blobs VALUES ('" + "a" * 64 + "', 3, 'text/plain', 'now')")
    for doc_id, deleted in ((7, None), (8, "now")):
        conn.execute(
            "INSERT INTO documents (id, ref, uid, title, title_devised, authors, recipients,"
            " text, publisher, media_type, guessed, flags, page_starts, set_aside,"
            " original_sha256, imported_at, updated_at, deleted_at) VALUES (?, ?, ?, 'Xocalı',"
            " 0, '[]', '[]', 'Body words', 'Ulduz', 'text/plain', '[]', '[]', '[]', '[]', '"
            + "a" * 64
            + "', 'now', 'now', ?)",
            (doc_id, f"CAT-00000{doc_id}", f"u{doc_id}", deleted),
        )
    conn.commit()
    conn.close()
    upgrade(engine, database=database, backups=tmp_path / "b", target="0013")
    with engine.connect() as c:  # 0004's index: a normal FTS5 table with its own text
        rows = c.execute(text("SELECT rowid, title, body FROM search_index")).all()
    assert rows == [(7, "xocali", "body words"), (8, "xocali", "body words")]
    upgrade(engine, database=database, backups=tmp_path / "b")
    with engine.connect() as c:
        content = c.execute(text("SELECT title, body FROM search_index")).all()
        recorded = c.execute(text("SELECT id, title FROM search_index_rows")).all()
        counts = c.execute(text("SELECT facet, value, documents FROM facet_counts")).all()
        shadows = c.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'search%'"))
        names = {row[0] for row in shadows}
    assert content == [(None, None), (None, None)]  # contentless: no second copy
    assert "search_index_content" not in names
    assert recorded == [(7, "xocali"), (8, "xocali")]
    assert counts == [("publisher", "Ulduz", 1)]  # the trashed document counts nowhere
    assert _match(engine, "xocali AND words") == [7, 8]
    downgrade(engine, target="0013")
    with engine.connect() as c:
        rows = c.execute(text("SELECT rowid, title, body FROM search_index")).all()
        left = c.execute(
            text(
                "SELECT name FROM sqlite_master WHERE name IN ('search_index_rows', 'facet_counts')"
            )
        ).all()
    assert rows == [(7, "xocali", "body words"), (8, "xocali", "body words")]
    assert left == []
    upgrade(engine, database=database, backups=tmp_path / "b")
    assert _match(engine, "body") == [7, 8]
    downgrade(engine, target="0003")
    assert current_revision(engine) == "0003"
    with engine.connect() as c:
        names = c.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'search%'")).all()
    assert names == []
    engine.dispose()


def test_documents_catalogued_with_their_folded_text_are_indexed_with_it(
    catalogue: Catalogue, index_folds: list[str]
) -> None:
    """An import's workers fold each text for its fingerprint; ``catalogue_documents``
    hands that fold to the index, which uses it only for the very text it finds stored.
    A text stored otherwise than given (a NUL becomes U+FFFD on the way in) is folded
    again from what was stored, and the fold given for it is not used."""
    from db.documents import catalogue_documents

    right = new("Şəkibə Mustafayeva wrote from Xocalı on 3 March.", title="Letter")
    right.folded_text = fold_for_index(right.text)
    wrong = new("The ferry left Baku\x00at dawn with 40 passengers.", title="Note")
    wrong.folded_text = "a fold of the text before its NUL was replaced"  # must go unused
    with catalogue.writing() as session:
        (first, _ref), (second, _ref2) = catalogue_documents(
            session, news=[right, wrong], actor="t"
        )
    found = indexed(catalogue)
    assert found[first][1] == "sekibe mustafayeva wrote from xocali on 3 march"
    assert found[second][1] == "the ferry left baku at dawn with 40 passengers"
    assert index_folds.count(wrong.text.replace("\x00", "\ufffd")) == 1  # folded, as stored
    assert right.text not in index_folds  # given, and the text stored: not folded again
    with catalogue.reading() as session:
        assert index.check(session, deep=True) == []
