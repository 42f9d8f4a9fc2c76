"""Read an image file: size, format, readable EXIF, and a small PNG thumbnail.

Pillow reads the header first, so the pixel count is checked before any decoding;
its DecompressionBombWarning is turned into a refusal as well, so a crafted header
cannot make Catena allocate gigabytes.
"""

from __future__ import annotations

import io
import warnings
from fractions import Fraction
from typing import Any

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from desktop.ingest.limits import DEFAULT_LIMITS, Limits
from desktop.ingest.parsed import ImageInfo, IngestError, ParsedDocument

_MEDIA_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "MPO": "image/jpeg",
}
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_WANTED = (
    "DateTimeOriginal",
    "DateTimeDigitized",
    "DateTime",
    "Make",
    "Model",
    "Orientation",
    "Artist",
    "Copyright",
    "ImageDescription",
    "Software",
)
BOMB_REASON = "image too large (decompression bomb)"


def read_image(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    """An image document: empty text, ImageInfo with EXIF and thumbnail."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > limits.max_image_pixels:
                    raise IngestError(
                        f"{BOMB_REASON}: {width}×{height} pixels "
                        f"(limit {limits.max_image_pixels:,})"
                    )
                image.load()
                exif = _readable_exif(image)
                thumbnail = _thumbnail(image, limits.thumbnail_size)
                fmt = image.format or "unknown"
        except IngestError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise IngestError(BOMB_REASON) from exc
        except UnidentifiedImageError as exc:
            raise IngestError("not a readable image (unknown or damaged format)") from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise IngestError(f"the image is truncated or damaged ({exc})") from exc
    taken = _taken(exc_value=exif.get("DateTimeOriginal") or exif.get("DateTimeDigitized"))
    info = ImageInfo(
        width=width,
        height=height,
        format=fmt,
        exif=exif,
        taken=taken,
        thumbnail_png=thumbnail,
    )
    doc = ParsedDocument(text="", media_type=_MEDIA_TYPES.get(fmt, f"image/{fmt.lower()}"))
    doc.image = info
    if "Make" in exif or "Model" in exif or taken:
        doc.doc_type = "photograph"
        doc.guessed.add("doc_type")
    if exif.get("Artist"):
        doc.authors = [exif["Artist"]]
        doc.guessed.add("authors")
    return doc


def _readable_exif(image: Image.Image) -> dict[str, str]:
    exif = image.getexif()
    if not exif:
        return {}
    tags: dict[int, Any] = dict(exif)
    tags.update(exif.get_ifd(_EXIF_IFD))
    out: dict[str, str] = {}
    for tag_id, value in tags.items():
        name = ExifTags.TAGS.get(tag_id)
        if name in _WANTED:
            text = _as_text(value)
            if text:
                out[name] = text
    gps = _gps(exif.get_ifd(_GPS_IFD))
    if gps:
        out["GPSLatitude"], out["GPSLongitude"] = gps
    return out


def _as_text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).replace("\x00", "").split())[:500]


def _gps(ifd: dict[int, Any]) -> tuple[str, str] | None:
    """Decimal degrees from the GPS IFD (tags 1-4: ref and degrees/minutes/seconds)."""
    try:
        lat = _degrees(ifd[2], ifd.get(1, "N"))
        lon = _degrees(ifd[4], ifd.get(3, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    return f"{lat:.6f}", f"{lon:.6f}"


def _degrees(dms: Any, ref: Any) -> float:
    degrees, minutes, seconds = (Fraction(float(part)) for part in dms)
    value = float(degrees + minutes / 60 + seconds / 3600)
    ref_text = ref.decode() if isinstance(ref, bytes) else str(ref)
    return -value if ref_text.strip().upper() in {"S", "W"} else value


def _taken(exc_value: str | None) -> str | None:
    """EXIF "2021:02:26 10:24:00" as EDTF/ISO "2021-02-26T10:24:00"."""
    if not exc_value or len(exc_value) < 10:
        return None
    date = exc_value[:10].replace(":", "-")
    if not date[:4].isdigit() or date.startswith("0000"):
        return None
    rest = exc_value[11:19]
    return f"{date}T{rest}" if len(rest) == 8 and rest[2] == ":" else date


def _thumbnail(image: Image.Image, size: int) -> bytes:
    thumb = ImageOps.exif_transpose(image.copy())
    thumb.thumbnail((size, size))
    if thumb.mode not in {"RGB", "RGBA", "L", "LA"}:
        thumb = thumb.convert("RGBA" if "A" in thumb.getbands() or thumb.mode == "P" else "RGB")
    out = io.BytesIO()
    thumb.save(out, format="PNG")
    return out.getvalue()
