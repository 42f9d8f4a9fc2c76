"""Where a file came from, as the readers find it: a saved page's address and capture
day, the page's own metadata, a PDF's or Word file's metadata as guesses only, and an
e-mail's body kept whole."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from db.catalogue import Catalogue
from db.documents import list_documents
from desktop.core.imports import import_files
from desktop.ingest.file_metadata import is_placeholder_name
from desktop.ingest.readers import parse

BODY = "<article><p>The river rose two metres overnight and forty families left.</p></article>"
SINGLEFILE = (
    "<!DOCTYPE html>\n<!--\n Page saved with SingleFile \n url: https://news.example.org/a/1 \n"
    " saved date: Thu Dec 03 2026 10:15:23 GMT+0100 (Central European Standard Time)\n-->\n"
)


def _page(head: str, *, before: str = "", lang: str = ' lang="az-Latn"') -> bytes:
    return f"{before}<html{lang}><head>{head}</head><body>{BODY}</body></html>".encode()


def test_page_metadata_canonical_og_and_article() -> None:
    doc = parse(
        _page(
            '<link rel="canonical" href="https://news.example.org/en/flood">'
            '<meta property="og:url" content="https://news.example.org/en/flood?utm_source=x">'
            '<meta property="og:title" content="Flood in the valley">'
            '<meta property="og:site_name" content="Example News">'
            '<meta property="article:published_time" content="2026-11-30T08:05:00+04:00">'
            '<meta property="article:author" content="Leyla Aliyeva">'
        ),
        "page.html",
    )
    assert doc.url == "https://news.example.org/en/flood"  # canonical before og:url
    assert (doc.title, doc.publisher, doc.authors) == (
        "Flood in the valley",
        "Example News",
        ["Leyla Aliyeva"],
    )
    assert (doc.published, doc.published_time, doc.published_tz) == (
        "2026-11-30",
        "08:05",
        "+04:00",
    )
    assert doc.language == "az"
    assert doc.accessed is None  # no capture mark: left for a person, never invented


@pytest.mark.parametrize(
    ("head", "url"),
    [
        (  # a relative canonical is read against og:url, as text
            '<link rel="canonical" href="/en/flood"><meta property="og:url"'
            ' content="https://news.example.org/x?id=1">',
            "https://news.example.org/en/flood",
        ),
        (
            '<meta property="og:url" content="https://news.example.org/x">',
            "https://news.example.org/x",
        ),
        ('<link rel="canonical" href="/en/flood">', None),  # nothing to read it against
        ('<meta property="og:url" content="news.example.org/x">', None),
    ],
)
def test_page_url_is_an_absolute_web_address_or_nothing(head: str, url: str | None) -> None:
    assert parse(_page(head), "page.html").url == url


def test_og_locale_gives_the_language_when_the_html_element_does_not() -> None:
    doc = parse(_page('<meta property="og:locale" content="ru_RU">', lang=""), "page.html")
    assert doc.language == "ru"


def test_singlefile_page_gives_its_address_and_the_day_it_was_saved() -> None:
    doc = parse(_page("<title>Flood</title>", before=SINGLEFILE), "saved.html")
    assert (doc.url, doc.accessed) == ("https://news.example.org/a/1", "2026-12-03")
    assert "accessed" not in doc.guessed  # written by the capture tool, not inferred
    assert "url" in doc.guessed


def test_save_page_we_marks_give_address_and_day() -> None:
    doc = parse(
        _page(
            '<meta name="savepage-url" content="https://news.example.org/b">'
            '<meta name="savepage-date" content="Mon Mar 03 2025 09:00:00 GMT+0400">'
        ),
        "saved.html",
    )
    assert (doc.url, doc.accessed) == ("https://news.example.org/b", "2025-03-03")


def test_mark_of_the_web_gives_the_address_but_no_day() -> None:
    before = "<!DOCTYPE html>\n<!-- saved from url=(0030)https://news.example.org/c/ -->\n"
    doc = parse(_page("", before=before), "saved.html")
    assert (doc.url, doc.accessed) == ("https://news.example.org/c/", None)


def test_a_capture_date_that_is_no_day_is_left_out() -> None:
    marked = SINGLEFILE.replace("Thu Dec 03 2026", "Mon Feb 30 2026")
    assert parse(_page("", before=marked), "saved.html").accessed is None


def test_html_original_is_stored_byte_for_byte(catalogue: Catalogue, tmp_path: Path) -> None:
    # CRLF line ends and trailing blanks, as a browser on Windows saves a page.
    data = _page("<title>Flood</title>", before=SINGLEFILE).replace(b"\n", b"\r\n") + b"  \r\n"
    path = tmp_path / "saved.html"
    path.write_bytes(data)
    import_files(catalogue, paths=[path], suggest=False)
    with catalogue.reading() as session:
        (document,) = list_documents(session)
        sha, accessed = document.original_sha256, document.accessed
    assert sha is not None and catalogue.objects.read(sha) == data
    assert accessed == "2026-12-03"


# --- PDF and Word metadata ----------------------------------------------------------


def _pdf(info: dict[str, str]) -> bytes:
    page = io.BytesIO()
    pdf = canvas.Canvas(page)
    pdf.drawString(72, 720, "The harbour commission met on the first Monday of May.")
    pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page.getvalue())))
    writer.add_metadata(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_placeholder_authors_and_clock_defaults_are_not_offered() -> None:
    doc = parse(
        _pdf(
            {
                "/Author": "Microsoft Office User",
                "/CreationDate": "D:19800101000000Z",
                "/ModDate": "D:20210226120000+04'00'",
            }
        ),
        "scan.pdf",
    )
    assert doc.authors == [] and doc.published is None
    assert [(g.field, g.value, g.source) for g in doc.file_guesses] == [
        ("published", "2021-02-26", "PDF /ModDate")
    ]


def _docx(**props: object) -> bytes:
    document = docx.Document()
    document.add_paragraph("Report on the parish registers of the valley, kept since 1890.")
    for key, value in props.items():
        setattr(document.core_properties, key, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_from_a_template_offers_nothing() -> None:
    # python-docx's own template: author "python-docx", created 2013-12-23T23:15.
    doc = parse(_docx(), "report.docx")
    assert doc.file_guesses == [] and doc.authors == [] and doc.published is None


def test_docx_core_properties_are_guesses_with_their_source() -> None:
    doc = parse(
        _docx(
            author="anonymous",
            last_modified_by="Ines Duarte",
            created=dt.datetime(2019, 5, 17, 9, 0),
            modified=dt.datetime(2019, 6, 1, 10, 0),
        ),
        "report.docx",
    )
    assert doc.authors == [] and doc.published is None
    assert [(g.field, g.value, g.source, g.confidence) for g in doc.file_guesses] == [
        ("authors", ["Ines Duarte"], "DOCX core property lastModifiedBy", "low"),
        ("published", "2019-05-17", "DOCX core property created", "low"),
        ("published", "2019-06-01", "DOCX core property modified", "low"),
    ]


@pytest.mark.parametrize(
    ("name", "placeholder"),
    [
        ("anonymous", True),
        ("Microsoft Office User", True),
        ("Windows User", True),
        ("python-docx", True),
        ("Administrator", True),
        ("Adobe Acrobat Pro 9.0", True),
        ("123", True),
        ("Ines Duarte", False),
        ("Office of the Ombudsman", False),
        ("Leyla Əliyeva", False),
    ],
)
def test_placeholder_names(name: str, placeholder: bool) -> None:
    assert is_placeholder_name(name) is placeholder


# --- e-mail --------------------------------------------------------------------------

ONE_LINE_MAIL = (
    b"From: Ana Lima <ana@example.org>\r\n"
    b"To: Archive Desk <desk@example.org>\r\n"
    b"Subject: Re: the hearing\r\n"
    b"Date: Tue, 14 Mar 2023 16:05:00 +0100\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "Hearing moved to 3 March 2022 14:00",  # was set aside as a "publication stamp"
        "Share on Facebook",  # was set aside as "share buttons"
        "#justice #khojaly",  # was set aside as "hashtags"
    ],
)
def test_an_email_body_is_never_set_aside(catalogue: Catalogue, tmp_path: Path, body: str) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes(ONE_LINE_MAIL + body.encode() + b"\r\n")
    report = import_files(catalogue, paths=[path], suggest=False).value
    assert not report.failed
    with catalogue.reading() as session:
        (document,) = list_documents(session)
        assert document.text == body
        assert document.set_aside == []
        assert document.published == "2023-03-14"  # the header's date, not the body's
        assert document.title == "Re: the hearing"
