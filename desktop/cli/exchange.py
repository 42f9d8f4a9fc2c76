"""`catena export`, `catena import-archive` and `catena import-metadata`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

from sqlalchemy.exc import DBAPIError

from db.catalogue import Catalogue, CatalogueError
from db.sanitize import for_terminal
from db.selection import SelectionError
from desktop.cli.errors import UsageError
from desktop.cli.output import STDOUT, ProgressBar, check_output, write_stdout_bytes
from desktop.core.exchange import apply_bibliography, export_documents, load_archive
from desktop.dossier.citation import STYLES
from desktop.exchange import FORMATS, ExchangeError, ExportOptions, Selection, normal_format
from desktop.exchange.common import ALL_STATUSES
from desktop.exchange.metadata_import import SOURCE_FORMATS
from desktop.exchange.tables import TABLES

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export",
        parents=[common],
        help="export documents, tags or the whole catalogue",
        description="Export documents, tags or the whole catalogue. Formats: csv (a folder "
        "of four tables, or one with --table), csl-json, ris, bibtex, dc (one .xml file "
        "for one document, else a folder), ead, annotations (W3C Web Annotation), qdpx "
        "(REFI-QDA project), bagit (a folder), catena-archive (a folder, or .zip).",
    )
    p.add_argument("--format", "-f", required=True, metavar="FORMAT", help=", ".join(FORMATS))
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument("--refs", nargs="+", metavar="REF", help="these documents")
    chosen.add_argument("--collection", help="documents of a collection (and its sub-collections)")
    chosen.add_argument("--query", "-q", help="documents matching a search")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="file or folder to write; - for standard output (single-file formats)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 byte-order mark")
    p.add_argument(
        "--table", choices=TABLES, help="CSV: write only this table, to a file (default: all four)"
    )
    p.add_argument(
        "--no-formula-protection",
        action="store_true",
        help="CSV: do not prefix ' to cells starting with = + - @ (for programs, not spreadsheets)",
    )
    p.add_argument(
        "--statuses",
        nargs="+",
        choices=ALL_STATUSES,
        help="tags to include (default: all; accepted only for qdpx)",
    )
    p.add_argument("--dossier", action="store_true", help="bagit: include a dossier PDF")
    p.add_argument(
        "--style", choices=STYLES, default="chicago", help="bagit --dossier: citation style"
    )
    p.add_argument("--title", help="title of the finding aid, project or dossier")
    p.add_argument(
        "--archive-fields",
        action="store_true",
        help="csl-json, ris, bibtex: say where each original is kept (catalogue folder and "
        "reference code); citation styles print these after every citation",
    )

    p = sub.add_parser(
        "import-archive",
        parents=[common],
        help="load a catena-archive into an empty catalogue",
    )
    p.add_argument("archive", type=Path, help="archive folder or .zip (from catena export)")
    p.add_argument(
        "--allow-missing-objects",
        action="store_true",
        help="import an archive made from a catalogue that had already lost some originals "
        "(catena verify will report them)",
    )

    p = sub.add_parser(
        "import-metadata",
        parents=[common],
        help="update document metadata from CSL-JSON, RIS or CSV",
    )
    p.add_argument("file", type=Path, help="a .json (CSL-JSON), .ris or .csv file")
    p.add_argument("--from", dest="source_format", choices=SOURCE_FORMATS, help="file format")
    p.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    p.add_argument(
        "--create",
        action="store_true",
        help="add unmatched records as metadata-only documents (no original)",
    )


def _fail(command: str, exc: Exception) -> NoReturn:
    """Refuse through ``main``, which prints it (as JSON under ``--json``), exit code 2."""
    raise UsageError(str(exc), code="exchange") from exc


def _guarded(command: str, source: Path, run: Callable[[], T]) -> T | int:
    """Run an importer; a problem with the input is one line and exit code 2.

    The importers check their input before writing, and say what is wrong in an
    ``ExchangeError``. Anything else escaping them is a bug, but the person still gets
    one line, not a traceback: the transaction was rolled back, so nothing changed.
    Database and catalogue errors go on to ``main``, which words them.
    """
    try:
        return run()
    except ExchangeError as exc:
        _fail(command, exc)
    except (DBAPIError, CatalogueError):
        raise
    except MemoryError:
        _fail(
            command,
            ExchangeError(
                f"{source.name} needs more memory than is available; the catalogue was not changed"
            ),
        )
    except Exception as exc:
        _fail(
            command,
            ExchangeError(
                f"{source.name} could not be imported because of an internal problem "
                f"({type(exc).__name__}); the catalogue was not changed. Please report this."
            ),
        )


# The file name an export to standard output is first written under: formats that
# choose between a file and a folder by the name's suffix then write one file.
STDOUT_SUFFIXES = {
    "csv": ".csv",
    "csl-json": ".json",
    "ris": ".ris",
    "bibtex": ".bib",
    "dc": ".xml",
    "ead": ".xml",
    "annotations": ".jsonld",
    "qdpx": ".qdpx",
    "catena-archive": ".zip",
}


def cmd_export(catalogue: Catalogue, args: argparse.Namespace) -> int:
    """Export as asked; ``-o -`` exports to a scratch file and copies it to standard
    output (the summary then goes to stderr, so the data stays clean)."""
    requested: Path = args.output
    check_output(requested, force=args.force)
    if requested != STDOUT:
        return _export(catalogue, args, requested, to_stdout=False)
    with tempfile.TemporaryDirectory(prefix="catena-export-") as scratch:
        try:
            suffix = STDOUT_SUFFIXES.get(normal_format(args.format), "")
        except ExchangeError as exc:
            _fail("export", exc)
        return _export(catalogue, args, Path(scratch) / f"export{suffix}", to_stdout=True)


def _export(
    catalogue: Catalogue, args: argparse.Namespace, output: Path, *, to_stdout: bool
) -> int:
    bar = ProgressBar("Exporting")
    try:
        selection = Selection(
            refs=tuple(args.refs or ()), collection=args.collection, query=args.query
        )
        result = export_documents(
            catalogue,
            format=args.format,
            selection=selection,
            output=output,
            progress=bar,
            options=ExportOptions(
                bom=args.bom,
                protect_formulas=not args.no_formula_protection,
                table=args.table,
                statuses=tuple(args.statuses) if args.statuses else None,
                dossier_pdf=args.dossier,
                dossier_style=args.style,
                title=args.title,
                archive_fields=args.archive_fields,
            ),
        )
    except (ExchangeError, SelectionError) as exc:
        _fail("export", exc)
    finally:
        bar.finish()
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not to_stdout:
        print(result.summary())
        return EXIT_OK
    if result.files != [output] or not output.is_file():
        raise UsageError(
            f"--format {args.format} writes a folder, which cannot go to standard output; "
            "give a folder name with -o"
            + (" (or one table with --table)" if result.format == "csv" else ""),
            code="output",
        )
    write_stdout_bytes(output.read_bytes())
    summary = result.summary().replace(f"Wrote {output}", "Wrote to standard output", 1)
    print(summary, file=sys.stderr)
    return EXIT_OK


def cmd_import_archive(catalogue: Catalogue, args: argparse.Namespace) -> int:
    bar = ProgressBar("Importing")
    try:
        report = _guarded(
            "import-archive",
            args.archive,
            lambda: (
                load_archive(
                    catalogue,
                    path=args.archive,
                    progress=bar,
                    allow_missing=args.allow_missing_objects,
                ).value
            ),
        )
    finally:
        bar.finish()
    if isinstance(report, int):
        return report
    for warning in report.warnings:
        print(f"warning: {for_terminal(warning)}", file=sys.stderr)
    print(for_terminal(report.summary()))
    return EXIT_OK


def cmd_import_metadata(catalogue: Catalogue, args: argparse.Namespace) -> int:
    report = _guarded(
        "import-metadata",
        args.file,
        lambda: (
            apply_bibliography(
                catalogue,
                path=args.file,
                source_format=args.source_format,
                dry_run=args.dry_run,
                create=args.create,
            ).value
        ),
    )
    if isinstance(report, int):
        return report
    for outcome in report.outcomes:
        print(for_terminal(outcome.describe()))
    print(for_terminal(report.summary()))
    unresolved = report.count("unmatched") + report.count("ambiguous")
    return EXIT_PARTIAL if unresolved else EXIT_OK


COMMANDS = {
    "export": cmd_export,
    "import-archive": cmd_import_archive,
    "import-metadata": cmd_import_metadata,
}
