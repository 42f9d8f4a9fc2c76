"""Size limits every reader honours, so one hostile file cannot exhaust memory.

Limits live in one frozen dataclass passed down from ``parse()`` so the pipeline
(or a test) can tighten them without monkeypatching module constants.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Upper bounds applied while reading one file.

    ``max_line_length`` does not refuse a file: longer lines are wrapped at white
    space (and the document flagged) because a scraped page saved as one line is still
    a document worth keeping, while a 50 MB line would stall every later step.
    """

    max_bytes: int = 200 * 1024 * 1024
    max_line_length: int = 20_000  # characters
    max_image_pixels: int = 100_000_000  # width * height
    max_unpacked_bytes: int = 500 * 1024 * 1024  # DOCX: total uncompressed size
    max_compression_ratio: float = 200.0  # DOCX: uncompressed / compressed
    max_pdf_pages: int = 5_000
    thumbnail_size: int = 256  # pixels, longest side


DEFAULT_LIMITS = Limits()


def human_bytes(count: int) -> str:
    """Format a byte count for a one-line reason shown to archivists."""
    size = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{count} bytes"  # pragma: no cover - loop always returns
