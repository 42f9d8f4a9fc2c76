"""`catena dossier`: print a citation dossier to PDF."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from db.catalogue import Catalogue
from db.sanitize import for_terminal
from desktop.cli.output import STDOUT, ProgressBar, check_output, write_stdout_bytes
from desktop.dossier.build import (
    STYLES,
    DossierError,
    DossierSpec,
    load_definition,
    save_definition,
)
from desktop.dossier.data import SECTION_NAMES
from desktop.dossier.language import LANGUAGES

EXIT_OK = 0
WARNINGS_SHOWN = 20  # glyph warnings printed here; the dossier's appendix has them all


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dossier", parents=[common], help="print a citation dossier to PDF")
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument("--query", "-q", help="documents matching a search")
    chosen.add_argument("--collection", help="documents of a collection")
    chosen.add_argument("--refs", nargs="+", metavar="REF", help="these documents")
    chosen.add_argument("--saved", metavar="NAME", help="print a saved dossier definition again")
    p.add_argument("--style", choices=STYLES, default="chicago")
    p.add_argument(
        "--sections",
        nargs="+",
        metavar="SECTION",
        help=f"sections in order (default all): {' '.join(SECTION_NAMES)}",
    )
    p.add_argument(
        "--language",
        choices=tuple(LANGUAGES),
        default="en",
        help="language of the headings, labels and dates in words: "
        + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items()),
    )
    p.add_argument("--title", default="Dossier", help="cover title (default: Dossier, translated)")
    p.add_argument("--subtitle")
    p.add_argument("--compiler", help="name printed as compiler (default: your login)")
    p.add_argument(
        "--suggested",
        action="store_true",
        help="include tags not yet accepted (marked as suggestions nowhere; use for drafts only)",
    )
    p.add_argument(
        "--reproducible",
        action="store_true",
        help="fixed dates and IDs: the same catalogue gives the same PDF",
    )
    p.add_argument("--save", metavar="NAME", help="also save this definition under NAME")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="PDF file to write; - for standard output (when it is not a terminal)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing PDF")


def cmd_dossier(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if args.saved:
        spec = load_definition(catalogue, args.saved)
    else:
        spec = DossierSpec(
            title=args.title,
            subtitle=args.subtitle,
            compiler=args.compiler,
            style=args.style,
            language=args.language,
            sections=tuple(args.sections or SECTION_NAMES),
            refs=tuple(args.refs or ()),
            collection=args.collection,
            query=args.query,
            include_suggested=args.suggested,
            reproducible=args.reproducible,
        )
    from desktop.core.dossiers import DossierFileError
    from desktop.core.dossiers import print_dossier as print_to_file

    requested: Path = args.output
    check_output(requested, force=args.force, binary=True)
    to_stdout = requested == STDOUT
    with tempfile.TemporaryDirectory(prefix="catena-dossier-") as scratch:
        output = Path(scratch) / "dossier.pdf" if to_stdout else requested
        bar = ProgressBar("Printing")
        try:
            written = print_to_file(
                catalogue, spec=spec, output=output, progress=lambda done, total: bar(done, total)
            ).value
        except DossierFileError as exc:
            raise DossierError(str(exc)) from exc
        finally:
            bar.finish()
        if to_stdout:
            write_stdout_bytes(output.read_bytes())
    if args.save:
        save_definition(catalogue, name=args.save, spec=spec)
    shown = "standard output" if to_stdout else str(output)
    print(
        f"Wrote {shown} ({written.size / 1024:.0f} KB)",
        file=sys.stderr if to_stdout else sys.stdout,
    )
    for line in written.warnings[:WARNINGS_SHOWN]:
        print(f"warning: {for_terminal(line)}", file=sys.stderr)
    if len(written.warnings) > WARNINGS_SHOWN:
        rest = len(written.warnings) - WARNINGS_SHOWN
        print(
            f"warning: … and {rest:,} more; all are listed in the dossier's appendix",
            file=sys.stderr,
        )
    return EXIT_OK


COMMANDS = {"dossier": cmd_dossier}
