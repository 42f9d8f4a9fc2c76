"""The program's entry point: the command line, plus the window when one is asked for.

This is the one place that joins the Qt-free command line to the Qt user interface,
which keeps ``desktop.cli`` importable (and testable) without PySide6.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.cli.main import main as cli_main


def launch_gui(path: Path, create: bool) -> int:
    from desktop.ui.app import run_app

    return run_app(path, create=create)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, launch_gui=launch_gui)


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])
