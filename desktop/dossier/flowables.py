"""The dossier's own flowables: paragraphs that remember their line breaking and set
right-to-left text, headings that feed the outline and contents, the primed table of
contents and the page counter that keeps layout passes going until "page X of Y" is
right.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from . import escape as esc
from . import glyphs, lines, markers, rtl
from .limits import HEADING_LIMIT


class P(Paragraph):
    """A Paragraph that remembers its line breaking per width.

    Layout runs in two passes and ReportLab re-breaks a paragraph every time anything
    measures it (frames, tables, keep-together groups): several times per pass. The
    result depends only on the width, so it is kept and reused, which roughly halves
    the time of a long dossier. Pieces made by ``split`` are new objects and break
    their own lines.
    """

    _STATE = ("blPara", "width", "height", "_wrapWidths", "_width_max")

    _catena_base: int | None = None  # direction of the whole paragraph (see .lines)

    def __init__(self, text: object, *args: object, **kwargs: object) -> None:
        # Every paragraph gets fonts for the characters the base family lacks.
        if isinstance(text, str):
            style = args[0] if args else kwargs.get("style")
            bold = glyphs.is_bold(str(getattr(style, "fontName", "")))
            self._catena_base = glyphs.direction(text)
            text = glyphs.with_fallback(text, bold=bold)
        super().__init__(text, *args, **kwargs)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for part in parts:  # the tail of a right-to-left paragraph stays right-to-left
            part._catena_base = self._catena_base
        return parts

    def drawPara(self, debug: int = 0) -> None:
        with lines.visual(self, self._catena_base), markers.drawn_after(self.canv):
            super().drawPara(debug)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cache = self.__dict__.get("_catena_wrap")
        if cache is not None and cache[0] == availWidth:
            for name, value in zip(self._STATE, cache[1:], strict=True):
                if value is not _MISSING:
                    setattr(self, name, value)
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        if availWidth >= 1:  # ReportLab's "cannot fit" answer is not worth keeping
            self._catena_wrap = (availWidth, *(getattr(self, n, _MISSING) for n in self._STATE))
        return result


_MISSING = object()


class Heading(P):
    """A heading that registers itself in the outline and (optionally) the contents.

    The doc template's ``afterFlowable`` reads these attributes; they are plain text
    (outline) and escaped markup (contents), both produced here from catalogue text.
    """

    def __init__(
        self,
        text: str,
        style: object = None,
        *args: object,
        plain: str = "",
        anchor: str | None = None,
        outline_level: int | None = None,
        toc_level: int | None = None,
        toc_markup: str | None = None,
        progress_unit: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.plain = plain
        self.anchor = anchor
        self.outline_level = outline_level
        self.toc_level = toc_level
        self.toc_markup = toc_markup
        self.progress_unit = progress_unit


def heading(
    title: str,
    style: object,
    *,
    anchor: str,
    outline_level: int | None,
    toc_level: int | None,
    prefix: str = "",
    progress_unit: bool = False,
) -> Heading:
    """Build a :class:`Heading` from catalogue text; ``prefix`` is renderer text."""
    short = esc.clean(esc.shorten(title, HEADING_LIMIT)).replace("\n", " ")
    markup = esc.text(prefix + short)
    return Heading(
        f'<a name="{anchor}"/>{markup}',
        style,
        plain=esc.shorten(prefix + short, 180),
        anchor=anchor,
        outline_level=outline_level,
        toc_level=toc_level,
        toc_markup=glyphs.with_fallback(esc.text(rtl.display(prefix + short))),
        progress_unit=progress_unit,
    )


class PrimedContents(TableOfContents):
    """A table of contents that knows its entries before the first pass.

    The titles are known from the data; only page numbers are not. Priming the entries
    (with page 0) gives the first pass a contents of its final size, so page numbers
    settle in two passes instead of three.
    """

    def __init__(self, entries: Sequence[tuple[int, str, int, str]], **kw: object) -> None:
        super().__init__(**kw)
        self._entries = list(entries)


class PageCount(Flowable):
    """Zero-size indexing flowable that keeps passes going until the page count is stable.

    The footer prints "page X of Y" with Y from the previous pass; the build is only
    accepted when that Y equals this pass's count, so the final PDF is always right.
    """

    _ZEROSIZE = 1

    def __init__(self) -> None:
        super().__init__()
        self.count: int | None = None
        self.last: int | None = None

    def isIndexing(self) -> int:
        return 1

    def beforeBuild(self) -> None:
        self.last, self.count = self.count, None

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self.count is not None and self.count == self.last

    def notify(self, kind: str, stuff: object) -> None:
        pass

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


__all__ = ["Heading", "P", "PageCount", "PrimedContents", "heading"]
