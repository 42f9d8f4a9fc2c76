"""Provenance fields (URL, accessed day, captured by) and file-metadata guesses."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.documents import (
    DocumentError,
    NewDocument,
    accept_file_guess,
    add_document,
    get_document,
    update_metadata,
)
from db.models import Event
from db.provenance import (
    FileGuess,
    ProvenanceError,
    check_accessed,
    check_url,
    open_guesses,
)

GUESSES = [
    FileGuess("authors", ["Clerk of the Commission"], "PDF /Author").as_json(),
    FileGuess("published", "2019-05-02", "PDF /CreationDate").as_json(),
    {"field": "colour", "value": "red", "source": "?"},  # a shape not ours: ignored
]


def _add(catalogue: Catalogue, **extra: object) -> str:
    new = NewDocument(
        text="The commission met.",
        media_type="application/pdf",
        original_sha256="a" * 64,
        original_size=3,
        original_filename="minutes.pdf",
        **extra,  # type: ignore[arg-type]
    )
    with catalogue.writing() as session:
        return add_document(session, new=new, actor="t").ref


def _events(catalogue: Catalogue) -> int:
    with catalogue.reading() as session:
        return int(session.scalar(select(func.count(Event.id))) or 0)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1#c", "http://news.example.az/x", "ftp://files.example.org/r.pdf"],
)
def test_web_addresses_are_accepted(url: str) -> None:
    assert check_url(f"  {url} ") == url


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("www.example.org/page", "must start with http:// or https://"),
        ("/news/123", "must start with http:// or https://"),
        ("https://", "must start with http:// or https://"),
        ("javascript:alert(1)", "must start with http:// or https://"),
        ("https://example.org/a page", "has a space in it"),
    ],
)
def test_other_addresses_are_refused_naming_the_url(url: str, problem: str) -> None:
    with pytest.raises(ProvenanceError, match=problem) as caught:
        check_url(url)
    assert str(caught.value).startswith("URL ")


def test_accessed_must_be_one_existing_day_not_in_the_future() -> None:
    today = date(2026, 12, 3)
    assert check_accessed("2026-12-03", today=today) == "2026-12-03"
    assert check_accessed("2026-12-04", today=today) == "2026-12-04"  # a clock a day ahead
    for bad in ("2026-12", "2026", "3 Dec 2026", "2026-02-30", "2026-12-03/2026-12-04", "~2026"):
        with pytest.raises(ProvenanceError, match="is not a day: write YYYY-MM-DD"):
            check_accessed(bad, today=today)
    with pytest.raises(ProvenanceError, match="is in the future"):
        check_accessed("2026-12-05", today=today)


def test_edit_sets_and_clears_the_provenance_fields(catalogue: Catalogue) -> None:
    ref = _add(catalogue)
    with catalogue.writing() as session:
        change = update_metadata(
            session,
            ref=ref,
            changes={
                "url": " https://example.org/minutes ",
                "accessed": "2025-03-03",
                "captured_by": "Ana\x1b[31m Lima",
            },
            actor="t",
        )
    assert change.after == {
        "url": "https://example.org/minutes",
        "accessed": "2025-03-03",
        "captured_by": "Ana[31m Lima",  # one-line fields lose control characters
    }
    with catalogue.writing() as session:
        update_metadata(session, ref=ref, changes={"accessed": "", "url": None}, actor="t")
        document = get_document(session, ref)
        assert document is not None
        assert (document.url, document.accessed, document.captured_by) == (
            None,
            None,
            "Ana[31m Lima",
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"url": "example.org", "title": "New"}, "URL 'example.org' is not a web address"),
        ({"accessed": "2025-03", "title": "New"}, "accessed date '2025-03' is not a day"),
        ({"accessed": 20250303}, "accessed must be text"),
    ],
)
def test_a_bad_url_or_accessed_date_changes_nothing(
    catalogue: Catalogue, changes: dict[str, object], message: str
) -> None:
    ref = _add(catalogue, title="Old")
    events = _events(catalogue)
    with pytest.raises(DocumentError, match=message), catalogue.writing() as session:
        update_metadata(session, ref=ref, changes=changes, actor="t")
    with catalogue.reading() as session:
        document = get_document(session, ref)
        assert document is not None and document.title == "Old"
        assert document.url is None and document.accessed is None
    assert _events(catalogue) == events


def test_file_guesses_are_offered_until_accepted_and_back_after_undo(
    catalogue: Catalogue,
) -> None:
    ref = _add(catalogue, file_guesses=GUESSES)
    with catalogue.reading() as session:
        document = get_document(session, ref)
        assert document is not None
        assert document.authors == [] and document.published is None
        offered = open_guesses(document)
    assert [(n, g.field, g.value) for n, g in offered] == [
        (1, "authors", ["Clerk of the Commission"]),
        (2, "published", "2019-05-02"),
    ]
    assert {g.confidence for _n, g in offered} == {"low"}

    with catalogue.writing() as session:
        change = accept_file_guess(session, ref=ref, number=2, actor="t")
    assert change.before == {"published": None} and change.after == {"published": "2019-05-02"}
    with catalogue.reading() as session:
        document = get_document(session, ref)
        assert document is not None and document.published_lower == "2019-05-02"
        assert [n for n, _g in open_guesses(document)] == [1]

    inverse = change.inverse()
    with catalogue.writing() as session:
        update_metadata(session, ref=ref, changes=inverse.after, actor="t")
        document = get_document(session, ref)
        assert document is not None and document.published is None
        assert [n for n, _g in open_guesses(document)] == [1, 2]


@pytest.mark.parametrize("number", [0, 4, -1])
def test_accepting_a_guess_that_is_not_there_is_refused(catalogue: Catalogue, number: int) -> None:
    ref = _add(catalogue, file_guesses=GUESSES)
    refusal = f"has no file-metadata guess {number}; it has 2"
    with pytest.raises(DocumentError, match=refusal), catalogue.writing() as session:
        accept_file_guess(session, ref=ref, number=number, actor="t")
