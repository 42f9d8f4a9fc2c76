"""The state one story build shares between its section builders, and the two
pieces every section starts or ends with (its numbered heading, "nothing here")."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Paragraph

from . import escape as esc
from .cross_refs import Refs
from .data import DossierData
from .flowables import Heading, P, heading
from .styles import Styles


@dataclass
class Context:
    """Shared state of one story build."""

    data: DossierData
    styles: Styles
    refs: Refs
    width: float  # frame width in points
    frame_height: float
    digest: str
    section_number: int = 0
    glyph_notes: tuple[str, ...] = ()  # characters that could not be printed exactly


def section_heading(ctx: Context, title: str, *, toc: bool = True) -> Heading:
    """A section's heading, numbered in build order: its anchor ("s3") is what the
    primed contents (:func:`.section_front.toc_entries`) point at."""
    ctx.section_number += 1
    return heading(
        title,
        ctx.styles.h1,
        anchor=f"s{ctx.section_number}",
        outline_level=0,
        toc_level=0 if toc else None,
        progress_unit=True,
    )


def nothing_note(ctx: Context, what: str) -> Paragraph:
    """The line an empty section prints, so a reader knows it was not left out."""
    return P(esc.text(what), ctx.styles.body)


__all__ = ["Context", "nothing_note", "section_heading"]
