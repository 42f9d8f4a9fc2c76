"""The `catena` command: headless commands over the same core the window uses."""

from desktop.cli.main import main

__all__ = ["main"]
