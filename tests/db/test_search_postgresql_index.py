"""tests/db/test_search_index.py, run on PostgreSQL, and what only PostgreSQL has: the
index's tables, stale rows (which a foreign key keeps out of ``search_index`` there),
migration 0014's PostgreSQL branch, and the tsvector's own rules."""

from __future__ import annotations

import pytest

from tests.db.search_postgresql import catalogue, postgresql_template
from tests.db.test_search_index import *  # noqa: F403 — the shared tests, collected again
from tests.db.test_search_index import (
    test_index_table_is_fts5_with_the_documented_tokenizer,
    test_migration_creates_backfills_and_drops_the_index,
    test_stale_index_rows_are_reported,
)

pytestmark = pytest.mark.own_database

# SQLite's own: FTS5's table, a migration run on a SQLite file, FTS5 rows without a
# document. Their PostgreSQL counterparts are below.
del test_index_table_is_fts5_with_the_documented_tokenizer
del test_migration_creates_backfills_and_drops_the_index
del test_stale_index_rows_are_reported

__all__ = ["catalogue", "postgresql_template"]


# --- PostgreSQL's own -------------------------------------------------------------------

import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from alembic.migration import MigrationContext  # noqa: E402
from alembic.operations import Operations  # noqa: E402
from sqlalchemy import create_engine, insert, select, text  # noqa: E402

from db.catalogue import Catalogue  # noqa: E402
from db.documents import add_document  # noqa: E402
from db.models import Base, Blob, Document, Keyword  # noqa: E402
from db.search import index  # noqa: E402
from db.search.facets import facets  # noqa: E402
from db.search.run import search  # noqa: E402
from db.tags import add_tag  # noqa: E402
from tests.db.search_postgresql import indexed_postgresql, scratch_database  # noqa: E402
from tests.db.test_search_index import new, refs  # noqa: E402


def test_the_index_is_a_weighted_tsvector_with_gin_and_trigram_indexes(
    catalogue: Catalogue,
) -> None:
    with catalogue.writing() as session:
        doc = add_document(
            session,
            new=new("Body about Xocalı.", title="Title", publisher="Ulduz"),
            actor="t",
        )
    with catalogue.reading() as session:
        kind = session.execute(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'search_index' AND column_name = 'doc'"
            )
        ).scalar_one()
        methods = set(
            session.execute(
                text(
                    "SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "JOIN pg_am am ON am.oid = c.relam JOIN pg_class t ON t.oid = i.indrelid "
                    "WHERE t.relname IN ('search_index', 'search_folds')"
                )
            ).scalars()
        )
        vector = session.execute(
            text("SELECT CAST(doc AS text) FROM search_index WHERE id = :id"), {"id": doc.id}
        ).scalar_one()
        trigram = session.execute(
            text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")
        ).scalar_one()
    assert kind == "tsvector" and {"gin", "btree"} <= methods and trigram == 1
    # title A, people B (none here), extra C, body D (no letter); a gap after each column
    assert vector == "'about':7 'body':6 'title':1A 'ulduz':4C 'xocali':8"


def test_tokens_are_the_query_parsers_not_postgresqls_parser(catalogue: Catalogue) -> None:
    """PostgreSQL's own parser would keep "news.az" or "o-brien" as one token and
    "1e5" as a number; here they are indexed as the query parser splits them."""
    with catalogue.writing() as session:
        doc = add_document(
            session, new=new("Seen on News.Az by O-Brien, 1e5 times: user@example.org"), actor="t"
        )
    assert indexed_postgresql(catalogue.engine)[doc.id][1] == (
        "seen on news az by o brien 1e5 times user example org"
    )
    with catalogue.reading() as session:
        for query in ("news", "az", "brien", '"news az"', "1e5", "example", '"o brien"'):
            assert refs(session, query) == [doc.ref], query


def test_a_stale_or_unrecorded_row_is_reported_and_repaired(catalogue: Catalogue) -> None:
    """On PostgreSQL ``search_index`` rows go with their documents (a foreign key), so
    a stale row can only be in the record of rows; a row with no record can exist."""
    with catalogue.writing() as session:
        doc = add_document(session, new=new("Kept words."), actor="t")
    with catalogue.writing() as session:
        conn = session.connection()
        conn.execute(text("DELETE FROM search_index_rows WHERE id = :id"), {"id": doc.id})
        damaged = index.check(session)
        assert len(damaged) == 2 and "disagree" in damaged[0]
        assert "not in the search index" in damaged[1]
        assert index.rebuild(session) == 1
        conn.execute(
            text(
                "INSERT INTO search_index_rows (id, title, people, extra, body_sha256, facets)"
                " VALUES (99, 'x', '', '', 'y', '{}')"
            )
        )
        findings = index.check(session)
        assert findings and "no longer exist" in findings[-1]
        assert index.orphan_rows(conn) == [99]
        index.index_documents(conn, [99])
        assert index.check(session, deep=True) == []
    with catalogue.reading() as session:
        assert refs(session, "kept") == [doc.ref]


def test_filter_values_postgresql_cannot_hold_match_nothing(catalogue: Catalogue) -> None:
    """A NUL cannot be in PostgreSQL text: a filter value holding one finds nothing
    (and its exclusion everything) instead of failing in the driver."""
    with catalogue.writing() as session:
        add_document(session, new=new("Words.", publisher="Ulduz"), actor="t")
    with catalogue.reading() as session:
        for query in ("publisher:ul\x00duz", 'person:"a\x00"', "tag:x\x00*", "type:\x00"):
            assert search(session, query).total == 0, repr(query)
            assert search(session, "-" + query).total == 1, repr(query)


def test_a_long_text_is_indexed_past_postgresqls_position_limit(catalogue: Catalogue) -> None:
    """Positions stop at 16,383 and a vector at 1 MB: a word beyond the first is
    found, and a text of very many distinct words is still indexed, not refused."""
    filler = " ".join(f"w{n}" for n in range(20_000))
    many = " ".join(f"distinct{n:06d}x" for n in range(70_000))  # well over 1 MB of lexemes
    with catalogue.writing() as session:
        long = add_document(session, new=new(f"{filler} latecomer"), actor="t")
        large = add_document(session, new=new(f"opening {many}"), actor="t")
    with catalogue.reading() as session:
        assert refs(session, "latecomer") == [long.ref]
        assert refs(session, "opening") == [large.ref]
        assert refs(session, "w19999") == [long.ref]
        assert index.check(session, deep=True) == []


def test_phrases_are_found_past_postgresqls_position_limits(catalogue: Catalogue) -> None:
    """A lexeme keeps 256 positions and positions stop at 16,383: phrases beyond are
    found through the pairs of neighbouring tokens such documents also hold."""
    common = " ".join(["the record"] * 400)  # "the" well past its 256th position
    filler = " ".join(f"w{n}" for n in range(17_000))
    with catalogue.writing() as session:
        many = add_document(session, new=new(f"{common} the zebra crossing."), actor="t")
        long = add_document(session, new=new(f"{filler} late phrase here."), actor="t")
        short = add_document(session, new=new("The zebra, then a crossing."), actor="t")
    with catalogue.reading() as session:
        assert refs(session, '"the zebra"') == sorted([many.ref, short.ref])
        assert refs(session, '"zebra crossing"') == [many.ref]
        assert refs(session, '"the zeb"*') == sorted([many.ref, short.ref])
        assert refs(session, '"late phrase"') == [long.ref]
        assert refs(session, '"phrase late"') == []
        assert refs(session, 'crossing -"zebra crossing"') == [short.ref]
        assert refs(session, '"w16999 late"') == [long.ref]


def test_two_writers_reindexing_one_document_keep_its_row_and_counts(
    catalogue: Catalogue,
) -> None:
    """Two transactions change different rows of one document (a mention, a tag) and
    both re-index it. The second waits for the first's indexing lock, then sees its
    committed row, so the row and the counts hold both changes."""
    with catalogue.writing() as session:
        doc = add_document(session, new=new("Ana Lima wrote."), actor="t")
        session.add(Keyword(name="war"))
    first_indexed = threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with catalogue.writing() as session:
                document = session.get(Document, doc.id)
                assert document is not None
                add_tag(
                    session,
                    kind="mention",
                    document=document,
                    start=0,
                    end=8,
                    values={"name": "Ana Lima"},
                    actor="t",
                )
                index.sync(session)  # holds the document's indexing lock from here
                first_indexed.set()
                _wait_for_a_waiting_lock(catalogue)
        except BaseException as exc:
            errors.append(exc)
            first_indexed.set()

    thread = threading.Thread(target=first)
    thread.start()
    assert first_indexed.wait(60)
    with catalogue.writing() as session:  # waits for the first at its indexing lock
        document = session.get(Document, doc.id)
        keyword = session.scalars(select(Keyword).where(Keyword.name == "war")).one()
        assert document is not None
        document.keywords.append(keyword)
    thread.join(60)
    assert errors == []
    with catalogue.reading() as session:
        counts = facets(session, "", top=100)
        assert [(c.value, c.count) for c in counts["person"]] == [("Ana Lima", 1)]
        assert [(c.value, c.count) for c in counts["tag"]] == [("war", 1)]
        assert facets(session, "", top=100, within=select(Document.id)) == counts
        assert index.check(session, deep=True) == []


def _wait_for_a_waiting_lock(catalogue: Catalogue) -> None:
    """Return once another transaction waits for an advisory lock (polls the server)."""
    watcher = create_engine(catalogue.engine.url)
    try:
        with watcher.connect() as conn:
            for _ in range(6000):
                waiting = conn.execute(
                    text(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                        "AND NOT granted AND database = "
                        "(SELECT oid FROM pg_database WHERE datname = current_database())"
                    )
                ).scalar_one()
                if waiting:
                    return
                conn.execute(text("SELECT pg_sleep(0.01)"))
                conn.commit()
    finally:
        watcher.dispose()
    raise AssertionError("the second writer never waited for the indexing lock")


@pytest.fixture
def bare_database() -> Iterator[str]:
    """A scratch database with the models' tables and no search index (as after 0013)."""
    with scratch_database() as url:
        engine = create_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
        yield url.render_as_string(hide_password=False)


def _run_migration(url: str, revision_module: str, step: str) -> None:
    import importlib

    module = importlib.import_module(f"db.migrations.versions.{revision_module}")
    engine = create_engine(url)
    try:
        with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            getattr(module, step)()
    finally:
        engine.dispose()


def test_migration_0014_creates_fills_and_drops_the_postgresql_index(bare_database: str) -> None:
    engine = create_engine(bare_database)
    with engine.begin() as conn:
        conn.execute(insert(Blob), [{"sha256": "a" * 64, "size": 3, "media_type": "text/plain"}])
        for doc_id, deleted in ((7, None), (8, "now")):
            conn.execute(
                insert(Document),
                {
                    "id": doc_id,
                    "ref": f"CAT-00000{doc_id}",
                    "title": "Xocalı",
                    "text": "Body words",
                    "publisher": "Ulduz",
                    "media_type": "text/plain",
                    "original_sha256": "a" * 64,
                    "deleted_at": deleted,
                },
            )
    _run_migration(bare_database, "0004_search_index", "upgrade")  # nothing on PostgreSQL
    with engine.connect() as conn:
        assert _search_tables(conn) == set()
    _run_migration(bare_database, "0014_contentless_search_index", "upgrade")
    with engine.connect() as conn:
        assert _search_tables(conn) == {
            "search_index",
            "search_index_rows",
            "facet_counts",
            "search_folds",
        }
        recorded = conn.execute(text("SELECT id, title FROM search_index_rows ORDER BY id")).all()
        counts = conn.execute(text("SELECT facet, value, documents FROM facet_counts")).all()
        found = conn.execute(
            text("SELECT id FROM search_index WHERE doc @@ CAST(:q AS tsquery) ORDER BY id"),
            {"q": "'xocali' & 'words'"},
        ).scalars()
        assert list(found) == [7, 8]
    assert recorded == [(7, "xocali"), (8, "xocali")]
    assert counts == [("publisher", "Ulduz", 1)]  # the trashed document counts nowhere
    _run_migration(bare_database, "0014_contentless_search_index", "downgrade")
    _run_migration(bare_database, "0004_search_index", "downgrade")
    with engine.connect() as conn:
        assert _search_tables(conn) == set()
    engine.dispose()


def _search_tables(conn: object) -> set[str]:
    rows = conn.execute(  # type: ignore[attr-defined]
        text(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_name IN ('search_index', 'search_index_rows', 'facet_counts', "
            "'search_folds')"
        )
    )
    return {row[0] for row in rows}
