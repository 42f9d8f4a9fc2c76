"""Draw Catena's icon and write every format the installers need.

    .venv/bin/python packaging/make_icons.py            # rewrite resources/icons/
    .venv/bin/python packaging/make_icons.py --check    # fail if the files are stale

The icon is a paper document with two interlocked chain links (the *catena*) across it,
on an ink-blue tile. Pillow cannot render SVG, so the drawing is defined once, here, as a
list of simple shapes on a 1024 x 1024 canvas; this script writes those shapes both as
``catena.svg`` and with Pillow's ImageDraw (drawn 4x larger and reduced, because
ImageDraw does not anti-alias), so the SVG and the bitmaps show the same picture.
Edit the shapes below, never the generated files.

Writes to resources/icons/ (committed: the PyInstaller spec and the Linux package use
them):

- ``catena.svg``                       scalable icon (Linux hicolor/scalable)
- ``catena.png``                       512 px, the window icon
- ``png/catena-{16..512}.png``         Linux hicolor sizes
- ``catena.ico``                       Windows (16-256 px)
- ``catena.icns``                      macOS (16-1024 px)
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
CANVAS = 1024
SUPERSAMPLE = 4
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

INK = "#1F3A5F"
PAPER = "#F7F3E8"
FOLD = "#D5CCB4"
LINE = "#8C99A8"
CHAIN = "#E3A21A"


@dataclass(frozen=True)
class RoundRect:
    """A rounded rectangle by its outer box; filled, or outlined *inside* the box."""

    box: tuple[int, int, int, int]
    radius: int
    fill: str | None = None
    outline: str | None = None
    width: int = 0
    clip: tuple[int, int, int, int] | None = None  # draw only inside this box


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[int, int], ...]
    fill: str


Shape = RoundRect | Polygon


def _link(x0: int, clip: tuple[int, int, int, int] | None = None) -> list[Shape]:
    """One chain link (a stadium outline) with an ink halo that makes the overlaps read."""
    y0, x1, y1, width, halo = 584, x0 + 372, 792, 60, 18
    return [
        RoundRect(
            (x0 - halo, y0 - halo, x1 + halo, y1 + halo),
            (y1 - y0) // 2 + halo,
            outline=INK,
            width=width + 2 * halo,
            clip=clip,
        ),
        RoundRect((x0, y0, x1, y1), (y1 - y0) // 2, outline=CHAIN, width=width, clip=clip),
    ]


def shapes() -> list[Shape]:
    doc = (300, 176, 724, 848)
    fold = 132
    drawing: list[Shape] = [
        RoundRect((96, 96, 928, 928), 188, fill=INK),  # the tile (macOS grid: 832 of 1024)
        Polygon(
            (
                (doc[0], doc[1]),
                (doc[2] - fold, doc[1]),
                (doc[2], doc[1] + fold),
                (doc[2], doc[3]),
                (doc[0], doc[3]),
            ),
            fill=PAPER,
        ),
        Polygon(
            ((doc[2] - fold, doc[1]), (doc[2] - fold, doc[1] + fold), (doc[2], doc[1] + fold)),
            fill=FOLD,
        ),
    ]
    for y, right in ((300, 540), (376, 664), (452, 664), (528, 600)):
        drawing.append(RoundRect((364, y, right, y + 32), 16, fill=LINE))
    # The links' end arcs are 56 px apart (less than twice the 44 px inner radius), so
    # each end lies in the other link's hole and the strokes cross at distinct points.
    left, right = 216, 436
    drawing += _link(left)
    drawing += _link(right)
    # Interlock: the left link passes over the right one above the centre line and
    # under it below (the clip edges fall where only one link is drawn).
    drawing += _link(left, clip=(420, 540, 610, 688))
    return drawing


# --- SVG -----------------------------------------------------------------------------


def _svg_rect(shape: RoundRect, clip_id: str | None) -> str:
    x0, y0, x1, y1 = shape.box
    clip = f' clip-path="url(#{clip_id})"' if clip_id else ""
    if shape.fill:
        return (
            f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" '
            f'rx="{shape.radius}" fill="{shape.fill}"{clip}/>'
        )
    # SVG strokes are centred on the path; Pillow outlines lie inside the box.
    half = shape.width / 2
    return (
        f'  <rect x="{x0 + half:g}" y="{y0 + half:g}" width="{x1 - x0 - shape.width}" '
        f'height="{y1 - y0 - shape.width}" rx="{shape.radius - half:g}" fill="none" '
        f'stroke="{shape.outline}" stroke-width="{shape.width}"{clip}/>'
    )


def to_svg(drawing: list[Shape]) -> str:
    defs: list[str] = []
    body: list[str] = []
    clip_ids: dict[tuple[int, int, int, int], str] = {}
    for shape in drawing:
        if isinstance(shape, Polygon):
            points = " ".join(f"{x},{y}" for x, y in shape.points)
            body.append(f'  <polygon points="{points}" fill="{shape.fill}"/>')
            continue
        clip_id = None
        if shape.clip is not None:
            clip_id = clip_ids.setdefault(shape.clip, f"clip{len(clip_ids) + 1}")
            if len(defs) < len(clip_ids):
                cx0, cy0, cx1, cy1 = shape.clip
                defs.append(
                    f'    <clipPath id="{clip_id}"><rect x="{cx0}" y="{cy0}" '
                    f'width="{cx1 - cx0}" height="{cy1 - cy0}"/></clipPath>'
                )
        body.append(_svg_rect(shape, clip_id))
    return "\n".join(
        [
            '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" '
            'viewBox="0 0 1024 1024">',
            "  <!-- Generated by packaging/make_icons.py from the same shapes as the PNG,",
            "       ICO and ICNS files. Edit the script, not this file. -->",
            "  <title>Catena</title>",
            "  <defs>",
            *defs,
            "  </defs>",
            *body,
            "</svg>",
            "",
        ]
    )


# --- raster --------------------------------------------------------------------------


def _scaled(box: tuple[int, int, int, int], k: int) -> tuple[int, int, int, int]:
    return (box[0] * k, box[1] * k, box[2] * k - 1, box[3] * k - 1)


def render(drawing: list[Shape], size: int = CANVAS) -> Image.Image:
    """The drawing as an RGBA image of *size* px (drawn larger, then reduced)."""
    k = SUPERSAMPLE
    image = Image.new("RGBA", (CANVAS * k, CANVAS * k), (0, 0, 0, 0))
    for shape in drawing:
        layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
        pen = ImageDraw.Draw(layer)
        if isinstance(shape, Polygon):
            pen.polygon([(x * k, y * k) for x, y in shape.points], fill=shape.fill)
        else:
            pen.rounded_rectangle(
                _scaled(shape.box, k),
                radius=shape.radius * k,
                fill=shape.fill,
                outline=shape.outline,
                width=shape.width * k,
            )
        if isinstance(shape, RoundRect) and shape.clip is not None:
            mask = Image.new("L", image.size, 0)
            ImageDraw.Draw(mask).rectangle(_scaled(shape.clip, k), fill=255)
            clipped = Image.new("RGBA", image.size, (0, 0, 0, 0))
            clipped.paste(layer, (0, 0), mask)
            layer = clipped
        image.alpha_composite(layer)
    master = image.resize((CANVAS, CANVAS), Image.Resampling.LANCZOS)
    return master if size == CANVAS else master.resize((size, size), Image.Resampling.LANCZOS)


def outputs() -> dict[str, bytes]:
    """Every generated file, by path relative to resources/icons."""
    drawing = shapes()
    master = render(drawing)
    files: dict[str, bytes] = {"catena.svg": to_svg(drawing).encode("utf-8")}

    def png(image: Image.Image) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()

    sized = {size: master.resize((size, size), Image.Resampling.LANCZOS) for size in PNG_SIZES}
    for size, image in sized.items():
        files[f"png/catena-{size}.png"] = png(image)
    files["catena.png"] = files["png/catena-512.png"]
    buffer = io.BytesIO()
    sized[256].save(
        buffer,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[sized[s] for s in ICO_SIZES if s != 256],
    )
    files["catena.ico"] = buffer.getvalue()
    buffer = io.BytesIO()
    master.save(buffer, format="ICNS")
    files["catena.icns"] = buffer.getvalue()
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="only check that resources/icons holds every generated file and the SVG is current",
    )
    args = parser.parse_args(argv)
    files = outputs()
    if args.check:
        missing = [name for name in files if not (ICONS / name).is_file()]
        stale = (ICONS / "catena.svg").is_file() and (ICONS / "catena.svg").read_bytes() != files[
            "catena.svg"
        ]
        for name in missing:
            print(f"missing: resources/icons/{name}", file=sys.stderr)
        if stale:
            print("stale: resources/icons/catena.svg", file=sys.stderr)
        if missing or stale:
            print("run: .venv/bin/python packaging/make_icons.py", file=sys.stderr)
            return 1
        print(f"resources/icons: {len(files)} generated files present, SVG current")
        return 0
    for name, data in files.items():
        target = ICONS / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote resources/icons/{name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
