"""Argument parsing and dispatch for `catena`.

Every command takes ``--catalogue PATH`` (or $CATENA_CATALOGUE; default: the user's
catalogue in the platform's data folder). Exit codes: 0 success, 1 some files or
checks failed, 2 usage or catalogue errors — with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from db.backup import BackupError
from db.catalogue import Catalogue, CatalogueError, ReadOnlyCatalogue, read_only_notice
from db.documents import DocumentError, list_documents, require_document
from db.location import catalogue_location
from db.objects import ObjectStoreError
from db.sanitize import for_terminal
from desktop import __version__
from desktop.cli.command_words import command_word
from desktop.cli.errors import CatenaParser, UsageError, error_code, report_error
from desktop.cli.output import (
    LOCALE_HELP,
    ProgressBar,
    cli_locale,
    counted,
    date_shown,
    display_title,
    document_detail,
    document_summary,
    print_json,
    print_table,
    terminal_safe_output,
)
from desktop.core.resources import sample_paths
from desktop.core.user_folders import default_catalogue_path

if TYPE_CHECKING:
    from desktop.ingest.pipeline import ImportReport

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
# Modules with add_parsers(sub, common) and COMMANDS {name: fn(catalogue, args)}.
# They are imported only when needed: together they pull in ReportLab, the ingest
# pipeline and the extractors (over a second of start-up), which `catena list`,
# `show` and `search` never use. COMMAND_OWNERS says which module defines which
# command so only that one is imported; tests/core/test_cli_start.py checks it
# against the modules' own COMMANDS and FOLDER_COMMANDS.
COMMAND_MODULE_NAMES = (
    "tagging",
    "review",
    "dossier",
    "maintenance",
    "search",
    "exchange",
    "events",
    "metadata",
    "completion",
    "ocr",
    "guide",
)
COMMAND_OWNERS: dict[str, str] = {
    "suggest": "tagging",
    "compare": "tagging",
    "chronology": "tagging",
    "review": "review",
    "dossier": "dossier",
    "verify": "maintenance",
    "backup": "maintenance",
    "log": "maintenance",
    "restore": "maintenance",
    "search": "search",
    "export": "exchange",
    "import-archive": "exchange",
    "import-metadata": "exchange",
    "events": "events",
    "edit": "metadata",
    "completion": "completion",
    "ocr": "ocr",
    "guide": "guide",
}
# Options of the top-level parser that take a value (the command word comes after).


def command_module(name: str) -> ModuleType:
    """The command module desktop.cli.<name>, imported on first use."""
    return importlib.import_module(f"desktop.cli.{name}")


def _modules_for(command: str | None, *, help_asked: bool) -> tuple[ModuleType, ...]:
    """The command modules the parser needs for *command*: none for main's own
    commands, --version and the window; the owner for a known one; all of them
    otherwise (help lists every command, a typo is answered with the full list)."""
    if command in COMMANDS or command == "gui":
        return ()
    if command is None and not help_asked:
        return ()
    if command in COMMAND_OWNERS and command != "completion":
        # (completion lists every command, so it needs them all, as help does)
        return (command_module(COMMAND_OWNERS[command]),)
    return tuple(command_module(name) for name in COMMAND_MODULE_NAMES)


def build_parser(
    modules: Sequence[ModuleType] | None = None,
) -> argparse.ArgumentParser:
    """The `catena` parser with the commands of *modules* (default: every module)."""
    if modules is None:
        modules = tuple(command_module(name) for name in COMMAND_MODULE_NAMES)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--catalogue",
        "-c",
        type=catalogue_location,
        default=argparse.SUPPRESS,
        help="catalogue folder or postgresql:// URL "
        "(default: $CATENA_CATALOGUE or your Catena data folder)",
    )
    common.add_argument("--locale", default=argparse.SUPPRESS, metavar="LANG", help=LOCALE_HELP)
    parser = CatenaParser(
        prog="catena",
        description="Catena: an offline catalogue of evidence documents.",
        epilog="The user guide (step by step, with the query language): "
        "Help > User Guide (F1) in the window; `catena guide` prints where it is.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"catena {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create a new catalogue")
    p.add_argument(
        "path",
        type=catalogue_location,
        help="folder to create, e.g. ~/Research/Khojaly.catena, or an empty PostgreSQL "
        "database's URL, e.g. postgresql://archive.example/khojaly",
    )
    p.add_argument(
        "--objects",
        metavar="WHERE",
        help="for a PostgreSQL catalogue: the shared folder (or s3://bucket/prefix) "
        "its originals are kept in",
    )

    p = sub.add_parser("import", parents=[common], help="import files and folders")
    p.add_argument("paths", type=Path, nargs="*", help="files or folders (recursive)")
    p.add_argument("--sample", action="store_true", help="import Catena's sample documents")
    p.add_argument("--json", action="store_true", help="print the per-file report as JSON")
    p.add_argument(
        "--max-mb",
        type=float,
        default=200.0,
        metavar="MB",
        help="refuse files larger than this (default 200 MB)",
    )
    p.add_argument(
        "--no-suggest",
        action="store_true",
        help="do not suggest date, figure and people tags while importing",
    )
    p.add_argument(
        "--defer-suggestions",
        action="store_true",
        help="import without suggesting tags; the documents are marked "
        "'suggestions pending' for `catena suggest --pending` (or the window) to do later",
    )
    p.add_argument(
        "--ocr-lang",
        default="eng",
        metavar="CODES",
        help="languages scans are read in with OCR, joined by + (default eng)",
    )
    p.add_argument("--no-ocr", action="store_true", help="do not read scans with OCR")

    p = sub.add_parser("list", parents=[common], help="list documents")
    p.add_argument("--json", action="store_true", help="JSON output (stable fields)")
    p.add_argument("--trash", action="store_true", help="include documents in the trash")

    p = sub.add_parser("show", parents=[common], help="show one document")
    p.add_argument("ref", help="reference code, e.g. CAT-000001")
    p.add_argument("--json", action="store_true", help="JSON output (stable fields)")

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="headless demonstration: a fresh catalogue with the sample documents",
    )

    p = sub.add_parser("gui", parents=[common], help="open the Catena window (the default)")
    for module in modules:
        module.add_parsers(sub, common)
    return parser


def _catalogue_path(args: argparse.Namespace) -> tuple[Path | str, bool]:
    """The chosen catalogue (a folder or a server URL), and whether it is the implicit
    default (created on demand)."""
    named = getattr(args, "catalogue", None)
    if named is not None:
        return catalogue_location(named), False
    return default_catalogue_path(), "CATENA_CATALOGUE" not in os.environ


# Commands that only read the catalogue: they run on a read-only one (read-only media,
# no write permission), where any other command is refused before it starts.
READING_COMMANDS = frozenset(
    {"list", "show", "search", "compare", "chronology", "verify", "log", "export"}
)


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command in *args* would change the catalogue."""
    command = args.command
    if command in READING_COMMANDS:
        return False
    if command == "backup":  # --list reads; --to writes elsewhere (and is not logged)
        return not (args.list or args.to)
    if command == "dossier":  # printed elsewhere; only --save changes the catalogue
        return bool(args.save)
    if command == "import-metadata":
        return not args.dry_run
    if command == "events":
        return bool(command_module("events").writes(args))
    if command == "review":
        return bool(command_module("review").writes(args))
    return True


def _open(args: argparse.Namespace) -> Catalogue:
    path, is_default = _catalogue_path(args)
    catalogue = Catalogue.open(path, create=is_default and isinstance(path, Path))
    if catalogue.read_only:
        if _writes(args):
            catalogue.close()
            raise ReadOnlyCatalogue(catalogue.read_only_refusal())
        print(read_only_notice(catalogue.location), file=sys.stderr)
    for warning in catalogue.report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return catalogue


def cmd_init(args: argparse.Namespace) -> int:
    path = catalogue_location(args.path)
    if isinstance(path, Path):
        if args.objects:
            raise UsageError("--objects is for a PostgreSQL catalogue; a folder keeps its own")
        if (path / "catalogue.sqlite").exists():
            raise UsageError(f"{path} is already a Catena catalogue")
    elif not args.objects:
        raise UsageError(
            "a PostgreSQL catalogue needs --objects: the shared folder (or s3://bucket/prefix) "
            "every window reaches its originals in"
        )
    opened = Catalogue.open(
        path, create=True, objects=args.objects, team_rights=isinstance(path, str)
    )
    with opened as catalogue:
        if isinstance(path, str) and not catalogue.report.created:
            raise UsageError(f"{catalogue.location} is already a Catena catalogue")
        print(f"Created catalogue {catalogue.location} (schema {catalogue.report.schema})")
    return EXIT_OK


def _print_import_report(report: ImportReport) -> None:
    for outcome in report.outcomes:
        print(outcome.describe())
    print(report.summary())


def cmd_import(args: argparse.Namespace) -> int:
    paths: list[Path] = list(args.paths)
    if args.sample:
        paths.extend(sample_paths())
    if not paths:
        raise UsageError("nothing to import: name files or folders, or use --sample")
    if args.max_mb <= 0:
        raise UsageError("--max-mb must be a positive number of megabytes")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"not found: {', '.join(missing)}")
    from desktop.cli.tagging import print_pass, suggestion_pass
    from desktop.core.imports import import_files  # the ingest pipeline: import only

    with _open(args) as catalogue:
        bar = ProgressBar("Importing")
        try:
            report = import_files(
                catalogue,
                paths=paths,
                suggest=not args.no_suggest,
                # The suggesters run after the files are stored (the pass below), so
                # an acknowledged import never waits for them.
                defer_suggestions=True,
                max_bytes=int(args.max_mb * 1024 * 1024),
                ocr_languages=None if args.no_ocr else _ocr_languages(args.ocr_lang),
                progress=bar,
            ).value
        finally:
            bar.finish()
        suggested = None if args.no_suggest else suggestion_pass(catalogue, args.defer_suggestions)
    if args.json:
        print_json({**report.to_json(), "suggestions": suggested})
    else:
        _print_import_report(report)
        if suggested is not None:
            print_pass(suggested, sys.stderr)  # stdout: the per-file report alone
    if suggested is not None and suggested["cancelled"]:
        return 130  # Ctrl-C in the suggestion pass: the import and stored batches are kept
    return EXIT_PARTIAL if report.failed else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    locale = cli_locale(args)
    with _open(args) as catalogue, catalogue.reading() as session:
        documents = list_documents(session, include_deleted=args.trash)
        if args.json:
            print_json([document_summary(d) for d in documents])
            return EXIT_OK
        rows = [
            (
                d.ref,
                display_title(d.title, d.title_devised),
                d.publisher or "",
                date_shown(d.published, locale),
                ("trash" if d.deleted_at else ""),
            )
            for d in documents
        ]
        print_table(
            ("Reference", "Title", "Publisher", "Published", ""), rows, widths=(10, 64, 28, 24, 5)
        )
        print(f"{counted(len(documents), 'document')} in {catalogue.location}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    metadata = command_module("metadata")
    with _open(args) as catalogue, catalogue.reading() as session:
        document = require_document(session, args.ref)
        if args.json:
            print_json({**document_detail(document), **metadata.guesses_detail(document)})
            return EXIT_OK
        guessed = set(document.guessed)

        def field(label: str, name: str, value: object) -> None:
            if value in (None, "", []):
                return
            shown = ", ".join(value) if isinstance(value, list) else str(value)
            mark = "  (guessed)" if name in guessed else ""
            print(f"{label:<12} {shown}{mark}")

        print(f"{document.ref}  {display_title(document.title, document.title_devised)}")
        field("Type", "doc_type", document.doc_type)
        field("Publisher", "publisher", document.publisher)
        field("Authors", "authors", document.authors)
        field("Published", "published", date_shown(document.published, cli_locale(args)))
        field("Dateline", "dateline", document.dateline)
        field("Language", "language", document.language)
        field("Paragraphs", "", paragraph_languages(document.language_spans))
        field("URL", "url", document.url)
        field("Accessed", "accessed", document.accessed)
        field("Captured by", "captured_by", document.captured_by)
        field("File", "", document.original_filename)
        field("SHA-256", "", document.original_sha256)
        field("Encoding", "", document.encoding)
        field("Flags", "", document.flags)
        for line in metadata.guess_lines(document):
            print(line)
        print()
        print(document.text)
    return EXIT_OK


def paragraph_languages(stored: object) -> str | None:
    """ "ru 80%, az 20%": the share of the text in each language, when there are several."""
    from db.languages import stored_language_map

    found = stored_language_map(stored, None)
    shares: dict[str, int] = {}
    for span in found.spans if found else ():
        shares[span.language] = shares.get(span.language, 0) + span.end - span.start
    if len(shares) < 2:
        return None
    total = sum(shares.values())
    ranked = sorted(shares.items(), key=lambda item: -item[1])
    return ", ".join(f"{for_terminal(code)} {round(100 * n / total)}%" for code, n in ranked)


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.cli.demo import DemoError, run_demo

    try:
        return run_demo(getattr(args, "catalogue", None))
    except DemoError as exc:
        raise UsageError(str(exc)) from exc


GuiLauncher = Callable[[Path | str, bool], int]


def cmd_gui(args: argparse.Namespace, launch_gui: GuiLauncher | None) -> int:
    if launch_gui is None:
        raise UsageError("this command-line build has no window; use the other commands")
    path, is_default = _catalogue_path(args)
    if not _display_available():
        print(
            "No display found (no DISPLAY or WAYLAND_DISPLAY): "
            "the Catena window cannot open here.\n"
            f"Your catalogue ({path}) was not opened or changed. Running the headless demo "
            "on a new, temporary catalogue instead (`catena demo`).\n",
            file=sys.stderr,
        )
        from desktop.cli.demo import run_demo

        return run_demo(None)
    # Without its X libraries Qt aborts the process (SIGABRT) naming no package; say
    # which to install instead. Unlike a missing display this is fixed by one command,
    # so the demo is not run in its place: the person asked for the window.
    from desktop.cli.x11_libraries import xcb_problem  # ctypes: only the window needs it

    problem = xcb_problem()
    if problem is not None:
        raise UsageError(problem)
    return launch_gui(path, is_default)


def _display_available() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


COMMANDS = {
    "init": cmd_init,
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "demo": cmd_demo,
}


def database_problem(exc: DBAPIError) -> str:
    """A database failure in words a person can act on (one line)."""
    from db.pg_roles import refusal_message  # loaded on this error path only

    refused = refusal_message(exc)  # a team catalogue's server said no to this role
    if refused is not None:
        return refused
    text = str(exc.orig).lower()
    kept = "work committed before this point is kept; the unfinished part was not saved"
    if "locked" in text or "busy" in text:
        return f"the catalogue is busy (another Catena is writing to it); {kept}. Try again."
    if "readonly" in text or "read-only" in text:
        return f"the catalogue is read-only (no permission to write to it); {kept}"
    if "disk" in text and "full" in text:
        return f"the disk is full; {kept}. Free some space and run the command again."
    return f"the catalogue database failed ({exc.orig}); {kept}"


def main(argv: Sequence[str] | None = None, *, launch_gui: GuiLauncher | None = None) -> int:
    """Run one command. The window is started through *launch_gui* (given by
    ``desktop.launch.entry``), so this module and everything it imports stay free of Qt."""
    for stream in (sys.stdout, sys.stderr):
        # `catena list > out.txt` on a console whose code page lacks Cyrillic or ə must
        # not crash on the first such title; unencodable characters become "?".
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    # Stored titles, texts, file names and quoted input are printed by every command
    # (and by argparse); none may send control sequences to the terminal.
    with terminal_safe_output():
        return _run(argv, launch_gui)


def _ocr_languages(spec: str) -> tuple[str, ...]:
    from desktop.cli.ocr import languages_argument  # only `import` reads OCR languages

    return languages_argument(spec)


def _usage_errors() -> tuple[type[Exception], ...]:
    """Errors shown as one line with exit code 2. Those of the dossier builder and the
    ingest pipeline count only once their module is loaded: before that they cannot
    have been raised, and importing them just to catch them would cost the start-up."""
    errors: list[type[Exception]] = [
        UsageError,
        CatalogueError,
        DocumentError,
        BackupError,
        ObjectStoreError,  # an S3 store unreachable mid-command, a missing shared folder
    ]
    dossier_build = sys.modules.get("desktop.dossier.build")
    if dossier_build is not None:
        errors.append(dossier_build.DossierError)
    pipeline = sys.modules.get("desktop.ingest.pipeline")
    if pipeline is not None:
        errors.append(pipeline.ImportRefused)
    return tuple(errors)


def _run(argv: Sequence[str] | None, launch_gui: GuiLauncher | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    help_asked = "-h" in words or "--help" in words
    modules = _modules_for(command_word(words), help_asked=help_asked)
    parser = build_parser(modules)
    args = parser.parse_args(words)
    command = args.command or "gui"
    as_json = bool(getattr(args, "json", False))
    try:
        if command == "gui":
            return cmd_gui(args, launch_gui)
        for module in modules:
            folder_commands = getattr(module, "FOLDER_COMMANDS", {})
            if command in folder_commands:
                return folder_commands[command](_catalogue_path(args)[0], args)
            if command in module.COMMANDS:
                with _open(args) as catalogue:
                    return module.COMMANDS[command](catalogue, args)
        return COMMANDS[command](args)
    except DBAPIError as exc:
        report_error(command, "database", database_problem(exc), as_json=as_json)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and friends: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(file=sys.stderr)
        report_error(command, "interrupted", "interrupted; committed work is kept", as_json=as_json)
        return 130
    except Exception as exc:  # last: a re-raise here skips the handlers above
        if not isinstance(exc, _usage_errors()):
            raise
        report_error(command, error_code(exc), str(exc), as_json=as_json)
        return EXIT_USAGE
