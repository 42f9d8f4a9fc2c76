"""Tagging commands: suggest (and accept), compare figures across sources, chronology."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from db.analysis import format_number
from db.catalogue import Catalogue
from db.chronology import ChronologyRow
from db.sanitize import for_terminal
from desktop.cli.compare import add_compare_parser, cmd_compare, comparison_json
from desktop.cli.errors import UsageError
from desktop.cli.output import ProgressBar, cli_locale, date_shown, print_json, print_table
from desktop.core.suggestions import pending_suggestions, suggest_pending_documents

EXIT_OK = 0
EXIT_INTERRUPTED = 130  # as main's Ctrl-C: what was stored is kept


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "suggest",
        parents=[common],
        help="suggest date, figure and people tags (rejected ones stay rejected)",
    )
    p.add_argument("refs", nargs="*", help="document references")
    p.add_argument("--all", action="store_true", help="every document")
    p.add_argument(
        "--pending",
        action="store_true",
        help="the documents an import left marked 'suggestions pending' (resumes a pass)",
    )
    p.add_argument(
        "--accept",
        action="store_true",
        help="also accept every open suggestion (people are linked to records)",
    )
    p.add_argument("--json", action="store_true")
    add_compare_parser(sub, common)
    p = sub.add_parser(
        "chronology", parents=[common], help="every event date with its sources, in order"
    )
    p.add_argument("--suggested", action="store_true", help="include unconfirmed suggestions")
    p.add_argument("--event", metavar="EVT", help="only dates of this event (or within it)")
    p.add_argument(
        "--include-reporting",
        action="store_true",
        help="also dates on which sources reported (publication dates)",
    )
    p.add_argument("--json", action="store_true", help="JSON output (stable fields)")


def _statuses(args: argparse.Namespace) -> tuple[str, ...]:
    return ("accepted", "suggested") if args.suggested else ("accepted",)


def cmd_suggest(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if args.pending:
        if args.refs or args.all or args.accept:
            raise UsageError("--pending takes no references, --all or --accept")
        suggested = suggestion_pass(catalogue, defer=False)
        if args.json:
            print_json(suggested)
        else:
            print_pass(suggested)
        return EXIT_INTERRUPTED if suggested["cancelled"] else EXIT_OK
    if not args.refs and not args.all:
        raise UsageError("name documents (CAT-…) or use --all or --pending")
    from desktop.cli.review import open_summary
    from desktop.core.review import REVIEW_KINDS, ReviewKind, open_counts_by_document
    from desktop.core.suggestions import existing_references, live_references, suggest_tags

    refs = live_references(catalogue) if args.all else existing_references(catalogue, args.refs)
    done = suggest_tags(catalogue, refs=refs, accept=args.accept)
    still_open = open_counts_by_document(catalogue, refs=[r.reference for r in done.value])
    results: list[dict[str, Any]] = [
        {
            "reference": r.reference,
            "added": r.added,
            "skipped_existing": r.skipped_existing,
            "accepted": r.accepted,
            "open": still_open[r.reference],
        }
        for r in done.value
    ]
    if args.json:
        print_json(results)
    else:
        for r in results:
            added = ", ".join(f"{n} {kind}s" for kind, n in r["added"].items())
            tail = f"; accepted {r['accepted']}" if args.accept else ""
            waiting = sum(r["open"].values())
            print(
                f"{r['reference']}: suggested {added} "
                f"({r['skipped_existing']} found again: already open, accepted or rejected)"
                f"{tail}; {waiting} open"
            )
        totals: dict[ReviewKind, int] = {
            kind: sum(r["open"][kind] for r in results) for kind in REVIEW_KINDS
        }
        hint = " — list them with `catena review`" if sum(totals.values()) else ""
        print(f"{open_summary(totals)}{hint}")
    return EXIT_OK


def suggestion_pass(catalogue: Catalogue, defer: bool) -> dict[str, Any]:
    """Run the suggestion pass after an import (unless deferred); Ctrl-C stops it and
    keeps the import and every batch of suggestions already stored."""
    stopped = {"done": 0, "tags": 0, "failures": [], "cancelled": True}
    if defer:
        return {**stopped, "cancelled": False, "pending": pending_suggestions(catalogue)}
    bar = ProgressBar("Suggesting")
    try:
        done = suggest_pending_documents(catalogue, progress=bar).value
    except KeyboardInterrupt:
        return {**stopped, "pending": pending_suggestions(catalogue)}
    finally:
        bar.finish()
    return {
        "done": done.done,
        "tags": done.tags,
        "failures": [{"reference": ref, "reason": why} for ref, why in done.failed],
        "cancelled": done.cancelled,
        "pending": done.remaining,
    }


def print_pass(suggested: dict[str, Any], stream: TextIO | None = None) -> None:
    """Failures, then "suggestions stored for 996 documents (2013 tags)" and what is
    still pending. After an import they go to stderr (*stream*), so its standard
    output stays the per-file report alone, one line a file and the summary."""
    out = stream or sys.stdout
    for failure in suggested["failures"]:
        line = f"no suggestions  {failure['reference']}  {failure['reason']}"
        print(for_terminal(line, one_line=True), file=out)
    parts = []
    if suggested["done"]:
        parts.append(
            f"suggestions stored for {suggested['done']} documents ({suggested['tags']} tags)"
        )
    if suggested["cancelled"]:
        parts.append("suggesting interrupted (what was stored is kept)")
    if suggested["pending"]:
        parts.append(
            f"suggestions pending for {suggested['pending']} documents: "
            "run `catena suggest --pending`"
        )
    print("; ".join(parts) or "no suggestions to store", file=out)


def chronology_json(rows: list[ChronologyRow]) -> list[dict[str, Any]]:
    """The chronology as documented in docs/cli-json.md."""
    return [
        {
            "edtf": r.edtf,
            "lower": r.lower,
            "upper": r.upper,
            "what": r.what,
            "event_ref": r.event_ref,
            "event_name": r.event_name,
            "documents": r.documents,
            "sources": [
                {
                    "reference": s.document_ref,
                    "title": s.document_title,
                    "published": s.published,
                    "edtf": s.edtf,
                    "what": s.what,
                    "quote": s.quote,
                    "start": s.start,
                    "end": s.end,
                    "status": s.status,
                    "role": s.role,
                    "tag_id": s.tag_id,
                }
                for s in r.sources
            ],
        }
        for r in rows
    ]


def cmd_chronology(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from desktop.core.analysis import chronology
    from desktop.core.corroboration import CorroborationScopeError

    try:
        rows = chronology(
            catalogue,
            statuses=_statuses(args),
            event=args.event,
            include_reporting=args.include_reporting,
        )
    except CorroborationScopeError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print_json(chronology_json(rows))
        return EXIT_OK
    # Dates in words, in the reader's language; --json keeps the EDTF.
    locale = cli_locale(args)
    print_table(
        ("Date", "What", "Quote", "Source"),
        [
            (
                date_shown(r.edtf, locale) if n == 0 else "",
                (r.what or "") if n == 0 else "",
                s.quote,
                s.document_ref,
            )
            for r in rows
            for n, s in enumerate(r.sources)
        ],
        widths=(28, 34, 40, 10),
    )
    return EXIT_OK


COMMANDS = {"suggest": cmd_suggest, "compare": cmd_compare, "chronology": cmd_chronology}
__all__ = ["COMMANDS", "add_parsers", "comparison_json", "format_number"]
