"""The index sections, each leading back to the excerpts: the witness index (persons
and their passages, then organisations in their own index), the chronology (accepted
event dates, each with every source giving it) and the figures compared across
sources, disagreements first."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from db.date_words import in_words

from . import escape as esc
from . import limits
from .context import Context, nothing_note, section_heading
from .data import ChronologyEntry, FigureComparison, Witness
from .figure_wording import describe_agreement, figure_text, sources_differ
from .flowables import P
from .language import _, current_language
from .limits import CELL_LIMIT, HEADING_LIMIT, QUOTE_LIMIT
from .paragraphs import kept_with_rows, rows_table
from .styles import MUTED, hex_color


def section_witnesses(ctx: Context) -> list[Flowable]:
    """The witness index (persons only), then the organisations' own index, if any.

    Organisations are not witnesses: listing "Armenian Army" or "General Assembly"
    among the people who saw or said something misleads a reader of the index.
    """
    out: list[Flowable] = [section_heading(ctx, _("Witness index"))]
    if ctx.data.witnesses:
        out += _name_index(ctx, ctx.data.witnesses)
    else:
        out.append(nothing_note(ctx, _("No persons are tagged in this selection.")))
    if ctx.data.organisations:
        out += [CondPageBreak(ctx.frame_height / 4), Spacer(1, 12)]
        out.append(section_heading(ctx, _("Organisations")))
        out += _name_index(ctx, ctx.data.organisations)
    return out


def _name_index(ctx: Context, names: Sequence[Witness]) -> list[Flowable]:
    """Each name with its roles, other spellings and the passages naming it."""
    st, refs = ctx.styles, ctx.refs
    out: list[Flowable] = []
    for w in names:
        head = f"<b>{esc.text(esc.shorten(w.name, HEADING_LIMIT))}</b>"
        if w.roles:
            head += f" — {esc.text(esc.shorten(', '.join(w.roles), limits.NAME_CHARS))}"
        block: list[Flowable] = [P(head, st.h3)]
        if w.variants:
            block.append(
                P(
                    _("Also written: {names}").format(
                        names="; ".join(
                            f"<i>{esc.text(esc.shorten(v, limits.NAME_CHARS))}</i>"
                            for v in w.variants
                        )
                    ),
                    st.small,
                )
            )
        if w.description:
            block.append(P(esc.text(esc.shorten(w.description, CELL_LIMIT)), st.small))
        if not w.passages:
            block.append(P(_("No passages in this dossier."), st.small))
        items = []
        for p in w.passages:
            line = "→ " + refs.excerpt_label(p.excerpt_key)
            if p.role:
                line += f" ({esc.text(esc.shorten(p.role, limits.NAME_CHARS))})"
            if p.quote:
                line += f" — “{esc.text(esc.shorten(p.quote, QUOTE_LIMIT))}”"
            items.append(P(line, st.hanging))
        # Keep the name with its first passages; longer lists flow on.
        out.append(KeepTogether(block + items[:2]))
        out += items[2:]
    return out


def _sources_markup(ctx: Context, entry: ChronologyEntry) -> str:
    """Every source of a chronology row, one a line: the (linked) passage, the
    document's publication date and the date as it wrote it — all escaped."""
    if not entry.sources:
        return ctx.refs.excerpt_label(entry.excerpt_key, entry.source)
    lines = []
    for s in entry.sources:
        line = ctx.refs.excerpt_label(s.excerpt_key, s.source)
        if s.published:  # EDTF as stored; printed in words like every date
            line += f" ({esc.text(esc.shorten(in_words(s.published, current_language()), 60))})"
        if s.quote:
            line += (
                f'<br/><font size="7.5" color="{hex_color(MUTED)}">'
                f"“{esc.text(esc.shorten(s.quote, QUOTE_LIMIT))}”</font>"
            )
        lines.append(line)
    return "<br/>".join(lines)


def section_chronology(ctx: Context) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = [section_heading(ctx, _("Chronology"))]
    if not ctx.data.chronology:
        return [*out, nothing_note(ctx, _("No dates are accepted in this selection."))]
    rows = []
    for e in ctx.data.chronology:
        said = e.readable or in_words(e.edtf, current_language())
        rows.append(
            [
                # The date in words only: the EDTF code is for machines (the JSON
                # export and `catena chronology --json` keep it), not for readers.
                P(
                    f"<b>{esc.text(esc.shorten(said, 200))}</b>",
                    st.cell,
                ),
                P(esc.text(esc.shorten(e.what or "", CELL_LIMIT)), st.cell),
                P(_sources_markup(ctx, e), st.cell),
            ]
        )
    w = ctx.width
    return out + rows_table(
        [_("Date"), _("What happened"), _("Source")], rows, [w * 0.22, w * 0.46, w * 0.32], st
    )


def _figure_rows(ctx: Context, fig: FigureComparison) -> list[list[Flowable]]:
    st, refs = ctx.styles, ctx.refs
    indexed = list(enumerate(fig.values))
    indexed.sort(key=lambda iv: (iv[1].published_sort is None, iv[1].published_sort or "", iv[0]))
    rows = []
    for _position, v in indexed:
        source = (
            refs.excerpt_label(v.excerpt_key)
            if v.excerpt_key in refs.excerpt_by_key
            else refs.doc_label(v.document_key, "(source not in this dossier)")
        )
        rows.append(
            [
                P(f"<b>{esc.text(figure_text(v))}</b>", st.cell),
                P(esc.text(esc.shorten(v.as_written or "", QUOTE_LIMIT)), st.cell),
                P(source, st.cell),
                P(esc.text(esc.shorten(v.published or "—", limits.NAME_CHARS)), st.cell),
            ]
        )
    return rows


def section_figures(ctx: Context) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = [section_heading(ctx, _("Figures compared across sources"))]
    if not ctx.data.figures:
        return [*out, nothing_note(ctx, _("No figures are compared in this selection."))]
    out.append(
        P(
            _(
                "For each figure, every value given by a source in this selection, ordered by "
                "publication date. Figures on which sources differ come first. Counts are of "
                "distinct source documents. No value is preferred over another."
            ),
            st.small,
        )
    )
    w = ctx.width
    # Disagreements first (the order given is kept within each group): they are what
    # a reader of a dossier most needs to see, not the last thing after the agreements.
    ordered = sorted(ctx.data.figures, key=lambda fig: not sources_differ(fig.values))
    for fig in ordered:
        title = fig.label or fig.category
        head = [
            P(esc.text(esc.shorten(title, HEADING_LIMIT)), st.h2),
            P(esc.text(describe_agreement(fig.values)), st.body),
        ]
        table = rows_table(
            [_("Value"), _("As written"), _("Source"), _("Published")],
            _figure_rows(ctx, fig),
            [w * 0.14, w * 0.34, w * 0.36, w * 0.16],
            st,
        )
        out += kept_with_rows(head, table, w)
    return out


__all__ = ["section_chronology", "section_figures", "section_witnesses"]
