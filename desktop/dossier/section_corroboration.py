"""The corroboration section: for each event and counted thing, what every source in
the dossier says, disagreements first, each claim as written and linked to its passage.

All catalogue text (labels, event names, quotes, notes, dates) goes through
:mod:`.escape`: ReportLab's Paragraph parses markup, and a quote such as "<b>" or
"&" must print as written.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import escape as esc
from . import limits
from .context import Context, nothing_note, section_heading
from .data import CorroborationRow
from .flowables import P
from .language import N_, _
from .limits import CELL_LIMIT, HEADING_LIMIT, QUOTE_LIMIT
from .paragraphs import kept_with_rows, rows_table

_VERDICT_WORDS = {
    "differ": N_("The sources differ: their claims cannot all be true as written."),
    "agree": N_("The sources agree: their claims can all be true once qualifiers are read."),
    "single source": N_("One source only."),
}


def _claim_rows(ctx: Context, row: CorroborationRow) -> list[list[Flowable | str]]:
    st, refs = ctx.styles, ctx.refs
    lines: list[list[Flowable | str]] = []
    for claim in row.claims:
        source = (
            refs.excerpt_label(claim.excerpt_key)
            if claim.excerpt_key in refs.excerpt_by_key
            else refs.doc_label(claim.document_key, claim.document_key)
        )
        lines.append(
            [
                P(source, st.cell),
                P(
                    esc.text(esc.shorten(claim.published or _("undated"), limits.NAME_CHARS)),
                    st.cell,
                ),
                P(f"<b>{esc.text(esc.shorten(claim.as_written, CELL_LIMIT))}</b>", st.cell),
                P(f"“{esc.text(esc.shorten(claim.quote, QUOTE_LIMIT))}”", st.cell),
            ]
        )
    return lines


def section_corroboration(ctx: Context) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = [section_heading(ctx, _("Corroboration"))]
    if not ctx.data.corroboration:
        return [*out, nothing_note(ctx, _("No figures are compared in this selection."))]
    out.append(
        P(
            _(
                "For each event and counted thing, what every source in this selection says, "
                "in order of publication (undated sources last). Rows where sources differ "
                "come first. No source is preferred over another."
            ),
            st.small,
        )
    )
    w = ctx.width
    for row in ctx.data.corroboration:
        heading = row.label + (f" — {row.event}" if row.event else "")
        block: list[Flowable] = [P(esc.text(esc.shorten(heading, HEADING_LIMIT)), st.h2)]
        block.append(P(esc.text(_(_VERDICT_WORDS.get(row.verdict, row.verdict))), st.body))
        block += [P(esc.text(esc.shorten(note, CELL_LIMIT)), st.small) for note in row.notes]
        table = rows_table(
            [_("Source"), _("Published"), _("As written"), _("Quote")],
            _claim_rows(ctx, row),
            [w * 0.38, w * 0.16, w * 0.16, w * 0.30],
            st,
        )
        out += kept_with_rows(block, table, w)
    return out


__all__ = ["section_corroboration"]
