"""Recognise what bytes really are from their first bytes ("magic numbers").

A file's name is a claim; the content decides. Readers are chosen by extension, then
this module checks the content agrees, so a PDF renamed ``.jpg`` is refused with a
reason naming what it really is instead of a confusing decoder error.
"""

from __future__ import annotations

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"PK\x03\x04", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE"),  # legacy .doc/.xls
    (b"\x7fELF", "ELF"),
    (b"MZ", "EXE"),
    (b"\x1f\x8b", "GZIP"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7Z"),
    (b"ID3", "MP3"),
    (b"OggS", "OGG"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG2000"),
)

IMAGE_KINDS = frozenset({"PNG", "JPEG", "GIF", "TIFF", "WEBP", "BMP"})

# How a kind is described to the user in a refusal.
KIND_NAMES: dict[str, str] = {
    "PDF": "PDF",
    "ZIP": "a ZIP archive",
    "OLE": "a legacy Office document",
    "ELF": "a program",
    "EXE": "a Windows program",
    "GZIP": "a gzip archive",
    "RAR": "a RAR archive",
    "7Z": "a 7-Zip archive",
    "MP3": "audio",
    "OGG": "audio",
}


def detect_kind(data: bytes) -> str | None:
    """Return a short kind name ("PDF", "PNG", "ZIP", ...) or None when unrecognised.

    ``%PDF-`` may legally appear after some leading junk (within the first 1 KB), so it
    is searched for rather than matched at offset 0.
    """
    head = data[:1024]
    marker = head.find(b"%PDF-")
    # Junk before the marker is legal, but a text that merely *mentions* "%PDF-" is
    # not a PDF: require the marker near the start, or the end-of-file marker too.
    if marker != -1 and (
        not head[:marker].strip(b"\xef\xbb\xbf \t\r\n") or b"%%EOF" in data[-2048:]
    ):
        return "PDF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            if kind == "EXE" and len(data) < 64:
                return None  # "MZ" is also an ordinary start of a short text
            if kind == "BMP" and head[6:10] != b"\x00\x00\x00\x00":
                return None  # "BM..." text; real bitmaps have four reserved zero bytes
            return kind
    return None


def describe_kind(kind: str) -> str:
    """Human wording for a kind, e.g. "PDF" or "a ZIP archive"."""
    return KIND_NAMES.get(kind, kind)
