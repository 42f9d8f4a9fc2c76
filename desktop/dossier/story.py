"""Turn :class:`DossierData` into a list of ReportLab flowables, one builder per section.

The builders live in ``section_*`` modules (front, documents, indexes, back); this
module checks the section list and runs them in order. Everything that prints
catalogue text goes through :mod:`.escape`; markup literals contain only tags and
generated anchor names. Content ReportLab cannot split across pages (table cells,
headings, captions) is shortened with an explicit "[n more characters]" note, and
long running text is cut into paragraphs of bounded size (:mod:`.limits`), so no
catalogue value can cause a ``LayoutError``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from .context import Context
from .data import SECTION_NAMES
from .flowables import Heading
from .section_back import section_bibliography, section_fixity, section_plates
from .section_corroboration import section_corroboration
from .section_documents import section_documents
from .section_front import section_contents, section_cover, toc_entries
from .section_indexes import section_chronology, section_figures, section_witnesses

SectionBuilder = Callable[[Context], list[Flowable]]


def check_sections(sections: Sequence[str]) -> None:
    """Reject unknown or repeated section names early, with the valid names."""
    unknown = [s for s in sections if s not in SECTION_NAMES]
    if unknown:
        raise ValueError(f"unknown dossier sections {unknown}; valid: {', '.join(SECTION_NAMES)}")
    dupes = {s for s in sections if list(sections).count(s) > 1}
    if dupes:
        raise ValueError(f"dossier sections listed twice: {sorted(dupes)}")
    if not sections:
        raise ValueError("a dossier needs at least one section")


def build_story(ctx: Context) -> tuple[list[Flowable], int]:
    """All flowables in section order, and the number of progress units they contain."""
    builders: dict[str, SectionBuilder] = {
        "cover": section_cover,
        "documents": section_documents,
        "witnesses": section_witnesses,
        "chronology": section_chronology,
        "figures": section_figures,
        "corroboration": section_corroboration,
        "plates": section_plates,
        "bibliography": section_bibliography,
        "fixity": section_fixity,
    }
    story: list[Flowable] = []
    for name in ctx.data.sections:
        if story:
            story.append(PageBreak())
        if name == "contents":
            story += section_contents(ctx, toc_entries(ctx.data))
        else:
            story += builders[name](ctx)
    units = sum(1 for f in _walk(story) if isinstance(f, Heading) and f.progress_unit)
    return story, units


def _walk(flowables: list[Flowable]) -> list[Flowable]:
    out = []
    for f in flowables:
        if isinstance(f, KeepTogether):
            out += _walk(list(f._content))
        else:
            out.append(f)
    return out


__all__ = ["SectionBuilder", "build_story", "check_sections"]
