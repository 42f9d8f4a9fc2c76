"""Round trips per format: every fixture file is generated here."""

# Fixture texts keep one paragraph per line, as scraped pages do.
# ruff: noqa: E501
from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage

import docx
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.ingest.readers import parse

ARTICLE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service resumes | Northern Gazette</title>
<meta property="og:site_name" content="Northern Gazette">
<meta property="og:url" content="https://gazette.example/ferry">
<meta property="article:published_time" content="2022-09-14T07:30:00+03:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Ferry service resumes after storm", "datePublished": "2022-09-14T07:30:00+03:00",
 "author": {"@type": "Person", "name": "Lena Koss"},
 "publisher": {"@type": "Organization", "name": "Northern Gazette"}}</script>
<script>window.tracker = "SECRET-SCRIPT-CONTENT";</script>
<style>body { background: url(https://cdn.example/bg.png) }</style>
</head><body>
<nav><ul><li>Home</li><li>Regions</li></ul></nav>
<div class="social-share">Share Tweet</div>
<article>
<h1>Ferry service resumes after storm</h1>
<p class="byline">By Lena Koss</p>
<img src="https://cdn.example/ferry.jpg" alt="">
<figcaption>The ferry leaving the harbour on Wednesday.</figcaption>
<p>The ferry to the islands sailed again on Wednesday, the operator said, after three days in port.</p>
<p>Passengers queued from dawn.<br>Some had waited since Sunday.</p>
<div class="ad-banner">Advertisement: buy tickets now</div>
<aside>Related: Storm closes schools</aside>
</article>
<footer>Contact us</footer>
</body></html>"""


def test_html_article_text_and_metadata() -> None:
    doc = parse(ARTICLE_HTML.encode(), "ferry.html")
    assert doc.media_type == "text/html"
    assert doc.title == "Ferry service resumes after storm"
    assert doc.publisher == "Northern Gazette"
    assert doc.authors == ["Lena Koss"]
    assert (doc.published, doc.published_time, doc.published_tz) == (
        "2022-09-14",
        "07:30",
        "+03:00",
    )
    assert doc.url == "https://gazette.example/ferry"
    assert doc.doc_type == "news article"
    assert doc.language == "en"
    assert "SECRET-SCRIPT-CONTENT" not in doc.text and "background" not in doc.text
    for furniture in ("Advertisement", "Related:", "Share Tweet", "Regions", "Contact us"):
        assert furniture not in doc.text
    assert "sailed again on Wednesday, the operator said, after three days in port.\n\n" in doc.text
    assert "Passengers queued from dawn.\nSome had waited since Sunday." in doc.text
    placeholder = doc.image_placeholders[0]
    assert placeholder.caption == "The ferry leaving the harbour on Wednesday."
    assert doc.text[placeholder.offset :].startswith("The ferry leaving")


def test_html_without_metadata_uses_text_rules_and_declared_charset() -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Архив</title></head><body>'
        "<p>Выставка открылась в городском архиве в пятницу, сообщили его сотрудники.</p>"
        "</body></html>"
    ).encode("cp1251")
    doc = parse(page, "archive.htm")
    assert doc.encoding == "windows-1251"
    assert "Выставка открылась" in doc.text
    assert doc.title == "Архив"


def _pdf(pages: list[list[str]], *, title: str | None = None, author: str | None = None) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for lines in pages:
        y = 800
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_pdf_pages_and_info() -> None:
    data = _pdf(
        [
            ["Harbour commission minutes", "", "The commission met on the first Monday of May."],
            ["Second page: the budget was approved."],
            ["Third page: the meeting closed at nine."],
        ],
        title="Harbour commission minutes 1931",
        author="Clerk of the Commission",
    )
    doc = parse(data, "minutes.pdf")
    assert doc.media_type == "application/pdf"
    assert len(doc.page_starts) == 3 and doc.page_starts[0] == 0
    assert doc.text[doc.page_starts[1] :].startswith("Second page")
    assert doc.text[doc.page_starts[2] :].startswith("Third page")
    assert doc.title == "Harbour commission minutes 1931"
    assert "title" in doc.guessed
    # The document information's author and dates are the PDF's, not the document's:
    # offered as guesses naming their source, never set as authors or published.
    assert doc.authors == [] and doc.published is None
    offered = {(g.field, g.source): g.value for g in doc.file_guesses}
    assert offered[("authors", "PDF /Author")] == ["Clerk of the Commission"]
    assert str(offered[("published", "PDF /CreationDate")])[:4].isdigit()
    assert {g.confidence for g in doc.file_guesses} == {"low"}


def test_pdf_without_text_layer_is_image_only() -> None:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    doc = parse(out.getvalue(), "scan.pdf")
    assert doc.text == ""
    assert doc.flags == ["no text layer"]
    assert doc.media_type == "application/pdf"


def test_pdf_with_empty_user_password_opens() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf([["Open to all readers"]]))))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    doc = parse(out.getvalue(), "open.pdf")
    assert "Open to all readers" in doc.text


def _docx(paragraphs: list[str], **props: object) -> bytes:
    document = docx.Document()
    for index, text in enumerate(paragraphs):
        document.add_paragraph(text, style="Title" if index == 0 else None)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one"
    table.cell(0, 1).text = "Cell two"
    for key, value in props.items():
        setattr(document.core_properties, key, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_core_properties() -> None:
    data = _docx(
        ["Report on the parish registers", "First paragraph of the report.", "Second paragraph."],
        author="Ines Duarte",
        title="Parish registers report",
        created=dt.datetime(2019, 5, 17, 9, 0),
    )
    doc = parse(data, "report.docx")
    assert doc.text.startswith(
        "Report on the parish registers\n\nFirst paragraph of the report.\n\nSecond paragraph."
    )
    assert "Cell one\n\nCell two" in doc.text
    assert doc.title == "Parish registers report"
    assert doc.authors == [] and doc.published is None
    offered = {(g.field, g.source): g.value for g in doc.file_guesses}
    assert offered[("authors", "DOCX core property author")] == ["Ines Duarte"]
    assert offered[("published", "DOCX core property created")] == "2019-05-17"


def _jpeg(size: tuple[int, int] = (640, 480), exif: bool = True) -> bytes:
    image = Image.new("RGB", size, (120, 90, 60))
    out = io.BytesIO()
    if exif:
        info = Image.Exif()
        info[0x010F] = "Examplecam"  # Make
        info[0x0110] = "Model 7"  # Model
        info[0x0112] = 6  # Orientation: rotate 90
        info.get_ifd(0x8769)[0x9003] = "2020:10:01 12:30:45"  # DateTimeOriginal
        gps = info.get_ifd(0x8825)
        gps[1], gps[2] = "N", (40.0, 24.0, 36.0)
        gps[3], gps[4] = "E", (49.0, 52.0, 12.0)
        image.save(out, format="JPEG", exif=info)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


def test_jpeg_with_exif() -> None:
    doc = parse(_jpeg(), "photo.jpg")
    assert doc.media_type == "image/jpeg" and doc.text == ""
    assert doc.image is not None
    assert (doc.image.width, doc.image.height, doc.image.format) == (640, 480, "JPEG")
    assert doc.image.taken == "2020-10-01T12:30:45"
    assert doc.image.exif["Make"] == "Examplecam" and doc.image.exif["Model"] == "Model 7"
    assert doc.image.exif["Orientation"] == "6"
    assert doc.image.exif["GPSLatitude"] == "40.410000"
    assert doc.image.exif["GPSLongitude"] == "49.870000"
    assert doc.doc_type == "photograph"
    thumb = Image.open(io.BytesIO(doc.image.thumbnail_png or b""))
    assert thumb.format == "PNG" and max(thumb.size) <= 256
    assert thumb.size[1] > thumb.size[0]  # orientation applied to the thumbnail


def test_png_gif_webp_tiff() -> None:
    for fmt, name, media in [
        ("PNG", "a.png", "image/png"),
        ("GIF", "a.gif", "image/gif"),
        ("WEBP", "a.webp", "image/webp"),
        ("TIFF", "a.tif", "image/tiff"),
    ]:
        out = io.BytesIO()
        Image.new("RGBA" if fmt == "PNG" else "RGB", (300, 100), (1, 2, 3)).save(out, format=fmt)
        doc = parse(out.getvalue(), name)
        assert doc.media_type == media
        assert doc.image is not None and (doc.image.width, doc.image.height) == (300, 100)
        assert doc.image.taken is None


def test_eml_letter_with_attachment() -> None:
    message = EmailMessage()
    message["From"] = "Ana Lima <ana@example.org>"
    message["To"] = "Archive Desk <desk@example.org>, Tomas Brandt <tomas@example.org>"
    message["Subject"] = "Scans of the 1931 minutes"
    message["Date"] = "Tue, 14 Mar 2023 16:05:00 +0100"
    message.set_content("Hello,\n\nattached are the scans you asked for.\n\nAna\n")
    message.add_attachment(_jpeg(exif=False), maintype="image", subtype="jpeg", filename="p1.jpg")
    doc = parse(message.as_bytes(), "mail.eml")
    assert doc.doc_type == "letter"
    assert doc.title == "Scans of the 1931 minutes"
    assert doc.authors == ["Ana Lima"]
    assert doc.recipients == ["Archive Desk", "Tomas Brandt"]
    assert (doc.published, doc.published_time, doc.published_tz) == (
        "2023-03-14",
        "16:05",
        "+01:00",
    )
    assert "attached are the scans" in doc.text
    assert [a.filename for a in doc.attachments] == ["p1.jpg"]
    assert doc.attachments[0].media_type == "image/jpeg"
    assert doc.attachments[0].data[:3] == b"\xff\xd8\xff"
    assert "title" not in doc.guessed  # stated by the header, not guessed


def test_eml_html_only_body() -> None:
    message = EmailMessage()
    message["From"] = "desk@example.org"
    message["Subject"] = "Opening hours"
    message.set_content(
        "<html><body><p>The reading room opens at nine.</p><script>x()</script></body></html>",
        subtype="html",
    )
    doc = parse(message.as_bytes(), "hours.eml")
    assert doc.text == "The reading room opens at nine."
    assert doc.authors == ["desk@example.org"]
