"""The query language compiled to tsquery selects exactly what it compiles to in FTS5.

The fuzz test of tests/db/test_search_query.py, again: arbitrary input is parsed, its
text part compiled with ``db.search.tsvector.to_tsquery`` and run against a table of
the same rows indexed as the catalogue indexes them on PostgreSQL; the rows must be
the ones the query tree describes and the ones FTS5 selects on SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, create_engine, text

from db.folding import fold
from db.search.fts5 import to_fts5
from db.search.query import parse_query
from db.search.syntax import And, Not, Or, Query, QuerySyntaxError, Term
from db.search.text_match import TextMatch
from db.search.tsvector import document_vector, to_tsquery
from tests.db.search_postgresql import scratch_database
from tests.db.test_search_query import (
    _QUERYISH,
    _TOKENS,
    ALL_ROWS,
    ROWS,
    evaluate,
    expected_rows,
    fts,
    run,
)

pytestmark = pytest.mark.own_database

__all__ = ["fts"]


PADDING = " ".join(["zzpad"] * 300) + " "
"""Put before a row, more positions of one word than PostgreSQL keeps: a lossy row."""


@pytest.fixture(scope="module")
def vectors() -> Iterator[Connection]:
    """A PostgreSQL table holding ROWS as the index holds a body (table ``t``), and
    the same rows padded past PostgreSQL's limits (table ``lossy``)."""
    with scratch_database() as url:
        engine = create_engine(url)
        with engine.connect() as conn:
            for name, padding in (("t", ""), ("lossy", PADDING)):
                conn.execute(
                    text(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, doc tsvector NOT NULL)")
                )
                conn.execute(
                    text(f"INSERT INTO {name} VALUES (:id, CAST(:doc AS tsvector))"),
                    [
                        {"id": rowid, "doc": document_vector("", fold(padding + row), "", "")}
                        for rowid, row in enumerate(ROWS, start=1)
                    ],
                )
            conn.commit()
            yield conn
        engine.dispose()


def selected(conn: Connection, match: TextMatch, table: str = "t") -> frozenset[int]:
    found = set(
        conn.execute(
            text(f"SELECT id FROM {table} WHERE doc @@ CAST(:q AS tsquery)"),
            {"q": match.expression},
        ).scalars()
    )
    return ALL_ROWS - found if match.exclude else frozenset(found)


def test_terms_phrases_prefixes_and_exclusions(vectors: Connection) -> None:
    cases = {
        "foo": {4, 5, 8},
        '"foo bar"': {4},
        "archiv*": {3, 8},
        '"o\'brien wrote"': {1},
        "O'Brien": {1},
        "-foo": {1, 2, 3, 6, 7},
        "foo -bar": {8},
        "bar OR -foo": ALL_ROWS - {8},
        "Мустафаева": {3},
        "sekibe": {2},
        "C++": {1},
        "news.az": {7},
    }
    for query, rows in cases.items():
        match = to_tsquery(parse_query(query).text)
        assert match is not None
        assert selected(vectors, match) == rows, query


def test_the_tsquery_spelling() -> None:
    tree = And((Term("o brien", prefix=True), Not(Or((Term("a"), Term("b"))))))
    # a phrase: its chain, or (in a document past PostgreSQL's limits) all its pairs
    assert to_tsquery(tree) == TextMatch("(('o' <-> 'brien':*) | 'o brien':*) & ! ('a' | 'b')")
    assert to_tsquery(Term("a b c")) == TextMatch("(('a' <-> 'b' <-> 'c') | ('a b' & 'b c'))")
    assert to_tsquery(Not(Term("draft"))) == TextMatch("'draft'", exclude=True)
    assert to_tsquery(Term("x" * 3000)) == TextMatch("('a' & !'a')")  # longer than a lexeme
    assert to_tsquery(None) is None


@pytest.mark.slow
@settings(max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.one_of(_QUERYISH, st.text(max_size=40)))
def test_fuzz_tsquery_selects_what_fts5_selects(
    vectors: Connection, fts: sqlite3.Connection, query: str
) -> None:
    try:
        parsed = parse_query(query)
    except QuerySyntaxError:  # refusals are tests/db/test_search_query.py's business
        return
    if parsed.text is None:
        return
    match = to_tsquery(parsed.text)
    fts5 = to_fts5(parsed.text)
    assert match is not None and fts5 is not None
    assert match.exclude == fts5.exclude
    rows = selected(vectors, match)
    assert rows == expected_rows(parsed.text)
    assert rows == run(fts, fts5)


def _longest_phrase(node: Query) -> int:
    if isinstance(node, Term):
        return len(node.text.split(" "))
    if isinstance(node, Not):
        return _longest_phrase(node.child)
    if isinstance(node, And | Or):
        return max(_longest_phrase(child) for child in node.children)
    return 0


@pytest.mark.slow
@settings(max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.one_of(_QUERYISH, st.text(max_size=40)))
def test_fuzz_lossy_rows_answer_like_the_others(vectors: Connection, query: str) -> None:
    """Rows past PostgreSQL's position limits (found through their token pairs) give
    the same answers for every query whose phrases have at most two tokens."""
    try:
        parsed = parse_query(query)
    except QuerySyntaxError:
        return
    if parsed.text is None or _longest_phrase(parsed.text) > 2:
        return
    match = to_tsquery(parsed.text)
    assert match is not None
    expected = frozenset(
        rowid
        for rowid, row in enumerate(ROWS, start=1)
        if evaluate(parsed.text, _TOKENS.findall(fold(PADDING + row)))
    )
    assert selected(vectors, match, "lossy") == expected
