"""Catena: an offline catalogue of evidence documents with verifiable citation dossiers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("catena")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
