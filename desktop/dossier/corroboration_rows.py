"""The dossier's corroboration rows, from the comparisons the builder already made.

``db.corroboration`` arranges them as the matrix (disagreements first, sources in
order of publication); this turns each row into plain dossier data, with the passage
each claim was tagged in when the dossier prints it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from db.analysis import Comparison
from db.corroboration import matrix_of
from db.date_words import in_words
from desktop.dossier import data as d
from desktop.dossier.language import _, current_language


def corroboration_rows(
    comparisons: Sequence[Comparison], excerpt_of_tag: Mapping[tuple[str, int], str]
) -> tuple[d.CorroborationRow, ...]:
    """One row per event and counted thing, each claim with its excerpt key."""
    matrix = matrix_of(comparisons)
    rows = []
    for row in matrix.rows:
        claims = tuple(
            d.CorroborationClaim(
                document_key=column.ref,
                as_written=claim.as_written,
                quote=claim.quote,
                published=(
                    in_words(column.published, current_language()) if column.published else None
                ),
                excerpt_key=excerpt_of_tag.get(("figure", claim.tag_id)),
            )
            for column in matrix.columns
            if (cell := matrix.cell(row, column)) is not None
            for claim in cell.claims
        )
        event = f"{row.event_name} ({row.event_ref})" if row.event_ref else None
        if event is None and row.period:
            event = _("no event linked, shared date {date}").format(
                date=in_words(row.period, current_language())
            )
        rows.append(d.CorroborationRow(row.label, row.verdict, claims, event, row.notes))
    return tuple(rows)


__all__ = ["corroboration_rows"]
