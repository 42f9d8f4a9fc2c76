"""Page layout before OCR, without the engine: column gutters, skew, and boxes mapped
back onto the page as given."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from desktop.ingest.ocr_page import _BoxMapper, _columns, _skew
from tests.core.ocr_pages import FONT, page


def _two_columns() -> Image.Image:
    font = ImageFont.truetype(str(FONT), 40)
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    for number in range(6):
        y = 300 + number * 64
        draw.text((220, y), "left column words here", font=font, fill=0)
        draw.text((1330, y), "right column words too", font=font, fill=0)
    return image


def test_a_gutter_splits_the_page_into_two_columns() -> None:
    [(left_start, cut), (cut_again, right_end)] = _columns(_two_columns())
    assert (left_start, right_end) == (0, 2480) and cut == cut_again
    assert 900 < cut < 1330  # in the gutter, not through a column


def test_a_letter_and_a_page_on_its_side_are_not_split() -> None:
    letter = page()
    assert _columns(letter) == [(0, 2480)]
    assert _columns(letter.rotate(90, expand=True)) == [(0, 3508)]
    assert _columns(Image.new("L", (800, 600), 255)) == [(0, 800)]


def test_skew_is_found_and_boxes_map_back_onto_the_page_as_given() -> None:
    letter = page()
    turned = letter.rotate(3, resample=Image.Resampling.BICUBIC, fillcolor=255)
    skew = _skew(turned)
    assert -3.3 < skew < -2.7  # straightening turns it back by about 3 degrees
    assert _skew(letter) == 0
    mapper = _BoxMapper(turned.size, skew)
    # The centre stays put; a point right of it moves up on the page as given (the page
    # was turned counter-clockwise), by tan(3°) of its distance.
    assert mapper.to_page(1240, 1754, 1240, 1754)[:2] == (0.5, 0.5)
    left, top, _right, _bottom = mapper.to_page(2240, 1754, 2240, 1754)
    assert abs(top * 3508 - (1754 - 1000 * 0.0524)) < 3
    assert abs(left * 2480 - 2240) < 3
