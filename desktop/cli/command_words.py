"""Which command an argument list names, read without importing the command line.

Both ``desktop.cli.main`` (to import only that command's module) and the warm command
client (``desktop.launch.warm_client``, to decide before importing anything heavy
whether a server may answer) need it; this module imports nothing but the standard
library so the client stays light.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The top-level options that take a value (their value is not a command).
VALUE_OPTIONS = frozenset({"--catalogue", "-c", "--locale"})


def command_word(argv: Sequence[str]) -> str | None:
    """The command named in *argv* (the first word that is not an option), if any."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--":
            return None
        elif word in VALUE_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None
