"""`catena events suggest-links|link|unlink|confirm|date-role`: which event a claim is about.

``suggest-links`` stores a suggested event for every unlinked figure and date of the
named documents (or of all of them); ``link``, ``unlink``, ``confirm`` and
``date-role`` are one person's decision about one tag. Each goes through
``desktop.core.claim_links``; JSON shapes are in docs/cli-json.md. A refusal is one
line on stderr (exit code 2) and changes nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from db.catalogue import Catalogue
from db.models import DATE_ROLES
from db.sanitize import for_terminal
from desktop.cli.errors import UsageError
from desktop.cli.output import counted, print_json
from desktop.core import claim_links as ops

EXIT_OK = 0
ACTIONS = frozenset({"suggest-links", "link", "unlink", "confirm", "date-role"})
_KINDS = ("figure", "date")


def add_parsers(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    json_help = "JSON output (stable fields)"
    p = actions.add_parser(
        "suggest-links",
        parents=[common],
        help="suggest the event each unlinked figure and date is about",
    )
    p.add_argument("refs", nargs="*", metavar="REF", help="documents (CAT-…) to read")
    p.add_argument("--all", action="store_true", help="every document not in the trash")
    p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("link", parents=[common], help="link a figure or date to an event")
    p.add_argument("kind", choices=_KINDS, help="figure or date")
    p.add_argument("tag_id", type=int, help="the tag's number (#id)")
    p.add_argument("event", help="event record, e.g. EVT-000001")
    p.add_argument("--json", action="store_true", help=json_help)

    for name, text in (
        ("unlink", "remove a figure's or date's event link"),
        ("confirm", "accept a suggested event link"),
    ):
        p = actions.add_parser(name, parents=[common], help=text)
        p.add_argument("kind", choices=_KINDS, help="figure or date")
        p.add_argument("tag_id", type=int, help="the tag's number (#id)")
        p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("date-role", parents=[common], help="what a date gives")
    p.add_argument("tag_id", type=int, help="the date tag's number (#id)")
    p.add_argument("role", choices=[*DATE_ROLES, "none"], help="event, reporting, other or none")
    p.add_argument("--json", action="store_true", help=json_help)


def change_json(change: ops.LinkChange) -> dict[str, Any]:
    def state(link: ops.LinkState) -> dict[str, Any]:
        return {"event": link.event_ref, "status": link.status, "role": link.role}

    return {
        "action": change.action,
        "kind": change.kind,
        "tag_id": change.tag_id,
        "document": change.document_ref,
        "before": state(change.before),
        "after": state(change.after),
    }


def _describe(change: ops.LinkChange) -> str:
    after = change.after
    link = f"{after.event_ref} ({after.status})" if after.event_ref else "no event"
    role = f", role {after.role}" if after.role else ""
    return f"{change.kind} #{change.tag_id} in {change.document_ref}: {link}{role}"


def _suggest(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if bool(args.refs) == bool(args.all):
        raise UsageError("name the documents to read (CAT-…) or use --all, not both")
    done = ops.suggest_event_links(catalogue, refs=None if args.all else args.refs)
    report = done.value
    if args.json:
        print_json(
            {
                "documents": report.documents,
                "suggested": [
                    {**change_json(s.change), "reason": s.reason} for s in report.suggested
                ],
                "left_unlinked": report.left_unlinked,
            }
        )
        return EXIT_OK
    for suggestion in report.suggested:
        reason = for_terminal(suggestion.reason, one_line=True)
        print(f"{_describe(suggestion.change)} — {reason}")
    print(
        f"{counted(len(report.suggested), 'link')} suggested in"
        f" {counted(report.documents, 'document')};"
        f" {counted(report.left_unlinked, 'figure or date', 'figures and dates')} left unlinked"
    )
    return EXIT_OK


def run(catalogue: Catalogue, args: argparse.Namespace) -> int:
    """Carry out one of ``ACTIONS``; refusals become a one-line ``UsageError``."""
    action = args.events_action
    try:
        if action == "suggest-links":
            return _suggest(catalogue, args)
        if action == "link":
            kind = ops.link_kind(args.kind)
            done = ops.link_claim(catalogue, kind=kind, tag_id=args.tag_id, event_ref=args.event)
        elif action == "unlink":
            done = ops.clear_link(catalogue, kind=ops.link_kind(args.kind), tag_id=args.tag_id)
        elif action == "confirm":
            done = ops.confirm_link(catalogue, kind=ops.link_kind(args.kind), tag_id=args.tag_id)
        else:
            role = None if args.role == "none" else args.role
            done = ops.set_date_role(catalogue, tag_id=args.tag_id, role=role)
    except ops.ClaimLinkError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print_json(change_json(done.value))
    else:
        print(f"{done.value.action}: {_describe(done.value)}")
    return EXIT_OK
