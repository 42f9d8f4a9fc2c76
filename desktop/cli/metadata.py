"""`catena edit`: a document's metadata from the command line, as the window's panel.

``--url``, ``--accessed`` and ``--captured-by`` record where a web or file source came
from; ``--set FIELD=VALUE`` any other metadata field; ``--accept-guess N`` writes what
the file's own metadata offered (``catena show`` lists those guesses, numbered). All of
it is one core edit (``desktop.core.documents``): checked first, so a bad URL or an
accessed date that is not a day changes nothing and is named in one line.
"""

from __future__ import annotations

import argparse
from typing import Any

from db.catalogue import Catalogue
from db.documents import EDITABLE_FIELDS
from db.models import Document
from db.provenance import open_guesses
from desktop.cli.errors import UsageError
from desktop.core import documents as document_ops

EXIT_OK = 0
LIST_FIELDS = ("authors", "recipients")
GUESS_LABEL = "guess from file metadata"


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "edit",
        parents=[common],
        help="change a document's metadata (URL, accessed date, who captured it, …)",
    )
    p.add_argument("ref", help="reference code, e.g. CAT-000001")
    p.add_argument("--url", help="the web address it was read at (http:// or https://)")
    p.add_argument("--accessed", metavar="YYYY-MM-DD", help="the day it was read or captured")
    p.add_argument("--captured-by", metavar="NAME", help="who captured it")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="any metadata field (authors and recipients: names separated by ';'); "
        "an empty VALUE clears it",
    )
    p.add_argument(
        "--accept-guess",
        type=int,
        metavar="N",
        help="write guess N from the file's own metadata (numbered by `catena show`)",
    )


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for item in args.set:
        name, equals, value = item.partition("=")
        name = name.strip().replace("-", "_")
        if not equals:
            raise UsageError(f"--set {item!r}: write FIELD=VALUE, e.g. --set section=World")
        if name not in EDITABLE_FIELDS:
            raise UsageError(
                f"--set: {name!r} is not a metadata field; use one of " + ", ".join(EDITABLE_FIELDS)
            )
        if name in LIST_FIELDS:
            changes[name] = [part.strip() for part in value.split(";") if part.strip()]
        elif name == "title_devised":
            if value.strip().lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise UsageError(f"--set title_devised={value!r}: write true or false")
            changes[name] = value.strip().lower() in ("true", "yes", "1")
        else:
            changes[name] = value.strip() or None
    for name in ("url", "accessed", "captured_by"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value.strip() or None
    return changes


def cmd_edit(catalogue: Catalogue, args: argparse.Namespace) -> int:
    changes = _changes(args)
    if not changes and args.accept_guess is None:
        raise UsageError(
            "nothing to change: give --url, --accessed, --captured-by, --set or --accept-guess"
        )
    if changes and args.accept_guess is not None:
        raise UsageError("--accept-guess is a change of its own; give it without other fields")
    if args.accept_guess is not None:
        done = document_ops.accept_guess(catalogue, ref=args.ref, number=args.accept_guess)
    else:
        done = document_ops.edit_metadata(catalogue, ref=args.ref, changes=changes)
    change = done.value
    for name, after in change.after.items():
        before = change.before.get(name)
        print(f"{change.ref}  {name}: {_shown(before)} → {_shown(after)}")
    return EXIT_OK


def _shown(value: object) -> str:
    if value in (None, "", []):
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def guess_lines(document: Document) -> list[str]:
    """`catena show`'s lines for the file-metadata guesses a person has not taken."""
    lines = []
    for number, guess in open_guesses(document):
        lines.append(
            f"Guess {number:<6} {guess.field}: {guess.shown()}  ({GUESS_LABEL}: "
            f"{guess.source}, {guess.confidence} confidence; "
            f"accept with `catena edit {document.ref} --accept-guess {number}`)"
        )
    return lines


def guesses_detail(document: Document) -> dict[str, Any]:
    """`catena show --json`'s ``file_guesses``: the guesses not taken yet, numbered as
    ``--accept-guess`` takes them (docs/cli-json.md)."""
    return {
        "file_guesses": [
            {"number": number, **guess.as_json()} for number, guess in open_guesses(document)
        ]
    }


COMMANDS = {"edit": cmd_edit}
