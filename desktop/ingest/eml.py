"""Read an e-mail message (.eml): headers as metadata, body as text, attachments kept.

Header facts (sender, recipients, date, subject) are stated by the message, not
guessed, so they are not listed in ``guessed``. The plain-text body is preferred; an
HTML-only body goes through the HTML reader's text extraction.

A message's body is what its sender wrote, so none of it is set aside: the furniture
rules are for scraped web pages, and a one-line body such as "Meeting moved to 3 March
2022 14:00" would otherwise be read as a publication stamp and vanish.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime

from desktop.ingest.assemble import document_from_clean
from desktop.ingest.cleaning import CleanText
from desktop.ingest.html import html_to_text
from desktop.ingest.language import guess_language
from desktop.ingest.limits import DEFAULT_LIMITS, Limits
from desktop.ingest.metadata_guesses import Metadata
from desktop.ingest.parsed import Attachment, IngestError, ParsedDocument
from desktop.ingest.text_decoding import normalise_newlines, wrap_long_lines

_STATED = frozenset(
    {"authors", "recipients", "published", "published_time", "published_tz", "title", "doc_type"}
)


def read_eml(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    """A letter: From/To/Date/Subject as metadata, body text, attachments."""
    if b"\x00" in data[:65536]:
        raise IngestError("binary data, not an e-mail message (contains NUL bytes)")
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (
        message["From"] or message["Date"] or message["Subject"]
    ):
        raise IngestError("not an e-mail message (no From, Date or Subject header)")
    hints = _header_hints(message)
    body = _body_text(message)
    flags: list[str] = []
    body = wrap_long_lines(normalise_newlines(body), limits.max_line_length, flags)
    attachments = _attachments(message)
    if body.strip():
        doc = document_from_clean(
            letter_text(body),
            media_type="message/rfc822",
            flags=flags,
            hints=hints,
            stated=_STATED,
        )
    else:
        doc = ParsedDocument(text="", media_type="message/rfc822", flags=["empty message body"])
        for name in (
            "title",
            "authors",
            "recipients",
            "published",
            "published_time",
            "published_tz",
            "doc_type",
        ):
            setattr(doc, name, getattr(hints, name))
    doc.attachments = attachments
    return doc


def letter_text(body: str) -> CleanText:
    """The body as written, every line kept: trailing spaces and runs of blank lines
    are tidied (as in every text), nothing is set aside as furniture or a stamp."""
    lines = [line.rstrip() for line in body.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return CleanText(text=text, language=guess_language(text))


def _header_hints(message: EmailMessage) -> Metadata:
    hints = Metadata(doc_type="letter")
    hints.title = " ".join(str(message["Subject"] or "").split()) or None
    hints.authors = _people(message.get_all("From", []))
    hints.recipients = _people(message.get_all("To", []) + message.get_all("Cc", []))
    if message["Date"]:
        try:
            when = parsedate_to_datetime(str(message["Date"]))
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None:
            hints.published = when.date().isoformat()
            hints.published_time = when.strftime("%H:%M")
            if when.tzinfo is not None:
                offset = when.strftime("%z")
                hints.published_tz = f"{offset[:3]}:{offset[3:]}"
    return hints


def _people(values: list[object]) -> list[str]:
    out = []
    for name, address in getaddresses([str(v) for v in values]):
        label = name.strip() or address.strip()
        if label and label not in out:
            out.append(label)
    return out


def _body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError) as exc:
        raise IngestError(f"the e-mail body cannot be decoded ({exc})") from exc
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        return html_to_text(content)
    return content


def _attachments(message: EmailMessage) -> list[Attachment]:
    out = []
    for index, part in enumerate(message.iter_attachments(), start=1):
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        filename = part.get_filename() or f"attachment-{index}"
        out.append(Attachment(filename=filename, data=payload, media_type=part.get_content_type()))
    return out
