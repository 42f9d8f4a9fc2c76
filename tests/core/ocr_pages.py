"""Pages with known text, drawn with Pillow in the bundled fonts, for the OCR tests.

The text is known exactly, so what OCR reads can be compared with it; the letter is
saved as an image-only PDF (Pillow writes the page as a picture, no text layer).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSerif.ttf"
A4_300DPI = (2480, 3508)
LETTER = (
    "Ministry of Water Resources",
    "Baku, 14 March 2021",
    "",
    "To the Halvern Survivors Committee",
    "",
    "Dear Sir,",
    "On 3 March 2021 the dam at Halvern failed and 1,200 people",
    "were moved from the valley. The repairs will cost 45 million",
    "manat and will take until June 2022.",
    "",
    "Yours faithfully,",
    "A. Mammadov, Deputy Minister",
)
LEFT, TOP, LINE = 220, 320, 64


def page(lines: tuple[str, ...] = LETTER, size: tuple[int, int] = A4_300DPI) -> Image.Image:
    font = ImageFont.truetype(str(FONT), 40)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((LEFT, TOP + number * LINE), line, font=font, fill=0)
    return image


def line_box(number: int) -> tuple[float, float]:
    """Top and bottom (fractions of the page height) of line *number* of page()."""
    top = TOP + number * LINE
    return top / A4_300DPI[1], (top + LINE) / A4_300DPI[1]


def pdf_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PDF", resolution=300)
    return out.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def script_page(lines: tuple[str, ...], size: tuple[int, int] = A4_300DPI) -> Image.Image:
    """A page of *lines* drawn as the OCR benchmark draws its pages: each character in
    the first bundled font that has it (DejaVu Serif, then the dossier's fallbacks)."""
    from bench.ocr_eval import Fonts  # the one font chain, shared with the benchmark

    fonts = Fonts("eng", size=40)  # eng: DejaVu Serif first, like page()
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        fonts.draw(draw, LEFT, TOP + number * LINE, line)
    return image
