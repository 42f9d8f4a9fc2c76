"""The `catena` command: headless commands over the same core the window uses.

The entry point is ``desktop.cli.main.main``. This package imports nothing itself, so
that importing one command module (desktop.cli.search, desktop.cli.output, ...) does
not import them all and their heavy dependencies (issue 23: command start).
"""
