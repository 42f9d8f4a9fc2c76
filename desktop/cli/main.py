"""Argument parsing and dispatch for `catena`.

Every command takes ``--catalogue PATH`` (or $CATENA_CATALOGUE; default: the user's
catalogue in the platform's data folder). Exit codes: 0 success, 1 some files or
checks failed, 2 usage or catalogue errors — with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from db.backup import BackupError
from db.catalogue import Catalogue, CatalogueError, ReadOnlyCatalogue, read_only_notice
from db.documents import DocumentError, list_documents, require_document
from db.sanitize import for_terminal
from desktop import __version__
from desktop.cli import dossier, events, exchange, maintenance, ocr, search, tagging
from desktop.cli.errors import UsageError
from desktop.cli.ocr import languages_argument
from desktop.cli.output import (
    ProgressBar,
    display_title,
    document_detail,
    document_summary,
    print_json,
    print_table,
    terminal_safe_output,
)
from desktop.cli.x11_libraries import xcb_problem
from desktop.core.imports import import_files
from desktop.core.resources import sample_paths
from desktop.core.user_folders import default_catalogue_path
from desktop.dossier.build import DossierError
from desktop.ingest.pipeline import ImportRefused, ImportReport

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
# Modules with add_parsers(sub, common) and COMMANDS {name: fn(catalogue, args)}.
COMMAND_MODULES = (tagging, dossier, maintenance, search, exchange, events, ocr)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--catalogue",
        "-c",
        type=Path,
        default=argparse.SUPPRESS,
        help="catalogue folder (default: $CATENA_CATALOGUE or your Catena data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="catena",
        description="Catena: an offline catalogue of evidence documents.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"catena {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create a new catalogue folder")
    p.add_argument("path", type=Path, help="folder to create, e.g. ~/Research/Khojaly.catena")

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
        "--ocr-lang",
        default="eng",
        metavar="CODES",
        help="languages scans are read in with OCR, joined by + (default eng)",
    )
    p.add_argument("--no-ocr", action="store_true", help="do not read scans with OCR")

    p = sub.add_parser("list", parents=[common], help="list documents")
    p.add_argument("--json", action="store_true", help="JSON output (see docs/cli-json.md)")
    p.add_argument("--trash", action="store_true", help="include documents in the trash")

    p = sub.add_parser("show", parents=[common], help="show one document")
    p.add_argument("ref", help="reference code, e.g. CAT-000001")
    p.add_argument("--json", action="store_true", help="JSON output (see docs/cli-json.md)")

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="headless demonstration: a fresh catalogue with the sample documents",
    )

    p = sub.add_parser("gui", parents=[common], help="open the Catena window (the default)")
    for module in COMMAND_MODULES:
        module.add_parsers(sub, common)
    return parser


def _catalogue_path(args: argparse.Namespace) -> tuple[Path, bool]:
    """The chosen catalogue, and whether it is the implicit default (created on demand)."""
    named = getattr(args, "catalogue", None)
    if named is not None:
        return Path(named).expanduser(), False
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
        return events.writes(args)
    return True


def _open(args: argparse.Namespace) -> Catalogue:
    path, is_default = _catalogue_path(args)
    catalogue = Catalogue.open(path, create=is_default)
    if catalogue.read_only:
        if _writes(args):
            catalogue.close()
            raise ReadOnlyCatalogue(catalogue.read_only_refusal())
        print(read_only_notice(catalogue.path), file=sys.stderr)
    for warning in catalogue.report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return catalogue


def cmd_init(args: argparse.Namespace) -> int:
    path = Path(args.path).expanduser()
    if (path / "catalogue.sqlite").exists():
        raise UsageError(f"{path} is already a Catena catalogue")
    with Catalogue.open(path, create=True) as catalogue:
        print(f"Created catalogue {catalogue.path} (schema {catalogue.report.schema})")
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
    with _open(args) as catalogue:
        bar = ProgressBar("Importing")
        try:
            report = import_files(
                catalogue,
                paths=paths,
                suggest=not args.no_suggest,
                max_bytes=int(args.max_mb * 1024 * 1024),
                ocr_languages=None if args.no_ocr else languages_argument(args.ocr_lang),
                progress=bar,
            ).value
        finally:
            bar.finish()
    if args.json:
        print_json(report.to_json())
    else:
        _print_import_report(report)
    return EXIT_PARTIAL if report.failed else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
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
                d.published or "",
                ("trash" if d.deleted_at else ""),
            )
            for d in documents
        ]
        print_table(
            ("Reference", "Title", "Publisher", "Published", ""), rows, widths=(10, 70, 28, 12, 5)
        )
        print(f"{len(documents)} documents in {catalogue.path}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as catalogue, catalogue.reading() as session:
        document = require_document(session, args.ref)
        if args.json:
            print_json(document_detail(document))
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
        field("Published", "published", document.published)
        field("Dateline", "dateline", document.dateline)
        field("Language", "language", document.language)
        field("URL", "url", document.url)
        field("File", "", document.original_filename)
        field("SHA-256", "", document.original_sha256)
        field("Encoding", "", document.encoding)
        field("Flags", "", document.flags)
        print()
        print(document.text)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.cli.demo import DemoError, run_demo

    try:
        return run_demo(getattr(args, "catalogue", None))
    except DemoError as exc:
        raise UsageError(str(exc)) from exc


GuiLauncher = Callable[[Path, bool], int]


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
    text = str(exc.orig).lower()
    kept = "work committed before this point is kept; the unfinished part was not saved"
    if "locked" in text or "busy" in text:
        return f"the catalogue is busy (another Catena is writing to it); {kept}. Try again."
    if "readonly" in text or "read-only" in text:
        return (
            "the catalogue is read-only (no permission to write catalogue.sqlite or its "
            f"folder); {kept}"
        )
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


def _run(argv: Sequence[str] | None, launch_gui: GuiLauncher | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "gui":
            return cmd_gui(args, launch_gui)
        for module in COMMAND_MODULES:
            folder_commands = getattr(module, "FOLDER_COMMANDS", {})
            if command in folder_commands:
                return folder_commands[command](_catalogue_path(args)[0], args)
            if command in module.COMMANDS:
                with _open(args) as catalogue:
                    return module.COMMANDS[command](catalogue, args)
        return COMMANDS[command](args)
    except (
        UsageError,
        CatalogueError,
        DocumentError,
        BackupError,
        DossierError,
        ImportRefused,
    ) as exc:
        print(f"catena {command}: {for_terminal(str(exc), one_line=True)}", file=sys.stderr)
        return EXIT_USAGE
    except DBAPIError as exc:
        print(f"catena {command}: {database_problem(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and friends: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"\ncatena {command}: interrupted; committed work is kept", file=sys.stderr)
        return 130
