"""Metadata sniffing: acceptance on the sample documents, and our own texts in other
layouts proving the rules are conventions, not knowledge of particular outlets."""

# Fixture texts keep one paragraph per line, as scraped pages do.
# ruff: noqa: E501
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.folding import fold
from desktop.ingest.readers import parse

QUOTES = "\"'‘’“”«»"


def norm(value: str | None) -> str | None:
    return None if value is None else fold("".join(c for c in value if c not in QUOTES))


@pytest.mark.seeds
def test_seed_metadata_matches_gold(seeds_dir: Path, gold: dict[str, Any]) -> None:
    for entry in gold["documents"]:
        expected = entry["metadata"]
        path = seeds_dir / entry["file"]
        doc = parse(path.read_bytes(), path.name)
        label = entry["file"]
        if expected["title"] is None:
            assert doc.title_devised and doc.title, label
        else:
            assert not doc.title_devised, label
            assert norm(doc.title) == norm(expected["title"]), label
        assert norm(doc.publisher) == norm(expected["publisher"]), label
        assert sorted(map(norm, doc.authors)) == sorted(map(norm, expected["authors"])), label
        assert doc.published == expected["published"], label
        assert norm(doc.dateline) == norm(expected["dateline"]), label
        assert doc.doc_type == expected["type"], label
        if expected.get("section"):
            assert doc.section == expected["section"], label
        for noise in expected["noise_lines"]:
            assert noise not in doc.text.split("\n"), (label, noise)
            assert any(noise in aside.line for aside in doc.set_aside), (label, noise)
        for image in entry.get("images", []):
            if "caption_follows" in image:
                captions = [p.caption for p in doc.image_placeholders]
                assert any(image["caption_follows"] in (c or "") for c in captions), label


WIRE_STORY = """Home > World > Europe
Harbour strike enters second week as talks stall

World News 3 March 2022 14:05 (UTC +01:00)

LISBON, Portugal, March 3

By Maria Costa and Joao Pereira - Atlantic Wire:

Dockworkers at the container terminal kept their picket lines on Thursday, the union said, as talks with the port authority broke off for the third time this month.

The port authority told reporters that ships were being diverted to other harbours along the coast.

Share Tweet Email
#strike #ports #lisbon
"""


def test_wire_story_layout() -> None:
    doc = parse(WIRE_STORY.encode(), "story.txt")
    assert doc.title == "Harbour strike enters second week as talks stall"
    assert not doc.title_devised
    assert doc.published == "2022-03-03"
    assert (doc.published_time, doc.published_tz) == ("14:05", "+01:00")
    assert doc.section == "World"
    assert doc.dateline == "Lisbon"
    assert doc.authors == ["Maria Costa", "Joao Pereira"]
    assert doc.publisher == "Atlantic Wire"
    assert doc.doc_type == "news article"
    assert doc.language == "en"
    reasons = {a.reason for a in doc.set_aside}
    assert {"breadcrumb", "publication stamp", "share buttons", "hashtags"} <= reasons
    assert "Share Tweet" not in doc.text and "#strike" not in doc.text
    assert {"title", "published", "authors", "publisher", "dateline"} <= doc.guessed


PERSONAL_LETTER = """Dear Ms. Harriet Vance,

I am writing to thank you for the photographs of the flooded mill that you sent to our society last winter. They will be kept in the parish collection.

We hope to show them at the spring exhibition.

Sincerely,
Tomas Brandt
"""


def test_letter_with_salutation_and_signature() -> None:
    doc = parse(PERSONAL_LETTER.encode(), "letter.txt")
    assert doc.doc_type == "letter"
    assert doc.authors == ["Tomas Brandt"]
    assert doc.recipients == ["Harriet Vance"]
    assert doc.published is None and doc.publisher is None
    assert doc.title_devised
    assert doc.title and doc.title.startswith("I am writing to thank you")


HERITAGE_PAGE = """UA-4417821-3

Volunteers restore the old water mill

Twenty volunteers spent the summer of 1998 replacing the wheel and the sluice gates, and the mill ground flour again for the first time since 1951.

Visitors can see the machinery every Sunday afternoon.

© 2019 Valley Heritage Trust. All rights reserved.
"""


def test_copyright_publisher_and_tracking_code_without_date() -> None:
    doc = parse(HERITAGE_PAGE.encode(), "mill.md")
    assert doc.title == "Volunteers restore the old water mill"
    assert doc.publisher == "Valley Heritage Trust"
    assert doc.published is None  # dates in the body are not the publication date
    assert doc.authors == []
    assert ("UA-4417821-3", "tracking code") in {(a.line, a.reason) for a in doc.set_aside}
    assert "UA-4417821-3" not in doc.text and "©" not in doc.text


LABELLED_REPORT = """Annual survey of village archives

Author: Ines Duarte
Published: 12.04.2020

Introduction

This survey counted the registers kept in forty village archives and recorded their condition in detail.

Findings

Most registers were dry and legible.

Recommendations

Registers should be boxed.
"""


def test_labelled_author_and_numeric_date_in_a_report() -> None:
    doc = parse(LABELLED_REPORT.encode(), "survey.txt")
    assert doc.title == "Annual survey of village archives"
    assert doc.authors == ["Ines Duarte"]
    assert doc.published == "2020-04-12"
    assert doc.doc_type == "report"


RUSSIAN_PAGE = """Фото
Памятник на площади после реставрации

Реставрация памятника на центральной площади завершилась в пятницу, сообщил представитель городской администрации. Работы продолжались два года и обошлись в значительную сумму.

По его словам, площадь откроют для посетителей в субботу.
"""


def test_russian_page_image_stub_and_language() -> None:
    doc = parse(RUSSIAN_PAGE.encode("cp1251"), "pamyatnik.txt")
    assert doc.encoding == "cp1251"
    assert doc.language == "ru"
    assert doc.image_placeholders[0].caption == "Памятник на площади после реставрации"
    assert doc.text.startswith("Памятник на площади")
    assert doc.image_placeholders[0].offset == 0


def test_foreign_menu_word_is_set_aside_but_site_signature_is_publisher() -> None:
    body = (
        "Council approves new library budget\n\n"
        "The city council approved the budget for the new library on Monday, the mayor "
        "said after a long debate in the chamber.\n\n"
        "Kontakt\n\n"
        "Building work will start in the autumn, Harbour.Today reports.\n\n"
        "Harbour.Today\n"
    )
    doc = parse(body.encode(), "library.txt")
    assert ("Kontakt", "interface word in another language") in {
        (a.line, a.reason) for a in doc.set_aside
    }
    assert doc.publisher == "Harbour.Today"
    assert doc.text.rstrip().endswith("Harbour.Today")


def test_glyph_run_in_stamp_line_is_split_off() -> None:
    text = " posted 2023-11-05 A+ A− ⟳\n\nThe ferry timetable changes from Monday, the operator said in a statement on its website.\n"
    doc = parse(text.encode(), "ferry.txt")
    assert doc.published == "2023-11-05"
    assert doc.title_devised
    assert "A+" not in doc.text and "2023-11-05" not in doc.text
    assert any(a.reason == "interface glyphs" for a in doc.set_aside)


def test_single_name_byline_is_publisher_not_author() -> None:
    text = "date 2020-06-01 By Coastwatch\n\nThe lighthouse reopened to visitors after repairs to its lantern room, the keepers said.\n"
    doc = parse(text.encode(), "lighthouse.txt")
    assert doc.publisher == "Coastwatch" and doc.authors == []
    assert doc.published == "2020-06-01"


def test_no_stated_facts_means_none() -> None:
    text = "Notes from the reading room\n\nThe boxes of the 1920s parish records were reordered and relabelled during March 2004.\n"
    doc = parse(text.encode(), "notes.txt")
    assert doc.publisher is None and doc.published is None and doc.dateline is None
    assert doc.authors == []
