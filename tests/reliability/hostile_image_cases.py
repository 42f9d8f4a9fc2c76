"""Generated hostile images for the image importer (see hostile_cases.py for what a
case is); part of ``hostile_cases.all_cases``."""

from __future__ import annotations

import io
from typing import Any

from tests.reliability.hostile_cases import (
    Case,
    refused,
)

# --- images ---------------------------------------------------------------------------


def _image(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB", **save: Any) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    image = Image.new(mode, size, 120 if mode in ("L", "1", "I;16", "P") else (120, 60, 30))
    image.save(out, format=fmt, **save)
    return out.getvalue()


def _exif_jpeg() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (40, 30), (10, 20, 30))
    exif = Image.Exif()
    exif[0x010E] = "<img src=/etc/passwd> \u202eevil " + "D" * 60_000  # ImageDescription
    exif[0x013B] = "<b>Artist</b>\x00\x1b[2J"  # Artist
    exif[0x9003] = "9999:99:99 99:99:99"  # DateTimeOriginal
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _png_text_chunk() -> bytes:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Description", "<script>alert(1)</script>" * 1000)
    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def _bomb_png() -> bytes:
    """A 1x1 PNG whose header claims 30000x30000 pixels (CRC fixed): a bomb by claim."""
    import struct
    import zlib

    png = _image("PNG", size=(1, 1))
    ihdr = png.index(b"IHDR")
    fields = struct.pack(">II", 30_000, 30_000) + png[ihdr + 12 : ihdr + 17]
    chunk = b"IHDR" + fields
    return png[:ihdr] + chunk + struct.pack(">I", zlib.crc32(chunk)) + png[ihdr + 21 :]


def image_cases() -> list[Case]:
    png = _image("PNG")
    jpeg = _image("JPEG")
    return [
        ("img-bomb-png", "bomb.png", _bomb_png(), refused("too large", "bomb")),
        ("img-truncated-jpeg", "t.jpg", jpeg[: len(jpeg) // 3], refused("truncated", "damaged")),
        ("img-truncated-png", "t.png", png[:60], refused("truncated", "damaged")),
        ("img-png-named-jpg", "png.jpg", png, None),
        ("img-jpeg-named-png", "jpeg.png", jpeg, None),
        (
            "img-html-named-png",
            "page.png",
            b"<html><body>hi</body></html>",
            refused("not an image"),
        ),
        ("img-gif-animated", "a.gif", _animated_gif(), None),
        ("img-tiff", "x.tiff", _image("TIFF"), None),
        ("img-webp", "x.webp", _image("WEBP"), None),
        ("img-bmp-named-png", "bmp.png", _image("BMP"), None),
        ("img-cmyk-jpeg", "cmyk.jpg", _image("JPEG", mode="CMYK"), None),
        ("img-16bit-png", "16.png", _image("PNG", mode="I;16"), None),
        ("img-palette-transparent", "p.png", _image("PNG", mode="P", transparency=0), None),
        ("img-1x1", "one.png", _image("PNG", size=(1, 1)), None),
        ("img-hostile-exif", "exif.jpg", _exif_jpeg(), None),
        ("img-png-text-chunk", "chunk.png", _png_text_chunk(), None),
        ("img-zero-bytes", "zero.png", b"", refused("empty", "not an image")),
        ("img-header-only", "head.png", b"\x89PNG\r\n\x1a\n", refused("truncated", "damaged")),
    ]


def _animated_gif() -> bytes:
    from PIL import Image

    frames = [Image.new("P", (30, 30), n * 40) for n in range(5)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], loop=0)
    return out.getvalue()
