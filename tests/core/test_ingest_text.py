"""Plain-text decoding: BOMs, UTF-8, legacy code pages, confidence, newlines."""

from __future__ import annotations

import pytest

from desktop.ingest.limits import Limits
from desktop.ingest.parsed import IngestError
from desktop.ingest.readers import parse

RUSSIAN = (
    "Вчера в городском архиве открылась выставка старых фотографий. "
    "Посетители смогли увидеть снимки улиц и площадей начала века, "
    "а также письма жителей, которые хранились в семейных альбомах."
)
FRENCH = (
    "Le musée a reçu hier une collection de lettres écrites pendant la guerre. "
    "Elles décrivent la vie quotidienne à côté de l'église et les fêtes du village."
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + "Caf\u00e9 notes\nline two".encode(), "utf-8"),
        ("\ufeffCafé notes\nline two".encode("utf-16-le"), "utf-16-le"),
        ("\ufeffCafé notes\nline two".encode("utf-16-be"), "utf-16-be"),
        ("Café notes\nline two".encode(), "utf-8"),
    ],
)
def test_bom_and_utf8(data: bytes, encoding: str) -> None:
    doc = parse(data, "notes.txt")
    assert doc.encoding == encoding
    assert doc.text.startswith("Café notes")
    assert "\ufeff" not in doc.text
    assert doc.encoding_confidence == 1.0
    assert "low-confidence encoding" not in doc.flags


@pytest.mark.parametrize(
    ("text", "codec"), [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (FRENCH, "cp1252")]
)
def test_legacy_code_pages(text: str, codec: str) -> None:
    doc = parse(text.encode(codec), "old.txt")
    assert doc.encoding == codec
    assert doc.text == text
    assert doc.encoding_confidence is not None and doc.encoding_confidence >= 0.6
    assert "low-confidence encoding" not in doc.flags


def test_short_ambiguous_legacy_text_is_kept_but_flagged() -> None:
    doc = parse("Привет, мир".encode("cp1251"), "hi.txt")
    assert doc.text
    assert "low-confidence encoding" in doc.flags
    assert doc.encoding_confidence is not None and doc.encoding_confidence < 0.6


def test_newlines_are_normalised() -> None:
    doc = parse(b"First line\r\nsecond line\rthird line\n", "n.txt")
    assert "\r" not in doc.text
    assert doc.text == "First line\nsecond line\nthird line"


def test_utf16_without_bom() -> None:
    doc = parse("Archive register, volume two".encode("utf-16-le"), "reg.txt")
    assert doc.text == "Archive register, volume two"


def test_stray_nul_bytes_are_removed_and_flagged() -> None:
    data = ("word " * 2000).encode() + b"\x00" + b" end"
    doc = parse(data, "nul.txt")
    assert "\x00" not in doc.text
    assert "NUL bytes removed" in doc.flags


def test_very_long_line_is_wrapped_not_lost() -> None:
    data = ("lorem ipsum " * 5000).encode()
    doc = parse(data, "long.txt", limits=Limits(max_line_length=1000))
    assert all(len(line) <= 1000 for line in doc.text.split("\n"))
    assert doc.text.split() == data.decode().split()
    assert any("long lines wrapped" in f for f in doc.flags)


def test_markdown_is_read_as_text() -> None:
    doc = parse(b"# Parish minutes\n\nThe meeting opened at seven.\n", "m.md")
    assert doc.media_type == "text/plain"
    assert "Parish minutes" in doc.text


def test_size_limit_is_enforced() -> None:
    with pytest.raises(IngestError, match="file too large"):
        parse(b"x" * 2048, "big.txt", limits=Limits(max_bytes=1024))
