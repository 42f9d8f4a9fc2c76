"""The command line's own error: what the person asked for cannot be done as asked.

Kept apart from ``desktop.cli.main`` so every command module can raise it without
importing the module that imports them all.
"""


class UsageError(Exception):
    """A problem with what the user asked for, printed as one line."""
