"""OCR texts in the catalogue without the engine: words and regions, text versions,
and a person's correction (tags and word boxes follow their characters, audited)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from db.documents import DocumentError, NewDocument, add_document
from db.models import DateTag, Event, Mention, OcrWord, TextVersion
from db.ocr_texts import correct_text, regions, store_ocr, versions_of
from db.tags import add_tag

TEXT = "Halvem, 3 March 2021\nThe dam failed."


@dataclass(frozen=True)
class Word:
    page: int
    start: int
    end: int
    left: float
    top: float
    right: float
    bottom: float
    confidence: float


def _words(text: str) -> list[Word]:
    """One box per word, laid out left to right on lines 0.1 apart (fake but exact)."""
    found: list[Word] = []
    position = 0
    for line_number, line in enumerate(text.split("\n")):
        column = 0.1
        for word in line.split(" "):
            start = text.index(word, position)
            width = len(word) * 0.02
            found.append(
                Word(
                    0,
                    start,
                    start + len(word),
                    column,
                    0.1 * (line_number + 1),
                    column + width,
                    0.1 * (line_number + 1) + 0.05,
                    40.0 if "Halvem" in word else 95.0,
                )
            )
            column += width + 0.01
            position = start + len(word)
    return found


@pytest.fixture
def scanned(catalogue):  # type: ignore[no-untyped-def]
    with catalogue.writing() as session:
        document = add_document(
            session,
            new=NewDocument(
                text=TEXT,
                media_type="application/pdf",
                original_sha256="a" * 64,
                original_size=10,
                original_filename="scan.pdf",
                flags=["OCR text"],
            ),
            actor="tester",
        )
        store_ocr(
            session,
            document_id=document.id,
            ref=document.ref,
            words=_words(TEXT),
            provenance={"engine": "Tesseract", "version": "5.3.0"},
            text=TEXT,
            actor="tester",
        )
        start = TEXT.index("3 March 2021")
        add_tag(
            session,
            kind="date",
            document=document,
            start=start,
            end=start + 12,
            values={"edtf": "2021-03-03"},
            actor="tester",
        )
        add_tag(
            session,
            kind="mention",
            document=document,
            start=0,
            end=6,
            values={"name": "Halvem", "role": "mentioned"},
            actor="tester",
        )
        ref = document.ref
    return catalogue, ref


def test_regions_join_the_boxes_of_a_span_per_page() -> None:
    words = _words(TEXT)
    start = TEXT.index("March")
    [region] = regions(words, start, TEXT.index("\n"))
    march, year = words[2], words[3]
    assert (region.left, region.top) == (march.left, march.top)
    assert (region.right, region.bottom) == (year.right, year.bottom)
    assert regions(words, 0, 0) == []
    two_pages = [*words[:1], Word(1, 30, 33, 0.5, 0.5, 0.6, 0.6, 90.0)]
    assert [r.page for r in regions(two_pages, 0, len(TEXT))] == [0, 1]


def test_a_correction_is_a_new_version_with_tags_and_boxes_following(scanned) -> None:  # type: ignore[no-untyped-def]
    catalogue, ref = scanned
    corrected = "Halvern, 3 March 2021\nThe dam failed."
    with catalogue.writing() as session:
        report = correct_text(session, ref=ref, text=corrected, actor="archivist")
    assert report.version == 2
    with catalogue.reading() as session:
        date = session.execute(select(DateTag)).scalar_one()
        mention = session.execute(select(Mention)).scalar_one()
        words = list(session.execute(select(OcrWord).order_by(OcrWord.start)).scalars())
        versions = versions_of(session, date.document_id)
        event = session.execute(select(Event).where(Event.action == "correct text")).scalar_one()
    assert corrected[date.start : date.end] == date.quote == "3 March 2021"
    assert (mention.start, mention.end, mention.quote) == (0, 7, "Halvern")
    assert report.tags_requoted == [mention.uid]
    first = words[0]
    assert corrected[first.start : first.end] == "Halvern,"
    assert first.confidence == 100.0  # a person read it
    assert [corrected[w.start : w.end] for w in words[1:]] == corrected.replace("\n", " ").split()[
        1:
    ]
    assert [(v.number, v.origin, v.text) for v in versions] == [
        (1, "ocr", TEXT),
        (2, "correction", corrected),
    ]
    assert event.actor == "archivist" and event.detail["tags_requoted"] == [mention.uid]
    assert event.detail["previous_sha256"] == versions[0].text_sha256


def test_a_correction_deleting_an_accepted_tag_changes_nothing(scanned) -> None:  # type: ignore[no-untyped-def]
    catalogue, ref = scanned
    with (
        pytest.raises(DocumentError, match="deletes the accepted date tag"),
        catalogue.writing() as session,
    ):
        correct_text(session, ref=ref, text="Halvem,\nThe dam failed.", actor="archivist")
    with catalogue.reading() as session:
        assert len(session.execute(select(TextVersion)).all()) == 1
        assert session.execute(select(DateTag.quote)).scalar_one() == "3 March 2021"
