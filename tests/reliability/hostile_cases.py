"""Generated hostile files for every importer, each with an optional expectation.

A case is (id, file name, bytes, expect) where *expect* is None (any clean outcome)
or a function of the FileOutcome and the stored Document (None when not imported)
that asserts what must hold. Files are generated here (nothing downloaded), small,
and deterministic.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable
from typing import Any

SENTENCE = "On 3 March 2021 about 40 residents gathered, said Anna Petrova."
Expect = Callable[[Any, Any], None] | None
Case = tuple[str, str, bytes, Expect]


def imported_with(*needles: str) -> Expect:
    def check(outcome: Any, document: Any) -> None:
        assert outcome.status in ("imported", "possible duplicate"), outcome.describe()
        if document is not None:
            for needle in needles:
                assert needle in document.text, (needle, document.text[:300])

    return check


def decoded_or_flagged(sentence: str) -> Expect:
    """A legacy encoding: the text comes out right, or the document is flagged so a
    person checks it, or the file is refused in one line — never silently wrong."""

    def check(outcome: Any, document: Any) -> None:
        if document is None:
            return
        right = sentence[:12] in document.text
        flagged = any("encoding" in flag for flag in document.flags)
        assert right or flagged, (
            f"decoded as {document.encoding} ({document.encoding_confidence}) without a flag: "
            f"{document.text[:60]!r}"
        )

    return check


def refused(*words: str) -> Expect:
    def check(outcome: Any, _document: Any) -> None:
        assert outcome.status == "failed", outcome.describe()
        assert any(w.lower() in (outcome.reason or "").lower() for w in words), outcome.reason

    return check


def lacks(*needles: str) -> Expect:
    """Imported or refused, but if imported, none of *needles* reached the text."""

    def check(outcome: Any, document: Any) -> None:
        if document is not None:
            for needle in needles:
                assert needle not in document.text, (needle, document.text[:300])
                assert needle not in (document.title or ""), (needle, document.title)

    return check


# --- text encodings and characters ---------------------------------------------------

ENCODED = {
    "utf-8": "Überschwemmung in Kärnten: 40 Häuser, said Anna Petrová — «ça va».",
    "utf-8-sig": "Überschwemmung in Kärnten: 40 Häuser, said Anna Petrová.",
    "utf-16": "Überschwemmung in Kärnten: 40 Häuser, said Anna Petrová.",
    "utf-16-be": "Überschwemmung in Kärnten: 40 Häuser, said Anna Petrová.",
    "utf-32": "Überschwemmung in Kärnten: 40 Häuser, said Anna Petrová.",
    "cp1252": "Straße und Übergang, schöne Grüße aus München — 40 Häuser.",
    "latin-1": "Le comité a décidé: 40 élèves, près de la forêt, à Genève.",
    "iso-8859-2": "Powódź w Łodzi: 40 domów, powiedziała Zofia Wójcik.",
    "koi8-r": "Наводнение в городе: около 40 домов, сказала Анна Петрова.",
    "cp1251": "Наводнение в городе: около 40 домов, сказала Анна Петрова.",
    "iso-8859-7": "Πλημμύρα στην πόλη: περίπου 40 σπίτια, είπε η Άννα.",
    "iso-8859-8": "שיטפון בעיר: כארבעים בתים, אמרה אנה פטרובה.",
    "cp1256": "فيضان في المدينة: حوالي أربعين منزلا، قالت آنا.",
    "shift_jis": "町で洪水が起きた。約四十軒の家が浸水したとアンナ・ペトロワは述べた。",
    "euc-jp": "町で洪水が起きた。約四十軒の家が浸水したとアンナ・ペトロワは述べた。",
    "gb18030": "城市发生洪水，大约四十所房屋被淹，安娜说。",
    "big5": "城市發生洪水，大約四十所房屋被淹，安娜說。",
    "euc-kr": "도시에 홍수가 났다. 약 사십 채의 집이 잠겼다고 안나가 말했다.",
    "mac-roman": "Le comité a décidé: 40 élèves, près de la forêt — «voilà».",
    "cp437": "Straße: 40 Häuser, schöne Grüße ░▒▓ │┤╡ ╢╖.",
}


def text_cases() -> list[Case]:
    cases: list[Case] = []
    for codec, sentence in ENCODED.items():
        body = f"{sentence}\n\n{sentence} Second paragraph for the detector.\n"
        cases.append(
            (f"txt-{codec}", f"enc-{codec}.txt", body.encode(codec), decoded_or_flagged(sentence))
        )
    cases += [
        ("txt-utf7", "utf7.txt", SENTENCE.encode("utf-7"), None),
        ("txt-invalid-utf8", "bad.txt", b"Valid start \xff\xfe\xfa invalid middle.\n", None),
        ("txt-lone-surrogate", "sur.txt", b"A lone surrogate \xed\xa0\x80 here.\n", None),
        ("txt-overlong-utf8", "over.txt", b"Overlong slash \xc0\xaf here, 40 people.\n", None),
        ("txt-mixed-encodings", "mix.txt", "Grüße ".encode() + "Grüße".encode("cp1252"), None),
        ("txt-bom-utf8-only", "bom.txt", b"\xef\xbb\xbf", refused("empty", "white space", "no")),
    ]
    controls = {
        "c0-controls": "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r"),
        "del": "\x7f",
        "c1-controls": "".join(chr(c) for c in range(0x80, 0xA0)),
        "ansi-escape": "\x1b[2J\x1b[31mRED\x1b[0m\x1b]0;title\x07",
        "backspaces": "secret\b\b\b\b\b\bpublic",
        "form-feed-vt": "page one\x0cpage two\x0bline",
        "unicode-separators": "line\u2028separator\u2029paragraph\x85next",
        "bidi-override": "\u202eevil\u202c \u202dforced\u202c \u2066iso\u2069 \u200fmark",
        "zero-width": "zero\u200bwidth\u200cjoin\u200dners\ufeffbom\u2060word",
        "noncharacters": "non\ufffechar\uffffacters \U0010ffff",
        "combining-pileup": "Z" + "\u0336\u0337\u0338\u0335" * 200 + "algo",
        "emoji-zwj": "family 👨‍👩‍👧‍👦 flag 🏳️‍🌈 skin 👍🏿",
    }
    for name, chars in controls.items():
        body = f"{SENTENCE} {chars} end of line.\n\nSecond paragraph {chars}.\n"
        cases.append((f"txt-{name}", f"{name}.txt", body.encode("utf-8", "surrogatepass"), None))
    cases += [
        ("txt-nul-start", "nul0.txt", b"\x00" + SENTENCE.encode(), None),
        ("txt-nul-middle", "nul1.txt", SENTENCE.encode() + b"\x00\x00" * 40, refused("binary")),
        ("txt-one-huge-line", "huge.txt", ("word " * 300_000).encode(), None),
        ("txt-huge-word", "hugeword.txt", b"x" * 500_000, None),
        ("txt-many-lines", "lines.txt", b"line\n" * 200_000, None),
        ("txt-only-newlines", "nl.txt", b"\n" * 10_000, refused("empty", "white space")),
        ("txt-crlf-mix", "crlf.txt", f"{SENTENCE}\r\n\r\nnext\rold mac\n".encode(), None),
        (
            "txt-mentions-pdf-magic",
            "about-pdf.txt",
            b"Notes on file formats: every PDF starts with %PDF-1.4 or similar.\n",
            imported_with("%PDF-1.4"),
        ),
        ("md-markup", "notes.md", b"# Title <script>alert(1)</script>\n\n*" + b"[" * 5000, None),
    ]
    return cases


# --- file names ------------------------------------------------------------------------


def name_cases() -> list[Case]:
    body = f"{SENTENCE} Named strangely.\n"
    names = {
        "dotdot-backslash": "..\\..\\evil.txt",
        "leading-dash": "-rf.txt",
        "looks-like-option": "--json.txt",
        "newline-in-name": "two\nlines.txt",
        "tab-in-name": "tab\there.txt",
        "escape-in-name": "\x1b[2Jclear.txt",
        "rtl-override-name": "report\u202etxt.exe",
        "rtl-name-txt": "cod\u202eabc.txt",
        "very-long-name": "n" * 240 + ".txt",
        "nfc-name": unicodedata.normalize("NFC", "café-ñandú.txt"),
        "nfd-name": unicodedata.normalize("NFD", "café-ñandú.txt"),
        "spaces-name": "   .txt",
        "windows-reserved": "CON.txt",
        "percent-and-quotes": "100% \"quoted\" 'name' $HOME `id`.txt",
        "markup-name": "<img src=x onerror=alert(1)>.txt",
        "emoji-name": "📄 report 2021.txt",
        "double-extension": "invoice.pdf.txt",
        "upper-extension": "SHOUT.TXT",
    }
    cases: list[Case] = []
    for number, (name, filename) in enumerate(names.items()):
        if filename.endswith(".exe"):
            expect: Expect = refused("unsupported")
        else:
            expect = _keeps_name(filename)
        cases.append((f"name-{name}", filename, f"{body} {number}\n".encode(), expect))
    return cases


def _keeps_name(filename: str) -> Expect:
    def check(outcome: Any, document: Any) -> None:
        assert outcome.status in ("imported", "possible duplicate"), outcome.describe()
        assert document is not None and document.original_filename == filename

    return check


# --- HTML -----------------------------------------------------------------------------


def _page(body: str, head: str = "") -> bytes:
    return (
        f'<!doctype html><html><head><meta charset="utf-8">{head}</head>'
        f"<body><article>{body}</article></body></html>"
    ).encode()


def html_cases() -> list[Case]:
    para = f"<p>{SENTENCE}</p>"
    secret = "SECRET-SCRIPT-TEXT"
    cases: list[Case] = [
        ("html-script", "s.html", _page(f"<script>var a='{secret}'</script>{para}"), lacks(secret)),
        (
            "html-iframe-srcdoc",
            "i.html",
            _page(f'<iframe srcdoc="<p>{secret}</p>" src="http://x.example/"></iframe>{para}'),
            lacks(secret),
        ),
        ("html-remote-img", "r.html", _page(f'<img src="http://x.example/p.gif">{para}'), None),
        (
            "html-meta-refresh",
            "m.html",
            _page(para, '<meta http-equiv="refresh" content="0;url=http://x.example/">'),
            imported_with("Anna Petrova"),
        ),
        (
            # Source line breaks inside a paragraph are spaces in HTML; a line that looks
            # like a date stamp must not be cut out of the sentence it belongs to.
            "html-soft-line-break",
            "soft.html",
            _page("<p>On 14 March 2021 about\n240 residents left the lower town, said Maria.</p>"),
            imported_with("On 14 March 2021"),
        ),
        ("html-base-href", "b.html", _page(para, '<base href="http://x.example/">'), None),
        (
            "html-javascript-url",
            "j.html",
            _page(f"<a href=\"javascript:alert('{secret}')\">link</a>{para}"),
            lacks(secret),
        ),
        (
            "html-data-uri",
            "d.html",
            _page('<img src="data:image/png;base64,' + "A" * 100_000 + f'">{para}'),
            lacks("AAAA"),
        ),
        (
            "html-svg-script",
            "v.html",
            _page(f"<svg><script>{secret}</script><text>{secret}</text></svg>{para}"),
            lacks(secret),
        ),
        ("html-template", "t.html", _page(f"<template>{secret}</template>{para}"), lacks(secret)),
        ("html-comment", "c.html", _page(f"<!-- {secret} -->{para}"), lacks(secret)),
        ("html-cdata", "cd.html", _page(f"<![CDATA[{secret}]]>{para}"), None),
        ("html-unclosed", "u.html", b"<html><body><p>" + SENTENCE.encode() + b"<b><i><div", None),
        ("html-entities", "e.html", _page("<p>" + "&amp;" * 50_000 + f"</p>{para}"), None),
        (
            "html-control-entities",
            "ce.html",
            _page(f"<p>&#0;&#x1b;[2J&#x7f;&#xd800;</p>{para}"),
            None,
        ),
        (
            "html-deep-nesting",
            "deep.html",
            _page("<div>" * 20_000 + para + "</div>" * 20_000),
            None,
        ),
        ("html-deep-inline", "deepi.html", _page("<b>" * 20_000 + para), None),
        (
            "html-charset-lie",
            "lie.html",
            b'<meta charset="utf-16"><p>' + SENTENCE.encode() + b"</p>",
            None,
        ),
        (
            "html-unknown-charset",
            "unk.html",
            b'<meta charset="x-evil-charset"><p>' + SENTENCE.encode() + b"</p>",
            None,
        ),
        (
            "html-jsonld-weird",
            "ld.html",
            _page(
                para,
                '<script type="application/ld+json">[{"@type":["NewsArticle",1,null],'
                '"headline":{"a":1},"author":[1,{"name":["x"]},"<b>Bob</b>"],'
                '"datePublished":"9999-99-99"},' + "[" * 5000 + "]" * 5000 + "]</script>",
            ),
            None,
        ),
        (
            "html-title-markup",
            "tm.html",
            _page(para, '<meta property="og:title" content="<img src=x onerror=alert(1)> T">'),
            None,
        ),
        ("html-huge-title", "ht.html", _page(para, "<title>" + "T" * 200_000 + "</title>"), None),
        ("html-no-body-text", "nb.html", _page("<img src=x><script>x</script>"), lacks("x</")),
        (
            "html-nul",
            "nul.html",
            b"<p>" + SENTENCE.encode() + b"\x00" * 20 + b"</p>",
            refused("binary"),
        ),
        (
            "html-form-and-buttons",
            "f.html",
            _page(f"<form><input value='{secret}'><button>{secret}</button></form>{para}"),
            lacks(secret),
        ),
        (
            "html-style-import",
            "st.html",
            _page(f"<style>@import url(http://x.example/a.css); p{{}}</style>{para}"),
            lacks("@import"),
        ),
    ]
    return cases


# --- PDF ------------------------------------------------------------------------------


def _pdf(text: str = SENTENCE, pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for number in range(pages):
        pdf.drawString(72, 800, f"{text} Page {number + 1}.")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _image_only_pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = io.BytesIO()
    Image.new("L", (200, 100), 200).save(picture, format="PNG")
    picture.seek(0)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.drawImage(ImageReader(picture), 72, 600, 200, 100)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_javascript() -> bytes:
    """An OpenAction running JavaScript, spliced into the catalog (offsets shift, so
    the reader must also cope with a stale cross-reference table)."""
    action = b"/OpenAction << /S /JavaScript /JS (app.alert('pwned')) >> /Type /Catalog"
    return _pdf().replace(b"/Type /Catalog", action, 1)


def pdf_cases() -> list[Case]:
    good = _pdf()
    return [
        ("pdf-truncated-head", "t1.pdf", good[:60], refused("truncated", "damaged", "PDF")),
        ("pdf-truncated-half", "t2.pdf", good[: len(good) // 2], refused("truncated", "damaged")),
        ("pdf-truncated-tail", "t3.pdf", good[:-40], refused("truncated", "damaged")),
        ("pdf-encrypted-password", "e1.pdf", _encrypted("secret"), refused("encrypted")),
        ("pdf-encrypted-empty-password", "e2.pdf", _encrypted(""), None),
        ("pdf-no-text-layer", "scan.pdf", _image_only_pdf(), None),
        ("pdf-javascript", "js.pdf", _with_javascript(), lacks("pwned")),
        ("pdf-markup-text", "mk.pdf", _pdf("<b>bold</b> &amp; <img src=x>"), None),
        ("pdf-garbage-after-eof", "g.pdf", good + b"\n" + bytes(range(256)) * 4 + b"%%EOF", None),
        ("pdf-broken-xref", "x.pdf", good.replace(b"xref", b"xfer"), None),
        ("pdf-junk-before-header", "jb.pdf", b"JUNK" * 50 + good, None),
        (
            "pdf-random-with-header",
            "rh.pdf",
            b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF",
            None,
        ),
        ("pdf-many-pages", "mp.pdf", _pdf(pages=60), imported_with("Page 60")),
    ]


# --- DOCX -----------------------------------------------------------------------------


def _docx(text: str = SENTENCE) -> bytes:
    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def _rezip(
    source: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = (replace or {}).get(item.filename, zin.read(item))
            zout.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (add or {}).items():
            zout.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _document_xml(source: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        return archive.read("word/document.xml")


ZIP_SLIP_TARGET = "../../../../../tmp/catena-zip-slip-proof.txt"


def docx_cases() -> list[Case]:
    base = _docx()
    xml = _document_xml(base)
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b"]>"
    )
    external_rel = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/image" Target="http://x.example/track.png" TargetMode="External"/>'
        b"</Relationships>"
    )
    return [
        (
            "docx-zip-bomb",
            "bomb.docx",
            _rezip(base, add={"word/pad.bin": b"\x00" * 20_000_000}),
            refused("zip bomb"),
        ),
        (
            "docx-billion-laughs",
            "laughs.docx",
            _rezip(base, replace={"word/document.xml": laughs + xml.split(b"?>", 1)[1]}),
            refused("entit", "DOCTYPE"),
        ),
        (
            "docx-xxe",
            "xxe.docx",
            _rezip(
                base,
                replace={
                    "word/document.xml": xml.replace(
                        b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
                    )
                },
            ),
            refused("entit", "DOCTYPE"),
        ),
        ("docx-zip-slip", "slip.docx", _rezip(base, add={ZIP_SLIP_TARGET: b"escaped"}), None),
        ("docx-no-document-part", "nodoc.docx", _strip(base, "word/document.xml"), None),
        (
            "docx-external-image",
            "ext.docx",
            _rezip(base, add={"word/_rels/x.rels": external_rel}),
            None,
        ),
        ("docx-huge-paragraph", "huge.docx", _docx("word " * 200_000), None),
        ("docx-empty", "empty.docx", _docx(""), refused("no text")),
        ("docx-corrupt-central-directory", "cd.docx", base[:-30], None),
        ("docx-markup-text", "mk.docx", _docx("<script>alert(1)</script> &amp; <b>x</b>"), None),
        ("docx-control-chars", "cc.docx", _docx(SENTENCE + " \u202eevil\u202c tab\there"), None),
        ("docx-is-plain-zip", "plain.docx", _plain_zip(), None),
    ]


def _strip(source: bytes, name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            if item.filename != name:
                zout.writestr(item, zin.read(item))
    return out.getvalue()


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", SENTENCE)
    return out.getvalue()


def all_cases() -> list[Case]:
    # Imported here: the e-mail cases' module builds on this one's helpers.
    from tests.reliability.hostile_image_cases import image_cases
    from tests.reliability.hostile_mail_cases import eml_cases

    return (
        text_cases()
        + name_cases()
        + html_cases()
        + pdf_cases()
        + docx_cases()
        + eml_cases()
        + image_cases()
    )


SEARCH_INPUTS = [
    "",
    " ",
    '"',
    '""',
    '"unclosed phrase',
    "(",
    ")",
    "((((flood",
    "flood)))",
    "flood AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "-",
    "--",
    "-flood",
    "*",
    "flood*",
    "*flood",
    "^flood",
    "a:b",
    "title:",
    "year:abc",
    "year:99999999",
    "year:2021..1990",
    "'; DROP TABLE documents; --",
    '" OR 1=1 --',
    "flood' OR '1'='1",
    "NEAR(flood boats, 5)",
    "flood NEAR boats",
    "{title body}: flood",
    "title:flood body:boats",
    "<script>alert(1)</script>",
    "%",
    "_",
    "\\",
    "\x00",
    "\x1b[2J",
    "\u202eflood",
    "flood " * 2000,
    "(" * 2000,
    '"a" ' * 500,
    "👨‍👩‍👧 🏳️‍🌈",
    "Z\u0336\u0337\u0338algo",
    'title:"<b>x</b>"',
    "collection:../../etc/passwd",
    'person:"O\'Brien"',
    "NOT NOT NOT flood",
    "flood OR OR boats",
    "col:umn",
]

DOSSIER_PAYLOADS = {
    "img-local-file": '<img src="{LOCALFILE}" width="300" height="300"/>',
    "img-etc-passwd": '<img src="/etc/passwd"/>',
    "link-file-url": '<a href="file:///etc/passwd">click</a>',
    "font-tag": '<font size="80" color="red">BIG</font>',
    "unbalanced": "<b>bold <i>italic",
    "para-close": "</para><para>injected",
    "entities": "&amp; &lt; &nbsp; &#65; &bogus; &#x0;",
    "breaks": "<br/><br/>line",
    "span-style": '<span style="font-size:90px">x</span>',
    "reportlab-tags": '<seq id="x"/> <onDraw name="x"/> <greek>a</greek> <sup>2</sup>',
    "pdf-syntax": "%PDF-1.4 obj << /JS (app.alert(1)) >> endobj",
    "bidi": "\u202eevil\u202c text \u200f",
    "quotes-braces": "\"quotes' and \\ backslash {braces} $dollar %s %(x)s",
    "cdata-comment": "<![CDATA[x]]> <!-- comment -->",
    "unknown-tag": '<unknown attr="x">tag</unknown>',
    "control-chars": "bell\x07 esc\x1b[2J nul\x00 del\x7f",
}
