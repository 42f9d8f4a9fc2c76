"""Tag styles: suggested and accepted differ without colour, and stay visible on
light and dark palettes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from desktop.ui.highlight import KINDS, contrast, legible, over, tag_format

PALETTES = {
    "light": (QColor(255, 255, 255), QColor(0, 0, 0)),
    "dark": (QColor(30, 30, 30), QColor(230, 230, 230)),
}


def _shape(kind: str, status: str) -> tuple[object, ...]:
    """Everything about a tag's look except its colours."""
    fmt = tag_format(kind, status)
    return (fmt.underlineStyle(), fmt.fontOverline(), fmt.background().style())


@pytest.mark.parametrize("kind", list(KINDS))
def test_suggested_and_accepted_differ_without_colour(kind: str) -> None:
    assert _shape(kind, "suggested") != _shape(kind, "accepted")
    assert tag_format(kind, "suggested").fontOverline()
    assert not tag_format(kind, "accepted").fontOverline()


def test_kinds_differ_without_colour() -> None:
    for status in ("suggested", "accepted"):
        shapes = {_shape(kind, status) for kind in KINDS}
        assert len(shapes) == len(KINDS)


@pytest.mark.parametrize("palette", list(PALETTES))
@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("status", ["suggested", "accepted", "current"])
def test_marks_and_text_keep_their_contrast(palette: str, kind: str, status: str) -> None:
    base, text = PALETTES[palette]
    fmt = tag_format(
        kind, "accepted" if status == "current" else status, current=status == "current", base=base
    )
    assert contrast(fmt.underlineColor(), base) >= 3.0  # lines seen against the page
    seen = over(fmt.background().color(), base)
    assert contrast(text, seen) >= 4.5  # and the words over the tint still read


def test_the_old_person_suggestion_was_too_faint_and_legible_fixes_it() -> None:
    white = QColor(255, 255, 255)
    old_line = QColor(KINDS["mention"].colour)
    old_line.setAlpha(200)  # how a suggested person was drawn before issue 19
    assert contrast(over(old_line, white), white) < 3.0
    new = tag_format("mention", "suggested", base=white)
    assert contrast(new.underlineColor(), white) >= 3.0
    assert contrast(legible(QColor(240, 228, 66), white), white) >= 3.0  # even yellow
