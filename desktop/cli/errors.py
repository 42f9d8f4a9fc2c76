"""The command line's errors: the exception commands raise and the one place that prints them.

Kept apart from ``desktop.cli.main`` so every command module can raise it without
importing the module that imports them all. Every refusal reaches the person through
:func:`report_error`: one plain line ``catena COMMAND: message`` on stderr, or, when the
command was given ``--json``, one JSON object on stderr whose shape is documented in
docs/cli-json.md, so a program reading the JSON output never has to parse English.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from db.sanitize import for_terminal


class UsageError(Exception):
    """A problem with what the user asked for, printed as one line.

    ``code`` is the stable machine-readable kind shown under ``--json``."""

    def __init__(self, message: str, *, code: str = "usage") -> None:
        super().__init__(message)
        self.code = code


# The ``--json`` code of each refusal ``main`` catches, by class name (the classes live in
# db/ and desktop/ modules this one must not import: it is imported before them all).
_CODES = {
    "ReadOnlyCatalogue": "read-only",
    "CatalogueError": "catalogue",
    "DocumentError": "document",
    "BackupError": "backup",
    "DossierError": "dossier",
    "ImportRefused": "import-refused",
    "ObjectStoreError": "object-store",
}


def error_code(exc: BaseException) -> str:
    """The stable ``--json`` code for *exc* (listed in docs/cli-json.md)."""
    if isinstance(exc, UsageError):
        return exc.code
    for kind in type(exc).__mro__:
        if kind.__name__ in _CODES:
            return _CODES[kind.__name__]
    return "usage"


def error_object(command: str, code: str, message: str) -> dict[str, dict[str, str]]:
    """The JSON form of an error: ``{"error": {"code", "message", "command"}}``."""
    return {"error": {"code": code, "message": message, "command": command}}


def report_error(command: str, code: str, message: str, *, as_json: bool = False) -> None:
    """Print one refusal on stderr: a line for people, or JSON under ``--json``.

    JSON goes to the stream beneath the control-character filter: ``json.dumps``
    already writes control characters as ``\\u`` escapes."""
    if not as_json:
        print(f"catena {command}: {for_terminal(message, one_line=True)}", file=sys.stderr)
        return
    stream = getattr(sys.stderr, "underlying", sys.stderr)
    text = json.dumps(error_object(command, code, message), ensure_ascii=False)
    stream.write(text + "\n")
    stream.flush()


class CatenaParser(argparse.ArgumentParser):
    """argparse's parser whose own complaints (an unknown option, a bad number) are
    JSON too when ``--json`` was on the command line; otherwise argparse's usage
    line and message, as before. Sub-command parsers are made of the same class."""

    json_requested = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        given = sys.argv[1:] if args is None else list(args)
        self.json_requested = "--json" in given
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        if self.json_requested:
            words = self.prog.split()
            command = words[1] if len(words) > 1 else words[0]
            report_error(command, "arguments", message, as_json=True)
            self.exit(2)
        super().error(message)
