"""Hostile and broken input: each is refused with one clear line, or parsed correctly.

No case may raise anything but IngestError, and nothing may touch the network
(the suite runs with --disable-socket, so a fetch would fail the test loudly).
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.ingest.limits import Limits
from desktop.ingest.parsed import IngestError
from desktop.ingest.readers import parse


def _pdf(text: str = "A page of text") -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.drawString(72, 800, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _docx() -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("An ordinary paragraph.")
    document.save(out)
    return out.getvalue()


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (10, 200, 30)).save(out, format="JPEG")
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password="letmein", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _docx_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(_as_zip(_docx()), "r") as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item), compress_type=zipfile.ZIP_DEFLATED)
        target.writestr(
            "word/padding.bin", b"\x00" * 30_000_000, compress_type=zipfile.ZIP_DEFLATED
        )
    return out.getvalue()


def _docx_with_entity() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(_as_zip(_docx()), "r") as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"?>",
                    b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
                    1,
                )
            target.writestr(item, data)
    return out.getvalue()


def _as_zip(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def _bomb_png() -> bytes:
    out = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(out, format="PNG")  # tiny file, 144 M pixels
    return out.getvalue()


REFUSED = [
    ("binary junk named .txt", bytes(range(256)) * 40, "junk.txt", "binary data"),
    (
        "control characters",
        b"\x01\x02\x03\x04\x05\x06 ab \x07\x08\x0e\x0f" * 50,
        "ctl.txt",
        "binary data",
    ),
    ("empty file", b"", "empty.txt", "empty"),
    ("whitespace only", b" \n\t\r\n   \n", "blank.txt", "white space"),
    ("truncated PDF", _pdf()[:400], "cut.pdf", "truncated"),
    ("encrypted PDF", _encrypted_pdf(), "locked.pdf", "encrypted"),
    ("PDF header only", b"%PDF-1.4\n garbage garbage\n%%EOF", "bad.pdf", "PDF"),
    ("DOCX zip bomb", _docx_bomb(), "bomb.docx", "zip bomb"),
    ("DOCX external entity", _docx_with_entity(), "xxe.docx", "ENTITY"),
    ("DOCX not a zip", b"plain words, not a package", "fake.docx", "not a DOCX"),
    ("truncated JPEG", _jpeg()[:300], "cut.jpg", "truncated or damaged"),
    ("PDF renamed .jpg", _pdf(), "photo.jpg", "file content is PDF but name says .jpg"),
    ("PDF renamed .txt", _pdf(), "notes.txt", "file content is PDF but name says .txt"),
    ("JPEG renamed .html", _jpeg(), "page.html", "file content is JPEG but name says .html"),
    ("unknown extension", b"data", "thing.xyz", "unsupported file type .xyz"),
    ("no extension", b"data", "README", "unsupported file type (no extension)"),
    ("text named .png", b"just some words", "x.png", "not an image"),
    ("not an e-mail", b"hello there, nothing to see", "x.eml", "not an e-mail"),
]


@pytest.mark.parametrize(
    ("data", "name", "reason"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_refused_with_one_line_reason(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse(data, name)
    assert reason in caught.value.reason
    assert "\n" not in caught.value.reason


def test_decompression_bomb_image() -> None:
    with pytest.raises(IngestError, match=r"image too large \(decompression bomb\)"):
        parse(_bomb_png(), "bomb.png", limits=Limits(max_image_pixels=50_000_000))


def test_pillow_bomb_warning_becomes_error() -> None:
    # Our own limit is raised above Pillow's so Pillow's warning is what fires.
    with pytest.raises(IngestError, match="decompression bomb"):
        parse(_bomb_png(), "bomb.png", limits=Limits(max_image_pixels=10**10))


def test_html_with_scripts_and_remote_resources_fetches_nothing() -> None:
    page = b"""<html><head><script src="https://evil.example/x.js"></script>
    <link rel="stylesheet" href="https://evil.example/s.css">
    <script>document.write('INJECTED-TEXT')</script></head>
    <body><img src="https://evil.example/pixel.gif"><iframe src="https://evil.example/f"></iframe>
    <p>Only this sentence belongs to the document, as the curator noted.</p>
    <noscript>NOSCRIPT-TEXT</noscript></body></html>"""
    doc = parse(page, "page.html")
    assert "INJECTED" not in doc.text and "NOSCRIPT" not in doc.text and "evil" not in doc.text
    assert "Only this sentence belongs to the document" in doc.text


def test_invalid_utf8_is_decoded_as_legacy_not_refused() -> None:
    data = "Straße und Übergang, schöne Grüße aus München.".encode("cp1252")
    doc = parse(data, "gruss.txt")
    assert doc.text == "Straße und Übergang, schöne Grüße aus München."


def test_invalid_utf8_with_bom_is_refused() -> None:
    with pytest.raises(IngestError, match="byte-order mark"):
        parse(b"\xef\xbb\xbfok \xff\xfe\xfd broken", "bom.txt")


def test_nul_bytes_in_html_are_refused() -> None:
    with pytest.raises(IngestError, match="binary data"):
        parse(b'<html><meta charset="utf-8">' + b"\x00" * 500, "x.html")


def test_very_long_single_line() -> None:
    data = ("word " * 400_000).encode()  # 2 MB on one line
    doc = parse(data, "long.txt")
    assert max(len(line) for line in doc.text.split("\n")) <= Limits().max_line_length


def test_random_bytes_never_raise_anything_but_ingest_error() -> None:
    import random

    rng = random.Random(7)
    for name in ["a.txt", "a.html", "a.pdf", "a.docx", "a.eml", "a.jpg", "a.png"]:
        for _ in range(20):
            blob = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 600)))
            try:
                parse(blob, name)
            except IngestError as exc:
                assert exc.reason and "\n" not in exc.reason
