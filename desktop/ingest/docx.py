"""Read a Word .docx: paragraphs in order and the core properties.

A .docx is a ZIP of XML parts, so two attacks are checked *before* python-docx
opens it: a zip bomb (tiny file, gigabytes unpacked) and XML entity tricks (a
DOCTYPE declaring entities can expand exponentially or point at external files).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError

from db.provenance import FileGuess
from desktop.ingest.assemble import document_from_text
from desktop.ingest.file_metadata import author_guesses, date_guess, unique
from desktop.ingest.limits import DEFAULT_LIMITS, Limits, human_bytes
from desktop.ingest.metadata_guesses import Metadata
from desktop.ingest.parsed import IngestError, ParsedDocument
from desktop.ingest.text_decoding import wrap_long_lines

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    """Paragraphs (and table cells) in document order, separated by blank lines."""
    check_package(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(f"not a readable Word document ({exc})") from exc
    blocks = [p.text.strip() for p in _paragraphs(document)]
    flags: list[str] = []
    text = wrap_long_lines("\n\n".join(b for b in blocks if b), limits.max_line_length, flags)
    if not text.strip():
        raise IngestError("the Word document contains no text")
    parsed = document_from_text(text, media_type=MEDIA_TYPE, flags=flags, hints=_hints(document))
    parsed.file_guesses = _guesses(document)
    return parsed


def check_package(data: bytes, limits: Limits) -> None:
    """Refuse zip bombs and XML parts that declare a DOCTYPE or entities."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise IngestError("the .docx is not a valid ZIP package (truncated or damaged)") from exc
    with archive:
        infos = archive.infolist()
        unpacked = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos) or 1
        if unpacked > limits.max_unpacked_bytes:
            raise IngestError(
                f"the .docx unpacks to {human_bytes(unpacked)} "
                f"(limit {human_bytes(limits.max_unpacked_bytes)}): possible zip bomb"
            )
        if unpacked / packed > limits.max_compression_ratio:
            raise IngestError(
                f"the .docx is compressed {unpacked / packed:.0f}:1 "
                f"(limit {limits.max_compression_ratio:.0f}:1): possible zip bomb"
            )
        if "word/document.xml" not in archive.namelist():
            raise IngestError("the ZIP package is not a Word document (no word/document.xml)")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                try:
                    head = archive.read(info)
                except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                    raise IngestError(f"the .docx part {info.filename} is damaged") from exc
                if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                    raise IngestError(
                        f"the .docx part {info.filename} declares XML entities "
                        "(DOCTYPE/ENTITY); refused for safety"
                    )


def _paragraphs(document: docx.document.Document) -> list[docx.text.paragraph.Paragraph]:
    """Body paragraphs and table-cell paragraphs, in the order they appear."""
    out = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.text.paragraph.Paragraph):
            out.append(block)
        else:
            for row in block.rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
    return out


def _hints(document: docx.document.Document) -> Metadata:
    """Title and language from the core properties; dates and authors are offered apart
    (``_guesses``), never set as the document's."""
    props = document.core_properties
    hints = Metadata()
    if props.title and props.title.strip():
        hints.title = props.title.strip()
    if props.language:
        hints.language = props.language.split("-")[0].lower()
    return hints


def _guesses(document: docx.document.Document) -> list[FileGuess]:
    """created, modified, author and lastModifiedBy as low-confidence guesses."""
    props = document.core_properties
    guesses = author_guesses([props.author or ""], "DOCX core property author")
    guesses += author_guesses([props.last_modified_by or ""], "DOCX core property lastModifiedBy")
    for name, value in (("created", props.created), ("modified", props.modified)):
        when = value if isinstance(value, dt.datetime) else None
        guesses += date_guess(when, f"DOCX core property {name}")
    return unique(guesses)
