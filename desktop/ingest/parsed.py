"""What a reader returns: plain data describing one parsed file, no catalogue access.

Readers (one per format) turn bytes into a ``ParsedDocument``; the import pipeline
stores the original bytes and this data in the catalogue. Keeping the boundary as
plain dataclasses lets every reader be tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from db.provenance import FileGuess


class IngestError(Exception):
    """A file Catena refuses, with a one-line reason shown to the user as it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SetAside:
    """A line removed from the working text as page furniture, and why."""

    line: str
    reason: str  # e.g. "tracking code", "interface glyphs", "hashtags"


@dataclass(frozen=True)
class ImagePlaceholder:
    """Where the source showed an image; caption is the line that followed it, if any."""

    offset: int  # character offset in the working text where the image stood
    caption: str | None


@dataclass(frozen=True)
class Attachment:
    """A file carried inside another (e-mail attachment); stored as a linked original."""

    filename: str
    data: bytes
    media_type: str


@dataclass(frozen=True)
class ImageInfo:
    """Facts about an image file, read without decoding more than needed."""

    width: int
    height: int
    format: str  # Pillow format name, e.g. "JPEG"
    exif: dict[str, str] = field(default_factory=dict)  # readable tag name -> value
    taken: str | None = None  # EDTF/ISO date the photograph was taken, from EXIF
    thumbnail_png: bytes | None = None


@dataclass
class ParsedDocument:
    """One file, decoded and cleaned, with guessed metadata.

    ``text`` is the working text tags point into: newlines normalised to "\\n",
    furniture removed. Metadata fields named in ``guessed`` were inferred from the
    text and stay marked as guesses until a person confirms them.
    """

    text: str
    media_type: str
    encoding: str | None = None
    encoding_confidence: float | None = None
    title: str | None = None
    title_devised: bool = False  # archival practice prints devised titles in [brackets]
    doc_type: str | None = None  # "news article", "open letter", "letter", "report", ...
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # EDTF, e.g. "2021-02-26"
    published_time: str | None = None  # e.g. "10:24"
    published_tz: str | None = None  # e.g. "+04:00"
    dateline: str | None = None  # place, e.g. "Baku"
    section: str | None = None
    language: str | None = None  # BCP 47, e.g. "en"
    # The language of each paragraph, [[start, end, "ru"], ...] (``map_languages``).
    language_spans: list[list[int | str]] | None = None
    url: str | None = None
    accessed: str | None = None  # EDTF day a saved page says it was captured
    recipients: list[str] = field(default_factory=list)  # letters and e-mail
    guessed: set[str] = field(default_factory=set)
    # What the file's own metadata claimed (PDF info, DOCX core properties): offered to
    # a person, never set as the fields above (``desktop.ingest.file_metadata``).
    file_guesses: list[FileGuess] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)  # PDF: offset where each page begins
    set_aside: list[SetAside] = field(default_factory=list)
    image_placeholders: list[ImagePlaceholder] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # "low-confidence encoding", "no text layer"
    image: ImageInfo | None = None  # set when the file itself is an image
    # desktop.ingest.ocr.OcrResult when the text was read by OCR (words, boxes,
    # provenance); typed loosely because that module builds on this one.
    ocr: Any = None
    ocr_note: str | None = None  # why a scan has no text (e.g. how to install OCR)
