"""Turn one file's bytes into a ParsedDocument, choosing the reader by content and name."""

from __future__ import annotations

from pathlib import PurePath

from desktop.ingest.model import IngestError, ParsedDocument

TEXT_SUFFIXES = {".txt", ".md", ".text"}


def parse(data: bytes, filename: str) -> ParsedDocument:
    """Parse *data* (the bytes of *filename*); raise IngestError with a one-line reason."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _parse_text(data)
    raise IngestError(f"unsupported file type {suffix or '(no extension)'}")


def _parse_text(data: bytes) -> ParsedDocument:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid UTF-8 text (byte {exc.start})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("the file is empty or contains only white space")
    first_line = next(line.strip() for line in text.split("\n") if line.strip())
    return ParsedDocument(
        text=text,
        media_type="text/plain",
        encoding="utf-8",
        encoding_confidence=1.0,
        title=first_line[:300],
        guessed={"title"},
    )
