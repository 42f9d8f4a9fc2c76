"""Furniture rules, each tested with lines of our own making."""

# Fixture texts keep one paragraph per line, as scraped pages do.
# ruff: noqa: E501
from __future__ import annotations

import pytest

from desktop.ingest.cleaning import (
    clean_text,
    is_glyph_line,
    is_hashtag_line,
    is_share_line,
    is_tracking_code,
)


@pytest.mark.parametrize(
    "line", ["G-1X2Y3Z4W5V", "UA-4417821-3", "GTM-5XK27Q9", "ca-pub-2291834471"]
)
def test_tracking_codes(line: str) -> None:
    assert is_tracking_code(line)


@pytest.mark.parametrize(
    "line", ["COVID-19", "2021-02-26", "Jean-Pierre", "Nagorno-Karabakh", "B-52"]
)
def test_not_tracking_codes(line: str) -> None:
    assert not is_tracking_code(line)


@pytest.mark.parametrize("line", ["A+ A− ↻", "− + 18 px", "⟲ ⊕ ⊖", "✉ ⎙ ➦"])
def test_glyph_lines(line: str) -> None:
    assert is_glyph_line(line)


@pytest.mark.parametrize("line", ["* * *", "1992", "16 pages", "— Editor", "$ 5 + 3"])
def test_not_glyph_lines(line: str) -> None:
    assert not is_glyph_line(line)


def test_hashtag_and_share_lines() -> None:
    assert is_hashtag_line("#FloodRelief #Valley2023")
    assert not is_hashtag_line("#1 in the charts this week")
    assert is_share_line("Share on Facebook Twitter")
    assert is_share_line("Поделиться Печать")
    assert not is_share_line("Share the burden, said the mayor.")


def test_image_stub_records_caption_and_keeps_it() -> None:
    clean = clean_text("Intro paragraph here.\n\n[Photo]\n\nThe bridge in 1910\n\nMore text.")
    assert clean.image_placeholders[0].caption == "The bridge in 1910"
    offset = clean.image_placeholders[0].offset
    assert clean.text[offset:].startswith("The bridge in 1910")
    assert "[Photo]" not in clean.text


def test_removal_leaves_single_blank_lines() -> None:
    clean = clean_text("Title line here\n\nGTM-5XK27Q9\n\n\n\nBody text of the page.")
    assert clean.text == "Title line here\n\nBody text of the page."


def test_own_language_single_nav_word_is_kept() -> None:
    clean = clean_text(
        "The committee met today and agreed the plan for the year.\n\nContact\n\nWrite to the secretary."
    )
    assert "Contact" in clean.text
