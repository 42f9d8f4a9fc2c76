"""The end of the fixity appendix: the audit trail's head and the glyph report.

Both tell a reader what the rest of the dossier cannot: whether the catalogue's
history it was made from can still be checked (the head of the hash chain), and
which characters of the quoted text did not print as stored (see :mod:`.glyphs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Paragraph

from . import escape as esc
from . import glyphs, limits
from .language import _, number

if TYPE_CHECKING:
    from .context import Context


def _p(markup: str, style: object) -> Paragraph:
    return Paragraph(glyphs.with_fallback(markup), style)


def audit_flowables(ctx: Context) -> list[Flowable]:
    """ "Audit trail: N events, head …" with how to check it; nothing without a trail."""
    trail = ctx.data.audit_trail
    if trail is None:
        return []
    st = ctx.styles
    return [
        _p(_("Audit trail"), st.h2),
        _p(
            _("Audit trail: {events} events, head").format(events=number(trail.events))
            + f"&nbsp; <b>{esc.text(trail.head)}</b>",
            st.cell_mono,
        ),
        _p(
            _(
                "The catalogue's audit trail is a hash chain: each event's hash covers the "
                "event and the hash before it. Above is the chain as it stood at the "
                "catalogue's last change before this dossier was made (event {event}). If "
                "event {event} no longer carries this hash, or no longer exists, the history "
                "was rewritten or cut short after this dossier was printed (<i>catena log "
                "--verify</i> checks the chain; <i>catena log --json</i> shows each event's "
                "hash). Events that record dossier printings are not counted, so reprinting "
                "unchanged content gives the same dossier."
            ).format(event=number(trail.last_event)),
            st.small,
        ),
    ]


def glyph_flowables(ctx: Context) -> list[Flowable]:
    """The characters that could not be printed exactly, one line per document."""
    st = ctx.styles
    out: list[Flowable] = [_p(_("Characters and fonts"), st.h2)]
    notes = ctx.glyph_notes
    if not notes:
        out.append(
            _p(
                _(
                    "Every character of this dossier's text is printed with an embedded font "
                    "that has a glyph for it. Right-to-left text (Arabic, Hebrew) is set in "
                    "display order with Arabic letters joined; the PDF's text layer keeps the "
                    "stored characters."
                ),
                st.small,
            )
        )
        return out
    out.append(
        _p(
            _(
                "The characters below are not shown as they are stored: either no font "
                "bundled with Catena has them (they print as empty boxes, but are in the "
                "PDF's text layer and can be copied), or they are Arabic-script letters "
                "without contextual forms (printed unjoined), or Arabic presentation forms "
                "stored as such (copied from the PDF as the letters they show). Read those "
                "passages against the original."
            ),
            st.small,
        )
    )
    for line in notes[: limits.WARNING_LINES]:
        out.append(_p("• " + esc.text(line), st.hanging))
    if len(notes) > limits.WARNING_LINES:
        rest = len(notes) - limits.WARNING_LINES
        out.append(_p(f"… and {rest:,} more lines like these.", st.small))
    return out


def fixity_notes(ctx: Context) -> list[Flowable]:
    """Everything this module adds to the fixity appendix, in order."""
    return audit_flowables(ctx) + glyph_flowables(ctx)


__all__ = ["audit_flowables", "fixity_notes", "glyph_flowables"]
