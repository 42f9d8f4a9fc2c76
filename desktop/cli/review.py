"""`catena review`: the review queue on the command line.

``catena review`` lists suggestions (open ones unless ``--status`` says otherwise)
with their ids and the passage they quote; ``review accept ID…`` and ``review reject
ID…`` decide several in one transaction (all or nothing); ``review edit ID --value …``
corrects one and accepts it. The window's review queue calls the same operations
(``desktop.core.review`` and ``desktop.core.review_decisions``). JSON shapes are in
docs/cli-json.md.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from db.catalogue import Catalogue
from db.models import QUALIFIERS, SUGGESTION_STATUSES
from db.sanitize import for_terminal
from db.selection import Selection, SelectionError
from desktop.cli.errors import UsageError
from desktop.cli.output import print_json
from desktop.core.review import (
    REVIEW_KINDS,
    ReviewError,
    ReviewFilter,
    ReviewItem,
    ReviewKind,
    ReviewScope,
    list_items,
    open_counts,
    passage_line,
)
from desktop.core.review_decisions import Decided, decide, edit
from desktop.core.suggestions import pending_suggestions

EXIT_OK = 0
JSON_HELP = "JSON output (stable fields)"


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    review = sub.add_parser(
        "review",
        parents=[common],
        help="list suggestions with their ids; accept, reject or edit them",
        description="Without an action, list the open suggestions (filters below). "
        "Actions: accept ID…, reject ID…, edit ID --value V.",
    )
    review.add_argument(
        "--kind", action="append", choices=REVIEW_KINDS, default=[], help="only this kind"
    )
    review.add_argument(
        "--status",
        action="append",
        choices=SUGGESTION_STATUSES,
        default=[],
        help="only tags in this status (default: suggested)",
    )
    review.add_argument(
        "--doc", action="append", default=[], metavar="REF", help="only this document"
    )
    chooser = review.add_mutually_exclusive_group()
    chooser.add_argument("--collection", metavar="NAME", help="documents of this collection")
    chooser.add_argument("--search", metavar="QUERY", help="documents this search finds")
    review.add_argument(
        "--min-confidence",
        type=float,
        metavar="0..1",
        help="hide suggestions less sure than this (those without a confidence stay)",
    )
    review.add_argument(
        "--sort", choices=("document", "confidence"), default="document", help="row order"
    )
    review.add_argument(
        "--limit", type=int, metavar="N", help="at most N rows, the first in document order"
    )
    review.add_argument("--json", action="store_true", help=JSON_HELP)
    actions = review.add_subparsers(dest="review_action", metavar="ACTION")
    for name, verb in (("accept", "accept"), ("reject", "reject")):
        p = actions.add_parser(name, parents=[common], help=f"{verb} suggestions by id")
        p.add_argument("ids", nargs="+", metavar="ID", help="ids as listed: D12, F7, P33")
        p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = actions.add_parser("edit", parents=[common], help="correct one suggestion and accept it")
    p.add_argument("id", metavar="ID", help="id as listed: D12, F7, P33")
    p.add_argument(
        "--value",
        required=True,
        help="a date: its EDTF (1992-02-25); a figure: a number or range (613, 200-300); "
        "a person: the name to record",
    )
    p.add_argument("--qualifier", choices=QUALIFIERS, help="a figure's qualifier (about, …)")
    p.add_argument("--counted", help="what a figure counts (civilians killed)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def writes(args: argparse.Namespace) -> bool:
    """Whether the `review` command in *args* changes the catalogue (listing does not)."""
    return getattr(args, "review_action", None) is not None


def item_json(item: ReviewItem) -> dict[str, Any]:
    """One row of `catena review --json` (documented in docs/cli-json.md)."""
    return {
        "id": item.id,
        "kind": item.kind,
        "status": item.status,
        "reference": item.document_ref,
        "title": item.document_title,
        "start": item.start,
        "end": item.end,
        "quote": item.quote,
        "prefix": item.prefix,
        "suffix": item.suffix,
        "value": item.value,
        "values": item.values,
        "person": item.person,
        "confidence": item.confidence,
    }


def _scope(args: argparse.Namespace) -> ReviewScope:
    try:
        return ReviewScope(Selection(collection=args.collection, query=args.search))
    except SelectionError as exc:
        raise UsageError(str(exc)) from exc


def _filter(args: argparse.Namespace) -> ReviewFilter:
    kinds: tuple[ReviewKind, ...] = tuple(args.kind)
    return ReviewFilter(
        kinds=kinds,
        statuses=tuple(args.status) or ("suggested",),
        documents=tuple(args.doc),
        min_confidence=args.min_confidence,
        sort=args.sort,
        limit=args.limit,
    )


def cmd_review(catalogue: Catalogue, args: argparse.Namespace) -> int:
    try:
        if args.review_action is None:
            return _list(catalogue, args)
        if args.review_action == "edit":
            done = edit(
                catalogue,
                item=args.id,
                value=args.value,
                qualifier=args.qualifier,
                counted=args.counted,
            )
            return _report(catalogue, "edit", done.value, args.json)
        decided = decide(catalogue, ids=args.ids, decision=args.review_action)
        return _report(catalogue, args.review_action, decided.value, args.json)
    except ReviewError as exc:
        raise UsageError(str(exc)) from exc


def _list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    items = list_items(catalogue, scope=_scope(args), wanted=_filter(args))
    pending = pending_suggestions(catalogue)
    # Said, not left silent: an empty queue may only mean the suggesters have not run.
    note = (
        f"suggestions pending for {pending} document{'s' if pending != 1 else ''}: "
        "run `catena suggest --pending`"
        if pending
        else ""
    )
    if args.json:
        print_json([item_json(i) for i in items])
        if note:
            print(note, file=sys.stderr)
        return EXIT_OK
    for item in items:
        print(
            f"{item.id:<7} {item.document_ref}  {item.kind:<6}  {item.status:<9}  "
            f"{for_terminal(item.value, one_line=True)}"
        )
        print(f"        {for_terminal(passage_line(item), one_line=True)}")
    counts = open_counts(catalogue, scope=_scope(args))
    print(f"{len(items)} listed; {open_summary(counts)}")
    if note:
        print(note)
    return EXIT_OK


def open_summary(counts: dict[ReviewKind, int]) -> str:
    """ "12 suggestions still open (5 dates, 4 figures, 3 people)" """
    total = sum(counts.values())
    if not total:
        return "no suggestions open"
    words = {"date": "dates", "figure": "figures", "person": "people"}
    parts = ", ".join(f"{counts[k]} {words[k]}" for k in REVIEW_KINDS if counts.get(k))
    return f"{total} suggestion{'s' if total != 1 else ''} still open ({parts})"


def _report(catalogue: Catalogue, action: str, decided: Decided, as_json: bool) -> int:
    from desktop.core.review import item_id

    changed = [item_id(c.kind, c.tag_id) for c in decided.changes]
    if as_json:
        print_json(
            {
                "action": action,
                "changed": changed,
                "unchanged": list(decided.unchanged),
                "open": open_counts(catalogue),
            }
        )
        return EXIT_OK
    past = {"accept": "accepted", "reject": "rejected", "edit": "edited and accepted"}[action]
    if changed:
        print(f"{past} {len(changed)}: {', '.join(changed)}")
    if decided.unchanged:
        print(f"already {past.split()[-1]}, left as they were: {', '.join(decided.unchanged)}")
    print(open_summary(open_counts(catalogue)))
    return EXIT_OK


COMMANDS = {"review": cmd_review}
