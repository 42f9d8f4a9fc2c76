"""Tagging commands: suggest (and accept), compare figures across sources, chronology."""

from __future__ import annotations

import argparse
from typing import Any

from db.analysis import chronology, format_number
from db.catalogue import Catalogue
from desktop.cli.compare import add_compare_parser, cmd_compare, comparison_json
from desktop.cli.errors import UsageError
from desktop.cli.output import print_json, print_table

EXIT_OK = 0


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "suggest",
        parents=[common],
        help="suggest date, figure and people tags (rejected ones stay rejected)",
    )
    p.add_argument("refs", nargs="*", help="document references")
    p.add_argument("--all", action="store_true", help="every document")
    p.add_argument(
        "--accept",
        action="store_true",
        help="also accept every open suggestion (people are linked to records)",
    )
    p.add_argument("--json", action="store_true")
    add_compare_parser(sub, common)
    p = sub.add_parser("chronology", parents=[common], help="every tagged date, in order")
    p.add_argument("--suggested", action="store_true", help="include unconfirmed suggestions")
    p.add_argument("--json", action="store_true", help="JSON output (see docs/cli-json.md)")


def _statuses(args: argparse.Namespace) -> tuple[str, ...]:
    return ("accepted", "suggested") if args.suggested else ("accepted",)


def cmd_suggest(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if not args.refs and not args.all:
        raise UsageError("name documents (CAT-…) or use --all")
    from desktop.core.suggestions import existing_references, live_references, suggest_tags

    refs = live_references(catalogue) if args.all else existing_references(catalogue, args.refs)
    done = suggest_tags(catalogue, refs=refs, accept=args.accept)
    results: list[dict[str, Any]] = [
        {
            "reference": r.reference,
            "added": r.added,
            "skipped_existing": r.skipped_existing,
            "accepted": r.accepted,
        }
        for r in done.value
    ]
    if args.json:
        print_json(results)
    else:
        for r in results:
            added = ", ".join(f"{n} {kind}s" for kind, n in r["added"].items())
            tail = f"; accepted {r['accepted']}" if args.accept else ""
            print(
                f"{r['reference']}: suggested {added} "
                f"({r['skipped_existing']} already tagged or rejected){tail}"
            )
    return EXIT_OK


def cmd_chronology(catalogue: Catalogue, args: argparse.Namespace) -> int:
    with catalogue.reading() as session:
        entries = chronology(session, statuses=_statuses(args))
    if args.json:
        print_json(
            [
                {
                    "edtf": e.edtf,
                    "lower": e.lower,
                    "upper": e.upper,
                    "what": e.what,
                    "quote": e.quote,
                    "start": e.start,
                    "end": e.end,
                    "reference": e.document_ref,
                    "title": e.document_title,
                    "status": e.status,
                }
                for e in entries
            ]
        )
        return EXIT_OK
    print_table(
        ("Date (EDTF)", "What", "Quote", "Source"),
        [(e.edtf, e.what or "", e.quote, e.document_ref) for e in entries],
        widths=(24, 36, 40, 10),
    )
    return EXIT_OK


COMMANDS = {"suggest": cmd_suggest, "compare": cmd_compare, "chronology": cmd_chronology}
__all__ = ["COMMANDS", "add_parsers", "comparison_json", "format_number"]
