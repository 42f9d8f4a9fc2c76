"""The search box's query language: every input is a safe search or a clear message.

Explicit cases pin each construct and error; the fuzz test throws 10,000 arbitrary
inputs at the parser and runs every FTS5 expression it produces against a real FTS5
table, checking that SQLite accepts it and that it selects exactly the rows the query
tree describes (evaluated independently in Python).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from db.folding import fold
from db.search.fts5 import FtsMatch, to_fts5
from db.search.query import (
    MAX_NESTING,
    MAX_QUERY_LENGTH,
    ParsedQuery,
    highlight_terms,
    parse_query,
)
from db.search.syntax import (
    FIELDS,
    And,
    Field,
    FieldFilter,
    Not,
    Or,
    Query,
    QuerySyntaxError,
    Term,
)

ROWS = [
    "O'Brien wrote to Xocalı about C++",
    "Şəkibə Mustafayeva report, 1992",
    "Мустафаева archive letter",
    "foo bar baz",
    "bar foo",
    "or and not",
    "News.Az publisher report 2021",
    "archive archivist archives foo",
]
ALL_ROWS = frozenset(range(1, len(ROWS) + 1))
_TOKENS = re.compile(r"[a-z0-9]+")


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    """An FTS5 table configured like the catalogue's, holding folded ROWS."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO t(rowid, body) VALUES (?, ?)",
        [(rowid, fold(text)) for rowid, text in enumerate(ROWS, start=1)],
    )
    yield connection
    connection.close()


def run(connection: sqlite3.Connection, match: FtsMatch) -> frozenset[int]:
    """Rows selected by *match*, the way the backend is documented to run it."""
    found = {
        row[0]
        for row in connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (match.expression,))
    }
    return ALL_ROWS - found if match.exclude else frozenset(found)


def _term_in(term: Term, tokens: list[str]) -> bool:
    words = term.text.split(" ")
    size = len(words)
    for start in range(len(tokens) - size + 1):
        window = tokens[start : start + size]
        if window[:-1] != words[:-1]:
            continue
        last = window[-1]
        if last == words[-1] or (term.prefix and last.startswith(words[-1])):
            return True
    return False


def evaluate(node: Query, tokens: list[str]) -> bool:
    """What the tree means for one row, independently of the FTS5 compiler."""
    if isinstance(node, Term):
        return _term_in(node, tokens)
    if isinstance(node, Not):
        return not evaluate(node.child, tokens)
    if isinstance(node, And):
        return all(evaluate(child, tokens) for child in node.children)
    if isinstance(node, Or):
        return any(evaluate(child, tokens) for child in node.children)
    raise AssertionError(f"field in text part: {node!r}")


def expected_rows(node: Query) -> frozenset[int]:
    return frozenset(
        rowid
        for rowid, text in enumerate(ROWS, start=1)
        if evaluate(node, _TOKENS.findall(fold(text)))
    )


def search(connection: sqlite3.Connection, text: str) -> frozenset[int]:
    parsed = parse_query(text)
    assert not parsed.filters
    match = to_fts5(parsed.text)
    assert match is not None
    return run(connection, match)


def error(text: str) -> QuerySyntaxError:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(text)
    return caught.value


def only_filter(text: str) -> FieldFilter:
    parsed = parse_query(text)
    assert parsed.text is None
    assert len(parsed.filters) == 1
    return parsed.filters[0]


# --- Empty ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "  \t\n "])
def test_blank_query_means_everything(text: str) -> None:
    parsed = parse_query(text)
    assert parsed == ParsedQuery()
    assert parsed.is_everything
    assert parsed.fts is None
    assert to_fts5(parsed.text) is None
    assert highlight_terms(parsed) == []


@pytest.mark.parametrize("text", ["++", "-", '"!!"', "()", "( )", "*", "- -", "-++", '""', "…"])
def test_nothing_left_after_dropping_punctuation_is_an_error(text: str) -> None:
    caught = error(text)
    assert caught.message.startswith("Nothing to search for")
    assert caught.position == 0


# --- Words, folding and tokens --------------------------------------------------------


def test_words_are_folded_and_all_must_match(fts: sqlite3.Connection) -> None:
    parsed = parse_query("Foo BAR")
    assert parsed.text == And((Term("foo"), Term("bar")))
    assert parsed.fts == FtsMatch('"foo" AND "bar"')
    assert search(fts, "Foo BAR") == {4, 5}
    assert search(fts, "foo baz") == {4}


@pytest.mark.parametrize("typed", ["Xocali", "Xocalı", "XOCALI", "xocalı"])
def test_folding_turkic_letters(fts: sqlite3.Connection, typed: str) -> None:
    assert parse_query(typed).text == Term("xocali")
    assert search(fts, typed) == {1}


def test_folding_azerbaijani_and_cyrillic(fts: sqlite3.Connection) -> None:
    assert parse_query("Şəkibə").text == Term("sekibe")
    assert search(fts, "Sekibe") == {2}
    assert parse_query("Мустафаева").text == Term("mustafaeva")
    assert search(fts, "Мустафаева") == {3}
    assert search(fts, "mustafaeva") == {3}


def test_apostrophe_name_becomes_a_phrase_of_tokens(fts: sqlite3.Connection) -> None:
    parsed = parse_query("O'Brien")
    assert parsed.text == Term("o brien")
    assert parsed.fts == FtsMatch('"o brien"')
    assert search(fts, "O'Brien") == {1}
    assert search(fts, "o’brien") == {1}  # typographic apostrophe too


def test_c_plus_plus_keeps_the_letter(fts: sqlite3.Connection) -> None:
    assert parse_query("C++").text == Term("c")
    assert search(fts, "C++") == {1}


def test_punctuation_only_words_are_dropped_beside_real_ones() -> None:
    assert parse_query("foo ++ — bar").text == And((Term("foo"), Term("bar")))
    assert parse_query("foo OR ++").text == Term("foo")


def test_hyphenated_and_dotted_words_are_phrases(fts: sqlite3.Connection) -> None:
    assert parse_query("foo-bar").text == Term("foo bar")
    assert parse_query("News.Az").text == Term("news az")
    assert search(fts, "News.Az") == {7}


def test_lower_case_keywords_are_words(fts: sqlite3.Connection) -> None:
    assert parse_query("or and not").text == And((Term("or"), Term("and"), Term("not")))
    assert search(fts, "or and not") == {6}


def test_colon_not_after_letters_is_part_of_a_word() -> None:
    assert parse_query("10:30").text == Term("10 30")


def test_pasted_address_is_text_not_a_field() -> None:
    assert parse_query("http://news.az/x").text == Term("http news az x")


def test_query_tokens_match_what_fts5_stores(fts: sqlite3.Connection) -> None:
    """The parser's [a-z0-9]+ tokens are unicode61's tokens of folded text."""
    fts.execute("CREATE VIRTUAL TABLE IF NOT EXISTS v USING fts5vocab(t, 'instance')")
    stored = [row[0] for row in fts.execute("SELECT term FROM v ORDER BY doc, col, offset")]
    assert stored == [token for text in ROWS for token in _TOKENS.findall(fold(text))]


# --- Phrases and prefixes -------------------------------------------------------------


def test_quoted_phrase(fts: sqlite3.Connection) -> None:
    parsed = parse_query('"Foo Bar"')
    assert parsed.text == Term("foo bar")
    assert parsed.fts == FtsMatch('"foo bar"')
    assert search(fts, '"foo bar"') == {4}
    assert search(fts, '"bar foo"') == {5}


def test_quoted_phrase_with_apostrophe_and_keywords(fts: sqlite3.Connection) -> None:
    assert parse_query('"O\'Brien wrote"').text == Term("o brien wrote")
    assert parse_query('"or AND not"').text == Term("or and not")
    assert search(fts, '"OR and NOT"') == {6}


def test_unclosed_quote_points_at_the_quote() -> None:
    caught = error('foo "unclosed')
    assert caught.position == 4
    assert str(caught) == 'Unclosed quote at position 5: add a closing " to end the phrase.'


def test_quote_inside_a_word_is_punctuation() -> None:
    assert parse_query('5"').text == Term("5")


def test_prefix(fts: sqlite3.Connection) -> None:
    parsed = parse_query("archiv*")
    assert parsed.text == Term("archiv", prefix=True)
    assert parsed.fts == FtsMatch('"archiv" *')
    assert search(fts, "archiv*") == {3, 8}
    assert search(fts, "archiv") == set()
    assert search(fts, "Archiv**") == {3, 8}


def test_prefix_on_phrase_and_multi_token_word(fts: sqlite3.Connection) -> None:
    assert parse_query('"foo ba"*').fts == FtsMatch('"foo ba" *')
    assert search(fts, '"foo ba"*') == {4}
    assert parse_query("o'bri*").text == Term("o bri", prefix=True)
    assert search(fts, "o'bri*") == {1}


def test_star_inside_a_word_is_a_separator() -> None:
    assert parse_query("foo*bar").text == Term("foo bar")
    assert parse_query("*foo").text == Term("foo")


# --- OR, AND, grouping ----------------------------------------------------------------


def test_or(fts: sqlite3.Connection) -> None:
    parsed = parse_query("Xocali OR Мустафаева")
    assert parsed.text == Or((Term("xocali"), Term("mustafaeva")))
    assert parsed.fts == FtsMatch('"xocali" OR "mustafaeva"')
    assert search(fts, "Xocali OR Мустафаева") == {1, 3}


def test_or_binds_tighter_than_and_as_in_web_search(fts: sqlite3.Connection) -> None:
    parsed = parse_query("baz OR archive foo")
    assert parsed.text == And((Or((Term("baz"), Term("archive"))), Term("foo")))
    assert search(fts, "baz OR archive foo") == {4, 8}
    assert parse_query("a AND b OR c").text == And((Term("a"), Or((Term("b"), Term("c")))))


def test_explicit_and_is_the_same_as_a_space() -> None:
    assert parse_query("foo AND bar").text == parse_query("foo bar").text


def test_parentheses_group(fts: sqlite3.Connection) -> None:
    parsed = parse_query("(foo bar) OR letter")
    assert parsed.text == Or((And((Term("foo"), Term("bar"))), Term("letter")))
    assert parsed.fts == FtsMatch('("foo" AND "bar") OR "letter"')
    assert search(fts, "(foo bar) OR letter") == {3, 4, 5}


def test_nested_groups_are_flattened_where_equivalent() -> None:
    assert parse_query("((a b) c)").text == And((Term("a"), Term("b"), Term("c")))
    assert parse_query("(a OR (b OR c))").text == Or((Term("a"), Term("b"), Term("c")))
    assert parse_query("((a))").text == Term("a")
    assert parse_query("a () b").text == And((Term("a"), Term("b")))


def test_deep_nesting(fts: sqlite3.Connection) -> None:
    outer = MAX_NESTING - 1  # plus the inner group: exactly the limit
    text = "(" * outer + "foo OR (bar baz)" + ")" * outer
    assert search(fts, text) == {4, 5, 8}


def test_too_deep_nesting_is_refused() -> None:
    depth = MAX_NESTING + 1
    caught = error("(" * depth + "foo" + ")" * depth)
    assert caught.position == MAX_NESTING
    assert "Too many nested parentheses" in caught.message


def test_very_deep_nesting_is_refused_not_a_recursion_error() -> None:
    assert "Too many nested" in error("(" * 5000 + "x").message
    assert parse_query("-" * 5000 + "x").text == Term("x")  # even count of minuses


def test_too_long_is_refused() -> None:
    caught = error("a " * MAX_QUERY_LENGTH)
    assert "too long" in caught.message
    assert parse_query("a" * MAX_QUERY_LENGTH).text == Term("a" * MAX_QUERY_LENGTH)


@pytest.mark.parametrize(
    ("text", "position", "start"),
    [
        ("foo AND", 4, "'AND' at position 5 has nothing after it."),
        ("foo OR", 4, "'OR' at position 5 has nothing after it."),
        ("AND foo", 0, "'AND' at position 1 has nothing before it."),
        ("OR", 0, "'OR' at position 1 has nothing before it."),
        ("foo OR OR bar", 4, "'OR' at position 5 has nothing after it."),
        ("foo AND OR bar", 4, "'AND' at position 5 has nothing after it."),
        ("foo OR AND bar", 4, "'OR' at position 5 has nothing after it."),
        ("(OR foo)", 1, "'OR' at position 2 has nothing before it."),
        ("(foo OR)", 5, "'OR' at position 6 has nothing after it."),
        ("NOT", 0, "'NOT' at position 1 has nothing after it."),
        ("foo NOT", 4, "'NOT' at position 5 has nothing after it."),
        ("foo)", 3, "Unmatched ')' at position 4"),
        (") foo", 0, "Unmatched ')' at position 1"),
        ("(foo", 0, "Unclosed '(' at position 1"),
        ("a (b (c)", 2, "Unclosed '(' at position 3"),
        ("(", 0, "Unclosed '(' at position 1"),
    ],
)
def test_operator_and_bracket_errors(text: str, position: int, start: str) -> None:
    caught = error(text)
    assert caught.position == position
    assert caught.message.startswith(start)


def test_dangling_keyword_message_says_how_to_search_for_the_word() -> None:
    assert "write it in lower case (and) or in quotes" in error("foo AND").message


# --- Exclusion ------------------------------------------------------------------------


def test_exclude_a_word(fts: sqlite3.Connection) -> None:
    parsed = parse_query("foo -baz")
    assert parsed.text == And((Term("foo"), Not(Term("baz"))))
    assert parsed.fts == FtsMatch('"foo" NOT "baz"')
    assert search(fts, "foo -baz") == {5, 8}


def test_exclusion_only_is_every_row_except_the_matches(fts: sqlite3.Connection) -> None:
    parsed = parse_query("-x")
    assert parsed.text == Not(Term("x"))
    assert parsed.fts == FtsMatch('"x"', exclude=True)
    assert search(fts, "-foo") == {1, 2, 3, 6, 7}
    assert parse_query("-foo -bar").fts == FtsMatch('"foo" OR "bar"', exclude=True)
    assert search(fts, "-foo -bar") == {1, 2, 3, 6, 7}


def test_or_with_an_exclusion_compiles_to_a_complement(fts: sqlite3.Connection) -> None:
    assert parse_query("foo OR -report").fts == FtsMatch('"report" NOT "foo"', exclude=True)
    assert search(fts, "foo OR -report") == ALL_ROWS - {2, 7}
    assert search(fts, "archive (foo OR -letter)") == {8}
    assert search(fts, "-(foo OR -bar)") == set()
    assert search(fts, "-(foo OR -archive)") == {3}


def test_exclude_phrase_and_group(fts: sqlite3.Connection) -> None:
    assert parse_query('foo -"bar baz"').text == And((Term("foo"), Not(Term("bar baz"))))
    assert search(fts, 'foo -"bar baz"') == {5, 8}
    assert search(fts, "foo -(bar baz)") == {5, 8}


def test_not_keyword_is_an_exclusion() -> None:
    assert parse_query("foo NOT bar").text == parse_query("foo -bar").text
    assert parse_query("NOT NOT foo").text == Term("foo")


def test_double_negation_cancels() -> None:
    assert parse_query("--foo").text == Term("foo")
    assert parse_query("-(-foo)").text == Term("foo")


def test_dash_must_touch_what_it_excludes() -> None:
    assert parse_query("foo - bar").text == And((Term("foo"), Term("bar")))
    assert parse_query("foo-").text == Term("foo")
    assert parse_query("(foo -)").text == Term("foo")


def test_keyword_right_after_a_dash_is_a_word() -> None:
    assert parse_query("foo -OR").text == And((Term("foo"), Not(Term("or"))))


# --- Fields ---------------------------------------------------------------------------


def test_to_fts5_of_nothing() -> None:
    assert to_fts5(None) is None


def test_to_fts5_quotes_defensively(fts: sqlite3.Connection) -> None:
    match = to_fts5(And((Term('a"b'), Not(Term("NEAR(x")))))
    assert match == FtsMatch('"a""b" NOT "NEAR(x"')
    assert run(fts, match) == set()


def test_to_fts5_refuses_fields() -> None:
    with pytest.raises(ValueError, match="filter"):
        to_fts5(Field("tag", "war"))


def test_error_positions_are_offsets_and_messages_count_from_one() -> None:
    caught = error('ab "c')
    assert caught.position == 3
    assert "position 4" in caught.message
    assert isinstance(caught, ValueError)


# --- Highlighting ---------------------------------------------------------------------


def test_highlight_terms() -> None:
    parsed = parse_query('Xocalı "O\'Brien wrote" archiv* -draft xocali (foo OR -(bar -baz))')
    assert highlight_terms(parsed) == ["xocali", "o brien wrote", "archiv", "foo", "baz"]


# --- Fuzz -----------------------------------------------------------------------------

_FRAGMENTS = [
    "foo", "bar", "baz", "fo", "archiv", "report", "letter", "O'Brien", "C++", "Xocalı",
    "xocali", "Şəkibə", "Мустафаева", "News.Az", "1992", "2021", "OR", "AND", "NOT", "or",
    '"', "'", ":", "-", "*", "(", ")", " ", " ", " ", "..", "\t", "—", "\u0301", "ß", "﷽",
    "publisher:", "type:", "year:", "has:", "status:", "person:", "tag:", "collection:",
    "foo:", "image", "review", "failed-fixity", "http://", "NEAR", "^", "+", "{", "}",
    " -", " -foo", " -(", " OR -", " NOT ",
]  # fmt: skip

_QUOTED_OR_NUMBER = re.compile(r"'[^']*'|[0-9]+")

# Fragments of query syntax interleaved with single arbitrary characters; one
# character per draw (rather than short texts) keeps Hypothesis's own overhead down.
_QUERYISH = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.characters()), max_size=14).map(
    "".join
)


@pytest.mark.slow
@settings(
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=st.one_of(_QUERYISH, st.text(max_size=40)))
def test_fuzz_every_input_is_a_valid_search_or_a_clear_error(
    fts: sqlite3.Connection, text: str
) -> None:
    try:
        parsed = parse_query(text)
    except QuerySyntaxError as caught:
        assert caught.message
        assert caught.message.endswith(".")
        assert 0 <= caught.position <= len(text)
        event("error: " + _QUOTED_OR_NUMBER.sub("…", caught.message)[:32])
        return
    assert parsed.is_everything == (not text.strip())
    for condition in parsed.filters:
        assert condition.field in FIELDS
        assert condition.values
        for value in condition.values:
            assert value.name == condition.field
            if value.low is not None and value.high is not None:
                assert value.low <= value.high
    highlight_terms(parsed)
    match = to_fts5(parsed.text)
    if parsed.text is None:
        assert match is None
        event("filters only")
        return
    event("exclusion" if match.exclude else "match")
    assert match is not None
    # Accepted by real FTS5 (an OperationalError fails the test) and means the tree.
    assert run(fts, match) == expected_rows(parsed.text)
