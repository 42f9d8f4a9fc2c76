"""`catena compare`: figures compared across sources, as a list or as the matrix.

Without options it prints every comparison (as it always has). ``--event``,
``--collection``, ``--search`` and document references narrow what is compared;
``--matrix`` shows the corroboration matrix (rows by event and counted thing,
disagreements first; sources as columns in order of publication), and ``--csv``
writes that matrix for a spreadsheet, formula-protected like the exports.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from desktop.cli.errors import UsageError
from desktop.cli.output import cli_locale, counted, date_shown, print_json, underlying_stream
from desktop.core.corroboration import (
    Cell,
    CorroborationScopeError,
    Matrix,
    compared_in_scope,
    corroboration_matrix,
)
from desktop.exchange.tables import protect_cell

EXIT_OK = 0
_VERDICT_WORDS = {
    "agree": "sources agree",
    "differ": "sources differ",
    "single source": "one source",
}


def add_compare_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "compare", parents=[common], help="figures compared across sources, by what they count"
    )
    p.add_argument("refs", nargs="*", help="only these documents (CAT-…)")
    p.add_argument("--suggested", action="store_true", help="include unconfirmed suggestions")
    p.add_argument(
        "--event", metavar="EVT", help="only figures linked to this event (or within it)"
    )
    p.add_argument("--collection", metavar="NAME", help="only documents in this collection")
    p.add_argument("--search", metavar="QUERY", help="only documents this search finds")
    p.add_argument(
        "--matrix", action="store_true", help="the corroboration matrix: sources as columns"
    )
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="JSON output (stable fields)")
    form.add_argument("--csv", action="store_true", help="the matrix as CSV (implies --matrix)")


def _scope(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "event": args.event,
        "collection": args.collection,
        "search": args.search,
        "refs": args.refs,
        "statuses": ("accepted", "suggested") if args.suggested else ("accepted",),
    }


def comparison_json(comparisons: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "category": c.category,
            "subject": c.subject,
            "event_ref": c.event_ref,
            "event_name": c.event_name,
            "period": c.period,
            "verdict": c.verdict,
            "published_range": list(c.published_range) if c.published_range else None,
            "notes": c.notes,
            "values": [
                {
                    "value": g.value,
                    "upper_value": g.upper_value,
                    "documents": g.documents,
                    "sources": [
                        {
                            "reference": s.document_ref,
                            "title": s.document_title,
                            "publisher": s.publisher,
                            "published": s.published,
                            "qualifier": s.qualifier,
                            "counted": s.counted,
                            "quote": s.quote,
                            "start": s.start,
                            "end": s.end,
                            "status": s.status,
                        }
                        for s in g.sources
                    ],
                }
                for g in c.groups
            ],
        }
        for c in comparisons
    ]


def matrix_json(matrix: Matrix) -> dict[str, Any]:
    """The matrix as documented in docs/cli-json.md."""
    return {
        "columns": [
            {
                "reference": c.ref,
                "title": c.title,
                "publisher": c.publisher,
                "published": c.published,
            }
            for c in matrix.columns
        ],
        "rows": [
            {
                "event_ref": r.event_ref,
                "event_name": r.event_name,
                "period": r.period,
                "category": r.category,
                "subject": r.subject,
                "verdict": r.verdict,
                "notes": list(r.notes),
                "cells": {
                    ref: [
                        {
                            "tag_id": claim.tag_id,
                            "as_written": claim.as_written,
                            "quote": claim.quote,
                            "qualifier": claim.qualifier,
                            "value": claim.value,
                            "upper_value": claim.upper_value,
                            "start": claim.start,
                            "end": claim.end,
                            "status": claim.status,
                        }
                        for claim in cell.claims
                    ]
                    for ref, cell in r.cells.items()
                },
            }
            for r in matrix.rows
        ],
    }


def cell_text(cell: Cell | None) -> str:
    """One cell for a table: each claim as written with its quote ("about 200 “some 200 dead”")."""
    if cell is None:
        return ""
    return "; ".join(f"{c.as_written} “{c.quote}”" for c in cell.claims)


def write_matrix_csv(matrix: Matrix, locale: str) -> None:
    """The matrix as CSV on stdout: one line per row, one column per source (headed
    by its reference and publication date in words: the sheet is read by people)."""
    heading = ["event", "event name", "counted", "subject", "verdict", "notes"]
    heading += [
        f"{c.ref} ({date_shown(c.published, locale, undated='n.d.')})" for c in matrix.columns
    ]
    writer = csv.writer(underlying_stream(sys.stdout), lineterminator="\n")
    writer.writerow([protect_cell(h) for h in heading])
    for row in matrix.rows:
        values = [
            row.event_ref or "",
            row.event_name or "",
            row.category,
            row.subject or "",
            row.verdict,
            " ".join(row.notes),
            *(cell_text(matrix.cell(row, column)) for column in matrix.columns),
        ]
        writer.writerow([protect_cell(v) for v in values])


def print_matrix(matrix: Matrix, locale: str) -> None:
    """The matrix for a terminal: a block per row, a line per source that speaks."""
    if not matrix.rows:
        print("No figures to compare in this scope (accept suggestions, or use --suggested).")
    for row in matrix.rows:
        print(f"\n{row.label} [{row.scope(locale)}]: {_VERDICT_WORDS[row.verdict]}")
        for column in matrix.columns:
            cell = matrix.cell(row, column)
            if cell is not None:
                published = date_shown(column.published, locale, undated="n.d.")
                print(f"  {column.ref} ({published})  {cell_text(cell)}")
        for note in row.notes:
            print(f"  note: {note}")


def _print_comparisons(comparisons: list[Any], locale: str) -> None:
    if not comparisons:
        print("No figures tagged yet (accept suggestions, or use --suggested).")
    for c in comparisons:
        heading = c.category + (f" — {c.subject}" if c.subject else "")
        if c.event_ref:
            heading += f" [{c.event_ref} {c.event_name}]"
        elif c.period:
            heading += f" [no event linked, shared date {date_shown(c.period, locale)}]"
        verdict = {
            "agree": f"{counted(len(c.documents), 'source')} agree",
            "differ": "sources differ",
            "single source": "one source",
        }[c.verdict]
        print(f"\n{heading}: {verdict}")
        for g in c.groups:
            quotes = "; ".join(
                f"{s.document_ref} ({date_shown(s.published, locale, undated='n.d.')}) “{s.quote}”"
                for s in g.sources
            )
            print(f"  {g.label:>10}  {quotes}")
        for note in c.notes:
            print(f"  note: {note}")


def cmd_compare(catalogue: Any, args: argparse.Namespace) -> int:
    try:
        if args.matrix or args.csv:
            matrix = corroboration_matrix(catalogue, **_scope(args))
            if args.csv:
                write_matrix_csv(matrix, cli_locale(args))
            elif args.json:
                print_json(matrix_json(matrix))
            else:
                print_matrix(matrix, cli_locale(args))
            return EXIT_OK
        comparisons = compared_in_scope(catalogue, **_scope(args))
    except CorroborationScopeError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print_json(comparison_json(comparisons))
    else:
        _print_comparisons(comparisons, cli_locale(args))
    return EXIT_OK


__all__ = ["add_compare_parser", "cmd_compare", "comparison_json", "matrix_json"]
