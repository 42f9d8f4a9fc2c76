"""Catena: an offline catalogue of evidence documents with verifiable citation dossiers.

``__version__`` is looked up on first use (PEP 562): importing ``importlib.metadata``
and reading the installed distribution costs tens of milliseconds, and every
``import desktop.…`` would otherwise pay it, the warm command client included.
"""

from __future__ import annotations

_version: str | None = None


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module 'desktop' has no attribute {name!r}")
    global _version
    if _version is None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            _version = version("catena")
        except PackageNotFoundError:  # a source tree that was never installed
            _version = "0+unknown"
    return _version
