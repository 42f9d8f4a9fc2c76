"""Image plates: what a stored image's header says (size, EXIF orientation) and the
flowable that prints it upright, scaled to the frame, with its captions below.

Images are probed, never decoded, while the story is built; the JPEG bytes are
embedded as stored and turned upright by the drawing matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from reportlab.platypus import Flowable, Paragraph

from .styles import RULE

_EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class ImageInfo:
    """What the plate needs to know about a stored image without decoding it."""

    path: str
    width: int  # pixels as stored
    height: int
    orientation: int  # EXIF orientation 1–8 (1 = as stored)

    @property
    def display_size(self) -> tuple[int, int]:
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height


def probe_image(path: Path | str) -> ImageInfo:
    """Read size and EXIF orientation from the file header (no pixel decoding)."""
    with PILImage.open(path) as im:
        width, height = im.size
        orientation = 1
        try:
            orientation = int(im.getexif().get(_EXIF_ORIENTATION, 1) or 1)
        except (ValueError, TypeError, OSError, SyntaxError):  # malformed EXIF
            orientation = 1
        if orientation not in range(1, 9):
            orientation = 1
    return ImageInfo(str(path), width, height, orientation)


# (a, b, c, d, e, f) in units of the stored width w and height h: maps the stored image
# onto the upright picture, so JPEGs are embedded byte for byte (never re-encoded) and
# still print the right way up.
def _orientation_matrix(o: int, w: float, h: float) -> tuple[float, ...]:
    return {
        1: (1, 0, 0, 1, 0, 0),
        2: (-1, 0, 0, 1, w, 0),
        3: (-1, 0, 0, -1, w, h),
        4: (1, 0, 0, -1, 0, h),
        5: (0, -1, -1, 0, h, w),
        6: (0, -1, 1, 0, 0, w),
        7: (0, 1, 1, 0, 0, 0),
        8: (0, 1, -1, 0, h, 0),
    }[o]


class PlateFigure(Flowable):
    """An image scaled to the space left in the frame (aspect kept), captions below.

    Refuses to squeeze the picture into a page's leftover bottom: below
    ``min_fraction`` of the frame height it asks for the next page instead.
    """

    def __init__(
        self, info: ImageInfo, captions: list[Paragraph], min_fraction: float = 0.45
    ) -> None:
        super().__init__()
        self.info = info
        self.captions = captions
        self.min_fraction = min_fraction
        self._img_w = self._img_h = 0.0
        self._cap_heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._cap_heights = [p.wrap(availWidth, availHeight)[1] for p in self.captions]
        caption_h = sum(self._cap_heights) + 8
        frame_h = self._frame_height(availHeight)
        room = availHeight - caption_h
        dw, dh = self.info.display_size
        scale = min(availWidth / dw, max(room, 1) / dh)
        if room < self.min_fraction * frame_h:
            # Too little room: report a height that does not fit so Platypus moves on.
            self._img_w, self._img_h = dw * scale, dh * scale
            return availWidth, availHeight + 1
        self._img_w, self._img_h = dw * scale, dh * scale
        self.width = availWidth
        self.height = self._img_h + caption_h
        return self.width, self.height

    def _frame_height(self, fallback: float) -> float:
        frame = self._doctemplateAttr("frame")
        return float(getattr(frame, "_height", fallback) or fallback)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        y = self.height - self._img_h
        doc = getattr(canv, "_doctemplate", None)
        draft = bool(getattr(doc, "draft", False))
        x0 = (self.width - self._img_w) / 2
        if not draft:  # the first pass only measures: no need to read megabytes of JPEG
            w, h = self.info.width, self.info.height
            dw, _ = self.info.display_size
            canv.saveState()
            canv.translate(x0, y)
            canv.scale(self._img_w / dw, self._img_w / dw)
            canv.transform(*_orientation_matrix(self.info.orientation, w, h))
            canv.drawImage(self.info.path, 0, 0, w, h, mask="auto")
            canv.restoreState()
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.rect(x0, y, self._img_w, self._img_h)
        canv.restoreState()
        cy = y - 8
        for p, h in zip(self.captions, self._cap_heights, strict=True):
            cy -= h
            p.drawOn(canv, 0, cy)


__all__ = ["ImageInfo", "PlateFigure", "probe_image"]
