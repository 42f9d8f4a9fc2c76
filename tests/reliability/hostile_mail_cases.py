"""Generated hostile e-mail messages for the .eml importer (see hostile_cases.py for
what a case is); part of ``hostile_cases.all_cases``."""

from __future__ import annotations

from email.message import EmailMessage

from tests.reliability.hostile_cases import (
    SENTENCE,
    Case,
    _docx,
    _rezip,
    imported_with,
    lacks,
    refused,
)

# --- e-mail ---------------------------------------------------------------------------


def _mail(
    body: str = SENTENCE, *, charset: str = "utf-8", subject: str = "Flood report"
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Anna Petrova <anna@example.org>"
    message["To"] = "Archive <archive@example.org>"
    message["Subject"] = subject
    message["Date"] = "Tue, 02 Mar 2021 10:00:00 +0000"
    message.set_content(body, charset=charset)
    return message


def _raw_mail(headers: str, body: bytes) -> bytes:
    return headers.replace("\n", "\r\n").encode("latin-1") + b"\r\n" + body


def eml_cases() -> list[Case]:
    cases: list[Case] = []
    for charset in ("koi8-r", "iso-2022-jp", "utf-16", "windows-1251", "gb2312"):
        text = "Наводнение: около 40 домов." if charset != "iso-2022-jp" else "洪水で四十軒。"
        if charset == "gb2312":
            text = "洪水，四十所房屋。"
        cases.append(
            (
                f"eml-charset-{charset}",
                f"cs-{charset}.eml",
                _mail(text, charset=charset).as_bytes(),
                None,
            )
        )
    base = "From: Anna <a@example.org>\nSubject: Odd\nDate: Tue, 02 Mar 2021 10:00:00 +0000\n"
    cases += [
        (
            "eml-unknown-charset",
            "unk.eml",
            _raw_mail(base + "Content-Type: text/plain; charset=x-evil\n", SENTENCE.encode()),
            None,
        ),
        (
            "eml-charset-lie",
            "lie.eml",
            _raw_mail(
                base + "Content-Type: text/plain; charset=utf-8\n",
                "Grüße, 40 Häuser".encode("cp1252"),
            ),
            None,
        ),
        (
            "eml-rfc2047-garbage",
            "rfc.eml",
            _raw_mail(
                "From: =?x-evil?B?////?= <a@example.org>\nSubject: =?utf-8?Q?=FF=FE=ZZ?= "
                "=?utf-8?B?not base64!?=\nDate: Tue, 02 Mar 2021 10:00:00 +0000\n",
                SENTENCE.encode(),
            ),
            None,
        ),
        (
            "eml-bad-date",
            "date.eml",
            _raw_mail(
                base.replace("Tue, 02 Mar 2021", "Blursday, 99 Foo 99999"), SENTENCE.encode()
            ),
            None,
        ),
        (
            "eml-multipart-no-boundary",
            "nb.eml",
            _raw_mail(base + "Content-Type: multipart/mixed\n", b"--x\r\n\r\n" + SENTENCE.encode()),
            None,
        ),
        ("eml-deep-multipart", "deep.eml", _deep_multipart(200), None),
        ("eml-nested-message", "nested.eml", _nested_message(), None),
        (
            "eml-attachment-path-traversal",
            "trav.eml",
            _with_attachment("../../../etc/passwd"),
            None,
        ),
        ("eml-attachment-rtl-name", "rtl.eml", _with_attachment("invoice\u202etxt.exe"), None),
        (
            "eml-attachment-zip-bomb-docx",
            "bombatt.eml",
            _with_attachment("bomb.docx", _rezip(_docx(), add={"p.bin": b"\x00" * 5_000_000})),
            imported_with("Anna"),
        ),
        ("eml-html-only-script", "html.eml", _html_only(), lacks("SECRET-SCRIPT-TEXT")),
        ("eml-huge-subject", "hs.eml", _mail(subject="S" * 100_000).as_bytes(), None),
        (
            "eml-many-headers",
            "mh.eml",
            _raw_mail(base + "X-H: v\n" * 20_000, SENTENCE.encode()),
            None,
        ),
        (
            "eml-base64-garbage",
            "b64.eml",
            _raw_mail(base + "Content-Transfer-Encoding: base64\n", b"!!!not*base64###"),
            None,
        ),
        ("eml-nul", "nul.eml", _raw_mail(base, b"\x00" * 100), refused("binary")),
        ("eml-empty-body-with-attachment", "eb.eml", _with_attachment("notes.txt", body=""), None),
    ]
    return cases


def _deep_multipart(depth: int) -> bytes:
    headers = "From: a@example.org\nSubject: Deep\nDate: Tue, 02 Mar 2021 10:00:00 +0000\n"
    body = SENTENCE
    for level in range(depth):
        boundary = f"b{level}"
        body = (
            f"Content-Type: multipart/mixed; boundary={boundary}\n\n--{boundary}\n{body}\n"
            f"--{boundary}--\n"
        )
    return (headers + body).replace("\n", "\r\n").encode()


def _nested_message() -> bytes:
    inner = _mail("Inner letter: about 12 boats left, wrote Oskar Nilsson.")
    outer = _mail("Forwarded, see attached.")
    outer.add_attachment(inner)
    inner2 = _mail("Third level.")
    outer.add_attachment(inner2.as_bytes(), maintype="message", subtype="rfc822", filename="x.eml")
    return outer.as_bytes()


def _with_attachment(filename: str, data: bytes | None = None, body: str = SENTENCE) -> bytes:
    message = _mail(body) if body else EmailMessage()
    if not body:
        message["From"], message["Subject"] = "Anna <a@example.org>", "Only an attachment"
    payload = data if data is not None else b"root:x:0:0:pretend\n"
    message.add_attachment(
        payload, maintype="application", subtype="octet-stream", filename=filename
    )
    return message.as_bytes()


def _html_only() -> bytes:
    message = _mail()
    message.set_content(
        f"<html><body><script>SECRET-SCRIPT-TEXT</script><p>{SENTENCE}</p>"
        '<img src="http://x.example/t.gif"></body></html>',
        subtype="html",
    )
    return message.as_bytes()
