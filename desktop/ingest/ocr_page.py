"""Read one page image with Tesseract: straighten it, then read words and boxes.

A scan or photograph is rarely square to the page: a projection profile finds the
small skew a feeder or a hand gives it and the page is straightened, then Tesseract's
orientation detection (OSD) finds by how many quarter turns it lies before reading.
Words are read from the corrected image, but their boxes are mapped back onto the
page image as given (as fractions of its width and height), so a region outlined
later lies over the original, which is the evidence, not over an image Catena made.
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytesseract
from PIL import Image, ImageOps

from desktop.ingest.ocr_engine import Engine, OcrUnavailable, unavailable_message

#: Tesseract settings recorded with every OCR text: LSTM engine, automatic layout with
#: orientation and script detection (OSD) first, so a page lying on its side or upside
#: down is turned before it is read, and boxes still come back on the image as given.
PAGE_SEGMENTATION = 1
ENGINE_MODE = 1
MIN_WIDTH = 2000
"""Pages narrower than this (low-resolution scans, phone pictures) are enlarged first:
Tesseract reads letters best at about 300 dpi."""
SKEW_RANGE = 6.0
"""Largest skew (degrees) looked for; more is a photograph, not a feeder error."""


PAGE_TIMEOUT = 180
"""Seconds Tesseract may spend on one page before it is stopped (a pathological scan
must not hold an import for ever)."""


class PageTooSlow(Exception):
    """Tesseract was stopped on one page; the message says so in one line."""


@dataclass(frozen=True)
class WordBox:
    """One word as read: its box on the page as given (fractions 0..1) and confidence."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float  # Tesseract's 0..100
    line: tuple[int, int, int]  # (block, paragraph, line): how words join into text


@dataclass(frozen=True)
class PageReading:
    words: list[WordBox]
    skew: float  # degrees straightened
    width: int
    height: int


def settings(languages: tuple[str, ...], models: tuple[str, ...]) -> dict[str, object]:
    """What, besides the engine and version, decides the text read (its provenance)."""
    return {
        "languages": list(languages),
        "models": list(models),
        "page_segmentation": PAGE_SEGMENTATION,
        "engine_mode": ENGINE_MODE,
        "orientation": "tesseract osd (page segmentation 1)",
        "deskew": f"projection profile, ±{SKEW_RANGE:g}°",
        "min_width": MIN_WIDTH,
        "despeckle": f"3×3 median and Otsu threshold when the grain exceeds {GRAIN:g}",
    }


def read_page(image: Image.Image, languages: tuple[str, ...], engine: Engine) -> PageReading:
    """Words and boxes of one page image, upright and straightened first."""
    engine.check_languages(languages)
    models = engine.models_for(languages)
    pytesseract.pytesseract.tesseract_cmd = engine.path
    page = ImageOps.exif_transpose(image).convert("L")
    width, height = page.size
    scale = max(1.0, MIN_WIDTH / max(1, min(width, height)))
    work = page.resize((round(width * scale), round(height * scale)), Image.Resampling.LANCZOS)
    if _speckled(work):  # grain: Tesseract's orientation pass can take minutes on it
        work = _cleaned(work)
    skew = _skew(work)
    if abs(skew) >= 0.1:
        work = work.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    mapper = _BoxMapper(work.size, skew)
    words: list[WordBox] = []
    for number, (x0, x1) in enumerate(_columns(work)):
        part = work if (x0, x1) == (0, work.width) else work.crop((x0, 0, x1, work.height))
        words.extend(_read(part, models, mapper, x0, block_offset=1000 * number))
    return PageReading(words=words, skew=skew, width=width, height=height)


def _read(
    image: Image.Image,
    models: tuple[str, ...],
    mapper: _BoxMapper,
    x_offset: int,
    *,
    block_offset: int,
) -> list[WordBox]:
    """Tesseract's words of *image* (the page, or one column of it at *x_offset*)."""
    try:
        with tempfile.TemporaryDirectory(prefix="catena-ocr-") as folder:
            # Handed over uncompressed: pytesseract would encode a PNG (a third of a
            # second for an A4 page at 300 dpi) only for Tesseract to decode it again.
            path = Path(folder) / "page.pgm"
            image.save(path, format="PPM")
            data = _tesseract_words(str(path), models)
    except RuntimeError as exc:  # pytesseract's timeout: the page is given up, not the file
        raise PageTooSlow(f"OCR stopped after {PAGE_TIMEOUT} s on one page") from exc
    except (pytesseract.TesseractError, OSError) as exc:
        raise OcrUnavailable(unavailable_message(f"Tesseract failed ({exc})")) from exc
    words: list[WordBox] = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not text.strip():
            continue
        left = x_offset + data["left"][i]
        box = mapper.to_page(
            left, data["top"][i], left + data["width"][i], data["top"][i] + data["height"][i]
        )
        words.append(
            WordBox(
                text=text.strip(),
                left=box[0],
                top=box[1],
                right=box[2],
                bottom=box[3],
                confidence=conf,
                line=(block_offset + data["block_num"][i], data["par_num"][i], data["line_num"][i]),
            )
        )
    return words


def _tesseract_words(path: str, models: tuple[str, ...]) -> dict[str, list[Any]]:
    """Tesseract's words, boxes and confidences for the image file at *path*."""
    data: dict[str, list[Any]] = pytesseract.image_to_data(
        path,
        lang="+".join(models),
        config=f"--psm {PAGE_SEGMENTATION} --oem {ENGINE_MODE}",
        output_type=pytesseract.Output.DICT,
        timeout=PAGE_TIMEOUT,
    )
    return data


GUTTER = 0.012
"""Narrowest empty vertical band (fraction of the page width) taken for a column gutter."""


def _columns(image: Image.Image) -> list[tuple[int, int]]:
    """The page split at a gutter: a band in the middle of the page with no ink on any
    line of the text block. Tesseract's own layout analysis reads short columns across;
    read apart, each column keeps its reading order. One band at most (two columns)."""
    small = image.copy()
    small.thumbnail((800, 800))
    ink = np.asarray(small, dtype=np.uint8) < 128
    rows = np.flatnonzero(ink.sum(axis=1))
    if rows.size == 0:
        return [(0, image.width)]
    profile = ink[rows[0] : rows[-1] + 1].sum(axis=0)
    width = profile.size
    inked = np.flatnonzero(profile)
    first, last = int(inked[0]), int(inked[-1])
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for x in range(first, last + 1):
        if profile[x] == 0 and run_start is None:
            run_start = x
        elif profile[x] != 0 and run_start is not None:
            runs.append((run_start, x))
            run_start = None
    if np.var(ink.sum(axis=1)) < np.var(ink.sum(axis=0)):
        return [(0, image.width)]  # lines run down: the page lies on its side (OSD turns it)
    best = max(runs, key=lambda r: r[1] - r[0], default=None)
    if best is None or best[1] - best[0] < GUTTER * width:
        return [(0, image.width)]
    middle = (best[0] + best[1]) / 2
    if not first + 0.25 * (last - first) < middle < first + 0.75 * (last - first):
        return [(0, image.width)]
    cut = round(middle * image.width / width)
    return [(0, cut), (cut, image.width)]


GRAIN = 3.0
"""Mean grey-level difference between a page and its 3×3 median above which the page
is grainy (clean scans and rendered pages: under 1) and is cleaned first: Tesseract's
orientation pass takes grain for letters and can spend minutes on one page."""


def _speckled(image: Image.Image) -> bool:
    """Whether a sample of the page (its middle, 600 px square) is grainy."""
    w, h = image.size
    side = min(600, w, h)
    box = ((w - side) // 2, (h - side) // 2, (w + side) // 2, (h + side) // 2)
    sample = image.crop(box)
    grey = np.asarray(sample, dtype=np.int16)
    smooth = _median3(np.asarray(sample, dtype=np.uint8)).astype(np.int16)
    return float(np.mean(np.abs(grey - smooth))) > GRAIN


def _cleaned(image: Image.Image) -> Image.Image:
    """A grainy page without its grain: specks out (3×3 median), then black on white."""
    return _binarised(Image.fromarray(_median3(np.asarray(image, dtype=np.uint8))))


#: Compare-and-swap steps that leave the median of nine values in the fifth place (the
#: classic 19-exchange median-of-9 network); each step keeps the smaller at the first.
_MEDIAN9 = (
    (1, 2), (4, 5), (7, 8), (0, 1), (3, 4), (6, 7), (1, 2), (4, 5), (7, 8), (0, 3),
    (5, 8), (4, 7), (3, 6), (1, 4), (2, 5), (4, 7), (4, 2), (6, 4), (4, 2),
)  # fmt: skip


def _median3(grey: np.ndarray) -> np.ndarray:
    """Each pixel's 3×3 median, edges repeated (what Pillow's MedianFilter(3) gives):
    whole-array minimum/maximum steps take about a tenth of a second on an A4 page at
    300 dpi, where Pillow's per-pixel rank filter took 1.3 s."""
    padded = np.pad(grey, 1, mode="edge")
    height, width = grey.shape
    values = [padded[dy : dy + height, dx : dx + width] for dy in range(3) for dx in range(3)]
    for low, high in _MEDIAN9:
        values[low], values[high] = (
            np.minimum(values[low], values[high]),
            np.maximum(values[low], values[high]),
        )
    return np.ascontiguousarray(values[4])


def _binarised(image: Image.Image) -> Image.Image:
    """Black ink on white paper, split at Otsu's threshold (the grey level that best
    separates the two), so no grain is left for the layout analysis to chase."""
    counts = np.bincount(np.asarray(image).ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256)
    weight = np.cumsum(counts)
    total = weight[-1]
    mean = np.cumsum(counts * levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight - mean * total) ** 2 / (weight * (total - weight))
    threshold = int(np.nanargmax(between))
    return image.point(lambda value: 255 if value > threshold else 0)


def _skew(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise positive) that makes text lines level:
    the one whose rows of ink are sharpest (largest variance of row sums).

    Each trial angle moves the ink pixels' coordinates, not the picture: turning the
    page by a small angle moves a pixel to the row ``y - (x - cx)·tan(angle)`` (or,
    for a page on its side, to the column ``x + (y - cy)·tan(angle)``), and a histogram
    of those rows is the profile a turned picture would give, without redrawing it
    36 times (that was a third of a page's own CPU time)."""
    small = image.copy()
    small.thumbnail((800, 800))
    ink = np.asarray(small, dtype=np.uint8) < 128
    if ink.mean() < 0.002:
        return 0.0
    rows, cols = np.nonzero(ink)
    # A page lying on its side has its lines running down: profile the columns then.
    if np.var(ink.sum(axis=1)) >= np.var(ink.sum(axis=0)):
        along, across, size, sign = rows, cols - ink.shape[1] / 2, ink.shape[0], -1.0
    else:
        along, across, size, sign = cols, rows - ink.shape[0] / 2, ink.shape[1], 1.0

    def sharpness(angle: float) -> float:
        moved = along + sign * across * math.tan(math.radians(angle))
        low = np.floor(moved)
        share = moved - low  # split between the two rows it falls between, as drawing would
        low_row = low.astype(np.int64)
        keep = (low_row >= 0) & (low_row + 1 < size)
        low_row, share = low_row[keep], share[keep]
        profile = np.bincount(low_row, weights=1.0 - share, minlength=size)
        profile += np.bincount(low_row + 1, weights=share, minlength=size)
        return float(np.var(profile))

    coarse = max(np.arange(-SKEW_RANGE, SKEW_RANGE + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=sharpness)
    return round(float(fine), 2) + 0.0  # never -0.0 in the recorded settings


class _BoxMapper:
    """Maps a box on the straightened image back onto the page as given (fractions).
    Tesseract reports boxes on the image it was handed, whatever turn OSD gave it."""

    def __init__(self, work: tuple[int, int], skew: float) -> None:
        self.work = work
        self.skew = math.radians(skew)

    def to_page(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...]:
        points = [self._point(x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        return (
            _clamp(min(xs)),
            _clamp(min(ys)),
            _clamp(max(xs)),
            _clamp(max(ys)),
        )

    def _point(self, x: float, y: float) -> tuple[float, float]:
        w, h = self.work
        # Undo the deskew: PIL turned the image counter-clockwise by `skew` about its centre.
        cx, cy = w / 2, h / 2
        dx, dy = x - cx, y - cy
        cos, sin = math.cos(self.skew), math.sin(self.skew)
        return (cx + dx * cos - dy * sin) / w, (cy + dx * sin + dy * cos) / h


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, round(value, 5)))
