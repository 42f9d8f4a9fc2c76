"""Page layout before OCR, without the engine: column gutters, skew, and boxes mapped
back onto the page as given."""

from __future__ import annotations

import pytest
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


def _grainy(image: Image.Image) -> Image.Image:
    import numpy as np

    generator = np.random.default_rng(5)
    pixels = np.asarray(image, dtype=np.float32) + generator.normal(0, 40, image.size[::-1])
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def test_a_grainy_page_is_cleaned_to_black_on_white_and_a_clean_one_is_left() -> None:
    import numpy as np

    from desktop.ingest.ocr_page import _cleaned, _speckled

    letter = page()
    grainy = _grainy(letter)
    assert _speckled(grainy) and not _speckled(letter)
    cleaned = np.asarray(_cleaned(grainy))
    assert set(np.unique(cleaned)) <= {0, 255}
    # The letters survive: ink where the clean page has ink, almost nowhere else.
    ink, truth = cleaned < 128, np.asarray(letter) < 128
    assert (ink & truth).sum() > 0.7 * truth.sum()
    assert (ink & ~truth).sum() < 0.01 * ink.size


def test_a_page_tesseract_cannot_finish_is_skipped_and_recorded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pytesseract

    from desktop.ingest import ocr
    from tests.core.ocr_pages import pdf_bytes

    def too_slow(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(pytesseract, "image_to_data", too_slow)
    result = ocr.ocr_original(pdf_bytes(page()), "application/pdf", ("eng",))
    assert result.words == [] and result.text == ""
    assert result.provenance()["pages_not_read"] == ["page 1: OCR stopped after 180 s on one page"]


def test_skew_of_a_page_lying_on_its_side_and_of_a_slight_tilt() -> None:
    letter = page()
    # On its side (lines run down) and 2° more: its columns are profiled instead.
    assert abs(_skew(letter.rotate(92, expand=True, fillcolor=255)) + 2.0) <= 0.1
    # A tilt smaller than the coarse step is still found to a tenth of a degree or so.
    tilted = letter.rotate(-1.3, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert abs(_skew(tilted) - 1.3) <= 0.15


def test_the_grain_filter_is_pillows_3x3_median_edges_included() -> None:
    import numpy as np
    from PIL import ImageFilter

    from desktop.ingest.ocr_page import _median3

    rng = np.random.default_rng(7)
    for shape in ((1, 1), (1, 6), (3, 3), (17, 40), (64, 33)):
        grey = rng.integers(0, 256, shape, dtype=np.uint8)
        expected = np.asarray(Image.fromarray(grey).filter(ImageFilter.MedianFilter(3)))
        assert np.array_equal(_median3(grey), expected), shape
