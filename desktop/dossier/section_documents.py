"""The documents section: the key to excerpt marks, then each document with its
citation, metadata, excerpts (pinpointed and marked) and notes."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from . import escape as esc
from .context import Context, nothing_note, section_heading
from .cross_refs import pinpoint_text
from .data import DocumentEntry
from .excerpts import excerpt_flowables, tag_marker
from .flowables import P, heading
from .language import _
from .limits import CELL_LIMIT
from .paragraphs import citation_markup, running_text, table_style
from .scan_crops import crop_flowables
from .styles import RULE, TagStyle, tag_style


def section_documents(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [section_heading(ctx, _("Documents"))]
    if not ctx.data.documents:
        return [*out, nothing_note(ctx, _("No documents in this selection."))]
    out += legend(ctx)
    for n, doc in enumerate(ctx.data.documents, start=1):
        out += document_block(ctx, n, doc)
    return out


def document_block(ctx: Context, n: int, doc: DocumentEntry) -> list[Flowable]:
    """One document: heading, citation, metadata, excerpts with pinpoints, notes.

    The head is kept on the same page as the start of the first excerpt, so a page
    never ends on a document's title and metadata alone.
    """
    st, refs = ctx.styles, ctx.refs
    head: list[Flowable] = [
        heading(
            doc.short_title,
            st.h2,
            prefix=f"[D{n}] ",
            anchor=refs.doc_anchor(n),
            outline_level=1,
            toc_level=1,
            progress_unit=True,
        )
    ]
    if doc.citation:
        head.append(P(citation_markup(doc.citation), st.citation))
    meta = [
        (_("Reference code"), doc.reference_code),
        (_("Type"), doc.doc_type),
        (_("Publisher"), doc.publisher),
        (_("Date"), doc.date),
        (_("Dateline"), doc.dateline),
        ("URL", doc.url),
    ]
    rows = [
        [P(k, st.cell_head), P(esc.text(esc.shorten(v, CELL_LIMIT)), st.cell)] for k, v in meta if v
    ]
    if rows:
        head.append(
            Table(
                rows,
                colWidths=[ctx.width * 0.2, ctx.width * 0.8],
                hAlign="LEFT",
                style=table_style(
                    st,
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ],
                ),
            )
        )
    body: list[Flowable] = []
    for i, ex in enumerate(doc.excerpts, start=1):
        anchor = refs.excerpt_anchor.get(ex.key)
        name = f'<a name="{anchor}"/>' if anchor and refs.excerpt_by_key[ex.key][2] is ex else ""
        excerpt = _("Excerpt {n}").format(n=i)
        body.append(P(f"{name}{excerpt} · {esc.text(pinpoint_text(ex.pinpoint))}", st.pinpoint))
        if ex.crops:  # a scan: the page region first, then its OCR transcription
            body += crop_flowables(ex.crops, st, ctx.width)
            body.append(P(_("OCR text of this region:"), st.small))
        body += excerpt_flowables(ex, st)
        if ex.note:
            body += running_text(_("Note: {note}").format(note=ex.note), st.small)
    if doc.notes:
        body.append(P(_("Notes"), st.h3))
        for note in doc.notes:
            body += running_text(note, st.body)
    keep = 2 if doc.excerpts else 0  # pinpoint line + first paragraph of the quote
    return [
        CondPageBreak(90),
        KeepTogether(head + body[:keep]),
        *body[keep:],
        Spacer(1, 10),
    ]


def legend(ctx: Context) -> list[Flowable]:
    """Key to the excerpt marks, for the tag kinds that occur in this dossier."""
    st = ctx.styles
    seen_styles: dict[str, TagStyle] = {}
    for doc in ctx.data.documents:
        for ex in doc.excerpts:
            for s in ex.spans:
                ts = tag_style(s.kind)
                seen_styles.setdefault(ts.label, ts)
    if not seen_styles:
        return []
    cells = []
    for ts in seen_styles.values():
        sample = (
            f'<span backColor="{ts.tint}"><u {ts.underline}>{esc.text(_(ts.label))}</u></span>'
            f"{tag_marker(ts.marker)}"
        )
        cells.append(P(f"{sample}&nbsp; {esc.text(_(ts.described))}", st.cell))
    per_row = 3
    grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    for row in grid:
        row += [P("", st.cell)] * (per_row - len(row))
    return [
        P(
            _(
                "Key to marks in excerpts. Tagged words are underlined and carry a small letter "
                "above their end naming the kind of tag, so the marks survive greyscale printing; "
                "the tint is an aid on screen only. The letters are drawn, not typed: text copied "
                "from a quotation is exactly the stored text."
            ),
            st.small,
        ),
        Table(
            grid,
            colWidths=[ctx.width / per_row] * per_row,
            hAlign="LEFT",
            style=table_style(
                st,
                [
                    ("BOX", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ],
            ),
        ),
        Spacer(1, 8),
    ]


__all__ = ["document_block", "legend", "section_documents"]
