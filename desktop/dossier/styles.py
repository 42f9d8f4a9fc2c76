"""Paragraph styles and the tag highlight scheme.

Dossiers are printed, photocopied and faxed in greyscale, so each tag kind is told
apart by something that survives without colour: an underline style (single, double,
thick, thin) and a small letter drawn above the span's end (:mod:`.markers`; drawn,
not typed, so copied quotations stay exact). The colour tint is only an aid on
screen. The legend printed at the head of the documents section is built from the
same table, so the key and the marks cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from .fonts import FontSet
from .language import N_

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
LINK = colors.HexColor("#1f4e8c")
SHADE = colors.HexColor("#f0f0f0")


def hex_color(color: colors.Color) -> str:
    """A colour as "#rrggbb" for markup attributes."""
    return "#" + color.hexval()[2:]


@dataclass(frozen=True)
class TagStyle:
    """How one tag kind is marked in excerpts, and how the legend names it."""

    label: str
    marker: str  # letter drawn above the end of the span (greyscale cue)
    tint: str  # background colour (screen cue)
    underline: str  # attributes of <u> (greyscale cue), literal markup
    described: str  # the legend's words for the underline


TAG_STYLES: dict[str, TagStyle] = {
    "person": TagStyle(N_("Person"), "P", "#d6e4f5", 'width="0.7"', N_("single underline")),
    "organisation": TagStyle(
        N_("Organisation"),
        "O",
        "#e6dcf2",
        'width="0.7" kind="double" gap="0.8"',
        N_("double underline"),
    ),
    "date": TagStyle(
        N_("Date"),
        "D",
        "#f8e3c0",
        'width="0.4" kind="double" gap="0.8"',
        N_("thin double underline"),
    ),
    "figure": TagStyle(N_("Figure"), "F", "#d3efd6", 'width="1.6"', N_("thick underline")),
    "place": TagStyle(N_("Place"), "L", "#f3d9d9", 'width="0.4"', N_("thin underline")),
}
OTHER_TAG = TagStyle(N_("Other tag"), "*", "#e4e4e4", 'width="0.4"', N_("thin underline"))


def tag_style(kind: str) -> TagStyle:
    """Style for a tag kind; unknown kinds share a neutral style labelled by the kind."""
    known = TAG_STYLES.get(kind.lower())
    if known is not None:
        return known
    return TagStyle(
        kind.strip() or OTHER_TAG.label,
        OTHER_TAG.marker,
        OTHER_TAG.tint,
        OTHER_TAG.underline,
        OTHER_TAG.described,
    )


@dataclass(frozen=True)
class Styles:
    """All paragraph styles of a dossier, derived from the resolved font set."""

    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_mono: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    citation: ParagraphStyle
    quote: ParagraphStyle
    quote_cont: ParagraphStyle
    pinpoint: ParagraphStyle
    caption: ParagraphStyle
    hanging: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    centered_note: ParagraphStyle


def make_styles(fonts: FontSet) -> Styles:
    """Build the style sheet; called once per render with the chosen fonts."""
    base = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=9.5,
        leading=13,
        textColor=INK,
        spaceAfter=4,
        splitLongWords=1,
        alignment=TA_LEFT,
        linkUnderline=0,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    heading = {"fontName": fonts.bold, "keepWithNext": 1, "textColor": INK}
    return Styles(
        body=base,
        small=derive("small", fontSize=8, leading=10.5, textColor=MUTED),
        cell=derive("cell", fontSize=8.5, leading=11, spaceAfter=0),
        cell_head=derive("cell_head", fontSize=8.5, leading=11, spaceAfter=0, fontName=fonts.bold),
        cell_mono=derive("cell_mono", fontSize=7.6, leading=10, spaceAfter=0),
        title=derive(
            "title", fontName=fonts.bold, fontSize=24, leading=30, spaceAfter=10, alignment=TA_LEFT
        ),
        subtitle=derive("subtitle", fontName=fonts.italic, fontSize=14, leading=19, spaceAfter=24),
        cover_meta=derive("cover_meta", fontSize=10, leading=14, spaceAfter=0),
        h1=derive("h1", fontSize=17, leading=22, spaceBefore=0, spaceAfter=10, **heading),
        h2=derive("h2", fontSize=12.5, leading=16, spaceBefore=14, spaceAfter=5, **heading),
        h3=derive("h3", fontSize=10, leading=13, spaceBefore=8, spaceAfter=3, **heading),
        citation=derive("citation", fontSize=10, leading=14, spaceAfter=6),
        quote=derive(
            "quote",
            leftIndent=14,
            rightIndent=6,
            fontSize=9.5,
            leading=16,  # room for underlines and the markers drawn above the line
            spaceAfter=2,
            borderPadding=(0, 0, 0, 0),
        ),
        quote_cont=derive("quote_cont", leftIndent=14, rightIndent=6, leading=16, spaceAfter=0),
        pinpoint=derive(
            "pinpoint",
            fontName=fonts.bold,
            fontSize=8.5,
            leading=11,
            spaceBefore=6,
            spaceAfter=2,
            textColor=MUTED,
            keepWithNext=1,
        ),
        caption=derive("caption", fontSize=9, leading=12, spaceAfter=2),
        hanging=derive("hanging", leftIndent=18, firstLineIndent=-18, spaceAfter=5),
        toc=(
            derive(
                "toc0",
                fontName=fonts.bold,
                fontSize=10.5,
                leading=14,
                spaceBefore=5,
                rightIndent=40,
                spaceAfter=0,
            ),
            derive(
                "toc1",
                fontSize=9,
                leading=12,
                leftIndent=16,
                rightIndent=40,
                spaceAfter=0,
            ),
        ),
        centered_note=derive("centered_note", alignment=TA_CENTER, textColor=MUTED),
    )


__all__ = [
    "INK",
    "LINK",
    "MUTED",
    "OTHER_TAG",
    "RULE",
    "SHADE",
    "TAG_STYLES",
    "Styles",
    "TagStyle",
    "hex_color",
    "make_styles",
    "tag_style",
]
