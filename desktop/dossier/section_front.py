"""The front of a dossier: the cover (title, compiler, extent, source digest) and
the table of contents, whose entries are known before layout (see
:class:`.flowables.PrimedContents`)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table

from . import escape as esc
from . import glyphs, rtl
from .context import Context, section_heading
from .data import DossierData
from .flowables import P, PrimedContents, heading
from .language import _, ngettext, number
from .limits import CELL_LIMIT, HEADING_LIMIT
from .paragraphs import table_style
from .styles import RULE


def format_generated(data: DossierData) -> str:
    """Generation time as printed: "2024-05-01 14:03 UTC" (no seconds, zone if known)."""
    g = data.generated_at
    stamp = g.strftime("%Y-%m-%d %H:%M")
    zone = g.tzname() if g.tzinfo else None
    return f"{stamp} {zone}" if zone else stamp


def section_cover(ctx: Context) -> list[Flowable]:
    d, st = ctx.data, ctx.styles
    n_excerpts = sum(len(doc.excerpts) for doc in d.documents)
    people, organisations = len(d.witnesses), len(d.organisations)
    dates, figures, plates = len(d.chronology), len(d.figures), len(d.plates)
    counts = ", ".join(
        phrase.format(n=number(n))
        for n, phrase in (
            (len(d.documents), ngettext("{n} document", "{n} documents", len(d.documents))),
            (n_excerpts, ngettext("{n} excerpt", "{n} excerpts", n_excerpts)),
            (people, ngettext("{n} person", "{n} persons", people)),
            (organisations, ngettext("{n} organisation", "{n} organisations", organisations)),
            (dates, ngettext("{n} dated event", "{n} dated events", dates)),
            (figures, ngettext("{n} compared figure", "{n} compared figures", figures)),
            (plates, ngettext("{n} plate", "{n} plates", plates)),
        )
    )
    rows = [
        (_("Compiled by"), d.compiler),
        (_("Generated"), format_generated(d)),
        (_("Catalogue"), d.catalogue_name),
        (_("Selection"), d.selection),
        (_("Extent"), counts),
    ]
    table_rows = [
        [P(esc.text(k), st.cell_head), P(esc.lines(esc.shorten(v, CELL_LIMIT)), st.cover_meta)]
        for k, v in rows
        if v
    ]
    table_rows.append(
        [
            P(_("Source digest (SHA-256)"), st.cell_head),
            P(esc.text(ctx.digest), st.cell_mono),
        ]
    )
    out: list[Flowable] = [
        heading(
            d.title, st.title, anchor="cover", outline_level=0, toc_level=None, progress_unit=True
        ),
    ]
    if d.subtitle:
        out.append(P(esc.text(esc.shorten(d.subtitle, 600)), st.subtitle))
    else:
        out.append(Spacer(1, 18))
    out.append(
        Table(
            table_rows,
            colWidths=[ctx.width * 0.27, ctx.width * 0.73],
            hAlign="LEFT",
            style=table_style(
                st,
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ],
            ),
        )
    )
    out.append(Spacer(1, 18))
    out.append(
        P(
            _(
                "Every quotation reproduces the text stored in the catalogue exactly; "
                "omissions are marked […]. Each excerpt carries a pinpoint: the page of a PDF "
                "original or the paragraph number of other originals, and the character range "
                "in the stored text (zero-based, end-exclusive). The appendix lists the SHA-256 "
                "of every original and of this dossier's source data, so each line can be "
                "checked against the files themselves."
            ),
            st.small,
        )
    )
    return out


def section_contents(ctx: Context, entries: list[tuple[int, str, int, str]]) -> list[Flowable]:
    toc = PrimedContents(
        entries,
        levelStyles=list(ctx.styles.toc),
        tableStyle=table_style(
            ctx.styles,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
        dotsMinLevel=0,
        rightColumnWidth=40,
    )
    return [section_heading(ctx, _("Contents"), toc=False), toc]


def toc_entries(data: DossierData) -> list[tuple[int, str, int, str]]:
    """The contents' entries in build order, with page 0 (see :class:`PrimedContents`)."""
    titles = {
        "documents": _("Documents"),
        "witnesses": _("Witness index"),
        "chronology": _("Chronology"),
        "figures": _("Figures compared across sources"),
        "corroboration": _("Corroboration"),
        "plates": _("Plates"),
        "bibliography": _("Bibliography"),
        "fixity": _("Appendix: Sources and fixity"),
    }
    entries: list[tuple[int, str, int, str]] = []
    number = 0
    for name in data.sections:
        if name == "cover":
            continue
        number += 1
        if name == "contents":
            continue
        entries.append((0, esc.text(titles[name]), 0, f"s{number}"))
        if name == "witnesses" and data.organisations:  # its second index
            number += 1
            entries.append((0, esc.text(_("Organisations")), 0, f"s{number}"))
        if name == "documents":
            for n, doc in enumerate(data.documents, start=1):
                short = esc.clean(esc.shorten(doc.short_title, HEADING_LIMIT)).replace("\n", " ")
                shown = glyphs.with_fallback(esc.text(rtl.display(f"[D{n}] {short}")))
                entries.append((1, shown, 0, f"d{n}"))
    return entries


__all__ = ["format_generated", "section_contents", "section_cover", "toc_entries"]
