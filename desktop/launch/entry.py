"""The program's entry point: the command line, plus the window when one is asked for.

This is the one place that joins the Qt-free command line to the Qt user interface,
which keeps ``desktop.cli`` importable (and testable) without PySide6.

``catena smoke`` (or ``catena --smoke``, the spelling installer builds use) runs the
self-test in ``desktop.launch.smoke`` instead of the command line.

Quick commands and imports (``desktop.launch.warm_client.ROUTED``: list, show, import...) are
first offered to a warm command server of the same code (``desktop.launch.warm_server``),
which answers without importing SQLAlchemy again; until the client knows the server
has the command, only the standard library is imported here. Without one the command
runs in this process, as always, and a server is started for next time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

SMOKE_WORDS = ("smoke", "--smoke")
#: Matches the installed .desktop file and AppStream id (packaging/linux).
DESKTOP_FILE_NAME = "org.catena.Catena"


def launch_gui(path: Path | str, create: bool) -> int:
    from PySide6.QtGui import QGuiApplication, QIcon

    from desktop.core.resources import resources_dir
    from desktop.ui.app import make_application, run_app

    # run_app reuses this application; give it the icon and the desktop file name
    # (Wayland and the docks use it to find the launcher and icon).
    make_application()
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    icon = resources_dir() / "icons" / "catena.png"
    if icon.is_file():
        QGuiApplication.setWindowIcon(QIcon(str(icon)))
    return run_app(path, create=create)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] and args[0] in SMOKE_WORDS:
        from desktop.launch.smoke import main as smoke_main

        return smoke_main(args[1:])
    if args == ["--version"]:
        # Answered before the command line is imported: its SQLAlchemy and catalogue
        # modules are most of a `catena --version`'s start-up. Same text and exit as
        # argparse's version action (SystemExit(0)).
        from desktop import __version__

        print(f"catena {__version__}")
        raise SystemExit(0)
    from desktop.launch import warm_client

    if not warm_client.wanted(args):
        return run_command(args)
    # Standard library only until here: a warm server answers in a fraction of the
    # time `import sqlalchemy` alone takes (desktop.launch.warm_server).
    attempt = warm_client.run_through_server(args)
    if attempt.answer is not None:
        return attempt.answer
    try:
        return run_command(args)
    finally:
        if attempt.start:
            warm_client.start_server()


def run_command(args: list[str]) -> int:
    """The command line in this process: what a fresh `catena` runs, and what the warm
    server's child runs for a client."""
    from desktop.cli.main import main as cli_main

    return cli_main(args, launch_gui=launch_gui)


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])
