"""`catena events`: event records (a killing, a war, a disaster) on the command line.

``list`` and ``show`` read; ``add``, ``edit``, ``merge``, ``split`` and ``trash`` each
make one audited change through ``desktop.core.event_records``; the links from
figures and dates to events are ``desktop.cli.event_links``'s. Stored names, places
and notes are printed through ``for_terminal``; JSON shapes are in docs/cli-json.md.
A refused change is one line on stderr (exit code 2) and changes nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from db.catalogue import Catalogue
from db.sanitize import for_terminal
from desktop.cli import event_links
from desktop.cli.errors import UsageError
from desktop.cli.output import cli_locale, counted, print_json, print_table
from desktop.core import event_records as ops

EXIT_OK = 0
READING_ACTIONS = frozenset({"list", "show"})


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    events = sub.add_parser(
        "events",
        parents=[common],
        help="event records: list, show, add, edit, merge, split; link figures and dates",
    )
    actions = events.add_subparsers(dest="events_action", metavar="ACTION", required=True)
    json_help = "JSON output (stable fields)"

    p = actions.add_parser("list", parents=[common], help="every event record, as a tree")
    p.add_argument("--trash", action="store_true", help="list the records in the trash")
    p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("show", parents=[common], help="one event record")
    p.add_argument("ref", help="reference code, e.g. EVT-000001")
    p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("add", parents=[common], help="create an event record")
    p.add_argument("name", help="preferred name, e.g. 'Khojaly massacre'")
    p.add_argument(
        "--variant", action="append", default=[], metavar="NAME", help="another name form"
    )
    _field_options(p)
    p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("edit", parents=[common], help="change an event record")
    p.add_argument("ref", help="reference code, e.g. EVT-000001")
    p.add_argument("--name", help="new preferred name (the old one stays a name form)")
    p.add_argument("--add-name", action="append", default=[], metavar="NAME")
    p.add_argument("--remove-name", action="append", default=[], metavar="NAME")
    _field_options(p, clearing=True)
    p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("merge", parents=[common], help="fold one record into another")
    p.add_argument("keep", help="the record that stays")
    p.add_argument("merge", help="the record merged into it (goes to the trash)")
    p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("split", parents=[common], help="move name forms, events or claims out")
    p.add_argument("ref", help="the record to split")
    p.add_argument("--name-form", action="append", default=[], metavar="NAME")
    p.add_argument("--child", action="append", default=[], metavar="EVT")
    p.add_argument("--new-name", help="preferred name of the new record")
    p.add_argument(
        "--figure", action="append", default=[], type=int, metavar="ID", help="a linked figure"
    )
    p.add_argument(
        "--date-tag", action="append", default=[], type=int, metavar="ID", help="a linked date"
    )
    p.add_argument("--json", action="store_true", help=json_help)

    p = actions.add_parser("trash", parents=[common], help="move a record to the trash")
    p.add_argument("ref", help="reference code")
    p.add_argument("--restore", action="store_true", help="take it out of the trash instead")
    p.add_argument("--json", action="store_true", help=json_help)
    event_links.add_parsers(actions, common)


def _field_options(p: argparse.ArgumentParser, *, clearing: bool = False) -> None:
    tail = ' ("" clears it)' if clearing else ""
    p.add_argument("--place", help=f"where it happened{tail}")
    p.add_argument(
        "--date",
        help=f"date or range as you write it (26 Feb 1992, 1988–1994, spring 1943) or EDTF{tail}",
    )
    p.add_argument("--kind", help=f"a short word: killing, war, disaster…{tail}")
    p.add_argument("--within", metavar="EVT", help=f"the larger event it is part of{tail}")
    p.add_argument("--notes", help=f"free notes{tail}")


def writes(args: argparse.Namespace) -> bool:
    """Whether the `events` command in *args* changes the catalogue."""
    return args.events_action not in READING_ACTIONS


def row_json(row: ops.EventRecordRow) -> dict[str, Any]:
    return {
        "reference": row.ref,
        "name": row.name,
        "kind": row.kind,
        "place": row.place,
        "date": row.edtf,
        "date_in_words": row.date_words or None,
        "within": row.parent_ref,
        "depth": row.depth,
        "other_names": list(row.names),
        "figures": row.figures,
        "dates": row.dates,
    }


def detail_json(detail: ops.EventRecordDetail) -> dict[str, Any]:
    return {
        "reference": detail.ref,
        "uid": detail.uid,
        "name": detail.name,
        "names": [{"name": name, "script": script} for name, script in detail.names],
        "kind": detail.kind,
        "place": detail.place,
        "date": detail.edtf,
        "date_in_words": detail.date_words or None,
        "date_lower": detail.lower,
        "date_upper": detail.upper,
        "within": [{"reference": ref, "name": name} for ref, name in detail.within],
        "children": [{"reference": ref, "name": name} for ref, name in detail.children],
        "notes": detail.notes,
        "created_at": detail.created_at,
        "trashed_at": detail.deleted_at,
        "figures": detail.figures,
        "dates": detail.dates,
    }


def _list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    rows = ops.event_record_rows(catalogue, trashed=args.trash, locale=cli_locale(args))
    if args.json:
        print_json([row_json(r) for r in rows])
        return EXIT_OK
    # Tables collapse leading spaces, so depth is shown with arrows: "↳ Khojaly massacre".
    table = [
        (
            r.ref,
            r.date_words,  # as the window says it; --json keeps the EDTF
            r.kind or "",
            "↳" * r.depth + " " * bool(r.depth) + r.name,
            r.place or "",
        )
        for r in rows
    ]
    print_table(("Reference", "When", "Kind", "Name", "Place"), table, widths=(10, 24, 16, 60, 30))
    where = "in the trash" if args.trash else "in"
    print(f"{len(rows)} event records {where} {for_terminal(catalogue.location, one_line=True)}")
    return EXIT_OK


def _show(catalogue: Catalogue, ref: str, *, as_json: bool, locale: str) -> int:
    detail = ops.event_record_detail(catalogue, ref, locale=locale)
    if as_json:
        print_json(detail_json(detail))
        return EXIT_OK

    def line(label: str, value: str | None) -> None:
        if value:
            print(f"{label:<10} {for_terminal(value, one_line=True)}")

    trashed = "  (in the trash)" if detail.deleted_at else ""
    print(f"{detail.ref}  {for_terminal(detail.name, one_line=True)}{trashed}")
    line("Kind", detail.kind)
    line("Date", detail.date_words)
    line("Place", detail.place)
    line("Within", " ⊂ ".join(f"{name} ({ref})" for ref, name in detail.within))
    for name, script in detail.names:
        line("Name", f"{name} [{script or '?'}]")
    for ref, name in detail.children:
        line("Contains", f"{name} ({ref})")
    line("Linked", f"{counted(detail.figures, 'figure')}, {counted(detail.dates, 'date')}")
    if detail.notes:
        print()
        print(for_terminal(detail.notes))
    return EXIT_OK


def _done(
    catalogue: Catalogue, change: ops.EventRecordChange, *, as_json: bool, locale: str
) -> int:
    detail = ops.event_record_detail(catalogue, change.ref, locale=locale)
    if as_json:
        print_json(
            {"action": change.action, "touched": list(change.refs), "record": detail_json(detail)}
        )
        return EXIT_OK
    others = [r for r in change.refs if r != change.ref]
    also = f" (also changed: {', '.join(others)})" if others else ""
    # A date given on the command line may have been typed in words: say what it
    # became, in words and as the EDTF stored.
    when = f"; date {detail.date_words} (stored as {detail.edtf})" if detail.edtf else ""
    print(f"{change.action}: {detail.ref} {for_terminal(detail.name, one_line=True)}{when}{also}")
    return EXIT_OK


def _change(catalogue: Catalogue, args: argparse.Namespace) -> ops.EventRecordChange:
    action = args.events_action
    if action == "add":
        return ops.create_event_record(
            catalogue,
            name=args.name,
            variants=args.variant,
            place=args.place,
            edtf=args.date,
            kind=args.kind,
            parent_ref=args.within,
            notes=args.notes,
        ).value
    if action == "edit":
        return ops.edit_event_record(
            catalogue,
            ref=args.ref,
            name=args.name,
            place=args.place,
            edtf=args.date,
            kind=args.kind,
            parent_ref=args.within,
            notes=args.notes,
            add_names=args.add_name,
            remove_names=args.remove_name,
        ).value
    if action == "merge":
        return ops.merge_event_records(catalogue, keep_ref=args.keep, merge_ref=args.merge).value
    if action == "split":
        return ops.split_event_record(
            catalogue,
            ref=args.ref,
            names=args.name_form,
            children=args.child,
            new_name=args.new_name,
            figures=args.figure,
            dates=args.date_tag,
        ).value
    if args.restore:
        return ops.restore_event_record(catalogue, ref=args.ref).value
    return ops.trash_event_record(catalogue, ref=args.ref).value


def cmd_events(catalogue: Catalogue, args: argparse.Namespace) -> int:
    try:
        if args.events_action == "list":
            return _list(catalogue, args)
        if args.events_action == "show":
            return _show(catalogue, args.ref, as_json=args.json, locale=cli_locale(args))
        if args.events_action in event_links.ACTIONS:
            return event_links.run(catalogue, args)
        change = _change(catalogue, args)
        return _done(catalogue, change, as_json=args.json, locale=cli_locale(args))
    except ops.EventRecordError as exc:
        raise UsageError(str(exc)) from exc


COMMANDS = {"events": cmd_events}
