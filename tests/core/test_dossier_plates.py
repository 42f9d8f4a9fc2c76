"""Image plates: EXIF orientation applied by the drawing matrix (never by re-encoding),
and a notice in place of an image that cannot be read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from desktop.dossier.data import DossierData, Plate
from desktop.dossier.plates import probe_image
from desktop.dossier.render import render

from .test_dossier_render import all_text, image_xobjects
from .test_dossier_render_sample import GENERATED, make_photo


def test_exif_orientation_is_applied_without_reencoding(tmp_path: Path) -> None:
    upright = make_photo(tmp_path / "upright.jpg", (800, 500), orientation=1)
    turned = make_photo(tmp_path / "turned.jpg", (800, 500), orientation=6)
    assert probe_image(upright).display_size == (800, 500)
    assert probe_image(turned).display_size == (500, 800)
    data = DossierData(
        title="Plates",
        compiler="T",
        generated_at=GENERATED,
        sections=("plates",),
        plates=(Plate(turned, "Rotated by EXIF"),),
    )
    pdf = render(data)
    (img,) = image_xobjects(pdf).values()
    assert img.get_data() == turned.read_bytes()


def test_unreadable_image_prints_a_notice(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    data = DossierData(
        title="P",
        compiler="C",
        generated_at=GENERATED,
        sections=("plates",),
        plates=(Plate(broken, "Broken scan"), Plate(tmp_path / "missing.png", "Missing")),
    )
    text = all_text(render(data))
    assert "Image could not be read: broken.jpg" in text
    assert "Image could not be read: missing.png" in text


@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_matrix_matches_exif_transpose(orientation: int) -> None:
    """The drawing transform puts every stored pixel where EXIF says it belongs."""
    from PIL import ImageOps

    from desktop.dossier.plates import _orientation_matrix

    upright = Image.new("RGB", (60, 40), "white")
    upright.putpixel((5, 3), (255, 0, 0))  # a marker near the top-left corner
    inverse = {
        1: None,
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_90,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_270,
    }[orientation]
    stored = upright if inverse is None else upright.transpose(inverse)
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    stored.save(buf, "PNG", exif=exif.tobytes())
    assert ImageOps.exif_transpose(Image.open(buf)).getpixel((5, 3)) == (255, 0, 0)

    ((u, v),) = [
        (x, y)
        for x in range(stored.width)
        for y in range(stored.height)
        if stored.getpixel((x, y)) == (255, 0, 0)
    ]
    w, h = stored.size
    a, b, c, d, e, f = _orientation_matrix(orientation, w, h)
    x, y = u + 0.5, h - (v + 0.5)  # pixel centre in PDF image space (y up)
    xd, yd = a * x + c * y + e, b * x + d * y + f
    assert (round(xd - 0.5), round(upright.height - yd - 0.5)) == (5, 3)
