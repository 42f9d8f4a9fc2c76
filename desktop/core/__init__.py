"""Catena's operations: one typed function for each thing a person can do.

The window (``desktop.ui``) and the command line (``desktop.cli``) are adapters over
this package: they turn a key press or an argument list into one call here and show
what it returns. Operations take the open ``Catalogue`` and keyword-only arguments,
open and commit their own transaction, and return what changed (``Changes``), so the
window can refresh the right views and the CLI can print it. Read models (the rows a
list shows, the tags of the document on screen) come from here too, so no Qt model
runs SQL. Nothing here imports Qt.
"""
