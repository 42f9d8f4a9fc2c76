"""`catena guide`: say where the user guide is installed.

The guide is Markdown with screenshots (docs/guide/ in the source tree, the same
relative folder inside the installers' bundle). The window shows it under Help ▸ User
Guide (F1); on the command line its index path is printed, so a person can open it
with any Markdown viewer or editor. Nothing is opened in a web browser and nothing
touches the network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.sanitize import for_terminal
from desktop.core.resources import GUIDE_INDEX, guide_dir

EXIT_OK, EXIT_MISSING = 0, 1


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    sub.add_parser(
        "guide",
        help="print where the user guide is (also Help > User Guide, F1, in the window)",
        description="Print the path of the user guide's first page (Markdown, with "
        "screenshots). The window shows the same guide under Help > User Guide (F1).",
    )


def cmd_guide(_catalogue: Path | str, _args: argparse.Namespace) -> int:
    """Print the guide's index path; a missing guide is one line on stderr."""
    index = guide_dir() / GUIDE_INDEX
    if not index.is_file():
        print(
            f"catena: the user guide is not installed ({for_terminal(str(index))})", file=sys.stderr
        )
        return EXIT_MISSING
    print(for_terminal(str(index)))
    return EXIT_OK


COMMANDS: dict[str, object] = {}
FOLDER_COMMANDS = {"guide": cmd_guide}
